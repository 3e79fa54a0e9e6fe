package document

import (
	"bytes"
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
	fb.notes = append(fb.notes, Footnote{Label: label, Num: atoi(label), Start: lineStart})
	fb.open = true
	from, to := trimSpace(fb.text, textStart, end)
	fb.b.copy(fb.text, from, to)
}

// cont continues the footnote, if any, with the trimmed line
// text[from:to].
func (fb *footnoteBuilder) cont(from, to int) {
	if !fb.open {
		return
	}
	fb.b.space()
	fb.b.copy(fb.text, from, to)
}

// flush ends the footnote, if any.
func (fb *footnoteBuilder) flush() {
	if fb.open {
		fb.notes[len(fb.notes)-1].Text = fb.b.stream()
		fb.open = false
	}
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

// markerScan holds the state of footnote-marker recognition over the body.
type markerScan struct {
	// notes says that the document has footnotes: only then are digits
	// markers.
	notes bool
	// defined marks the footnote labels "1" to "999" (digits, no leading
	// zero), the only ones a glued marker can have: bit n for label n.
	defined [1000 / 64]uint64
	// stops marks the bytes of the source that may start a marker
	// (markerSet).
	stops []uint64
	// last is the number of the last numeric marker accepted.
	last int
}

// buildBody builds the body from its lines (classify's body and size),
// taking footnote markers out.
func (d *Document) buildBody(body []span, size int) {
	text := d.File.Text
	ms := markerScan{notes: len(d.Footnotes) > 0}
	minNum := 0
	for _, f := range d.Footnotes {
		if l := f.Label; len(l) > 0 && len(l) <= 3 && l[0] != '0' {
			if n := atoi(l); n > 0 {
				ms.defined[n/64] |= 1 << (n % 64)
			}
		}
		if f.Num > 0 && (minNum == 0 || f.Num < minNum) {
			minNum = f.Num
		}
	}
	if minNum > 0 {
		ms.last = minNum - 1
	}
	if len(d.Footnotes) > 0 {
		// Most footnotes have one marker.
		d.Markers = make([]Marker, 0, len(d.Footnotes))
	}
	// A line takes a seg, and so does the text after each marker.
	b := streamBuilder{segs: make([]seg, 0, len(body)+len(d.Footnotes))}
	b.buf.Grow(size)
	if len(d.Footnotes) == 0 && !mayHaveMarkers(text) {
		// Digits are markers only where there are footnotes: with no
		// superscript digits or "[^" either, the body is its lines.
		for _, l := range body {
			b.space()
			b.copy(text, l.from, l.to)
		}
	} else {
		// Mark every byte that may start a marker in one pass.
		ms.stops = markerSet.BitmapBytes(text, bytescan.GetBitmap())
		for _, l := range body {
			b.space()
			d.scanLine(&b, &ms, text, l.from, l.to)
		}
		bytescan.PutBitmap(ms.stops)
	}
	d.Body = b.stream()
}

// mayHaveMarkers reports whether text has superscript digits or "[^",
// which are markers even without footnotes. (It may report other
// characters of U+2040–U+207F as superscript digits.)
func mayHaveMarkers(text []byte) bool {
	return bytes.Contains(text, []byte("[^")) ||
		bytes.Contains(text, []byte("\u2070")[:2]) || // ⁰, ⁴–⁹: E2 81 B0, E2 81 B4–B9
		bytes.Contains(text, []byte("¹")) || bytes.Contains(text, []byte("²")) || bytes.Contains(text, []byte("³"))
}

// scanLine copies text[from:to] into b, taking footnote markers out.
func (d *Document) scanLine(b *streamBuilder, ms *markerScan, text []byte, from, to int) {
	pos := from // start of the text not yet copied
	i := from
	for i < to {
		// Most bytes cannot start a marker: go to the next that may.
		i = bytescan.Next(ms.stops, i)
		if i >= to {
			break
		}
		c := text[i]
		switch {
		case c >= 0x80:
			r, n := utf8.DecodeRune(text[i:to])
			if isSuperDigit(r) {
				start := i
				var lab []byte
				lab, i = superRun(text, i, to, nil)
				if !exponent(text, from, start) {
					d.mark(b, ms, text, &pos, start, i, string(lab))
				}
				continue
			}
			i += n
		case c == '[' && i+2 < to && text[i+1] == '^':
			end := bytes.IndexByte(text[i:to], ']')
			if end > 2 && !bytes.ContainsAny(text[i+2:i+end], " \t") {
				d.mark(b, ms, text, &pos, i, i+end+1, string(text[i+2:i+end]))
				i += end + 1
				continue
			}
			i++
		case c >= '0' && c <= '9':
			start := i
			for i < to && text[i] >= '0' && text[i] <= '9' {
				i++
			}
			if i < to && (text[i] < utf8.RuneSelf && isWordByte(text[i]) || text[i] >= utf8.RuneSelf && wordRuneAt(text[i:to])) {
				// digits run into letters ("H5N1", "1512th"): no marker
				for i < to && wordRuneAt(text[i:to]) {
					_, n := utf8.DecodeRune(text[i:to])
					i += n
				}
				continue
			}
			if !ms.notes || !ms.mayBeNext(text, start, i) {
				continue
			}
			if mStart, lab, ok := ms.glued(text, from, start, i, to); ok {
				d.mark(b, ms, text, &pos, mStart, i, lab)
			}
		default:
			i++
		}
	}
	b.copy(text, pos, to)
}

// mark records the marker text[start:end] labelled label: it copies the
// text before it from *pos, and moves *pos past it.
func (d *Document) mark(b *streamBuilder, ms *markerScan, text []byte, pos *int, start, end int, label string) {
	b.copy(text, *pos, start)
	d.Markers = append(d.Markers, Marker{Label: label, At: b.len(), Start: start, End: end})
	*pos = end
	if n := atoi(label); n > ms.last {
		ms.last = n
	}
}

// mayBeNext reports whether the digit run text[ds:de] may hold the next
// footnote's marker, on its own or after a year: most runs are years and
// numbers that cannot, and glued need not look at them.
func (ms *markerScan) mayBeNext(text []byte, ds, de int) bool {
	switch n := de - ds; {
	case n <= 3:
	case n >= 5 && n <= 7:
		ds += 4
	default:
		return false
	}
	n := atoiBytes(text[ds:de])
	return n > ms.last && n <= ms.last+3
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
	"protocol": true, "amendment": true, "item": true, "items": true, "page": true, "pages": true,
	"level": true, "phase": true, "step": true, "part": true, "title": true, "volume": true,
	"number": true, "meeting": true, "plenary": true, "sdg": true, "covid": true, "g": true,
}

// citeWords precede a number that is part of a citation ("No. 14152").
var citeWords = map[string]bool{
	"no": true, "nos": true, "vol": true, "vols": true, "p": true, "pp": true, "para": true, "paras": true,
}

// afterMarker words may follow a number that counts things ("13 States").
var afterMarker = map[string]bool{
	"and": true, "or": true, "of": true, "to": true, "in": true, "on": true, "for": true,
	"with": true, "which": true, "that": true, "as": true, "by": true, "is": true, "are": true,
	"was": true, "were": true, "has": true, "have": true, "the": true, "its": true, "their": true,
}

// glued decides whether the digit run text[ds:de] is a footnote marker
// glued to what precedes it, and returns where the marker starts and its
// label. The run is followed by a non-word byte or the end of the line.
func (ms *markerScan) glued(text []byte, lineStart, ds, de, lineEnd int) (int, string, bool) {
	// The caller turned away the runs that mayBeNext does: most of them.
	// The label is made a string only when the run is taken.
	run := text[ds:de]
	// accept takes the label lab, one to three digits, if a footnote has
	// it and it comes within window of the last marker.
	accept := func(lab []byte, window int) bool {
		if lab[0] == '0' {
			return false
		}
		n := atoiBytes(lab)
		if ms.defined[n/64]&(1<<(n%64)) == 0 {
			return false
		}
		return n > ms.last && n <= ms.last+window
	}
	// The whitespace-delimited token the run ends.
	ts := ds
	for ts > lineStart && !isSpaceByte(text[ts-1]) {
		ts--
	}
	token := text[ts:de]
	if bytes.ContainsAny(token, "/@") {
		return 0, "", false
	}
	if ds == ts {
		// The run starts its token: a year with a marker glued to it
		// ("of 19721"), or a marker standing alone after a word (OCR
		// text: "Geneva Conventions 13 and").
		if len(run) >= 5 && len(run) <= 7 {
			y := atoiBytes(run[:4])
			if y >= 1800 && y <= 2099 && accept(run[4:], 3) && !citeWords[prevWord(text, lineStart, ts)] {
				return ds + 4, labelString(run[4:]), true
			}
			return 0, "", false
		}
		if len(run) > 3 || !accept(run, 1) {
			return 0, "", false
		}
		pw := prevWord(text, lineStart, ts)
		if pw == "" || numberWords[pw] || !isLetterByte(pw[len(pw)-1]) {
			return 0, "", false
		}
		// The word before must end a phrase: no punctuation may separate
		// it from the number, and what follows must not be counted by it.
		if ts < 1 || text[ts-1] != ' ' || ts < 2 || !isLetterByte(text[ts-2]) {
			return 0, "", false
		}
		nw := nextWord(text, de, lineEnd)
		if nw != "" && !afterMarker[nw] {
			return 0, "", false
		}
		// The marker takes the space before it with it.
		return ds - 1, labelString(run), true
	}
	// Glued to a word or punctuation.
	r, _ := utf8.DecodeLastRune(text[ts:ds])
	switch {
	case unicode.IsLetter(r):
		// "pornography7": the word must be a real word, not "G20" or
		// "SDG3": three letters or more, starting lower case or ending
		// a capitalised word.
		w := bytes.TrimLeftFunc(text[ts:ds], func(r rune) bool { return !unicode.IsLetter(r) })
		if utf8.RuneCount(w) < 3 || isAllUpper(w) {
			return 0, "", false
		}
	case r == '.':
		// "… of them.5" — but not "No.5", "L.5", "para.5", "Rev.1".
		w := bytes.ToLower(bytes.TrimLeftFunc(text[ts:ds-1], func(r rune) bool { return !unicode.IsLetter(r) }))
		if len(w) <= 1 || numberWords[string(w)] {
			return 0, "", false
		}
	case r == ',' || r == ';' || r == ':' || r == ')' || r == '”' || r == '’' || r == '"' || r == '\'' || r == '*':
	default:
		return 0, "", false
	}
	if len(run) > 3 || !accept(run, 3) {
		return 0, "", false
	}
	return ds, labelString(run), true
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
	e := ts
	for e > lineStart && isSpaceByte(text[e-1]) {
		e--
	}
	s := e
	for s > lineStart && !isSpaceByte(text[s-1]) {
		s--
	}
	return string(bytes.ToLower(bytes.TrimRight(text[s:e], ".")))
}

// nextWord returns the lower-cased word after offset de, "" when
// punctuation or the end of the line follows.
func nextWord(text []byte, de, lineEnd int) string {
	if de >= lineEnd || text[de] != ' ' {
		return ""
	}
	s := de + 1
	e := s
	for e < lineEnd && isLetterByte(text[e]) {
		e++
	}
	return string(bytes.ToLower(text[s:e]))
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

// atoiBytes parses ASCII digits (the caller checked them); 0 if empty.
func atoiBytes(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}
