package document

import (
	"fmt"
	"strings"
	"testing"
)

// page builds the raw PDF text of one page: body lines, a rule, and the
// footnotes "label text", as pdftotext leaves a UN document.
func page(body string, notes ...string) string {
	var b strings.Builder
	b.WriteString(body)
	b.WriteString("\n_______________\n\n")
	for _, n := range notes {
		b.WriteString(n)
		b.WriteString("\n\n")
	}
	b.WriteString("A/RES/80/1\n\n25-20760\n2/7\n\n")
	return b.String()
}

// markers renders the body with its markers as {label}.
func markers(d *Document) string {
	var b strings.Builder
	prev := 0
	for _, m := range d.Markers {
		b.WriteString(d.Body.Text[prev:m.At])
		fmt.Fprintf(&b, "{%s}", m.Label)
		prev = m.At
	}
	b.WriteString(d.Body.Text[prev:])
	return b.String()
}

// TestMarkerForms: every form a footnote marker takes in plain text, and
// the numbers that look like one, each written from the pattern.
func TestMarkerForms(t *testing.T) {
	cite := "United Nations, Treaty Series, vol. 1577, No. 27531."
	tests := []struct {
		name, in, want string
	}{
		{"glued to a word",
			page("Recalling the Convention on the Rights of the Child4 and", "4 "+cite),
			"Recalling the Convention on the Rights of the Child{4} and"},
		{"glued to a Roman numeral that ends a title",
			page("codified in Additional Protocol I6 to the four Geneva Conventions,7 and G20 and SDG3", "6 A", "7 B"),
			"codified in Additional Protocol I{6} to the four Geneva Conventions,{7} and G20 and SDG3"},
		{"glued to a comma",
			page("the Convention on the Elimination of All Forms of Discrimination against Women,5 and", "5 "+cite),
			"the Convention on the Elimination of All Forms of Discrimination against Women,{5} and"},
		{"space after a comma",
			page("the Convention on the Rights of Persons with Disabilities, 1 the Convention", "1 "+cite),
			"the Convention on the Rights of Persons with Disabilities,{1} the Convention"},
		{"no-break space after a comma",
			page("the Convention on the Rights of Persons with Disabilities,\u00a01 the Convention", "1 "+cite),
			"the Convention on the Rights of Persons with Disabilities,{1} the Convention"},
		{"narrow no-break space after a word",
			page("the Convention on the Rights of the Child\u202f2 and", "2 "+cite),
			"the Convention on the Rights of the Child{2} and"},
		{"a no-break space between a footnote's label and its text",
			page("the Convention on the Rights of the Child,3 and", "3\u00a0"+cite),
			"the Convention on the Rights of the Child,{3} and"},
		{"HTML superscript in Markdown",
			page("the Convention on the Rights of the Child<sup>4</sup> and the <SUP>Charter</SUP>", "4 "+cite),
			"the Convention on the Rights of the Child{4} and the <SUP>Charter</SUP>"},
		{"Pandoc superscript",
			page("the Convention on the Rights of the Child,^5^ and 2^10^ bytes", "5 "+cite),
			"the Convention on the Rights of the Child,{5} and 2^10^ bytes"},
		{"space after a semicolon",
			page("the Charter of the United Nations; 11 and", "11 "+cite),
			"the Charter of the United Nations;{11} and"},
		{"space after a closing parenthesis",
			page("the Worst Forms of Child Labour Convention, 1999 (No. 182) 15 and", "15 "+cite),
			"the Worst Forms of Child Labour Convention, 1999 (No. 182){15} and"},
		{"space after a word",
			page("Parties to the United Nations Framework Convention on Climate Change 4 that have not", "4 "+cite),
			"Parties to the United Nations Framework Convention on Climate Change{4} that have not"},
		{"space after a word, two spaces after",
			page("Reaffirming also the Paris Agreement 3  and its early entry into force,", "3 "+cite),
			"Reaffirming also the Paris Agreement{3}  and its early entry into force,"},
		{"at the start of the next line",
			page("Parties to the United Nations Framework Convention on Climate Change\n4 that have not", "4 "+cite),
			"Parties to the United Nations Framework Convention on Climate Change {4}that have not"},
		{"at the start of the next line after a title, a verb after it",
			page("Reaffirms that the International Covenant on Economic, Social and Cultural Rights\n2 provides a legal framework,", "2 "+cite),
			"Reaffirms that the International Covenant on Economic, Social and Cultural Rights {2}provides a legal framework,"},
		{"at the start of a line after a word that numbers: a number, as on one line",
			page("the Territories to which Article\n73 e of the Charter applies, and the Sustainable Development Goal\n4 targets,", "4 "+cite),
			"the Territories to which Article 73 e of the Charter applies, and the Sustainable Development Goal 4 targets,"},
		{"at the start of a line after a name, a count",
			page("the Office of the United Nations High Commissioner for Human Rights\n13 new posts and the Department of Safety and Security\n14 temporary posts,", "13 "+cite, "14 "+cite),
			"the Office of the United Nations High Commissioner for Human Rights 13 new posts and the Department of Safety and Security 14 temporary posts,"},
		{"at the start of the next line after a title that ends in a year",
			page("the United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances of 1988\n3 and other instruments,", "3 "+cite),
			"the United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances of 1988 {3}and other instruments,"},
		{"at the start of a line after a year, a word that follows no marker: a number",
			page("the strategy for the period from 2021 to 2025 and beyond 2030\n3 regional commissions,", "3 "+cite),
			"the strategy for the period from 2021 to 2025 and beyond 2030 3 regional commissions,"},
		{"at the start of a line after a small word, a word that follows no marker: a number",
			page("the Committee, composed of\n2 members elected by the Assembly, and in paragraphs 1 and\n2 provides that", "2 "+cite),
			"the Committee, composed of 2 members elected by the Assembly, and in paragraphs 1 and 2 provides that"},
		{"at the start of a line after a capitalised word, a counted word or a month: a number",
			page("the States members of the Group of Seven\n5 countries that have not, and on Human Rights Day\n10 December 2024", "5 "+cite),
			"the States members of the Group of Seven 5 countries that have not, and on Human Rights Day 10 December 2024"},
		{"space after a title that ends in Protocol",
			page("the Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol 1 and the Protocol 2 thereto", "1 "+cite, "2 B"),
			"the Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol{1} and the Protocol{2} thereto"},
		{"space after a year",
			page("Recalling the Geneva Conventions of 12 August 1949 2  and the Additional Protocols", "1 A", "2 "+cite),
			"Recalling the Geneva Conventions of 12 August 1949{2}  and the Additional Protocols"},
		{"glued to the next word, its space lost",
			page("the Paris Agreement 5and its entry into force, and the Convention on Climate Change 6that have not", "5 A", "6 "+cite),
			"the Paris Agreement {5}and its entry into force, and the Convention on Climate Change {6}that have not"},
		{"glued to the next word after a hard space",
			page("the Paris Agreement\u00a05and its entry into force, and the Convention on Climate\u00a0Change\u202f6that have not", "5 A", "6 "+cite),
			"the Paris Agreement {5}and its entry into force, and the Convention on Climate Change {6}that have not"},
		{"digits glued to a word that does not follow markers are not markers",
			page("the 5th Committee and G20 and 3rd and the 2nd session,6", "5 A", "6 "+cite),
			"the 5th Committee and G20 and 3rd and the 2nd session,{6}"},
		{"asterisks before a curly closing quote and after a year",
			"“Recalling the Refugees of 1951** and **1967** in bold, welcoming the Convention on the Rights of Persons with Disabilities,***”\n\n** " + cite + "\n\n*** " + cite + "\n",
			"“Recalling the Refugees of 1951{**} and **1967** in bold, welcoming the Convention on the Rights of Persons with Disabilities,{***}”"},
		{"asterisks",
			"Russian Federation:* amendment\n\nin the Rome Statute of the International Criminal Court,** and *italics* and\n\n* Any changes to the list of sponsors.\n\n** " + cite + "\n",
			"Russian Federation:{*} amendment in the Rome Statute of the International Criminal Court,{**} and *italics* and"},
		{"glued to a year",
			page("the Protocol amending the Single Convention on Narcotic Drugs of 19612 and", "2 "+cite),
			"the Protocol amending the Single Convention on Narcotic Drugs of 1961{2} and"},
		{"glued to a number and a comma",
			page("taking into account also chapter 17 of Agenda 21,3 and 5,000 persons and 10:30,", "1 A", "2 B", "3 "+cite),
			"taking into account also chapter 17 of Agenda 21,{3} and 5,000 persons and 10:30,"},
		{"glued to a resolution's number, which its footnote cites",
			page("Environment Assembly resolution 5/1411 and resolution 79/229 and resolution 5/1412", "11 UNEP/EA.5/Res.14.", "12 Resolution 79/2."),
			"Environment Assembly resolution 5/14{11} and resolution 79/229 and resolution 5/1412"},
		{"glued to a date",
			page("adopted on 10 December 1982,1 and", "1 "+cite),
			"adopted on 10 December 1982,{1} and"},
		{"a label of four digits (yearly Security Council volumes)",
			page("Reaffirming the Convention on the Rights of the Child,975", "975 "+cite),
			"Reaffirming the Convention on the Rights of the Child,{975}"},
		{"labels 960 to 999 do not overflow the label set",
			page("the Convention,998 and the Covenant,999", "998 "+cite, "999 "+cite),
			"the Convention,{998} and the Covenant,{999}"},
		{"one missed marker does not push out the next ones",
			page("the Convention,1 the Statute 2 and the Treaty,3 the Covenant,4 and the Charter,5", "1 a", "2 b", "3 c", "4 d", "5 e"),
			"the Convention,{1} the Statute{2} and the Treaty,{3} the Covenant,{4} and the Charter,{5}"},
		{"a decimal is not a marker",
			page("the estimated 8.5 trillion, the Convention,6", "5 X", "6 "+cite),
			"the estimated 8.5 trillion, the Convention,{6}"},
		{"a number that counts is not a marker",
			page("the Treaty, 2 States and the Convention,3", "2 X", "3 "+cite),
			"the Treaty, 2 States and the Convention,{3}"},
		{"glued to a title or its comma, before a noun that numbers count",
			page("under the Convention relating to the Status of Refugees,3 States have, the Paris Agreement,4 Parties should, the Rights of the Child5 children and the Treaty of Amity and Cooperation in Southeast Asia6 Member States", "3 "+cite, "4 "+cite, "5 "+cite, "6 "+cite),
			"under the Convention relating to the Status of Refugees,{3} States have, the Paris Agreement,{4} Parties should, the Rights of the Child{5} children and the Treaty of Amity and Cooperation in Southeast Asia{6} Member States"},
		{"glued numbers that count still are not markers",
			page("the Convention,1 the G2 countries and 2,2 million persons and the Statute,3", "1 A", "2 B", "3 "+cite),
			"the Convention,{1} the G2 countries and 2,2 million persons and the Statute,{3}"},
		{"a day of a month is not a marker",
			page("adopted on\n1 January 2020, the Convention,2", "1 X", "2 "+cite),
			"adopted on 1 January 2020, the Convention,{2}"},
		{"a list of numbers is not a marker",
			page("paragraphs 1, 2 and 3 of the Convention,4", "2 X", "3 Y", "4 "+cite),
			"paragraphs 1, 2 and 3 of the Convention,{4}"},
		{"numbers after words that count them are not markers",
			page("resolution 21, article 21 and Agenda 21. The Convention,22", "21 X", "22 "+cite),
			"resolution 21, article 21 and Agenda 21. The Convention,{22}"},
		{"a thousands group is not a marker",
			page("some Convention, 1 500 persons, the Statute,2", "1 X", "2 "+cite),
			"some Convention, 1 500 persons, the Statute,{2}"},
		{"a ten-year plan is not a marker",
			page("its first 10-year implementation plan and the Convention,11", "10 X", "11 "+cite),
			"its first 10-year implementation plan and the Convention,{11}"},
		{"a marker stands on the page of its footnote",
			page("the Convention,1 and", "1 "+cite) + page("the Statute 1 and the Treaty,2", "2 "+cite),
			"the Convention,{1} and the Statute 1 and the Treaty,{2}"},
		{"resolutions glued to their markers",
			page("resolutions 16/18 of 24 March 2011,1 19/25 of 23 March 2012, 2 22/31 of 22 March 2013,3", "1 a", "2 b", "3 c"),
			"resolutions 16/18 of 24 March 2011,{1} 19/25 of 23 March 2012,{2} 22/31 of 22 March 2013,{3}"},
		{"superscripts are markers even out of order",
			"the Convention,¹ the Statute² and the Convention¹ again\n\n¹ x\n\n² y\n",
			"the Convention,{1} the Statute{2} and the Convention{1} again"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.in)
			if got := markers(d); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			for _, m := range d.Markers {
				if m.Note == nil || m.Note.Label != m.Label {
					t.Errorf("marker %s: note %v", m.Label, m.Note)
				}
				if got := string(d.File.Text[m.Start:m.End]); !strings.Contains(got, m.Label) && !strings.ContainsAny(got, "¹²³⁴⁵⁶⁷⁸⁹⁰") {
					t.Errorf("marker %s spans %q", m.Label, got)
				}
			}
		})
	}
}

