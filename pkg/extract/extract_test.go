package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/source"
)

func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	data, err := os.ReadFile("testdata/registry.yaml")
	if err != nil {
		t.Fatal(err)
	}
	reg, err := registry.Load([]registry.Source{{Name: "testdata/registry.yaml", Data: data}})
	if err != nil {
		t.Fatal(err)
	}
	return New(reg)
}

// describe renders references one per line:
// "treaty single 1961 fn3 «text»" or "unts 976/14152=single_amended fn3".
func describe(f *source.File, res *Result) string {
	var lines []string
	for _, ref := range res.All() {
		var b strings.Builder
		b.WriteString(ref.RefKind())
		text := ""
		switch r := ref.(type) {
		case *Mention:
			id := "-"
			if r.Treaty != nil {
				id = r.Treaty.ID
			}
			for _, c := range r.Candidates {
				id += "|" + c.ID
			}
			fmt.Fprintf(&b, " %s", id)
			if r.Year != 0 {
				fmt.Fprintf(&b, " %d", r.Year)
				if got := string(f.Text[r.YearStart:r.YearEnd]); got != fmt.Sprint(r.Year) {
					fmt.Fprintf(&b, " (year span %q)", got)
				}
			}
			if r.Embedded {
				b.WriteString(" embedded")
			}
			if r.Footnote != "" {
				fmt.Fprintf(&b, " fn%s", r.Footnote)
			}
			for _, c := range r.Citations {
				fmt.Fprintf(&b, " cited=%s", ids(c.Treaties()))
			}
			for _, w := range r.With {
				if w.Treaty != nil {
					fmt.Fprintf(&b, " with=%s", w.Treaty.ID)
				}
			}
			text = r.Text
		case *Citation:
			for _, p := range r.Pairs {
				fmt.Fprintf(&b, " %s/%s=%s", p.Volume.Value, p.Number.Value, ids(p.Treaties))
			}
			if r.Page != "" {
				fmt.Fprintf(&b, " p%s", r.Page)
			}
			if r.Ibid {
				b.WriteString(" ibid")
				if r.Prev == nil {
					b.WriteString("(nothing)")
				}
			}
			if r.NotUNTS {
				b.WriteString(" not-unts")
			}
			if r.Footnote != "" {
				fmt.Fprintf(&b, " fn%s", r.Footnote)
			}
			text = r.Text
		case *Resolution:
			text = r.Text
		}
		fmt.Fprintf(&b, " «%s»", text)
		lines = append(lines, b.String())
	}
	return strings.Join(lines, "\n")
}

func ids(ts []*registry.Treaty) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.ID)
	}
	if len(s) == 0 {
		return "?"
	}
	return strings.Join(s, "+")
}

