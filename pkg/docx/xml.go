package docx

import (
	"encoding/xml"
	"io"
	"strings"
)

// XML namespaces the reader understands, transitional and strict.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsM       = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	nsMStrict = "http://purl.oclc.org/ooxml/officeDocument/math"
)

// decoder is a streaming XML decoder that refuses to nest deeper than a
// limit, or to read a token larger than another. It reads with
// xmlScanner, which falls back on encoding/xml.
type decoder struct {
	s        *xmlScanner
	tr       *tokenReader
	depth    int
	maxDepth int

	// The token next read: its kind, and the start element, end element
	// or character data (valid until the next call).
	kind tokKind
	se   startElement
	ee   xml.EndElement
	cd   []byte
}

func newDecoder(r io.Reader, maxDepth int, maxToken int64) *decoder {
	tr := &tokenReader{r: r, max: maxToken}
	return &decoder{s: newXMLScanner(tr), tr: tr, maxDepth: maxDepth}
}

// tokenReader feeds an xml.Decoder and fails once more than max bytes
// have been read since the end of the last token the decoder returned:
// encoding/xml gathers a whole token (a run of text, a tag and its
// attributes) in memory before returning it, so a part that is one 200 MB
// run of text would otherwise be held whole, and copied, before any limit
// applied.
type tokenReader struct {
	r    io.Reader
	n    int64 // bytes read
	mark int64 // input offset of the end of the last token returned
	max  int64
}

// slack covers what the decoder reads ahead of the token it is on (it
// buffers its input 4 KiB at a time).
const slack = 64 << 10

func (t *tokenReader) Read(p []byte) (int, error) {
	if t.max > 0 && t.n-t.mark > t.max+slack {
		return 0, &LimitError{What: "XML token size", Limit: t.max, Bytes: true, Flag: sizeFlag}
	}
	n, err := t.r.Read(p)
	t.n += int64(n)
	return n, err
}

// startElement is an xml.StartElement with attribute helpers. The
// scanner leaves its attributes' values out of Attr: they are made strings
// only when asked for (value), as most (revision IDs) never are.
type startElement struct {
	xml.StartElement
	// The values of Attr decoded one after the other, Attr[i]'s ending at
	// ends[i]; nil when Attr holds them (encoding/xml's tokens). The
	// scanner reuses them at the next start tag as deep: an element's
	// are valid while it is read.
	values []byte
	ends   []int
}

// value returns the value of attribute i.
func (se startElement) value(i int) string {
	if se.ends == nil {
		return se.Attr[i].Value
	}
	from := 0
	if i > 0 {
		from = se.ends[i-1]
	}
	return string(se.values[from:se.ends[i]])
}

// attr returns the value of the first attribute with the given local
// name, whatever its namespace.
func (se startElement) attr(local string) string {
	for i, a := range se.Attr {
		if a.Name.Local == local {
			return se.value(i)
		}
	}
	return ""
}

// w reports whether the element is in the WordprocessingML namespace.
func (se startElement) w() bool {
	return se.Name.Space == nsW || se.Name.Space == nsWStrict
}

// next reads the next token: a start element, an end element or
// character data (comments, processing instructions and directives are
// dropped), into d.kind and d.se, d.ee or d.cd.
func (d *decoder) next() error {
	if err := d.s.next(d); err != nil {
		if err == io.EOF && d.depth > 0 {
			return io.ErrUnexpectedEOF
		}
		return err
	}
	d.tr.mark = d.s.offset()
	switch d.kind {
	case tokStart:
		d.depth++
		if d.depth > d.maxDepth {
			return &DepthError{Limit: d.maxDepth}
		}
	case tokEnd:
		d.depth--
	}
	return nil
}

// skip consumes the rest of the element whose start was just read.
func (d *decoder) skip() error {
	for n := 1; n > 0; {
		if err := d.next(); err != nil {
			return err
		}
		switch d.kind {
		case tokStart:
			n++
		case tokEnd:
			n--
		}
	}
	return nil
}

// children calls fn for each child element of the element whose start
// was just read, and returns at its end. fn must consume the child (for
// instance with skip). Character data directly inside is ignored.
func (d *decoder) children(fn func(se startElement) error) error {
	for {
		if err := d.next(); err != nil {
			return err
		}
		switch d.kind {
		case tokStart:
			if err := fn(d.se); err != nil {
				return err
			}
		case tokEnd:
			return nil
		}
	}
}

// text returns the character data of the element whose start was just
// read, skipping any child elements.
func (d *decoder) text() (string, error) {
	var b strings.Builder
	for {
		if err := d.next(); err != nil {
			return "", err
		}
		switch d.kind {
		case tokStart:
			if err := d.skip(); err != nil {
				return "", err
			}
		case tokText:
			b.Write(d.cd)
		case tokEnd:
			return b.String(), nil
		}
	}
}

// walkAll calls fn for every child of the root element.
func walkAll(d *decoder, fn func(se startElement) error) error {
	for {
		err := d.next()
		if err == io.EOF {
			return nil // no root element: an empty part
		}
		if err != nil {
			return err
		}
		if d.kind == tokStart {
			return d.children(fn)
		}
	}
}

// onOff reads an ST_OnOff attribute value: absent or empty means on
// when the element is present.
func onOff(v string) bool {
	switch v {
	case "0", "false", "off":
		return false
	}
	return true
}
