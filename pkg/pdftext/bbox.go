package pdftext

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// word is one word of a page as pdftotext -bbox-layout reports it: its
// text and its box in points, y growing downwards.
type word struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

func (w *word) height() float64 { return w.yMax - w.yMin }

// page is one page: its size and its words in pdftotext's reading order.
type page struct {
	width, height float64
	words         []word
}

// parseBBox reads the XHTML that pdftotext -bbox-layout writes: <page
// width height> elements holding <word xMin yMin xMax yMax>text</word>
// (inside flow, block and line elements, which are not needed here).
func parseBBox(r io.Reader) ([]page, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var pages []page
	var cur *page
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading pdftotext output: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "page":
			pages = append(pages, page{width: attrFloat(se, "width"), height: attrFloat(se, "height")})
			cur = &pages[len(pages)-1]
		case "word":
			text, err := wordText(d)
			if err != nil {
				return nil, fmt.Errorf("reading pdftotext output: %w", err)
			}
			if cur == nil || text == "" {
				continue
			}
			w := word{
				text: text,
				xMin: attrFloat(se, "xMin"), yMin: attrFloat(se, "yMin"),
				xMax: attrFloat(se, "xMax"), yMax: attrFloat(se, "yMax"),
			}
			if w.yMax < w.yMin {
				w.yMin, w.yMax = w.yMax, w.yMin
			}
			if w.xMax < w.xMin {
				w.xMin, w.xMax = w.xMax, w.xMin
			}
			cur.words = append(cur.words, w)
		}
	}
	return pages, nil
}

func attrFloat(se xml.StartElement, name string) float64 {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			f, err := strconv.ParseFloat(a.Value, 64)
			if err != nil {
				return 0
			}
			return f
		}
	}
	return 0
}

// wordText reads the text of the word element just started, up to its
// end, trimmed.
func wordText(d *xml.Decoder) (string, error) {
	var b []byte
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 1 {
				b = append(b, t...)
			}
		}
	}
	return strings.TrimSpace(string(b)), nil
}
