package extract

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/resolution"
)

// want describes one expected reference. Empty fields are not compared,
// except Symbol and Text.
type want struct {
	Text     string // text[Start:End]
	Kind     string // default "resolution"
	Symbol   string
	Organ    string // "-" for ""
	Cert     string // "sure", "guess", "unknown"; "" not compared
	Its      bool
	Date     string // "-" for none
	DateText string
	Title    string
	Doc      string
	Letters  string // space-separated
}

func (w want) String() string { return fmt.Sprintf("%q", w.Text) }

func TestFindResolutions(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"ga with date", "Recalling General Assembly resolution 64/182 of 18 December 2009,",
			[]want{{Text: "resolution 64/182 of 18 December 2009", Symbol: "64/182", Organ: "GA", Date: "2009-12-18", DateText: "18 December 2009"}}},
		{"sc list with dates", "Recalling its resolutions 1261 (1999) of 25 August 1999 and 1314 (2000) of 11 August 2000,",
			[]want{
				{Text: "resolutions 1261 (1999) of 25 August 1999", Symbol: "1261 (1999)", Organ: "SC", Cert: "sure", Its: true, Date: "1999-08-25"},
				{Text: "1314 (2000) of 11 August 2000", Symbol: "1314 (2000)", Organ: "SC", Cert: "sure", Its: true, Date: "2000-08-11"},
			}},
		{"old ga with letter", "resolution 2200 A (XXI), annex", []want{{Text: "resolution 2200 A (XXI)", Symbol: "2200 A (XXI)", Organ: "GA", Letters: "A"}}},
		{"letters and", "resolutions 3411 A and B (XXX)", []want{{Text: "resolutions 3411 A and B (XXX)", Symbol: "3411 A and B (XXX)", Letters: "A B"}}},
		{"letters to", "resolutions 3419 A to D (XXX) and 3420 (XXX)", []want{
			{Text: "resolutions 3419 A to D (XXX)", Symbol: "3419 A to D (XXX)", Letters: "A B C D"},
			{Text: "3420 (XXX)", Symbol: "3420 (XXX)"},
		}},
		{"new letter", "resolution 31/16 A of 8 November 1976", []want{{Text: "resolution 31/16 A of 8 November 1976", Symbol: "31/16 A", Letters: "A", Date: "1976-11-08"}}},
		{"article not letter", "resolution 70/1 A new agenda", []want{{Text: "resolution 70/1", Symbol: "70/1"}}},
		{"special sessions", "resolutions S-8/1 and ES-10/1", []want{{Text: "resolutions S-8/1", Symbol: "S-8/1", Organ: "GA"}, {Text: "ES-10/1", Symbol: "ES-10/1", Organ: "GA"}}},
		{"ecosoc", "Economic and Social Council resolution 2009/23 of 30 July 2009", []want{{Text: "resolution 2009/23 of 30 July 2009", Symbol: "2009/23", Organ: "ECOSOC", Date: "2009-07-30"}}},
		{"bare year form", "resolution 2009/23", []want{{Text: "resolution 2009/23", Symbol: "2009/23", Organ: "ECOSOC"}}},
		{"cnd", "Commission on Narcotic Drugs resolution 52/1", []want{{Text: "resolution 52/1", Symbol: "52/1", Organ: "CND"}}},
		{"decision", "its decision 31/308", []want{{Text: "decision 31/308", Kind: "decision", Symbol: "31/308", Organ: "GA", Cert: "sure", Its: true}}},
		{"plain list", "resolutions 63/195, 64/179 and 65/232", []want{
			{Text: "resolutions 63/195", Symbol: "63/195"}, {Text: "64/179", Symbol: "64/179"}, {Text: "65/232", Symbol: "65/232"},
		}},
		{"dated list", "resolutions 62/149 of 18 December 2007, 63/168 of 18 December 2008 and 65/206 of 21 December 2010,", []want{
			{Text: "resolutions 62/149 of 18 December 2007", Date: "2007-12-18", Symbol: "62/149"},
			{Text: "63/168 of 18 December 2008", Date: "2008-12-18", Symbol: "63/168"},
			{Text: "65/206 of 21 December 2010", Date: "2010-12-21", Symbol: "65/206"},
		}},
		{"respectively", "General Assembly resolutions 2253 (ES-V) and 2254 (ES-V) of 4 and 14 July 1967, respectively, concerning", []want{
			{Text: "resolutions 2253 (ES-V)", Symbol: "2253 (ES-V)", Organ: "GA", Date: "1967-07-04", DateText: "4"},
			{Text: "2254 (ES-V) of 4 and 14 July 1967", Symbol: "2254 (ES-V)", Organ: "GA", Date: "1967-07-14", DateText: "14 July 1967"},
		}},
		{"sc gold", "Recalling its resolutions 252 (1968) of 21 May 1968 and 267 (1969) of 3 July 1969 and the earlier General Assembly resolutions 2253 (ES-V) and 2254 (ES-V) of 4 and 14 July 1967, respectively,", []want{
			{Text: "resolutions 252 (1968) of 21 May 1968", Symbol: "252 (1968)", Its: true, Date: "1968-05-21"},
			{Text: "267 (1969) of 3 July 1969", Symbol: "267 (1969)", Its: true, Date: "1969-07-03"},
			{Text: "resolutions 2253 (ES-V)", Symbol: "2253 (ES-V)", Organ: "GA", Date: "1967-07-04"},
			{Text: "2254 (ES-V) of 4 and 14 July 1967", Symbol: "2254 (ES-V)", Organ: "GA", Date: "1967-07-14"},
		}},
		{"single date after pair goes to the last", "resolutions 71/1 and 71/2 of 19 September 2016", []want{
			{Text: "resolutions 71/1", Symbol: "71/1", Date: "-"}, {Text: "71/2 of 19 September 2016", Symbol: "71/2", Date: "2016-09-19"},
		}},
		{"footnote", "General Assembly resolution 60/288.", []want{{Text: "resolution 60/288", Symbol: "60/288", Organ: "GA"}}},
		{"footnote annex para", "See resolution 65/230, annex, para. 47.", []want{{Text: "resolution 65/230", Symbol: "65/230"}}},
		{"paragraph of", "paragraph 7 of resolution 267 (1969)", []want{{Text: "resolution 267 (1969)", Symbol: "267 (1969)", Organ: "SC"}}},
		{"curly title", "its resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”, and",
			[]want{{Text: "resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”", Symbol: "70/1", Its: true, Date: "2015-09-25", Title: "Transforming our world: the 2030 Agenda for Sustainable Development"}}},
		{"a title then another quoted phrase is the title still", "its resolution 70/1 of 25 September 2015, entitled “Transforming our planet”, and “The future we want”, the outcome document",
			[]want{{Text: "resolution 70/1 of 25 September 2015, entitled “Transforming our planet”", Symbol: "70/1", Its: true, Date: "2015-09-25", Title: "Transforming our planet"}}},
		{"straight titles of a list, respectively", `its resolutions 70/1 of 25 September 2015 and 79/1 of 22 September 2024, entitled "Transforming our world" and "The Pact for the Future", respectively,`,
			[]want{{Text: "resolutions 70/1 of 25 September 2015", Symbol: "70/1", Its: true, Date: "2015-09-25"},
				{Text: `79/1 of 22 September 2024, entitled "Transforming our world" and "The Pact for the Future"`, Symbol: "79/1", Its: true, Date: "2024-09-22"}}},
		{"titles of a list, respectively", "its resolutions 70/1 of 25 September 2015 and 79/1 of 22 September 2024, entitled “Transforming our world” and “The Pact for the Future”, respectively,",
			[]want{{Text: "resolutions 70/1 of 25 September 2015", Symbol: "70/1", Its: true, Date: "2015-09-25"},
				{Text: "79/1 of 22 September 2024, entitled “Transforming our world” and “The Pact for the Future”", Symbol: "79/1", Its: true, Date: "2024-09-22"}}},
		{"straight title", `resolution 60/1, entitled "2005 World Summit Outcome,"`, []want{{Text: `resolution 60/1, entitled "2005 World Summit Outcome,"`, Symbol: "60/1", Title: "2005 World Summit Outcome"}}},
		{"in its", "the General Assembly, in its resolution 64/179 of 18 December 2009, to hold", []want{{Text: "resolution 64/179 of 18 December 2009", Symbol: "64/179", Organ: "GA", Date: "2009-12-18"}}},
		{"sc named", "Security Council resolution 1325 (2000) and Assembly resolution 65/7 and Council resolution 1947 (2010)", []want{
			{Text: "resolution 1325 (2000)", Symbol: "1325 (2000)", Organ: "SC"},
			{Text: "resolution 65/7", Symbol: "65/7", Organ: "GA"},
			{Text: "resolution 1947 (2010)", Symbol: "1947 (2010)", Organ: "SC"},
		}},
		{"other bodies", "World Health Assembly resolution 78.1 and United Nations Environment Assembly resolution 5/14", []want{
			{Text: "resolution 78.1", Symbol: "78.1", Organ: "WHA", Cert: "sure"},
			{Text: "resolution 5/14", Symbol: "5/14", Organ: "UNEA", Cert: "sure"},
		}},
		{"unknown body", "Governing Council resolution 5/14", []want{{Text: "resolution 5/14", Symbol: "5/14", Organ: "-", Cert: "unknown"}}},
		{"its after organ clause", "the United Nations Environment Assembly at its resumed fifth session, in its resolution 5/14 of 2 March 2022", []want{{Text: "resolution 5/14 of 2 March 2022", Symbol: "5/14", Organ: "UNEA", Cert: "sure"}}},
		{"contained in annex", "A/56/1026-S/2002/932, annex II, resolution 14/221.", []want{
			{Text: "A/56/1026", Kind: "symbol", Doc: "A/56/1026"}, {Text: "S/2002/932", Kind: "symbol", Doc: "S/2002/932"},
			{Text: "resolution 14/221", Symbol: "14/221", Organ: "-"},
		}},
		{"no context no ref", "in 1325 (2000), para. 47, on page 12 in 2009", nil},
		{"bare numbers are not symbols", "Sales No. E.93.I.8 and corrigendum), resolution 1, annex", nil},
		{"unfccc decision", "FCCC/CP/2015/10/Add.1, decision 1/CP.21", nil},
		{"doc symbols", "draft (A/64/L.5) and E/2009/28, chap. I, sect. C, A/C.3/80/L.4/Rev.1, A/80/L.2/Rev.1/Corr.1 and S/RES/1325 (2000) and S/2020/123.", []want{
			{Text: "A/64/L.5", Kind: "symbol", Doc: "A/64/L.5"},
			{Text: "E/2009/28", Kind: "symbol", Doc: "E/2009/28"},
			{Text: "A/C.3/80/L.4/Rev.1", Kind: "symbol", Doc: "A/C.3/80/L.4/Rev.1"},
			{Text: "A/80/L.2/Rev.1/Corr.1", Kind: "symbol", Doc: "A/80/L.2/Rev.1/Corr.1"},
			{Text: "S/RES/1325 (2000)", Kind: "symbol", Doc: "S/RES/1325 (2000)", Symbol: "1325 (2000)", Organ: "SC"},
			{Text: "S/2020/123", Kind: "symbol", Doc: "S/2020/123"},
		}},
		{"resolution doc symbols", "A/RES/80/1 and A/RES/ES-10/19 and E/RES/2009/23 and A/HRC/RES/5/1", []want{
			{Text: "A/RES/80/1", Kind: "symbol", Doc: "A/RES/80/1", Symbol: "80/1", Organ: "GA"},
			{Text: "A/RES/ES-10/19", Kind: "symbol", Doc: "A/RES/ES-10/19", Symbol: "ES-10/19", Organ: "GA"},
			{Text: "E/RES/2009/23", Kind: "symbol", Doc: "E/RES/2009/23", Symbol: "2009/23", Organ: "ECOSOC"},
			{Text: "A/HRC/RES/5/1", Kind: "symbol", Doc: "A/HRC/RES/5/1", Symbol: "5/1", Organ: "HRC"},
		}},
		{"official records", "Official Records of the General Assembly, Sixty-fourth Session, Supplement No. 49 (A/64/49).", []want{
			{Text: "A/64/49", Kind: "symbol", Doc: "A/64/49"},
		}},
		{"symbol spacing normalized", "S/RES/2231(2015)", []want{{Text: "S/RES/2231(2015)", Kind: "symbol", Doc: "S/RES/2231 (2015)", Symbol: "2231 (2015)", Organ: "SC"}}},
		{"decision letters and date", "its decision 79/573 B of 5 September 2025", []want{{Text: "decision 79/573 B of 5 September 2025", Kind: "decision", Symbol: "79/573 B", Letters: "B", Date: "2025-09-05", Its: true, Organ: "GA", Cert: "sure"}}},
		{"url is not a symbol", "https://undocs.org/A/RES/64/182", nil},
		{"two dates respectively full", "resolutions 63/168 and 65/206 of 18 December 2008 and 21 December 2010, respectively", []want{
			{Text: "resolutions 63/168", Symbol: "63/168", Date: "2008-12-18", DateText: "18 December 2008"},
			{Text: "65/206 of 18 December 2008 and 21 December 2010", Symbol: "65/206", Date: "2010-12-21", DateText: "21 December 2010"},
		}},
		{"of the security council", "resolution 1325 (2000) of the Security Council", []want{{Text: "resolution 1325 (2000)", Symbol: "1325 (2000)", Organ: "SC"}}},
		{"nbsp and capital", "Resolution\u00a070/1.", []want{{Text: "Resolution\u00a070/1", Symbol: "70/1"}}},
		{"impossible date kept", "resolution 64/182 of 31 April 2009", []want{{Text: "resolution 64/182 of 31 April 2009", Symbol: "64/182", Date: "2009-04-31"}}},
		{"glued footnote year is no date", "resolution 64/182 of 18 December 20091", []want{{Text: "resolution 64/182", Symbol: "64/182", Date: "-"}}},
		{"letters list then symbol", "resolution 31/16 A, S-8/1", []want{{Text: "resolution 31/16 A", Symbol: "31/16 A"}, {Text: "S-8/1", Symbol: "S-8/1"}}},
		{"repeated resolution continues the organ", "Commission on Crime Prevention and Criminal Justice resolution 27/2 of 18 May 2018, entitled “Preventing trafficking”, resolution 27/3 of 18 May 2018", []want{
			{Text: "resolution 27/2 of 18 May 2018, entitled “Preventing trafficking”", Symbol: "27/2", Organ: "CCPCJ", Title: "Preventing trafficking"},
			{Text: "resolution 27/3 of 18 May 2018", Symbol: "27/3", Organ: "CCPCJ"},
		}},
		{"as well as resolution", "General Assembly resolutions 1514 (XV) of 14 December 1960 and 2145 (XXI) of 27 October 1966 as well as resolution S-14/1 of 20 September 1986", []want{
			{Text: "resolutions 1514 (XV) of 14 December 1960", Symbol: "1514 (XV)", Organ: "GA"},
			{Text: "2145 (XXI) of 27 October 1966", Symbol: "2145 (XXI)", Organ: "GA"},
			{Text: "resolution S-14/1 of 20 September 1986", Symbol: "S-14/1", Organ: "GA"},
		}},
		{"shape overrules a continued organ", "Security Council resolution 1325 (2000) and resolution 64/182", []want{
			{Text: "resolution 1325 (2000)", Symbol: "1325 (2000)", Organ: "SC"},
			{Text: "resolution 64/182", Symbol: "64/182", Organ: "GA"},
		}},
		{"decision in another document", "United Nations Environment Programme, document CBD/COP/15/17, decision 15/4.", []want{
			{Text: "decision 15/4", Kind: "decision", Symbol: "15/4", Organ: "-"},
		}},
		{"in particular", "resolution 661 (1990) of 6 August 1990, 1409 (2002) of 14 May 2002, and in particular, 1447 (2002) of 4 December 2002,", []want{
			{Text: "resolution 661 (1990) of 6 August 1990", Symbol: "661 (1990)"},
			{Text: "1409 (2002) of 14 May 2002", Symbol: "1409 (2002)"},
			{Text: "1447 (2002) of 4 December 2002", Symbol: "1447 (2002)"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindResolutions(tt.in, "")
			if len(got) != len(tt.want) {
				var gs []string
				for _, r := range got {
					gs = append(gs, fmt.Sprintf("%q", tt.in[r.Start:r.End]))
				}
				t.Fatalf("Find(%q) = %d refs [%s], want %d %v", tt.in, len(got), strings.Join(gs, ", "), len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				r := got[i]
				check := func(field, got, want string) {
					t.Helper()
					if want != "" && got != want {
						t.Errorf("ref %d (%q): %s = %q, want %q", i, w.Text, field, got, want)
					}
				}
				check("text", tt.in[r.Start:r.End], w.Text)
				kind := w.Kind
				if kind == "" {
					kind = "resolution"
				}
				check("kind", r.Kind, kind)
				check("symbol", r.Canonical, w.Symbol)
				organ := r.Organ
				if organ == "" {
					organ = "-"
				}
				check("organ", organ, w.Organ)
				check("certainty", r.Certainty.String(), w.Cert)
				if w.Its != r.Its && (w.Its || w.Organ == "-") {
					t.Errorf("ref %d (%q): its = %v, want %v", i, w.Text, r.Its, w.Its)
				}
				switch {
				case w.Date == "-" && r.Date != "":
					t.Errorf("ref %d (%q): date = %q, want none", i, w.Text, r.Date)
				case w.Date != "-":
					check("date", r.Date, w.Date)
				}
				check("date text", r.DateText, w.DateText)
				if r.DateText != tt.in[r.DateStart:r.DateEnd] && r.Date != "" {
					t.Errorf("ref %d: DateText %q is not text[DateStart:DateEnd] %q", i, r.DateText, tt.in[r.DateStart:r.DateEnd])
				}
				check("title", r.Title, w.Title)
				if r.Title != "" && tt.in[r.TitleStart:r.TitleEnd] != r.Title {
					t.Errorf("ref %d: title span %q, want %q", i, tt.in[r.TitleStart:r.TitleEnd], r.Title)
				}
				check("doc", r.Doc, w.Doc)
				check("letters", strings.Join(r.Letters, " "), w.Letters)
				if kind != "symbol" && r.Canonical != "" {
					sym := tt.in[r.NumStart:r.NumEnd]
					if strings.Join(strings.Fields(sym), " ") != r.Canonical && !strings.Contains(sym, "(") {
						t.Errorf("ref %d: symbol text %q, canonical %q", i, sym, r.Canonical)
					}
				}
			}
		})
	}
}

