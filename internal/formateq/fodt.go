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
	d := document.Parse(f)
	text := f.Text
	var st Stats

	// Which source bytes ended up in the body and in each footnote.
	inBody := make([]bool, len(text)+1)
	mark := func(s *document.Stream, fn func(int)) {
		for i := 0; i < len(s.Text); i++ {
			if p := s.Src(i); p < len(text) && text[p] == s.Text[i] && !isSpaceByte(text[p]) {
				fn(p)
			}
		}
	}
	mark(&d.Body, func(p int) { inBody[p] = true })
	inNote := make([]bool, len(text)+1)
	for _, fn := range d.Footnotes {
		mark(&fn.Text, func(p int) { inNote[p] = true })
	}
	for _, mk := range d.Markers {
		for p := mk.Start; p < mk.End; p++ {
			if !isSpaceByte(text[p]) {
				inBody[p] = true
			}
		}
	}

	// Which marker anchors which footnote.
	noteIndex := map[*document.Footnote]int{}
	for i, fn := range d.Footnotes {
		noteIndex[fn] = i
	}
	anchorOf := map[int]int{} // marker index → footnote index
	anchored := make([]bool, len(d.Footnotes))
	for i, mk := range d.Markers {
		fn := d.Footnote(mk.Label, mk.Start)
		switch {
		case fn == nil:
			st.Dangling++
		case anchored[noteIndex[fn]]:
			st.Repeated++
		default:
			anchored[noteIndex[fn]] = true
			anchorOf[i] = noteIndex[fn]
		}
	}
	// Unlinked footnotes follow the previous footnote's note.
	after := map[int][]int{} // footnote index → unlinked footnotes after it
	var lead []int           // unlinked footnotes before any linked one
	prev := -1
	for i := range d.Footnotes {
		if anchored[i] {
			prev = i
			continue
		}
		st.Unlinked++
		if prev < 0 {
			lead = append(lead, i)
		} else {
			after[prev] = append(after[prev], i)
		}
	}
	st.Footnotes = len(d.Footnotes)
	st.Linked = st.Footnotes - st.Unlinked

	// Lines.
	type srcLine struct {
		start, end int
		kind       lineKind
	}
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
		l := srcLine{start: start, end: end}
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

	// Paragraphs.
	var paras []*para
	var cur *para            // the open body paragraph
	var pendingOther []*para // furniture met since cur was cut
	gap, cut := false, false // a blank line / a note or furniture line since cur's last line
	curAlone := false        // cur is a number alone
	mi := 0                  // next marker
	for _, l := range lines {
		switch l.kind {
		case lBlank:
			gap = cur != nil
			continue
		case lNote:
			cut = cur != nil
			continue
		case lOther:
			p := &para{pieces: []piece{{from: l.start, to: l.end, note: isText}}}
			if cur != nil {
				cut = true
				pendingOther = append(pendingOther, p)
			} else {
				paras = append(paras, p)
			}
			continue
		}
		// A body line: continue cur, or start a paragraph. A number
		// alone on its line (a page number of OCR text) stays a
		// paragraph of its own, as the parser reads it on its own line.
		alone := isNumber(text[l.start:l.end])
		switch {
		case cur != nil && (alone || curAlone):
			paras = append(paras, pendingOther...)
			pendingOther = nil
			cur = &para{body: true}
			paras = append(paras, cur)
		case cur != nil && !gap && !cut:
			cur.pieces = append(cur.pieces, piece{note: isSpace}) // a joining space
		case cur != nil && cut && continues(text, cur, l.start):
			cur.pieces = append(cur.pieces, piece{note: isSpace})
			st.Joined++
			pendingOther = nil // page furniture: a word processor has it in the header
		default:
			paras = append(paras, pendingOther...)
			pendingOther = nil
			cur = &para{body: true}
			paras = append(paras, cur)
		}
		gap, cut, curAlone = false, false, alone
		pos := l.start
		for mi < len(d.Markers) && d.Markers[mi].Start < l.end {
			mk := d.Markers[mi]
			if fi, ok := anchorOf[mi]; ok {
				if mk.Start > pos {
					cur.pieces = append(cur.pieces, piece{from: pos, to: mk.Start, note: isText})
				}
				cur.pieces = append(cur.pieces, piece{note: fi})
				for _, u := range after[fi] {
					cur.pieces = append(cur.pieces, piece{note: u})
				}
				pos = mk.End
			}
			mi++
		}
		if pos < l.end {
			cur.pieces = append(cur.pieces, piece{from: pos, to: l.end, note: isText})
		}
	}
	paras = append(paras, pendingOther...)
	if len(lead) > 0 {
		// After the first word of the first body paragraph, where they
		// cannot follow a treaty's name (nor start a line, where a PDF
		// would show them as a footnote's label).
		var notes []piece
		for _, u := range lead {
			notes = append(notes, piece{note: u})
		}
		i := 0
		for i < len(paras) && !paras[i].body {
			i++
		}
		if i == len(paras) {
			paras = append(paras, &para{body: true})
		}
		p := paras[i]
		at, split := 0, 0
		for at < len(p.pieces) && p.pieces[at].note != isText {
			at++
		}
		if at < len(p.pieces) {
			pc := p.pieces[at]
			w := bytes.IndexFunc(text[pc.from:pc.to], unicode.IsSpace)
			if w < 0 {
				w = pc.to - pc.from
			}
			split = pc.from + w
			rest := append([]piece{{from: pc.from, to: split, note: isText}}, notes...)
			if split < pc.to {
				rest = append(rest, piece{from: split, to: pc.to, note: isText})
			}
			p.pieces = append(p.pieces[:at], append(rest, p.pieces[at+1:]...)...)
		} else {
			p.pieces = append(p.pieces, notes...)
		}
	}

	// Footnote numbering: automatic when the numeric labels, in anchor
	// order, are 1, 2, 3 …; custom marks otherwise (LibreOffice neither
	// reads a start value from a .fodt nor writes one to a .docx), and for
	// labels such as "*".
	var order []int
	for _, p := range paras {
		for _, pc := range p.pieces {
			if pc.note >= 0 {
				order = append(order, pc.note)
			}
		}
	}
	next, auto := 1, true
	for _, fi := range order {
		fn := d.Footnotes[fi]
		if fn.Num <= 0 || strconv.Itoa(fn.Num) != fn.Label {
			continue
		}
		if fn.Num != next {
			auto = false
			break
		}
		next++
	}

	var b bytes.Buffer
	writeHead(&b)
	for _, p := range paras {
		b.WriteString("   <text:p text:style-name=\"Standard\">")
		for _, pc := range p.pieces {
			switch {
			case pc.note == isSpace:
				b.WriteString(" ")
			case pc.note >= 0:
				fn := d.Footnotes[pc.note]
				custom := !auto || fn.Num <= 0 || strconv.Itoa(fn.Num) != fn.Label
				fmt.Fprintf(&b, `<text:note text:id="ftn%d" text:note-class="footnote">`, pc.note+1)
				if custom {
					fmt.Fprintf(&b, `<text:note-citation text:label="%s">%s</text:note-citation>`, esc(fn.Label), esc(fn.Label))
				} else {
					fmt.Fprintf(&b, `<text:note-citation>%s</text:note-citation>`, fn.Label)
				}
				b.WriteString(`<text:note-body><text:p text:style-name="Footnote">`)
				writeText(&b, fn.Text.Text)
				b.WriteString(`</text:p></text:note-body></text:note>`)
			default:
				writeText(&b, string(text[pc.from:pc.to]))
			}
		}
		b.WriteString("</text:p>\n")
	}
	b.WriteString("  </office:text>\n </office:body>\n</office:document>\n")
	return b.Bytes(), st
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
