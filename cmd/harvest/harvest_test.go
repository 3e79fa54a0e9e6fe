package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/citecheck/citecheck/pkg/extract"
	"github.com/citecheck/citecheck/pkg/resolution"
)

const testdir = "../../testdata/resolution/harvest"

type outEntry struct {
	Symbol  string   `yaml:"symbol"`
	Organ   string   `yaml:"organ"`
	Date    string   `yaml:"date"`
	Title   string   `yaml:"title"`
	Sources []string `yaml:"sources"`
}

func runHarvest(t *testing.T, args ...string) (map[string]outEntry, string) {
	t.Helper()
	var out, errw bytes.Buffer
	if code := run(args, &out, &errw); code != 0 {
		t.Fatalf("run(%v) = %d; stderr:\n%s", args, code, errw.String())
	}
	var es []outEntry
	if err := yaml.Unmarshal(out.Bytes(), &es); err != nil {
		t.Fatalf("output is not YAML: %v\n%s", err, out.String())
	}
	m := map[string]outEntry{}
	for i, e := range es {
		if i > 0 && !resolution.SymbolLess(es[i-1].Symbol, e.Symbol) {
			t.Errorf("output not sorted: %q before %q", es[i-1].Symbol, e.Symbol)
		}
		m[e.Symbol] = e
	}
	return m, errw.String()
}

func TestHarvest(t *testing.T) {
	got, stderr := runHarvest(t, "-seed", filepath.Join(testdir, "seed.yaml"), testdir)

	want := map[string]string{
		// Security Council headings state their own dates.
		"S/RES/252 (1968)": "1968-05-21",
		"S/RES/267 (1969)": "1969-07-03",
		"S/RES/271 (1969)": "1969-09-15",
		"S/RES/298 (1971)": "1971-09-25",
		// The resolution itself: "Resolution adopted by the General
		// Assembly on 26 November 2025".
		"A/RES/80/11": "2025-11-26",
		// Two independent texts agree.
		"A/RES/61/295":      "2007-09-13",
		"E/RES/2009/23":     "2009-07-30",
		"E/CN.7/RES/52/1":   "2009-03-20",
		"A/RES/2253 (ES-V)": "1967-07-04",
		// The curated data marks the date verified.
		"A/RES/44/25":  "1989-11-20",
		"A/RES/64/182": "2009-12-18",
	}
	for sym, date := range want {
		e, ok := got[sym]
		if !ok {
			t.Errorf("no entry for %s", sym)
			continue
		}
		if e.Date != date {
			t.Errorf("%s: date %q, want %q", sym, e.Date, date)
		}
		if len(e.Sources) == 0 {
			t.Errorf("%s: no sources", sym)
		}
	}
	// Texts disagree on 60/1: neither date is kept, and the conflict is
	// printed.
	if _, ok := got["A/RES/60/1"]; ok {
		t.Errorf("A/RES/60/1 kept despite a conflict")
	}
	if !strings.Contains(stderr, "conflict: A/RES/60/1 date") {
		t.Errorf("conflict not reported; stderr:\n%s", stderr)
	}
	// A single text's claim is not enough.
	if e, ok := got["S/RES/2254 (1968)"]; ok {
		t.Errorf("unexpected entry %+v", e)
	}
	// Titles: the resolution's own heading, and the verified seed title;
	// a seed title marked unverified is left out.
	if got["A/RES/80/11"].Title != "2025 review of the United Nations peacebuilding architecture" {
		t.Errorf("80/11 title %q", got["A/RES/80/11"].Title)
	}
	if got["A/RES/44/25"].Title != "Convention on the Rights of the Child" {
		t.Errorf("44/25 title %q", got["A/RES/44/25"].Title)
	}
	if got["A/RES/64/182"].Title != "" {
		t.Errorf("unverified title kept: %q", got["A/RES/64/182"].Title)
	}
	// Sources name the UN document and quote it, never the file it was
	// read in nor the data file that pointed to it.
	if src := got["S/RES/271 (1969)"].Sources; len(src) == 0 || src[0] != "S/RES/271 (1969): heading “Resolution 271 (1969) of 15 September 1969”" {
		t.Errorf("271 sources %q", src)
	}
	if src := got["A/RES/80/11"].Sources; !slices.Contains(src, "A/RES/80/11: “Resolution adopted by the General Assembly on 26 November 2025”") {
		t.Errorf("80/11 sources %q", src)
	}
	if src := got["A/RES/44/25"].Sources; len(src) != 1 || src[0] != "https://www.un.org/documents/ga/res/44/a44r025.htm" {
		t.Errorf("44/25 sources %q, want the UN page the seed names", src)
	}
	for sym, e := range got {
		for _, src := range e.Sources {
			if strings.Contains(src, ".txt") || strings.Contains(src, ".md") || strings.Contains(src, ".yaml") || strings.Contains(src, "sc-gold") {
				t.Errorf("%s: source %q names a file", sym, src)
			}
		}
	}
}

