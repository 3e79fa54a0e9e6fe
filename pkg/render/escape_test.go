package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/source"
)

func TestPrintable(t *testing.T) {
	tests := map[string]string{
		"plain": "plain",
		"Convention relative aux droits de l’enfant": "Convention relative aux droits de l’enfant",
		"اتفاقية حقوق الطفل":                         "اتفاقية حقوق الطفل",
		"a\nb.txt":                                   `a\nb.txt`,
		"\x1b]0;pwned\x07title":                      `\x1b]0;pwned\atitle`,
		"\x1b[2Jclear":                               `\x1b[2Jclear`,
		"tab\there\r":                                `tab\there\r`,
		"csi \u009b31m, del \x7f":                    `csi \u009b31m, del \x7f`,
		"bad \xff byte":                              `bad \xff byte`,
		"":                                           "",
	}
	for in, want := range tests {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTextEscapesControls: escape sequences in a draft, and a line break
// in a file name, are shown escaped in the text format, with the caret
// still under the cited text; JSON keeps the exact text.
func TestTextEscapesControls(t *testing.T) {
	line := "\x1b]0;pwned\x07\x1b[2JRecalling the Convention of 1954,"
	f, err := source.New("evil\nname.txt", []byte(line+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(line, "1954")
	d := diag.Diagnostic{Path: f.Path, Rule: "treaty-year", Severity: diag.Error,
		Message: "year \x1b[31m1954\x1b[0m", Context: "page 1: \"\x1b[2J\"",
		Span: source.Span{Start: f.Pos(at), End: f.Pos(at + 4)}}
	res := &FileResult{Path: f.Path, Source: f, Diagnostics: []diag.Diagnostic{d}}

	var b bytes.Buffer
	tr := &Text{}
	_ = tr.Start(&b, Meta{})
	if err := tr.File(&b, res); err != nil {
		t.Fatal(err)
	}
	if err := tr.File(&b, &FileResult{Path: "x\x1b[2J.txt", Err: errors.New("bad \x1b]0;t\x07")}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("raw control characters in the text output:\n%q", out)
	}
	want := `evil\nname.txt:1:43: error: year \x1b[31m1954\x1b[0m [treaty-year]
  |
1 | \x1b]0;pwned\a\x1b[2JRecalling the Convention of 1954,
  |                                                  ^~~~
   = in: page 1: "\x1b[2J"
x\x1b[2J.txt: error: bad \x1b]0;t\a
`
	if out != want {
		t.Errorf("text output:\n%s\nwant:\n%s", out, want)
	}

	b.Reset()
	j := &JSON{}
	_ = j.Start(&b, Meta{})
	_ = j.File(&b, res)
	_ = j.Finish(&b, Summary{})
	var got struct {
		Diagnostics []struct {
			Path, Message string
		}
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Path != f.Path || got.Diagnostics[0].Message != d.Message {
		t.Errorf("JSON changed the text: %+v", got.Diagnostics)
	}
}
