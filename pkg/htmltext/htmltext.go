// Package htmltext reads HTML documents (UN web pages, HTML exported by
// Word or converted by pandoc) into citecheck's text view, the same
// Markdown-like text that package docx produces: paragraphs separated by
// a blank line, footnote references as "[^N]", and the footnotes
// themselves as "[^N]: text" paragraphs after the body.
//
// Text comes from the DOM built by golang.org/x/net/html. Scripts,
// styles, the head, navigation, forms' controls and hidden elements are
// skipped; block elements (p, div, li, h1…h6, td, …) make paragraphs;
// items of ordered lists keep their numbers; <br> is a line break.
//
// Footnote references are recognised in the usual shapes:
//
//	<sup><a href="#fn3">3</a></sup>                     (hand-written, UN pages)
//	<a href="#fn3" class="footnote-ref">…</a>           (pandoc, Sphinx: role="doc-noteref")
//	<a href="#_ftn3" name="_ftnref3">[3]</a>             (Word "Save as HTML"; _edn for endnotes)
//
// and their targets (<li id="fn3">, <div id="ftn3">, <p><a name="_ftn3">)
// are taken out of the body and written as notes, without the link back
// to the reference.
package htmltext

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/citecheck/citecheck/pkg/docx"
)

// View is a text view; see docx.View. Both readers return the same type
// so that the rest of citecheck treats them alike.
type View = docx.View

// Paragraph describes one paragraph of a View; see docx.Paragraph. Part
// is "body", "footnote" or "endnote".
type Paragraph = docx.Paragraph

// Options limit what Read accepts. A zero field means its default.
type Options struct {
	// MaxSize is the largest input accepted, in bytes.
	MaxSize int64
}

// DefaultMaxSize is the default Options.MaxSize: 64 MiB.
const DefaultMaxSize = 64 << 20

// DefaultOptions returns the default options.
func DefaultOptions() Options { return Options{MaxSize: DefaultMaxSize} }

// maxNesting is the depth beyond which golang.org/x/net/html refuses to
// parse.
const maxNesting = 512

// Read reads an HTML document and returns its text view. The encoding is
// taken from a byte order mark or a <meta> declaration; undeclared input
// is read as UTF-8 when it is valid UTF-8 and as windows-1252 otherwise.
func Read(r io.Reader, opt Options) (*View, error) {
	if opt.MaxSize <= 0 {
		opt.MaxSize = DefaultMaxSize
	}
	data, err := io.ReadAll(io.LimitReader(r, opt.MaxSize+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > opt.MaxSize {
		return nil, &docx.LimitError{What: "HTML file size", Limit: opt.MaxSize, Bytes: true}
	}
	if enc, name, certain := charset.DetermineEncoding(data, ""); name != "utf-8" && (certain || !utf8.Valid(data) || declared(data)) {
		if data, err = enc.NewDecoder().Bytes(data); err != nil {
			return nil, fmt.Errorf("cannot decode %s: %w", name, err)
		}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		if strings.Contains(err.Error(), "open stack of elements exceeds") {
			return nil, fmt.Errorf("HTML nested deeper than %d elements, the most the HTML parser reads (no flag raises it)", maxNesting)
		}
		return nil, fmt.Errorf("cannot parse HTML: %w", err)
	}
	return extract(doc), nil
}

// declared reports whether the document's head declares a charset, so
// that a declared windows-1252 is honoured even when the bytes happen to
// be valid UTF-8.
func declared(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 1024)])
	return bytes.Contains(head, []byte("charset"))
}