// TestGluedFootnoteLabels: footnotes whose labels are glued to their
// text, with no rule above them (text of PDFs made by word processors),
// are found by their numbering alone.
func TestGluedFootnoteLabels(t *testing.T) {
	in := "effectively counter the challenges posed by those links,1\n" +
		"the Protocols thereto,2 the Single Convention on Narcotic Drugs of 19613 and\n" +
		"1Salvador Declaration on Comprehensive Strategies for Global Challenges, General Assembly\n" +
		"resolution 65/230, annex.\n" +
		"2United Nations, Treaty Series, vol. 2225, No. 39574.\n" +
		"3Ibid., vol. 976, No. 14152.\n\n" +
		"particular those activities that sustain 4000 organized groups;\n" +
		"4Ibid., vol. 1019, No. 14956.\n\n" +
		"3D printing of weapons and 5Ghz networks\n"
	d := parse(t, in)
	want := "effectively counter the challenges posed by those links,{1} the Protocols thereto,{2} the Single Convention on Narcotic Drugs of 1961{3} and particular those activities that sustain 4000 organized groups; 3D printing of weapons and 5Ghz networks" +
		"\n[1] Salvador Declaration on Comprehensive Strategies for Global Challenges, General Assembly resolution 65/230, annex.\n[2] United Nations, Treaty Series, vol. 2225, No. 39574.\n[3] Ibid., vol. 976, No. 14152.\n[4] Ibid., vol. 1019, No. 14956."
	if got := summary(d); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestWeakFootnoteStarts: a footnote whose text starts with a number or
// a lower-case word is read as one where the numbering continues among
// footnotes, with or without a rule above them.
func TestWeakFootnoteStarts(t *testing.T) {
	in := "the Review Conference,7 and the Treaty,8\n\n7 See NPT/CONF.2010/50.\n\n8 2010 Review Conference of the Parties.\n\n9 and so on.\n\n1 December 2025 was the date.\n"
	d := parse(t, in)
	want := "the Review Conference,{7} and the Treaty,{8} 1 December 2025 was the date." +
		"\n[7] See NPT/CONF.2010/50.\n[8] 2010 Review Conference of the Parties.\n[9] and so on."
	if got := summary(d); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestDateRangeIsNoFootnote: a line that a wrap starts with the end of a
// date range ("3 – 14 June 1992") continues the footnote before it.
func TestDateRangeIsNoFootnote(t *testing.T) {
	in := "of Agenda 21,3 and Prosperity4 and\n_____\n\n2 Report of the Conference, Rio de Janeiro,\n3 – 14 June 1992, vol. I.\n\n3 Ibid., annex II.\n\n" +
		"4 Report of the Conference, New York,\n5 March 2022, and Doha.\n\n5 Resolution 78/317.\n"
	d := parse(t, in)
	want := "of Agenda 21,{3} and Prosperity{4} and\n[2] Report of the Conference, Rio de Janeiro, 3 – 14 June 1992, vol. I.\n[3] Ibid., annex II.\n[4] Report of the Conference, New York, 5 March 2022, and Doha.\n[5] Resolution 78/317."
	if got := summary(d); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestRunningTitles: the title printed at the head of each page is page
// furniture, wherever it falls in a sentence.
func TestRunningTitles(t *testing.T) {
	head := "United Nations A/RES/80/9\n\nResolution adopted by the General Assembly\n\n80/9. Oceans and the law of the sea\n\n"
	brk := func(title string) string {
		return "\n_______________\n\n1 A.\n\nA/RES/80/9\n" + title + "\n\n25-20236\n2/5\n\n"
	}
	tests := []struct{ name, in, want string }{
		{"one line, seen at the top of the document",
			head + "Recalling the Agreement relating to the" + brk("Oceans and the law of the sea") + "Implementation of Part XI,\n",
			"Recalling the Agreement relating to the Implementation of Part XI,"},
		{"several lines, seen on two pages",
			"Recalling the Convention on" + brk("Sustainable fisheries, including through the 1995 Agreement for the\nImplementation of the Provisions") +
				"the Law of the Sea and" + brk("Sustainable fisheries, including through the 1995 Agreement for the\nImplementation of the Provisions") + "the Agreement,\n",
			"Recalling the Convention on the Law of the Sea and the Agreement,"},
		{"a paragraph seen once is body text",
			"Recalling the Convention on" + brk("Welcoming the report of the Secretary-General") + "the Law of the Sea,\n",
			"Recalling the Convention on Welcoming the report of the Secretary-General the Law of the Sea,"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.in)
			got := d.Body.Text
			if i := strings.Index(got, tt.want[:20]); i >= 0 {
				got = got[i:]
			}
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestNumberingFromEarlierText: a resolution taken from a yearly volume
// keeps the volume's footnote numbers (106, 107) with no rule above them;
// its first footnote is read as one where its text reads as a reference
// and its label stands in the body as a marker set apart by a space.
// Elsewhere a line that starts with a number stays body text.
func TestNumberingFromEarlierText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{
			"after a year and after a comma",
			"Recalling the Vienna Convention on Diplomatic Relations of 18 April 1961 106 and the Vienna Convention on\nConsular Relations of 24 April 1963, 107 to both of which\n\nAdopted unanimously.\n\n\n106 Ibid., vol. 500, No. 7310.\n107 Ibid., vol. 596, No. 8638.\n",
			"Recalling the Vienna Convention on Diplomatic Relations of 18 April 1961{106} and the Vienna Convention on Consular Relations of 24 April 1963,{107} to both of which Adopted unanimously." +
				"\n[106] Ibid., vol. 500, No. 7310.\n[107] Ibid., vol. 596, No. 8638.",
		},
		{
			"at the end of a line, after a semicolon",
			"in accordance with the Third Geneva Convention of 12 August 1949; 31\n4. Calls upon Iran and Iraq to co-operate.\n\n\n31 United Nations, Treaty Series, vol. 75, No. 972.\n",
			"in accordance with the Third Geneva Convention of 12 August 1949;{31} 4. Calls upon Iran and Iraq to co-operate." +
				"\n[31] United Nations, Treaty Series, vol. 75, No. 972.",
		},
		{
			"after a word",
			"the report of the Committee 14 and the reply\n\n14 Official Records of the Security Council, Third Year, document S/848.\n",
			"the report of the Committee{14} and the reply" +
				"\n[14] Official Records of the Security Council, Third Year, document S/848.",
		},
		{
			"a first note that names the treaty before its Treaty Series citation",
			"Recalling the Geneva Conventions of 12 August 1949, 37\n\nAdopted unanimously.\n\n\n37 Geneva Conventions of 12 August 1949 (United Nations,\nTreaty Series, vol. 75 (1950), Nos. 970-973).\n38 Ibid., vol. 1833, No. 31363.\n",
			"Recalling the Geneva Conventions of 12 August 1949,{37} Adopted unanimously." +
				"\n[37] Geneva Conventions of 12 August 1949 (United Nations, Treaty Series, vol. 75 (1950), Nos. 970-973).\n[38] Ibid., vol. 1833, No. 31363.",
		},
		{
			"a first note whose marker stood in the resolution before, then one marked here",
			"Having considered the report of the Secretary-General of 22 September 1989, 74 and taking note\n\nAdopted unanimously.\n\n\n73 See Official Records of the Security Council, Forty-fourth Year,\nSupplement for July, August and September 1989.\n74 United Nations, Treaty Series, vol. 1833, No. 31363.\n",
			"Having considered the report of the Secretary-General of 22 September 1989,{74} and taking note Adopted unanimously." +
				"\n[73] See Official Records of the Security Council, Forty-fourth Year, Supplement for July, August and September 1989.\n[74] United Nations, Treaty Series, vol. 1833, No. 31363.",
		},
		{
			"the same where the next note is not marked here: body text",
			"Having considered the report of the Secretary-General of 22 September 1989 and taking note\n\nAdopted unanimously.\n\n\n73 See Official Records of the Security Council, Forty-fourth Year.\n74 United Nations, Treaty Series, vol. 1833, No. 31363.\n",
			"Having considered the report of the Secretary-General of 22 September 1989 and taking note Adopted unanimously. 73 See Official Records of the Security Council, Forty-fourth Year. 74 United Nations, Treaty Series, vol. 1833, No. 31363.",
		},
		{
			"a number in a list is no marker",
			"see paragraphs 65, 66 and 67 of the report\n\n66 United Nations took part.\n",
			"see paragraphs 65, 66 and 67 of the report 66 United Nations took part.",
		},
		{
			"a resolution number is no marker",
			"Recalling resolution 106 (1955) and\n\n106 Security Council members attended.\n",
			"Recalling resolution 106 (1955) and 106 Security Council members attended.",
		},
		{
			"a line that reads as no reference stays body text",
			"the 193 Members of 2025, 52 and\n\n52 countries reported.\n",
			"the 193 Members of 2025, 52 and 52 countries reported.",
		},
	}
	checkSummaries(t, tests)
}

// TestDottedLabelsBelowABreak: notes numbered "1." below a Markdown break
// ("---") are footnotes where they read as references, or follow another
// note, and the numbering goes on; numbered paragraphs stay body text.
func TestDottedLabelsBelowABreak(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"notes below a break",
			"*Recalling* the Arms Trade Treaty<sup>1</sup> and the Convention on Cluster Munitions,<sup>2</sup>\n\n---\n\n1. United Nations, Treaty Series, vol. 3013, No. 52373.\n2. Ibid., vol. 2688, No. 47713.\n",
			"*Recalling* the Arms Trade Treaty{1} and the Convention on Cluster Munitions,{2}" +
				"\n[1] United Nations, Treaty Series, vol. 3013, No. 52373.\n[2] Ibid., vol. 2688, No. 47713."},
		{"numbered paragraphs below a break",
			"The General Assembly,\n\n---\n\n1. Decides to remain seized of the matter;\n2. Requests the Secretary-General to report.\n",
			"The General Assembly, 1. Decides to remain seized of the matter; 2. Requests the Secretary-General to report."},
		{"after the first, a note whose text is no reference: the numbering is enough among notes",
			"the Arms Trade Treaty<sup>1</sup> and the Summit<sup>2</sup>\n\n---\n\n1. United Nations, Treaty Series, vol. 3013, No. 52373.\n" +
				"2. Report of the World Summit on Sustainable Development, chap. I.\n\n3. Decides to remain seized of the matter;\n",
			"the Arms Trade Treaty{1} and the Summit{2} 3. Decides to remain seized of the matter;" +
				"\n[1] United Nations, Treaty Series, vol. 3013, No. 52373.\n[2] Report of the World Summit on Sustainable Development, chap. I."},
		{"a heading underlined is no break",
			"Recalling the Treaty,1\nHeading\n---\n1. United Nations, Treaty Series, vol. 3013, No. 52373.\n",
			"Recalling the Treaty,1 Heading --- 1. United Nations, Treaty Series, vol. 3013, No. 52373."},
	}
	checkSummaries(t, tests)
}

// TestSlashLabels: UN documents numbered footnotes "1/" until the 1990s,
// in the text ("Drugs, 1961,1/ the", "of 20 January 1994, 2/ and") and
// before the note. Symbols with slashes, fractions and numbers that wrap
// after a symbol's slash are no markers, and a "N/" line is a footnote
// only where the numbering goes on or the body carries its marker.
func TestSlashLabels(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"glued to a comma, apart after a comma, at a line's end",
			"Recalling the Single Convention on Narcotic Drugs, 1961,1/ the 1971\nConvention on Psychotropic Substances, 2/ and the 1972 Protocol, 3/\n\n" +
				"1. Stresses the importance of accession.\n\n" +
				"1/ United Nations, Treaty Series, vol. 520, No. 7515.\n\n2/ Ibid., vol. 1019, No. 14956.\n\n3/ Ibid., vol. 976, No. 14151.\n",
			"Recalling the Single Convention on Narcotic Drugs, 1961,{1} the 1971 Convention on Psychotropic Substances, {2} and the 1972 Protocol, {3}1. Stresses the importance of accession." +
				"\n[1] United Nations, Treaty Series, vol. 520, No. 7515.\n[2] Ibid., vol. 1019, No. 14956.\n[3] Ibid., vol. 976, No. 14151."},
		{"notes on consecutive lines, a note's second line, a label over 9",
			"Having studied the report of the Secretary-General of 20 January 1994, 9/ and\nthe letter dated 13 January 1994, 10/\n\n" +
				"9/ S/1994/62.\n10/ Official Records of the Security Council, Thirty-third Year,\nSupplement for January, February and March 1978, document S/12611.\n",
			"Having studied the report of the Secretary-General of 20 January 1994, {9} and the letter dated 13 January 1994, {10}" +
				"\n[9] S/1994/62.\n[10] Official Records of the Security Council, Thirty-third Year, Supplement for January, February and March 1978, document S/12611."},
		{"symbols, fractions and a symbol broken after its slash",
			"Recalling resolutions 48/141 and A/48/ and E/1990/ and 1/2 of the costs and resolution 1/\n141 of 20 December 1993, 1/\n\n1/ A/48/141.\n",
			"Recalling resolutions 48/141 and A/48/ and E/1990/ and 1/2 of the costs and resolution 1/141 of 20 December 1993, {1}" +
				"\n[1] A/48/141."},
		{"at a line's end, a date on the next line",
			"Recalling the statement of the President of 27 October 1992, 1/\n3 December 1992 being the date of the report,\n\n1/ S/24742.\n",
			"Recalling the statement of the President of 27 October 1992, {1}3 December 1992 being the date of the report," +
				"\n[1] S/24742."},
		{"body lines that start with N/ carry no marker: they stay body text",
			"The Council decided as follows:\n\n1/ Requests the Secretary-General to report.\n\n1/ Decides to remain seized.\n",
			"The Council decided as follows: 1/ Requests the Secretary-General to report. 1/ Decides to remain seized."},
		{"a marker a wrap carried to a line's start, the sentence going on in lower case",
			"Recalling the Treaty on Principles Governing the Activities of States,\n1/ and noting the number of States parties,\n\n1/ United Nations, Treaty Series, vol. 610, No. 8843.\n",
			"Recalling the Treaty on Principles Governing the Activities of States, {1} and noting the number of States parties," +
				"\n[1] United Nations, Treaty Series, vol. 610, No. 8843."},
		{"a marker a wrap carried to a line's start after a year or a bracket",
			"Recalling the Treaty on Principles Governing the Activities of States of 1967\n1/ and noting the number (in 2024)\n2/ and the others,\n\n1/ United Nations, Treaty Series, vol. 610, No. 8843.\n2/ Ibid., vol. 672, No. 9574.\n",
			"Recalling the Treaty on Principles Governing the Activities of States of 1967 {1} and noting the number (in 2024) {2} and the others," +
				"\n[1] United Nations, Treaty Series, vol. 610, No. 8843.\n[2] Ibid., vol. 672, No. 9574."},
		{"after a sentence's end, or before a capital, a line's N/ is no marker",
			"Recalling the Treaty on Principles Governing the Activities of States.\n1/ and noting the number,\n\n2/ Decides to remain seized,\n",
			"Recalling the Treaty on Principles Governing the Activities of States. 1/ and noting the number, 2/ Decides to remain seized,"},
		{"a leading zero is no label",
			"Recalling the Convention, 1/ and the Protocol, 01/ and\n\n1/ United Nations, Treaty Series, vol. 520, No. 7515.\n",
			"Recalling the Convention, {1} and the Protocol, 01/ and" +
				"\n[1] United Nations, Treaty Series, vol. 520, No. 7515."},
		{"spaces after a marker at a line's end, a symbol's number on the next line",
			"Recalling resolutions 48/140 and 1993, 1/ \n141 States agreed, 1/\n\n1/ A/48/141.\n",
			"Recalling resolutions 48/140 and 1993, 1/ 141 States agreed, {1}" +
				"\n[1] A/48/141."},
		{"no marker in the body: a body line",
			"The Council decided as follows:\n\n1/ Requests the Secretary-General to report.\n",
			"The Council decided as follows: 1/ Requests the Secretary-General to report."},
		{"the numbering does not go on",
			"Recalling the Convention, 1/\n\n1/ United Nations, Treaty Series, vol. 520, No. 7515.\n\nThe text goes on.\n\n3/ Another line.\n",
			"Recalling the Convention, {1}The text goes on. 3/ Another line." +
				"\n[1] United Nations, Treaty Series, vol. 520, No. 7515."},
		{"after body text, the numbering alone makes no footnote",
			"Recalling the Convention, 1/\n\n1/ United Nations, Treaty Series, vol. 520, No. 7515.\n\nThe text goes on.\n\n2/ Requests the Secretary-General to report.\n",
			"Recalling the Convention, {1}The text goes on. 2/ Requests the Secretary-General to report." +
				"\n[1] United Nations, Treaty Series, vol. 520, No. 7515."},
		{"plain digits stay plain where the notes are labelled N/",
			"Recalling the 2 Conventions of 1949, 1/ and paragraph 1 of resolution 2\n\n1/ United Nations, Treaty Series, vol. 75, No. 970.\n",
			"Recalling the 2 Conventions of 1949, {1} and paragraph 1 of resolution 2" +
				"\n[1] United Nations, Treaty Series, vol. 75, No. 970."},
	}
	checkSummaries(t, tests)
}

