package cli_test

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/cli"
)

// TestBlankDocx: a .docx of blank pages (python-docx's templates, an
// empty notes file under pre-commit) is read and holds no text — a notice,
// exit 0 — where it used to be "could not be read", exit 3.
func TestBlankDocx(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p/><w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>` +
		`</w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "blank.docx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := cli.Run([]string{"check", path}, strings.NewReader(""), &out, &errb)
	if code != cli.ExitOK {
		t.Errorf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", code, cli.ExitOK, out.String(), errb.String())
	}
	want := filepath.ToSlash(path) + ": notice: holds no text\n1 file checked: no findings; 1 file holds no text\n"
	if out.String() != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out.String(), want)
	}
}
