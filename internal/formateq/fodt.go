// Package formateq checks that a document gives citecheck the same
// findings and the same references whatever its format. It turns a text
// document into a flat OpenDocument text (.fodt) with real footnotes,
// which LibreOffice converts to .docx and PDF (scripts/format-equivalence.sh),
// and compares what citecheck reports on each version, positions aside.
package formateq

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/source"
)

// Stats says how a text became a .fodt.
type Stats struct {
	Footnotes int // footnotes written as notes
	Linked    int // of which anchored where a body marker stood
	Unlinked  int // of which no marker pointed to: anchored after the previous note
	Repeated  int // markers of a footnote already anchored: kept as text
	Dangling  int // markers of no footnote: kept as text
	Joined    int // paragraphs joined across a footnote block or page furniture
}

// piece is a part of an output paragraph: source text, a joining space
// or a note.
type piece struct {
	from, to int // source range, when note is isText
	note     int // index into the document's Footnotes, or isText or isSpace
}

const (
	isText  = -1
	isSpace = -2
)

type para struct {
	pieces []piece
	body   bool // body text (else a line of page furniture or front matter)
}

// lineKind classifies a source line by what the parser made of it.
type lineKind uint8

const (
	lBlank lineKind = iota
	lBody
	lNote
	lOther // page furniture, a footnote rule, front matter
)

// FODT turns the text document f into a flat OpenDocument text. The text
// is read as citecheck reads it (package document): body lines become
// paragraphs (a source paragraph, its wrapped lines joined by spaces,
// becomes one paragraph; one cut by a footnote block or page furniture in
// mid-sentence is joined again), each footnote marker the parser
// recognised becomes a real footnote holding that footnote's text, and
// footnote blocks and "____" rules are left out. Lines the parser leaves
// out of the body (page furniture, front matter) are kept as paragraphs of
// their own, so that the document's own metadata reads the same. Footnotes
// no marker points to are anchored right after the previous footnote's
// note, so that footnote order (and Ibid.) is kept.
func FODT(f *source.File) ([]byte, Stats) {
	fb := &fodtBuilder{d: document.Parse(f), text: f.Text}
	fb.anchorNotes()
	fb.paragraphs(fb.lines())
	fb.placeLeadingNotes()
	return fb.write(), fb.st
}

// fodtBuilder carries FODT's steps: which marker anchors which footnote
// (anchorNotes), what each source line is (lines), the paragraphs
// (paragraphs, placeLeadingNotes), and the XML (write).
type fodtBuilder struct {
	d    *document.Document
	text []byte
	st   Stats

	anchorOf map[int]int   // marker index → footnote index
	after    map[int][]int // footnote index → unlinked footnotes after it
	lead     []int         // unlinked footnotes before any linked one
	paras    []*para
}

// anchorNotes decides which marker anchors which footnote: the first
// marker of each; footnotes no marker points to follow the previous
// footnote's note.
func (fb *fodtBuilder) anchorNotes() {
	d := fb.d
	noteIndex := map[*document.Footnote]int{}
	for i, fn := range d.Footnotes {
		noteIndex[fn] = i
	}
	fb.anchorOf = map[int]int{}
	anchored := make([]bool, len(d.Footnotes))
	for i, mk := range d.Markers {
		fn := d.Footnote(mk.Label, mk.Start)
		switch {
		case fn == nil:
			fb.st.Dangling++
		case anchored[noteIndex[fn]]:
			fb.st.Repeated++
		default:
			anchored[noteIndex[fn]] = true
			fb.anchorOf[i] = noteIndex[fn]
		}
	}
	fb.after = map[int][]int{}
	prev := -1
	for i := range d.Footnotes {
		if anchored[i] {
			prev = i
			continue
		}
		fb.st.Unlinked++
		if prev < 0 {
			fb.lead = append(fb.lead, i)
		} else {
			fb.after[prev] = append(fb.after[prev], i)
		}
	}
	fb.st.Footnotes = len(d.Footnotes)
	fb.st.Linked = fb.st.Footnotes - fb.st.Unlinked
}

