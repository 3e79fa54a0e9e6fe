package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/citecheck/citecheck/internal/xmlchar"
)

// errUnsupported says that pdftotext's output holds something scanBBox
// leaves to encoding/xml (parseBBox): Read then runs pdftotext again and
// parses its output with that.
var errUnsupported = errors.New("pdftotext output outside what scanBBox reads")

// scanBBox is parseBBox for the XHTML pdftotext writes, read by hand: the
// same pages from the same output, five times faster. encoding/xml was
// 63% of citecheck's own CPU on PDFs, and citecheck then took 1.6 times
// pdftotext's time (the 60 PDFs of ../shared/corpus/ga-80-pdf).
//
// It reads a subset of XML, the one pdftotext writes: valid UTF-8 of XML
// characters with no carriage return; a <!DOCTYPE> with quoted strings;
// elements with ASCII names (no namespace prefix) and double-quoted
// attribute values, properly nested, none inside a word; the five
// predefined entities. Anything else — a comment, CDATA, a processing
// instruction, another entity, "]]>" in text, an unclosed element at the
// end — returns errUnsupported, and Read falls back on encoding/xml, so
// that any output gives what parseBBox gives. FuzzScanBBox holds the two
// equal wherever scanBBox answers.
func scanBBox(r io.Reader) ([]page, error) {
	s := &bboxScanner{r: r, buf: make([]byte, 0, 64<<10)}
	pages, err := s.scan()
	if err != nil && err != errUnsupported {
		// A read error, as parseBBox reports it.
		return nil, fmt.Errorf("reading pdftotext output: %w", err)
	}
	return pages, err
}

type bboxScanner struct {
	attrs bboxAttrs // the last start tag's
	r     io.Reader
	buf   []byte // unread input is buf[pos:]
	pos   int
	eof   bool
}

// more reads more input into buf, keeping what is unread; it returns
// false at the end of the input. A reader error other than EOF is
// returned as err.
func (s *bboxScanner) more() (bool, error) {
	if s.eof {
		return false, nil
	}
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:])
		s.buf = s.buf[:n]
		s.pos = 0
	}
	if len(s.buf) == cap(s.buf) {
		s.buf = append(s.buf, make([]byte, len(s.buf))...)[:len(s.buf)]
	}
	n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
	s.buf = s.buf[:len(s.buf)+n]
	if errors.Is(err, io.EOF) {
		s.eof = true
		return n > 0, nil
	}
	if err != nil {
		return false, err
	}
	return true, nil
}

// upTo returns the unread input up to the first c (excluded), reading
// more as needed, and whether c was found before the end of the input.
func (s *bboxScanner) upTo(c byte) ([]byte, bool, error) {
	from := 0
	for {
		if i := bytes.IndexByte(s.buf[s.pos+from:], c); i >= 0 {
			return s.buf[s.pos : s.pos+from+i], true, nil
		}
		from = len(s.buf) - s.pos
		ok, err := s.more()
		if err != nil {
			return nil, false, err
		}
		if !ok {
			return s.buf[s.pos:], false, nil
		}
	}
}

// hasPrefix reports whether the unread input starts with p.
func (s *bboxScanner) hasPrefix(p string) (bool, error) {
	for len(s.buf)-s.pos < len(p) {
		ok, err := s.more()
		if err != nil {
			return false, err
		}
		if !ok {
			break
		}
	}
	return bytes.HasPrefix(s.buf[s.pos:], []byte(p)), nil
}