// TestSymbolBrokenAfterSlash: a line that ends inside a symbol, after one
// of its slashes, joins the next with no space ("(S/" "11214)"); other
// lines that end in a slash join with one.
func TestSymbolBrokenAfterSlash(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"symbols and a resolution's number",
			"the letter of Panama (S/\n11214) and the report A/C.3/\n48/L.5 and resolution 48/\n141 of 20 December 1993",
			"the letter of Panama (S/11214) and the report A/C.3/48/L.5 and resolution 48/141 of 20 December 1993"},
		{"in a list of resolutions, and a symbol with lower-case parts",
			"resolutions 47/199 and 48/\n162 and 47/199, 48/\n162 and document E/CN.4/Sub.2/\n1994/10 of the Sub-Commission",
			"resolutions 47/199 and 48/162 and 47/199, 48/162 and document E/CN.4/Sub.2/1994/10 of the Sub-Commission"},
		{"in a footnote",
			"the report,1\n_______________\n\n1 Official Records of the Security Council, document S/\n12611.\n",
			"the report,{1}\n[1] Official Records of the Security Council, document S/12611."},
		{"no symbol: a number, a word, a lower-case line, a paragraph",
			"of 20 January 1994, 1/\nHaving studied the Secretary-General/\nChair and the A/\nand S/\n\n12 States and resolution 48/141, 2/\nNoting",
			"of 20 January 1994, 1/ Having studied the Secretary-General/ Chair and the A/ and S/ 12 States and resolution 48/141, 2/ Noting"},
	}
	checkSummaries(t, tests)
}

