package document

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/internal/bytescan"
)

// footnoteBuilder builds a document's footnotes as classify finds their
// lines.
type footnoteBuilder struct {
	text []byte
	b    streamBuilder // shared by all the footnotes
	// notes are the footnotes, by value (not one allocation each); open
	// says that the last is still being built.
	notes []Footnote
	open  bool
	// blocks counts the blocks of footnotes started; inBlock says that
	// no body text has come since the last footnote.
	blocks  int32
	inBlock bool
	// lastBase and lastSeg0 are where the last footnote's text starts in
	// b, for reopen.
	lastBase, lastSeg0 int
	// word is Options.Word. held is where a hyphen that ended the last
	// line copied stands in text, left out until the next line shows
	// whether it joins a word broken at the line's end ("Treaty Se-" and
	// "ries"); heldFrom is where that line starts. 0: none.
	word           func([]byte) bool
	held, heldFrom int
}

// copyLine copies the trimmed line text[from:to] to the footnote, holding
// back a hyphen at its end after a small letter (held).
func (fb *footnoteBuilder) copyLine(from, to int) {
	if fb.word != nil && to-from >= 3 && fb.text[to-1] == '-' && isLowerByte(fb.text[to-2]) {
		fb.b.copy(fb.text, from, to-1)
		fb.held, fb.heldFrom = to-1, from
		return
	}
	fb.b.copy(fb.text, from, to)
}

// release writes the hyphen held back, if any.
func (fb *footnoteBuilder) release() {
	if fb.held > 0 {
		fb.b.copyPlain(fb.text, fb.held, fb.held+1)
		fb.held = 0
	}
}

// start starts the footnote labelled label whose line starts at
// lineStart, and whose text starts at text[textStart:end].
func (fb *footnoteBuilder) start(label string, lineStart, textStart, end int) {
	fb.flush()
	if fb.b.segs == nil {
		// Room for a few footnotes: spare the first steps of growth.
		fb.b.buf.Grow(512)
		fb.b.segs = make([]seg, 0, 16)
		// A document with footnotes has a few dozen of them, mostly.
		fb.notes = make([]Footnote, 0, 16)
	}
	if !fb.inBlock {
		fb.blocks++
		fb.inBlock = true
	}
	fb.notes = append(fb.notes, Footnote{Label: label, Num: labelNum(label), Start: lineStart, block: fb.blocks - 1})
	fb.open = true
	from, to := trimSpace(fb.text, textStart, end)
	fb.copyLine(from, to)
}

// cont continues the footnote, if any, with the trimmed line
// text[from:to].
func (fb *footnoteBuilder) cont(from, to int) {
	if !fb.open || from >= to {
		return
	}
	if fb.held > 0 && wordBroken(fb.text, fb.heldFrom, fb.held+1, from, to, fb.word) {
		fb.held = 0 // the hyphen is left out, and no space joins the parts
	} else {
		fb.release()
		fb.b.join(fb.text[from])
	}
	fb.copyLine(from, to)
}

// flush ends the footnote, if any.
func (fb *footnoteBuilder) flush() {
	if fb.open {
		fb.release()
		fb.lastBase, fb.lastSeg0 = fb.b.base, fb.b.seg0
		fb.notes[len(fb.notes)-1].Text = fb.b.stream()
		fb.open = false
	}
}

// reopen continues the last footnote, ended by what came between (page
// furniture, the next page's body), and reports whether there was one to
// continue. Its text is the tail of b, which nothing has followed.
func (fb *footnoteBuilder) reopen() bool {
	if fb.open || len(fb.notes) == 0 || fb.b.base != fb.b.buf.Len() {
		return false
	}
	fb.b.base, fb.b.seg0 = fb.lastBase, fb.lastSeg0
	fb.open = true
	return true
}

// footnotes ends the last footnote and returns them all.
func (fb *footnoteBuilder) footnotes() []*Footnote {
	fb.flush()
	if len(fb.notes) == 0 {
		return nil
	}
	fs := make([]*Footnote, len(fb.notes))
	for i := range fb.notes {
		fs[i] = &fb.notes[i]
	}
	return fs
}

