package docxedit

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// XML namespaces.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsM       = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	nsMStrict = "http://purl.oclc.org/ooxml/officeDocument/math"
)

// objRune stands for a footnote or endnote reference in the text a part
// is matched by (the view writes "[^N]" there).
const objRune = '\uFFFC'

// node is an element or a piece of character data of a part, with its
// raw byte offsets.
type node struct {
	name  xml.Name
	attr  []xml.Attr
	start int // "<" of the start tag (or the first byte of character data)
	// tagEnd is just after the start tag; endStart is the "</" of the
	// end tag; end is just after it. A self-closed element has
	// tagEnd == endStart == end.
	tagEnd, endStart, end int
	kids                  []*node
	chars                 bool   // character data: raw [start, end)
	data                  string // decoded character data
}

func (n *node) attrVal(local string) string {
	for _, a := range n.attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (n *node) is(local string) bool {
	return (n.name.Space == nsW || n.name.Space == nsWStrict) && n.name.Local == local
}

// parseTree reads a part into a tree with raw offsets.
func parseTree(raw []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(raw))
	d.Strict = true
	d.CharsetReader = func(string, io.Reader) (io.Reader, error) {
		return nil, errors.New("only UTF-8 is supported")
	}
	top := &node{}
	stack := []*node{top}
	for {
		start := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		end := int(d.InputOffset())
		parent := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name, attr: t.Attr, start: start, tagEnd: end}
			parent.kids = append(parent.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			parent.endStart, parent.end = start, end
			stack = stack[:len(stack)-1]
		case xml.CharData:
			parent.kids = append(parent.kids, &node{chars: true, start: start, end: end, data: string(t)})
		}
	}
	for _, k := range top.kids {
		if !k.chars {
			return k, nil
		}
	}
	return nil, errors.New("no root element")
}

// segKind says what a segment of a unit's text is.
type segKind int

const (
	segText  segKind = iota // the content of a w:t: editable
	segOther                // a w:tab, w:br, m:t, …: shown, not editable
	segObj                  // a note reference: one objRune
	segJoin                 // the space between two paragraphs of a note
)

// run is a w:r element.
type run struct {
	n        *node
	startTag string // the raw start tag, attributes included
	rPr      string // the raw w:rPr, without any w:rPrChange
	inIns    bool   // inside a tracked insertion (w:ins, w:moveTo)
	content  []*node
}

// first and last report whether el is the run's first or last content
// child (anything but its w:rPr).
func (r *run) first(el *node) bool { return len(r.content) > 0 && r.content[0] == el }
func (r *run) last(el *node) bool  { return len(r.content) > 0 && r.content[len(r.content)-1] == el }

// segment is a piece of a unit's text.
type segment struct {
	kind segKind
	text string
	run  *run
	el   *node // the element shown (w:t, w:tab, w:footnoteReference, …)
	// rawOff[i] is the raw offset of byte i of a w:t's text (the start
	// of the character it belongs to); rawOff[len(text)] is the end of
	// the content.
	rawOff   []int
	preserve bool // the w:t has xml:space="preserve"
}

// unit is a paragraph of the body, or a whole note, as the text view
// shows it: its text and where each byte of it comes from.
type unit struct {
	id   string // a note's w:id
	segs []*segment
	text strings.Builder
	pos  []segPos // per byte of text
}

type segPos struct{ seg, off int }

func (u *unit) add(s *segment) {
	i := len(u.segs)
	u.segs = append(u.segs, s)
	u.text.WriteString(s.text)
	for k := range len(s.text) {
		u.pos = append(u.pos, segPos{i, k})
	}
}

// part is one scanned XML part: document.xml, footnotes.xml or
// endnotes.xml.
type part struct {
	name   string
	raw    []byte
	root   *node
	prefix string // the prefix bound to the WordprocessingML namespace
	ns     string // that namespace (transitional or strict)
	units  []*unit
	maxID  int // largest numeric w:id seen
}

