package resolution

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

const corpusDir = "../../testdata/corpus"

// corpusDoc is one real UN text of testdata/corpus, cleaned.
type corpusDoc struct {
	name    string   // "sc-gold/S_RES_0271_1969.txt"
	texts   []string // body, then footnotes
	organ   string
	docDate string
}

var (
	distrDateRE = regexp.MustCompile(`Distr\.:\s+\w+\s+(\d{1,2} [A-Z][a-z]+ \d{4})`)
	scNameRE    = regexp.MustCompile(`S_RES_\d+_(\d{4})`)
)

func loadCorpus(t testing.TB) []corpusDoc {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, "*", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	sort.Strings(files)
	var docs []corpusDoc
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p := Plain(string(data), strings.HasSuffix(f, ".md"))
		d := corpusDoc{name: filepath.Base(filepath.Dir(f)) + "/" + filepath.Base(f), texts: append([]string{p.Body}, p.Notes...), organ: "GA"}
		switch {
		case scNameRE.MatchString(f):
			d.organ = "SC"
			d.docDate = scNameRE.FindStringSubmatch(f)[1] + "-12-31"
		case p.Meta["date"] != "":
			d.docDate = p.Meta["date"]
		default:
			if m := distrDateRE.FindStringSubmatch(p.Body); m != nil {
				if refs := Find("resolution 1/1 of " + m[1]); len(refs) == 1 && ValidDate(refs[0].Date) {
					d.docDate = refs[0].Date
				}
			}
		}
		docs = append(docs, d)
	}
	return docs
}

// knownErrors are errors the corpus texts really contain: each finding is
// right about the text. They are listed so that any other error fails the
// test.
var knownErrors = map[string]string{
	// The draft says "resolution 70/202 of 22 December 2025"; resolution
	// 70/202 was adopted in the seventieth session, on 22 December 2015.
	"ga-80-drafts/A_C.2_80_L.25.txt: resolution-date 22 December 2025": "error in the UN original",
	// "its resolutions 54 (1948) of 15 July 1948 and 93 (1951) of 18 May
	// 1948": resolution 93 (1951) cannot date from 1948.
	"sc-gold/S_RES_0171_1962.txt: resolution-date 18 May 1948": "error in the text",
	// The transcription reads "General Assembly resolution 2145 (XXII) of
	// 27 October 1966"; resolution 2145 belongs to the twenty-first session.
	"sc-gold/S_RES_0264_1969.txt: resolution-date 27 October 1966": "error in the text",
	"sc-gold/S_RES_0276_1970.txt: resolution-date 27 October 1966": "error in the text",
	// OCR: the heading reads "Resolution 434 (1973) of 18 September 1978".
	"sc-gold/S_RES_0434_1978.txt: resolution-date 18 September 1978": "OCR error in the heading",
	// OCR: "274 (1959) of 11 December 1969" for 274 (1969).
	"sc-gold/S_RES_0281_1970.txt: resolution-date 11 December 1969": "OCR error",
}

// TestCorpusNoFalseErrors runs Find and Check over real resolutions and
// drafts: they are believed correct, so every error must be a known one.
func TestCorpusNoFalseErrors(t *testing.T) {
	reg := defaultReg(t)
	seen := map[string]bool{}
	counts := map[string]int{}
	refs := 0
	for _, d := range loadCorpus(t) {
		for _, src := range d.texts {
			rs := Find(src)
			refs += len(rs)
			for _, f := range CheckWith(rs, reg, Options{DocDate: d.docDate, DocOrgan: d.organ}) {
				counts[f.Severity]++
				if f.Severity != "error" {
					t.Logf("%s: warning %s %q: %s", d.name, f.Rule, src[f.Start:f.End], f.Message)
					continue
				}
				key := fmt.Sprintf("%s: %s %s", d.name, f.Rule, src[f.Start:f.End])
				if _, ok := knownErrors[key]; ok {
					seen[key] = true
					continue
				}
				lo, hi := max(0, f.Start-80), min(len(src), f.End+40)
				t.Errorf("%s: unexpected error: %s\n    …%s…", key, f.Message, src[lo:hi])
			}
		}
	}
	for k := range knownErrors {
		if !seen[k] {
			t.Errorf("known error not reported: %s", k)
		}
	}
	if refs < 1000 {
		t.Errorf("only %d references found in the corpus", refs)
	}
	t.Logf("%d references, %d errors (all known), %d warnings", refs, counts["error"], counts["warning"])
}