// srcLine is a source line, trimmed, with what the parser made of it.
type srcLine struct {
	start, end int
	kind       lineKind
}

// sourceMap says which source bytes ended up in the body (markers
// included) and which in a footnote.
func (fb *fodtBuilder) sourceMap() (inBody, inNote []bool) {
	text := fb.text
	mark := func(s *document.Stream, fn func(int)) {
		for i := 0; i < len(s.Text); i++ {
			if p := s.Src(i); p < len(text) && text[p] == s.Text[i] && !isSpaceByte(text[p]) {
				fn(p)
			}
		}
	}
	inBody = make([]bool, len(text)+1)
	mark(&fb.d.Body, func(p int) { inBody[p] = true })
	inNote = make([]bool, len(text)+1)
	for _, fn := range fb.d.Footnotes {
		mark(&fn.Text, func(p int) { inNote[p] = true })
	}
	for _, mk := range fb.d.Markers {
		for p := mk.Start; p < mk.End; p++ {
			if !isSpaceByte(text[p]) {
				inBody[p] = true
			}
		}
	}
	return inBody, inNote
}

// lines splits the source into lines and classifies each.
func (fb *fodtBuilder) lines() []srcLine {
	text := fb.text
	inBody, inNote := fb.sourceMap()
	var lines []srcLine
	for start := 0; start <= len(text); {
		end := bytes.IndexByte(text[start:], '\n')
		next := 0
		if end < 0 {
			end, next = len(text), len(text)+1
		} else {
			end += start
			next = end + 1
		}
		l := srcLine{}
		l.start, l.end = trim(text, start, end)
		switch {
		case l.start >= l.end:
			l.kind = lBlank
		case anyTrue(inBody[l.start:l.end]):
			l.kind = lBody
		case anyTrue(inNote[l.start:l.end]):
			l.kind = lNote
		case isRule(text[l.start:l.end]):
			l.kind = lBlank
		default:
			l.kind = lOther
		}
		lines = append(lines, l)
		start = next
	}
	return lines
}

// paraState is where paragraphs stand while the lines are read.
type paraState struct {
	cur          *para   // the open body paragraph
	pendingOther []*para // furniture met since cur was cut
	gap, cut     bool    // a blank line / a note or furniture line since cur's last line
	curAlone     bool    // cur is a number alone
	mi           int     // next marker
}

// paragraphs makes the paragraphs of the lines: body lines join their
// paragraph, notes and rules are left out, other lines stand alone.
func (fb *fodtBuilder) paragraphs(lines []srcLine) {
	ps := &paraState{}
	for _, l := range lines {
		switch l.kind {
		case lBlank:
			ps.gap = ps.cur != nil
		case lNote:
			ps.cut = ps.cur != nil
		case lOther:
			p := &para{pieces: []piece{{from: l.start, to: l.end, note: isText}}}
			if ps.cur != nil {
				ps.cut = true
				ps.pendingOther = append(ps.pendingOther, p)
			} else {
				fb.paras = append(fb.paras, p)
			}
		default:
			fb.bodyLine(ps, l)
		}
	}
	fb.paras = append(fb.paras, ps.pendingOther...)
}