// buildBody builds the body from its lines (classify's body and size),
// taking footnote markers out.
func (d *Document) buildBody(body []span, size int, hard bool, word func([]byte) bool) {
	text := d.File.Text
	// A line takes a seg, and so does the text after each marker.
	b := streamBuilder{segs: make([]seg, 0, len(body)+len(d.Footnotes)), hard: hard}
	b.buf.Grow(size)
	if len(d.Footnotes) == 0 && !mayHaveMarkers(text) {
		// Digits are markers only where there are footnotes: with no
		// superscript digits or "[^" either, the body is its lines.
		for k, l := range body {
			b.lineBreak(text, l)
			if l.para {
				d.Paras = append(d.Paras, b.len())
			}
			b.copyLine(text, l.from, l, body, k, word)
		}
		d.Body = b.stream()
		return
	}
	// Every place a marker may stand, then the best chain of them.
	cs := candScan{text: text, notes: d.Footnotes, defined: newLabelSet(d.Footnotes)}
	var slashed []*Footnote
	for _, f := range d.Footnotes {
		if f.Label[0] == '*' {
			cs.stars = true
		}
		if f.slash {
			slashed = append(slashed, f)
		}
	}
	cs.slashLabels = newLabelSet(slashed)
	cs.stops = markerSet.BitmapBytes(text, bytescan.GetBitmap())
	var prev span
	for _, l := range body {
		cs.line(l, prev)
		prev = l
	}
	bytescan.PutBitmap(cs.stops)
	if cs.unsorted {
		slices.SortStableFunc(cs.cands, func(a, b cand) int { return a.start - b.start })
	}
	blocks := make([]int32, len(d.Footnotes))
	for k, f := range d.Footnotes {
		blocks[k] = f.block
	}
	marks, notes := align(cs.cands, d.Footnotes, blocks)
	if len(marks) > 0 {
		d.Markers = make([]Marker, 0, len(marks))
	}
	// Copy the lines, leaving the markers out.
	j := 0
	for k, l := range body {
		b.lineBreak(text, l)
		if l.para {
			d.Paras = append(d.Paras, b.len())
		}
		pos := l.from
		for ; j < len(marks) && marks[j].start < l.to; j++ {
			m := &marks[j]
			b.copy(text, pos, m.start)
			d.Markers = append(d.Markers, Marker{Label: m.label, At: b.len(), Start: m.ds, End: m.de, Note: notes[j]})
			pos = m.end
		}
		b.copyLine(text, pos, l, body, k, word)
	}
	d.Body = b.stream()
}

// copyLine copies the rest of body line l = body[k], from pos: without a
// typesetter's hyphen at its end (hyphenBreak), which then joins it to the
// next line with no space, as a soft hyphen does.
func (b *streamBuilder) copyLine(text []byte, pos int, l span, body []span, k int, word func([]byte) bool) {
	if word != nil && k+1 < len(body) && pos < l.to && hyphenBreak(text, l, body[k+1], word) {
		b.copy(text, pos, l.to-1)
		b.glue = true
		return
	}
	b.copy(text, pos, l.to)
}

// lineBreak appends what joins body line l to the line before: a space,
// or nothing inside a symbol broken after a slash (join); a paragraph
// break is always a space.
func (b *streamBuilder) lineBreak(text []byte, l span) {
	if l.para || l.from >= l.to {
		b.space()
		return
	}
	b.join(text[l.from])
}

// mayHaveMarkers reports whether text has superscript digits or "[^",
// which are markers even without footnotes. (It may report other
// characters of U+2040–U+207F as superscript digits.)
func mayHaveMarkers(text []byte) bool {
	return bytes.Contains(text, []byte("[^")) ||
		bytes.Contains(text, []byte("\u2070")[:2]) || // ⁰, ⁴–⁹: E2 81 B0, E2 81 B4–B9
		bytes.Contains(text, []byte("¹")) || bytes.Contains(text, []byte("²")) || bytes.Contains(text, []byte("³"))
}

// abbreviations after which digits are a number, not a footnote marker.
var numberWords = map[string]bool{
	"no": true, "nos": true, "vol": true, "vols": true, "para": true, "paras": true,
	"p": true, "pp": true, "art": true, "arts": true, "chap": true, "sect": true,
	"add": true, "rev": true, "corr": true, "l": true, "suppl": true, "fig": true,
	"annex": true, "resolution": true, "resolutions": true, "decision": true, "decisions": true,
	"paragraph": true, "paragraphs": true, "article": true, "articles": true, "rule": true,
	"rules": true, "section": true, "chapter": true, "session": true, "principle": true,
	"principles": true, "goal": true, "goals": true, "target": true, "targets": true,
	"the": true, "a": true, "an": true, "of": true, "to": true, "and": true, "or": true,
	"in": true, "on": true, "at": true, "by": true, "for": true, "from": true, "with": true,
	"between": true, "than": true, "some": true, "over": true, "under": true, "about": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"amendment": true, "item": true, "items": true, "page": true, "pages": true,
	"level": true, "phase": true, "step": true, "part": true, "title": true, "volume": true,
	"number": true, "meeting": true, "plenary": true, "sdg": true, "covid": true, "g": true,
	"agenda": true, "appendix": true, "annexes": true, "schedule": true, "tables": true, "table": true,
	"figure": true, "box": true, "option": true, "cluster": true, "group": true, "category": true,
	"only": true, "all": true, "these": true, "those": true, "its": true, "their": true, "his": true, "her": true,
	"approximately": true, "nearly": true, "almost": true, "least": true, "most": true,
	"estimated": true, "total": true, "additional": true, "another": true, "first": true, "last": true,
	"every": true, "each": true, "per": true, "within": true, "until": true, "since": true, "before": true, "after": true,
}

