package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"sync"

	"github.com/citecheck/citecheck/internal/xmlchar"
)

// tokKind is the kind of a token of a part: what decoder.next read.
type tokKind int

const (
	tokStart tokKind = iota + 1 // a start element (decoder.se)
	tokEnd                      // an end element (decoder.ee)
	tokText                     // character data (decoder.cd)
)

// xmlScanner reads the XML of a part and returns the tokens encoding/xml
// returns for it (Strict, names translated through the namespaces in
// scope), reading by hand the subset of XML Word and LibreOffice write:
// an <?xml?> declaration of version 1.0 in UTF-8; elements and attributes
// with ASCII names, prefixed or not, and quoted values; character data;
// the five predefined entities; valid UTF-8 of XML characters with no
// carriage return. encoding/xml reads the 1,094 .docx of the format
// equivalence corpus at 30 MB/s of inflated XML, six times the time it
// takes to inflate them; this reads them several times faster.
//
// At anything else — a comment, CDATA, a DOCTYPE, another processing
// instruction or entity, a name or byte outside the subset, a syntax error
// — it hands the rest of the part to encoding/xml, primed with the open
// elements and their namespace declarations, so that what follows is read
// and refused exactly as encoding/xml reads and refuses it (line numbers
// of errors included). FuzzXMLScanner holds the two equal.
type xmlScanner struct {
	r     io.Reader // the part, through its tokenReader
	buf   []byte    // unread input is buf[pos:]
	pos   int
	base  int64 // input offset of buf[0]
	lines int   // newlines in the input before buf[0]
	eof   bool
	rerr  error // a read error, returned once the buffered input is used up

	open    []openElem        // the open elements, outermost first
	ns      map[string]string // namespace prefix → URL in scope
	undo    []nsUndo          // how to undo each namespace declaration
	names   map[string]string // interned names and namespace URLs
	endNext bool              // the last start tag was empty: its end is next
	text    []byte            // decoded character data

	// Caches in front of the maps, which were a third of reading a
	// tag: interned names by a hash of their bytes, and the last
	// namespace looked up (valid while nsGen is unchanged).
	recent             [256]string
	lastPrefix, lastNS string
	lastGen, nsGen     int

	// A start tag's attributes, by the depth of its element: they stay
	// valid while the element's content is read (startElement).
	levels []attrBuf

	// After the switch to encoding/xml: the decoder, how many primed
	// start elements it still returns first, and how to turn its lines
	// and offsets into the part's.
	xd       *xml.Decoder
	primed   int
	xmlLines int
	xmlBase  int64
}

// attrBuf holds the attributes of a start tag: their names, and their
// values decoded one after the other (startElement).
type attrBuf struct {
	attrs  []xml.Attr
	values []byte
	ends   []int
}

type openElem struct {
	prefix, local string     // as written
	decls         []xml.Attr // its namespace declarations, as written
	undo          int        // len(undo) before them
}

type nsUndo struct {
	prefix, url string
	had         bool
}

// errSwitch says that the scanner met something outside its subset at the
// start of the token it was reading.
var errSwitch = errors.New("outside the scanner's subset")

const xmlURL = "http://www.w3.org/XML/1998/namespace"

// scanners holds scanners for reuse: a .docx has nine parts to read, most
// of them small, and a scanner's buffers and caches (13 KB) made a third
// of what reading the 1,094 .docx of the format equivalence corpus
// allocated.
var scanners = sync.Pool{New: func() any {
	return &xmlScanner{buf: make([]byte, 0, 8<<10), ns: map[string]string{}, names: map[string]string{}}
}}

func newXMLScanner(r io.Reader) *xmlScanner {
	s := scanners.Get().(*xmlScanner)
	s.r = r
	return s
}

// release gives s back for reuse; s must not be used after.
func (s *xmlScanner) release() {
	if s.xd != nil || cap(s.buf) > 64<<10 || len(s.names) > 4096 {
		return // handed over, or a large part: let its memory go
	}
	for _, l := range s.levels {
		if cap(l.values) > 64<<10 {
			return
		}
	}
	*s = xmlScanner{buf: s.buf[:0], ns: s.ns, names: s.names, recent: s.recent, levels: s.levels, text: s.text[:0]}
	clear(s.ns)
	scanners.Put(s)
}

