package engine_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/extract"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/resolution"
	"github.com/citecheck/citecheck/pkg/source"
)

const corpusDir = "../../testdata/corpus"

func newEngine(t testing.TB) *engine.Engine {
	t.Helper()
	reg, err := registry.Default()
	if err != nil {
		t.Fatal(err)
	}
	return engine.New(engine.Options{Registry: reg, Jobs: 2})
}

// corpusFiles returns every text file of the regression corpus.
func corpusFiles(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, in := range engine.Expand([]string{corpusDir}) {
		if in.Err != nil {
			t.Fatal(in.Err)
		}
		out = append(out, in.Path)
	}
	if len(out) < 1000 {
		t.Fatalf("corpus has %d files; expected the ~1,100 texts copied from shared/corpus", len(out))
	}
	return out
}

func checkBytes(t testing.TB, eng *engine.Engine, path string, data []byte) ([]diag.Diagnostic, *extract.Result) {
	t.Helper()
	f, err := source.New(path, data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return eng.CheckDoc(f, document.Parse(f))
}

// knownErrors are real errors in the corpus texts (checked against the UN
// records), by file and line: findings there are right, not false alarms.
var knownErrors = map[string]string{
	"ga-80-drafts/A_C.2_80_L.25.txt:336": "resolution 70/202 was adopted on 22 December 2015; the draft says 2025",
	"sc-gold/S_RES_0171_1962.txt:7":      "resolution 93 (1951) is of 18 May 1951; the text says 1948",
}

// knownSymbolErrors are real errors in the symbols of corpus texts, whose
// dates are right: each is reported once, as a resolution-form warning on
// the symbol, and never as an error on the date (the one finding of the
// reference; before, a date error said the opposite of the warning).
var knownSymbolErrors = map[string]string{
	"sc-gold/S_RES_0264_1969.txt:12": "General Assembly resolution 2145 (XXI) of 27 October 1966; the text says (XXII)",
	"sc-gold/S_RES_0276_1970.txt:10": "the same 2145 (XXII) for (XXI)",
	"sc-gold/S_RES_0434_1978.txt:1":  "OCR misread the heading \"434 (1978)\" as \"434 (1973)\"",
	"sc-gold/S_RES_0281_1970.txt:26": "OCR: \"274 (1959)\" for 274 (1969)",
}

// TestCorpusNoErrors: the corpus is believed correct, so any finding of
// severity error is a false positive, except the real errors listed in
// knownErrors.
func TestCorpusNoErrors(t *testing.T) {
	eng := newEngine(t)
	var inputs []engine.Input
	for _, p := range corpusFiles(t) {
		inputs = append(inputs, engine.Input{Path: p})
	}
	warnings := 0
	seen := map[string]bool{}
	sum, err := eng.Run(context.Background(), inputs, func(r *engine.FileReport) error {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Path, r.Err)
		}
		for _, d := range r.Diagnostics {
			switch d.Severity {
			case diag.Error:
				key := fmt.Sprintf("%s:%d", strings.TrimPrefix(d.Path, corpusDir+"/"), d.Span.Start.Line)
				if _, ok := knownErrors[key]; ok {
					seen[key] = true
					continue
				}
				t.Errorf("false positive: %s:%d:%d: %s [%s]", d.Path, d.Span.Start.Line, d.Span.Start.Col, d.Message, d.Rule)
			case diag.Warning:
				warnings++
				key := fmt.Sprintf("%s:%d", strings.TrimPrefix(d.Path, corpusDir+"/"), d.Span.Start.Line)
				if _, ok := knownSymbolErrors[key]; ok && d.Rule == "resolution-form" {
					seen[key] = true
				}
				t.Logf("warning: %s:%d:%d: %s [%s]", d.Path, d.Span.Start.Line, d.Span.Start.Col, d.Message, d.Rule)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files, %d warnings", sum.Files, warnings)
	for k, why := range knownErrors {
		if !seen[k] {
			t.Errorf("%s: the known error (%s) is no longer reported", k, why)
		}
	}
	for k, why := range knownSymbolErrors {
		if !seen[k] {
			t.Errorf("%s: the known error (%s) is no longer reported as a resolution-form warning", k, why)
		}
	}
}

// sharedCorpus is the project's shared corpus of real UN texts, beside the
// repository on the development machines (CITECHECK_SHARED_CORPUS names
// another place); a clone without it skips the test that reads it.
func sharedCorpus() string {
	if d := os.Getenv("CITECHECK_SHARED_CORPUS"); d != "" {
		return d
	}
	return "../../../shared/corpus"
}

// sharedKnownErrors are the real errors of the shared corpus's originals,
// by folder, file and line (the regression corpus's knownErrors, and the
// same texts in the other folders).
var sharedKnownErrors = map[string]string{
	"ga-80-drafts/A_C.2_80_L.25.txt:336": "resolution 70/202 was adopted on 22 December 2015; the draft says 2025",
	"sc-gold/S_RES_0171_1962.txt:7":      "resolution 93 (1951) is of 18 May 1951; the text says 1948",
}

// TestSharedCorpusNoErrors: every text of the shared corpus (drafts,
// adopted resolutions, Markdown, the Security Council volumes) gives no
// error finding but the known errors of the originals. Among them are the
// texts of issue 12's false alarms: ga-80-res/A_RES_80_157 and
// A_RES_80_174 cite resolutions of the FAO Conference. (The PDFs need the
// CLI's readers; check --format json over ga-80-pdf is compared by hand.)
func TestSharedCorpusNoErrors(t *testing.T) {
	dir := sharedCorpus()
	if _, err := os.Stat(dir); err != nil || testing.Short() {
		t.Skipf("no shared corpus at %s (or -short)", dir)
	}
	eng := newEngine(t)
	var inputs []engine.Input
	for _, in := range engine.Expand([]string{dir}) {
		if !strings.HasSuffix(in.Path, ".pdf") {
			inputs = append(inputs, in)
		}
	}
	if len(inputs) < 1000 {
		t.Fatalf("only %d texts in %s", len(inputs), dir)
	}
	seen := map[string]bool{}
	_, err := eng.Run(context.Background(), inputs, func(r *engine.FileReport) error {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Path, r.Err)
		}
		for _, d := range r.Diagnostics {
			if d.Severity != diag.Error {
				continue
			}
			rel, _ := filepath.Rel(dir, d.Path)
			key := fmt.Sprintf("%s:%d", filepath.ToSlash(rel), d.Span.Start.Line)
			if _, ok := sharedKnownErrors[key]; ok {
				seen[key] = true
				continue
			}
			t.Errorf("false positive: %s:%d:%d: %s [%s]", d.Path, d.Span.Start.Line, d.Span.Start.Col, d.Message, d.Rule)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for k, why := range sharedKnownErrors {
		if !seen[k] {
			t.Errorf("%s: the known error (%s) is no longer reported", k, why)
		}
	}
}

var resolutionDateRE = regexp.MustCompile(`\b(?:\d{1,4}/\d{1,4}|\d{1,4} \([IVXLC]+\)|\d{1,4} \(\d{4}\))\s+of\s+(\d{1,2})\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:19|20)\d\d`)

// unparsedDates are dated references the corpus garbles beyond reading.
var unparsedDates = map[string]string{
	"sc-gold/S_RES_0873_1993.txt:6": "OCR dropped the parentheses of the item before (\"841 1993\"), which breaks the list",
}

// TestCorpusResolutionDates: every "resolution N of <date>" in the corpus
// appears in refs with its number and date parsed.
func TestCorpusResolutionDates(t *testing.T) {
	eng := newEngine(t)
	total, found := 0, 0
	for _, p := range corpusFiles(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		locs := resolutionDateRE.FindAllSubmatchIndex(data, -1)
		if len(locs) == 0 {
			continue
		}
		_, res := checkBytes(t, eng, p, data)
		for _, loc := range locs {
			// Only references named as resolutions: the word before.
			before := string(data[max(0, loc[0]-40):loc[0]])
			if !strings.Contains(strings.ToLower(before), "resolution") {
				continue
			}
			total++
			ok := false
			for _, rr := range res.Resolutions {
				if rr.Date != "" && rr.Number != "" && rr.DateStart <= loc[2] && loc[2] < rr.DateEnd+1 {
					ok = true
				}
			}
			if ok {
				found++
				continue
			}
			line := 1 + strings.Count(string(data[:loc[0]]), "\n")
			if _, ok := unparsedDates[fmt.Sprintf("%s:%d", strings.TrimPrefix(p, corpusDir+"/"), line)]; ok {
				continue
			}
			t.Errorf("%s:%d: resolution reference not parsed with its date: %q", p, line, data[loc[0]:loc[1]])
		}
	}
	t.Logf("%d of %d dated resolution references parsed", found, total)
}

var treatySeriesRE = regexp.MustCompile(`Treaty\s+Series`)

// TestCorpusTreatySeriesInRefs: every "Treaty Series" citation in the
// corpus is recognised as a UNTS (or LNTS) citation.
func TestCorpusTreatySeriesInRefs(t *testing.T) {
	eng := newEngine(t)
	total, found := 0, 0
	for _, p := range corpusFiles(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		locs := treatySeriesRE.FindAllIndex(data, -1)
		if len(locs) == 0 {
			continue
		}
		_, res := checkBytes(t, eng, p, data)
		for _, loc := range locs {
			total++
			ok := false
			for _, r := range res.Citations {
				if r.RefKind() == extract.KindUNTS && r.Start <= loc[0] && loc[1] <= r.End+1 {
					ok = true
				}
			}
			if ok {
				found++
				continue
			}
			line := 1 + strings.Count(string(data[:loc[0]]), "\n")
			t.Errorf("%s:%d: Treaty Series citation not recognised: %q", p, line, excerpt(data, loc[0]))
		}
	}
	t.Logf("%d of %d Treaty Series citations recognised", found, total)
	if total < 140 {
		t.Errorf("only %d Treaty Series citations in the corpus; expected about 150", total)
	}
}

func excerpt(data []byte, at int) string {
	end := min(len(data), at+80)
	return string(data[max(0, at-20):end])
}

// TestCorpusInjectedErrors corrupts real citations one at a time — a wrong
// year, volume or number, or a footnote swapped for another registered
// treaty's correct citation — and checks that each is caught at the right
// place.
func TestCorpusInjectedErrors(t *testing.T) {
	eng := newEngine(t)
	reg, _ := registry.Default()
	kinds := map[string]int{}
	for _, p := range corpusFiles(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !treatySeriesRE.Match(data) && !strings.Contains(string(data), "Convention") {
			continue
		}
		_, res := checkBytes(t, eng, p, data)
		for _, r := range res.Mentions {
			if r.Treaty != nil && r.Year != 0 && !r.YearInTitle && !r.Embedded && !r.ShortForm && r.Antecedent == nil {
				ys := reg.Years(r.Treaty)
				if len(ys) == 0 {
					continue
				}
				bad := ys[0] + 3
				mut := splice(data, r.YearStart, r.YearEnd, strconv.Itoa(bad))
				expectFinding(t, eng, p, mut, "treaty-year", r.YearStart, strconv.Itoa(bad))
				kinds["wrong year"]++
			}
		}
		for _, r := range res.Citations {
			if r.RefKind() == extract.KindUNTS && len(r.Pairs) == 1 && len(r.Pairs[0].Treaties) == 1 && r.Pairs[0].Number.Value != "" && !r.Ibid {
				pr := r.Pairs[0]
				v, _ := strconv.Atoi(pr.Volume.Value)
				if len(reg.ByUNTS(strconv.Itoa(v+1), pr.Number.Value)) == 0 {
					mut := splice(data, pr.Volume.Start, pr.Volume.End, strconv.Itoa(v+1))
					expectFinding(t, eng, p, mut, "unts-citation", pr.Volume.Start, strconv.Itoa(v+1))
					kinds["wrong volume"]++
				}
			}
		}
		// Footnotes swapped for another treaty's correct citation.
		for _, m := range res.Mentions {
			if m.Treaty == nil || m.Embedded || m.ShortForm || len(m.Citations) != 1 {
				continue
			}
			c := m.Citations[0]
			if len(c.Volumes) != 1 || len(c.Numbers) != 1 || len(c.Treaties()) == 0 {
				continue
			}
			// A wrong number in the treaty's own volume.
			if len(m.Treaty.UNTS) == 1 && c.Volumes[0].Value == m.Treaty.UNTS[0].Volume {
				n, _ := strconv.Atoi(c.Numbers[0].Value)
				if bad := strconv.Itoa(n + 1); len(reg.ByNumber(bad)) == 0 {
					mut := splice(data, c.Numbers[0].Start, c.Numbers[0].End, bad)
					expectFinding(t, eng, p, mut, "unts-citation", c.Numbers[0].Start, bad)
					kinds["wrong number"]++
				}
			}
			other := unrelated(reg, m.Treaty)
			if other == nil {
				continue
			}
			u := other.UNTS[0]
			mut := splice(data, c.Numbers[0].Start, c.Numbers[0].End, u.Number)
			mut = splice(mut, c.Volumes[0].Start, c.Volumes[0].End, u.Volume)
			expectFinding(t, eng, p, mut, "unts-citation", c.Volumes[0].Start, "")
			kinds["swapped footnote"]++
		}
	}
	t.Logf("injected: %v", kinds)
	for _, k := range []string{"wrong year", "wrong volume", "wrong number", "swapped footnote"} {
		if kinds[k] < 5 {
			t.Errorf("only %d %q injections: the corpus should offer more", kinds[k], k)
		}
	}
}

// TestCorpusInjectedResolutionErrors plants errors in real resolution
// references of the corpus, one at a time, and checks that each is caught
// at the right place: a wrong day in a date the registry knows, an
// impossible date, a General Assembly symbol in the form of the wrong era
// and a Security Council year that does not fit the number.
func TestCorpusInjectedResolutionErrors(t *testing.T) {
	eng := newEngine(t)
	reg, _ := registry.Default()
	kinds := map[string]int{}
	for _, p := range corpusFiles(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "esolution") {
			continue
		}
		_, res := checkBytes(t, eng, p, data)
		for _, r := range res.Resolutions {
			if r.Kind == extract.KindSymbol {
				continue
			}
			injectResolutionErrors(t, eng, reg, p, data, r, kinds)
		}
	}
	t.Logf("injected: %v", kinds)
	for k, least := range map[string]int{"wrong day": 100, "impossible date": 50, "wrong era": 20, "wrong Security Council year": 50} {
		if kinds[k] < least {
			t.Errorf("only %d %q injections: the corpus should offer %d", kinds[k], k, least)
		}
	}
}

func injectResolutionErrors(t *testing.T, eng *engine.Engine, reg *registry.Registry, p string, data []byte, r *extract.Resolution, kinds map[string]int) {
	t.Helper()
	var entry *registry.Resolution
	if r.Certainty == resolution.Sure && len(r.Letters) <= 1 {
		if pre, ok := resolution.Prefix(r.Organ, r.Kind); ok {
			entry, _ = reg.LookupSymbol(r.Keys(pre)[0])
		}
	}
	// A wrong day in a date the registry knows.
	if entry != nil && r.Date == entry.Date && r.DateText == resolution.FormatDate(r.Date) && kinds["wrong day"] < 150 {
		day := resolution.Atoi(r.Date[8:])
		wrong := day + 1
		if wrong > 28 {
			wrong = day - 1
		}
		bad := fmt.Sprintf("%d %s", wrong, r.DateText[strings.Index(r.DateText, " ")+1:])
		expectFinding(t, eng, p, splice(data, r.DateStart, r.DateEnd, bad), "resolution-date", r.DateStart, bad)
		kinds["wrong day"]++
	}
	// An impossible date: 31 April, 29 February of a common year.
	if r.Date != "" && r.DateText == resolution.FormatDate(r.Date) && kinds["impossible date"] < 60 {
		bad := "31 April " + r.Date[:4]
		if kinds["impossible date"]%2 == 1 {
			bad = "29 February 2023"
		}
		expectFinding(t, eng, p, splice(data, r.DateStart, r.DateEnd, bad), "resolution-form", r.DateStart, bad)
		kinds["impossible date"]++
	}
	// A General Assembly symbol in the form of the wrong era: "64/182"
	// written "182 (LXIV)".
	if r.Certainty == resolution.Sure && r.Organ == "GA" && r.Form == resolution.FormSession && len(r.Letters) == 0 && r.SessionNum >= 31 && kinds["wrong era"] < 60 {
		bad := fmt.Sprintf("%s (%s)", r.Number, resolution.Roman(r.SessionNum))
		expectFinding(t, eng, p, splice(data, r.NumStart, r.NumEnd, bad), "resolution-form", r.NumStart, bad)
		kinds["wrong era"]++
	}
	// A Security Council year that does not fit the number.
	if r.Organ == "SC" && r.Form == resolution.FormSecurityCouncil && r.Date == "" && kinds["wrong Security Council year"] < 80 {
		if lo, hi, _, _, ok := reg.SecurityCouncilNumbering().Bounds(resolution.Atoi(r.Number)); ok && lo == hi {
			bad := fmt.Sprintf("%s (%d)", r.Number, r.Year-7)
			expectFinding(t, eng, p, splice(data, r.NumStart, r.NumEnd, bad), "resolution-form", r.NumStart, bad)
			kinds["wrong Security Council year"]++
		}
	}
}

// unrelated returns a registered treaty with a UNTS citation that is not t
// and not linked to it.
func unrelated(reg *registry.Registry, t *registry.Treaty) *registry.Treaty {
	for _, o := range reg.Treaties() {
		if len(o.UNTS) > 0 && o.UNTS[0].Number != "" && !reg.Related(o, t) {
			return o
		}
	}
	return nil
}

func splice(data []byte, start, end int, repl string) []byte {
	out := make([]byte, 0, len(data)+len(repl))
	out = append(out, data[:start]...)
	out = append(out, repl...)
	return append(out, data[end:]...)
}

func expectFinding(t *testing.T, eng *engine.Engine, path string, data []byte, rule string, at int, found string) {
	t.Helper()
	ds, _ := checkBytes(t, eng, path, data)
	f, _ := source.New(path, data)
	want := f.Pos(at)
	var got []string
	for _, d := range ds {
		if d.Rule == rule && d.Span.Start.Line == want.Line && (found == "" || d.Found == found) {
			return
		}
		got = append(got, fmt.Sprintf("%d:%d %s %s", d.Span.Start.Line, d.Span.Start.Col, d.Rule, d.Message))
	}
	t.Errorf("%s: injected %s error at line %d (%q) not caught; findings: %v", filepath.Base(path), rule, want.Line, found, got)
}
