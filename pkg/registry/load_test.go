package registry

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/resolution"
	"github.com/citecheck/citecheck/pkg/yamlnode"
)

// expectErrors loads srcs and checks that the joined error holds want, in
// order, and that every error is positioned.
func expectErrors(t *testing.T, srcs []Source, want ...string) {
	t.Helper()
	_, err := Load(srcs)
	if err == nil {
		t.Fatalf("no error, want %q", want)
	}
	msg := err.Error()
	for _, w := range want {
		i := strings.Index(msg, w)
		if i < 0 {
			t.Fatalf("error\n  %s\ndoes not contain\n  %s", err, w)
		}
		msg = msg[i+len(w):]
	}
	var e *yamlnode.Error
	if !errors.As(err, &e) {
		t.Errorf("error is not a *yamlnode.Error: %T", err)
	}
}

func one(name, data string) []Source { return []Source{{Name: name, Data: []byte(data)}} }

func TestLoadResolutionErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string // substrings of the joined error, in order
	}{
		{"not a list", "symbol: A/RES/64/182\n", []string{"t.yaml:1:1: a registry file must be a list"}},
		{"unknown key", "- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  adopted: x\n  sources: [a]\n",
			[]string{`t.yaml:4:3: unknown key "adopted" (expected one of "date", "organ", "sources", "symbol", "title")`}},
		{"duplicate key", "- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  date: \"2009-12-19\"\n  sources: [a]\n",
			[]string{`t.yaml:4:3: duplicate key "date" (first at line 3)`}},
		{"missing", "- symbol: A/RES/64/182\n  organ: GA\n", []string{`t.yaml:1:3: missing key "date"`, `t.yaml:1:3: missing key "sources"`}},
		{"bad date", "- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-02-30\"\n  sources: [a]\n",
			[]string{`t.yaml:3:3: date "2009-02-30" is not a valid YYYY-MM-DD date`}},
		{"month 13", "- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-13-45\"\n  sources: [a]\n",
			[]string{`t.yaml:3:3: date "2009-13-45" is not a valid YYYY-MM-DD date`}},
		{"before the United Nations", "- symbol: S/RES/1 (1946)\n  organ: SC\n  date: \"0000-01-25\"\n  sources: [a]\n",
			[]string{`t.yaml:3:3: date "0000-01-25": the United Nations adopted no resolutions before 1946`}},
		{"organ mismatch", "- symbol: S/RES/1325 (2000)\n  organ: GA\n  date: \"2000-10-31\"\n  sources: [a]\n",
			[]string{`t.yaml:2:3: organ "GA" does not match symbol "S/RES/1325 (2000)" (expected "SC")`}},
		{"not canonical", "- symbol: S/RES/1325(2000)\n  organ: SC\n  date: \"2000-10-31\"\n  sources: [a]\n",
			[]string{`t.yaml:1:3: symbol "S/RES/1325(2000)" is not a canonical resolution symbol (expected "S/RES/1325 (2000)")`}},
		{"unknown prefix", "- symbol: X/RES/1\n  organ: GA\n  date: \"2000-10-31\"\n  sources: [a]\n",
			[]string{`t.yaml:1:3: symbol "X/RES/1" does not start with a known prefix`}},
		{"several letters", "- symbol: A/RES/3411 A and B (XXX)\n  organ: GA\n  date: \"1975-12-10\"\n  sources: [a]\n",
			[]string{`names several resolutions; make one entry per letter`}},
		{"year off", "- symbol: S/RES/1325 (2000)\n  organ: SC\n  date: \"2001-10-31\"\n  sources: [a]\n",
			[]string{`t.yaml:3:3: date 2001-10-31 is not in 2000`}},
		{"session off", "- symbol: A/RES/64/182\n  organ: GA\n  date: \"2019-12-18\"\n  sources: [a]\n",
			[]string{`t.yaml:3:3: date 2019-12-18 does not fit session 64 of the General Assembly (2009–2010)`}},
		{"empty sources", "- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  sources: []\n",
			[]string{`t.yaml:4:12: "sources" must be a non-empty list of strings`}},
		{"syntax", "- symbol: [\n", []string{"t.yaml:2:1: did not find expected node content"}},
		{"duplicate symbol", "- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  sources: [a]\n- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  sources: [b]\n",
			[]string{`t.yaml:5:3: duplicate symbol "A/RES/64/182" (first defined at t.yaml:1)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectErrors(t, one("t.yaml", tt.yaml), tt.want...) })
	}
}

// TestLoadValidation covers the values that passed validation before
// (issue 13 item 10, issue 15): impossible and out-of-range dates and
// years, a second YAML document, a syntax error's column, and a duplicate
// inside one user file.
func TestLoadValidation(t *testing.T) {
	entry := func(extra string) string {
		return "- id: x\n  title: X Convention\n" + extra + "  sources: [s]\n"
	}
	tests := []struct {
		name, yaml string
		want       string
	}{
		{"month 13", entry("  adopted: '1961-13-45'\n"), `t.yaml:3:12: "adopted": "1961-13-45" is not a day of the calendar`},
		{"30 February", entry("  concluded: '1961-02-30'\n"), `t.yaml:3:14: "concluded": "1961-02-30" is not a day of the calendar`},
		{"issue 15 month 13", entry("  adopted: '2020-13-45'\n"), `"2020-13-45" is not a day of the calendar`},
		{"issue 15 30 February", entry("  adopted: '2020-02-30'\n"), `"2020-02-30" is not a day of the calendar`},
		{"year 0000", entry("  adopted: '0000'\n"), `t.yaml:3:12: "adopted": "0000" is not in the years 1600 to 2100`},
		{"day of year 0000", entry("  entry_into_force: '0000-01-01'\n"), `"entry_into_force": "0000-01-01" is not in the years 1600 to 2100`},
		{"cited year 9999", entry("  cited_year: 9999\n"), `t.yaml:3:15: "cited_year" must be a year from 1600 to 2100, got "9999"`},
		{"not a date", entry("  adopted: 30 March 1961\n"), `"adopted" must be a date in YYYY-MM-DD form (or YYYY), got "30 March 1961"`},
		{"second document", entry("") + "---\n- id: y\n  title: Y Convention\n  sources: [s]\n", `t.yaml:4:1: a second YAML document ("---"); a file holds one document`},
		{"syntax error column", "- id: x\n  title: X: Convention\n", `t.yaml:2:11: mapping values are not allowed in this context`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectErrors(t, one("t.yaml", tt.yaml), tt.want) })
	}
	// A year that is right loads, and counts.
	reg, err := Load(one("t.yaml", entry("  adopted: '1961-03-30'\n  cited_year: 1961\n")))
	if err != nil {
		t.Fatal(err)
	}
	if x, _ := reg.Lookup("x"); len(reg.Years(x)) != 1 || reg.Years(x)[0] != 1961 {
		t.Errorf("years %v", reg.Years(x))
	}
}

// TestDuplicateInOneUserFile: two entries with one ID in the same user file
// are a duplicate, not a conflict between "two user files".
func TestDuplicateInOneUserFile(t *testing.T) {
	srcs := []Source{{Name: "mine.yaml", User: true, Data: []byte("- id: x\n  title: X Convention\n  sources: [s]\n- id: x\n  title: Other X\n  sources: [s]\n")}}
	expectErrors(t, srcs, `mine.yaml:4:3: duplicate id "x" (first defined at mine.yaml:1)`)
	_, err := Load(srcs)
	if strings.Contains(err.Error(), "two user files") {
		t.Errorf("error speaks of two user files: %v", err)
	}
	srcs = []Source{{Name: "mine.yaml", User: true, Data: []byte("- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  sources: [a]\n- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  sources: [a]\n")}}
	expectErrors(t, srcs, `mine.yaml:5:3: duplicate symbol "A/RES/64/182" (first defined at mine.yaml:1)`)
}

func TestLoadResolutionsAcrossFiles(t *testing.T) {
	a := Source{Name: "a.yaml", Data: []byte("- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  sources: [a]\n")}
	b := Source{Name: "b.yaml", Data: []byte("# comment\n\n- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  sources: [b]\n")}
	expectErrors(t, []Source{a, b}, `b.yaml:3:3: duplicate symbol "A/RES/64/182" (first defined at a.yaml:1)`)
	// Treaties and resolutions may share a file.
	mixed := Source{Name: "m.yaml", Data: []byte("- id: x\n  title: X Convention\n  sources: [s]\n- symbol: S/RES/1325 (2000)\n  organ: SC\n  date: \"2000-10-31\"\n  sources: [s]\n")}
	reg, err := Load([]Source{a, {Name: "empty.yaml"}, mixed})
	if err != nil {
		t.Fatal(err)
	}
	e, ok := reg.LookupSymbol("A/RES/64/182")
	if !ok || e.Date != "2009-12-18" || e.File != "a.yaml" || e.Line != 1 || e.Kind() != "resolution" || e.ShortSymbol() != "64/182" {
		t.Errorf("lookup: %+v %v", e, ok)
	}
	if _, ok := reg.Lookup("x"); !ok || len(reg.Resolutions()) != 2 || reg.Len() != 1 {
		t.Errorf("mixed file: %d treaties, %d resolutions", reg.Len(), len(reg.Resolutions()))
	}
	if got, ok := reg.LookupSymbolBytes([]byte("S/RES/1325 (2000)")); !ok || got.Organ != "SC" {
		t.Errorf("LookupSymbolBytes: %+v", got)
	}
}

// TestUserOverridesResolution: a user file may correct an embedded
// resolution's fields; the result is validated as a whole, at the user's
// line.
func TestUserOverridesResolution(t *testing.T) {
	srcs, err := EmbeddedSources()
	if err != nil {
		t.Fatal(err)
	}
	user := Source{Name: "my.yaml", User: true, Data: []byte("- symbol: A/RES/64/182\n  title: Political Declaration\n  sources: [my office]\n")}
	reg, err := Load(append(srcs, user))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := reg.LookupSymbol("A/RES/64/182")
	if e.Title != "Political Declaration" || e.Date != "2009-12-18" || e.File != "my.yaml" {
		t.Errorf("override: %+v", e)
	}
	bad := Source{Name: "my.yaml", User: true, Data: []byte("# a wrong date\n- symbol: A/RES/64/182\n  date: \"2019-12-18\"\n  sources: [my office]\n")}
	expectErrors(t, append(srcs, bad), `my.yaml:3:3: date 2019-12-18 does not fit session 64 of the General Assembly (2009–2010)`)
	// A new entry must be whole.
	expectErrors(t, append(srcs, Source{Name: "my.yaml", User: true, Data: []byte("- symbol: A/RES/64/999\n  sources: [me]\n")}), `my.yaml:1:3: missing key "organ"`)
}

func TestDefaultResolutions(t *testing.T) {
	reg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	dated, titled := 0, 0
	for _, e := range reg.Resolutions() {
		if e.Date != "" {
			dated++
		}
		if e.Title != "" {
			titled++
		}
		if len(e.Sources) == 0 {
			t.Errorf("%s has no sources", e.Symbol)
		}
	}
	if dated < 1000 {
		t.Errorf("only %d dated entries", dated)
	}
	t.Logf("%d entries, %d with date, %d with title", len(reg.Resolutions()), dated, titled)
	for sym, date := range map[string]string{
		"A/RES/60/288":      "2006-09-08",
		"A/RES/44/25":       "1989-11-20",
		"S/RES/271 (1969)":  "1969-09-15",
		"A/RES/2106 A (XX)": "1965-12-21",
	} {
		if e, ok := reg.LookupSymbol(sym); !ok || e.Date != date {
			t.Errorf("LookupSymbol(%q) = %+v, %v; want date %s", sym, e, ok, date)
		}
	}
	// Security Council and old General Assembly numbers grow with time:
	// the numbering checks rely on it.
	if !reg.SecurityCouncilNumbering().Sorted() || !reg.OldAssemblyNumbering().Sorted() {
		t.Error("a registered resolution is dated before one numbered lower")
	}
	lo, hi, _, _, ok := reg.SecurityCouncilNumbering().Bounds(271)
	if !ok || lo != 1969 || hi != 1969 {
		t.Errorf("Bounds(271) = %d, %d, %v", lo, hi, ok)
	}
	if ys := reg.SpecialSessionYears("S-26"); len(ys) == 0 {
		t.Log("no resolution of special session S-26 registered")
	}
}

func TestNumberingBounds(t *testing.T) {
	var n Numbering
	for _, p := range [][2]int{{10, 1950}, {30, 1960}, {20, 1955}, {40, 1958}} {
		n.add(p[0], p[1])
	}
	n.build()
	for _, tt := range []struct{ num, lo, hi, lowNum, highNum int }{
		{20, 1955, 1955, 20, 20}, // registered
		{25, 1955, 1958, 20, 30}, // between: no earlier than 20's, no later than the minimum after
		{5, 0, 1950, 0, 10},      // before all
		{50, 1960, 9999, 40, 0},  // after all: the latest year of any lower number
		{35, 1960, 1958, 30, 40}, // 40 is dated before 30: the bounds cross
	} {
		lo, hi, lowNum, highNum, ok := n.Bounds(tt.num)
		if !ok || lo != tt.lo || hi != tt.hi || lowNum != tt.lowNum || highNum != tt.highNum {
			t.Errorf("Bounds(%d) = %d, %d, %d, %d; want %d, %d, %d, %d", tt.num, lo, hi, lowNum, highNum, tt.lo, tt.hi, tt.lowNum, tt.highNum)
		}
	}
	if n.Sorted() {
		t.Error("Sorted with 40 dated before 30")
	}
	var empty Numbering
	if _, _, _, _, ok := empty.Bounds(1); ok {
		t.Error("bounds from nothing")
	}
}

// FuzzLoad: the loader never panics on any file, and every error it
// returns is positioned in that file.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"- id: x\n  title: X Convention\n  adopted: '1961-13-45'\n  sources: [s]\n",
		"- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  sources: [a]\n",
		"- symbol: S/RES/1325(2000)\n  organ: SC\n  date: 2000\n  sources: [a]\n- symbol: [\n",
		"- id: x\n  unts: [{volume: 976, number: 14152}]\n  sources: [s]\n---\n",
		"{}", "- 1\n- [a]\n", "- symbol: X\n  symbol: Y\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, err := Load(one("f.yaml", s))
		if err == nil {
			return
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if !strings.HasPrefix(line, "f.yaml") {
				t.Fatalf("error line without its file: %q", line)
			}
		}
	})
}

// The grammar and the registry agree on what a canonical symbol is.
func TestGeneratedSymbolsAreCanonical(t *testing.T) {
	for _, e := range generatedResolutions.resolutions() {
		organ, _, rest := resolution.OrganOfSymbol(e.Symbol)
		s, end, ok := resolution.ParseSymbol(rest, 0)
		if organ != e.Organ || !ok || end != len(rest) || s.Canonical != rest {
			t.Errorf("%s: not canonical", e.Symbol)
		}
	}
}

// normalizeTitleRef is NormalizeTitle as first written, its definition.
func normalizeTitleRef(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’' || r == '‘':
			continue
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && isLetter(r):
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

func FuzzNormalizeTitle(f *testing.F) {
	for _, s := range []string{"", "Single Convention on Narcotic Drugs, 1961", "Convention on the Rights of the Child", "“Women’s” rights – and  others…\u00a0",
		"KELVIN \u212a İstanbul ΣΑΣ", "bad \xff\xfe utf-8 \xe2\x80", "\u2003Convention\u2003", "Protocol\u0085", "l'Homme ‘x’", "\ufffd"} {
		f.Add(s)
	}
	for _, t := range generated {
		f.Add(t.Title)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NormalizeTitle(s), normalizeTitleRef(s); got != want {
			t.Errorf("NormalizeTitle(%+q) = %+q, want %+q", s, got, want)
		}
	})
}

func BenchmarkNormalizeTitle(b *testing.B) {
	for b.Loop() {
		for _, t := range generated {
			NormalizeTitle(t.Title)
		}
	}
}

// TestNormalizeTitleRunes compares NormalizeTitle with its definition on
// every rune.
func TestNormalizeTitleRunes(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		s := "A" + string(r) + "b " + string(r)
		if got, want := NormalizeTitle(s), normalizeTitleRef(s); got != want {
			t.Errorf("NormalizeTitle(%+q) = %+q, want %+q", s, got, want)
		}
	}
}
