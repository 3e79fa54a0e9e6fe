package pdftext

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/source"
)

// TestCorpus measures the reader against a folder of PDFs, and the plain
// pdftotext modes beside it, by what pkg/document makes of each text:
// how many "Treaty Series, vol. N, No. M" citations end up in a footnote
// that a body marker links to. It runs only when CITECHECK_PDF_CORPUS
// names the folder (scripts/pdf-compare.sh sets it); with
// CITECHECK_PDF_TEXTS naming a folder of text versions (*.md with
// "[^n]: …" footnotes) it also counts footnotes whose text matches theirs.
// CITECHECK_PDF_DUMP names a folder to write each text into.
func TestCorpus(t *testing.T) {
	dir := os.Getenv("CITECHECK_PDF_CORPUS")
	if dir == "" {
		t.Skip("set CITECHECK_PDF_CORPUS to a folder of PDFs")
	}
	needPdftotext(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) == 0 {
		t.Fatalf("no PDFs in %s", dir)
	}
	sort.Strings(files)
	texts := os.Getenv("CITECHECK_PDF_TEXTS")
	dump := os.Getenv("CITECHECK_PDF_DUMP")
	modes := []string{"view", "layout", "plain", "raw", "raw+join"}
	tot := map[string]*score{}
	for _, m := range modes {
		tot[m] = &score{}
	}
	var cited int // Treaty Series citations in the PDFs (pdftotext -raw)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".pdf")
		raw := pdftotextMode(t, f, "-raw")
		cited += len(tsCite.FindAllString(strings.Join(strings.Fields(raw), " "), -1))
		want := refNotes(filepath.Join(texts, name+".md"))
		for _, m := range modes {
			var text string
			switch m {
			case "view":
				v, err := Read(context.Background(), data, Options{})
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				text = v.Text
			case "raw":
				text = raw
			case "raw+join":
				// The least a post-processor of -raw must do: put each
				// footnote label back on its text's line.
				text = loneLabel.ReplaceAllString(raw, "$1  ")
			case "plain":
				text = pdftotextMode(t, f)
			default:
				text = pdftotextMode(t, f, "-"+m)
			}
			if dump != "" {
				os.WriteFile(filepath.Join(dump, name+"."+m+".txt"), []byte(text), 0o644)
			}
			s := measure(name, text, want)
			tot[m].add(s)
		}
	}
	t.Logf("%d PDFs, %d Treaty Series citations (pdftotext -raw)", len(files), cited)
	for _, m := range modes {
		s := tot[m]
		t.Logf("%-8s footnotes %4d (linked %4d)  TS citations in linked footnotes %3d/%d  markers %4d (dangling %3d)  text-version footnotes matched %d/%d",
			m, s.notes, s.linkedNotes, s.tsLinked, cited, s.markers, s.dangling, s.refMatched, s.refTotal)
	}
}

type score struct {
	notes, linkedNotes, tsLinked, markers, dangling, refMatched, refTotal int
}

func (s *score) add(o score) {
	s.notes += o.notes
	s.linkedNotes += o.linkedNotes
	s.tsLinked += o.tsLinked
	s.markers += o.markers
	s.dangling += o.dangling
	s.refMatched += o.refMatched
	s.refTotal += o.refTotal
}

var loneLabel = regexp.MustCompile(`(?m)^(\d{1,3})\n`)

var tsCite = regexp.MustCompile(`Treaty Series, vol\. \d+, No\. \d+`)

func measure(name, text string, want map[string]string) score {
	f, err := source.New(name, []byte(text))
	if err != nil {
		return score{}
	}
	d := document.Parse(f)
	var s score
	linked := map[string]bool{}
	for _, m := range d.Markers {
		s.markers++
		if d.Footnote(m.Label, 0) == nil {
			s.dangling++
		}
		linked[m.Label] = true
	}
	for _, n := range d.Footnotes {
		s.notes++
		if linked[n.Label] {
			s.linkedNotes++
			s.tsLinked += len(tsCite.FindAllString(n.Text.Text, -1))
		}
	}
	for lab, w := range want {
		s.refTotal++
		if n := d.Footnote(lab, 0); n != nil && squash(n.Text.Text) == squash(w) {
			s.refMatched++
		}
	}
	return s
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

var mdNote = regexp.MustCompile(`(?m)^\[\^(\w+)\]:\s*(.*(?:\n[ \t]+.*)*)`)

// refNotes reads the footnotes of a Markdown text version.
func refNotes(path string) map[string]string {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	notes := map[string]string{}
	for _, m := range mdNote.FindAllStringSubmatch(string(b), -1) {
		notes[m[1]] = m[2]
	}
	return notes
}

func pdftotextMode(t *testing.T, file string, mode ...string) string {
	t.Helper()
	args := append(append([]string{"-enc", "UTF-8"}, mode...), file, "-")
	out, err := exec.Command("pdftotext", args...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s %s: %v", mode, file, err)
	}
	return string(out)
}

// needPdftotext skips the test when pdftotext is not installed.
func needPdftotext(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
}