// TestCorpusInjected plants errors in real sentences of the corpus and
// checks that each is caught, at the right place.
func TestCorpusInjected(t *testing.T) {
	reg := defaultReg(t)
	var dates, impossible, eras, scYears int
	for _, d := range loadCorpus(t) {
		src := d.texts[0]
		refs := Find(src)
		for _, r := range refs {
			if r.Kind == "symbol" {
				continue
			}
			organ, cert := r.ResolveOrgan(d.organ)
			var entry *Entry
			if cert == Sure {
				if keys := RegistryKeys(&r, organ); len(keys) == 1 {
					entry, _ = reg.Lookup(keys[0])
				}
			}
			// A wrong day in a date the registry knows.
			if entry != nil && r.Date == entry.Date && r.DateText == FormatDate(r.Date) {
				day := atoi(r.Date[8:])
				wrong := day + 1
				if wrong > 28 {
					wrong = day - 1
				}
				bad := fmt.Sprintf("%d %s", wrong, r.DateText[strings.Index(r.DateText, " ")+1:])
				mod := src[:r.DateStart] + bad + src[r.DateEnd:]
				expectFinding(t, d.name, mod, reg, d, RuleDate, "error", r.DateStart, r.DateStart+len(bad))
				dates++
			}
			// An impossible date: 31 April, 29 February of a common year.
			if r.Date != "" && r.DateText == FormatDate(r.Date) && impossible < 60 {
				bad := "31 April " + r.Date[:4]
				if impossible%2 == 1 {
					bad = "29 February 2023"
				}
				mod := src[:r.DateStart] + bad + src[r.DateEnd:]
				expectFinding(t, d.name, mod, reg, d, RuleForm, "warning", r.DateStart, r.DateStart+len(bad))
				impossible++
			}
			// A General Assembly symbol in the form of the wrong era:
			// "64/182" written "182 (LXIV)".
			if cert == Sure && organ == "GA" && r.Form() == FormSession && len(r.Letters) == 0 {
				if n := atoi(r.Session); n >= 31 {
					bad := fmt.Sprintf("%s (%s)", r.Number, Roman(n))
					mod := src[:r.NumStart] + bad + src[r.NumEnd:]
					expectFinding(t, d.name, mod, reg, d, RuleForm, "warning", r.NumStart, r.NumStart+len(bad))
					eras++
				}
			}
			// A Security Council year that does not fit the number.
			if organ == "SC" && r.Form() == FormSecurityCouncil && r.Date == "" {
				if lo, hi, _, _, ok := reg.sc.bounds(atoi(r.Number)); ok && lo == hi {
					bad := fmt.Sprintf("%s (%d)", r.Number, r.Year-7)
					mod := src[:r.NumStart] + bad + src[r.NumEnd:]
					expectFinding(t, d.name, mod, reg, d, RuleForm, "warning", r.NumStart, r.NumStart+len(bad))
					scYears++
				}
			}
		}
	}
	t.Logf("caught %d wrong dates, %d impossible dates, %d wrong-era symbols, %d wrong Security Council years", dates, impossible, eras, scYears)
	if dates < 100 || impossible < 50 || eras < 20 || scYears < 50 {
		t.Errorf("too few injections: %d, %d, %d, %d", dates, impossible, eras, scYears)
	}
}

func expectFinding(t *testing.T, name, src string, reg *Registry, d corpusDoc, rule, severity string, start, end int) {
	t.Helper()
	for _, f := range CheckWith(Find(src), reg, Options{DocDate: d.docDate, DocOrgan: d.organ}) {
		if f.Rule == rule && f.Severity == severity && f.Start == start && f.End == end {
			return
		}
	}
	lo, hi := max(0, start-80), min(len(src), end+40)
	t.Errorf("%s: no %s %s at %q\n    …%s…", name, severity, rule, src[start:end], src[lo:hi])
}

// textBytes is the size of the texts the benchmarks read.
func textBytes(docs []corpusDoc) int64 {
	size := 0
	for _, d := range docs {
		for _, s := range d.texts {
			size += len(s)
		}
	}
	return int64(size)
}

// BenchmarkFindCheck measures Find and Check over the test corpus.
func BenchmarkFindCheck(b *testing.B) {
	docs := loadCorpus(b)
	reg := defaultReg(b)
	b.SetBytes(textBytes(docs))
	for b.Loop() {
		for _, d := range docs {
			for _, s := range d.texts {
				CheckWith(Find(s), reg, Options{DocDate: d.docDate, DocOrgan: d.organ})
			}
		}
	}
}

// BenchmarkFind measures Find alone over the test corpus.
func BenchmarkFind(b *testing.B) {
	docs := loadCorpus(b)
	b.SetBytes(textBytes(docs))
	for b.Loop() {
		for _, d := range docs {
			for _, s := range d.texts {
				Find(s)
			}
		}
	}
}

// BenchmarkCheck measures CheckWith alone over the references Find reads
// in the test corpus.
func BenchmarkCheck(b *testing.B) {
	docs := loadCorpus(b)
	reg := defaultReg(b)
	type job struct {
		refs []Ref
		opt  Options
	}
	var jobs []job
	for _, d := range docs {
		for _, s := range d.texts {
			jobs = append(jobs, job{Find(s), Options{DocDate: d.docDate, DocOrgan: d.organ}})
		}
	}
	for b.Loop() {
		for _, j := range jobs {
			CheckWith(j.refs, reg, j.opt)
		}
	}
}
