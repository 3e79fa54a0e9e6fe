package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

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
	if src := got["S/RES/271 (1969)"].Sources; len(src) == 0 || src[0] != "sc-gold/S_RES_0271_1969.txt: heading" {
		t.Errorf("271 sources %q", src)
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