// offset is the input offset of the end of the last token returned.
func (s *xmlScanner) offset() int64 {
	if s.xd != nil {
		return s.xmlBase + s.xd.InputOffset()
	}
	return s.base + int64(s.pos)
}

// more reads input into buf, keeping what is unread. It returns false at
// the end of the input or on a read error (kept in rerr).
func (s *xmlScanner) more() bool {
	if s.eof || s.rerr != nil {
		return false
	}
	if s.pos > 0 && s.pos >= len(s.buf)/2 {
		s.lines += bytes.Count(s.buf[:s.pos], []byte{'\n'})
		n := copy(s.buf, s.buf[s.pos:])
		s.buf = s.buf[:n]
		s.base += int64(s.pos)
		s.pos = 0
	}
	if cap(s.buf)-len(s.buf) < 4<<10 {
		s.buf = append(s.buf, make([]byte, max(cap(s.buf), 4<<10))...)[:len(s.buf)]
	}
	// 4 KiB at a time, as encoding/xml reads (through bufio): the
	// tokenReader's limit counts what is read ahead.
	for {
		n, err := s.r.Read(s.buf[len(s.buf) : len(s.buf)+4<<10])
		s.buf = s.buf[:len(s.buf)+n]
		switch {
		case err == io.EOF:
			s.eof = true
		case err != nil:
			s.rerr = err
		}
		if n > 0 || err != nil {
			return n > 0
		}
	}
}

// intern returns b as a string, the same string each time.
func (s *xmlScanner) intern(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	h := (len(b)*31 + int(b[0])*7 + int(b[len(b)-1])) & 255
	if v := s.recent[h]; v == string(b) {
		return v
	}
	v, ok := s.names[string(b)]
	if !ok {
		v = string(b)
		s.names[v] = v
	}
	s.recent[h] = v
	return v
}

// next reads the next token into d (d.kind and d.se, d.ee or d.cd);
// io.EOF at the end of the part.
func (s *xmlScanner) next(d *decoder) error {
	if s.xd != nil {
		return s.xmlNext(d)
	}
	if s.endNext {
		s.endNext = false
		return s.end(d, len(s.open)-1)
	}
	err := s.scan(d)
	if err == errSwitch {
		if err := s.toXML(); err != nil {
			return err
		}
		return s.xmlNext(d)
	}
	return err
}

// scan reads one token by hand, or returns errSwitch with pos at its
// start.
func (s *xmlScanner) scan(d *decoder) error {
	for {
		if s.pos == len(s.buf) && !s.more() {
			if s.rerr != nil {
				return s.rerr
			}
			if len(s.open) > 0 {
				return errSwitch // encoding/xml: unexpected EOF
			}
			return io.EOF
		}
		if s.buf[s.pos] != '<' {
			return s.charData(d)
		}
		end, err := s.find('>', s.pos)
		if err != nil {
			return err
		}
		tag := s.buf[s.pos+1 : end]
		if len(tag) == 0 {
			return errSwitch
		}
		switch tag[0] {
		case '?':
			if !xmlDecl(tag) {
				return errSwitch
			}
			s.pos = end + 1
			continue // dropped, as decoder.token drops it
		case '/':
			return s.endTag(d, tag[1:], end)
		case '!':
			return errSwitch // comment, CDATA, directive
		}
		return s.startTag(d, tag, end)
	}
}

// find returns the index in buf of the first c at or after from, reading
// more input as needed; errSwitch when the input ends first.
func (s *xmlScanner) find(c byte, from int) (int, error) {
	off := from - s.pos
	for {
		if i := bytes.IndexByte(s.buf[s.pos+off:], c); i >= 0 {
			return s.pos + off + i, nil
		}
		off = len(s.buf) - s.pos
		if !s.more() {
			if s.rerr != nil {
				return 0, s.rerr
			}
			return 0, errSwitch
		}
	}
}

