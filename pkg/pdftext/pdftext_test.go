package pdftext

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/citecheck/citecheck/internal/golden"
	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/source"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.txt from the current output")

// The fixtures: draft.pdf and continued.pdf were written by LibreOffice
// from the .fodt beside them (testdata/make-fixtures.sh); the A_RES_80_*
// PDFs are official United Nations PDFs.
var fixtures = []string{"draft", "continued", "A_RES_80_73", "A_RES_80_57", "A_RES_80_20"}

func readFixture(t testing.TB, name string, opt Options) string {
	t.Helper()
	needPdftotext(t)
	data, err := os.ReadFile(filepath.Join("testdata", name+".pdf"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := Read(context.Background(), data, opt)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v.Text
}

func TestGolden(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			got := readFixture(t, name, Options{})
			path := filepath.Join("testdata", name+".golden.txt")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./pkg/pdftext -run Golden -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s: text view differs from %s (run with -update to accept):\n%s", name, path, golden.Diff(got, string(want)))
			}
		})
	}
}

// TestParse reads the view with pkg/document, as the checker does, and
// checks that every footnote is found with its label and text and that
// the body's markers link to them.
func TestParse(t *testing.T) {
	type fn struct{ label, text string }
	tests := []struct {
		name  string
		notes []fn
		// markers: each label's marker stands right after this body text.
		markers map[string]string
	}{
		{
			name: "draft",
			notes: []fn{
				{"*", "Fixture drawn up for the citecheck tests; not a real draft."},
				{"1", "United Nations, Treaty Series, vol. 976, No. 14152."},
				{"2", "Ibid., vol. 1019, No. 14956."},
				{"3", "Ibid., vol. 1582, No. 27627."},
				{"4", "United Nations, Treaty Series, vol. 2225, No. 39574."},
				{"5", "Ibid., vol. 2349, No. 42146."},
				{"6", "See Official Records of the Economic and Social Council, 2019, Supplement No. 8 (E/2019/28), chap. I, sect. B."},
			},
			markers: map[string]string{
				"1": "as amended by the 1972 Protocol,",
				"2": "Psychotropic Substances of 1971",
				"3": "Psychotropic Substances of 1988,",
				"4": "Transnational Organized Crime",
				"5": "Convention against Corruption,",
				"6": "political declaration of 2019,",
			},
		},
		{
			name: "continued",
			notes: []fn{
				{"1", "United Nations, Treaty Series, vol. 1833, No. 31363."},
				{"2", "Ibid., vol. 1836, No. 31364."},
				{"3", "Ibid., vol. 2167, No. 37924. The Agreement was adopted on 4 August 1995"},
				{"4", "A/CONF.232/2023/4."},
			},
			markers: map[string]string{
				"1": "Law of the Sea,",
				"2": "Part XI of the Convention,",
				"3": "Highly Migratory Fish Stocks,",
				// The sentence runs on across the page break.
				"4": "Areas beyond National Jurisdiction of 2023,",
			},
		},
		{
			name: "A_RES_80_73",
			notes: []fn{
				{"1", "A/80/327."},
				{"2", "United Nations, Treaty Series, vol. 75, No. 973."},
			},
			markers: map[string]string{
				"1": "on the situation in the Middle East,",
				"2": "Time of War, of 12 August 1949,",
			},
		},
		{
			name: "A_RES_80_20",
			notes: []fn{
				{"1", "United Nations, Treaty Series, vol. 610, No. 8843."},
				{"2", "See CD/1839."},
				{"3", "See CD/1985."},
				{"4", "A/79/364."},
				{"5", "A/AC.297/2025/3."},
				{"6", "A/AC.297/2025/CRP.2/Rev.5."},
				{"7", "Argentina, Armenia, Belarus, Bolivia (Plurinational State of), Brazil,"},
				{"8", "See resolution S-10/2."},
			},
			markers: map[string]string{
				"1": "including the Moon and Other Celestial Bodies,",
				"4": "Welcoming the substantive report",
				"6": "indicative timetable for 2025–2028",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := readFixture(t, tc.name, Options{})
			f, err := source.New(tc.name+".txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			d := document.Parse(f)
			var labels []string
			for _, n := range d.Footnotes {
				labels = append(labels, n.Label)
			}
			if len(d.Footnotes) != len(tc.notes) {
				t.Fatalf("footnotes %q, want %d", labels, len(tc.notes))
			}
			for i, want := range tc.notes {
				got := d.Footnotes[i]
				if got.Label != want.label || !strings.HasPrefix(got.Text.Text, want.text) {
					t.Errorf("footnote %d = %q %q, want %q %q…", i, got.Label, got.Text.Text, want.label, want.text)
				}
			}
			linked := map[string]bool{}
			for _, m := range d.Markers {
				if d.Footnote(m.Label, 0) == nil {
					t.Errorf("marker %q at %d links to no footnote", m.Label, m.At)
				}
				linked[m.Label] = true
				if before, ok := tc.markers[m.Label]; ok {
					body := strings.Join(strings.Fields(d.Body.Text[:m.At]), " ")
					if !strings.HasSuffix(body, before) {
						t.Errorf("marker %s follows %q, want …%q", m.Label, tail(body, 60), before)
					}
				}
			}
			for _, n := range tc.notes {
				if n.label != "*" && !linked[n.label] {
					t.Errorf("no body marker links to footnote %s", n.label)
				}
			}
		})
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

func TestMissingProgram(t *testing.T) {
	pdf := []byte("%PDF-1.4\n")
	_, err := Read(context.Background(), pdf, Options{Pdftotext: filepath.Join(t.TempDir(), "no", "pdftotext")})
	if !errors.Is(err, ErrNoPdftotext) {
		t.Fatalf("err = %v, want ErrNoPdftotext", err)
	}
	for _, want := range []string{"pdftotext not found", "poppler-utils", "apt-get install poppler-utils", "brew install poppler"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}

	t.Setenv("PATH", t.TempDir())
	_, err = Read(context.Background(), pdf, Options{})
	if !errors.Is(err, ErrNoPdftotext) || !strings.Contains(err.Error(), "apt-get install poppler-utils") {
		t.Fatalf("with pdftotext off PATH: err = %v, want ErrNoPdftotext", err)
	}
}

func TestNotPDF(t *testing.T) {
	_, err := Read(context.Background(), []byte("PK\x03\x04 a zip file"), Options{Pdftotext: "/nonexistent"})
	if !errors.Is(err, ErrNotPDF) {
		t.Fatalf("err = %v, want ErrNotPDF", err)
	}
}

func TestBrokenPDF(t *testing.T) {
	needPdftotext(t)
	_, err := Read(context.Background(), []byte("%PDF-1.7\nnot really\n"), Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "pdftotext: ") {
		t.Fatalf("err = %v, want a pdftotext error", err)
	}
}

// fakeProgram writes an executable script standing in for pdftotext.
func fakeProgram(t *testing.T, script string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("needs a POSIX shell")
	}
	path := filepath.Join(t.TempDir(), "pdftotext")
	if err := os.WriteFile(path, []byte("#!/bin/sh\nPATH=/usr/bin:/bin:$PATH\n"+script+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTimeout(t *testing.T) {
	prog := fakeProgram(t, "exec sleep 30")
	start := time.Now()
	_, err := Read(context.Background(), []byte("%PDF-1.4\n"), Options{Pdftotext: prog, Timeout: 200 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v to time out", d)
	}
}

func TestArguments(t *testing.T) {
	// The program gets the PDF on its standard input and writes to its
	// standard output; no shell is involved, and MaxPages becomes -l.
	dir := t.TempDir()
	prog := fakeProgram(t, `printf '%s\n' "$@" > `+dir+`/args; cat > `+dir+`/stdin; echo '<doc><page width="100" height="100"><word xMin="1" yMin="1" xMax="9" yMax="9">ok</word></page></doc>'`)
	pdf := []byte("%PDF-1.4\n% a; rm -rf / `x` $(y)\n")
	v, err := Read(context.Background(), pdf, Options{Pdftotext: prog, MaxPages: 3})
	if err != nil {
		t.Fatal(err)
	}
	if v.Text != "ok\n" {
		t.Errorf("text = %q", v.Text)
	}
	args, _ := os.ReadFile(filepath.Join(dir, "args"))
	if got, want := string(args), "-enc\nUTF-8\n-bbox-layout\n-l\n3\n-\n-\n"; got != want {
		t.Errorf("args = %q, want %q", got, want)
	}
	stdin, _ := os.ReadFile(filepath.Join(dir, "stdin"))
	if string(stdin) != string(pdf) {
		t.Errorf("stdin = %q", stdin)
	}
}

func TestMaxPages(t *testing.T) {
	all := readFixture(t, "A_RES_80_73", Options{})
	first := readFixture(t, "A_RES_80_73", Options{MaxPages: 1})
	if !strings.HasPrefix(all, first) || len(first) >= len(all) {
		t.Errorf("first page is not a prefix of the whole view:\n%s", first)
	}
	if strings.Contains(first, "plenary meeting") {
		t.Errorf("MaxPages 1 read the last page")
	}
}

// TestStderrCapped: a pdftotext that floods its standard error before
// failing costs at most maxStderr bytes, and its error stays one short
// line. (exec copies into the writer with io.Copy, which handed the old
// buffer, an io.ReaderFrom, the whole stream.)
func TestStderrCapped(t *testing.T) {
	prog := fakeProgram(t, "head -c 20000000 /dev/zero | tr '\\0' x >&2; exit 1")
	_, err := Read(context.Background(), []byte("%PDF-1.4\n"), Options{Pdftotext: prog})
	if err == nil {
		t.Fatal("no error")
	}
	if n := len(err.Error()); n > maxStderr+100 {
		t.Errorf("error is %d bytes long, want at most the %d kept of standard error", n, maxStderr)
	}
}

// TestCappedWriter: io.Copy into the stderr writer keeps max bytes and
// reports every write as done, so the program is never blocked or killed
// by a broken pipe.
func TestCappedWriter(t *testing.T) {
	w := &cappedWriter{max: 100}
	n, err := io.Copy(w, strings.NewReader(strings.Repeat("x", 1<<20)))
	if err != nil || n != 1<<20 {
		t.Fatalf("io.Copy = %d, %v", n, err)
	}
	if len(w.buf) != 100 {
		t.Errorf("kept %d bytes, want 100", len(w.buf))
	}
}

// TestOutputCapped: a pdftotext whose output never ends is stopped at
// MaxOutput, and the error names the flag that raises it.
func TestOutputCapped(t *testing.T) {
	prog := fakeProgram(t, `echo '<doc><page width="100" height="100">'; exec yes '<word xMin="1" yMin="1" xMax="2" yMax="2">a</word>'`)
	start := time.Now()
	_, err := Read(context.Background(), []byte("%PDF-1.4\n"), Options{Pdftotext: prog, MaxOutput: 1 << 20})
	var oe *OutputError
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), "--max-pdf-output") {
		t.Fatalf("err = %v, want an OutputError naming --max-pdf-output", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v to stop", d)
	}
}

// TestPages: the view's places are the pages, each at the first line it
// contributes, so that a finding can say "page 2". The sentence broken
// across the page break goes on on page 2, with page 2's footnote.
func TestPages(t *testing.T) {
	needPdftotext(t)
	data, err := os.ReadFile(filepath.Join("testdata", "continued.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := Read(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range v.Paragraphs {
		got = append(got, fmt.Sprintf("%d %s %d %s", p.Line, p.Part, p.Index, p.Label))
	}
	if want := []string{"1 page 1 page 1", "33 page 2 page 2"}; !slices.Equal(got, want) {
		t.Errorf("places = %q, want %q", got, want)
	}
	for line, want := range map[int]string{1: "page 1", 31: "page 1", 33: "page 2", 41: "page 2"} {
		if got := v.Locate(line).Label; got != want {
			t.Errorf("Locate(%d) = %q, want %q", line, got, want)
		}
	}
}
