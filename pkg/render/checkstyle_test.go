package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/source"
)

type checkstyleDoc struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []struct {
		Name   string `xml:"name,attr"`
		Errors []struct {
			Line     int    `xml:"line,attr"`
			Column   int    `xml:"column,attr"`
			Severity string `xml:"severity,attr"`
			Message  string `xml:"message,attr"`
			Source   string `xml:"source,attr"`
		} `xml:"error"`
	} `xml:"file"`
}

// parseXML decodes out strictly into v and fails on anything after the
// root element.
func parseXML(t *testing.T, out []byte, v any) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = true
	if err := dec.Decode(v); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, out)
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if cd, ok := tok.(xml.CharData); ok && len(bytes.TrimSpace(cd)) == 0 {
			continue
		}
		t.Fatalf("unexpected %T %v after the root element", tok, tok)
	}
}

// TestCheckstyleParses reads the output back and checks that every file
// and finding is there with its text unchanged.
func TestCheckstyleParses(t *testing.T) {
	fx := newFixture(t)
	var doc checkstyleDoc
	parseXML(t, fx.run(t, &Checkstyle{}), &doc)
	if doc.Version != "4.3" {
		t.Errorf("version = %q", doc.Version)
	}
	if len(doc.Files) != len(fx.files) {
		t.Fatalf("%d <file> elements, want %d (clean files included)", len(doc.Files), len(fx.files))
	}
	for i, f := range fx.files {
		got := doc.Files[i]
		if got.Name != f.Path {
			t.Errorf("file %d name = %q, want %q", i, got.Name, f.Path)
		}
		errs := got.Errors
		if f.Err != nil {
			if len(errs) == 0 || errs[0].Message != f.Err.Error() || errs[0].Source != "citecheck.unreadable" || errs[0].Line != 0 {
				t.Errorf("%s: unreadable file reported as %+v", f.Path, errs)
				continue
			}
			errs = errs[1:]
		}
		if len(errs) != len(f.Diagnostics) {
			t.Fatalf("%s: %d errors, want %d", f.Path, len(errs), len(f.Diagnostics))
		}
		for j, d := range f.Diagnostics {
			e := errs[j]
			if e.Line != d.Span.Start.Line || e.Column != d.Span.Start.Col || e.Severity != d.Severity.String() ||
				e.Message != withContext(&d) || e.Source != "citecheck."+d.Rule {
				t.Errorf("%s: error %d = %+v, want %v", f.Path, j, e, d)
			}
		}
	}
}

// TestCheckstyleInvalidXMLChars checks that characters XML 1.0 cannot hold
// (control characters) do not make the document unreadable.
func TestCheckstyleInvalidXMLChars(t *testing.T) {
	msg := "bell\x07 nul\x00 esc\x1b ok"
	f := &FileResult{Path: "a\x01.txt", Diagnostics: []diag.Diagnostic{{
		Path: "a.txt", Span: source.Span{Start: source.Pos{Line: 1, Col: 1}}, Rule: "r", Severity: diag.Error, Message: msg,
	}}}
	for _, r := range []Renderer{&Checkstyle{}, &JUnit{}} {
		var b bytes.Buffer
		if err := errors.Join(r.Start(&b, Meta{}), r.File(&b, f), r.Finish(&b, Summary{})); err != nil {
			t.Fatal(err)
		}
		var v struct{}
		parseXML(t, b.Bytes(), &v)
		if !strings.Contains(b.String(), " ok") {
			t.Errorf("%T dropped the message:\n%s", r, b.Bytes())
		}
	}
}