func (s *bboxScanner) scan() ([]page, error) {
	var pages []page
	var cur *page
	var stack []string // open elements
	inWord := false    // the top of stack is a word element
	var wordAt word    // its box
	var text []byte    // its text so far, decoded
	for {
		// Text up to the next tag.
		seg, found, err := s.upTo('<')
		if err != nil {
			return nil, err
		}
		if !xmlchar.Valid(seg, true) {
			return nil, errUnsupported
		}
		if inWord {
			if text, err = appendDecoded(text, seg); err != nil {
				return nil, err
			}
		} else if bytes.IndexByte(seg, '&') >= 0 {
			if _, err := appendDecoded(nil, seg); err != nil {
				return nil, err
			}
		}
		s.pos += len(seg)
		if !found {
			if len(stack) > 0 {
				return nil, errUnsupported // unexpected EOF
			}
			return pages, nil
		}
		// A tag: read it whole.
		if ok, err := s.hasPrefix("<!DOCTYPE"); err != nil {
			return nil, err
		} else if ok {
			// Between the tags, or even inside a word: parseBBox skips
			// a directive wherever it is.
			if err := s.doctype(); err != nil {
				return nil, err
			}
			continue
		}
		tag, found, err := s.upTo('>')
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, errUnsupported
		}
		s.pos += len(tag) + 1
		tag = tag[1:] // after '<'
		if len(tag) > 0 && tag[0] == '/' {
			name, rest := splitName(tag[1:])
			if name == "" || len(trimSpace(rest)) != 0 || len(stack) == 0 || stack[len(stack)-1] != name {
				return nil, errUnsupported
			}
			stack = stack[:len(stack)-1]
			if inWord {
				inWord = false
				if err := addWord(cur, wordAt, text); err != nil {
					return nil, err
				}
			}
			continue
		}
		if inWord {
			return nil, errUnsupported // an element inside a word
		}
		name, rest := splitName(tag)
		if name == "" {
			return nil, errUnsupported // "<!--", "<?", "<![CDATA[", "< x"…
		}
		empty := false
		if n := len(rest); n > 0 && rest[n-1] == '/' {
			empty, rest = true, rest[:n-1]
		}
		attrs := &s.attrs
		if !readAttrs(attrs, rest) {
			return nil, errUnsupported
		}
		switch name {
		case "page":
			pages = append(pages, page{width: attrs.float("width"), height: attrs.float("height")})
			cur = &pages[len(pages)-1]
		case "word":
			wordAt = word{xMin: attrs.float("xMin"), yMin: attrs.float("yMin"), xMax: attrs.float("xMax"), yMax: attrs.float("yMax")}
			text = text[:0]
			inWord = !empty
		}
		if !empty {
			stack = append(stack, name)
		}
	}
}

// addWord adds the word with box w and text to cur, as parseBBox does.
func addWord(cur *page, w word, text []byte) error {
	t := strings.TrimSpace(string(text))
	if cur == nil || t == "" {
		return nil
	}
	w.text = t
	if w.yMax < w.yMin {
		w.yMin, w.yMax = w.yMax, w.yMin
	}
	if w.xMax < w.xMin {
		w.xMin, w.xMax = w.xMax, w.xMin
	}
	cur.words = append(cur.words, w)
	return nil
}

// doctype reads <!DOCTYPE …> with quoted strings in it, and nothing else
// encoding/xml reads specially there (no "<", no "[").
func (s *bboxScanner) doctype() error {
	for i := s.pos + len("<!DOCTYPE"); ; i++ {
		var err error
		if i, err = s.reach(i); err != nil {
			return err
		}
		switch c := s.buf[i]; c {
		case '>':
			if !xmlchar.Valid(s.buf[s.pos:i+1], true) {
				return errUnsupported
			}
			s.pos = i + 1
			return nil
		case '<', '[', '\'':
			return errUnsupported
		case '"':
			for {
				if i, err = s.reach(i + 1); err != nil {
					return err
				}
				if s.buf[i] == '"' {
					break
				}
				if s.buf[i] == '<' || s.buf[i] == '>' {
					return errUnsupported
				}
			}
		}
	}
}

// reach reads on until s.buf holds offset i, which keeps its distance
// from s.pos as more moves the buffer; it returns where i is then. The
// input ending first is errUnsupported: encoding/xml reads it.
func (s *bboxScanner) reach(i int) (int, error) {
	for i >= len(s.buf) {
		off := i - s.pos
		ok, err := s.more()
		if err != nil {
			return 0, err
		}
		if !ok {
			return 0, errUnsupported
		}
		i = s.pos + off
	}
	return i, nil
}

// splitName splits a tag's content after "<" or "</" into its name and
// the rest. The name is "" unless it is ASCII letters, digits, "_", "-"
// and "." not starting with a digit, "-" or "."; known names are returned
// without allocating.
func splitName(tag []byte) (string, []byte) {
	n := 0
	for n < len(tag) && isNameByte(tag[n]) {
		n++
	}
	if n == 0 || !isNameStart(tag[0]) || n < len(tag) && !isSpaceByte(tag[n]) && tag[n] != '/' {
		return "", nil
	}
	return internName(tag[:n]), tag[n:]
}

func isNameStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