// summaryCase is a table test of Parse: the document in, its summary out.
type summaryCase = struct{ name, in, want string }

// checkSummaries runs table tests of Parse, comparing summaries.
func checkSummaries(t *testing.T, tests []summaryCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summary(parse(t, tt.in)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestPageTopBodyLine: the first line of a page, under its header, that
// starts with the next footnote's number is body text when a word that
// goes on a sentence or a date follows the number: the end of a title and
// its marker, or the day of a date, that the page break carried over.
func TestPageTopBodyLine(t *testing.T) {
	furniture := "\n\nA/C.3/80/L.7\n\n25-14053\n2/3\n\n"
	for _, tt := range []struct{ name, in, want string }{
		{"a marker, then \"and\"",
			"the Convention on the Rights of the Child,1 and the Convention on the Elimination of All Forms of Discrimination against Women\n_______________\n\n1 United Nations, Treaty Series, vol. 1577, No. 27531." +
				furniture + "2 and the Convention against Torture,3\n_______________\n\n2 Ibid., vol. 1249, No. 20378.\n\n3 Ibid., vol. 1465, No. 24841.\n",
			"the Convention on the Rights of the Child,{1} and the Convention on the Elimination of All Forms of Discrimination against Women {2}and the Convention against Torture,{3}" +
				"\n[1] United Nations, Treaty Series, vol. 1577, No. 27531.\n[2] Ibid., vol. 1249, No. 20378.\n[3] Ibid., vol. 1465, No. 24841."},
		{"a date",
			"the Convention on the Rights of the Child,1 adopted in its resolution 79/186 of\n_______________\n\n1 United Nations, Treaty Series, vol. 1577, No. 27531." +
				furniture + "2 December 2024, and the Convention against Torture,2\n_______________\n\n2 Ibid., vol. 1465, No. 24841.\n",
			"the Convention on the Rights of the Child,{1} adopted in its resolution 79/186 of 2 December 2024, and the Convention against Torture,{2}" +
				"\n[1] United Nations, Treaty Series, vol. 1577, No. 27531.\n[2] Ibid., vol. 1465, No. 24841."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := summary(parse(t, tt.in)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
