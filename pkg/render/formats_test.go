package render

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/source"
)

// update rewrites the golden files: go test ./pkg/render -update. It is
// the package's one -update flag; every renderer's test should use it
// (through checkGolden) rather than define its own, which would panic.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// checkGolden compares got with testdata/name, or rewrites the file when
// -update is set.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/render -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run go test ./pkg/render -update to accept it)\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}

// fixture is a run that exercises every path a renderer has: a fix, all
// three severities, a message full of characters that each format must
// escape, a non-ASCII path and message, a clean file, one that holds no
// text and an unreadable one.
type fixture struct {
	meta    Meta
	files   []*FileResult
	summary Summary
}

// specialMessage holds what breaks naive escaping: GitHub's %, ',' and ':'
// (in both data and properties), a newline and a CR, XML's <&>"', and a
// JSON-significant backslash.
const specialMessage = "title is 50% off: \"Convention, Drugs\"\nsee <&> 'annex' \\ end\r"

func newFixture(t testing.TB) fixture {
	t.Helper()
	mk := func(path, text string) *source.File {
		f, err := source.New(path, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	// span finds the n-th (1-based) occurrence of sub in f.
	span := func(f *source.File, sub string, n int) source.Span {
		off := -1
		for range n {
			i := strings.Index(string(f.Text[off+1:]), sub)
			if i < 0 {
				t.Fatalf("%q not in %s", sub, f.Path)
			}
			off += 1 + i
		}
		return f.Span(off, off+len(sub))
	}

	a := mk("drafts/a.txt", "Recalling the Single Convention on Narcotic Drugs of 1962,\n"+
		"Noting the Convention on Psychotropic\nSubstances of 1971,\n"+
		"Recalling its resolution 70/1 of 25 September 2015,\n")
	year := span(a, "1962", 1)
	title := source.Span{Start: span(a, "Convention on Psychotropic", 1).Start, End: span(a, "Substances", 1).End}
	res := span(a, "70/1", 1)

	b := mk("drafts/b-clean.txt", "Reaffirming the Charter of the United Nations,\n")

	fr := mk("drafts/projet de résolution, rév. 1.txt", "Rappelant la Convention relative aux droits de l’enfant de 1990,\r\n"+
		"مع الإشارة إلى اتفاقية حقوق الطفل،\r\n")
	fyear := span(fr, "1990", 1)
	farabic := span(fr, "اتفاقية حقوق الطفل", 1)

	files := []*FileResult{
		{Path: a.Path, Source: a, Diagnostics: []diag.Diagnostic{
			{
				Path: a.Path, Span: year, Rule: "treaty-year", Severity: diag.Error,
				Message: `the Single Convention on Narcotic Drugs was adopted in 1961, not "1962"`,
				Found:   "1962", Expected: "1961", Treaty: "single-convention-1961",
				Fix:     &diag.Fix{Span: year, Replacement: "1961"},
				Context: "Single Convention on Narcotic Drugs of 1962",
			},
			{
				Path: a.Path, Span: title, Rule: "treaty-title", Severity: diag.Warning,
				Message: specialMessage,
				Found:   "Convention on Psychotropic\nSubstances", Expected: "Convention on Psychotropic Substances",
				Treaty: "psychotropic-1971",
			},
			{
				Path: a.Path, Span: res, Rule: "resolution-symbol", Severity: diag.Info,
				Message: `resolution "70/1" is cited without its title`,
				Found:   "70/1",
			},
		}},
		{Path: b.Path, Source: b},
		{Path: "drafts/c-blank.md", Notice: "holds no text"},
		{Path: "drafts/missing.txt", Err: errors.New("open drafts/missing.txt: no such file or directory")},
		{Path: fr.Path, Source: fr, Diagnostics: []diag.Diagnostic{
			{
				Path: fr.Path, Span: fyear, Rule: "treaty-year", Severity: diag.Error,
				Message: "la Convention relative aux droits de l’enfant a été adoptée en 1989, non « 1990 »",
				Found:   "1990", Expected: "1989", Treaty: "crc",
			},
			{
				Path: fr.Path, Span: farabic, Rule: "treaty-title", Severity: diag.Warning,
				Message: "العنوان الرسمي هو «اتفاقية حقوق الطفل» — 儿童权利公约",
				Found:   "اتفاقية حقوق الطفل", Treaty: "crc",
			},
		}},
	}
	sum := Summary{ByRule: map[string]int{}}
	for _, f := range files {
		sum.Add(f)
	}
	return fixture{
		meta: Meta{
			Version: "1.2.3-test",
			// Deliberately not sorted: SARIF must sort them.
			Rules: []RuleInfo{
				{ID: "treaty-year", Severity: diag.Error, Short: "Reports a treaty cited with the wrong year of adoption.", HelpURI: "https://github.com/citecheck/citecheck/blob/main/docs/rules.md#treaty-year"},
				{ID: "resolution-symbol", Severity: diag.Info, Short: "Reports a resolution cited by symbol alone.", HelpURI: "https://github.com/citecheck/citecheck/blob/main/docs/rules.md#resolution-symbol"},
				{ID: "treaty-title", Severity: diag.Warning, Short: "Reports a treaty cited by a title that is not its official one.", HelpURI: "https://github.com/citecheck/citecheck/blob/main/docs/rules.md#treaty-title"},
			},
		},
		files:   files,
		summary: sum,
	}
}

// run renders fx with r, as the engine would.
func (fx fixture) run(t testing.TB, r Renderer) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := r.Start(&b, fx.meta); err != nil {
		t.Fatal(err)
	}
	for _, f := range fx.files {
		if err := r.File(&b, f); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Finish(&b, fx.summary); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func newRenderer(t testing.TB, format string) Renderer {
	t.Helper()
	r, err := New(format, Options{Version: "0.0.0-options"})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// goldenExt names each format's golden file by the extension its output
// would have, so editors highlight it.
var goldenExt = map[string]string{
	"checkstyle": "checkstyle.xml",
	"github":     "github.txt",
	"gitlab":     "gitlab.json",
	"html":       "html",
	"jsonl":      "jsonl",
	"junit":      "junit.xml",
	"sarif":      "sarif",
}

// streamFormats are the machine formats whose tests live in this file and
// beside it (text and json have their own). The generic tests below run
// over them; a format can join by adding itself here and to goldenExt.
var streamFormats = []string{"checkstyle", "github", "gitlab", "html", "jsonl", "junit", "sarif"}

func TestGolden(t *testing.T) {
	fx := newFixture(t)
	for _, format := range streamFormats {
		t.Run(format, func(t *testing.T) {
			checkGolden(t, "golden."+goldenExt[format], fx.run(t, newRenderer(t, format)))
		})
	}
}

// TestDeterministic renders the same run twice: no map order or clock may
// reach the output.
func TestDeterministic(t *testing.T) {
	for _, format := range streamFormats {
		t.Run(format, func(t *testing.T) {
			first := newFixture(t).run(t, newRenderer(t, format))
			second := newFixture(t).run(t, newRenderer(t, format))
			if !bytes.Equal(first, second) {
				t.Errorf("two renders differ:\n%s\n---\n%s", first, second)
			}
		})
	}
}

// TestEmptyRun renders a run over no files, which every format must still
// close properly.
func TestEmptyRun(t *testing.T) {
	for _, format := range streamFormats {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			r := newRenderer(t, format)
			if err := r.Start(&b, Meta{}); err != nil {
				t.Fatal(err)
			}
			if err := r.Finish(&b, Summary{}); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, "empty."+goldenExt[format], b.Bytes())
		})
	}
}

func TestNewUnknownFormat(t *testing.T) {
	_, err := New("yaml", Options{})
	if err == nil {
		t.Fatal("New(\"yaml\") succeeded")
	}
	for _, name := range Formats() {
		if !strings.Contains(err.Error(), `"`+name+`"`) {
			t.Errorf("error %q does not list %q", err, name)
		}
	}
}

func TestFormatsAllConstruct(t *testing.T) {
	names := Formats()
	if !slices.IsSorted(names) {
		t.Errorf("Formats() = %q, not sorted", names)
	}
	for _, name := range names {
		r, err := New(name, Options{})
		if err != nil || r == nil {
			t.Errorf("New(%q) = %v, %v", name, r, err)
		}
	}
	names[0] = "changed"
	if Formats()[0] == "changed" {
		t.Error("Formats() returns the package's own slice")
	}
}

// TestReuse runs one renderer twice: Start must reset whatever the
// previous run left behind.
func TestReuse(t *testing.T) {
	fx := newFixture(t)
	for _, name := range streamFormats {
		r := newRenderer(t, name)
		if first, second := fx.run(t, r), fx.run(t, r); !bytes.Equal(first, second) {
			t.Errorf("%s: a second run differs:\n%s\n---\n%s", name, first, second)
		}
	}
}

type failWriter struct{ after int }

var errWrite = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if w.after <= 0 {
		return 0, errWrite
	}
	w.after--
	return len(p), nil
}

// TestWriteErrors checks that every renderer reports a failed write rather
// than dropping it.
func TestWriteErrors(t *testing.T) {
	fx := newFixture(t)
	for _, format := range streamFormats {
		t.Run(format, func(t *testing.T) {
			r := newRenderer(t, format)
			w := &failWriter{}
			var errs []error
			errs = append(errs, r.Start(w, fx.meta))
			for _, f := range fx.files {
				errs = append(errs, r.File(w, f))
			}
			errs = append(errs, r.Finish(w, fx.summary))
			failed := 0
			for _, err := range errs {
				if err != nil {
					failed++
					if !errors.Is(err, errWrite) {
						t.Errorf("error %v does not wrap the write error", err)
					}
				}
			}
			// Formats with no header write nothing at Start or for a
			// clean file; every call that writes must fail.
			if failed == 0 {
				t.Error("no call reported the failed write")
			}
		})
	}
}
