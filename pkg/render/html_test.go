package render

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/source"
)

// TestHTMLEscapes feeds the page text made to break out of every context
// it lands in — element text, attributes, the href, the excerpt — and
// parses the result as a browser would: the only script is the page's
// own, and the text comes back as text.
func TestHTMLEscapes(t *testing.T) {
	evil := `</pre></td><script>alert(1)</script><img src=x onerror="alert(2)">`
	path := `drafts/"><script>alert(3)</script>.txt`
	f, err := source.New(path, []byte("Recalling the "+evil+" of 1962,\n"))
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(f.Text), "1962")
	d := diag.Diagnostic{Path: path, Span: f.Span(start, start+4), Rule: `treaty-year"><b>`, Severity: diag.Error,
		Message: evil, Found: "1962", Expected: evil, Treaty: `crc" onclick="alert(4)`, Context: evil,
		Fix: &diag.Fix{Span: f.Span(start, start+4), Replacement: evil}}
	fx := fixture{files: []*FileResult{{Path: path, Source: f, Diagnostics: []diag.Diagnostic{d}}},
		summary: Summary{Files: 1, Counts: diag.Counts{Errors: 1}, ByRule: map[string]int{d.Rule: 1}}}
	out := fx.run(t, &HTML{})

	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var scripts, imgs int
	var text strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script":
				scripts++
			case "img":
				imgs++
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("<%s> has an event handler attribute %s=%q", n.Data, a.Key, a.Val)
				}
			}
		}
		if n.Type == html.TextNode && (n.Parent == nil || n.Parent.Data != "script") {
			text.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if scripts != 1 || imgs != 0 {
		t.Errorf("%d <script> and %d injected elements, want only the page's own script:\n%s", scripts, imgs, out)
	}
	for _, want := range []string{evil, path + ":1:", `treaty-year"><b>`} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the page's text lacks %q", want)
		}
	}
}

// TestHTMLStreams: each finding's row is written when its file is
// reported, not held for Finish; what is held stays bounded.
func TestHTMLStreams(t *testing.T) {
	h := &HTML{}
	var b bytes.Buffer
	if err := h.Start(&b, Meta{}); err != nil {
		t.Fatal(err)
	}
	for i := range 20000 {
		b.Reset()
		p := fmt.Sprintf("archive/r%06d.txt", i)
		n := 1 + i%7
		var ds []diag.Diagnostic
		for j := range n {
			ds = append(ds, diag.Diagnostic{Path: p, Rule: "treaty-year", Severity: diag.Error, Message: "m", Treaty: fmt.Sprintf("t%d", j)})
		}
		if err := h.File(&b, &FileResult{Path: p, Diagnostics: ds}); err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(b.String(), "<tr "); got != n {
			t.Fatalf("file %d: %d rows written at once, want %d", i, got, n)
		}
	}
	if len(h.top) != topDocs || len(h.treaties) != 7 {
		t.Errorf("held %d documents and %d treaty counts, want %d and 7", len(h.top), len(h.treaties), topDocs)
	}
	// The ten with most findings (7 each), first reported first.
	if h.top[0].Path != "archive/r000006.txt" || h.top[9].Path != "archive/r000069.txt" || h.top[9].N != 7 {
		t.Errorf("top documents %v", h.top)
	}
	if err := h.Finish(io.Discard, Summary{}); err != nil {
		t.Fatal(err)
	}
}

func TestHTMLLinks(t *testing.T) {
	wd, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		dir, path string
		line      int
		want      string
	}{
		{"", "drafts/a.txt", 9, "drafts/a.txt#L9"},
		{"out", "drafts/a.txt", 9, "../drafts/a.txt#L9"},
		{"out/deep", "drafts/a b.txt", 0, "../../drafts/a%20b.txt"},
		{"", filepath.ToSlash(filepath.Join(wd, "x", "y.md")), 2, "x/y.md#L2"},
		{"", "-", 3, ""},
	} {
		h := &HTML{ReportDir: c.dir}
		if err := h.Start(io.Discard, Meta{}); err != nil {
			t.Fatal(err)
		}
		if got := h.href(c.path, c.line); got != c.want {
			t.Errorf("report in %q, file %q: href %q, want %q", c.dir, c.path, got, c.want)
		}
	}
}

// BenchmarkHTMLRow times one finding's row, excerpt and caret included.
func BenchmarkHTMLRow(b *testing.B) {
	fx := newFixture(b)
	h := &HTML{}
	if err := h.Start(io.Discard, Meta{}); err != nil {
		b.Fatal(err)
	}
	f := fx.files[0]
	one := &FileResult{Path: f.Path, Source: f.Source, Diagnostics: f.Diagnostics[:1]}
	b.ReportAllocs()
	for b.Loop() {
		if err := h.File(io.Discard, one); err != nil {
			b.Fatal(err)
		}
	}
}

// TestHTMLCountsAgree checks that the summary's words agree with its
// numbers: "1 file checked", "1 finding", "1 error", not "1 files".
func TestHTMLCountsAgree(t *testing.T) {
	f, err := source.New("a.txt", []byte("Recalling the Convention of 1962,\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := diag.Diagnostic{Path: "a.txt", Span: f.Span(26, 30), Rule: "treaty-year", Severity: diag.Error, Message: "wrong year"}
	fx := fixture{files: []*FileResult{{Path: "a.txt", Source: f, Diagnostics: []diag.Diagnostic{d}}},
		summary: Summary{Files: 1, Counts: diag.Counts{Errors: 1}, ByRule: map[string]int{d.Rule: 1}}}
	out := string(fx.run(t, &HTML{}))
	for _, want := range []string{`<output id="count">1 finding</output>`, `<b id="n-files">1</b> file checked`,
		`<b id="n-findings">1</b> finding</div>`, `<b id="n-errors">1</b> error</div>`, `<b id="n-warnings">0</b> warnings</div>`} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %s", want)
		}
	}
}