// bodyLine adds a body line: it continues the open paragraph, or starts
// one. A number alone on its line (a page number of OCR text) stays a
// paragraph of its own, as the parser reads it on its own line. Its
// markers become the notes they anchor.
func (fb *fodtBuilder) bodyLine(ps *paraState, l srcLine) {
	text := fb.text
	alone := isNumber(text[l.start:l.end])
	switch {
	case ps.cur != nil && !(alone || ps.curAlone) && !ps.gap && !ps.cut:
		ps.cur.pieces = append(ps.cur.pieces, piece{note: isSpace}) // a joining space
	case ps.cur != nil && !(alone || ps.curAlone) && ps.cut && continues(text, ps.cur, l.start):
		ps.cur.pieces = append(ps.cur.pieces, piece{note: isSpace})
		fb.st.Joined++
		ps.pendingOther = nil // page furniture: a word processor has it in the header
	default:
		fb.paras = append(fb.paras, ps.pendingOther...)
		ps.pendingOther = nil
		ps.cur = &para{body: true}
		fb.paras = append(fb.paras, ps.cur)
	}
	ps.gap, ps.cut, ps.curAlone = false, false, alone
	pos := l.start
	for ; ps.mi < len(fb.d.Markers) && fb.d.Markers[ps.mi].Start < l.end; ps.mi++ {
		mk := fb.d.Markers[ps.mi]
		fi, ok := fb.anchorOf[ps.mi]
		if !ok {
			continue
		}
		if mk.Start > pos {
			ps.cur.pieces = append(ps.cur.pieces, piece{from: pos, to: mk.Start, note: isText})
		}
		ps.cur.pieces = append(ps.cur.pieces, piece{note: fi})
		for _, u := range fb.after[fi] {
			ps.cur.pieces = append(ps.cur.pieces, piece{note: u})
		}
		pos = mk.End
	}
	if pos < l.end {
		ps.cur.pieces = append(ps.cur.pieces, piece{from: pos, to: l.end, note: isText})
	}
}

// placeLeadingNotes anchors the footnotes before any linked one after the
// first word of the first body paragraph, where they cannot follow a
// treaty's name (nor start a line, where a PDF would show them as a
// footnote's label).
func (fb *fodtBuilder) placeLeadingNotes() {
	if len(fb.lead) == 0 {
		return
	}
	var notes []piece
	for _, u := range fb.lead {
		notes = append(notes, piece{note: u})
	}
	i := 0
	for i < len(fb.paras) && !fb.paras[i].body {
		i++
	}
	if i == len(fb.paras) {
		fb.paras = append(fb.paras, &para{body: true})
	}
	p := fb.paras[i]
	at := 0
	for at < len(p.pieces) && p.pieces[at].note != isText {
		at++
	}
	if at == len(p.pieces) {
		p.pieces = append(p.pieces, notes...)
		return
	}
	pc := p.pieces[at]
	w := bytes.IndexFunc(fb.text[pc.from:pc.to], unicode.IsSpace)
	if w < 0 {
		w = pc.to - pc.from
	}
	split := pc.from + w
	rest := append([]piece{{from: pc.from, to: split, note: isText}}, notes...)
	if split < pc.to {
		rest = append(rest, piece{from: split, to: pc.to, note: isText})
	}
	p.pieces = append(p.pieces[:at], append(rest, p.pieces[at+1:]...)...)
}

// autoNumbered reports whether the footnotes can be numbered
// automatically: their numeric labels, in anchor order, are 1, 2, 3 …
// (else custom marks: LibreOffice neither reads a start value from a
// .fodt nor writes one to a .docx). Labels such as "*" are custom either
// way.
func (fb *fodtBuilder) autoNumbered() bool {
	next := 1
	for _, p := range fb.paras {
		for _, pc := range p.pieces {
			if pc.note < 0 {
				continue
			}
			fn := fb.d.Footnotes[pc.note]
			if !numericLabel(fn) {
				continue
			}
			if fn.Num != next {
				return false
			}
			next++
		}
	}
	return true
}

func numericLabel(fn *document.Footnote) bool {
	return fn.Num > 0 && strconv.Itoa(fn.Num) == fn.Label
}

// write writes the paragraphs as a flat OpenDocument text.
func (fb *fodtBuilder) write() []byte {
	auto := fb.autoNumbered()
	var b bytes.Buffer
	writeHead(&b)
	for _, p := range fb.paras {
		b.WriteString("   <text:p text:style-name=\"Standard\">")
		for _, pc := range p.pieces {
			switch {
			case pc.note == isSpace:
				b.WriteString(" ")
			case pc.note >= 0:
				writeNote(&b, pc.note, fb.d.Footnotes[pc.note], auto)
			default:
				writeText(&b, string(fb.text[pc.from:pc.to]))
			}
		}
		b.WriteString("</text:p>\n")
	}
	b.WriteString("  </office:text>\n </office:body>\n</office:document>\n")
	return b.Bytes()
}

