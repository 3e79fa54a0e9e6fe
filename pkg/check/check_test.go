package check

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/extract"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/source"
)

func testRegistry(t testing.TB) *registry.Registry {
	t.Helper()
	data, err := os.ReadFile("../extract/testdata/registry.yaml")
	if err != nil {
		t.Fatal(err)
	}
	reg, err := registry.Load([]registry.Source{
		{Name: "registry.yaml", Data: data},
		{Name: "extra.yaml", Data: []byte("- id: unknown_years\n  title: Convention on Something Undated\n  sources: [test]\n" +
			"- id: signed_apart\n  title: Convention on Something Signed Apart\n  adopted: '1971-12-16'\n  opened_for_signature: '1972-04-10'\n  place: London, Moscow and Washington\n  cited_year: 1972\n  sources: [test]\n" +
			"- id: adopted_there\n  title: Convention on Something Adopted There\n  adopted: '1980-10-10'\n  place: Geneva\n  sources: [test]\n" +
			"- id: montreal1971\n  title: Convention for the Suppression of Unlawful Acts against the Safety of Civil Aviation\n  adopted: '1971-09-23'\n  place: Montreal\n  unts: [{volume: 974, number: 14118}]\n  sources: [test]\n" +
			"- id: slavery\n  title: Slavery Convention\n  adopted: '1926-09-25'\n  lnts: [{volume: LX, number: 1414}]\n  sources: [test]\n" +
			"- id: part_xi\n  title: Agreement relating to the Implementation of Part XI of the United Nations Convention on the Law of the Sea of 10 December 1982\n  protocol_to: unclos\n  unts: [{volume: 1836, number: 31364}]\n  sources: [test]\n" +
			"- id: vcdr\n  title: Vienna Convention on Diplomatic Relations\n  adopted: '1961-04-18'\n  unts: [{volume: 500, number: 7310}]\n  sources: [test]\n" +
			"- id: fish_stocks\n  title: Agreement for the Implementation of the Provisions of the United Nations Convention on the Law of the Sea of 10 December 1982 relating to the Conservation and Management of Straddling Fish Stocks and Highly Migratory Fish Stocks\n  protocol_to: unclos\n  unts: [{volume: 2167, number: 37924}]\n  sources: [test]\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// lint runs every check over text and renders the findings one per line:
// "line:col rule: message (found → expected) fix=…".
func lint(t *testing.T, reg *registry.Registry, text string) string {
	t.Helper()
	f, err := source.New("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	d := document.Parse(f)
	c := &Context{File: f, Doc: d, Refs: extract.New(reg).Extract(d), Registry: reg}
	var checks []Check
	for _, ch := range All() {
		if !IsOptIn(ch) {
			checks = append(checks, ch)
		}
	}
	var lines []string
	for _, dg := range Run(c, checks) {
		s := fmt.Sprintf("%d:%d %s %s: %s", dg.Span.Start.Line, dg.Span.Start.Col, dg.Severity, dg.Rule, dg.Message)
		if dg.Found != "" || dg.Expected != "" {
			s += fmt.Sprintf(" (%s → %s)", dg.Found, dg.Expected)
		}
		if dg.Fix != nil {
			s += fmt.Sprintf(" fix=%q@%d:%d", dg.Fix.Replacement, dg.Fix.Span.Start.Line, dg.Fix.Span.Start.Col)
		}
		lines = append(lines, s)
	}
	return strings.Join(lines, "\n")
}

func TestChecks(t *testing.T) {
	reg := testRegistry(t)
	tests := []struct{ name, in, want string }{
		{
			"wrong year, confirmed by the footnote",
			"the Single Convention on Narcotic Drugs of 1954 as amended by the 1972 Protocol,³ and\n\n² United Nations, *Treaty Series*, vol. 2225, No. 39574.\n\n³ *Ibid.*, vol. 976, No. 14152.\n",
			"1:44 error treaty-year: the Single Convention on Narcotic Drugs is of 1961, not 1954 (adopted 30 March 1961); footnote 3 (vol. 976, No. 14152) cites the same instrument (1954 → 1961) fix=\"1961\"@1:44",
		},
		{
			"right years, right footnotes: nothing to say",
			"the Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol,¹ the Convention on Psychotropic Substances of 1971,² the United Nations Convention against Transnational Organized Crime and the Protocols thereto,³\n\n¹ United Nations, Treaty Series, vol. 976, No. 14152.\n\n² Ibid., vol. 1019, No. 14956.\n\n³ Ibid., vols. 2225 and 2237, No. 39574.\n",
			"",
		},
		{
			"a protocol's citation under its parent convention is not a mismatch",
			"the United Nations Convention against Transnational Organized Crime,¹\n\n¹ United Nations, Treaty Series, vol. 2237, No. 39574.\n",
			"",
		},
		{
			"a registered number in the wrong volume",
			"text¹\n\n¹ United Nations, Treaty Series, vol. 977, No. 14152.\n",
			"3:39 error unts-citation: vol. 977, No. 14152 matches no registered instrument: No. 14152 is the Single Convention on Narcotic Drugs (as amended), in vol. 976 (977 → 976) fix=\"976\"@3:39",
		},
		{
			"a registered number with a volume a slip away from one of its instruments': that one",
			"text¹\n\n¹ United Nations, Treaty Series, vol. 2273, No. 39574.\n",
			"3:39 error unts-citation: vol. 2273, No. 39574 matches no registered instrument: No. 39574 is the United Nations Convention against Transnational Organized Crime (vol. 2225) and the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime (vol. 2237); vol. 2273 may be a slip for vol. 2237 (2273 → 2237)",
		},
		{
			"a registered number in a volume below its first: no instrument under it can be there",
			"text¹\n\n¹ United Nations, Treaty Series, vol. 704, No. 39574.\n",
			"3:39 error unts-citation: vol. 704, No. 39574 matches no registered instrument: No. 39574 is the United Nations Convention against Transnational Organized Crime (vol. 2225) and the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime (vol. 2237) (704 → )",
		},
		{
			"the League of Nations series: its volumes in Roman numerals, a slip among them",
			"the Slavery Convention,¹ and\n\n¹ League of Nations, Treaty Series, vol. LXI, No. 1414.\n",
			"3:42 error unts-citation: vol. LXI, No. 1414 matches no registered instrument: No. 1414 is the Slavery Convention, in vol. LX (LXI → LX) fix=\"LX\"@3:42",
		},
		{
			"the League of Nations series in Arabic numerals, as the UN Treaty Collection writes it: the same volume",
			"the Slavery Convention,¹ and\n\n¹ League of Nations, Treaty Series, vol. 60, No. 1414.\n",
			"",
		},
		{
			"a United Nations Treaty Series number that only the League of Nations series has: nothing known",
			"text¹\n\n¹ United Nations, Treaty Series, vol. 500, No. 1414.\n",
			"",
		},
		{
			"a registered number in another registered instrument's volume: two citations mixed",
			"text¹\n\n¹ United Nations, Treaty Series, vol. 2303, No. 39574.\n",
			"3:39 error unts-citation: vol. 2303, No. 39574 matches no registered instrument: No. 39574 is the United Nations Convention against Transnational Organized Crime (vol. 2225) and the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime (vol. 2237); vol. 2303 holds the Kyoto Protocol to the United Nations Framework Convention on Climate Change (2303 → )",
		},
		{
			"a registered number in a volume no slip away and holding nothing registered: an instrument the registry lacks, a warning",
			"the Convention and the Protocols thereto,¹\n\n¹ United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.\n",
			"3:52 warning unts-citation: vol. 2241, No. 39574 is not in the registry: No. 39574 is the United Nations Convention against Transnational Organized Crime (vol. 2225) and the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime (vol. 2237); if vol. 2241 holds another instrument registered under that number (a protocol, an amendment), add it to the registry (2241 → )\n" +
				"3:61 warning unts-citation: vol. 2326, No. 39574 is not in the registry: No. 39574 is the United Nations Convention against Transnational Organized Crime (vol. 2225) and the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime (vol. 2237); if vol. 2326 holds another instrument registered under that number (a protocol, an amendment), add it to the registry (2326 → )",
		},
		{
			"a title in a footnote's list with another's pair in an ibid. in parentheses",
			"Recalling the relevant instruments,¹\n\n¹ Convention on the Rights of the Child (United Nations, Treaty Series, vol. 1577, No. 27531); and Convention on Psychotropic Substances of 1971 (ibid., vol. 976, No. 14152).\n",
			"3:159 error unts-citation: footnote 1 cites vol. 976, No. 14152, which is the Single Convention on Narcotic Drugs (as amended), but the text at line 3 names the Convention on Psychotropic Substances (vol. 1019, No. 14956) (vol. 976, No. 14152 → vol. 1019, No. 14956) fix=\"1019, No. 14956\"@3:159",
		},
		{
			"a short form the document's titles resolve, footnoted with another instrument's pair",
			"Recalling the United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances of 1988,\nNoting article 12 of the 1988 Convention¹ on precursors,\n\n¹ United Nations, Treaty Series, vol. 1019, No. 14956.\n",
			"4:39 error unts-citation: footnote 1 cites vol. 1019, No. 14956, which is the Convention on Psychotropic Substances, but the text at line 2 (\"1988 Convention\") refers to the United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances (vol. 1019, No. 14956 → )",
		},
		{
			"a short form footnoted with its own pair, or with another instrument of its year and kind: nothing to say",
			"Recalling the Convention on Psychotropic Substances of 1971 and the United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances of 1988,\nNoting the 1988 Convention¹ and the 1971 Convention,²\n\n¹ United Nations, Treaty Series, vol. 1582, No. 27627.\n\n² Ibid., vol. 974, No. 14118.\n",
			"",
		},
		{
			"short forms listed under one marker, the footnote giving each its pair: nothing to say",
			"Recalling the Single Convention on Narcotic Drugs of 1961, the Convention on Psychotropic Substances of 1971 and the United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances of 1988,\nUrging States to implement the 1961 Convention, the 1971 Convention and the 1988 Convention,¹ and the 1988 Convention and the Convention on Psychotropic Substances of 1971,²\n\n¹ United Nations, Treaty Series, vol. 520, No. 7515; vol. 1019, No. 14956; and vol. 1582, No. 27627.\n\n² Ibid., vol. 1582, No. 27627, and vol. 1019, No. 14956.\n",
			"",
		},
		{
			"a short form after another title in its paragraph, footnoted with that title's pair: nothing to say",
			"Recalling the Convention on Psychotropic Substances of 1971 and the United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances of 1988,\nWelcomes accessions to the Convention on Psychotropic Substances of 1971 and the 1988 Convention,¹\n\n¹ United Nations, Treaty Series, vol. 1019, No. 14956.\n",
			"",
		},
		{
			"a short form the registry cannot resolve, listed under a title's marker, its instruments cited: nothing to say",
			"Calling for respect for the 1977 Protocols and the Convention on the Rights of the Child,¹\n\n¹ United Nations, Treaty Series, vol. 1125, No. 17512; and vol. 1577, No. 27531.\n",
			"",
		},
		{
			"two titles of a footnote's list before one parenthesis with their two pairs: nothing to say; a third's pair there: that one",
			"Recalling the relevant instruments,¹ and the others,²\n\n¹ Convention on the Rights of the Child and Convention on the Elimination of All Forms of Discrimination against Women (United Nations, Treaty Series, vol. 1577, No. 27531, and vol. 1249, No. 20378).\n\n² Convention on the Rights of the Child and Convention on the Elimination of All Forms of Discrimination against Women (ibid., vol. 1577, No. 27531, and vol. 1019, No. 14956).\n",
			"5:159 error unts-citation: footnote 2 cites vol. 1019, No. 14956, which is the Convention on Psychotropic Substances, but the text at line 5 names the Convention on the Rights of the Child and the Convention on the Elimination of All Forms of Discrimination against Women (vol. 1019, No. 14956 → )",
		},
		{
			"titles listed under one marker, each with its citation, in any order: nothing to say",
			"Recalling the Convention on the Rights of the Child, the International Covenant on Civil and Political Rights and the Convention on the Elimination of All Forms of Discrimination against Women,¹\n\n¹ United Nations, Treaty Series, vol. 1249, No. 20378; vol. 1577, No. 27531; and vol. 999, No. 14668.\n",
			"",
		},
		{
			"a listed title without its citation, a protocol of another listed title's in its place",
			"Recalling the Convention on the Rights of the Child, the International Covenant on Civil and Political Rights and the Convention on the Elimination of All Forms of Discrimination against Women,¹\n\n¹ United Nations, Treaty Series, vol. 2131, No. 20378; vol. 999, No. 14668; and vol. 1249, No. 20378.\n",
			"3:39 error unts-citation: footnote 1 cites vol. 2131, No. 20378, which is the Optional Protocol to the Convention on the Elimination of All Forms of Discrimination against Women, but no citation of the Convention on the Rights of the Child, which the text at line 1 lists under its marker (vol. 2131, No. 20378 → )",
		},
		{
			"a listed title without its citation, another's given twice",
			"Recalling the Convention on the Rights of the Child and the Convention on the Elimination of All Forms of Discrimination against Women,¹\n\n¹ United Nations, Treaty Series, vol. 1249, No. 20378; and vol. 1249, No. 20378.\n",
			"3:65 error unts-citation: footnote 1 cites vol. 1249, No. 20378, which is the Convention on the Elimination of All Forms of Discrimination against Women, but no citation of the Convention on the Rights of the Child, which the text at line 1 lists under its marker (vol. 1249, No. 20378 → )",
		},
		{
			"titles footnoted before and listed again under one marker whose footnote cites them all: nothing to say",
			"Recalling the Convention on the Rights of the Child¹ and the International Covenant on Civil and Political Rights,²\n\n1. Calls upon States to ratify the Convention on the Rights of the Child and the International Covenant on Civil and Political Rights;³\n\n¹ United Nations, Treaty Series, vol. 1577, No. 27531.\n\n² Ibid., vol. 999, No. 14668.\n\n³ United Nations, Treaty Series, vol. 1577, No. 27531; and vol. 999, No. 14668.\n",
			"",
		},
		{
			"the same with another treaty's citation in that footnote: still said",
			"Recalling the Convention on the Rights of the Child¹ and the International Covenant on Civil and Political Rights,²\n\n1. Calls upon States to ratify the Convention on the Rights of the Child and the International Covenant on Civil and Political Rights;³\n\n¹ United Nations, Treaty Series, vol. 1577, No. 27531.\n\n² Ibid., vol. 999, No. 14668.\n\n³ United Nations, Treaty Series, vol. 1249, No. 20378; and vol. 999, No. 14668.\n",
			"9:39 error unts-citation: footnote 3 cites vol. 1249, No. 20378, which is the Convention on the Elimination of All Forms of Discrimination against Women, but the text at line 3 names the Convention on the Rights of the Child and the International Covenant on Civil and Political Rights (vol. 1249, No. 20378 → )",
		},
		{
			"a title named again whose citation stands alone in the footnote of another title: said, as before",
			"Recalling the Convention on the Rights of the Child,¹\n\n1. Calls upon States to ratify the Convention on the Rights of the Child and the International Covenant on Civil and Political Rights;²\n\n¹ United Nations, Treaty Series, vol. 1577, No. 27531.\n\n² United Nations, Treaty Series, vol. 1577, No. 27531.\n",
			"7:39 error unts-citation: footnote 2 cites vol. 1577, No. 27531, which is the Convention on the Rights of the Child, but the text at line 3 names the Convention on the Rights of the Child and the International Covenant on Civil and Political Rights (vol. 1577, No. 27531 → )",
		},
		{
			"a title named again is cited, a listed title is not: said at the pair that stands in its place",
			"Recalling the Convention on the Rights of the Child,¹\n\n1. Calls upon States to ratify the Convention on the Rights of the Child, the International Covenant on Civil and Political Rights and the Convention on the Elimination of All Forms of Discrimination against Women;²\n\n¹ United Nations, Treaty Series, vol. 1577, No. 27531.\n\n² United Nations, Treaty Series, vol. 1577, No. 27531; and vol. 1249, No. 20378.\n",
			"7:39 error unts-citation: footnote 2 cites vol. 1577, No. 27531, which is the Convention on the Rights of the Child, but no citation of the International Covenant on Civil and Political Rights, which the text at line 3 lists under its marker (vol. 1577, No. 27531 → )",
		},
		{
			"a title named again, cited with its own volume and a wrong number",
			"Recalling the Convention on the Rights of the Child,¹\n\n1. Calls upon States to ratify the Convention on the Rights of the Child and the International Covenant on Civil and Political Rights;²\n\n¹ United Nations, Treaty Series, vol. 1577, No. 27531.\n\n² United Nations, Treaty Series, vol. 1577, No. 27532; and vol. 999, No. 14668.\n",
			"7:49 error unts-citation: footnote 2 cites vol. 1577, No. 27532 for the Convention on the Rights of the Child, whose registration number is 27531 (vol. 1577, No. 27531) (27532 → 27531) fix=\"27531\"@7:49",
		},
		{
			"a League of Nations volume in Arabic numerals is fixed in them",
			"the Slavery Convention,¹ and\n\n¹ League of Nations, Treaty Series, vol. 61, No. 1414.\n",
			"3:42 error unts-citation: vol. 61, No. 1414 matches no registered instrument: No. 1414 is the Slavery Convention, in vol. LX (61 → 60) fix=\"60\"@3:42",
		},
		{
			"words that refer back to several titles are not a list: their footnote cites what they refer to",
			"Guided by the International Covenant on Civil and Political Rights,¹ the Convention on the Rights of the Child,² and the Optional Protocols thereto,³ as well as\n\n¹ United Nations, Treaty Series, vol. 999, No. 14668.\n\n² Ibid., vol. 1577, No. 27531.\n\n³ Ibid., vol. 2173, No. 27531; and vol. 2173, No. 27531.\n",
			"",
		},
		{
			"a listed title documented by a citation it shares with its protocol: its own",
			"Recalling the International Covenant on Civil and Political Rights and the Convention on the Rights of the Child,¹\n\n¹ United Nations, Treaty Series, vol. 999, No. 14668; and vol. 1577, No. 27531.\n",
			"",
		},
		{
			"a bare Ibid. under another title: reported at the Ibid., and the note before, which is right, is not fixed",
			"Recalling the Convention on the Rights of the Child,⁴ and the Convention on the Elimination of All Forms of Discrimination against Women,⁵\n\n⁴ United Nations, Treaty Series, vol. 1577, No. 27531.\n\n⁵ Ibid.\n",
			"5:3 error unts-citation: footnote 5 cites vol. 1577, No. 27531, which is the Convention on the Rights of the Child, but the text at line 1 names the Convention on the Elimination of All Forms of Discrimination against Women (vol. 1249, No. 20378) (vol. 1577, No. 27531 → vol. 1249, No. 20378)",
		},
		{
			"a footnote that cites another treaty's valid citation",
			"Recalling the Convention on the Rights of the Child,⁵\n\n⁵ United Nations, Treaty Series, vol. 1249, No. 20378.\n",
			"3:39 error unts-citation: footnote 5 cites vol. 1249, No. 20378, which is the Convention on the Elimination of All Forms of Discrimination against Women, but the text at line 1 names the Convention on the Rights of the Child (vol. 1577, No. 27531) (vol. 1249, No. 20378 → vol. 1577, No. 27531) fix=\"1577, No. 27531\"@3:39",
		},
		{
			"the same with Word's no-break spaces, which the fix keeps",
			"Recalling the Convention on the Rights of the Child,⁵\n\n⁵ United Nations, Treaty Series, vol.\u00a01249, No.\u00a020378.\n",
			"3:39 error unts-citation: footnote 5 cites vol. 1249, No. 20378, which is the Convention on the Elimination of All Forms of Discrimination against Women, but the text at line 1 names the Convention on the Rights of the Child (vol. 1577, No. 27531) (vol. 1249, No. 20378 → vol. 1577, No. 27531) fix=\"1577, No.\\u00a027531\"@3:39",
		},
		{
			"the treaty's volume with a wrong number",
			"Recalling the Convention on the Rights of the Child,⁵\n\n⁵ United Nations, Treaty Series, vol. 1577, No. 27532.\n",
			"3:49 error unts-citation: footnote 5 cites vol. 1577, No. 27532 for the Convention on the Rights of the Child, whose registration number is 27531 (vol. 1577, No. 27531) (27532 → 27531) fix=\"27531\"@3:49",
		},
		{
			"the place is the adoption's only when the treaty was not opened for signature apart",
			"the Convention on Something Signed Apart of 1975 and the Convention on Something Adopted There of 1981",
			"1:45 error treaty-year: the Convention on Something Signed Apart is of 1972, not 1975 (adopted 16 December 1971; cited in resolutions as of 1972) (1975 → 1972) fix=\"1972\"@1:45\n" +
				"1:99 error treaty-year: the Convention on Something Adopted There is of 1980, not 1981 (adopted 10 October 1980 at Geneva) (1981 → 1980) fix=\"1980\"@1:99",
		},
		{
			"a collection's volume with a number none of its instruments has",
			"Recalling the Geneva Conventions of 12 August 1949,⁵\n\n⁵ United Nations, Treaty Series, vol. 75, No. 974.\n",
			"3:47 error unts-citation: footnote 5 cites vol. 75, No. 974 for the Geneva Conventions, whose registration numbers in vol. 75 are 972 and 973 (974 → 972, 973)",
		},
		{
			"a collection's volume with one of its numbers",
			"Recalling the Geneva Conventions of 12 August 1949,⁵\n\n⁵ United Nations, Treaty Series, vol. 75, No. 973.\n",
			"",
		},
		{
			"the Optional Protocols thereto after two conventions: the protocols of both",
			"Reaffirming that the Convention on the Elimination of All Forms of Discrimination against Women¹ and the Convention on the Rights of the Child,² and the Optional Protocols thereto,³ as well as\n\n¹ United Nations, Treaty Series, vol. 1249, No. 20378.\n\n² Ibid., vol. 1577, No. 27531.\n\n³ Ibid., vol. 2131, No. 20378; and vol. 2173, No. 27531.\n",
			"",
		},
		{
			"the Optional Protocols thereto after two conventions, footnoted with a third treaty",
			"Reaffirming that the Convention on the Elimination of All Forms of Discrimination against Women¹ and the Convention on the Rights of the Child,² and the Optional Protocols thereto,³ as well as\n\n¹ United Nations, Treaty Series, vol. 1249, No. 20378.\n\n² Ibid., vol. 1577, No. 27531.\n\n³ Ibid., vol. 976, No. 14152.\n",
			"7:15 error unts-citation: footnote 3 cites vol. 976, No. 14152, which is the Single Convention on Narcotic Drugs (as amended), but the text at line 1 (\"the Optional Protocols thereto\") refers to the Convention on the Elimination of All Forms of Discrimination against Women and the Convention on the Rights of the Child (vol. 976, No. 14152 → )",
		},
		{
			"the Optional Protocols thereto after two conventions, one number mistyped in the first one's protocol volume",
			"Reaffirming that the Convention on the Elimination of All Forms of Discrimination against Women¹ and the Convention on the Rights of the Child,² and the Optional Protocols thereto,³ as well as\n\n¹ United Nations, Treaty Series, vol. 1249, No. 20378.\n\n² Ibid., vol. 1577, No. 27531.\n\n³ Ibid., vol. 2131, No. 20578; and vol. 2173, No. 27531.\n",
			"7:25 error unts-citation: footnote 3 cites vol. 2131, No. 20578 for the Optional Protocol to the Convention on the Elimination of All Forms of Discrimination against Women, whose registration number is 20378 (vol. 2131, No. 20378) (20578 → 20378) fix=\"20378\"@7:25",
		},
		{
			"commitment to one treaty,1 to another: two titles, not one inside the other",
			"Reaffirming its firm commitment to the Treaty on the Non-Proliferation of Nuclear Weapons,¹ to the Convention on the Rights of the Child² and\n\n¹ United Nations, Treaty Series, vol. 729, No. 10485.\n\n² Ibid., vol. 1249, No. 20378.\n",
			"5:15 error unts-citation: footnote 2 cites vol. 1249, No. 20378, which is the Convention on the Elimination of All Forms of Discrimination against Women, but the text at line 1 names the Convention on the Rights of the Child (vol. 1577, No. 27531) (vol. 1249, No. 20378 → vol. 1577, No. 27531) fix=\"1577, No. 27531\"@5:15",
		},
		{
			"a year of opening for signature the registry does not record: not checked",
			"Recalling the Convention on the Rights of the Child, opened for signature on 26 January 1990, and",
			"",
		},
		{
			"an adoption clause after a title a preposition governs: the larger phrase's",
			"Welcoming the entry into force of the amendment to article 43, paragraph 2, of the Convention on the Rights of the Child, adopted on 12 December 1995, and",
			"",
		},
		{
			"an adoption clause after a title that heads its phrase: the title's",
			"Recalling the Convention on the Rights of the Child, adopted on 12 December 1995, and",
			"1:77 error treaty-year: the Convention on the Rights of the Child is of 1989, not 1995 (adopted 20 November 1989) (1995 → 1989) fix=\"1989\"@1:77",
		},
		{
			// The Covenants are dated by GA resolution 2200 A (XXI), which
			// adopted them; the Arms Trade Treaty by its adoption in 2013.
			"the Covenants and the Arms Trade Treaty have a year",
			"Recalling the International Covenant on Civil and Political Rights of 1976, the Arms Trade Treaty of 2013 and",
			"1:71 error treaty-year: the International Covenant on Civil and Political Rights is of 1966, not 1976 (adopted 16 December 1966) (1976 → 1966) fix=\"1966\"@1:71",
		},
		{
			"volumes and numbers in two lists, respectively",
			"the Conventions,¹\n\n¹ United Nations, Treaty Series, vols. 976 and 1577, Nos. 14152 and 27531.\n",
			"",
		},
		{
			"an unregistered treaty and an unregistered citation: no error",
			"the Convention on Migratory Species of 1979,¹\n\n¹ United Nations, Treaty Series, vol. 1651, No. 28395.\n",
			"",
		},
		{
			"two years for a treaty the registry has no year for",
			"the Convention on Something Undated of 1990 and the Convention on Something Undated of 1991",
			"1:88 warning year-inconsistent: the Convention on Something Undated is given 1991 here but 1990 at line 1 (1991 → 1990)",
		},
		{
			"a year inside a protocol's title is not the treaty's second year",
			"the Convention on Something Undated of 1990 and the Protocol on Environmental Protection to the Convention on Something Undated of 1991",
			"",
		},
		{
			"Ibid. with nothing before it",
			"text¹\n\n¹ Ibid., vol. 976, No. 14152.\n",
			"3:3 warning ibid-unresolved: \"Ibid., vol. 976, No. 14152\" in footnote 1 has no earlier footnote to refer to; give the full citation",
		},
		{
			"a larger registered title: the marker is on it; a year that is neither's is wrong",
			"under article 34 of Additional Protocol I to the Geneva Conventions of 1942;¹ and of Additional Protocol I to the Geneva Conventions of 1977 and\n\n¹ United Nations, Treaty Series, vol. 1125, No. 17512.\n",
			"1:72 error treaty-year: the Geneva Conventions are of 1949, not 1942 (adopted 12 August 1949) (1942 → 1949) fix=\"1949\"@1:72",
		},
		{
			"inside a protocol's title, a year is the treaty's or one of its protocols'",
			"the Optional Protocol to the Convention on the Rights of the Child of 2000, the Status of the Protocols Additional to the Geneva Conventions of 1942",
			"1:145 error treaty-year: the Geneva Conventions are of 1949, not 1942 (adopted 12 August 1949) (1942 → 1949) fix=\"1949\"@1:145",
		},
		{
			"a footnote that cites a sibling: the Third Geneva Convention for the Fourth",
			"the Geneva Convention relative to the Protection of Civilian Persons in Time of War,¹ and the Geneva Conventions of 12 August 1949²\n\n¹ United Nations, Treaty Series, vol. 75, No. 972.\n\n² Ibid., vol. 75, No. 973.\n",
			"3:39 error unts-citation: footnote 1 cites vol. 75, No. 972, which is the Geneva Convention relative to the Treatment of Prisoners of War, but the text at line 1 names the Geneva Convention relative to the Protection of Civilian Persons in Time of War (vol. 75, No. 973, p. 287) (vol. 75, No. 972 → vol. 75, No. 973, p. 287) fix=\"75, No. 973\"@3:39",
		},
		{
			"a wrong number in the volume of the treaty's protocol",
			"the Convention on the Elimination of All Forms of Discrimination against Women and the Optional Protocol thereto,¹\n\n¹ United Nations, Treaty Series, vol. 2131, No. 20578.\n",
			"3:49 error unts-citation: footnote 1 cites vol. 2131, No. 20578 for the Optional Protocol to the Convention on the Elimination of All Forms of Discrimination against Women, whose registration number is 20378 (vol. 2131, No. 20378) (20578 → 20378) fix=\"20378\"@3:49",
		},
		{
			"a title inside a protocol's title: its footnote cites the protocol, or else is wrong",
			"the Amended Protocol to the Convention on the Rights of the Child,¹ the Amended Protocol to the Convention on the Rights of the Child,²\n\n¹ United Nations, Treaty Series, vol. 2173, No. 27531.\n\n² Ibid., vol. 1249, No. 20378.\n",
			"5:15 error unts-citation: footnote 2 cites vol. 1249, No. 20378, which is the Convention on the Elimination of All Forms of Discrimination against Women, but the text at line 1 names an instrument to the Convention on the Rights of the Child (vol. 1249, No. 20378 → )",
		},
		{
			"a convention's footnote and its protocol's traded: the text tells them apart",
			"Reaffirms the 1951 Convention relating to the Status of Refugees¹ and the 1967 Protocol thereto² as the cornerstone\n\n¹ United Nations, Treaty Series, vol. 606, No. 8791.\n\n² Ibid., vol. 189, No. 2545.\n",
			"3:39 error unts-citation: footnote 1 cites vol. 606, No. 8791, which is the Protocol relating to the Status of Refugees, but the text at line 1 names the Convention relating to the Status of Refugees (vol. 189, No. 2545); the Protocol relating to the Status of Refugees has a footnote of its own (2) (vol. 606, No. 8791 → vol. 189, No. 2545) fix=\"189, No. 2545\"@3:39\n" +
				// The Protocol's, named by "the 1967 Protocol thereto", is wrong too.
				"5:15 error unts-citation: footnote 2 cites vol. 189, No. 2545, which is the Convention relating to the Status of Refugees, but the text at line 1 (\"the 1967 Protocol thereto\") refers to the Protocol relating to the Status of Refugees; the Convention relating to the Status of Refugees has a footnote of its own (1) (vol. 189, No. 2545 → )",
		},
		{
			"a protocol named in full with its own footnote, the convention's footnote citing it",
			"the Convention on the Rights of the Child,¹ the Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict,²\n\n¹ United Nations, Treaty Series, vol. 2173, No. 27531.\n\n² Ibid., vol. 2173, No. 27531.\n",
			"3:39 error unts-citation: footnote 1 cites vol. 2173, No. 27531, which is the Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict, but the text at line 1 names the Convention on the Rights of the Child (vol. 1577, No. 27531); the Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict has a footnote of its own (2) (vol. 2173, No. 27531 → vol. 1577, No. 27531) fix=\"1577, No. 27531\"@3:39",
		},
		{
			"a convention's footnote citing it and its protocol, the protocol footnoted apart: right",
			"the Convention relating to the Status of Refugees¹ and the 1967 Protocol thereto²\n\n¹ United Nations, Treaty Series, vol. 606, No. 8791; and vol. 189, No. 2545.\n\n² Ibid., vol. 606, No. 8791.\n",
			"",
		},
		{
			"a protocol in its treaty's volume and number cites the treaty too",
			"the Covenant on Civil and Political Rights¹ and the Optional Protocol to the International Covenant on Civil and Political Rights²\n\n¹ United Nations, Treaty Series, vol. 999, No. 14668.\n\n² Ibid.\n",
			"",
		},
		{
			"a convention of a collection is not told apart from the collection",
			"the Geneva Conventions of 12 August 1949¹ and the Geneva Convention relative to the Protection of Civilian Persons in Time of War²\n\n¹ United Nations, Treaty Series, vol. 75, No. 973.\n\n² Ibid.\n",
			"",
		},
		{
			"the protocol without a footnote of its own: its citation under the convention stays right",
			"the Convention relating to the Status of Refugees,¹ welcoming accessions to the Protocol relating to the Status of Refugees,\n\n¹ United Nations, Treaty Series, vol. 606, No. 8791.\n",
			"",
		},
		{
			"a footnote under a list of titles cites each of them",
			"Recalling the International Covenant on Civil and Political Rights, the Convention on the Elimination of All Forms of Discrimination against Women and the Convention on the Rights of the Child,¹\n\n¹ United Nations, Treaty Series, vol. 999, No. 14668; vol. 1249, No. 20378; and vol. 1577, No. 27531.\n",
			"",
		},
		{
			"a footnote under a list of titles that cites another treaty",
			"Recalling the International Covenant on Civil and Political Rights and the Convention on the Rights of the Child,¹\n\n¹ United Nations, Treaty Series, vol. 999, No. 14668; and vol. 2225, No. 39574.\n",
			"3:64 error unts-citation: footnote 1 cites vol. 2225, No. 39574, which is the United Nations Convention against Transnational Organized Crime, but the text at line 1 names the International Covenant on Civil and Political Rights and the Convention on the Rights of the Child (vol. 2225, No. 39574 → )",
		},
		{
			"a second draft's list footnote with one pair swapped: the titles footnoted in the first draft keep their pairs",
			"Draft resolution I\n\nRecalling the Convention on the Rights of the Child,¹ the International Covenant on Civil and Political Rights² and the Convention on the Elimination of All Forms of Discrimination against Women,³\n\nDraft resolution II\n\nBearing in mind the International Covenant on Civil and Political Rights, the Convention on the Rights of the Child and the Convention on the Elimination of All Forms of Discrimination against Women,⁴\n\n¹ United Nations, Treaty Series, vol. 1577, No. 27531.\n\n² Ibid., vol. 999, No. 14668.\n\n³ Ibid., vol. 1249, No. 20378.\n\n⁴ Ibid., vol. 999, No. 14668; vol. 1577, No. 27531; and vol. 2225, No. 39574.\n",
			"15:62 error unts-citation: footnote 4 cites vol. 2225, No. 39574, which is the United Nations Convention against Transnational Organized Crime, but the text at line 7 names the International Covenant on Civil and Political Rights and the Convention on the Rights of the Child and the Convention on the Elimination of All Forms of Discrimination against Women (vol. 2225, No. 39574 → )",
		},
		{
			"a second draft's list footnote with a wrong number: only that pair is reported",
			"Draft resolution I\n\nRecalling the Convention on the Rights of the Child,¹ the International Covenant on Civil and Political Rights² and the Convention on the Elimination of All Forms of Discrimination against Women,³\n\nDraft resolution II\n\nBearing in mind the International Covenant on Civil and Political Rights, the Convention on the Rights of the Child and the Convention on the Elimination of All Forms of Discrimination against Women,⁴\n\n¹ United Nations, Treaty Series, vol. 1577, No. 27531.\n\n² Ibid., vol. 999, No. 14668.\n\n³ Ibid., vol. 1249, No. 20378.\n\n⁴ Ibid., vol. 999, No. 14668; vol. 1577, No. 27531; and vol. 1249, No. 20878.\n",
			"15:72 error unts-citation: footnote 4 cites vol. 1249, No. 20878 for the Convention on the Elimination of All Forms of Discrimination against Women, whose registration number is 20378 (vol. 1249, No. 20378) (20878 → 20378) fix=\"20378\"@15:72",
		},
		{
			"a convention and its protocol under one footnote whose first pair is wrong, the protocol footnoted apart in a draft before",
			"Draft resolution I\n\nRecalling the Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict,¹\n\nDraft resolution II\n\nRecalling the Convention on the Rights of the Child and the Optional Protocol thereto,²\n\n¹ United Nations, Treaty Series, vol. 2173, No. 27531.\n\n² Ibid., vol. 1557, No. 27531; and vol. 2173, No. 27531.\n",
			"11:15 error unts-citation: vol. 1557, No. 27531 matches no registered instrument: No. 27531 is the Convention on the Rights of the Child (vol. 1577) and the Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict (vol. 2173); vol. 1557 may be a slip for vol. 1577 (1557 → 1577)",
		},
		{
			"a list footnote whose pairs all belong to the title named again: the other title's citation is missing",
			"Recalling the Convention on the Rights of the Child,¹\n\nRecalling also the Convention on the Rights of the Child and the International Covenant on Civil and Political Rights,²\n\n¹ United Nations, Treaty Series, vol. 1577, No. 27531.\n\n² Ibid., vol. 1577, No. 27531; vol. 2173, No. 27531; and vol. 2173, No. 27531.\n",
			"7:15 error unts-citation: footnote 2 cites vol. 1577, No. 27531, which is the Convention on the Rights of the Child, but the text at line 3 names the Convention on the Rights of the Child and the International Covenant on Civil and Political Rights (vol. 1577, No. 27531 → )\n" +
				"7:37 error unts-citation: footnote 2 cites vol. 2173, No. 27531, which is the Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict, but the text at line 3 names the Convention on the Rights of the Child and the International Covenant on Civil and Political Rights (vol. 2173, No. 27531 → )\n" +
				"7:63 error unts-citation: footnote 2 cites vol. 2173, No. 27531, which is the Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict, but the text at line 3 names the Convention on the Rights of the Child and the International Covenant on Civil and Political Rights (vol. 2173, No. 27531 → )",
		},
		{
			"a stray pair written in one citation with a protocol's pair footnoted apart: the stray pair is still reported",
			"Recalling the Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict,¹\n\nRecalling also the Convention on the Rights of the Child,²\n\n¹ United Nations, Treaty Series, vol. 2173, No. 27531.\n\n² United Nations, Treaty Series, vols. 2225 and 2173, Nos. 39574 and 27531.\n",
			"7:40 error unts-citation: footnote 2 cites vol. 2225, No. 39574; vol. 2173, No. 27531, which is the United Nations Convention against Transnational Organized Crime, but the text at line 3 names the Convention on the Rights of the Child (vol. 1577, No. 27531) (vol. 2225, No. 39574; vol. 2173, No. 27531 → vol. 1577, No. 27531)",
		},
		{
			"a list of a convention and its protocol whose footnote cites the protocol twice: the convention's citation is missing",
			"Bearing in mind the Convention on the Rights of the Child and the Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict,¹\n\n¹ United Nations, Treaty Series, vol. 2173, No. 27531; and vol. 2173, No. 27531.\n",
			"3:65 error unts-citation: footnote 1 cites vol. 2173, No. 27531, which is the Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict, but no citation of the Convention on the Rights of the Child, which the text at line 1 lists under its marker (vol. 2173, No. 27531 → )",
		},
		{
			"a treaty footnoted with its protocol's pair alone",
			"Recalling the Single Convention on Narcotic Drugs of 1961,¹ the Convention relating to the Status of Refugees² and the Convention on the Rights of the Child,³\n\n¹ United Nations, Treaty Series, vol. 976, No. 14151.\n\n² Ibid., vol. 606, No. 8791.\n\n³ Ibid., vol. 2173, No. 27531.\n",
			"3:39 error unts-citation: footnote 1 cites vol. 976, No. 14151, which is the Protocol amending the Single Convention on Narcotic Drugs, 1961, but the text at line 1 names the Single Convention on Narcotic Drugs (vol. 520, No. 7515) (vol. 976, No. 14151 → vol. 520, No. 7515) fix=\"520, No. 7515\"@3:39\n" +
				"5:15 error unts-citation: footnote 2 cites vol. 606, No. 8791, which is the Protocol relating to the Status of Refugees, but the text at line 1 names the Convention relating to the Status of Refugees (vol. 189, No. 2545) (vol. 606, No. 8791 → vol. 189, No. 2545) fix=\"189, No. 2545\"@5:15",
		},
		{
			"a protocol's pair alone where the text goes on to the protocol, or the treaty's title is inside a protocol's",
			"Recalling the Single Convention on Narcotic Drugs of 1961 and the Protocol amending it,¹ and the Protocol of 25 March 1972 amending the Single Convention on Narcotic Drugs of 1961,²\n\n¹ United Nations, Treaty Series, vol. 976, No. 14151.\n\n² Ibid.\n",
			"",
		},
		{
			"a protocol named after an abbreviation in the clause (\"art. 1\", \"No. 7515\", \"U.N.\")",
			"Recalling the Convention relating to the Status of Refugees,¹ in particular art. 1, and the Protocol thereto, the Single Convention on Narcotic Drugs of 1961 (No. 7515),² and the Protocol amending it, and the Convention relating to the Status of Refugees³ and the U.N. Protocol thereto,\n\n¹ United Nations, Treaty Series, vol. 606, No. 8791.\n\n² Ibid., vol. 976, No. 14151.\n\n³ Ibid., vol. 606, No. 8791.\n",
			"",
		},
		{
			"a protocol's pair alone where the sentence that names the protocol ends right before the title",
			"The Protocol amending it entered into force in 1975. Single Convention on Narcotic Drugs of 1961,¹\n\n¹ United Nations, Treaty Series, vol. 976, No. 14151.\n",
			"3:39 error unts-citation: footnote 1 cites vol. 976, No. 14151, which is the Protocol amending the Single Convention on Narcotic Drugs, 1961, but the text at line 1 names the Single Convention on Narcotic Drugs (vol. 520, No. 7515) (vol. 976, No. 14151 → vol. 520, No. 7515) fix=\"520, No. 7515\"@3:39",
		},
		{
			"a protocol's pair alone where a sentence ends before the protocol is named",
			"Recalling the Single Convention on Narcotic Drugs of 1961,¹ adopted under resolution 689 J (XXVI). The Protocol amending it entered into force in 1975,\n\n¹ United Nations, Treaty Series, vol. 976, No. 14151.\n",
			"3:39 error unts-citation: footnote 1 cites vol. 976, No. 14151, which is the Protocol amending the Single Convention on Narcotic Drugs, 1961, but the text at line 1 names the Single Convention on Narcotic Drugs (vol. 520, No. 7515) (vol. 976, No. 14151 → vol. 520, No. 7515) fix=\"520, No. 7515\"@3:39",
		},
		{
			"a protocol's pair beside the treaty's amended form documents the treaty",
			"Recalling the Single Convention on Narcotic Drugs of 1961,¹\n\n¹ United Nations, Treaty Series, vol. 976, No. 14151; and vol. 976, No. 14152.\n",
			"",
		},
		{
			"a protocol's pair alone where the clause names it across a line's end hyphen the joiner leaves",
			"Recalling the United Nations Convention on the Law of the Sea,¹\n\nCalls upon States to become parties to the United Nations Convention on the Law of the Sea and its implementing Agree-\nments,²\n\n¹ United Nations, Treaty Series, vol. 1833, No. 31363.\n\n² Ibid., vol. 1836, No. 31364.\n",
			"",
		},
		{
			"a protocol footnoted with its treaty's pair alone",
			"Recalling the Protocol relating to the Status of Refugees,¹\n\n¹ United Nations, Treaty Series, vol. 189, No. 2545.\n",
			"3:39 error unts-citation: footnote 1 cites vol. 189, No. 2545, which is the Convention relating to the Status of Refugees, but the text at line 1 names the Protocol relating to the Status of Refugees (vol. 606, No. 8791) (vol. 189, No. 2545 → vol. 606, No. 8791) fix=\"606, No. 8791\"@3:39",
		},
		{
			"a protocol footnoted with its treaty's pair and its own number in a volume the registry lacks",
			"Recalling the Protocol relating to the Status of Refugees,¹\n\n¹ United Nations, Treaty Series, vol. 189, No. 2545; and vol. 1998, No. 8791.\n",
			"3:63 warning unts-citation: vol. 1998, No. 8791 is not in the registry: No. 8791 is the Protocol relating to the Status of Refugees, in vol. 606; if vol. 1998 holds another instrument registered under that number (a protocol, an amendment), add it to the registry (1998 → )",
		},
		{
			"a protocol footnoted with its treaty's pair where the clause names the treaty too",
			"Recalling the Protocol relating to the Status of Refugees, which extends the scope of the Convention,¹\n\n¹ United Nations, Treaty Series, vol. 189, No. 2545.\n",
			"",
		},
		{
			"a protocol footnoted with its treaty's pair where the clause's Convention is another treaty's title",
			"Recalling the Protocol relating to the Status of Refugees,¹ the Convention on the Rights of the Child²\n\n¹ United Nations, Treaty Series, vol. 189, No. 2545.\n\n² Ibid., vol. 1577, No. 27531.\n",
			"3:39 error unts-citation: footnote 1 cites vol. 189, No. 2545, which is the Convention relating to the Status of Refugees, but the text at line 1 names the Protocol relating to the Status of Refugees (vol. 606, No. 8791) (vol. 189, No. 2545 → vol. 606, No. 8791) fix=\"606, No. 8791\"@3:39",
		},
		{
			"a protocol footnoted with its treaty's pair where the clause names the treaty beside another title",
			"Recalling the Protocol relating to the Status of Refugees, which extends the scope of the Convention,¹ the Convention on the Rights of the Child²\n\n¹ United Nations, Treaty Series, vol. 189, No. 2545.\n\n² Ibid., vol. 1577, No. 27531.\n",
			"",
		},
		{
			"a collection listed under one marker with a number none of its own",
			"Recalling the Geneva Conventions of 12 August 1949 and the Convention on the Rights of the Child,¹\n\n¹ United Nations, Treaty Series, vol. 75, No. 979; and vol. 1577, No. 27531.\n",
			"3:47 error unts-citation: footnote 1 cites vol. 75, No. 979 for the Geneva Conventions, whose registration numbers in vol. 75 are 972 and 973 (979 → 972, 973)",
		},
		{
			"a protocol's pair alone where the clause names it in a word a reflowed text keeps hyphenated",
			"Recalling the United Nations Convention on the Law of the Sea,¹\n\nCalls upon States to become parties to the United Nations Convention on the Law of the Sea and its implementing Agree-ments,²\n\n¹ United Nations, Treaty Series, vol. 1833, No. 31363.\n\n² Ibid., vol. 1836, No. 31364.\n",
			"",
		},
		{
			"a protocol's pair alone after the treaty's title and a hyphenated Pro-tocol",
			"Recalling the Single Convention on Narcotic Drugs of 1961,¹\n\nUrges States to accede to the Single Convention on Narcotic Drugs of 1961 and the 1972 Pro-tocol thereto,²\n\n¹ United Nations, Treaty Series, vol. 520, No. 7515.\n\n² Ibid., vol. 976, No. 14151.\n",
			"",
		},
		{
			"a protocol footnoted apart, named again after its treaty with the marker after the protocol's words",
			"Recalling the Convention on the Elimination of All Forms of Discrimination against Women¹ and the Optional Protocol to the Convention on the Elimination of All Forms of Discrimination against Women,²\n\nCalls upon States to become parties to the Convention on the Elimination of All Forms of Discrimination against Women and the Optional Protocol thereto,³\n\n¹ United Nations, Treaty Series, vol. 1249, No. 20378.\n\n² Ibid., vol. 2131, No. 20378.\n\n³ Ibid., vol. 2131, No. 20378.\n",
			"",
		},
		{
			"a protocol footnoted apart with its treaty's pair, its short name in parentheses before the marker",
			"Recalling the United Nations Convention on the Law of the Sea,¹\n\nReaffirming the work of the Authority in accordance with the Convention and the Agreement relating to the Implementation of Part XI of the United Nations Convention on the Law of the Sea of 10 December 1982 (the Part XI Agreement),²\n\n¹ United Nations, Treaty Series, vol. 1833, No. 31363.\n\n² Ibid., vol. 1833, No. 31363.\n",
			"7:15 error unts-citation: footnote 2 cites vol. 1833, No. 31363, which is the United Nations Convention on the Law of the Sea, but the text at line 3 names the Agreement relating to the Implementation of Part XI of the United Nations Convention on the Law of the Sea of 10 December 1982 (vol. 1836, No. 31364); the United Nations Convention on the Law of the Sea has a footnote of its own (1) (vol. 1833, No. 31363 → vol. 1836, No. 31364) fix=\"1836, No. 31364\"@7:15",
		},
		{
			"the Refugee Protocol footnoted apart with the Convention's pair, \"(the 1967 Protocol)\" before the marker",
			"Recalling the Convention relating to the Status of Refugees,¹\n\nRecalling also the Protocol relating to the Status of Refugees (the 1967 Protocol),²\n\n¹ United Nations, Treaty Series, vol. 189, No. 2545.\n\n² Ibid., vol. 189, No. 2545.\n",
			"7:15 error unts-citation: footnote 2 cites vol. 189, No. 2545, which is the Convention relating to the Status of Refugees, but the text at line 3 names the Protocol relating to the Status of Refugees (vol. 606, No. 8791); the Convention relating to the Status of Refugees has a footnote of its own (1) (vol. 189, No. 2545 → vol. 606, No. 8791) fix=\"606, No. 8791\"@7:15",
		},
		{
			"a treaty footnoted with its protocol's pair alone, another line's protocol named in the clause",
			"Recalling the Single Convention on Narcotic Drugs of 1961,¹ the Kyoto Protocol² and the Convention on the Rights of the Child,³\n\n¹ United Nations, Treaty Series, vol. 976, No. 14151.\n\n² Ibid., vol. 2303, No. 30822.\n\n³ Ibid., vol. 1577, No. 27531.\n",
			"3:39 error unts-citation: footnote 1 cites vol. 976, No. 14151, which is the Protocol amending the Single Convention on Narcotic Drugs, 1961, but the text at line 1 names the Single Convention on Narcotic Drugs (vol. 520, No. 7515) (vol. 976, No. 14151 → vol. 520, No. 7515) fix=\"520, No. 7515\"@3:39",
		},
		{
			"a sibling agreement's short name in the clause does not excuse another's pair",
			"Recalling the United Nations Convention on the Law of the Sea (the Convention),¹ and bearing in mind the relationship between the Convention and the Agreement for the Implementation of the Provisions of the United Nations Convention on the Law of the Sea of 10 December 1982 relating to the Conservation and Management of Straddling Fish Stocks and Highly Migratory Fish Stocks (the Agreement),²\n\n¹ United Nations, Treaty Series, vol. 1836, No. 31364.\n\n² Ibid., vol. 2167, No. 37924.\n",
			"3:39 error unts-citation: footnote 1 cites vol. 1836, No. 31364, which is the Agreement relating to the Implementation of Part XI of the United Nations Convention on the Law of the Sea of 10 December 1982, but the text at line 1 names the United Nations Convention on the Law of the Sea (vol. 1833, No. 31363) (vol. 1836, No. 31364 → vol. 1833, No. 31363) fix=\"1833, No. 31363\"@3:39",
		},
		{
			"a registered title that starts another instrument's name: the year is that instrument's",
			"Noting the 1986 Vienna Convention on the Law of Treaties between States and International Organizations or between International Organizations, and the Convention on the Physical Protection of Nuclear Material of 2005 for the Suppression of Something,",
			"",
		},
		{
			"a treaty's title inside a protocol's the registry lacks, its footnote the protocol's own number in the treaty's volume",
			"Recalling the Optional Protocol to the Vienna Convention on Diplomatic Relations concerning Acquisition of Nationality,¹ and the Vienna Convention on Diplomatic Relations,²\n\n¹ United Nations, Treaty Series, vol. 500, No. 7311.\n\n² Ibid., vol. 500, No. 7312.\n",
			// The Convention's own mention still has its number checked.
			"5:24 error unts-citation: footnote 2 cites vol. 500, No. 7312 for the Vienna Convention on Diplomatic Relations, whose registration number is 7310 (vol. 500, No. 7310) (7312 → 7310) fix=\"7310\"@5:24",
		},
		{
			"a protocol's title and year going on \"to the\" another instrument than its own treaty",
			"Recalling the Kyoto Protocol of 2005 to the Tokyo Convention, and the Kyoto Protocol of 2005 to the delight of all,",
			"1:89 error treaty-year: the Kyoto Protocol to the United Nations Framework Convention on Climate Change is of 1997, not 2005 (adopted 11 December 1997) (2005 → 1997) fix=\"1997\"@1:89",
		},
		{
			"the year of an amendment to a treaty is not the treaty's",
			"welcomes the amendments to article 8 of the Convention on the Rights of the Child, adopted on 10 June 2010 at the Review Conference, and the amendment to the Convention on the Rights of the Child of 1995",
			"",
		},
		{
			"the year of a larger instrument is not checked",
			"the Memorandum on Security Assurances in Connection with Ukraine’s Accession to the Treaty on the Non-Proliferation of Nuclear Weapons of 1994",
			"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lint(t, reg, tt.in); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestFootnoteUnlinked: footnotes no marker refers to.
func TestFootnoteUnlinked(t *testing.T) {
	reg := testRegistry(t)
	run := func(text string) string {
		f, err := source.New("t.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		d := document.Parse(f)
		c := &Context{File: f, Doc: d, Refs: extract.New(reg).Extract(d), Registry: reg}
		var lines []string
		for _, dg := range Run(c, []Check{footnoteUnlinked{}}) {
			lines = append(lines, fmt.Sprintf("%d:%d %s", dg.Span.Start.Line, dg.Span.Start.Col, dg.Message))
		}
		return strings.Join(lines, "\n")
	}
	if got, want := run("the Convention,1 and the Treaty\n\n1 A.\n\n2 B.\n"), "5:1 footnote 2 has no marker in the text: put its marker where the text refers to it, or remove the footnote"; got != want {
		t.Errorf("one unmarked footnote: got %q, want %q", got, want)
	}
	if got, want := run("the Convention and the Treaty\n\n1 A.\n\n2 B.\n"), "3:1 none of the 2 footnotes has a marker in the text (were the markers lost when the text was extracted?)"; got != want {
		t.Errorf("no markers: got %q, want %q", got, want)
	}
	if got := run("the Convention,1 and the Treaty,2\n\n1 A.\n\n2 B.\n"); got != "" {
		t.Errorf("all marked: got %q", got)
	}
}

func TestAllSortedAndDocumented(t *testing.T) {
	prev := ""
	for _, c := range All() {
		if c.ID() <= prev {
			t.Errorf("checks not sorted: %q after %q", c.ID(), prev)
		}
		if c.Doc() == "" || c.DefaultSeverity() == 0 {
			t.Errorf("%s: missing doc or severity", c.ID())
		}
		prev = c.ID()
	}
}

// TestFootnoteNumber checks footnoteNumber against the strconv.Atoi test it
// replaces.
func TestFootnoteNumber(t *testing.T) {
	for _, l := range []string{"", "1", "2", "12", "+2", "-3", "0", "*", "a", "2a", " 2", "02", "99999999999999999999"} {
		want := 0
		if n, err := strconv.Atoi(l); err == nil {
			want = n
		}
		if got := footnoteNumber(l); (got > 1) != (want > 1) {
			t.Errorf("footnoteNumber(%q) = %d, strconv.Atoi gives %d", l, got, want)
		}
	}
}

// FuzzLongDate: reading YYYY-MM-DD by hand gives what fmt.Sscanf gave.
func FuzzLongDate(f *testing.F) {
	for _, d := range []string{"1961-03-30", "2000-12-01", "1961-13-30", "19x1-03-30", "1961-3-300", "+961-03-30", "1961-03-3x"} {
		f.Add(d)
	}
	f.Fuzz(func(t *testing.T, d string) {
		want := d
		var y, m, day int
		if _, err := fmt.Sscanf(d, "%d-%d-%d", &y, &m, &day); err == nil && m >= 1 && m <= 12 && len(d) == 10 {
			want = fmt.Sprintf("%d %s %d", day, monthNames[m-1], y)
		}
		if got := longDate(d); got != want {
			t.Fatalf("longDate(%q) = %q, want %q", d, got, want)
		}
	})
}

// TestFootnoteRepeatedLong: a repeated indicator is found the same way in
// a short document (a scan back) and a long one (a map).
func TestFootnoteRepeatedLong(t *testing.T) {
	reg := testRegistry(t)
	for _, n := range []int{3, 70} {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "Recalling its work[^%d]\n\n", i)
		}
		b.WriteString("Noting the report[^2]\n\n")
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "[^%d]: A/%d/1.\n", i, i)
		}
		got := lint(t, reg, b.String())
		want := fmt.Sprintf("%d:18 warning footnote-repeated: footnote indicator 2 is used again (first at line 3)", 2*n+1)
		if !strings.Contains(got, want) || strings.Count(got, "footnote-repeated") != 1 {
			t.Errorf("%d footnotes: got\n%s\nwant a line starting %q", n, got, want)
		}
	}
}

func TestSlipOf(t *testing.T) {
	for _, tt := range []struct {
		v, w string
		want bool
	}{
		{"977", "976", true},    // a digit changed
		{"967", "976", true},    // two swapped
		{"97", "976", true},     // one dropped
		{"9766", "976", true},   // one added
		{"2000", "1999", true},  // a count off by one
		{"2010", "2000", true},  // by ten
		{"1556", "1456", true},  // by a hundred
		{"3008", "1760", false}, // another instrument's volume
		{"2241", "2237", false},
		{"78", "500", false},
		{"", "976", false},
		{"XL", "XXXIX", true}, // League of Nations volumes, a count off by one
		{"LX", "XXX", false},
	} {
		if got := slipOf(tt.v, tt.w); got != tt.want {
			t.Errorf("slipOf(%q, %q) = %v, want %v", tt.v, tt.w, got, tt.want)
		}
	}
}

func TestVerbFor(t *testing.T) {
	for name, want := range map[string]string{
		"the Geneva Conventions": "are",
		"the Protocols Additional to the Geneva Conventions of 12 August 1949":                                                                                         "are",
		"the Protocol Additional to the Geneva Conventions of 12 August 1949, and relating to the Protection of Victims of International Armed Conflicts (Protocol I)": "is",
		"the Convention on Psychotropic Substances":                                                                                                                    "is",
		"the Single Convention on Narcotic Drugs (as amended)":                                                                                                         "is",
		"the International Health Regulations":                                                                                                                         "are",
		"the Rome Statute of the International Criminal Court":                                                                                                         "is",
		"the Agreement on the Conservation of Albatrosses and Petrels":                                                                                                 "is",
	} {
		if got := verbFor(name); got != want {
			t.Errorf("verbFor(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestUnbreak(t *testing.T) {
	for in, want := range map[string]string{
		"its implementing Agree- ments":    "its implementing Agreements",
		"Proto-\ncols thereto":             "Protocols thereto",
		"Proto\u2010 col":                  "Protocol",
		"self-determination and follow-up": "self-determination and follow-up",
		"the 1967 Protocol - and":          "the 1967 Protocol - and",
		"ends with a hyphen-":              "ends with a hyphen-",
		"":                                 "",
	} {
		if got := string(unbreak([]byte(in))); got != want {
			t.Errorf("unbreak(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnhyphen(t *testing.T) {
	for in, want := range map[string]string{
		"additional pro-tocol i thereto": "additional protocol i thereto",
		"implementing agree\u2010ments":  "implementing agreements",
		"follow-up":                      "followup",
		"the 1967 protocol - and":        "the 1967 protocol - and",
		"ends with a hyphen-":            "ends with a hyphen-",
		"-led and 1967-protocol":         "-led and 1967-protocol",
		"":                               "",
	} {
		if got := string(unhyphen([]byte(in))); got != want {
			t.Errorf("unhyphen(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCiteOf(t *testing.T) {
	for _, tc := range []struct {
		t    registry.Treaty
		want string
	}{
		{registry.Treaty{UNTS: []registry.Citation{{Volume: "75", Number: "970"}, {Volume: "75", Number: "971"}, {Volume: "75", Number: "972"}, {Volume: "75", Number: "973"}}}, "vol. 75, Nos. 970, 971, 972 and 973"},
		{registry.Treaty{UNTS: []registry.Citation{{Volume: "1577", Number: "27531"}}}, "vol. 1577, No. 27531"},
		{registry.Treaty{UNTS: []registry.Citation{{Volume: "1760", Number: "30619"}, {Volume: "2226", Number: "30619"}}}, "vol. 1760, No. 30619"},
		{registry.Treaty{}, ""},
	} {
		if got := citeOf(&tc.t); got != tc.want {
			t.Errorf("citeOf(%v) = %q, want %q", tc.t.UNTS, got, tc.want)
		}
	}
}

// TestAmendedFormYear: the bare title of CCW Protocol II (an alias since
// 5e17e89) with the year of its amended form, adopted apart on 3 May 1996,
// names that form; the year of neither is still wrong.
func TestAmendedFormYear(t *testing.T) {
	reg, err := registry.Default()
	if err != nil {
		t.Fatal(err)
	}
	const title = "Recalling the Protocol on Prohibitions or Restrictions on the Use of Mines, Booby-Traps and Other Devices"
	for _, tc := range []struct{ text, want string }{
		{title + " of 1996,¹\n\n¹ United Nations, Treaty Series, vol. 2048, No. 22495.\n", ""},
		{title + ", adopted at Geneva in 1996,¹\n\n¹ United Nations, Treaty Series, vol. 2048, No. 22495.\n", ""},
		{title + " of 1980,¹\n\n¹ United Nations, Treaty Series, vol. 1342, No. 22495.\n", ""},
		{title + " of 1995,¹\n\n¹ United Nations, Treaty Series, vol. 1342, No. 22495.\n", "treaty-year"},
	} {
		got := lint(t, reg, tc.text)
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

func TestHasAcronym(t *testing.T) {
	for s, want := range map[string]bool{
		"of the WHO FCTC,": true, "to UNCLOS and": true, "UNCLOS": true,
		"the Convention": false, "the UN and": false, "A/RES/80/1": false, "COVID-19": false, "resolution 2200 A (XXI)": false, "ABCd": false, "": false,
	} {
		if got := hasAcronym(s); got != want {
			t.Errorf("hasAcronym(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSiblingProtocolNamed: a treaty's title footnoted with the pair of
// one of its protocols alone is not excused by the title of another of
// its protocols in the clause (the Fish Stocks Agreement is no word for
// the Part XI Agreement), while words that may name the cited one still
// excuse it.
func TestSiblingProtocolNamed(t *testing.T) {
	reg, err := registry.Default()
	if err != nil {
		t.Fatal(err)
	}
	const fsa = "the Agreement for the Implementation of the Provisions of the United Nations Convention on the Law of the Sea of 10 December 1982 relating to the Conservation and Management of Straddling Fish Stocks and Highly Migratory Fish Stocks"
	const note = "\n\n¹ United Nations, Treaty Series, vol. 1836, No. 31364.\n"
	for _, tc := range []struct{ text, want string }{
		{"Recalling the United Nations Convention on the Law of the Sea,¹ and " + fsa + "," + note, "unts-citation"},
		{"Recalling the United Nations Convention on the Law of the Sea and its implementing Agreements,¹ including " + fsa + "," + note, ""},
	} {
		got := lint(t, reg, tc.text)
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}