// citeWords precede a number that is part of a citation ("No. 14152").
var citeWords = map[string]bool{
	"no": true, "nos": true, "vol": true, "vols": true, "p": true, "pp": true, "para": true, "paras": true,
}

// afterMarker words often follow a marker ("…Convention,1 and the …").
var afterMarker = map[string]bool{
	"and": true, "or": true, "of": true, "to": true, "in": true, "on": true, "for": true,
	"with": true, "which": true, "that": true, "as": true, "by": true, "is": true, "are": true,
	"was": true, "were": true, "has": true, "have": true, "the": true, "its": true, "their": true,
	"including": true, "adopted": true, "entitled": true, "held": true, "signed": true, "done": true,
	"where": true, "whereby": true, "whose": true, "also": true, "at": true, "from": true, "under": true,
	"should": true, "shall": true, "will": true, "would": true, "must": true, "may": true, "can": true,
	"had": true, "be": true, "been": true, "being": true, "not": true, "both": true, "respectively": true,
	"among": true, "into": true, "within": true, "between": true, "through": true, "towards": true,
	"particularly": true, "especially": true, "notably": true, "such": true,
	"recognizing": true, "reaffirming": true, "recalling": true, "noting": true, "stressing": true,
	"emphasizing": true, "taking": true, "bearing": true, "welcoming": true, "expressing": true,
	"concerning": true, "relating": true, "regarding": true, "whereas": true, "while": true,
}

// units after which superscript digits are an exponent, not a marker.
var units = map[string]bool{"m": true, "cm": true, "mm": true, "km": true, "ft": true, "in": true}

// exponent reports whether superscript digits at i are an exponent: after
// "10" ("10⁶") or a unit ("50 m³", "km²").
func exponent(text []byte, lineStart, i int) bool {
	if i == lineStart {
		return false
	}
	// "10⁶", "10⁻³": a power of ten. ("of 1988¹⁰" is a year and a marker.)
	if i-lineStart >= 2 && string(text[i-2:i]) == "10" && (i-2 == lineStart || !isDigitByte(text[i-3])) {
		return true
	}
	j := i
	for j > lineStart && isLetterByte(text[j-1]) {
		j--
	}
	return i-j <= 2 && units[string(text[j:i])] && (j == lineStart || !isLetterByte(text[j-1]))
}

// wordRuneAt reports whether b starts with a letter or digit (superscript
// digits are markers, not word characters).
func wordRuneAt(b []byte) bool {
	if b[0] < utf8.RuneSelf {
		return isWordByte(b[0])
	}
	r, _ := utf8.DecodeRune(b)
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isSuperDigit(r)
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' }

func isAllUpper(w []byte) bool {
	for _, r := range string(w) {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// prevWord returns the lower-cased word before the token starting at ts,
// with trailing dots removed ("No." → "no").
func prevWord(text []byte, lineStart, ts int) string {
	s, e := prevWordSpan(text, lineStart, ts)
	return string(bytes.ToLower(bytes.TrimRight(text[s:e], ".")))
}

// prevWordSpan returns the bounds of the word before text[ts] (after
// lineStart), spaces between left out.
func prevWordSpan(text []byte, lineStart, ts int) (s, e int) {
	e = ts
	for e > lineStart && isSpaceByte(text[e-1]) {
		e--
	}
	s = e
	for s > lineStart && !isSpaceByte(text[s-1]) {
		s--
	}
	return s, e
}

// afterNumberWord reports whether the word before text[ts] (after
// lineStart) is one that numbers follow (numberWords: "paragraph 4", "No.
// 5"), as prevWord would give it, without making a string of it: this is
// asked of every occurrence of a label's digits in a body.
func afterNumberWord(text []byte, lineStart, ts int) bool {
	s, e := prevWordSpan(text, lineStart, ts)
	for e > s && text[e-1] == '.' {
		e--
	}
	var buf [16]byte
	if e-s > len(buf) {
		return false // no number word is so long
	}
	w := buf[:e-s]
	for i, c := range text[s:e] {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		w[i] = c
	}
	return numberWords[string(w)]
}

// atoi parses a footnote label of digits; anything else is 0. (It spares
// strconv's error allocations for labels such as "*".)
func atoi[T string | []byte](s T) int {
	if len(s) == 0 || len(s) > 9 {
		return 0
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// labelNum returns the number a label stands for, or 0 for a label that is
// no number or has a leading zero: "[^09]" is not "[^9]" (Markdown's
// labels are names), and only the same name refers to it.
func labelNum[T string | []byte](label T) int {
	if len(label) > 1 && label[0] == '0' {
		return 0
	}
	return atoi(label)
}

// atoiBytes parses ASCII digits (the caller checked them); 0 if empty.
func atoiBytes(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}