func TestFindRecords(t *testing.T) {
	in := "Official Records of the General Assembly, Sixty-fourth Session, Supplement No. 49 (A/64/49); Ibid., Twelfth Special Session, Supplement No. 2 (A/S-12/2), sect. III"
	got := FindResolutions(in, "")
	if len(got) != 2 {
		t.Fatalf("got %d refs", len(got))
	}
	if got[0].RecordsSession != "64" || got[0].RecordsSupplement != "49" {
		t.Errorf("first: %q %q", got[0].RecordsSession, got[0].RecordsSupplement)
	}
	if got[1].RecordsSession != "S-12" || got[1].RecordsSupplement != "2" {
		t.Errorf("second: %q %q", got[1].RecordsSession, got[1].RecordsSupplement)
	}
}

// FuzzFindResolutions: spans stay inside the text, on rune boundaries, and
// in order; dates and titles are the text they cover.
func FuzzFindResolutions(f *testing.F) {
	for _, s := range []string{
		"Recalling General Assembly resolution 64/182 of 18 December 2009,",
		"its resolutions 1261 (1999) of 25 August 1999 and 1314 (2000) of 11 August 2000",
		"resolutions 3419 A to D (XXX) and 2253 (ES-V) and 2254 (ES-V) of 4 and 14 July 1967, respectively",
		"its resolution 70/1 of 25 September 2015, entitled “Transforming our world”, and",
		"Official Records of the General Assembly, Sixty-fourth Session, Supplement No. 49 (A/64/49)",
		"A/C.3/80/L.4/Rev.1 S/RES/1325 (2000) A/79/552-S/2024/767 E/2009/28",
		"the Environment Assembly at its fifth session, in its resolution 5/14 of 2 March 2022",
		"resolution 31/16 A, S-8/1, resolution ES-10/1 resolution\u00a0 2200A (XXI)",
		"resolution 1 of 4 and", "resolution ", "A/", "S-", "decision 79/573 A and B of 5 September 2025",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		refs := FindResolutions(s, "GA")
		boundary := make([]bool, len(s)+1)
		for i := range s {
			boundary[i] = true
		}
		boundary[len(s)] = true
		prev := -1
		for _, r := range refs {
			if r.Start < 0 || r.Start > r.End || r.End > len(s) {
				t.Fatalf("bad span [%d,%d) in %d bytes", r.Start, r.End, len(s))
			}
			if r.Start < prev {
				t.Fatalf("refs not sorted")
			}
			prev = r.Start
			for _, sp := range [][2]int{{r.Start, r.End}, {r.NumStart, r.NumEnd}, {r.DateStart, r.DateEnd}, {r.TitleStart, r.TitleEnd}} {
				if sp[0] < 0 || sp[0] > sp[1] || sp[1] > len(s) {
					t.Fatalf("bad span %v in %d bytes", sp, len(s))
				}
				for _, o := range sp {
					if !boundary[o] {
						t.Fatalf("offset %d is not on a rune boundary in %q", o, s)
					}
				}
			}
			if r.Date != "" && s[r.DateStart:r.DateEnd] != r.DateText {
				t.Fatalf("DateText %q != text %q", r.DateText, s[r.DateStart:r.DateEnd])
			}
			if r.Title != "" && s[r.TitleStart:r.TitleEnd] != r.Title {
				t.Fatalf("Title %q != text", r.Title)
			}
		}
	})
}