func run(t testing.TB, x *Extractor, text string) (*source.File, *Result) {
	t.Helper()
	f, err := source.New("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return f, x.Extract(document.Parse(f))
}

func TestExtract(t *testing.T) {
	x := testExtractor(t)
	tests := []struct{ name, in, want string }{
		{
			"year forms",
			"the Convention on Psychotropic Substances of 1971, the United Nations Convention against Transnational Organized Crime, adopted in 2000, and the Convention on the Rights of the Child of 20 November 1989 and the Single Convention on Narcotic Drugs, 1961.",
			"treaty psychotropic 1971 «Convention on Psychotropic Substances of 1971»\n" +
				"treaty untoc 2000 «United Nations Convention against Transnational Organized Crime, adopted in 2000»\n" +
				"treaty crc 1989 «Convention on the Rights of the Child of 20 November 1989»\n" +
				"treaty single 1961 «Single Convention on Narcotic Drugs, 1961»",
		},
		{
			"as amended, with the wrong year, and its Ibid. footnote",
			"Parties to the Single Convention on Narcotic Drugs of 1954 as amended by the 1972 Protocol,³ and\n\n² United Nations, *Treaty Series*, vol. 2225, No. 39574.\n\n³ *Ibid.*, vol. 976, No. 14152.\n",
			"treaty single_amended 1954 fn3 cited=single_amended «Single Convention on Narcotic Drugs of 1954 as amended by the 1972 Protocol»\n" +
				"unts 2225/39574=untoc fn2 «United Nations, *Treaty Series*, vol. 2225, No. 39574»\n" +
				"unts 976/14152=single_amended ibid fn3 «*Ibid.*, vol. 976, No. 14152»",
		},
		{
			// Word keeps "of 1961" and "20 November 1989" together with
			// no-break spaces, and some titles with en or thin spaces; its
			// optional hyphens are soft hyphens.
			"hard spaces inside titles and before their years, soft hyphens in them",
			"the Single Conven\u00adtion on Narcotic Drugs of\u00a01954, the Convention\u2002on the Rights of the Child of 20\u00a0November\u202f1989 and the Convention on\u00a0Psychotropic\u2009Substances of 1971,\u00a01\n\n1\u00a0United Nations, Treaty Series, vol.\u00a01019, No.\u00a014956.\n",
			"treaty single 1954 «Single Convention on Narcotic Drugs of 1954»\n" +
				"treaty crc 1989 «Convention on the Rights of the Child of 20 November 1989»\n" +
				"treaty psychotropic 1971 fn1 cited=psychotropic with=crc with=single «Convention on Psychotropic Substances of 1971»\n" +
				"unts 1019/14956=psychotropic fn1 «United Nations, Treaty Series, vol. 1019, No. 14956»",
		},
		{
			// pdftotext joins a word hyphenated at a line's end, dropping
			// the hyphen; the parts are the title's words.
			"a hyphenated title word joined at a line break",
			"the Treaty on the NonProliferation of Nuclear Weapons and the McDonald Report",
			"treaty npt «Treaty on the NonProliferation of Nuclear Weapons»",
		},
		{
			"as amended by the Protocol, then a date: the date is no title's",
			"welcomes the entry into force of the Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol on 8 August 1975 and",
			"treaty single_amended 1961 «Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol»",
		},
		{
			"\"to\" and a verb after the amending Protocol is no title of a protocol; its marker is the amended form's",
			"Urges States parties to the Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol1 to fully implement it;\n\n1 United Nations, Treaty Series, vol. 976, No. 14152.\n",
			"treaty single_amended 1961 fn1 cited=single_amended «Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol»\n" +
				"unts 976/14152=single_amended fn1 «United Nations, Treaty Series, vol. 976, No. 14152»",
		},
		{
			"\"to amend\" after \"Protocol\" goes on with the protocol's own title",
			"the Convention on Psychotropic Substances of 1971, as amended by the Protocol to amend the Convention on the Rights of the Child,1 and\n\n1 United Nations, Treaty Series, vol. 1577, No. 27531.\n",
			"treaty psychotropic 1971 «Convention on Psychotropic Substances of 1971, as amended»\n" +
				"treaty crc fn1 cited=crc «Convention on the Rights of the Child»\n" +
				"unts 1577/27531=crc fn1 «United Nations, Treaty Series, vol. 1577, No. 27531»",
		},
		{
			"years given out respectively are not the nearest title's",
			"the Convention on the Rights of the Child and the Convention on Psychotropic Substances, of 1989 and 1971, respectively, and the Convention on the Rights of the Child of 1989",
			"treaty crc «Convention on the Rights of the Child»\n" +
				"treaty psychotropic «Convention on Psychotropic Substances»\n" +
				"treaty crc 1989 «Convention on the Rights of the Child of 1989»",
		},
		{
			"a year after an amendment's or adjustment's title is its own",
			"the Amendments on the crime of aggression to the Convention on the Rights of the Child of 2010, the Amendment to article XI of the Convention on Psychotropic Substances of 1979, the adjustments to the Convention on the Rights of the Child of 2007 and appendix I to the Convention on Psychotropic Substances of 1971",
			"treaty crc embedded «Convention on the Rights of the Child»\n" +
				"treaty psychotropic embedded «Convention on Psychotropic Substances»\n" +
				"treaty crc embedded «Convention on the Rights of the Child»\n" +
				"treaty psychotropic 1971 «Convention on Psychotropic Substances of 1971»",
		},
		{
			"a year after a treaty's years, at a meeting of its parties, is the meeting's",
			"the Review Conference of the Parties to the Convention on the Rights of the Child of 2010, the Conference of the Parties to the Convention on Psychotropic Substances of 1970 and the States parties to the Convention on the Rights of the Child of 2010",
			"treaty crc «Convention on the Rights of the Child»\n" +
				"treaty psychotropic 1970 «Convention on Psychotropic Substances of 1970»\n" +
				"treaty crc 2010 «Convention on the Rights of the Child of 2010»",
		},
		{
			"an amendment's phrase does not take the year of a treaty it only passes by",
			"the amendment by States parties to the Convention on Psychotropic Substances of 1979, the adjustment of national legislation to the Convention on the Rights of the Child of 1990 and the amendments to annex VI to the Convention on the Rights of the Child of 1991",
			"treaty psychotropic 1979 «Convention on Psychotropic Substances of 1979»\n" +
				"treaty crc 1990 «Convention on the Rights of the Child of 1990»\n" +
				"treaty crc 1991 «Convention on the Rights of the Child of 1991»",
		},
		{
			"a meeting of the States parties, and a year no meeting can have",
			"the Review Conference of the States Parties to the Convention on the Rights of the Child of 2010, the meetings of the Parties to the Convention on the Rights of the Child of 2016 and the Conference of the Parties to the Convention on Psychotropic Substances of 1972",
			"treaty crc «Convention on the Rights of the Child»\n" +
				"treaty crc «Convention on the Rights of the Child»\n" +
				"treaty psychotropic 1972 «Convention on Psychotropic Substances of 1972»",
		},
		{
			"a paragraph that opens with no -ing word after one that ends in a title: its title stands alone, with its year",
			"Recalling the Paris Agreement,1\n\nMindful of the Convention on Psychotropic Substances of 1975,\n\n1 United Nations, Treaty Series, vol. 3156, No. 54113.\n",
			"treaty paris fn1 cited=paris «Paris Agreement»\n" +
				"treaty psychotropic 1975 «Convention on Psychotropic Substances of 1975»\n" +
				"unts 3156/54113=paris fn1 «United Nations, Treaty Series, vol. 3156, No. 54113»",
		},
		{
			"a preambular paragraph after one that ends in a title: its title is no part of a larger one",
			"Reaffirming the Convention on the Rights of the Child of 1989, 5\n\nReferring to the Convention relating to the Status of Refugees, 6 and\n\n5 United Nations, Treaty Series, vol. 1577, No. 27531.\n6 Ibid., vol. 189, No. 2545.\n",
			"treaty crc 1989 fn5 cited=crc «Convention on the Rights of the Child of 1989»\n" +
				"treaty refugees fn6 cited=refugees «Convention relating to the Status of Refugees»\n" +
				"unts 1577/27531=crc fn5 «United Nations, Treaty Series, vol. 1577, No. 27531»\n" +
				"unts 189/2545=refugees ibid fn6 «Ibid., vol. 189, No. 2545»",
		},
		{
			"an amendment to an article's paragraph takes the year after the treaty",
			"the amendment to article 43, paragraph 2, of the Convention on the Rights of the Child of 1995 and the amendments to articles 17 and 18 of the Convention on the Elimination of All Forms of Discrimination against Women of 1992",
			"treaty crc embedded «Convention on the Rights of the Child»\n" +
				"treaty cedaw embedded «Convention on the Elimination of All Forms of Discrimination against Women»",
		},
		{
			"a Meeting, an Assembly of States Parties, a Meeting of the High Contracting Parties: the same",
			"the thirty-fifth Meeting of States Parties to the Convention on the Rights of the Child of 2025, the Assembly of States Parties to the Convention on the Rights of the Child of 2023 and the Meeting of the High Contracting Parties to the Convention on the Rights of the Child of 2019",
			"treaty crc «Convention on the Rights of the Child»\n" +
				"treaty crc «Convention on the Rights of the Child»\n" +
				"treaty crc «Convention on the Rights of the Child»",
		},
		{
			"a year that belongs to a larger title",
			"the Memorandum on Security Assurances in Connection with Ukraine’s Accession to the Treaty on the Non-Proliferation of Nuclear Weapons of 1994 and the Optional Protocol to the Convention on the Rights of the Child of 2000",
			"treaty npt embedded «Treaty on the Non-Proliferation of Nuclear Weapons»\n" +
				"treaty crc 2000 embedded «Convention on the Rights of the Child of 2000»",
		},
		{
			"a title after an article, an appendix, a date or a country is not inside a larger title",
			"undertaken in article VI of the Treaty on the Non-Proliferation of Nuclear Weapons, in appendix I to the Convention on the Rights of the Child, since the entry into force on 7 July 2007 of the Convention relating to the Status of Refugees, and the obligations of Myanmar under the Convention on the Elimination of All Forms of Discrimination against Women",
			"treaty npt «Treaty on the Non-Proliferation of Nuclear Weapons»\n" +
				"treaty crc «Convention on the Rights of the Child»\n" +
				"treaty refugees «Convention relating to the Status of Refugees»\n" +
				"treaty cedaw «Convention on the Elimination of All Forms of Discrimination against Women»",
		},
		{
			"titles inside larger titles, after a date of the larger one",
			"Amended Protocol II of 3 May 1996 to the Convention on the Rights of the Child and the Protocol of 2014 to the Convention relating to the Status of Refugees",
			"treaty crc embedded «Convention on the Rights of the Child»\n" +
				"treaty refugees embedded «Convention relating to the Status of Refugees»",
		},
		{
			"more volumes and numbers in one footnote, each group its own citation",
			"the Convention,1\n\n1 United Nations, Treaty Series, vol. 1249, No. 20378; and vols. 1577 and 2173, No. 27531, and vol. 189, No. 2545, p. 137.\n",
			"unts 1249/20378=cedaw fn1 «United Nations, Treaty Series, vol. 1249, No. 20378»\n" +
				"unts 1577/27531=crc 2173/27531=crc_opac fn1 «vols. 1577 and 2173, No. 27531»\n" +
				"unts 189/2545=refugees p137 fn1 «vol. 189, No. 2545, p. 137»",
		},
		{
			"more instruments in one footnote, each after 'ibid.,' in lower case, in italics, or capitalised",
			"the Convention,1\n\n1 United Nations, Treaty Series, vol. 1249, No. 20378; ibid., vol. 2131, No. 20378; and *ibid.*, vols. 1577 and 2173, No. 27531; Ibid., vol. 189, No. 2545.\n",
			"unts 1249/20378=cedaw fn1 «United Nations, Treaty Series, vol. 1249, No. 20378»\n" +
				"unts 2131/20378=cedaw_op fn1 «vol. 2131, No. 20378»\n" +
				"unts 1577/27531=crc 2173/27531=crc_opac fn1 «vols. 1577 and 2173, No. 27531»\n" +
				"unts 189/2545=refugees fn1 «vol. 189, No. 2545»",
		},
		{
			"an ibid. in parentheses after each listed title but the first",
			"the instruments,1\n\n1 Convention on the Elimination of All Forms of Discrimination against Women (United Nations, Treaty Series, vol. 1249, No. 20378); Convention on the Rights of the Child\n(ibid., vol. 1577, No. 27531); and Convention relating to the Status of Refugees (ibid., vol. 189, No. 2545).\n",
			"treaty cedaw cited=cedaw «Convention on the Elimination of All Forms of Discrimination against Women»\n" +
				"unts 1249/20378=cedaw fn1 «United Nations, Treaty Series, vol. 1249, No. 20378»\n" +
				"treaty crc cited=crc «Convention on the Rights of the Child»\n" +
				"unts 1577/27531=crc fn1 «ibid., vol. 1577, No. 27531»\n" +
				"treaty refugees cited=refugees «Convention relating to the Status of Refugees»\n" +
				"unts 189/2545=refugees fn1 «ibid., vol. 189, No. 2545»",
		},
		{
			"two titles before one parenthesis of citations in a footnote: both the last's, the first listed with it",
			"the instruments,1\n\n1 Convention relating to the Status of Refugees (United Nations, Treaty Series, vol. 189, No. 2545); Convention on the Rights of the Child and Convention on the Elimination of All Forms of Discrimination against Women (ibid., vol. 1577, No. 27531, and vol. 1249, No. 20378).\n",
			"treaty refugees cited=refugees «Convention relating to the Status of Refugees»\n" +
				"unts 189/2545=refugees fn1 «United Nations, Treaty Series, vol. 189, No. 2545»\n" +
				"treaty crc «Convention on the Rights of the Child»\n" +
				"treaty cedaw cited=crc cited=cedaw with=crc «Convention on the Elimination of All Forms of Discrimination against Women»\n" +
				"unts 1577/27531=crc fn1 «ibid., vol. 1577, No. 27531»\n" +
				"unts 1249/20378=cedaw fn1 «vol. 1249, No. 20378»",
		},
		{
			"an ibid. in parentheses after the title that opens a footnote: of the footnote before's series",
			"the instruments,1 and more,2\n\n1 United Nations, Treaty Series, vol. 189, No. 2545.\n\n2 Convention on the Rights of the Child (ibid., vol. 1577, No. 27531).\n",
			"unts 189/2545=refugees fn1 «United Nations, Treaty Series, vol. 189, No. 2545»\n" +
				"treaty crc cited=crc «Convention on the Rights of the Child»\n" +
				"unts 1577/27531=crc fn2 «ibid., vol. 1577, No. 27531»",
		},
		{
			"an ibid. in parentheses after a title that holds parentheses; not after a resolution's",
			"the instruments,1\n\n1 Convention relating to the Status of Refugees (United Nations, Treaty Series, vol. 189, No. 2545); Convention on the Rights (Protection) of the Child (ibid., vol. 1577, No. 27531); Convention on the Elimination of All Forms of Discrimination against Women (resolution 34/180, annex) (ibid., vol. 1249, No. 20378).\n",
			"treaty refugees cited=refugees «Convention relating to the Status of Refugees»\n" +
				"unts 189/2545=refugees fn1 «United Nations, Treaty Series, vol. 189, No. 2545»\n" +
				"unts 1577/27531=crc fn1 «ibid., vol. 1577, No. 27531»\n" +
				"treaty cedaw «Convention on the Elimination of All Forms of Discrimination against Women»\n" +
				"resolution «resolution 34/180»",
		},
		{
			"an ibid. after another source is that source's, and 'ibidem' is none",
			"the instruments,1\n\n1 United Nations, Treaty Series, vol. 1249, No. 20378; Official Records of the Conference (ibid., vol. 2, No. 3); Final Act (ibid., vol. 4, No. 5); ibidem, vol. 6, No. 7.\n",
			"unts 1249/20378=cedaw fn1 «United Nations, Treaty Series, vol. 1249, No. 20378»",
		},
		{
			"'ibid.' that no volume follows ends the citations",
			"the Convention,1\n\n1 United Nations, Treaty Series, vol. 1249, No. 20378; ibid., para. 4; vol. 2131, No. 20378.\n",
			"unts 1249/20378=cedaw fn1 «United Nations, Treaty Series, vol. 1249, No. 20378»",
		},
		{
			"Ibid. without its comma; no-break spaces; a number with its part of the register",
			"the Convention,1 the Protocol,2 and the Covenant,3\n\n1 United Nations, Treaty\u00a0Series, vol.\u00a01577, No.\u202f27531.\n\n2 Ibid. vol. 2131, No. 20378.\n\n3 Ibid., vol. 189, No. I-2545.\n",
			// The streams read hard spaces as plain ones.
			"unts 1577/27531=crc fn1 «United Nations, Treaty Series, vol. 1577, No. 27531»\n" +
				"unts 2131/20378=cedaw_op ibid fn2 «Ibid. vol. 2131, No. 20378»\n" +
				"unts 189/2545=refugees ibid fn3 «Ibid., vol. 189, No. I-2545»",
		},
		{
			"short forms resolved from the document's own mentions",
			"Recalling the United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances of 1988, the 1988 Convention and the 1961 Convention",
			"treaty traffic1988 1988 «United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances of 1988»\n" +
				"treaty traffic1988 1988 «1988 Convention»\n" +
				"treaty - 1961 «1961 Convention»",
		},
		{
			"an ambiguous short form stays unresolved",
			"the United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances and the Convention for the Suppression of Unlawful Acts against the Safety of Maritime Navigation, and the 1988 Convention",
			"treaty traffic1988 «United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances»\n" +
				"treaty sua1988 «Convention for the Suppression of Unlawful Acts against the Safety of Maritime Navigation»\n" +
				"treaty -|traffic1988|sua1988 1988 «1988 Convention»",
		},
		{
			"citations: volume lists, number ranges, pages, League of Nations, not-UNTS Ibid.",
			"text\n\n1 United Nations, Treaty Series, vols. 2225 and 2237, No. 39574.\n2 Ibid., vol. 75, Nos. 972–973.\n3 United Nations, Treaty Series, vol. 75, p. 287.\n4 League of Nations, Treaty Series, vol. XCIV (1929), No. 2138, p. 65.\n5 Official Records of the Review Conference, vol. I.\n6 Ibid., vol. I (NPT/CONF.2010/50 (Vol. I)).\n",
			"unts 2225/39574=untoc 2237/39574=untoc_trafficking fn1 «United Nations, Treaty Series, vols. 2225 and 2237, No. 39574»\n" +
				"unts 75/972=gc3+geneva1949 75/973=gc4+geneva1949 ibid fn2 «Ibid., vol. 75, Nos. 972–973»\n" +
				"unts 75/=gc4 p287 fn3 «United Nations, Treaty Series, vol. 75, p. 287»\n" +
				"unts XCIV/2138=gas_protocol p65 fn4 «League of Nations, Treaty Series, vol. XCIV (1929), No. 2138, p. 65»\n" +
				"ibid ibid not-unts fn6 «Ibid., vol. I»",
		},
		{
			// A volume and a registration number in arabic digits are
			// the Treaty Series' form, whatever came before.
			"Ibid. with nothing before it, in the Treaty Series' form",
			"text¹\n\n¹ Ibid., vol. 976, No. 14152.\n",
			"unts 976/14152=single_amended ibid(nothing) fn1 «Ibid., vol. 976, No. 14152»",
		},
		{
			"Ibid. opening footnotes numbered from an earlier text",
			"Recalling the Single Convention on Narcotic Drugs of 1961 106 and\nthe rest.\n\n\n106 Ibid., vol. 976, No. 14152.\n",
			"treaty single 1961 fn106 cited=single_amended «Single Convention on Narcotic Drugs of 1961»\n" +
				"unts 976/14152=single_amended ibid(nothing) fn106 «Ibid., vol. 976, No. 14152»",
		},
		{
			"Ibid. with nothing before it and no registration number",
			"text¹\n\n¹ Ibid., vol. 976, p. 105.\n",
			"ibid ibid(nothing) fn1 «Ibid., vol. 976, p. 105»",
		},
		{
			"Ibid. with nothing before it and a roman volume",
			"text¹\n\n¹ Ibid., vol. II, No. 3.\n",
			"ibid ibid(nothing) fn1 «Ibid., vol. II, No. 3»",
		},
		{
			"a citation in parentheses documents the title before it",
			"Recalling the Convention on the Rights of the Child (United Nations, Treaty Series, vol. 1577, No. 27531), and",
			"treaty crc cited=crc «Convention on the Rights of the Child»\n" +
				"unts 1577/27531=crc «United Nations, Treaty Series, vol. 1577, No. 27531»",
		},
		{
			"a title in lower case is not a citation; a wrapped title is",
			"the convention on the rights of the child, and the Convention\non the Rights of the Child,",
			"treaty crc «Convention on the Rights of the Child»",
		},
		{
			"the year before the title",
			"the 1951 Convention relating to the Status of Refugees and the 1954 Convention",
			"treaty refugees 1951 «1951 Convention relating to the Status of Refugees»\n" +
				"treaty - 1954 «1954 Convention»",
		},
		{
			"a range after the title is not its year",
			"the Convention on the Rights of the Child, 2011–2020 plan and the Treaty on the Non-Proliferation of Nuclear Weapons, 2030 Agenda",
			"treaty crc «Convention on the Rights of the Child»\n" +
				"treaty npt «Treaty on the Non-Proliferation of Nuclear Weapons»",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, res := run(t, x, tt.in)
			if got := describe(f, res); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func FuzzExtract(f *testing.F) {
	x := testExtractor(f)
	for _, s := range []string{
		"the Single Convention on Narcotic Drugs of 1954 as amended by the 1972 Protocol,³\n\n³ *Ibid.*, vol. 976, No. 14152.\n",
		"the 1988 Convention and the Treaty on the Non-Proliferation of Nuclear Weapons of 1994[^1]\n\n[^1]: United Nations, Treaty Series, vols. 2225 and 2237, Nos. 970–973, p. 5.\n",
		"Crime,5\n____\n\n5  League of Nations, Treaty Series, vol. XCIV (1929), No. 2138\n6 Ibid.\n",
		"text,1\n\n1 Antarctic Treaty (United Nations, Treaty Series, vol. 402, No. 5778); Convention on the Rights of the Child (ibid., vol. 1577, No. 27531; and ibid., vol. 2173, No. 27531).\n",
		"the 1977 Protocols and the Convention on the Rights of the Child,1\n\n1 United Nations, Treaty Series, vol. 1125, Nos. 17512 and 17513; and vol. 1577, No. 27531.\n",
		// Linking: a marker inside a title, the title inside it, a back-reference,
		// a parenthesised short title and a page break with its furniture.
		"the Doha Amendment1 to the Kyoto Protocol2 and that Convention, 3 and the Protocols thereto4\n(the Convention)5 of 1989\n" +
			"__________________\n1 United Nations, Treaty Series, vol. 1771, No. 30822.\n2 Ibid., vol. 2303, No. 30822.\n" +
			"3 Ibid.\n4 Ibid., vols. 2171 and 2173, No. 27531; and vols. 1125, No. 17512.\n5 See resolution 44/25, annex.\n" +
			"25-12345\t2/3\nA/RES/80/1\nthe Convention on the Rights of the Child 6 and the treaties of Tlatelolco,7 Rarotonga8\n" +
			"__________________\n6 Ibid., vol. 1577, No. 27531.\n7 Ibid., vol. 634, No. 9068.\n8 Ibid., vol. 1445, No. 24592.\n",
		// The footnote's kind decides the owner: meetings, reports,
		// quotations, amendments, far links, short names, "adopted under".
		"the 2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons,1 the report of the " +
			"Secretary-General on the Convention on the Rights of the Child;2 resolution 10/4, entitled “Implementation of the Protocol " +
			"thereto on the sale of children,3 (the Convention)”, the amendments to the Convention4 and to the Kyoto Protocol,5 the Paris " +
			"Agreement adopted under the Convention in December 2015 6 and the Refugee Convention of 1951 Protocol (the “1951 Convention”)7\n" +
			"__________________\n1 See NPT/CONF.2010/50.\n2 A/80/373.\n3 Ibid.\n4 Non-discrimination.\n5 Ibid., annex.\n" +
			"6 United Nations, Treaty Series, vol. 3156, No. 54113.\n7 See resolution 429 (V).\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		src, err := source.New("f", []byte(in))
		if err != nil {
			return
		}
		res := x.Extract(document.Parse(src))
		for _, ref := range res.All() {
			_ = ref.JSON(src) // as refs writes it: no panic
			start, end := ref.Span()
			if start < 0 || end > len(src.Text) || start > end {
				t.Fatalf("span [%d,%d) outside input of %d bytes: %+v", start, end, len(src.Text), ref)
			}
			if !utf8.Valid(src.Text[start:end]) {
				t.Fatalf("span [%d,%d) splits a character", start, end)
			}
		}
		for _, r := range res.Mentions {
			if r.YearEnd != 0 && (r.YearStart < 0 || r.YearEnd > len(src.Text) || r.YearStart > r.YearEnd) {
				t.Fatalf("year span out of range: %+v", r)
			}
		}
		for _, r := range res.Citations {
			for _, p := range r.Pairs {
				for _, n := range []Num{p.Volume, p.Number} {
					if n.Value != "" && (n.Start < 0 || n.End > len(src.Text) || n.Start > n.End) {
						t.Fatalf("number span out of range: %+v", n)
					}
				}
			}
		}
	})
}

// TestNonBreakingHyphen: "resolution S‑10/2" written with U+2011, as word
// processors do, is read as S-10/2 and located in the source.
func TestNonBreakingHyphen(t *testing.T) {
	x := testExtractor(t)
	in := "Recalling its resolution S\u201110/2 of 30 June 1978 and resolution S\u201126/2,"
	f, res := run(t, x, in)
	var got []string
	for _, r := range res.Resolutions {
		got = append(got, fmt.Sprintf("%s %s %q", r.Canonical, r.Date, f.Text[r.NumStart:r.NumEnd]))
	}
	want := []string{"S-10/2 1978-06-30 \"S\u201110/2\"", "S-26/2  \"S\u201126/2\""}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestArabicLNTS(t *testing.T) {
	for _, tc := range []struct {
		series, vol, want string
		ok                bool
	}{
		{"LNTS", "60", "LX", true},
		{"LNTS", "94", "XCIV", true},
		{"LNTS", "LX", "", false}, // already as the registry writes it
		{"LNTS", "0", "", false},
		{"UNTS", "976", "", false}, // the UN series is in Arabic numerals
	} {
		got, ok := ArabicLNTS(tc.series, tc.vol)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ArabicLNTS(%q, %q) = %q, %v; want %q, %v", tc.series, tc.vol, got, ok, tc.want, tc.ok)
		}
	}
}
