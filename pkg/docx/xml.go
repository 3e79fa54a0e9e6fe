package docx

import (
	"encoding/xml"
	"errors"
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
// limit, or to read a token larger than another.
type decoder struct {
	d        *xml.Decoder
	tr       *tokenReader
	depth    int
	maxDepth int
}

func newDecoder(r io.Reader, maxDepth int, maxToken int64) *decoder {
	tr := &tokenReader{r: r, max: maxToken}
	d := xml.NewDecoder(tr)
	d.Strict = true
	d.CharsetReader = func(string, io.Reader) (io.Reader, error) {
		return nil, errors.New("only UTF-8 is supported")
	}
	return &decoder{d: d, tr: tr, maxDepth: maxDepth}
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

// startElement is an xml.StartElement with attribute helpers.
type startElement struct{ xml.StartElement }

// attr returns the value of the first attribute with the given local
// name, whatever its namespace.
func (se startElement) attr(local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// w reports whether the element is in the WordprocessingML namespace.
func (se startElement) w() bool {
	return se.Name.Space == nsW || se.Name.Space == nsWStrict
}

// token returns the next token: startElement, xml.EndElement or
// xml.CharData (comments, processing instructions and directives are
// dropped). CharData is only valid until the next call.
func (d *decoder) token() (xml.Token, error) {
	for {
		tok, err := d.d.Token()
		if err != nil {
			if err == io.EOF && d.depth > 0 {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		d.tr.mark = d.d.InputOffset()
		switch t := tok.(type) {
		case xml.StartElement:
			d.depth++
			if d.depth > d.maxDepth {
				return nil, &DepthError{Limit: d.maxDepth}
			}
			return startElement{t}, nil
		case xml.EndElement:
			d.depth--
			return t, nil
		case xml.CharData:
			return t, nil
		}
	}
}

// skip consumes the rest of the element whose start was just read.
func (d *decoder) skip() error {
	for n := 1; n > 0; {
		tok, err := d.token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case startElement:
			n++
		case xml.EndElement:
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
		tok, err := d.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case startElement:
			if err := fn(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// text returns the character data of the element whose start was just
// read, skipping any child elements.
func (d *decoder) text() (string, error) {
	var b strings.Builder
	for {
		tok, err := d.token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case startElement:
			if err := d.skip(); err != nil {
				return "", err
			}
		case xml.CharData:
			b.Write(t)
		case xml.EndElement:
			return b.String(), nil
		}
	}
}

// walkAll calls fn for every child of the root element.
func walkAll(d *decoder, fn func(se startElement) error) error {
	for {
		tok, err := d.token()
		if err == io.EOF {
			return nil // no root element: an empty part
		}
		if err != nil {
			return err
		}
		if _, ok := tok.(startElement); ok {
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
