package document

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/source"
)

func parse(t testing.TB, text string) *Document {
	t.Helper()
	f, err := source.New("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return Parse(f)
}

// summary renders a document for comparison: the body with markers shown
// as {label}, then each footnote as "[label] text".
func summary(d *Document) string {
	var b strings.Builder
	prev := 0
	for _, m := range d.Markers {
		b.WriteString(d.Body.Text[prev:m.At])
		fmt.Fprintf(&b, "{%s}", m.Label)
		prev = m.At
	}
	b.WriteString(d.Body.Text[prev:])
	for _, f := range d.Footnotes {
		fmt.Fprintf(&b, "\n[%s] %s", f.Label, f.Text.Text)
	}
	return b.String()
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			name: "superscript markers, footnotes mid-sentence (PDF page break)",
			in: "Recalling the Convention on Psychotropic Substances of 1971,⁴ the United Nations Convention against Illicit Traffic in\n\n" +
				"⁴ *Ibid.*, vol. 1019, No. 14956.\n\n¹⁰ *Ibid.*, vol. 976, No. 14152.\n\n" +
				"Narcotic Drugs and Psychotropic Substances of 1988¹⁰ and other instruments,\n",
			want: "Recalling the Convention on Psychotropic Substances of 1971,{4} the United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances of 1988{10} and other instruments," +
				"\n[4] *Ibid.*, vol. 1019, No. 14956.\n[10] *Ibid.*, vol. 976, No. 14152.",
		},
		{
			name: "Markdown footnotes",
			in:   "---\nsymbol: A/RES/80/1\n---\n\nRecalling the Outer Space Treaty[^1] and resolution 64/182,\n\n[^1]: United Nations, Treaty Series, vol. 610, No. 8843.\n",
			want: "Recalling the Outer Space Treaty{1} and resolution 64/182," + "\n[1] United Nations, Treaty Series, vol. 610, No. 8843.",
		},
		{
			name: "draft: glued markers, footnote region after a rule, page furniture",
			in: "Recalling also the United Nations Convention against Transnational Organized \nCrime,5 as well as its supplementing Protocol to Prevent, Suppress and Punish Trafficking \n" +
				"in Persons, Especially Women and Children,6 and G20 and resolution 64/182 and No. 5 \n__________________ \n \n" +
				"5  United Nations, Treaty Series, vol. 2225, No. 39574. \n \n6  Ibid., vol. 2237, No. \n39574. \n\nA/C.3/80/L.4 \n \n25-16618\n6/14 \n \n" +
				"of the Convention,\n",
			want: "Recalling also the United Nations Convention against Transnational Organized Crime,{5} as well as its supplementing Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children,{6} and G20 and resolution 64/182 and No. 5 of the Convention," +
				"\n[5] United Nations, Treaty Series, vol. 2225, No. 39574.\n[6] Ibid., vol. 2237, No. 39574.",
		},
		{
			name: "joined text: marker glued to a year",
			in:   "Recalling the Protocol of 19721 and the 1988 Convention,2\n\n1 United Nations, Treaty Series, vol. 976, No. 14151.\n\n2 Ibid., vol. 1582, No. 27627.\n\nNoting the 2030 Agenda,\n",
			want: "Recalling the Protocol of 1972{1} and the 1988 Convention,{2} Noting the 2030 Agenda," + "\n[1] United Nations, Treaty Series, vol. 976, No. 14151.\n[2] Ibid., vol. 1582, No. 27627.",
		},
		{
			name: "OCR text: a marker standing alone after a word, footnotes numbered across a volume",
			in:   "4. Calls upon Israel to observe the provisions of the Geneva Conventions 13 and international\nlaw governing military occupation and\n15 September 1969 events;\n\n13 Geneva Conventions of 12 August 1949 (United Nations,\nTreaty Series, vol. 75 (1950), Nos. 970-973).\n14 Ibid., 1621st meeting.\n",
			want: "4. Calls upon Israel to observe the provisions of the Geneva Conventions{13} and international law governing military occupation and 15 September 1969 events;" +
				"\n[13] Geneva Conventions of 12 August 1949 (United Nations, Treaty Series, vol. 75 (1950), Nos. 970-973).\n[14] Ibid., 1621st meeting.",
		},
		{
			name: "draft: a footnote whose text starts with a number",
			in:   "the Review Conference,1 and the Treaty,2\n__________________\n\n1  See NPT/CONF.2010/50.\n\n2  1995 Review and Extension Conference of the Parties.\n\nA/C.1/80/L.4\n\nbody goes on\n",
			want: "the Review Conference,{1} and the Treaty,{2} body goes on" + "\n[1] See NPT/CONF.2010/50.\n[2] 1995 Review and Extension Conference of the Parties.",
		},
		{
			name: "exponents are not markers",
			in:   "capacities of 0.05 m³/hr, 10⁶ tonnes and 5 km² of the Convention,¹\n\n¹ Ibid.\n",
			want: "capacities of 0.05 m³/hr, 10⁶ tonnes and 5 km² of the Convention,{1}" + "\n[1] Ibid.",
		},
		{
			name: "CRLF line endings",
			in:   "Recalling the Convention,¹\r\nand more\r\n\r\n¹ Ibid.\r\n",
			want: "Recalling the Convention,{1} and more" + "\n[1] Ibid.",
		},
		{
			name: "page furniture: page and job number on one line, symbol and running title on one line",
			in:   "the International Convention for the Protection of All Persons from Enforced\n_______________\n1 United Nations, Treaty Series, vol. 2515, No. 44910.\n \n2/4 13-44915\n \nA/RES/68/165 Right to the truth\n \nDisappearance,2 which establishes the right\n",
			want: "the International Convention for the Protection of All Persons from Enforced Disappearance,2 which establishes the right" + "\n[1] United Nations, Treaty Series, vol. 2515, No. 44910.",
		},
		{
			name: "page furniture: the header of a resolution adopted in parts, its symbol with the part letters",
			in: "80/145. Questions relating to refugees\n\nRecalling also the Universal Declaration of Human Rights and the Organization of\n_______________\n\n1 United Nations, Treaty Series, vol. 189, No. 2545.\n\n" +
				"A/RES/80/145 A-B\nQuestions relating to refugees\n\n25-19375\n2/3\n\nAfrican Unity Convention governing refugee problems in Africa,3 and\n\n" +
				"A/RES/79/93 A–C\n\n25-19376\n3/3\n\nthe Convention,\n\nA/RES/78/12 B\n\n25-19377\n4/5\n\nthe Protocol,\n",
			want: "80/145. Questions relating to refugees Recalling also the Universal Declaration of Human Rights and the Organization of African Unity Convention governing refugee problems in Africa,3 and the Convention, the Protocol," +
				"\n[1] United Nations, Treaty Series, vol. 189, No. 2545.",
		},
		{
			name: "page furniture: a Geneva job number, the symbol and the page number alone",
			in:   "the Rights of All Migrant Workers and Members of Their Families\n \nGE.24-18860\n \nA/HRC/RES/57/14\n \n2\n \n1 as well as the Convention,\n",
			want: "the Rights of All Migrant Workers and Members of Their Families 1 as well as the Convention,",
		},
		{
			name: "page furniture: an even page's number before the Geneva job number is no footnote of that number",
			in:   "the Convention on the Rights of the Child1 and the Optional Protocol,2\n_______________\n1 United Nations, Treaty Series, vol. 1577, No. 27531.\n\n2 Ibid., vol. 2173, No. 27531.\n\nA/HRC/RES/60/16\n\n2 GE.25-10234\n\nRecalling the Convention,3\n_______________\n3 Ibid., vol. 1249, No. 20378.\n",
			want: "the Convention on the Rights of the Child{1} and the Optional Protocol,{2} Recalling the Convention,{3}" + "\n[1] United Nations, Treaty Series, vol. 1577, No. 27531.\n[2] Ibid., vol. 2173, No. 27531.\n[3] Ibid., vol. 1249, No. 20378.",
		},
		{
			name: "page furniture: a Vienna job number with the page number after it, and a report's two symbols",
			in:   "the provisions of the Kyoto Protocol to the\n_______________\n\n1 United Nations, Treaty Series, vol. 2349, No. 42146.\n\nV.24-13380 1\n\nE/2024/28\nE/CN.7/2024/15\n\nUnited Nations Framework Convention on Climate Change2 in their national legislation;\n\nV.24-13380\n\n3 V.24-13380\n\nV.24-13380     5\n\nbody goes on\n",
			want: "the provisions of the Kyoto Protocol to the United Nations Framework Convention on Climate Change2 in their national legislation; body goes on" + "\n[1] United Nations, Treaty Series, vol. 2349, No. 42146.",
		},
		{
			name: "page furniture: a centred page number alone after the footnotes, before the next page's symbol, is no footnote label",
			in:   "the provisions of the Kyoto Protocol to the\n_______________\n\n1 United Nations, Treaty Series, vol. 3156, No. 54113.\n\n2\n\nA/HRC/RES/55/3\n\nUnited Nations Framework Convention on Climate Change2 in their national legislation;\n_______________\n\n2 Ibid., vol. 2303, No. 30822.\n\n3\n\nUNEP/EA.6/Res.14\n\nbody goes on\n\nK2400780 070324\n\nand on\n",
			want: "the provisions of the Kyoto Protocol to the United Nations Framework Convention on Climate Change{2} in their national legislation; body goes on and on" + "\n[1] United Nations, Treaty Series, vol. 3156, No. 54113.\n[2] Ibid., vol. 2303, No. 30822.",
		},
		{
			name: "a footnote's label alone after a footnote, its text after the page's furniture, is a label",
			in:   "the Convention on the Rights of the Child,1 and the Convention on the Elimination of All Forms of Discrimination against Women,2\n_______________\n1\nUnited Nations, Treaty Series, vol. 1577, No. 27531.\n2\n\n25-12345\n\nUnited Nations, Treaty Series, vol. 1249, No. 20378.\n\nbody goes on\n",
			want: "the Convention on the Rights of the Child,{1} and the Convention on the Elimination of All Forms of Discrimination against Women,{2} body goes on" + "\n[1] United Nations, Treaty Series, vol. 1577, No. 27531.\n[2] United Nations, Treaty Series, vol. 1249, No. 20378.",
		},
		{
			name: "page furniture: a page number alone, then a symbol of another series",
			in:   "the provisions of the Kyoto Protocol to the\n_______________\n\n1 United Nations, Treaty Series, vol. 2303, No. 30822.\n\n2\n\nFCCC/CP/2023/11/Add.1\n\nUnited Nations Framework Convention on Climate Change in their national legislation;\n",
			want: "the provisions of the Kyoto Protocol to the United Nations Framework Convention on Climate Change in their national legislation;" + "\n[1] United Nations, Treaty Series, vol. 2303, No. 30822.",
		},
		{
			name: "page furniture: a page number before a job number with the other one's spacing",
			in:   "the Convention,1 and more\n_______________\n1 United Nations, Treaty Series, vol. 1577, No. 27531.\n\n12   25-20947\n\nbody goes on\n",
			want: "the Convention,{1} and more body goes on" + "\n[1] United Nations, Treaty Series, vol. 1577, No. 27531.",
		},
		{
			name: "no rule above the notes: numbering that skips notes not read as such goes on at a reference whose marker the body has",
			in:   "the Review Conference,3 and the 2010 Conference,4 and the guidelines,5 and the Antarctic Treaty,6 and more\n\n3  2000 Review Conference of the Parties, Final Document.\n\n4  2010 Review Conference of the Parties, Final Document.\n\n5  Official Records of the General Assembly, Fifty-fourth Session, Supplement No. 42 (A/54/42).\n\n6  United Nations, Treaty Series, vol. 402, No. 5778.\n\nbody goes on\n",
			want: "the Review Conference,3 and the 2010 Conference,4 and the guidelines,{5} and the Antarctic Treaty,{6} and more 3  2000 Review Conference of the Parties, Final Document. 4  2010 Review Conference of the Parties, Final Document. body goes on" + "\n[5] Official Records of the General Assembly, Fifty-fourth Session, Supplement No. 42 (A/54/42).\n[6] United Nations, Treaty Series, vol. 402, No. 5778.",
		},
		{
			name: "a footnote its page ended mid-sentence goes on under the next page's rule, with no label",
			in:   "the Covenant,1 and the Covenant2 and other instruments,\n__________________\n\n1  United Nations, Treaty Series, vol. 999, No. 14668.\n\n2  See resolution 2200 A (XXI), annex;\n\nA/C.3/80/L.43\n\n25-17287\n2/2\n\nWelcoming the Convention,3\n__________________\n\nand United Nations, Treaty Series, vol. 993, No. 14531.\n\n3  Ibid., vol. 2515, No. 44910.\n",
			want: "the Covenant,{1} and the Covenant{2} and other instruments, Welcoming the Convention,{3}" + "\n[1] United Nations, Treaty Series, vol. 999, No. 14668.\n[2] See resolution 2200 A (XXI), annex; and United Nations, Treaty Series, vol. 993, No. 14531.\n[3] Ibid., vol. 2515, No. 44910.",
		},
		{
			name: "a footnote left open goes on only under the first rule after it, and not with a label turned down",
			in:   "Recalling the Convention,1 and\n__________________\n1 See https://treaties.un.org/doc\n25-00001 (E)\nthe Protocol,3 and\n__________________\n3 United Nations, Treaty Series, vol. 999, No. 14668.\n\nmore text\n__________________\nlater text\n",
			want: "Recalling the Convention,{1} and the Protocol,3 and 3 United Nations, Treaty Series, vol. 999, No. 14668. more text later text" + "\n[1] See https://treaties.un.org/doc",
		},
		{
			name: "a footnote left open is not continued by a label alone turned down under the next rule",
			in:   "Recalling the Convention,1 and\n__________________\n1 See https://treaties.un.org/doc\n25-00001 (E)\nthe Protocol,3 and\n__________________\n3\nUnited Nations, Treaty Series, vol. 999, No. 14668.\n",
			want: "Recalling the Convention,{1} and the Protocol,3 and 3 United Nations, Treaty Series, vol. 999, No. 14668." + "\n[1] See https://treaties.un.org/doc",
		},
		{
			name: "a footnote that ended its sentence is not continued by a line under the next rule",
			in:   "the Covenant,1 and more\n__________________\n1  United Nations, Treaty Series, vol. 999, No. 14668.\n\nA/C.3/80/L.43\n\nWelcoming the Convention\n__________________\nsome text with no label\n",
			want: "the Covenant,{1} and more Welcoming the Convention some text with no label" + "\n[1] United Nations, Treaty Series, vol. 999, No. 14668.",
		},
		{
			name: "notes right under the body, no rule nor blank line (pdftotext -raw of a PDF whose rule is drawn)",
			in:   "Recalling the Convention on the Rights of the Child,1 and the Protocol,2 and\nthe relevant conferences,\n1 United Nations, Treaty Series, vol. 1577, No. 27531.\n2 Ibid., vol. 2173, No. 27531.\n26-02597 1/2\nbody goes on\n",
			want: "Recalling the Convention on the Rights of the Child,{1} and the Protocol,{2} and the relevant conferences, body goes on" + "\n[1] United Nations, Treaty Series, vol. 1577, No. 27531.\n[2] Ibid., vol. 2173, No. 27531.",
		},
		{
			name: "notes right under the body numbered from 101, their markers glued",
			in:   "the Marrakesh Treaty,101 and the Convention,102\n101 United Nations, Treaty Series, vol. 3162, No. 54134.\n102 Ibid., vol. 993, No. 14531.\n",
			want: "the Marrakesh Treaty,{101} and the Convention,{102}" + "\n[101] United Nations, Treaty Series, vol. 3162, No. 54134.\n[102] Ibid., vol. 993, No. 14531.",
		},
		{
			name: "a body line that starts with a number and reads as a reference is body text where no marker has its number",
			in:   "Noting the work of the entities of the system, of which\n2 United Nations entities reported,\nand more\n",
			want: "Noting the work of the entities of the system, of which 2 United Nations entities reported, and more",
		},
		{
			name: "labels alone right under the body, each above its text (mutool's text of a PDF whose rule is drawn)",
			in:   "Recalling the Convention on the Rights of the Child,1 and the Protocol,2\n\n1\nUnited Nations, Treaty Series, vol. 1577, No. 27531.\n\n2\nIbid., vol. 2173, No. 27531.\n\n26-02597\n",
			want: "Recalling the Convention on the Rights of the Child,{1} and the Protocol,{2}" + "\n[1] United Nations, Treaty Series, vol. 1577, No. 27531.\n[2] Ibid., vol. 2173, No. 27531.",
		},
		{
			name: "a group of labels right under the body, then one line of text each (pdftotext's default mode)",
			in:   "Recalling the Convention,1 the Protocol2 and the Agreement,3\n\n1\n2\n3\n\nUnited Nations, Treaty Series, vol. 1577, No. 27531.\nIbid., vol. 2173, No. 27531.\nA/81/903.\n\n26-02597\n",
			want: "Recalling the Convention,{1} the Protocol{2} and the Agreement,{3}" + "\n[1] United Nations, Treaty Series, vol. 1577, No. 27531.\n[2] Ibid., vol. 2173, No. 27531.\n[3] A/81/903.",
		},
		{
			name: "a group of labels right under the body whose texts wrap is left alone, not given out of step",
			in:   "Recalling the Convention,1 the Summit2 and the Agreement,3\n\n1\n2\n3\n\nUnited Nations, Treaty Series, vol. 1577, No. 27531.\nReport of the World Summit (United Nations publication, Sales No.\nE.96.IV.8), chap. I.\nIbid., vol. 2173, No. 27531.\n",
			want: "Recalling the Convention,1 the Summit2 and the Agreement,3 1 2 3 United Nations, Treaty Series, vol. 1577, No. 27531. Report of the World Summit (United Nations publication, Sales No. E.96.IV.8), chap. I. Ibid., vol. 2173, No. 27531.",
		},
		{
			name: "a page number alone under the body, then the running header's symbol, is no footnote",
			in:   "the item(s) in accordance with the procedures in paragraph 11 above and the 661\nCommittee\n\n11\nS/RES/1454 (2002)\n\nreconsideration process.\n",
			want: "the item(s) in accordance with the procedures in paragraph 11 above and the 661 Committee 11 S/RES/1454 (2002) reconsideration process.",
		},
		{
			name: "page furniture of older documents: \"/...\" and \"Page 2\"",
			in:   "the Convention on the Prevention of Marine Pollution by Dumping of\n                        /...\nA/RES/49/80\nPage 2\n\n\nWastes and Other Matter,2 and\n",
			want: "the Convention on the Prevention of Marine Pollution by Dumping of Wastes and Other Matter,2 and",
		},
		{
			name: "a number alone is a page number only among furniture",
			in:   "Recalling the Convention\n\n2\n\nand more\n",
			want: "Recalling the Convention 2 and more",
		},
		{
			name: "pdftotext -raw: each label alone on its line, its text on the next",
			in:   "Recalling the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or\nPunishment1\nand the Convention,2\n_______________\n1\nUnited Nations, Treaty Series, vol. 1465, No. 24841.\n2\nIbid., vol. 2375, No. 24841.\nA/RES/80/1\n2/5\n25-12345\nbody goes on\n",
			want: "Recalling the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment{1} and the Convention,{2} body goes on" + "\n[1] United Nations, Treaty Series, vol. 1465, No. 24841.\n[2] Ibid., vol. 2375, No. 24841.",
		},
		{
			name: "pdftotext default: a label alone with a blank line, and a text printed without its label is neither footnote nor body",
			in:   "the Paris Agreement 3 and the Convention 4\n_______________\n3\n\nAdopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21.\nUnited Nations, Treaty Series, vol. 1771, No. 30822.\n\nbody goes on\n",
			want: "the Paris Agreement{3} and the Convention 4 body goes on" + "\n[3] Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21.",
		},
		{
			name: "pdftotext -raw: a label alone whose text is no reference, its marker set apart after a comma at a line's end",
			in:   "the Mauritius Strategy 1\nand the Barbados Programme of Action for Small Island Developing States, 2\nand noting the progress,\n_______________\n1\nReport of the International Meeting, Port Louis,\nchap. I, resolution 1, annex II.\n2\nReport of the Global Conference, Bridgetown.\nbody goes on\n",
			want: "the Mauritius Strategy{1} and the Barbados Programme of Action for Small Island Developing States,{2} and noting the progress, body goes on" + "\n[1] Report of the International Meeting, Port Louis, chap. I, resolution 1, annex II.\n[2] Report of the Global Conference, Bridgetown.",
		},
		{
			name: "pdftotext -raw: a label alone whose text is no reference, its marker glued to a year",
			in:   "resolutions 2/21 of 27 May 20161\nand 6/7 of 1 March 20242\non combating sand and dust storms,\n_______________\n1\nUNEP/EA.2/Res.21.\n2\nUNEP/EA.6/Res.7.\nbody goes on\n",
			want: "resolutions 2/21 of 27 May 2016{1} and 6/7 of 1 March 2024{2} on combating sand and dust storms, body goes on" + "\n[1] UNEP/EA.2/Res.21.\n[2] UNEP/EA.6/Res.7.",
		},
		{
			name: "a number alone after footnotes that does not continue their numbering is no label",
			in:   "the Convention,1 and\n_______________\n1\nUnited Nations, Treaty Series, vol. 1465, No. 24841.\n\n7\n\nbody goes on\n",
			want: "the Convention,{1} and 7 body goes on" + "\n[1] United Nations, Treaty Series, vol. 1465, No. 24841.",
		},
		{
			// pdftotext's default mode prints a label apart from its text,
			// and may print it after the next footnote's text.
			name: "pdftotext default: a footnote whose label comes later is numbered from its neighbours",
			in: "the Agenda,1 the Report 2 and the Convention,3 and\n_______________\n1\n\nResolution 70/1.\n" +
				"Report of the Summit (United Nations publication), chap. I.\n3\nUnited Nations, Treaty Series, vol. 1577, No. 27531.\n2\n\n25-20739\n\nbody goes on\n",
			want: "the Agenda,{1} the Report{2} and the Convention,{3} and body goes on" +
				"\n[1] Resolution 70/1.\n[2] Report of the Summit (United Nations publication), chap. I.\n[3] United Nations, Treaty Series, vol. 1577, No. 27531.",
		},
		{
			name: "pdftotext default: a footnote with no label of several lines",
			in: "the Agenda,1 the Charter,2 and the Agreement,3 and\n_______________\n1\n\nResolution 70/1.\n" +
				"Reaffirming its resolution 46/182 of 19 December 1991 and the guiding\nprinciples contained in the annex thereto, and the need for all actors to\n" +
				"promote and fully respect these principles.\n3\nUnited Nations, Treaty Series, vol. 2515, No. 44910.\n\n25-20096\n\nbody goes on\n",
			want: "the Agenda,{1} the Charter,{2} and the Agreement,{3} and body goes on" +
				"\n[1] Resolution 70/1.\n[2] Reaffirming its resolution 46/182 of 19 December 1991 and the guiding principles contained in the annex thereto, and the need for all actors to promote and fully respect these principles." +
				"\n[3] United Nations, Treaty Series, vol. 2515, No. 44910.",
		},
		{
			name: "pdftotext default: a page's labels together, then page furniture, then their texts",
			in: "resolution 58/21; 1 and the Geneva Convention of 12 August 1949 2 (Fourth Geneva Convention), and\n_______________\n1\n2\n\n2/10\n\n" +
				"A/80/349.\nAdopted under the Convention, decision 1/CP.21.\n25-20984\n\nbody goes on\n",
			want: "resolution 58/21;{1} and the Geneva Convention of 12 August 1949{2} (Fourth Geneva Convention), and body goes on" +
				"\n[1] A/80/349.\n[2] Adopted under the Convention, decision 1/CP.21.",
		},
		{
			name: "a label alone, page furniture, then text that reads as no reference: the body goes on",
			in:   "the Convention,1 and the Protocol,2 and\n_______________\n1\nUnited Nations, Treaty Series, vol. 1465, No. 24841.\n2\n\n3/9\n\nbody goes on here\n",
			want: "the Convention,{1} and the Protocol,2 and body goes on here" + "\n[1] United Nations, Treaty Series, vol. 1465, No. 24841.",
		},
		{
			// pdftotext -layout sets the symbol and the running title's
			// last line on one line, the symbol left on even pages.
			name: "pdftotext -layout: page headers with the symbol beside the running title",
			in: "        the Convention on the Rights\n\n25-20078 (E)\n*2520078*\n                    Settlements in the Territory, including\n" +
				"A/RES/80/81                              East Jerusalem, and the Golan\n\n            of the Child, 4 and affirming the Covenant\n" +
				"\n2/9\n                    Settlements in the Territory, including\nEast Jerusalem, and the Golan                       A/RES/80/81\n\n" +
				"            of 1966 and\n    _______________\n       4\n          United Nations, Treaty Series, vol. 1577, No. 27531.\n",
			want: "the Convention on the Rights of the Child,{4} and affirming the Covenant of 1966 and" + "\n[4] United Nations, Treaty Series, vol. 1577, No. 27531.",
		},
		{
			// mutool and pdfminer print a blank line inside a footnote
			// that runs over two lines.
			name: "a footnote that stops mid-sentence goes on past a blank line",
			in: "the Convention,1 and the Covenant\n\n_______________\n\n1 See Official Records of the General Assembly, Supplement No. 53A\n\n" +
				"(A/79/53/Add.1), chap. III.\n\n2/9\n\nof 1966 and\n",
			want: "the Convention,{1} and the Covenant of 1966 and" +
				"\n[1] See Official Records of the General Assembly, Supplement No. 53A (A/79/53/Add.1), chap. III.",
		},
		{
			name: "a footnote that ends its sentence ends at a blank line",
			in:   "the Conference on Population,1\n\n1 United Nations, Treaty Series, vol. 660, No. 9064.\n\nand Development and\n",
			want: "the Conference on Population,{1} and Development and" + "\n[1] United Nations, Treaty Series, vol. 660, No. 9064.",
		},
		{
			// A footnote without its full stop ("… No. 27531") must not
			// take the next paragraph for its continuation.
			name: "past a blank line, a footnote goes on only with a line that cannot start a paragraph",
			in: "Recalling the Convention on the Rights of the Child,1\n\n1 United Nations, Treaty Series, vol. 1577, No. 27531\n\n" +
				"Recalling also the Covenant,2 and\n\n2 United Nations, Treaty Series, vol. 999, No. 14668.\n",
			want: "Recalling the Convention on the Rights of the Child,{1} Recalling also the Covenant,{2} and" +
				"\n[1] United Nations, Treaty Series, vol. 1577, No. 27531\n[2] United Nations, Treaty Series, vol. 999, No. 14668.",
		},
		{
			name: "a footnote goes on past a blank line with a symbol",
			in: "the Paris Agreement,1 and\n_______________\n\n1 Adopted under the United Nations Framework Convention on Climate Change in\n\n" +
				"FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.\n\n2/9\n\nbody goes on\n",
			want: "the Paris Agreement,{1} and body goes on" + "\n[1] Adopted under the United Nations Framework Convention on Climate Change in FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.",
		},
		{
			// pdftotext -layout sets tables of documents with wide gaps:
			// only the document's own symbol makes a page header.
			name: "a table row with another symbol beside its text is body text",
			in: "United Nations                                   A/80/500\n\nReport of the Secretary-General on the Convention             A/80/123\n" +
				"A/80/124            Note by the Secretary-General on resolution 79/110\n",
			want: "Report of the Secretary-General on the Convention             A/80/123 A/80/124            Note by the Secretary-General on resolution 79/110",
		},
		{
			// "4" is the page's number: "paragraph 4" in the body is no
			// marker, so it is no label of the group.
			name: "pdftotext default: a page number after a group's label is no label",
			in: "Recalling paragraph 4 of its resolution,3 and\n_______________\n3\n4\n\n25-12345\n\nIbid., vol. 999, No. 14668.\n\n" +
				"Recalling further the Convention against Torture,\n",
			want: "Recalling paragraph 4 of its resolution,{3} and Recalling further the Convention against Torture," + "\n[3] Ibid., vol. 999, No. 14668.",
		},
		{
			name: "pdftotext default: five labels together, then their texts",
			in:   "the A,1 the B,2 the C,3 the D,4 and the E,5 and\n_______________\n1\n2\n3\n4\n5\n\n2/9\n\nResolution 70/1.\nResolution 71/1.\nResolution 72/1.\nResolution 73/1.\nResolution 74/1.\n",
			want: "the A,{1} the B,{2} the C,{3} the D,{4} and the E,{5} and" +
				"\n[1] Resolution 70/1.\n[2] Resolution 71/1.\n[3] Resolution 72/1.\n[4] Resolution 73/1.\n[5] Resolution 74/1.",
		},
		{
			name: "pdftotext default: body text after a footnote is no footnote between two labels",
			in: "the Agenda,1 and the Convention,3 and\n_______________\n1\n\nResolution 70/1.\nRecalling its resolution 79/1 on the Pact for the Future,\n" +
				"Reaffirming the principles of the Charter,\n3\nUnited Nations, Treaty Series, vol. 1577, No. 27531.\n",
			// The body lines are not footnote 2; after them, "3" is no
			// label either (no rule came).
			want: "the Agenda,{1} and the Convention,3 and Recalling its resolution 79/1 on the Pact for the Future, Reaffirming the principles of the Charter, 3 United Nations, Treaty Series, vol. 1577, No. 27531." +
				"\n[1] Resolution 70/1.",
		},
		{
			name: "a number after a period of two years is no marker",
			in:   "for the period 2025/26, 3 new posts, and the Convention,3 and\n\n3 United Nations, Treaty Series, vol. 1577, No. 27531.\n",
			want: "for the period 2025/26, 3 new posts, and the Convention,{3} and" + "\n[3] United Nations, Treaty Series, vol. 1577, No. 27531.",
		},
		{
			name: "a soft hyphen at a line's end joins only a word that goes on",
			in:   "the Con\u00ad\nvention and the Covenant\u00ad\nRecalling also\n",
			want: "the Convention and the Covenant Recalling also",
		},
		{
			name: "a line of nothing but invisible characters is blank",
			in: "the Convention,1 and\n\n1 United Nations, Treaty Series, vol. 1577, No. 27531\n\u200b\nRecalling also the Covenant,2 and\n\n" +
				"2 United Nations, Treaty Series, vol. 999, No. 14668.\n",
			want: "the Convention,{1} and Recalling also the Covenant,{2} and" +
				"\n[1] United Nations, Treaty Series, vol. 1577, No. 27531\n[2] United Nations, Treaty Series, vol. 999, No. 14668.",
		},
		{
			name: "a footnote goes on past a blank line with a capital that opens no paragraph",
			in: "the Outer Space Treaty,1 and the Agenda,2 and\n_______________\n\n1 Treaty on Principles Governing the Activities of States in the Exploration and Use of Outer\n\n" +
				"Space (United Nations, Treaty Series, vol. 610, No. 8843).\n2 Resolution 76/3, para. 10.\n\n4/10\n\nbody goes on\n",
			want: "the Outer Space Treaty,{1} and the Agenda,{2} and body goes on" +
				"\n[1] Treaty on Principles Governing the Activities of States in the Exploration and Use of Outer Space (United Nations, Treaty Series, vol. 610, No. 8843).\n[2] Resolution 76/3, para. 10.",
		},
		{
			name: "a numbered or lettered paragraph is no footnote's continuation",
			in: "Recalling the Convention on the Rights of the Child,1\n\n1 United Nations, Treaty Series, vol. 1577, No. 27531\n\n" +
				"1. Decides to remain seized;\n\n(a) To report;\n",
			want: "Recalling the Convention on the Rights of the Child,{1} 1. Decides to remain seized; (a) To report;" +
				"\n[1] United Nations, Treaty Series, vol. 1577, No. 27531",
		},
		{
			name: "pdftotext default: a footnote wrapped after a comma is one footnote",
			in:   "the A,1 the Convention,2 and the C,3 and\n_______________\n1\nResolution 70/1.\nUnited Nations, Treaty Series, vol. 1577,\nNo. 27531.\n3\nResolution 72/1.\n",
			want: "the A,{1} the Convention,{2} and the C,{3} and" +
				"\n[1] Resolution 70/1.\n[2] United Nations, Treaty Series, vol. 1577, No. 27531.\n[3] Resolution 72/1.",
		},
		{
			name: "an Economic and Social Council resolution with a two-year number is a symbol before a marker",
			in:   "Recalling Economic and Social Council resolution 2023/24, 5 and\n\n5 United Nations, Treaty Series, vol. 1577, No. 27531.\n",
			want: "Recalling Economic and Social Council resolution 2023/24,{5} and" + "\n[5] United Nations, Treaty Series, vol. 1577, No. 27531.",
		},
		{
			name: "pdftotext -layout: a reissued document's header marks its symbol",
			in: "United Nations                                   A/C.1/80/L.42*\n\nthe Convention\n\n" +
				"A/C.1/80/L.42                   United Nations Regional Centre\n\non the Rights of the Child\n",
			want: "the Convention on the Rights of the Child",
		},
		{
			// The first label's marker is glued to a symbol ("5/14" and
			// 11), which no test reads: the labels that follow it make it
			// a group; the second's marker follows a closing quote.
			name: "pdftotext default: consecutive labels alone are a group",
			in: "its resolution 5/1411 and the report “Women in the post-COVID world” 12 and the Convention,13\n_______________\n11\n12\n13\n\n" +
				"UNEP/EA.5/Res.14.\nSee A/73/124.\nUnited Nations, Treaty Series, vol. 1577, No. 27531.\n",
			want: "its resolution 5/14{11} and the report “Women in the post-COVID world”{12} and the Convention,{13}" +
				"\n[11] UNEP/EA.5/Res.14.\n[12] See A/73/124.\n[13] United Nations, Treaty Series, vol. 1577, No. 27531.",
		},
		{
			// A page's only footnote, or the first of a numbering begun
			// elsewhere in a volume: no next label to confirm it.
			name: "a first footnote glued to its label, the body carrying its marker",
			in:   "Countries and Peoples for 2025,1\n_______________\n\n1Official Records of the General Assembly, Eightieth Session, Supplement No. 23 (A/80/23).\n",
			want: "Countries and Peoples for 2025,{1}" + "\n[1] Official Records of the General Assembly, Eightieth Session, Supplement No. 23 (A/80/23).",
		},
		{
			name: "a volume's numbering, the first footnote glued to its label",
			in:   "as contained in document S/1216, 17\nbe transmitted to the Commission.\n\n17See Official Records of the Security Council, Fourth Year,\nSupplement for January 1949.\n",
			want: "as contained in document S/1216,{17} be transmitted to the Commission." + "\n[17] See Official Records of the Security Council, Fourth Year, Supplement for January 1949.",
		},
		{
			name: "numbered paragraphs are not footnotes",
			in:   "1. Decides to remain seized;\n\n2 December 2025 was the date.\n\n2. Requests the Secretary-General,\n",
			want: "1. Decides to remain seized; 2 December 2025 was the date. 2. Requests the Secretary-General,",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.in)
			if got := summary(d); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestStreamMapsToSource: every byte of the body stream that is not a
// joining space is the source byte it maps to.
func TestStreamMapsToSource(t *testing.T) {
	in := "Recalling the Convention on Psychotropic Substances of 1971,⁴ the\nUnited Nations Convention against Illicit Traffic in\n\n⁴ *Ibid.*, vol. 1019, No. 14956.\n\nNarcotic Drugs of 19885 and\n\n5 Ibid.\n"
	d := parse(t, in)
	for i := 0; i < len(d.Body.Text); i++ {
		if d.Body.Text[i] == ' ' {
			continue
		}
		if src := d.Body.Src(i); in[src] != d.Body.Text[i] {
			t.Fatalf("body byte %d %q maps to source %d %q", i, d.Body.Text[i], src, in[src])
		}
	}
	if got := in[d.Body.Src(strings.Index(d.Body.Text, "Narcotic")):][:8]; got != "Narcotic" {
		t.Errorf("Narcotic maps to %q", got)
	}
}

// TestParagraphInsideSentence: a blank line inside a sentence (mutool and
// pdfminer print one after each paragraph's first line) starts no
// paragraph; after a sentence's end, or before a capital, it does.
func TestParagraphInsideSentence(t *testing.T) {
	in := "Reaffirming that the 1951 Convention relating to the Status of Refugees, 3\n\ntogether with the 1967 Protocol thereto,4 remains\n\n" +
		"the foundation of the re-\n\ngime,\n\nRecalling its resolution 79/1,\n\nand noting\n"
	d := parse(t, in)
	var starts []string
	for _, p := range d.Paras {
		starts = append(starts, d.Body.Text[p:min(p+9, len(d.Body.Text))])
	}
	if got, want := strings.Join(starts, "|"), "Recalling|and notin"; got != want {
		t.Errorf("paragraphs start at %q, want %q (body %q)", got, want, d.Body.Text)
	}
}

// wantOneNote checks the body of d and its one footnote, linked to the
// one marker.
func wantOneNote(t *testing.T, d *Document, body, note string) {
	t.Helper()
	if d.Body.Text != body {
		t.Errorf("body:\n got %q\nwant %q", d.Body.Text, body)
	}
	if len(d.Footnotes) != 1 || len(d.Markers) != 1 || d.Markers[0].Note != d.Footnotes[0] {
		t.Fatalf("footnote 1 not linked to its marker: %+v", d.Markers)
	}
	if got := d.Footnotes[0].Text.Text; got != note {
		t.Errorf("footnote:\n got %q\nwant %q", got, note)
	}
}

// TestHardSpacesArePlain: the streams read no-break and other hard spaces
// as plain ones, each mapping to where its hard space starts, and every
// other byte still maps to itself.
func TestHardSpacesArePlain(t *testing.T) {
	in := "the Single Convention on Narcotic Drugs of\u00a01961,\u00a01 resolution\u202f64/182 of 18\u2009December\u00a0\n2009 and\n\n1\u00a0United Nations, Treaty Series, vol.\u00a0976, No.\u2002 14152.\n"
	d := parse(t, in)
	wantOneNote(t, d, "the Single Convention on Narcotic Drugs of 1961, resolution 64/182 of 18 December 2009 and",
		"United Nations, Treaty Series, vol. 976, No.  14152.")
	for _, s := range []*Stream{&d.Body, &d.Footnotes[0].Text} {
		for i := 0; i < len(s.Text); i++ {
			src := s.Src(i)
			if s.Text[i] != ' ' {
				if in[src] != s.Text[i] {
					t.Fatalf("byte %d %q maps to source %d %q", i, s.Text[i], src, in[src])
				}
			} else if in[src] != ' ' && hardSpace([]byte(in[src:])) == 0 && in[src-1] != '\n' {
				t.Errorf("space %d of %q maps to %q, no space", i, s.Text, in[src:])
			}
		}
	}
	if got := in[d.Body.Src(strings.Index(d.Body.Text, "1961")):][:4]; got != "1961" {
		t.Errorf("1961 maps to %q", got)
	}
}

// TestInvisibleLeftOut: soft hyphens, zero-width spaces and word joiners
// are left out of the streams; a soft hyphen that
// ends a line joins it to the next; the bytes around them map to
// themselves.
func TestInvisibleLeftOut(t *testing.T) {
	in := "the Single Conven\u00adtion on Nar\u200bcotic Drugs of\u2060 1961 and the Con\u00ad\nvention on Psycho\u2060tropic Substances,1 and the\u00ad\n\n1 United Nations, Treaty\u200b Series, vol. 1019, No. 14956.\n"
	d := parse(t, in)
	wantOneNote(t, d, "the Single Convention on Narcotic Drugs of 1961 and the Convention on Psychotropic Substances, and the",
		"United Nations, Treaty Series, vol. 1019, No. 14956.")
	for _, w := range []string{"tion on Nar", "cotic", "vention on Psycho", "tropic", "1961"} {
		if got := in[d.Body.Src(strings.Index(d.Body.Text, w)):][:len(w)]; got != w {
			t.Errorf("%q maps to %q", w, got)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("Recalling the Convention,⁴ of 19721\n\n⁴ Ibid., vol. 1019, No. 14956.\n\n1 United Nations, Treaty Series, vol. 976, No. 14152.\n")
	f.Add("text[^1] more\n\n[^1]: United Nations, Treaty Series, vol. 610, No. 8843.\n")
	f.Add("Crime,5 x\n______\n\n5  Ibid.\nA/C.3/80/L.4\n25-16618\n6/14\n")
	f.Add("---\na: b\n---\n¹²³ ⁴\r\n\r\n")
	f.Add("Reaffirming the Convention on the Rights of the Child,975\n__________\n975 United Nations, Treaty Series, vol. 1577, No. 27531.\n")
	f.Add("the Statute,9998 and the Charter 9999 and\n__________\n9998 Ibid.\n\n9999 Ibid.\n\n10000 Ibid.\n")
	f.Add("the Convention, 1 the Covenant\n2 and the Treaty 3 that\n____\n1 A.\n2 B.\n3 C.\n")
	f.Add("Drugs, 1961,1/ the Protocol, 2/\nand resolution 48/\n141, 01/\n\n1/ United Nations, Treaty Series, vol. 520, No. 7515.\n2/ Ibid.\n(S/\n10858)\n")
	f.Add("of\u00a01961,\u00a01 of\u2003\n\u202f\u00a0\n1\u00a0Ibid., vol.\u2009976\u00a0\n")
	f.Add("Con\u00ad\nvention\u200b,1\u00ad\n\u00ad\n\ufeff\n1 Ibid.\u2060\n")
	f.Add("the Agenda,1 and 58/21; 2\n____\n1\n2\n\n2/10\n\nA/80/349.\nAdopted.\n3\nA/RES/80/81        East\nNonProliferation 1949 4 (Fourth\n")
	f.Add("the Covenant2 and\n____\n\n2  See annex;\n\nA/C.3/80/L.43\n\nWelcoming,3 and 1951** and **1967**,***”\n____\nand vol. 993, No. 14531.\n\n3  Ibid.\n** A.\n*** B.\n")
	f.Add("the Convention,1 and 2\n\n1\nA\n\n1\n2\n\nS/1\nIbid.\n")
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) || strings.IndexByte(in, 0) >= 0 {
			return
		}
		src, err := source.New("f", []byte(in))
		if err != nil {
			return
		}
		d := Parse(src)
		text := src.Text
		check := func(s *Stream) {
			for i := 0; i <= len(s.Text); i++ {
				if o := s.Src(i); o < 0 || o > len(text) {
					t.Fatalf("offset %d maps outside the source: %d", i, o)
				}
			}
			if !utf8.ValidString(s.Text) {
				t.Fatalf("stream is not valid UTF-8: %q", s.Text)
			}
			if hasOddSpace([]byte(s.Text)) {
				t.Fatalf("stream has a hard space or an invisible character: %q", s.Text)
			}
		}
		check(&d.Body)
		for _, fn := range d.Footnotes {
			check(&fn.Text)
		}
		prevAt := 0
		for _, m := range d.Markers {
			if m.At < prevAt || m.At > len(d.Body.Text) || m.Start < 0 || m.End > len(text) || m.Start > m.End {
				t.Fatalf("marker out of range or order: %+v", m)
			}
			prevAt = m.At
			if m.Note != nil && m.Note.Label != m.Label {
				t.Fatalf("marker %q refers to footnote %q", m.Label, m.Note.Label)
			}
		}
	})
}

