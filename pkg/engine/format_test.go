package engine_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/engine"
)

// TestDetect: the format comes from magic bytes first (whatever the
// name), then the extension, then a guess from the content, else text.
func TestDetect(t *testing.T) {
	tests := []struct {
		path, head, want string
	}{
		{"a.txt", "Recalling", "text"},
		{"a.TEXT", "Recalling", "text"},
		{"a.md", "# Title", "markdown"},
		{"a.markdown", "# Title", "markdown"},
		{"a.docx", "PK\x03\x04", "docx"},
		{"a.txt", "PK\x03\x04", "docx"}, // a .docx saved as .txt
		{"a.docx", "%PDF-1.7", "pdf"},
		{"a.pdf", "%PDF-1.4", "pdf"},
		{"a.pdf", "not a pdf", "pdf"}, // the reader says it is not one
		{"a.html", "<p>", "html"},
		{"a.htm", "<p>", "html"},
		{"a.xhtml", "<?xml version='1.0'?><html>", "html"},
		{"-", "<!DOCTYPE html><html>", "html"},
		{"README", "<html lang=en>", "html"},
		{"a.txt", "<html>", "text"}, // the name wins over a guess
		{"-", "Recalling", "text"},
		{"a.odt", "x", "text"},
	}
	for _, tt := range tests {
		if got := engine.Detect(tt.path, []byte(tt.head)).Name; got != tt.want {
			t.Errorf("Detect(%q, %q) = %s, want %s", tt.path, tt.head, got, tt.want)
		}
	}
}

// TestFormatTable: every row is complete, names and extensions are
// unique, and there is a text row, the fallback.
func TestFormatTable(t *testing.T) {
	seen := map[string]string{}
	for _, f := range engine.Formats {
		if f.Name == "" || f.Read == nil || len(f.Extensions) == 0 || len(f.Limits) == 0 {
			t.Errorf("format %q: incomplete row %+v", f.Name, f)
		}
		if engine.FormatByName(f.Name) != f {
			t.Errorf("format %q: FormatByName does not find it", f.Name)
		}
		for _, ext := range f.Extensions {
			if ext != strings.ToLower(ext) || !strings.HasPrefix(ext, ".") {
				t.Errorf("format %q: extension %q is not lower case with a dot", f.Name, ext)
			}
			if other, dup := seen[ext]; dup {
				t.Errorf("extension %q in %s and %s", ext, other, f.Name)
			}
			seen[ext] = f.Name
		}
	}
	if engine.FormatByName("text") == nil {
		t.Error("no text row (the fallback)")
	}
}

// TestExpandEveryExtension: a folder walk picks up a file of every
// extension in the table (.xhtml was detected but never walked), and
// nothing else.
func TestExpandEveryExtension(t *testing.T) {
	dir := t.TempDir()
	var want []string
	for _, ext := range engine.Extensions {
		name := filepath.Join(dir, "a"+ext)
		if err := os.WriteFile(name, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		want = append(want, filepath.ToSlash(name))
	}
	for _, other := range []string{"a.odt", "a.doc", "a.go"} {
		if err := os.WriteFile(filepath.Join(dir, other), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(want)
	var got []string
	for _, in := range engine.Expand([]string{dir}) {
		got = append(got, in.Path)
	}
	if !slices.Equal(got, want) {
		t.Errorf("Expand = %q\nwant %q", got, want)
	}
	if !slices.Contains(engine.Extensions, ".xhtml") {
		t.Error(".xhtml is not walked")
	}
}

// TestPlaces: every reader that is not plain text names where each line
// of its view comes from — paragraphs for .docx and HTML, pages for PDF —
// and a finding carries that place and the words around it.
func TestPlaces(t *testing.T) {
	eng := newEngine(t)
	tests := []struct {
		path    string
		context string
	}{
		{"../../testdata/drafts/ccpcj-draft-links-crime-terrorism.docx", `paragraph 4: "Convention on Narcotic Drugs of 1954 as amended by the 1972 Protocol,"`},
		{"../../testdata/drafts/ccpcj-draft-links-crime-terrorism.pdf", `page 1: "Narcotic Drugs of 1954 as amended by the 1972 Protocol,³"`},
		{"../../testdata/drafts/ccpcj-draft-links-crime-terrorism.txt", ""},
	}
	for _, tt := range tests {
		t.Run(filepath.Ext(tt.path), func(t *testing.T) {
			if strings.HasSuffix(tt.path, ".pdf") {
				if _, err := exec.LookPath("pdftotext"); err != nil {
					t.Skip("pdftotext not installed")
				}
			}
			r := eng.CheckOne(engine.Input{Path: tt.path})
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			if len(r.Diagnostics) != 1 {
				t.Fatalf("got %d findings, want 1", len(r.Diagnostics))
			}
			if got := r.Diagnostics[0].Context; got != tt.context {
				t.Errorf("context = %q, want %q", got, tt.context)
			}
		})
	}
}