// scanPart reads a part and lays out its text as the reader does.
// notes is true for footnotes.xml and endnotes.xml.
func scanPart(name string, raw []byte, notes bool) (*part, error) {
	root, err := parseTree(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	p := &part{name: name, raw: raw, root: root}
	for _, a := range root.attr {
		if a.Name.Space == "xmlns" && (a.Value == nsW || a.Value == nsWStrict) {
			p.prefix, p.ns = a.Name.Local, a.Value
			break
		}
	}
	if p.ns == "" {
		return nil, fmt.Errorf("%s: the root element binds no prefix to the WordprocessingML namespace", name)
	}
	p.findMaxID(root)
	w := &walker{p: p, raw: raw}
	if notes {
		for _, k := range root.kids {
			if k.chars || !(k.is("footnote") || k.is("endnote")) {
				continue
			}
			if t := k.attrVal("type"); t != "" && t != "normal" {
				continue
			}
			w.note = &unit{id: k.attrVal("id")}
			w.kids(k)
			p.units = append(p.units, w.note)
			w.note = nil
		}
	} else {
		w.kids(root)
	}
	return p, nil
}

func (p *part) findMaxID(n *node) {
	for _, a := range n.attr {
		if a.Name.Local == "id" && (a.Name.Space == nsW || a.Name.Space == nsWStrict) {
			if v, err := strconv.Atoi(a.Value); err == nil && v > p.maxID {
				p.maxID = v
			}
		}
	}
	for _, k := range n.kids {
		p.findMaxID(k)
	}
}

// walker lays out a part's text as package docx does (see its walker):
// the same elements are shown, hidden or skipped.
type walker struct {
	p      *part
	raw    []byte
	note   *unit   // the note being read (footnotes.xml, endnotes.xml)
	paras  []*unit // open paragraphs (body)
	run    *run
	hidden bool
	fields []bool // open complex fields: true once past "separate"
	inIns  int
}

func (w *walker) visible() bool {
	if w.hidden {
		return false
	}
	for _, inResult := range w.fields {
		if !inResult {
			return false
		}
	}
	return true
}

// cur is the unit shown text goes to.
func (w *walker) cur() *unit {
	if w.note != nil {
		return w.note
	}
	if len(w.paras) == 0 {
		return nil
	}
	return w.paras[len(w.paras)-1]
}

func (w *walker) kids(n *node) {
	for _, k := range n.kids {
		if !k.chars {
			w.element(k)
		}
	}
}

// skipped are elements whose content is never text.
var skipped = map[string]bool{
	"rPr": true, "pPr": true, "sdtPr": true, "sdtEndPr": true, "instrText": true, "delInstrText": true,
	"sym": true, "softHyphen": true, "commentReference": true, "annotationRef": true, "footnoteRef": true,
	"endnoteRef": true, "separator": true, "continuationSeparator": true, "sectPr": true, "tblPr": true,
	"tblGrid": true, "trPr": true, "tcPr": true, "tblPrEx": true, "rPrChange": true, "pPrChange": true,
	"customXmlPr": true, "smartTagPr": true, "fldData": true, "background": true, "lastRenderedPageBreak": true,
	"delText": true, "del": true, "moveFrom": true,
}

func (w *walker) element(n *node) {
	switch n.name.Space {
	case nsW, nsWStrict:
	case nsMC:
		if n.name.Local == "AlternateContent" {
			// Only the first choice, as the reader does.
			for _, k := range n.kids {
				if !k.chars {
					w.kids(k)
					return
				}
			}
			return
		}
		w.kids(n)
		return
	case nsM, nsMStrict:
		if n.name.Local == "t" {
			w.show(segOther, textOf(n), n)
			return
		}
		w.kids(n)
		return
	default:
		w.kids(n)
		return
	}
	local := n.name.Local
	if skipped[local] {
		return
	}
	switch local {
	case "p":
		if w.note != nil {
			if len(w.note.segs) > 0 && len(w.paras) == 0 {
				w.note.add(&segment{kind: segJoin, text: " "})
			}
			w.paras = append(w.paras, nil)
			w.kids(n)
			w.paras = w.paras[:len(w.paras)-1]
			return
		}
		u := &unit{}
		w.paras = append(w.paras, u)
		w.kids(n)
		w.paras = w.paras[:len(w.paras)-1]
		// Listed as paragraphs end: a text box's paragraphs come before
		// the paragraph that holds it, as in the view.
		w.p.units = append(w.p.units, u)
	case "r":
		w.runElement(n)
	case "t":
		if w.visible() && w.run != nil {
			w.wText(n)
		} else {
			w.show(segOther, textOf(n), n)
		}
	case "tab", "ptab":
		w.show(segOther, " ", n)
	case "br", "cr":
		w.show(segOther, "\n", n)
	case "noBreakHyphen":
		w.show(segOther, "-", n)
	case "ins", "moveTo":
		w.inIns++
		w.kids(n)
		w.inIns--
	case "fldChar":
		switch n.attrVal("fldCharType") {
		case "begin":
			w.fields = append(w.fields, false)
		case "separate":
			if len(w.fields) > 0 {
				w.fields[len(w.fields)-1] = true
			}
		case "end":
			if len(w.fields) > 0 {
				w.fields = w.fields[:len(w.fields)-1]
			}
		}
	case "footnoteReference", "endnoteReference":
		if w.note == nil {
			w.show(segObj, string(objRune), n)
		}
	default:
		w.kids(n)
	}
}

// show adds shown, non-editable text.
func (w *walker) show(kind segKind, text string, el *node) {
	u := w.cur()
	if u == nil || !w.visible() || text == "" {
		return
	}
	u.add(&segment{kind: kind, text: text, run: w.run, el: el})
}

// runElement handles w:r: its properties, then its content.
func (w *walker) runElement(n *node) {
	r := &run{n: n, startTag: string(w.raw[n.start:n.tagEnd]), inIns: w.inIns > 0}
	savedHidden := w.hidden
	for _, k := range n.kids {
		if k.chars {
			continue
		}
		if k.is("rPr") {
			r.rPr = w.rPrCopy(k)
			for _, p := range k.kids {
				if !p.chars && p.is("vanish") && onOff(p.attrVal("val")) {
					w.hidden = true
				}
			}
			continue
		}
		r.content = append(r.content, k)
	}
	saved := w.run
	w.run = r
	for _, k := range r.content {
		w.element(k)
	}
	w.run = saved
	w.hidden = savedHidden
}

// rPrCopy returns a run's raw w:rPr without its w:rPrChange (whose id
// must stay unique) for the runs citecheck splits off.
func (w *walker) rPrCopy(rpr *node) string {
	var b strings.Builder
	from := rpr.start
	for _, k := range rpr.kids {
		if !k.chars && k.is("rPrChange") {
			b.Write(w.raw[from:k.start])
			from = k.end
		}
	}
	b.Write(w.raw[from:rpr.end])
	return b.String()
}

// wText adds a w:t's text as an editable segment, with the raw offset of
// every byte.
func (w *walker) wText(n *node) {
	u := w.cur()
	if u == nil || n.tagEnd == n.end {
		return
	}
	s := &segment{kind: segText, run: w.run, el: n}
	for _, a := range n.attr {
		if a.Name.Local == "space" && a.Value == "preserve" {
			s.preserve = true
		}
	}
	var text strings.Builder
	for _, k := range n.kids {
		if !k.chars {
			// An element inside w:t is not valid WordprocessingML: show
			// nothing editable here.
			w.show(segOther, textOf(n), n)
			return
		}
		off, ok := rawOffsets(w.raw[k.start:k.end], k.data)
		if !ok {
			w.show(segOther, textOf(n), n)
			return
		}
		for _, o := range off[:len(off)-1] {
			s.rawOff = append(s.rawOff, k.start+o)
		}
		text.WriteString(k.data)
	}
	s.rawOff = append(s.rawOff, n.endStart)
	s.text = text.String()
	if s.text != "" {
		u.add(s)
	}
}

func textOf(n *node) string {
	var b strings.Builder
	for _, k := range n.kids {
		if k.chars {
			b.WriteString(k.data)
		}
	}
	return b.String()
}

func onOff(v string) bool {
	switch v {
	case "0", "false", "off":
		return false
	}
	return true
}

// rawOffsets maps each byte of decoded character data to the raw offset
// (within raw) of the character it belongs to, plus len(raw) at the end.
// It returns false when it cannot reproduce the decoding (the text is
// then left alone).
func rawOffsets(raw []byte, decoded string) ([]int, bool) {
	off := make([]int, 0, len(decoded)+1)
	var got strings.Builder
	for i := 0; i < len(raw); {
		switch {
		case raw[i] == '&':
			j := bytes.IndexByte(raw[i:], ';')
			if j < 0 {
				return nil, false
			}
			s, ok := entity(string(raw[i+1 : i+j]))
			if !ok {
				return nil, false
			}
			for range len(s) {
				off = append(off, i)
			}
			got.WriteString(s)
			i += j + 1
		case raw[i] == '\r':
			off = append(off, i)
			got.WriteByte('\n')
			i++
			if i < len(raw) && raw[i] == '\n' {
				i++
			}
		case bytes.HasPrefix(raw[i:], []byte("<![CDATA[")):
			return nil, false
		default:
			off = append(off, i)
			got.WriteByte(raw[i])
			i++
		}
	}
	if got.String() != decoded {
		return nil, false
	}
	// Each byte of a multi-byte character points at its first byte.
	for k := 1; k < len(off); k++ {
		if decoded[k]&0xC0 == 0x80 {
			off[k] = off[k-1]
		}
	}
	return append(off, len(raw)), true
}

func entity(name string) (string, bool) {
	switch name {
	case "amp":
		return "&", true
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "quot":
		return "\"", true
	case "apos":
		return "'", true
	}
	if strings.HasPrefix(name, "#") {
		var n uint64
		var err error
		if strings.HasPrefix(name, "#x") || strings.HasPrefix(name, "#X") {
			n, err = strconv.ParseUint(name[2:], 16, 32)
		} else {
			n, err = strconv.ParseUint(name[1:], 10, 32)
		}
		if err != nil {
			return "", false
		}
		return string(rune(n)), true
	}
	return "", false
}