// charData reads the text up to the next "<".
func (s *xmlScanner) charData(d *decoder) error {
	end, err := s.find('<', s.pos)
	if err == errSwitch {
		end, err = len(s.buf), nil // text to the end of the part
	}
	if err != nil {
		return err
	}
	raw := s.buf[s.pos:end]
	if !xmlchar.Valid(raw, true) {
		return errSwitch
	}
	cd := raw
	if bytes.IndexByte(raw, '&') >= 0 {
		var ok bool
		if s.text, ok = xmlchar.AppendEntities(s.text[:0], raw); !ok {
			return errSwitch
		}
		cd = s.text
	}
	s.pos = end
	d.kind, d.cd = tokText, cd
	return nil
}

// startTag reads <name attr="value" …> or <… />; tag is what lies between
// the angle brackets, end the index of ">".
func (s *xmlScanner) startTag(d *decoder, tag []byte, end int) error {
	prefix, local, rest, ok := splitQName(tag)
	if !ok {
		return errSwitch
	}
	empty := false
	if n := len(rest); n > 0 && rest[n-1] == '/' {
		empty, rest = true, rest[:n-1]
	}
	// The attributes, as written: name, value (decoded).
	depth := len(s.open)
	for len(s.levels) <= depth {
		s.levels = append(s.levels, attrBuf{})
	}
	lv := &s.levels[depth]
	attrs, values, ends := lv.attrs[:0], lv.values[:0], lv.ends[:0]
	for {
		rest = trimXMLSpace(rest)
		if len(rest) == 0 {
			break
		}
		ap, al, r2, ok := splitQName(rest)
		if !ok {
			return errSwitch
		}
		r2 = trimXMLSpace(r2)
		if len(r2) == 0 || r2[0] != '=' {
			return errSwitch
		}
		r2 = trimXMLSpace(r2[1:])
		if len(r2) == 0 || r2[0] != '"' && r2[0] != '\'' {
			return errSwitch
		}
		q := bytes.IndexByte(r2[1:], r2[0])
		if q < 0 {
			return errSwitch
		}
		v := r2[1 : 1+q]
		if bytes.IndexByte(v, '<') >= 0 || !xmlchar.Valid(v, false) {
			return errSwitch
		}
		if values, ok = xmlchar.AppendEntities(values, v); !ok {
			return errSwitch
		}
		ends = append(ends, len(values))
		attrs = append(attrs, xml.Attr{Name: xml.Name{Space: s.intern(ap), Local: s.intern(al)}})
		rest = r2[2+q:]
	}
	lv.attrs, lv.values, lv.ends = attrs, values, ends
	s.pos = end + 1
	se := startElement{values: values, ends: ends}

	// As xml.Decoder.Token: declarations first, then the names.
	e := openElem{prefix: s.intern(prefix), local: s.intern(local), undo: len(s.undo)}
	for i, a := range attrs {
		switch {
		case a.Name.Space == "xmlns":
			a.Value = se.value(i)
			s.declare(a.Name.Local, a.Value)
			e.decls = append(e.decls, a)
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			a.Value = se.value(i)
			s.declare("", a.Value)
			e.decls = append(e.decls, a)
		}
	}
	s.open = append(s.open, e)
	d.kind = tokStart
	se.StartElement = xml.StartElement{Name: xml.Name{Space: s.translate(e.prefix, e.local, true), Local: e.local}, Attr: attrs}
	d.se = se
	for i := range attrs {
		attrs[i].Name.Space = s.translate(attrs[i].Name.Space, attrs[i].Name.Local, false)
	}
	s.endNext = empty
	return nil
}

func (s *xmlScanner) declare(prefix, url string) {
	old, had := s.ns[prefix]
	s.undo = append(s.undo, nsUndo{prefix, old, had})
	s.ns[prefix] = url
	s.nsGen++
}