// writeNote writes footnote number i, with a custom mark unless the
// document's footnotes are numbered automatically and its label is a
// number.
func writeNote(b *bytes.Buffer, i int, fn *document.Footnote, auto bool) {
	fmt.Fprintf(b, `<text:note text:id="ftn%d" text:note-class="footnote">`, i+1)
	if !auto || !numericLabel(fn) {
		fmt.Fprintf(b, `<text:note-citation text:label="%s">%s</text:note-citation>`, esc(fn.Label), esc(fn.Label))
	} else {
		fmt.Fprintf(b, `<text:note-citation>%s</text:note-citation>`, fn.Label)
	}
	b.WriteString(`<text:note-body><text:p text:style-name="Footnote">`)
	writeText(b, fn.Text.Text)
	b.WriteString(`</text:p></text:note-body></text:note>`)
}

// continues reports whether the body line at from continues the sentence
// of paragraph p, cut by a footnote block or page furniture: the line
// starts in lower case, or p is a paragraph of running text (not a line
// of the masthead) that ends in a letter, a digit or a hyphen
// ("Disaster-" / "Resilient").
func continues(text []byte, p *para, from int) bool {
	var last rune
	n := 0
	for i := len(p.pieces) - 1; i >= 0; i-- {
		if pc := p.pieces[i]; pc.note == isText && pc.to > pc.from {
			if last == 0 {
				last, _ = utf8.DecodeLastRune(text[pc.from:pc.to])
			}
			n += pc.to - pc.from
		}
	}
	r, _ := utf8.DecodeRune(text[from:])
	return unicode.IsLower(r) || n >= 100 && (unicode.IsLetter(last) || unicode.IsDigit(last) || last == '-')
}

func writeHead(b *bytes.Buffer) {
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman" style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:text-properties style:font-name="Liberation Serif" fo:font-size="11pt" fo:language="en" fo:country="GB" fo:hyphenate="false"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text">
   <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm"/>
  </style:style>
  <style:style style:name="Footnote" style:family="paragraph" style:class="extra">
   <style:paragraph-properties fo:margin-left="0.6cm" fo:text-indent="-0.6cm" fo:margin-bottom="0.1cm"/>
   <style:text-properties fo:font-size="9pt"/>
  </style:style>
  <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
 </office:styles>
 <office:body>
  <office:text>
`)
}

// writeText writes s as ODF paragraph text: XML escaped, runs of spaces
// kept (<text:s/>), tabs as <text:tab/>, other control characters dropped.
func writeText(b *bytes.Buffer, s string) {
	spaces := 0
	flush := func() {
		if spaces > 0 {
			b.WriteByte(' ')
			if spaces > 1 {
				fmt.Fprintf(b, `<text:s text:c="%d"/>`, spaces-1)
			}
			spaces = 0
		}
	}
	for _, r := range s {
		switch {
		case r == ' ':
			spaces++
			continue
		case r == '\t':
			flush()
			b.WriteString("<text:tab/>")
			continue
		case r < 0x20 || r == 0x7f || r == 0xFFFE || r == 0xFFFF:
			continue
		}
		flush()
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	flush()
}

func esc(s string) string {
	var b bytes.Buffer
	writeText(&b, s)
	return strings.ReplaceAll(b.String(), `"`, "&quot;")
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func trim(text []byte, from, to int) (int, int) {
	for from < to {
		r, n := utf8.DecodeRune(text[from:to])
		if !unicode.IsSpace(r) {
			break
		}
		from += n
	}
	for to > from {
		r, n := utf8.DecodeLastRune(text[from:to])
		if !unicode.IsSpace(r) {
			break
		}
		to -= n
	}
	return from, to
}

func isNumber(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

func anyTrue(b []bool) bool {
	for _, v := range b {
		if v {
			return true
		}
	}
	return false
}

func isRule(b []byte) bool {
	b = bytes.TrimSpace(b)
	return len(b) >= 5 && len(bytes.Trim(b, "_")) == 0
}