// trimSpaceRef is trimSpace as it was before its ASCII fast path.
func trimSpaceRef(text []byte, from, to int) (int, int) {
	for from < to {
		r, n := utf8.DecodeRune(text[from:to])
		if !unicode.IsSpace(r) && !invisibleRune(r) {
			break
		}
		from += n
	}
	for to > from {
		r, n := utf8.DecodeLastRune(text[from:to])
		if !unicode.IsSpace(r) && (!invisibleRune(r) || r == '\u00ad') {
			break
		}
		to -= n
	}
	return from, to
}

func FuzzTrimSpace(f *testing.F) {
	f.Add("  \t a b \u00a0\r\v\f")
	f.Add("\u0085x\u2003")
	f.Add("\xc2")
	f.Fuzz(func(t *testing.T, s string) {
		b := []byte(s)
		from, to := trimSpace(b, 0, len(b))
		wantFrom, wantTo := trimSpaceRef(b, 0, len(b))
		if from != wantFrom || to != wantTo {
			t.Fatalf("%q: got %d,%d, want %d,%d", s, from, to, wantFrom, wantTo)
		}
	})
}

// TestContinuedFootnoteMapsToSource checks that a footnote continued under
// the next page's rule maps each byte of its text, both parts, to the
// source byte it came from.
func TestContinuedFootnoteMapsToSource(t *testing.T) {
	in := "the Covenant,1 and the Covenant2 and\n__________________\n1  United Nations, Treaty Series, vol. 999, No. 14668.\n\n2  See resolution 2200 A (XXI), annex;\n\nA/C.3/80/L.43\n\nWelcoming the Convention,3\n__________________\nand United Nations, Treaty Series, vol. 993, No. 14531.\n\n3  Ibid., vol. 2515, No. 44910.\n"
	d := parse(t, in)
	if len(d.Footnotes) != 3 {
		t.Fatalf("got %d footnotes, want 3", len(d.Footnotes))
	}
	s := &d.Footnotes[1].Text
	for i := 0; i < len(s.Text); i++ {
		if s.Text[i] == ' ' {
			continue
		}
		if src := s.Src(i); in[src] != s.Text[i] {
			t.Fatalf("footnote byte %d %q maps to source %d %q", i, s.Text[i], src, in[src])
		}
	}
	if got, want := s.Src(strings.Index(s.Text, "vol. 993")), strings.Index(in, "vol. 993"); got != want {
		t.Errorf("vol. 993 maps to %d, want %d", got, want)
	}
}