func isNameByte(c byte) bool {
	return isNameStart(c) || '0' <= c && c <= '9' || c == '-' || c == '.'
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpaceByte(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpaceByte(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// internName returns the names of pdftotext's elements as constants.
func internName(b []byte) string {
	for _, n := range [...]string{"word", "line", "block", "flow", "page", "doc", "body", "html", "head", "title", "meta"} {
		if string(b) == n {
			return n
		}
	}
	return string(b)
}

// bboxAttrs are a tag's attributes: names and raw (undecoded) values.
// pdftotext writes at most four to a tag; a tag with more than maxAttrs
// is left to encoding/xml.
type bboxAttrs struct {
	n             int
	names, values [maxAttrs][]byte
}

const maxAttrs = 8

// readAttrs reads name="value" pairs separated by white space.
func readAttrs(a *bboxAttrs, b []byte) bool {
	a.n = 0
	for {
		rest := trimSpace(b)
		if len(rest) == 0 {
			return true
		}
		if len(rest) == len(b) && a.n > 0 || a.n == maxAttrs {
			return false // no space before an attribute, or too many
		}
		n := 0
		for n < len(rest) && isNameByte(rest[n]) {
			n++
		}
		if n == 0 || !isNameStart(rest[0]) {
			return false
		}
		name := rest[:n]
		rest = rest[n:]
		for len(rest) > 0 && isSpaceByte(rest[0]) {
			rest = rest[1:]
		}
		if len(rest) == 0 || rest[0] != '=' {
			return false
		}
		rest = rest[1:]
		for len(rest) > 0 && isSpaceByte(rest[0]) {
			rest = rest[1:]
		}
		if len(rest) == 0 || rest[0] != '"' {
			return false
		}
		end := bytes.IndexByte(rest[1:], '"')
		if end < 0 {
			return false
		}
		v := rest[1 : 1+end]
		if !validValue(v) {
			return false
		}
		a.names[a.n], a.values[a.n] = name, v
		a.n++
		b = rest[2+end:]
	}
}

// float is attrFloat: the first attribute called name, as a number, or 0.
func (a *bboxAttrs) float(name string) float64 {
	for i, n := range a.names[:a.n] {
		if string(n) == name {
			v := a.values[i]
			if f, ok := parseDecimal(v); ok {
				return f
			}
			if bytes.IndexByte(v, '&') >= 0 {
				v, _ = appendDecoded(nil, v)
			}
			f, err := strconv.ParseFloat(string(v), 64)
			if err != nil {
				return 0
			}
			return f
		}
	}
	return 0
}

// parseDecimal is strconv.ParseFloat for the numbers pdftotext writes,
// "-?digits.digits" with at most 15 digits, and false for anything else.
// Such a number is m / 10^k with m and 10^k exact in a float64, so one
// division, correctly rounded, gives the float64 nearest to it, as
// ParseFloat does (its own exact path is this). ParseFloat was a fifth of
// scanning pdftotext's output.
func parseDecimal(b []byte) (float64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	var m uint64
	digits, frac := 0, -1
	for i, c := range b {
		switch {
		case '0' <= c && c <= '9':
			m = m*10 + uint64(c-'0')
			digits++
		case c == '.' && frac < 0 && i > 0 && i < len(b)-1:
			frac = len(b) - 1 - i
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	f := float64(m)
	if frac > 0 {
		f /= pow10[frac]
	}
	if neg {
		f = -f
	}
	return f, true
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// validValue reports whether an attribute value is what encoding/xml
// reads as it is written or with the predefined entities replaced: valid
// text with no "<" (and no "&" starting another entity).
func validValue(v []byte) bool {
	i := 0
	for i < len(v) && valuePlain[v[i]] {
		i++
	}
	if i == len(v) {
		return true // the usual case: digits and a dot
	}
	if bytes.IndexByte(v, '<') >= 0 || !xmlchar.Valid(v, true) {
		return false
	}
	if bytes.IndexByte(v, '&') >= 0 {
		if _, err := appendDecoded(nil, v); err != nil {
			return false
		}
	}
	return true
}

// valuePlain marks the bytes validValue passes at once: printable ASCII
// other than '<', '&' and '>'.
var valuePlain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '<' && c != '&' && c != '>'
	}
	return t
}()

// appendDecoded appends text with the five predefined entities replaced;
// any other "&" is errUnsupported.
func appendDecoded(dst, text []byte) ([]byte, error) {
	dst, ok := xmlchar.AppendEntities(dst, text)
	if !ok {
		return nil, errUnsupported
	}
	return dst, nil
}