// translate is xml.Decoder.translate: the namespace of a name.
func (s *xmlScanner) translate(space, local string, element bool) string {
	switch {
	case space == "xmlns":
		return space
	case space == "" && !element:
		return space
	case space == "xml":
		space = xmlURL
	case space == "" && local == "xmlns":
		return space
	}
	if space == s.lastPrefix && s.lastGen == s.nsGen {
		return s.lastNS
	}
	v, ok := s.ns[space]
	if !ok {
		v = space // and "" stays the default namespace, ""
	}
	s.lastPrefix, s.lastNS, s.lastGen = space, v, s.nsGen
	return v
}

// endTag reads </name>.
func (s *xmlScanner) endTag(d *decoder, tag []byte, end int) error {
	if n := len(s.open); n > 0 && closes(tag, &s.open[n-1]) {
		// The name of the element open, as its start tag wrote it (and
		// read it then): no need to read it again.
		s.pos = end + 1
		return s.end(d, n-1)
	}
	prefix, local, rest, ok := splitQName(tag)
	if !ok || len(trimXMLSpace(rest)) != 0 || len(s.open) == 0 {
		return errSwitch
	}
	top := &s.open[len(s.open)-1]
	if top.local != string(local) || top.prefix != string(prefix) {
		return errSwitch // encoding/xml refuses it, with its message
	}
	s.pos = end + 1
	return s.end(d, len(s.open)-1)
}

// closes reports whether tag is exactly the qualified name of e.
func closes(tag []byte, e *openElem) bool {
	if e.prefix == "" {
		return string(tag) == e.local
	}
	p := len(e.prefix)
	return len(tag) == p+1+len(e.local) && tag[p] == ':' && string(tag[:p]) == e.prefix && string(tag[p+1:]) == e.local
}

// end returns the end of open element i (the innermost) and closes it.
func (s *xmlScanner) end(d *decoder, i int) error {
	e := s.open[i]
	d.kind = tokEnd
	d.ee = xml.EndElement{Name: xml.Name{Space: s.translate(e.prefix, e.local, true), Local: e.local}}
	if len(s.undo) > e.undo {
		s.nsGen++
	}
	for j := len(s.undo) - 1; j >= e.undo; j-- {
		u := s.undo[j]
		if u.had {
			s.ns[u.prefix] = u.url
		} else {
			delete(s.ns, u.prefix)
		}
	}
	s.undo = s.undo[:e.undo]
	s.open = s.open[:i]
	return nil
}

// toXML hands the rest of the part to encoding/xml: the unread input,
// after the start tags of the open elements with their declarations.
func (s *xmlScanner) toXML() error {
	var prime bytes.Buffer
	for _, e := range s.open {
		prime.WriteByte('<')
		if e.prefix != "" {
			prime.WriteString(e.prefix + ":")
		}
		prime.WriteString(e.local)
		for _, a := range e.decls {
			prime.WriteByte(' ')
			if a.Name.Space != "" {
				prime.WriteString(a.Name.Space + ":")
			}
			prime.WriteString(a.Name.Local + `="`)
			if err := xml.EscapeText(&prime, []byte(a.Value)); err != nil {
				return err
			}
			prime.WriteByte('"')
		}
		prime.WriteByte('>')
	}
	rest := bytes.Clone(s.buf[s.pos:])
	var tail io.Reader = s.r
	switch {
	case s.rerr != nil:
		tail = errReader{s.rerr}
	case s.eof:
		tail = strings.NewReader("")
	}
	s.xmlLines = s.lines + bytes.Count(s.buf[:s.pos], []byte{'\n'})
	s.xmlBase = s.base + int64(s.pos) - int64(prime.Len())
	s.primed = len(s.open)
	s.xd = newXMLDecoder(io.MultiReader(&prime, bytes.NewReader(rest), tail))
	s.buf, s.open, s.undo = nil, nil, nil
	return nil
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// newXMLDecoder is the encoding/xml decoder of a part.
func newXMLDecoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.Strict = true
	d.CharsetReader = func(string, io.Reader) (io.Reader, error) {
		return nil, errors.New("only UTF-8 is supported")
	}
	return d
}