func TestSymbolOfParts(t *testing.T) {
	for in, want := range map[string]bool{
		"A/RES/80/145 A-B":        true,
		"A/RES/79/93 A–C":         true,
		"A/RES/78/12 B":           true,
		"A/RES/72/90 A and B":     true,
		"A/RES/31/6 A to D":       true,
		"A/RES/80/145":            false, // symbolAlone's
		"A/RES/80/145 Questions":  false, // a running title (furnitureAfterFurniture's)
		"A/RES/80/145 AB":         false,
		"A/RES/80/145 A-":         false,
		"A/RES/80/145 a-b":        false,
		"resolution 80/145 A-B":   false,
		"A/RES/80/145 A-B, and":   false,
		"A/RES/80/145. A":         false,
		"S/RES/2719 (2023) A":     false,
		"A/C.3/80/L.4 A-B extra.": false,
	} {
		if got := symbolOfParts([]byte(in)); got != want {
			t.Errorf("symbolOfParts(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestSymbolAlone(t *testing.T) {
	for in, want := range map[string]bool{
		"A/80/L.1": true, "A/RES/80/1": true, "S/RES/2719": true, "E/CN.7/2024/15": true,
		"UNEP/EA.6/Res.14": true, "TD/B/70/L.1": true, "FCCC/CP/2023/L.5": true, "ICCD/COP(16)/L.1": true,
		"A/80/387.": false, "HIV/AIDS": false, "UNCTAD/WTO": false, "and/or": false, "CO2/CH4": false,
		"A/": false, "TD/B 70": false, "ABCDEFG/X/1": false, "HIV/AIDS/TB": false, "UNESCO/ILO/WHO": false,
		"NPT/CONF.2010/50": true,
	} {
		if got := symbolAlone([]byte(in)); got != want {
			t.Errorf("symbolAlone(%q) = %v, want %v", in, got, want)
		}
	}
}