func TestHarvestDecisions(t *testing.T) {
	got, stderr := runHarvest(t, "-decisions", filepath.Join(testdir, "decisions.tsv"), filepath.Join(testdir, "synthetic"))
	for sym, date := range map[string]string{
		// One meeting date: the decision's date, and each part's.
		"A/DEC/71/401":   "2016-09-13",
		"A/DEC/71/413":   "2016-11-21",
		"A/DEC/71/413 A": "2016-11-21",
		"A/DEC/71/413 B": "2016-11-21",
		// Blank fields before the date ("74/548. \t \t \t2020-04-13").
		"A/DEC/74/548": "2020-04-13",
		"A/DEC/79/535": "2024-12-04",
		// A part with a row of its own and one date.
		"A/DEC/78/528 A": "2023-12-07",
		// A part of a decision of two meetings, which two texts date at
		// one of them.
		"A/DEC/75/519 B": "2021-03-25",
	} {
		e, ok := got[sym]
		if !ok {
			t.Errorf("no entry for %s", sym)
			continue
		}
		if e.Date != date {
			t.Errorf("%s: date %s, want %s", sym, e.Date, date)
		}
		if !slices.ContainsFunc(e.Sources, func(s string) bool { return strings.HasPrefix(s, "UN iGov decisions database, decision ") }) {
			t.Errorf("%s: sources %q do not name the record", sym, e.Sources)
		}
	}
	if src := got["A/DEC/71/401"].Sources; len(src) != 1 || src[0] != "UN iGov decisions database, decision 71/401: 2016-09-13, “on 13 September 2016, the General Assembly”" {
		t.Errorf("71/401 sources %q", src)
	}
	if src := got["A/DEC/75/519 B"].Sources; len(src) != 3 {
		t.Errorf("75/519 B sources %q, want the two texts and the record", src)
	}
	// Several meeting dates (a bogus 1969-12-31 dropped): no single date,
	// even where texts give one.
	for _, sym := range []string{"A/DEC/71/405", "A/DEC/71/405 A", "A/DEC/71/406", "A/DEC/75/519", "A/DEC/78/528", "A/DEC/78/528 B"} {
		if e, ok := got[sym]; ok {
			t.Errorf("%s: entered with date %s; it was adopted at several meetings", sym, e.Date)
		}
	}
	for _, want := range []string{
		"decision 71/406 A and B: date 1969-12-31 is not in the years of session 71; dropped",
		"several dates: A/DEC/71/405: adopted at several meetings (UN iGov decisions database, decision 71/405 A and B: 2016-11-10, 2017-03-08, 2017-05-11); cited with a single date by A/SYN/5",
		// The record's text dates the Assembly's action otherwise.
		"conflict: A/DEC/71/506 date:",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, ok := got["A/DEC/71/506"]; ok {
		t.Error("A/DEC/71/506 entered despite the conflict")
	}
	// The record's text is read for what it cites.
	if e := got["A/RES/73/292"]; e.Date != "" {
		t.Errorf("73/292 entered on one text without -single: %+v", e)
	}
}

// TestHarvestListsLeftOut: the output lists what it left out, as comments
// the registry loader ignores.
func TestHarvestListsLeftOut(t *testing.T) {
	var out, errw bytes.Buffer
	if code := run([]string{"-q", "-decisions", filepath.Join(testdir, "decisions.tsv"), testdir}, &out, &errw); code != 0 {
		t.Fatalf("exit %d: %s", code, errw.String())
	}
	for _, want := range []string{
		"\n# Left out (6): ",
		"\n#   A/DEC/71/405: adopted at several meetings",
		"\n#   A/RES/60/1 date: \"2005-09-16\" (A/SYN/1: “resolution 60/1 of 16 September 2005”) vs \"2005-10-24\"",
		"#   go run ./cmd/harvest -decisions decisions.tsv harvest && go generate ./pkg/registry\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

// TestHarvestSingle: -single keeps a date one born-digital text states of
// the General Assembly or the Security Council, and nothing else.
func TestHarvestSingle(t *testing.T) {
	args := []string{"-decisions", filepath.Join(testdir, "decisions.tsv"), testdir}
	plain, _ := runHarvest(t, args...)
	single, _ := runHarvest(t, append([]string{"-single"}, args...)...)
	for _, sym := range []string{"A/RES/70/299", "A/RES/73/292"} {
		if _, ok := plain[sym]; ok {
			t.Errorf("%s entered without -single", sym)
		}
		if _, ok := single[sym]; !ok {
			t.Errorf("%s not entered with -single", sym)
		}
	}
	// Another organ's numbering is shared by other bodies.
	if e, ok := single["E/CN.7/RES/61/11"]; ok {
		t.Errorf("Commission resolution entered on one text: %+v", e)
	}
	for sym, e := range single {
		if _, ok := plain[sym]; ok {
			continue
		}
		if e.Organ != "GA" && e.Organ != "SC" {
			t.Errorf("%s (%s) entered on one text", sym, e.Organ)
		}
		for _, src := range e.Sources {
			if strings.HasPrefix(src, "S/RES/") {
				t.Errorf("%s entered on an OCR text: %q", sym, src)
			}
		}
	}
}

func TestParseLetters(t *testing.T) {
	for in, want := range map[string]string{
		"A": "A", "A and B": "A B", "A, B and C": "A B C", "A, B and C ": "A B C",
		"A-C": "A B C", "B, C and D": "B C D", "A, B, C and D": "A B C D",
		"": "", "a": "", "A and A": "", "AB": "",
	} {
		ls, ok := parseLetters(in)
		if got := strings.Join(ls, " "); got != want || ok != (want != "") {
			t.Errorf("parseLetters(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestHarvestSplit(t *testing.T) {
	dir := t.TempDir()
	var out, errw bytes.Buffer
	if code := run([]string{"-q", "-split", dir, testdir}, &out, &errw); code != 0 {
		t.Fatalf("exit %d: %s", code, errw.String())
	}
	for _, f := range []string{"ga.yaml", "sc.yaml", "ecosoc.yaml", "other.yaml"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte("- symbol: ")) {
			t.Errorf("%s has no entries", f)
		}
	}
}

func TestHarvestDeterministic(t *testing.T) {
	var a, b, e bytes.Buffer
	run([]string{"-q", testdir}, &a, &e)
	run([]string{"-q", testdir}, &b, &e)
	if a.String() != b.String() {
		t.Error("two runs differ")
	}
}

func TestUsage(t *testing.T) {
	var out, errw bytes.Buffer
	if code := run(nil, &out, &errw); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
}

func TestFamilies(t *testing.T) {
	body := strings.Repeat("Recalling its resolution 70/1 of 25 September 2015 on the 2030 Agenda for Sustainable Development and the goals it set. ", 5)
	ts := []*text{
		{doc: "A/C.2/80/L.1", organ: "GA", body: body + " Draft."},
		{doc: "A/RES/80/100", organ: "GA", body: "Resolution adopted by the General Assembly. " + body},
		{doc: "A/RES/80/101", organ: "GA", body: "Something else entirely, on another topic, with other words in it and nothing shared with the drafts at all, at least not eight words in a row."},
		{doc: "A/RES/80/102", organ: "GA", body: "[without reference to a Main Committee (A/80/L.9)]"},
		{doc: "A/80/L.9", organ: "GA", body: "A short draft."},
	}
	groupFamilies(ts)
	if ts[0].family != ts[1].family {
		t.Error("draft and adopted text are in different families")
	}
	if ts[2].family == ts[0].family {
		t.Error("unrelated text joined a family")
	}
	if ts[3].family != ts[4].family {
		t.Error("resolution naming its draft is not in the draft's family")
	}
}

func TestNaturalLess(t *testing.T) {
	for _, p := range [][2]string{
		{"A/RES/2/1", "A/RES/10/1"},
		{"S/RES/99 (1951)", "S/RES/100 (1951)"},
		{"A/RES/64/18", "A/RES/64/182"},
	} {
		if !resolution.SymbolLess(p[0], p[1]) || resolution.SymbolLess(p[1], p[0]) {
			t.Errorf("order of %q and %q", p[0], p[1])
		}
	}
}

func TestYAMLString(t *testing.T) {
	for _, s := range []string{`plain`, `with "quotes" and \ backslash`, "tab\tand “curly”"} {
		var got string
		if err := yaml.Unmarshal([]byte(yamlString(s)), &got); err != nil || got != s {
			t.Errorf("yamlString(%q) = %s → %q, %v", s, yamlString(s), got, err)
		}
	}
}

// TestPlausibleSession: a General Assembly date must fall within its
// session, from September to the next September; the first session
// opened in January 1946.
func TestPlausibleSession(t *testing.T) {
	for _, tc := range []struct {
		session, date string
		ok            bool
	}{
		{"78", "2023-12-05", true},
		{"78", "2024-09-09", true},
		{"78", "2024-12-05", false}, // two texts of the 80th session have it
		{"78", "2023-06-01", false},
		{"79", "2025-01-10", true},
		{"I", "1946-01-24", true},
	} {
		form := resolution.FormSession
		if tc.session == "I" {
			form = resolution.FormRoman
		}
		r := &extract.Resolution{Symbol: resolution.NewSymbol(form, "69", tc.session, nil, 0, "")}
		r.Date = tc.date
		if got := plausible(r, "GA", resolution.Sure) == ""; got != tc.ok {
			t.Errorf("session %s, %s: plausible %v, want %v (%s)", tc.session, tc.date, got, tc.ok, plausible(r, "GA", resolution.Sure))
		}
	}
}

// TestHarvestCorrections: -corrections is read as a second seed. A checked
// fact that a heading contradicts (an OCR slip) leaves the date out as a
// conflict, listed with both sources; one no text contradicts is kept.
func TestHarvestCorrections(t *testing.T) {
	dir := t.TempDir()
	corr := filepath.Join(dir, "corrections.yaml")
	if err := os.WriteFile(corr, []byte(`resolutions:
  - symbol: "S/RES/252 (1968)"
    date: "1968-05-12"
    confidence: verified
    sources:
      - "S/RES/252 (1968) (a copy): heading “Resolution 252 (1968) of 12 May 1968”"
  - symbol: "S/RES/9999 (2030)"
    date: "2030-01-02"
    confidence: verified
    sources:
      - "S/RES/9999 (2030) (a copy): heading “Resolution 9999 (2030) of 2 January 2030”"
`), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errw bytes.Buffer
	if code := run([]string{"-q", "-corrections", corr, testdir}, &out, &errw); code != 0 {
		t.Fatalf("exit %d: %s", code, errw.String())
	}
	for _, want := range []string{
		"\n#   S/RES/252 (1968) date: \"1968-05-21\" (",
		"vs \"1968-05-12\" (S/RES/252 (1968) (a copy): heading",
		"symbol: \"S/RES/9999 (2030)\"\n  organ: SC\n  date: \"2030-01-02\"",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out.String(), "symbol: \"S/RES/252 (1968)\"") {
		t.Error("S/RES/252 (1968) kept despite the conflict")
	}
}