// FuzzIndexRare compares indexRare with strings.Index at every offset.
func FuzzIndexRare(f *testing.F) {
	for _, s := range []string{
		"resolution", "Resolutions esolution", "the decision and decisions", "ecisionecision",
		"lu u esolutio esolution", "xecisio", "", "u", "c", "esolutionesolution",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for from := 0; from <= len(s)+1; from++ {
			for _, p := range []struct {
				pat  string
				rare int
			}{{"esolution", 3}, {"ecision", 1}} {
				if got, want := indexRare(s, p.pat, p.rare, from), indexFrom(s, p.pat, from); got != want {
					t.Fatalf("indexRare(%q, %q, %d) = %d, want %d", s, p.pat, from, got, want)
				}
			}
		}
	})
}

// FuzzRecordsSubmatch compares recordsSubmatch with the plain regexp
// search it speeds up.
func FuzzRecordsSubmatch(f *testing.F) {
	for _, s := range []string{
		"Official Records of the General Assembly, Sixty-fourth Session, Supplement No. 49 (",
		"General Assembly, Ibid., Forty-seventh Session, Supplement No. 27 and corrigendum (",
		"Ibid., General Assembly, Tenth Emergency Special Session, Supplement No. 1 \t(",
		"General Assembly, Ibid., Fifth Special Session, Supplement No. 2 (General Assembly, Sixth Session, Supplement No. 3 (",
		"General Assembly,  Sixty-first Session,\nSupplement No. 53 and addenda (", "Ibid.", "",
	} {
		f.Add(s)
	}
	re := regexp.MustCompile(recordsRE)
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := recordsSubmatch(s), re.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Fatalf("recordsSubmatch(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzDocSymbolParts holds isDocNum, isDocYear and isDocSession to the
// patterns they replace.
func FuzzDocSymbolParts(f *testing.F) {
	for _, s := range []string{"1", "9", "0", "01", "10", "99", "100", "182", "1325", "9999", "10000",
		"1939", "1940", "1946", "1999", "2000", "2099", "2100", "194", "S-1", "S-10", "S-0", "S-100",
		"ES-10", "ES-1", "ES-01", "E-10", "ES-", "S-", "-1", "1a", "a1", "", " 1", "1 ", "١٢"} {
		f.Add(s)
	}
	num := regexp.MustCompile(`^[1-9][0-9]{0,3}$`)
	year := regexp.MustCompile(`^(19[4-9][0-9]|20[0-9][0-9])$`)
	session := regexp.MustCompile(`^([1-9][0-9]?|S-[1-9][0-9]?|ES-[1-9][0-9]?)$`)
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isDocNum(s), num.MatchString(s); got != want {
			t.Errorf("isDocNum(%q) = %v, want %v", s, got, want)
		}
		if got, want := isDocYear(s), year.MatchString(s); got != want {
			t.Errorf("isDocYear(%q) = %v, want %v", s, got, want)
		}
		if got, want := isDocSession(s), session.MatchString(s); got != want {
			t.Errorf("isDocSession(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzMergeRefs compares mergeRefs with the stable sort it replaces.
func FuzzMergeRefs(f *testing.F) {
	f.Add([]byte{1, 2, 3, 9, 0, 2, 2, 4}, 2)
	f.Add([]byte{5, 1, 3, 3, 3, 3, 0, 0}, 1)
	f.Fuzz(func(t *testing.T, spans []byte, split int) {
		var refs []Resolution
		for i := 0; i+1 < len(spans); i += 2 {
			refs = append(refs, Resolution{Start: int(spans[i] % 8), End: int(spans[i]%8 + spans[i+1]%4), Doc: fmt.Sprint(i)})
		}
		split = min(max(split, 0), len(refs))
		want := slices.Clone(refs)
		slices.SortStableFunc(want, func(a, b Resolution) int { return refOrder(&a, &b) })
		got := slices.Clone(refs)
		mergeRefs(got, split)
		if len(got) != len(want) {
			t.Fatalf("got %d refs, want %d", len(got), len(want))
		}
		for i := range got {
			if got[i].Start != want[i].Start || got[i].End != want[i].End || got[i].Doc != want[i].Doc {
				t.Fatalf("ref %d: got %+v, want %+v", i, got[i], want[i])
			}
		}
	})
}

// FuzzDocText compares docText with strings.Join.
func FuzzDocText(f *testing.F) {
	f.Add("A/RES/64/182", "A/RES/64/182")
	f.Add("S/RES/1325(2000)", "S/RES/1325 (2000)")
	f.Add("A/64/L.5.", "A/64/L.5")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, text, joined string) {
		comps := strings.Split(joined, "/")
		if got, want := docText(text, comps), joined; got != want {
			t.Fatalf("docText(%q, %q) = %q", text, comps, got)
		}
	})
}

// TestResolveOrgan: the organ a reference is attributed to, and how sure
// that is, from what the text names, the symbol's shape and the
// document's own organ.
func TestResolveOrgan(t *testing.T) {
	tests := []struct {
		in, docOrgan, organ, cert string
	}{
		{"General Assembly resolution 64/182", "", "GA", "sure"},
		{"resolution 64/182", "", "GA", "sure"},                  // only the Assembly numbers past sixty a session
		{"resolution 52/1", "", "GA", "guess"},                   // commissions number 52/1 too
		{"Recalling its resolution 52/1", "CND", "CND", "guess"}, // the document's organ
		{"Recalling its resolution 5/1", "HRC", "HRC", "guess"},
		{"resolution 87 (LIX)", "GA", "GA", "guess"}, // no organ by shape: the document's
		{"resolution 87 (LIX)", "", "", "unknown"},
		{"its resolution 1325 (2000)", "GA", "SC", "sure"}, // the shape overrules the document
		{"Economic and Social Council resolution 2009/23", "", "ECOSOC", "sure"},
		{"its resolution 2009/23", "", "ECOSOC", "guess"},
		{"Governing Council resolution 5/14", "GA", "", "unknown"}, // a body citecheck does not know
		{"Council resolution 1947 (2010)", "", "SC", "sure"},
		{"Council resolution 5/1", "", "", "unknown"}, // which council?
		{"A/RES/64/182", "", "GA", "sure"},
		{"A/HRC/RES/5/1", "GA", "HRC", "sure"},
		{"A/64/L.5", "", "GA", "sure"}, // a document symbol names its organ
		// The Assembly numbered its special sessions' resolutions in its
		// one series; a small number is another body's special session
		// (the Commission on Narcotic Drugs' "1 (S-IX)" of 1986).
		{"resolution 3362 (S-VII)", "", "GA", "sure"},
		{"resolution 2253 (ES-V)", "ECOSOC", "GA", "sure"},
		{"pursuant to resolution 1 (S-IX)", "ECOSOC", "ECOSOC", "guess"}, // no organ by shape: the document's
		{"pursuant to resolution 1 (S-IX)", "", "", "unknown"},
		{"Recalling its resolution 1 (S-IX)", "GA", "GA", "guess"},
		// "its" stands for the clause's subject when that is named after
		// the reference ("in its resolution …, the Council decided").
		{"Noting that, in its resolution 58/21 of 3 April 2025, the Human Rights Council extended", "GA", "HRC", "sure"},
		{"The General Assembly, Noting that, in its resolution 58/21 of 3 April 2025, the Human Rights Council extended", "GA", "HRC", "sure"},
		{"through its resolution 34/1 of 23 May 2025, the Commission on Crime Prevention and Criminal Justice decided", "GA", "CCPCJ", "sure"},
		{"in its resolution 66/20, the General Assembly recommended", "GA", "GA", "sure"},
		{"Noting that in its resolution 58/24 of 4 April 2025 the Human Rights Council requested", "GA", "HRC", "sure"},
		{"Recalling its resolution 70/1 of 25 September 2015, the Economic and Social Council ministerial declaration of 2019", "GA", "GA", "guess"},
		{"in its resolution 2024/5, the Human Rights Council decided", "GA", "ECOSOC", "guess"},
		{"Welcoming its resolution 78/1, the Economic and Social Council report and", "GA", "GA", "guess"},
	}
	for _, tt := range tests {
		refs := FindResolutions(tt.in, tt.docOrgan)
		if len(refs) != 1 {
			t.Errorf("%q: %d references", tt.in, len(refs))
			continue
		}
		if r := refs[0]; r.Organ != tt.organ || r.Certainty.String() != tt.cert {
			t.Errorf("%q in a %q text: organ %q (%s), want %q (%s)", tt.in, tt.docOrgan, r.Organ, r.Certainty, tt.organ, tt.cert)
		}
	}
}

// plainHyphensOld is plainHyphens as it was, byte by byte.
func plainHyphensOld(text string) (string, func(int) int) {
	if !strings.Contains(text, nbHyphen) {
		return text, func(i int) int { return i }
	}
	var b strings.Builder
	var cuts []int
	for i := 0; i < len(text); {
		if strings.HasPrefix(text[i:], nbHyphen) {
			b.WriteByte('-')
			cuts = append(cuts, b.Len())
			i += len(nbHyphen)
			continue
		}
		b.WriteByte(text[i])
		i++
	}
	return b.String(), func(i int) int {
		n := sort.SearchInts(cuts, i+1)
		return i + 2*n
	}
}

// FuzzPlainHyphens compares plainHyphens with plainHyphensOld, the text
// and the offset map at every offset.
func FuzzPlainHyphens(f *testing.F) {
	for _, s := range []string{"S\u20111/2", "\u2011\u2011a\u2011", "no hyphen", "", "\u2011", "a\u2010b\u2011"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gback := plainHyphens(s)
		want, wback := plainHyphensOld(s)
		if got != want {
			t.Fatalf("plainHyphens(%q) = %q, want %q", s, got, want)
		}
		for i := 0; i <= len(got); i++ {
			if gback(i) != wback(i) {
				t.Fatalf("offset %d maps to %d, want %d", i, gback(i), wback(i))
			}
		}
	})
}

// TestEveryOrgan: a reference preceded (or followed) by its organ is
// attributed to it, and read as that organ numbers its symbols. The
// sentences follow the texts of the General Assembly's eightieth session
// (and, for the FAO Conference and the Human Rights Council decision, the
// false alarms of issue 12).
func TestEveryOrgan(t *testing.T) {
	tests := []struct {
		name, in, text, symbol, organ, cert string
		form                                resolution.Form
	}{
		{"Human Rights Council", "Recalling Human Rights Council resolution 55/28 of 4 April 2024,", "resolution 55/28 of 4 April 2024", "55/28", "HRC", "sure", resolution.FormSession},
		{"its decision after the Council's resolutions",
			"Welcoming the work of the Human Rights Council in its resolutions 55/28 and 55/29 of 4 April 2024 and its decision 56/115 of 11 July 2024,",
			"decision 56/115 of 11 July 2024", "56/115", "HRC", "sure", resolution.FormSession},
		{"its decision of the document's organ", "Recalling its resolution 79/1 and its decision 79/512,", "decision 79/512", "79/512", "GA", "sure", resolution.FormSession},
		{"a small decision number is no Assembly's for sure", "Recalling its decision 56/115 of 11 July 2024,", "decision 56/115 of 11 July 2024", "56/115", "GA", "guess", resolution.FormSession},
		{"Environment Assembly", "Recalling United Nations Environment Assembly resolution 6/9 of 1 March 2024,", "resolution 6/9 of 1 March 2024", "6/9", "UNEA", "sure", resolution.FormSession},
		{"FAO Conference before", "Recalling FAO Conference resolution 7/2025 of 4 July 2025,", "resolution 7/2025 of 4 July 2025", "7/2025", "FAO", "sure", resolution.FormNumberYear},
		{"FAO Conference after", "Recalling resolution 7/2019 of 28 June 2019 of the Conference of the Food and Agriculture Organization of the United Nations, entitled", "resolution 7/2019 of 28 June 2019", "7/2019", "FAO", "sure", resolution.FormNumberYear},
		{"FAO Conference adopted by", "Taking note of resolution 7/2025 of 4 July 2025, entitled “International Day of the Mediterranean Diet”, adopted by the Conference of the Food and Agriculture Organization of the United Nations at its forty-fourth session,",
			"resolution 7/2025 of 4 July 2025, entitled “International Day of the Mediterranean Diet”", "7/2025", "FAO", "sure", resolution.FormNumberYear},
		{"a year for a number, no organ", "Recalling resolution 3/2023 of 7 July 2023,", "resolution 3/2023 of 7 July 2023", "3/2023", "", "unknown", resolution.FormSession},
		{"World Health Assembly", "Taking note of World Health Assembly resolution 78.11 of 27 May 2025, entitled", "resolution 78.11 of 27 May 2025", "78.11", "WHA", "sure", resolution.FormDotted},
		{"World Health Assembly prefixed", "Recalling resolution WHA77.1 of 1 June 2024,", "resolution WHA77.1 of 1 June 2024", "WHA77.1", "WHA", "sure", resolution.FormDotted},
		{"a conference's dotted number", "the adoption by its twelfth meeting of resolution 12.20 on marine debris", "resolution 12.20", "12.20", "", "unknown", resolution.FormDotted},
		{"Commission on Narcotic Drugs", "Recalling Commission on Narcotic Drugs resolution 61/11 of 16 March 2018,", "resolution 61/11 of 16 March 2018", "61/11", "CND", "sure", resolution.FormSession},
		{"IAEA General Conference", "See International Atomic Energy Agency General Conference resolution GC(67)/RES/15, entitled", "resolution GC(67)/RES/15", "GC(67)/RES/15", "IAEA", "sure", resolution.FormAgency},
		{"IAEA symbol alone", "Takes note of resolutions GC(69)/RES/7, entitled “Nuclear and radiation safety”;", "resolutions GC(69)/RES/7, entitled “Nuclear and radiation safety”", "GC(69)/RES/7", "IAEA", "sure", resolution.FormAgency},
		{"Statistical Commission", "Recalling Statistical Commission decision 53/113,", "decision 53/113", "53/113", "StatCom", "sure", resolution.FormSession},
		{"a regional commission, of its", "Recalls the adoption by the Economic Commission for Latin America and the Caribbean of its resolution 574 (XXVII) of 16 May 1998,", "resolution 574 (XXVII) of 16 May 1998", "574 (XXVII)", "ECLAC", "sure", resolution.FormRoman},
		{"paragraph of its resolution", "Recalling paragraph 3 of its resolution 1514 (XV),", "resolution 1514 (XV)", "1514 (XV)", "GA", "guess", resolution.FormRoman},
		{"Security Council", "Recalling Security Council resolution 1325 (2000),", "resolution 1325 (2000)", "1325 (2000)", "SC", "sure", resolution.FormSecurityCouncil},
		{"Economic and Social Council", "Recalling Economic and Social Council resolution 2009/23,", "resolution 2009/23", "2009/23", "ECOSOC", "sure", resolution.FormYear},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			refs := FindResolutions(tt.in, "GA")
			var r *Resolution
			for i := range refs {
				if tt.in[refs[i].Start:refs[i].End] == tt.text {
					r = &refs[i]
				}
			}
			if r == nil {
				var got []string
				for _, x := range refs {
					got = append(got, fmt.Sprintf("%q", tt.in[x.Start:x.End]))
				}
				t.Fatalf("no reference %q in %v", tt.text, got)
			}
			if r.Canonical != tt.symbol || r.Organ != tt.organ || r.Certainty.String() != tt.cert || r.Form != tt.form {
				t.Errorf("%q: symbol %q form %v organ %q (%s); want %q form %v organ %q (%s)", tt.text, r.Canonical, r.Form, r.Organ, r.Certainty, tt.symbol, tt.form, tt.organ, tt.cert)
			}
		})
	}
	// A list of IAEA symbols joined by semicolons, and a dotted number is
	// not read as the second item of another list.
	refs := FindResolutions("Takes note of resolutions GC(69)/RES/7, entitled “A”; GC(69)/RES/8, entitled “B”; and GC(69)/RES/16 A, entitled “C”, and resolutions 64/182 and 1.5 million", "GA")
	var syms []string
	for _, r := range refs {
		syms = append(syms, r.Canonical)
	}
	if got := strings.Join(syms, "|"); got != "GC(69)/RES/7|GC(69)/RES/8|GC(69)/RES/16 A|64/182" {
		t.Errorf("lists: %s", got)
	}
}