// xmlNext reads the next token through encoding/xml, past the primed
// start elements, with the line numbers of its errors made the part's.
func (s *xmlScanner) xmlNext(d *decoder) error {
	for {
		tok, err := s.xd.Token()
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return &xml.SyntaxError{Msg: se.Msg, Line: se.Line + s.xmlLines}
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if s.primed > 0 {
				s.primed--
				continue
			}
			d.kind, d.se = tokStart, startElement{StartElement: t}
			return nil
		case xml.EndElement:
			d.kind, d.ee = tokEnd, t
			return nil
		case xml.CharData:
			d.kind, d.cd = tokText, t
			return nil
		}
	}
}

// splitQName reads a name at the start of b: an ASCII name, or two joined
// by a colon. It returns the prefix ("" if none), the local name and what
// follows, which must be white space, "/" or nothing. ok is false for
// anything else.
func splitQName(b []byte) (prefix, local, rest []byte, ok bool) {
	n := 0
	colon := -1
	for n < len(b) {
		switch nameClass[b[n]] {
		case nameStart:
		case nameChar:
			if n == 0 || n == colon+1 {
				return nil, nil, nil, false
			}
		case nameColon:
			if colon >= 0 || n == 0 {
				return nil, nil, nil, false
			}
			colon = n
		default:
			goto done
		}
		n++
	}
done:
	if n == 0 || colon == n-1 {
		return nil, nil, nil, false
	}
	if n < len(b) && !isXMLSpace(b[n]) && b[n] != '/' && b[n] != '=' {
		return nil, nil, nil, false
	}
	if colon < 0 {
		return nil, b[:n], b[n:], true
	}
	return b[:colon], b[colon+1 : n], b[n:], true
}

// The classes of the bytes of the names splitQName reads: letters and
// "_" may start a name part, digits, "-" and "." follow, ":" joins a
// prefix.
const (
	nameOther = iota
	nameStart
	nameChar
	nameColon
)

var nameClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = nameStart, nameStart
	}
	t['_'] = nameStart
	for c := '0'; c <= '9'; c++ {
		t[c] = nameChar
	}
	t['-'], t['.'] = nameChar, nameChar
	t[':'] = nameColon
	return t
}()

// isXMLSpace is white space between the parts of a tag, but for the
// carriage return, which the scanner leaves to encoding/xml.
func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

func trimXMLSpace(b []byte) []byte {
	for len(b) > 0 && isXMLSpace(b[0]) {
		b = b[1:]
	}
	return b
}

// xmlDecl reports whether tag (between "<" and ">") is an XML declaration
// encoding/xml accepts and drops: "?xml", then version, encoding and
// standalone pseudo-attributes as Word writes them, version 1.0, encoding
// UTF-8, and "?" at the end.
func xmlDecl(tag []byte) bool {
	if !bytes.HasPrefix(tag, []byte("?xml")) || len(tag) < 6 || tag[len(tag)-1] != '?' || !isXMLSpace(tag[4]) {
		return false
	}
	rest := tag[4 : len(tag)-1]
	seen := map[string]bool{}
	for {
		rest = trimXMLSpace(rest)
		if len(rest) == 0 {
			return true
		}
		eq := bytes.IndexByte(rest, '=')
		if eq <= 0 || eq+1 >= len(rest) || rest[eq+1] != '"' && rest[eq+1] != '\'' {
			return false
		}
		key := string(rest[:eq])
		q := bytes.IndexByte(rest[eq+2:], rest[eq+1])
		if q < 0 || seen[key] {
			return false
		}
		seen[key] = true
		val := string(rest[eq+2 : eq+2+q])
		switch key {
		case "version":
			if val != "1.0" {
				return false
			}
		case "encoding":
			if !strings.EqualFold(val, "utf-8") {
				return false
			}
		case "standalone":
			if val != "yes" && val != "no" {
				return false
			}
		default:
			return false
		}
		rest = rest[eq+2+q+1:]
		if len(rest) > 0 && !isXMLSpace(rest[0]) {
			return false
		}
	}
}
