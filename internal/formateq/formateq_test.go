package formateq

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/cli"
)

// The fixtures in testdata/formateq are texts of the regression corpus
// and their .docx and PDF versions, made by
// scripts/format-equivalence.sh --fixtures (LibreOffice, real footnotes):
//
//	ccpcj-draft-links-crime-terrorism.txt  the seed draft (testdata/drafts): a
//	    treaty-year error, superscript markers, footnote blocks cutting sentences
//	A_RES_80_1.md         Markdown front matter and footnotes ([^1], [^1]: …)
//	A_RES_80_20.txt       joined text: markers glued to words ("Bodies,1")
//	S_RES_0207_1965.txt   footnotes numbered 10–13 (from a yearly volume), set side
//	    by side in the .docx and PDF
//	A_C.2_80_L.25.txt     a draft as raw PDF text: masthead, page furniture,
//	    17 footnotes, three markers side by side ("Agreement,91011" in the PDF)
const fixtures = "../../testdata/formateq"

// run runs citecheck with args and adds its JSON output to results.
func run(t *testing.T, results map[string]*Result, args ...string) {
	t.Helper()
	var out, errOut bytes.Buffer
	args = append(append([]string{}, args...), "--no-config", "--format", "json")
	code := cli.Run(args, strings.NewReader(""), &out, &errOut)
	if code != 0 && code != 1 {
		t.Fatalf("citecheck %s: exit %d\n%s", strings.Join(args, " "), code, errOut.String())
	}
	read := ReadCheck
	if args[0] == "refs" {
		read = ReadRefs
	}
	if err := read(&out, Stem, results); err != nil {
		t.Fatalf("citecheck %s: %v", strings.Join(args, " "), err)
	}
}

func results(t *testing.T, files []string) map[string]*Result {
	t.Helper()
	res := map[string]*Result{}
	run(t, res, append([]string{"check", "--fail-on", "never"}, files...)...)
	run(t, res, append([]string{"refs"}, files...)...)
	return res
}

// TestFormatsAgree checks that each fixture's .docx and PDF give the same
// findings and references as its text.
func TestFormatsAgree(t *testing.T) {
	var texts []string
	for _, pat := range []string{"*.txt", "*.md"} {
		m, err := filepath.Glob(filepath.Join(fixtures, pat))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, m...)
	}
	if len(texts) < 3 {
		t.Fatalf("%d fixtures in %s", len(texts), fixtures)
	}
	want := results(t, texts)
	findings, refs := 0, 0
	for _, p := range texts {
		r := want[Stem(p)]
		if r == nil || len(r.Refs) == 0 {
			t.Fatalf("%s: no references in the text version", p)
		}
		if r.Err != "" {
			t.Fatalf("%s: %s", p, r.Err)
		}
		findings += len(r.Findings)
		refs += len(r.Refs)
	}
	if findings == 0 {
		t.Fatal("no findings in the text versions: the comparison would not test them")
	}
	t.Logf("%d texts: %d findings, %d references", len(texts), findings, refs)

	for _, ext := range []string{".docx", ".pdf"} {
		t.Run(ext[1:], func(t *testing.T) {
			if ext == ".pdf" {
				if _, err := exec.LookPath("pdftotext"); err != nil {
					t.Skip("pdftotext not installed (apt-get install poppler-utils)")
				}
			}
			var files []string
			for _, p := range texts {
				files = append(files, strings.TrimSuffix(p, filepath.Ext(p))+ext)
			}
			got := results(t, files)
			for _, p := range texts {
				name := Stem(p)
				g := got[name]
				if g == nil {
					g = &Result{}
				}
				if d := Diff(want[name], g); len(d) > 0 {
					t.Errorf("%s%s differs from %s:\n%s", name, ext, filepath.Base(p), strings.Join(d, "\n"))
				}
			}
		})
	}
}