// TestOfItsNamesNoSection: "section XI of its resolution" names no body,
// and neither does the "and its resolutions" that follows.
func TestOfItsNamesNoSection(t *testing.T) {
	refs := FindResolutions("Recalling section XI of its resolution 55/258 of 14 June 2001 and its resolutions 57/307 of 15 April 2003 and 58/566,", "GA")
	if len(refs) != 3 {
		t.Fatalf("%d references", len(refs))
	}
	for _, r := range refs {
		if r.Organ != "GA" || r.OrganName != "" {
			t.Errorf("%s: organ %q named %q", r.Canonical, r.Organ, r.OrganName)
		}
	}
}

// TestAndItsStaysInItsClause: "and its resolution" continues the body of
// the "…, in its resolution" just before it, and nothing further away.
func TestAndItsStaysInItsClause(t *testing.T) {
	in := "Noting that the Human Rights Council, in its resolution 55/28, welcomed the report.\n\nRecalling also its resolution 51/241 of 31 July 1997 and its resolution 51/242 of 15 September 1997,"
	for _, r := range FindResolutions(in, "GA") {
		if r.Canonical != "55/28" && (r.Organ != "GA" || r.OrganName != "") {
			t.Errorf("%s: organ %q named %q", r.Canonical, r.Organ, r.OrganName)
		}
	}
}
