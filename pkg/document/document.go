// Package document turns a source file into citecheck's document model: the
// body text as one stream (line wraps joined, footnote blocks and page
// furniture cut out, footnote markers taken out and recorded), and the
// footnotes, each with its label and its own text stream.
//
// It understands the shapes real drafts take: footnote bodies at the foot
// of each page (after a "____" rule, or as paragraphs between body
// paragraphs), at the end, or as Markdown "[^3]: …" definitions; markers as
// Unicode superscripts (³, ¹⁰), Markdown "[^3]", or digits glued to the
// preceding word as PDF text extraction leaves them ("Crime,5", "of 19721" =
// "of 1972" + marker 1), resolved against the footnote numbering.
package document

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/source"
)

// Document is a parsed source file.
type Document struct {
	File *source.File
	// Body is the body text. In it and in the footnotes' texts, hard
	// spaces (no-break, narrow no-break, thin and the like: hardSpace)
	// are plain ones, as line wraps are: "of\u00a01961" reads as "of 1961";
	// invisible characters (soft hyphens, zero-width spaces: invisible)
	// are left out, and a line that ends in a soft hyphen is joined to the
	// next with no space ("Conven\u00ad" and "tion").
	Body Stream
	// Markers are the footnote markers found in the body, in order.
	Markers []Marker
	// Footnotes are the footnote bodies, in document order.
	Footnotes []*Footnote
	// Paras are the offsets in Body.Text where a paragraph starts after
	// a blank line (not where a page break interrupts the text).
	Paras []int
}

// Unmarked returns the footnotes that no marker of the body refers to.
func (d *Document) Unmarked() []*Footnote {
	marked := make(map[*Footnote]bool, len(d.Markers))
	for i := range d.Markers {
		marked[d.Markers[i].Note] = true
	}
	var out []*Footnote
	for _, f := range d.Footnotes {
		if !marked[f] {
			out = append(out, f)
		}
	}
	return out
}

// ParaBetween reports whether a paragraph starts in Body.Text strictly
// between offsets from and to. (A marker that ends a paragraph stands at
// the offset where the next one starts: it is the first paragraph's.)
func (d *Document) ParaBetween(from, to int) bool {
	i, _ := slices.BinarySearch(d.Paras, from+1)
	return i < len(d.Paras) && d.Paras[i] < to
}

// Marker is a footnote marker in the body.
type Marker struct {
	// Label is the footnote's label ("3", "*", "e2").
	Label string
	// At is the offset in Body.Text where the marker stood (it is removed
	// from the text: At is the offset of the character after it).
	At int
	// Start and End locate the marker's label in the source.
	Start, End int
	// Note is the footnote the marker refers to (nil if no footnote has
	// its label).
	Note *Footnote
}

// Footnote is one footnote body.
type Footnote struct {
	Label string
	// Num is the label as a number, or 0.
	Num int
	// Text is the footnote's text without its label.
	Text Stream
	// Start is the source offset of the footnote's first line.
	Start int
	// block counts the blocks of footnotes before the one that holds
	// this footnote (a block: footnotes with no body text between them,
	// as at the foot of a page).
	block int32
	// slash: the footnote is labelled "N/", as UN documents numbered
	// their footnotes until the 1990s; its marker is "N/" too.
	slash bool
}

// Footnote returns the footnote with the given label, or nil. When a label
// occurs twice (volumes whose numbering restarts) it returns the first one
// at or after the source offset from.
func (d *Document) Footnote(label string, from int) *Footnote {
	var first *Footnote
	for _, f := range d.Footnotes {
		if f.Label != label {
			continue
		}
		if first == nil {
			first = f
		}
		if f.Start >= from {
			return f
		}
	}
	return first
}

type lineKind uint8

const (
	lineText lineKind = iota
	lineBlank
	lineRule      // "______" footnote separator
	lineFurniture // page header, job number, page number
	lineNoteStart // first line of a footnote body
	lineNoteCont  // continuation of a footnote body
	lineMDNoteDef // "[^3]: text"
)

// span is a line of body text, trimmed: text[from:to]. page counts the
// blocks of footnotes before it: the line is on the page of the footnotes
// of block page (when footnotes stand at the foot of each page).
type span struct {
	from, to int
	page     int32
	// para: a blank line separates the line from the body text before
	// it, with nothing else between (not a page break).
	para bool
	// line is the index of the line in the source.
	line int32
}

// States of classify's paragraph tracking.
const (
	paraNone  = iota // after a page break, or at the start
	paraText         // after a body line
	paraBlank        // after a body line and blank lines
)

// Options tune Parse.
type Options struct {
	// Word reports whether w, a word in lower-case ASCII letters, is one
	// the reader knows (a word of a registered title). A hard hyphen that
	// ends a body line between two lower-case letters ("Con-" and
	// "nection", as a hyphenating typesetter or converter leaves it) is
	// dropped, and the two parts joined, when they make such a word; any
	// other ("self-" and "determination") is kept, and the lines joined by
	// a space. Nil: every hyphen is kept.
	Word func(w []byte) bool
}

// Parse builds the document model of f. It never fails: text it cannot
// classify is body text.
func Parse(f *source.File) *Document { return ParseOptions(f, Options{}) }

// ParseOptions is Parse with options.
func ParseOptions(f *source.File, o Options) *Document {
	d := &Document{File: f}
	hard := hasOddSpace(f.Text)
	body, size := d.classify(hard, o.Word)
	d.buildBody(body, size, hard, o.Word)
	return d
}

// hyphenBreak reports whether body line l ends in a typesetter's hyphen
// that the line next completes: a hard hyphen after a lower-case letter,
// a lower-case letter starting next, and the two parts, hyphen left out,
// a word known to word ("Traf-" and "ficking" make "trafficking").
func hyphenBreak(text []byte, l, next span, word func([]byte) bool) bool {
	return !next.para && wordBroken(text, l.from, l.to, next.from, next.to, word)
}

// wordBroken reports whether the line text[from:to] ends in a typesetter's
// hyphen that the line text[nextFrom:nextTo] completes (hyphenBreak).
func wordBroken(text []byte, from, to, nextFrom, nextTo int, word func([]byte) bool) bool {
	if word == nil || to-from < 3 || nextFrom >= nextTo || text[to-1] != '-' ||
		!isLowerByte(text[to-2]) || !isLowerByte(text[nextFrom]) {
		return false
	}
	i := to - 2
	for i > from && isLetterByte(text[i-1]) {
		i--
	}
	j := nextFrom
	for j < nextTo && isLetterByte(text[j]) {
		j++
	}
	if j < nextTo && text[j] >= utf8.RuneSelf {
		return false // the word goes on in letters we do not fold
	}
	var buf [64]byte
	w := buf[:0]
	for _, c := range text[i : to-1] {
		w = append(w, c|0x20)
	}
	for _, c := range text[nextFrom:j] {
		w = append(w, c|0x20)
	}
	return word(w)
}

func isLowerByte(c byte) bool { return c >= 'a' && c <= 'z' }

// nextLine returns the end of the line that starts at start, without its
// line ending, and where the next line starts: len(text)+1 after the last.
func nextLine(text []byte, start int) (end, next int) {
	end, next = len(text), len(text)+1
	if i := bytes.IndexByte(text[start:], '\n'); i >= 0 {
		end = start + i
		next = end + 1
	}
	if end > start && text[end-1] == '\r' {
		end--
	}
	return end, next
}

func isSuperDigit(r rune) bool {
	switch r {
	case '⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹':
		return true
	}
	return false
}

// superRun reads the superscript digits at text[i:to], appending their
// values to lab ("¹²" → "12"); it returns lab and the index after them.
func superRun(text []byte, i, to int, lab []byte) ([]byte, int) {
	for i < to {
		r, n := utf8.DecodeRune(text[i:to])
		if !isSuperDigit(r) {
			break
		}
		lab = append(lab, superValue(r))
		i += n
	}
	return lab, i
}

func superValue(r rune) byte {
	switch r {
	case '⁰':
		return '0'
	case '¹':
		return '1'
	case '²':
		return '2'
	case '³':
		return '3'
	}
	return byte('0' + (r - '⁴' + 4))
}

// trimSpace returns the offsets of s[from:to] without leading and trailing
// white space (including no-break spaces) and invisible characters (a line
// of nothing else is blank), but for a soft hyphen at the end: it joins
// the line to the next (streamBuilder.copy).
func trimSpace(text []byte, from, to int) (int, int) {
	// Runs of spaces (centred headings of PDF text) first, a byte at a
	// time with nothing else to test.
	for from < to && text[from] == ' ' {
		from++
	}
	for from < to {
		if c := text[from]; c < utf8.RuneSelf {
			// ASCII, nearly always: no need to decode.
			if !isASCIISpace(c) {
				break
			}
			from++
			continue
		}
		r, n := utf8.DecodeRune(text[from:to])
		if !unicode.IsSpace(r) && !invisibleRune(r) {
			break
		}
		from += n
	}
	for to > from && text[to-1] == ' ' {
		to--
	}
	for to > from {
		if c := text[to-1]; c < utf8.RuneSelf {
			if !isASCIISpace(c) {
				break
			}
			to--
			continue
		}
		r, n := utf8.DecodeLastRune(text[from:to])
		if !unicode.IsSpace(r) && (!invisibleRune(r) || r == '\u00ad') {
			break
		}
		to -= n
	}
	return from, to
}

// isASCIISpace is unicode.IsSpace for ASCII: "\t\n\v\f\r ".
func isASCIISpace(c byte) bool { return c == ' ' || c >= '\t' && c <= '\r' }

// noteStart recognises the first line of a footnote body in the trimmed
// text[from:to]: a label of superscript digits, one to three digits or one
// to three asterisks, followed by white space and text that does not start
// like a numbered paragraph ("1. Decides"). It appends the label (ASCII
// digits or asterisks) to lab and returns it with where the text starts;
// it returns a nil label if the line is not a footnote start.
func noteStart(text []byte, from, to int, lab []byte) (label []byte, textStart int, super, weak bool) {
	if from >= to {
		return nil, 0, false, false
	}
	// Most lines start with a letter: turn them away before decoding.
	// (Superscript digits start with 0xC2 or 0xE2.)
	i := from
	lab = lab[:0]
	switch c := text[from]; {
	case c >= '1' && c <= '9':
		for i < to && text[i] >= '0' && text[i] <= '9' {
			if i-from == 4 {
				// Labels run to 9999 (yearly volumes number their
				// footnotes across the year).
				return nil, 0, false, false
			}
			i++
		}
		// Most such lines are numbered paragraphs ("1. Decides"): white
		// space must follow the label.
		if i == to || text[i] != ' ' && text[i] != '\t' && hardSpace(text[i:to]) == 0 {
			return nil, 0, false, false
		}
		lab = append(lab, text[from:i]...)
	case c == '*':
		for i < to && text[i] == '*' {
			if i-from == 3 {
				return nil, 0, false, false
			}
			i++
		}
		lab = append(lab, text[from:i]...)
	case c == 0xC2, c == 0xE2:
		if r, _ := utf8.DecodeRune(text[from:to]); !isSuperDigit(r) {
			return nil, 0, false, false
		}
		lab, i = superRun(text, i, to, lab)
		super = true
	default:
		return nil, 0, false, false
	}
	// White space must follow the label, then text.
	j := i
	for j < to {
		if text[j] == ' ' || text[j] == '\t' {
			j++
		} else if n := hardSpace(text[j:to]); n > 0 {
			j += n
		} else {
			break
		}
	}
	if j == i && !super {
		return nil, 0, false, false
	}
	if j == i && super {
		// "¹*Salvador Declaration" — allow text right after superscripts.
		j = i
	}
	if j >= to {
		return nil, 0, false, false
	}
	c := text[j]
	if lab[0] == '*' && c == '*' {
		return nil, 0, false, false
	}
	// A body line that starts with a number followed by a lower-case word
	// or a month ("15 September 1969 …", "2 December") is not a footnote;
	// footnotes start with a capital, an asterisk (italics), a quote or a
	// symbol.
	weak = false
	if !super && dateRange(text[j:to]) {
		// "3 – 14 June 1992", "3 to 14 June": the end of a date range a
		// line wrap carried over, not a footnote.
		return nil, 0, false, false
	}
	if !super {
		r2, _ := utf8.DecodeRune(text[j:to])
		if unicode.IsLower(r2) || unicode.IsDigit(r2) || isMonthAt(text[j:to]) {
			// Only a footnote region after a rule, with the numbering
			// continuing, takes such a line as a footnote ("2  1995
			// Review and Extension Conference …").
			weak = true
		}
	}
	return lab, j, super, weak
}

// hardSpace returns the length of the hard space b starts with, or 0: the
// no-break space (U+00A0), the narrow no-break space (U+202F), or one of
// the fixed-width spaces U+2000–U+200A (en, em, figure, thin, hair …).
// Word puts them between "vol." and its number, between a footnote's
// label and its text, and inside dates and titles that must not break.
func hardSpace(b []byte) int {
	switch {
	case len(b) >= 2 && b[0] == 0xC2 && b[1] == 0xA0:
		return 2
	case len(b) >= 3 && b[0] == 0xE2 && b[1] == 0x80 && (b[2] <= 0x8A || b[2] == 0xAF):
		return 3
	}
	return 0
}

// invisible returns the length of the invisible format character b starts
// with, or 0: the soft hyphen (U+00AD, Word's optional hyphen), the zero
// width space (U+200B) and the word joiner (U+2060). A reader sees nothing
// of them. (A byte order mark inside the text, U+FEFF, would cost a third
// search of every document in hasOddSpace: source drops the one at the
// start.) It reads bytes: hasOddSpace asks it of every curly quote.
func invisible(b []byte) int {
	switch {
	case len(b) >= 2 && b[0] == 0xC2 && b[1] == 0xAD:
		return 2
	case len(b) >= 3 && b[0] == 0xE2 && (b[1] == 0x80 && b[2] == 0x8B || b[1] == 0x81 && b[2] == 0xA0):
		return 3
	}
	return 0
}

// invisibleRune reports whether r is one of the characters invisible
// reads (for trimSpace, which has decoded its runes).
func invisibleRune(r rune) bool {
	var buf [utf8.UTFMax]byte
	return invisible(utf8.AppendRune(buf[:0], r)) > 0
}

// hasOddSpace reports whether text has a hard space (hardSpace) or an
// invisible character (invisible) at all, so that the streams of the many
// documents without one are copied without looking for them. The two byte
// searches run at memory speed; E2 also starts curly quotes and dashes,
// checked one by one.
func hasOddSpace(text []byte) bool {
	for _, lead := range [...]byte{0xC2, 0xE2} {
		for i := 0; ; i++ {
			j := bytes.IndexByte(text[i:], lead)
			if j < 0 {
				break
			}
			i += j
			if hardSpace(text[i:]) > 0 || invisible(text[i:]) > 0 {
				return true
			}
		}
	}
	return false
}

// slashNoteStart reads a label of one to three digits and a slash ("1/
// "), then white space, that starts text[from:to], and returns it and
// where the text after it starts, or nil.
func slashNoteStart(text []byte, from, to int, lab []byte) ([]byte, int) {
	i := from
	for i < to && i-from < 3 && isDigitByte(text[i]) {
		i++
	}
	if i == from || text[from] == '0' || i+2 >= to || text[i] != '/' || !isSpaceByte(text[i+1]) {
		return nil, 0
	}
	j := i + 1
	for j < to && isSpaceByte(text[j]) {
		j++
	}
	if j == to {
		return nil, 0
	}
	return append(lab, text[from:i]...), j
}

// slashMarkerAt reports whether the occurrence b[j:end] of a label is a
// marker "N/": the slash after it ends a word ("1961,63/ the", "of 20
// January 1994, 1/ and"), no symbol's part is before it ("A/48/"), it does
// not start a line unless the sentence goes on after it, and it has no
// leading zero.
func slashMarkerAt(b []byte, j, end int) bool {
	if end >= len(b) || b[end] != '/' || end+1 < len(b) && (isDigitByte(b[end+1]) || isLetterByte(b[end+1])) || b[j] == '0' {
		return false
	}
	// A label that starts a line is a footnote's, or a list's ("1/
	// Decides"); a marker only where a wrap carried it over and the
	// sentence goes on in lower case ("… Celestial Bodies,\n1/ and noting").
	k := j
	for k > 0 && isSpaceByte(b[k-1]) {
		k--
	}
	if k == 0 {
		return false
	}
	if b[k-1] == '\n' {
		return wrappedSlashMarker(b, k-1, end+1)
	}
	return !isDigitByte(b[j-1]) && b[j-1] != '/' && b[j-1] != '.' && b[j-1] != '-'
}

// dottedNoteStart reads a label of one to four digits and a full stop
// ("1. ") that starts text[from:to], and returns it and where the text
// after it starts, or nil.
func dottedNoteStart(text []byte, from, to int, lab []byte) ([]byte, int) {
	i := from
	for i < to && i-from < 4 && isDigitByte(text[i]) {
		i++
	}
	if i == from || text[from] == '0' || i+2 >= to || text[i] != '.' || text[i+1] != ' ' {
		return nil, 0
	}
	j := i + 1
	for j < to && text[j] == ' ' {
		j++
	}
	return append(lab, text[from:i]...), j
}

// dateRange reports whether b continues a date range after its first
// day: "– 14 June 1992", "- 14 June", "to 14 June".
func dateRange(b []byte) bool {
	switch {
	case bytes.HasPrefix(b, []byte("–")), bytes.HasPrefix(b, []byte("—")):
		b = b[len("–"):]
	case bytes.HasPrefix(b, []byte("-")):
		b = b[1:]
	case bytes.HasPrefix(b, []byte("to ")):
		b = b[2:]
	default:
		return false
	}
	b = bytes.TrimLeft(b, " ")
	i := 0
	for i < len(b) && i < 2 && isDigitByte(b[i]) {
		i++
	}
	if i == 0 || i == len(b) || b[i] != ' ' {
		return false
	}
	return isMonthAt(b[i+1:])
}

// gluedNoteStart recognises a footnote's first line whose label is glued
// to its text, in the trimmed text[from:to]: one to four digits then a
// capital, an asterisk or a quotation mark ("2United Nations, Treaty
// Series", "3Ibid."). It appends the label to lab and returns it with
// where the text starts, or a nil label.
func gluedNoteStart(text []byte, from, to int, lab []byte) ([]byte, int) {
	i := from
	for i < to && isDigitByte(text[i]) && i-from < 4 {
		i++
	}
	if i == from || i >= to || text[from] == '0' {
		return nil, 0
	}
	c := text[i]
	if !(c >= 'A' && c <= 'Z' || c == '*' || c == '"') && !bytes.HasPrefix(text[i:to], []byte("“")) {
		return nil, 0
	}
	return append(lab[:0], text[from:i]...), i
}

// labelAhead reports whether one of the few lines after line k starts
// with the footnote label n, glued to its text or not.
func labelAhead(text []byte, starts []int, k, n int) bool {
	var buf [8]byte
	for j := k + 1; j < len(starts) && j <= k+8; j++ {
		end := len(text)
		if j+1 < len(starts) {
			end = starts[j+1] - 1
		}
		from, to := trimSpace(text, starts[j], end)
		lab, _, _, _ := noteStart(text, from, to, buf[:0])
		if lab == nil {
			lab, _ = gluedNoteStart(text, from, to, buf[:0])
		}
		if lab != nil && atoi(lab) == n {
			return true
		}
	}
	return false
}

// labelString returns lab as a string, without allocating for the labels
// "1" to "99" that nearly all footnotes have.
func labelString(lab []byte) string {
	switch {
	case len(lab) == 1 && isDigitByte(lab[0]):
		return strconv.Itoa(int(lab[0] - '0'))
	case len(lab) == 2 && lab[0] >= '1' && lab[0] <= '9' && isDigitByte(lab[1]):
		// strconv.Itoa returns 0 to 99 from a constant table.
		return strconv.Itoa(int(lab[0]-'0')*10 + int(lab[1]-'0'))
	}
	return string(lab)
}

var months = [][]byte{[]byte("January"), []byte("February"), []byte("March"), []byte("April"), []byte("May"), []byte("June"), []byte("July"), []byte("August"), []byte("September"), []byte("October"), []byte("November"), []byte("December")}

// monthsBy are the months by their first letter.
var monthsBy = func() (t [256][][]byte) {
	for _, m := range months {
		t[m[0]] = append(t[m[0]], m)
	}
	return t
}()

func isMonthAt(b []byte) bool {
	// Most footnotes start with a capital that starts no month; the others
	// need only the months of that letter.
	if len(b) == 0 {
		return false
	}
	for _, m := range monthsBy[b[0]] {
		if len(b) >= len(m) && string(b[:len(m)]) == string(m) && (len(b) == len(m) || !isWordByte(b[len(m)])) {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// mdNoteDef recognises "[^label]: text".
func mdNoteDef(text []byte, from, to int) (label string, textStart int, ok bool) {
	s := text[from:to]
	if !bytes.HasPrefix(s, []byte("[^")) {
		return "", 0, false
	}
	end := bytes.IndexByte(s, ']')
	if end < 3 || end+1 >= len(s) || s[end+1] != ':' {
		return "", 0, false
	}
	lab := s[2:end]
	if bytes.ContainsAny(lab, " \t[") {
		return "", 0, false
	}
	j := end + 2
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	return string(lab), from + j, true
}

// isRule recognises a footnote separator, "______", in a trimmed line.
// isBreak reports whether b is a Markdown thematic break of hyphens
// ("---"), which Markdown texts set above their notes. (After a blank
// line: under text, "---" underlines a heading.)
func isBreak(b []byte) bool {
	if len(b) < 3 {
		return false
	}
	for _, c := range b {
		if c != '-' {
			return false
		}
	}
	return true
}

func isRule(b []byte) bool {
	if len(b) < 5 || b[0] != '_' {
		return false
	}
	for _, c := range b {
		if c != '_' {
			return false
		}
	}
	return true
}

// isFurniture recognises page furniture of UN documents: job numbers
// ("25-16618 (E)    171025", "GE.24-18860", "*2516618*"), page numbers
// ("2/7", "2/4 13-44915", "Page 2", "2   GE.25-10234"), "/...", and a
// document symbol alone on its line ("A/C.3/80/L.4"), in a trimmed line.
func isFurniture(b []byte) bool {
	if len(b) == 0 || len(b) > 40 {
		return false
	}
	return jobNumber(b) || pageNumber(b) || pageBeforeJob(b) || symbolAlone(b) || symbolOfParts(b) ||
		// Barcode *2516618*
		len(b) >= 3 && b[0] == '*' && b[len(b)-1] == '*' && isDigits(b[1:len(b)-1]) ||
		// "Page 2" (older documents' headers) and "/..." (their
		// "continued overleaf")
		len(b) > 5 && string(b[:5]) == "Page " && isDigits(b[5:]) || string(b) == "/..."
}

// jobNumber reports whether b starts with a job number, NN-NNNNN ("NN-NNNNN
// (E)    101225"), Geneva's GE.NN-NNNNN or Vienna's V.NN-NNNNN (the
// Commissions on Narcotic Drugs and on Crime Prevention: "V.24-05432 3"),
// as a word.
func jobNumber(b []byte) bool {
	switch {
	case len(b) >= 3 && string(b[:3]) == "GE.":
		b = b[3:]
	case len(b) >= 2 && string(b[:2]) == "V.":
		b = b[2:]
	}
	if len(b) >= 8 && b[0] == 'K' && isDigits(b[1:8]) && (len(b) == 8 || b[8] == ' ') {
		// Nairobi's KNNNNNNN ("K2400780 070324")
		return true
	}
	return len(b) >= 8 && isDigits(b[:2]) && b[2] == '-' && isDigits(b[3:8]) && (len(b) == 8 || b[8] == ' ')
}

// pageBeforeJob reports whether b is a bare page number before the job
// number, as Geneva's even pages print their foot ("2   GE.25-10234"):
// not a footnote 2 whose text is a job number.
func pageBeforeJob(b []byte) bool {
	i := bytes.IndexByte(b, ' ')
	return i > 0 && i <= 3 && isDigits(b[:i]) && jobNumber(bytes.TrimLeft(b[i:], " \t"))
}

// pageNumber reports whether b is a page number "2/7", alone or before
// the job number ("2/4 13-44915").
func pageNumber(b []byte) bool {
	i := bytes.IndexByte(b, '/')
	if i <= 0 || !isDigits(b[:i]) {
		return false
	}
	j := i + 1
	for j < len(b) && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	return j > i+1 && j <= 7 && (j == len(b) || b[j] == ' ' && furnitureTokens(b[j+1:]))
}

// symbolBeside reports whether b is a page header as pdftotext -layout
// prints it: the document's own symbol (own) at one end, set apart from
// the running title by a wide gap ("A/RES/80/81     East Jerusalem, and
// the occupied Syrian Golan", or the title first on odd pages). Another
// symbol so set is a row of a table of documents, and body text.
func symbolBeside(b, own []byte) bool {
	if len(own) == 0 {
		return false
	}
	sym := besideSymbol(b)
	// A reissued document's first page marks its symbol ("A/C.1/80/L.42*").
	return sym != nil && bytes.Equal(bytes.TrimRight(sym, "*"), bytes.TrimRight(own, "*"))
}

// besideSymbol returns the symbol alone at either end of b, set apart from
// the rest by a wide gap, or nil.
func besideSymbol(b []byte) []byte {
	const gap = "    "
	if len(b) > 2 && b[1] == '/' {
		if i := bytes.IndexByte(b, ' '); i > 0 && symbolAlone(b[:i]) && bytes.HasPrefix(b[i:], []byte(gap)) {
			return b[:i]
		}
	}
	if !endsLikeSymbol(b[len(b)-1]) {
		return nil
	}
	i := bytes.LastIndexByte(b, ' ')
	if i >= len(gap) && i+3 < len(b) && b[i+2] == '/' && symbolAlone(b[i+1:]) && bytes.HasSuffix(b[:i+1], []byte(gap)) {
		return b[i+1:]
	}
	return nil
}

// ownSymbol returns the document's symbol as its first page's header gives
// it, in the first lines from line k: alone on its line ("A/RES/80/81"),
// or beside "United Nations" ("United Nations     A/C.3/79/L.22"); or nil.
func (c *classifier) ownSymbol(k int) []byte {
	text := c.text
	for j := k; j < len(c.starts) && j < k+15; j++ {
		s, e := c.bounds(j)
		f, t := trimSpace(text, s, e)
		if t-f < 3 {
			continue
		}
		if symbolAlone(text[f:t]) {
			return text[f:t]
		}
		if sym := besideSymbol(text[f:t]); sym != nil {
			return sym
		}
	}
	return nil
}

// furnitureNext reports whether the next line with ink after line k is
// page furniture: a page number alone after a page's footnotes (no label
// waiting for its text), as pdftotext
// prints a centred one after the page's footnotes and before the next
// page's header ("2" / "A/HRC/RES/55/3", "3" / "UNEP/EA.6/Res.14"), is no
// footnote label alone whose text follows (a footnote that is only a
// symbol ends with a full stop).
//
// The next label whose text comes after the furniture (pdftotext's default
// mode: "2", "25-12345", "United Nations, Treaty Series, vol. …") is a
// label still: past the furniture, a line that can only be a footnote's
// (citationLead) says so.
func (c *classifier) furnitureNext(k int, lab []byte) bool {
	text := c.text
	furniture := false
	for j := k + 1; j < len(c.starts) && j <= k+8; j++ {
		s, e := c.bounds(j)
		f, t := trimSpace(text, s, e)
		if f >= t {
			continue
		}
		if firstByte[text[f]]&mayFurniture != 0 && t-f <= 40 && isFurniture(text[f:t]) {
			furniture = true
			continue
		}
		if !furniture {
			return false
		}
		return atoi(lab) != c.lastNum+1 || !citationLead(text[f:t])
	}
	return furniture
}

// citationLead reports whether b starts as only a footnote does: a
// citation of the Treaty Series, or Ibid.
func citationLead(b []byte) bool {
	return bytes.HasPrefix(b, []byte("Ibid")) || bytes.HasPrefix(b, []byte("*Ibid")) ||
		bytes.HasPrefix(b, []byte("United Nations, Treaty Series")) || bytes.HasPrefix(b, []byte("League of Nations, Treaty Series"))
}

// mayBeHeader is symbolBeside's first test, by the second and the last
// byte of a line: kindOf asks it of every long line, and nearly every one
// ends with a small letter or punctuation, which no symbol does.
func mayBeHeader(second, last byte) bool { return second == '/' || endsLikeSymbol(last) }

// endsLikeSymbol reports whether a symbol may end with the byte c.
func endsLikeSymbol(c byte) bool {
	return !(c >= 'a' && c <= 'z' || c == ',' || c == ';' || c == '.' || c == ':')
}

// symbolAlone reports whether b is a document symbol alone: A/80/L.1,
// A/C.3/80/L.4, A/RES/80/1, S/RES/2719, or of another series, whose prefix
// of two to six capitals is followed by at least two parts: the reports
// and resolutions of other bodies print theirs on every page
// (UNEP/EA.6/Res.14, TD/B/70/L.1, FCCC/CP/2023/L.5, ECE/TRANS/2024/1).
// (A footnote that is only a symbol ends with a full stop: "A/80/387.")
func symbolAlone(b []byte) bool {
	if len(b) < 3 || bytes.IndexByte(b, ' ') >= 0 || bytes.ContainsAny(b[len(b)-1:], ".,;") {
		return false
	}
	if (b[0] == 'A' || b[0] == 'S' || b[0] == 'E') && b[1] == '/' {
		return true
	}
	i := 0
	for i < len(b) && b[i] >= 'A' && b[i] <= 'Z' {
		i++
	}
	// (A document symbol numbers a session, a year or a document:
	// "HIV/AIDS/TB" and "UNESCO/ILO/WHO" are none.)
	return i >= 2 && i <= 6 && i < len(b) && b[i] == '/' && bytes.IndexByte(b[i+1:], '/') > 0 && bytes.ContainsAny(b[i:], "0123456789")
}

// symbolOfParts reports whether b is the symbol of a resolution adopted in
// parts with its part letters, as its pages' header prints it:
// "A/RES/80/145 A-B", "A/RES/79/93 A–C", "A/RES/78/12 B".
func symbolOfParts(b []byte) bool {
	sym, parts, ok := bytes.Cut(b, []byte(" "))
	return ok && len(sym) > 2 && symbolAlone(sym) && partLetters(parts)
}

// partLetters reports whether b names parts of a resolution: "B", "A-B",
// "A–C", "A and B", "A to D".
func partLetters(b []byte) bool {
	letter := func(b []byte) bool { return len(b) == 1 && b[0] >= 'A' && b[0] <= 'Z' }
	if letter(b) {
		return true
	}
	for _, sep := range [...]string{"-", "–", "—", " and ", " to "} {
		if first, last, ok := bytes.Cut(b, []byte(sep)); ok && letter(first) && letter(last) {
			return true
		}
	}
	return false
}

// furnitureAfterFurniture recognises the furniture that is such only
// among other furniture: a page number alone ("GE.24-18860" /
// "A/HRC/RES/57/14" / "2"), and a symbol with the running title on its
// line ("A/RES/68/165 Right to the truth").
func furnitureAfterFurniture(b []byte) bool {
	if len(b) <= 3 {
		return isDigits(b)
	}
	sp := bytes.IndexByte(b, ' ')
	if sp < 0 || len(b) > 100 || !isFurniture(b[:sp]) || b[0] != 'A' && b[0] != 'S' && b[0] != 'E' {
		return false
	}
	rest := bytes.TrimSpace(b[sp+1:])
	return len(rest) > 0 && rest[0] >= 'A' && rest[0] <= 'Z' && !bytes.ContainsAny(rest, ".;:,")
}

// furnitureTokens reports whether b, what follows a page number on its
// line, is furniture too: a job number ("2/4 13-44915").
func furnitureTokens(b []byte) bool {
	b = bytes.TrimSpace(b)
	return jobNumber(b)
}

func isDigits(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// frontMatterEnd returns where the text after YAML front matter (at the
// very top of Markdown files, between "---" lines) starts, or 0.
func frontMatterEnd(text []byte) int {
	for n, start := 0, 0; start <= len(text); n++ {
		end, next := nextLine(text, start)
		if string(bytes.TrimSpace(text[start:end])) == "---" {
			if n > 0 {
				return next
			}
		} else if n == 0 {
			return 0
		}
		start = next
	}
	return 0
}

// classify sorts the lines of the source into body text, footnote bodies,
// page furniture and the like. It builds the footnotes as it goes, and
// returns the lines of body text with the size of the body they make.
func (d *Document) classify(hard bool, word func([]byte) bool) (body []span, size int) {
	text := d.File.Text
	c := classifier{
		text: text,
		// Front matter is neither body nor footnote.
		bodyStart: frontMatterEnd(text),
		// The source has found the lines already.
		starts:   d.File.LineStarts(),
		fb:       footnoteBuilder{text: text, b: streamBuilder{hard: hard}, word: word},
		prevKind: lineBlank,
		para:     paraNone,
		// About half the lines of a document are body text.
		body: make([]span, 0, d.File.Lines()/2+1),
	}
	k := 0
	for k < len(c.starts) && c.starts[k] < c.bodyStart {
		k++
	}
	first := k
	c.own = c.ownSymbol(k)
	for ; k < len(c.starts); k++ {
		c.line(k)
	}
	d.Footnotes = c.fb.footnotes()
	if len(c.furniture) > 0 {
		c.body = dropRunningTitles(c.body, runningTitles(text, c.starts, first, c.furniture, func(k int) (int, int) {
			start, end := c.bounds(k)
			return trimSpace(text, start, end)
		}))
	}
	return c.body, c.size
}

// classifier is the state of classify as it goes down the lines.
type classifier struct {
	text      []byte
	bodyStart int
	starts    []int
	fb        footnoteBuilder
	// lastNum is the footnote numbering so far, to accept a "N text"
	// line as a footnote only where the numbering continues.
	lastNum  int
	inRegion bool // after a "____" rule, until body text resumes
	prevKind lineKind
	// lastInk is the kind of the last line that was not blank.
	lastInk lineKind
	prevMD  bool // the previous line continues a Markdown footnote
	// prevOpen: the previous line does not end a sentence.
	prevOpen bool
	// bodyOpen: the last body line ends with a word or a number, inside
	// a sentence.
	bodyOpen bool
	// openNote: the last footnote line read does not end its sentence,
	// and only blank lines came since: the next line goes on with it
	// unless it opens a paragraph (opensParagraph; mutool prints a blank
	// line inside a footnote: "Supplement No. 53A", "", "(A/79/53/Add.1),
	// chap. III").
	openNote bool
	// noteEndOpen: the last footnote's last line did not end its
	// sentence (and it was no Markdown note); underRule: the last rule
	// was "____", not a "---" break; rulesSinceNote counts the rules since
	// the last footnote line. A footnote too long for its page goes on at
	// the foot of the next, under the first rule after it, with no label.
	noteEndOpen, underRule bool
	rulesSinceNote         int
	// para follows blank lines between body lines: a body line after
	// text and blank lines only starts a paragraph.
	para   int
	labBuf [8]byte // room for noteStart's label
	// own is the document's symbol, as its first page's header gives it
	// (ownSymbol), or nil.
	own []byte
	// pend are footnote labels that stood alone on their lines, waiting
	// for their texts, in order: pdftotext prints the footnotes of UN
	// PDFs as "1", then the text on the next line, and in its default
	// mode may print a page's labels together before their texts ("15",
	// "16", page furniture, then two texts).
	pend  [16]pendLabel
	npend int
	// pendPast: page furniture came after the pending labels; only a
	// text that reads as a reference is theirs, unless they are a group
	// (pendGroup: two labels or more, together).
	pendPast, pendGroup bool
	alone               bool // the footnote being read began with a label alone
	// furniture are the lines of page furniture, for running titles.
	furniture []int
	body      []span
	size      int
}

// A pendLabel is a footnote label alone on its line (at start), waiting
// for its text.
type pendLabel struct {
	lab   [4]byte
	n     int
	start int
}

func (p *pendLabel) label() []byte { return p.lab[:p.n] }

// bounds returns line k without its line ending.
func (c *classifier) bounds(k int) (start, end int) {
	start, end = c.starts[k], len(c.text)
	if k+1 < len(c.starts) {
		end = c.starts[k+1] - 1 // the "\n"
	}
	if end > start && c.text[end-1] == '\r' {
		end--
	}
	return start, end
}

// line classifies line k and records it.
func (c *classifier) line(k int) {
	text := c.text
	start, end := c.bounds(k)
	// Trim once: the tests below all look at the trimmed line. Most
	// lines start and end with a printable ASCII byte: nothing to trim.
	from, to := start, end
	if from < to && (mayTrim(text[from]) || mayTrim(text[to-1])) {
		from, to = trimSpace(text, start, end)
	}
	kind, md := c.kindOf(k, start, end, from, to)
	switch kind {
	case lineNoteStart, lineMDNoteDef:
		// started by kindOf
	case lineNoteCont:
		c.fb.cont(from, to)
	case lineText:
		c.fb.flush()
		// A blank line starts a paragraph, but not inside a sentence:
		// mutool and pdfminer print one after the first line of each
		// paragraph ("Reaffirming that the 1951 Convention …, 3", "",
		// "together with the 1967 Protocol thereto,4").
		para := c.para == paraBlank && !(c.bodyOpen && text[from] >= 'a' && text[from] <= 'z')
		c.body = append(c.body, span{from, to, c.fb.blocks, para, int32(k)})
		c.fb.inBlock = false
		c.size += to - from + 1 // with the joining space
		c.para = paraText
		c.bodyOpen = isLetterByte(text[to-1]) || isDigitByte(text[to-1]) || text[to-1] == '-' || text[to-1] == 0xAD
	default:
		// A blank line, a rule or page furniture ends a footnote (but
		// see openNote).
		if kind != lineBlank || !c.openNote {
			c.fb.flush()
		}
	}
	switch {
	case kind == lineBlank && c.para == paraText:
		c.para = paraBlank
	case kind != lineBlank && kind != lineText:
		// A page break: the paragraph may go on after it.
		c.para = paraNone
	}
	c.prevKind, c.prevMD = kind, md
	if kind != lineBlank {
		c.lastInk = kind
	}
	switch kind {
	case lineRule:
		// A label with no text before the footnotes end.
		c.npend, c.pendPast, c.pendGroup = 0, false, false
	case lineFurniture:
		c.pendPast = c.npend > 0
	}
	c.prevOpen = to > from && text[to-1] != '.' && text[to-1] != ')' && text[to-1] != ']'
	switch kind {
	case lineNoteStart, lineNoteCont:
		c.openNote = c.prevOpen && !md && c.fb.open
		c.noteEndOpen = c.openNote
		c.rulesSinceNote = 0
	case lineMDNoteDef:
		c.noteEndOpen = false
	case lineBlank:
	default:
		c.openNote = false
	}
}

// kindOf tells what line k (text[start:end], trimmed text[from:to]) is;
// it starts the footnotes it finds.
func (c *classifier) kindOf(k, start, end, from, to int) (kind lineKind, md bool) {
	text := c.text
	// The first byte tells which of the tests below may match: most
	// lines, prose starting with a letter, need none of them.
	var first uint8
	if from < to {
		first = firstByte[text[from]]
	}
	switch {
	case from >= to:
		return lineBlank, false
	case first&mayRule != 0 && (isRule(text[from:to]) || c.prevKind == lineBlank && isBreak(text[from:to])):
		c.inRegion = true
		c.underRule = text[from] == '_'
		c.rulesSinceNote++
		return lineRule, false
	case c.isFurnitureLine(k, from, to, first):
		c.furniture = append(c.furniture, k)
		return lineFurniture, false
	}
	digits := first&mayNote != 0 && to-from <= 4 && isDigits(text[from:to])
	if digits || c.npend > 0 {
		// (Labels alone are numbers alone, or what waits for them.)
		if kind, ok := c.labelsAlone(k, start, end, from, to, digits); ok {
			return kind, false
		}
	}
	if text[start] == '[' {
		if lab, ts, ok := mdNoteDef(text, start, end); ok {
			c.fb.start(lab, start, ts, end)
			return lineMDNoteDef, false
		}
	}
	if first&mayNote != 0 {
		if lab, ts, slash, ok := c.noteLine(k, start, from, to); ok {
			c.alone = false
			c.fb.start(labelString(lab), start, ts, end)
			c.fb.notes[len(c.fb.notes)-1].slash = slash
			return lineNoteStart, false
		}
	}
	if c.alone && !c.prevOpen && (c.prevKind == lineNoteStart || c.prevKind == lineNoteCont) {
		if kind, ok := c.afterAlone(k, start, end, from, to, digits); ok {
			return kind, false
		}
	} else if c.prevKind == lineNoteStart || (c.prevKind == lineNoteCont && !c.prevMD) || c.prevKind == lineBlank && c.openNote && !opensParagraph(text[from:to]) {
		// A footnote continues on the next line until a blank line, a
		// rule or page furniture ends it; past a blank line only where
		// it stopped mid-sentence.
		return lineNoteCont, false
	}
	if (c.prevKind == lineMDNoteDef || (c.prevKind == lineNoteCont && c.prevMD)) && (text[start] == ' ' || text[start] == '\t') {
		// Indented continuation of a Markdown footnote.
		return lineNoteCont, true
	}
	if c.continuesNote(from, to, digits) {
		return lineNoteCont, false
	}
	c.inRegion = false
	return lineText, false
}

// isFurnitureLine reports whether the trimmed line k, text[from:to] (whose
// first byte's tests are first), is page furniture: a job or page number, a
// symbol, furniture among furniture, a page number alone after the page's
// footnotes, a running header with the symbol beside the title.
func (c *classifier) isFurnitureLine(k, from, to int, first uint8) bool {
	text := c.text
	switch {
	case first&mayFurniture != 0 && to-from <= 40 && isFurniture(text[from:to]),
		c.lastInk == lineFurniture && furnitureAfterFurniture(text[from:to]):
		return true
	case c.npend == 0 && (c.lastInk == lineNoteStart || c.lastInk == lineNoteCont) && to-from <= 3 && isDigits(text[from:to]):
		return c.furnitureNext(k, text[from:to])
	}
	return to-from > 40 && mayBeHeader(text[from+1], text[to-1]) && symbolBeside(text[from:to], c.own)
}

// labelsAlone handles the footnote labels that stand alone on their lines
// (pdftotext's way) for kindOf: it queues line k if it is one (the next of
// a group printed before their texts, or the first), drops a number alone
// that is no label while labels wait, and starts the footnote of the first
// label waiting with a line that is its text. ok is false for a line it
// leaves to the other tests.
func (c *classifier) labelsAlone(k, start, end, from, to int, digits bool) (kind lineKind, ok bool) {
	text := c.text
	if digits && c.npend > 0 && c.npend < len(c.pend) && !c.pendPast && c.labelAlone(k, start, text[from:to]) {
		// The next label of a group printed before their texts.
		c.push(start, text[from:to])
		return lineBlank, true
	}
	if digits && c.npend > 0 {
		// A number alone that is not the next label of the group (a
		// page number, or more labels than the queue holds) is no
		// label's text.
		return lineBlank, true
	}
	if c.npend > 0 && !digits && !(c.prevOpen && (c.prevKind == lineNoteStart || c.prevKind == lineNoteCont)) {
		// The text of the first label waiting, unless page furniture
		// came between and this is no reference (the body going on).
		if !c.pendPast || c.pendGroup || referenceLead(text[from:to]) {
			p := c.pend[0]
			c.npend = copy(c.pend[:], c.pend[1:c.npend])
			c.pendPast = c.pendPast && c.npend > 0
			c.pendGroup = c.pendGroup && c.npend > 0
			c.fb.start(labelString(p.label()), p.start, from, end)
			c.alone = true
			return lineNoteStart, true
		}
		c.npend, c.pendPast, c.pendGroup = 0, false, false
	}
	if digits && c.npend == 0 && c.labelAlone(k, start, text[from:to]) {
		// The label alone; its text follows on the next line that is
		// not blank.
		c.push(start, text[from:to])
		return lineBlank, true
	}
	return 0, false
}

// aloneUnderBody reports whether lab, a number alone on line k right
// after body text, with no rule between (mutool's text of a PDF whose rule
// is drawn), is the label of the first footnote of a block: the numbering
// goes on (or starts, at 1 or with its marker glued), the next line that
// is not blank reads as a reference, and the body carries the marker.
func (c *classifier) aloneUnderBody(k, start int, lab []byte) bool {
	n := atoi(lab)
	if c.npend > 0 {
		// The next label of a group begun under the body.
		return n == atoi(c.pend[c.npend-1].label())+1
	}
	if n <= 0 || n != c.lastNum+1 && c.lastNum != 0 {
		return false
	}
	if f, t, ok := c.inkNear(k, -1); ok {
		if _, ok := numberAlone(c.text[f:t]); ok {
			// Inside a group of labels not begun here.
			return false
		}
	}
	// Its text, or the next label of a group printed before their texts
	// (pdftotext's default mode), where the texts can be told apart. A
	// symbol alone is the running header under a page number ("13",
	// "S/RES/1454 (2002)"): a footnote citing a document ends with its
	// full stop ("A/81/903."). These come first: most numbers alone
	// after body text are page numbers, and the body is not searched for
	// their markers.
	f, t, ok := c.inkNear(k, +1)
	if !ok {
		return false
	}
	line := c.text[f:t]
	if len(line) > 1 && line[1] == '/' && line[len(line)-1] != '.' {
		return false
	}
	if m, ok := numberAlone(line); !referenceLead(line) && !(ok && m == n+1 && c.groupFits(k, n)) {
		return false
	}
	glued := markerBefore(c.text, c.bodyStart, start, lab)
	return (n == c.lastNum+1 || n == 1 || glued) && (glued || spacedMarkerBefore(c.text, c.bodyStart, start, lab))
}

// groupFits reports whether the labels alone from line k on, counting up
// from n one a line, are followed (past blank lines) by as many lines of
// text before the next blank line: every footnote of the group on one
// line, so that giving the texts to the labels in order is right. A text
// that wraps ("… (United Nations publication, Sales No." /
// "E.96.IV.8), chap. I …") would shift every later one onto the wrong
// label; such a group is left as it is.
func (c *classifier) groupFits(k, n int) bool {
	labels, j := 0, k
	for ; j < len(c.starts); j++ {
		s, e := c.bounds(j)
		f, t := trimSpace(c.text, s, e)
		if m, ok := numberAlone(c.text[f:t]); !ok || m != n+labels {
			break
		}
		labels++
	}
	texts := 0
	for ; j < len(c.starts) && texts <= labels; j++ {
		s, e := c.bounds(j)
		if f, t := trimSpace(c.text, s, e); f < t {
			texts++
		} else if texts > 0 {
			break
		}
	}
	return labels <= len(c.pend) && texts == labels
}

// continuesNote reports whether line text[from:to], the first under a
// rule, with no label, goes on with the last footnote, which its page
// ended mid-sentence ("2  See resolution 2200 A (XXI), annex;", a page
// break, "____", "and United Nations, Treaty Series, vol. 999, No.
// 14531."), and reopens that footnote if so. digits: the line is a
// number alone.
func (c *classifier) continuesNote(from, to int, digits bool) bool {
	return c.lastInk == lineRule && c.underRule && c.noteEndOpen && c.rulesSinceNote == 1 && c.npend == 0 && !digits &&
		!opensParagraph(c.text[from:to]) && !labelledReference(c.text[from:to]) && c.fb.reopen()
}

// labelledReference reports whether b reads as a footnote whose label was
// turned down ("3 United Nations, Treaty Series, …" out of the numbering):
// a label of one to three digits, white space, a reference. It is no
// footnote's rest.
func labelledReference(b []byte) bool {
	i := 0
	for i < len(b) && i < 4 && isDigitByte(b[i]) {
		i++
	}
	if i == 0 || i > 3 || i == len(b) || !isSpaceByte(b[i]) {
		return false
	}
	for i < len(b) && isSpaceByte(b[i]) {
		i++
	}
	return referenceLead(b[i:])
}

// inkNear returns the trimmed bounds of the first line that is not blank
// among the three after line k (dir +1) or before it (dir -1).
func (c *classifier) inkNear(k, dir int) (from, to int, ok bool) {
	for j := k + dir; j >= 0 && j < len(c.starts) && j != k+4*dir; j += dir {
		s, e := c.bounds(j)
		if f, t := trimSpace(c.text, s, e); f < t {
			return f, t, true
		}
	}
	return 0, 0, false
}

// afterAlone reads line k after a footnote begun by a label alone that
// ended with its sentence: pdftotext may print the next footnote's text
// before its label, or without it. Where the next label alone is the one
// after next, this is the text of the one between; a label out of its
// place, or a reference without one, is no text. ok is false for a line
// that is none of these (the footnotes have ended).
func (c *classifier) afterAlone(k, start, end, from, to int, digits bool) (kind lineKind, ok bool) {
	if c.nextAlone(k, c.text[to-1]) == c.lastNum+2 {
		c.lastNum++
		var buf [20]byte
		c.fb.start(labelString(strconv.AppendInt(buf[:0], int64(c.lastNum), 10)), start, from, end)
		return lineNoteStart, true
	}
	if digits || referenceLead(c.text[from:to]) {
		return lineBlank, true
	}
	c.alone = false
	return 0, false
}

// labelAlone reports whether lab, a number alone on its line, is the
// label of the next footnote: among footnotes (after a rule, or right
// after a footnote's text) where the numbering goes on.
func (c *classifier) labelAlone(k, start int, lab []byte) bool {
	if !c.inRegion && c.lastInk != lineNoteStart && c.lastInk != lineNoteCont {
		return c.lastInk == lineText && c.aloneUnderBody(k, start, lab)
	}
	if n := atoi(lab); n <= 0 || n != c.lastNum+1 && c.lastNum != 0 {
		return false
	}
	// The next line that is not blank must read as a footnote ("United
	// Nations, …", "Ibid.", "See …"), or the body must carry the label as
	// a marker, glued (to a word, or to a year: "20245") or set apart by a
	// space (", 4" at a line's end, as pdftotext -raw prints "Developing
	// States, 4"): a page number alone after the footnotes ("2 Ibid." /
	// "3" / "the Statute.") is neither.
	f, t, ok := c.inkNear(k, +1)
	if !ok {
		return false
	}
	if m, ok := numberAlone(c.text[f:t]); ok && m == atoi(lab)+1 {
		// The next label alone follows: a group of labels printed
		// before their texts (pdftotext's default mode), which page
		// numbers never make.
		return true
	}
	// (One pass over the body for the three forms.)
	group := c.npend > 0
	return referenceLead(c.text[f:t]) || someLabel(c.text, c.bodyStart, start, lab, func(b []byte, j, end int) bool {
		if group && j > 1 && b[j-1] == ' ' && afterNumberWord(b, 0, j) {
			// The next label of a group, which page furniture may
			// follow, needs a marker: "paragraph 4 of" is none ("4" is
			// the page's number).
			return false
		}
		return gluedMarkerAt(b, j, end) || spacedMarkerAt(b, j, end) || lab[0] != '0' && (yearMarkerAt(b, j, end) || gluedNextAt(b, j, end))
	})
}

// numberAlone returns the number a line b that holds nothing else gives,
// as labels alone on their lines are written (up to four digits).
func numberAlone(b []byte) (int, bool) {
	if len(b) > 4 || !isDigits(b) {
		return 0, false
	}
	return atoi(b), true
}

// opensParagraph reports whether the line b opens a paragraph of a
// resolution: a numbered or lettered one ("1. Decides", "(a) To"), or one
// whose first word is a preambular participle in -ing ("Recalling"), one
// of preambularWords ("Deeply concerned") or of operativeWords
// ("Decides"). Wrapped text goes on with anything else ("Nations
// publication, …", "No. 27531.").
func opensParagraph(b []byte) bool {
	i := 0
	for i < len(b) && isDigitByte(b[i]) {
		i++
	}
	if i > 0 && i+1 < len(b) && b[i] == '.' && (b[i+1] == ' ' || b[i+1] == '\t') {
		return true
	}
	if len(b) > 3 && b[0] == '(' {
		j := bytes.IndexByte(b[:min(len(b), 8)], ')')
		return j > 1 && j+1 < len(b) && b[j+1] == ' ' && isLowerWord(b[1:j])
	}
	cw := capitalWord(b)
	if cw == nil || len(cw) < len(b) && b[len(cw)] != ' ' && b[len(cw)] != ',' {
		return false // not a plain word ("FCCC/CP")
	}
	w := string(cw)
	return len(w) >= 6 && strings.HasSuffix(w, "ing") || operativeWords[w] || preambularWords[w]
}

// opensOperative reports whether the text b after a paragraph's number
// opens an operative paragraph: its first word is one of operativeWords
// ("Decides", "Also requests", "We commit"). Participles do not count:
// footnotes open with them too ("Financing for Sustainable Development
// Report 2024").
func opensOperative(b []byte) bool { return operativeWords[string(capitalWord(b))] }

// capitalWord returns the word b starts with, a capital and small letters
// (ASCII), or nil.
func capitalWord(b []byte) []byte {
	if len(b) == 0 || !isUpperASCII(b[0]) {
		return nil
	}
	j := 1
	for j < len(b) && b[j] >= 'a' && b[j] <= 'z' {
		j++
	}
	return b[:j]
}

// isLowerWord reports whether b is one to four small letters ("a", "iv").
func isLowerWord(b []byte) bool {
	if len(b) == 0 || len(b) > 4 {
		return false
	}
	for _, c := range b {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// operativeWords open the operative paragraphs of resolutions (and of the
// declarations they adopt: "We commit"); preambularWords open preambular
// ones, besides the participles in -ing.
var operativeWords = map[string]bool{
	"Decides": true, "Requests": true, "Calls": true, "Urges": true, "Invites": true, "Encourages": true,
	"Welcomes": true, "Notes": true, "Reaffirms": true, "Recognizes": true, "Stresses": true, "Emphasizes": true,
	"Expresses": true, "Takes": true, "Acknowledges": true, "Affirms": true, "Appeals": true, "Commends": true,
	"Condemns": true, "Deplores": true, "Endorses": true, "Approves": true, "Adopts": true, "Recommends": true,
	"Reiterates": true, "Underlines": true, "Underscores": true, "Supports": true, "Proclaims": true,
	"Declares": true, "Authorizes": true, "Demands": true, "Recalls": true, "Considers": true, "Agrees": true,
	"Also": true, "Further": true, "We": true,
}

var preambularWords = map[string]bool{
	"Mindful": true, "Convinced": true, "Concerned": true, "Aware": true, "Alarmed": true, "Deeply": true,
	"Gravely": true, "Guided": true, "Determined": true, "Conscious": true, "Cognizant": true, "Desirous": true,
	"Encouraged": true,
}

// push adds lab, alone on its line at start, to the labels waiting for
// their texts; the numbering goes on from it.
func (c *classifier) push(start int, lab []byte) {
	p := &c.pend[c.npend]
	p.n = copy(p.lab[:], lab)
	p.start = start
	c.pendGroup = c.npend > 0
	c.npend++
	c.lastNum = atoi(lab)
}

// nextAlone returns the number of the next label alone on its line within
// the lines of one footnote after line k (a dozen at most), or 0 if a
// blank line, a rule or a new paragraph comes first. last is the last byte
// of line k, trimmed.
func (c *classifier) nextAlone(k int, last byte) int {
	for j := k + 1; j < len(c.starts) && j <= k+12; j++ {
		s, e := c.bounds(j)
		f, t := trimSpace(c.text, s, e)
		switch {
		case f == t:
			return 0
		case t-f <= 4 && isDigits(c.text[f:t]):
			return atoi(c.text[f:t])
		case isRule(c.text[f:t]):
			return 0
		case (last == ',' || last == ';' || last == ':' || last == '.') && opensParagraph(c.text[f:t]):
			// A paragraph starts ("…development," / "Recalling …"):
			// body text, not the footnote's.
			return 0
		}
		last = c.text[t-1]
	}
	return 0
}

// acceptGlued is accept for a label glued to its text ("2United Nations,
// Treaty Series, …"), as some PDF text leaves footnotes with no rule above
// them. Only the numbering tells: it must continue, or start at 1 with the
// next label close by. Or the label is the first of a document (a page's
// only footnote, or a numbering begun in an earlier resolution of a
// volume: "17See Official Records …") below a rule or a blank line, where
// its text reads as a reference and the body carries its marker.
func (c *classifier) acceptGlued(k, start int, lab []byte, n int, note []byte) bool {
	prev, last := c.prevKind, c.lastNum
	return n > 0 && (last > 0 && n == last+1 ||
		last == 0 && n == 1 && labelAhead(c.text, c.starts, k, n+1) ||
		last == 0 && (c.inRegion || prev == lineBlank) && referenceLead(note) &&
			(markerBefore(c.text, c.bodyStart, start, lab) || spacedMarkerBefore(c.text, c.bodyStart, start, lab)))
}

// noteLine reports whether line k, whose trimmed text is text[from:to],
// starts a footnote, and returns its label, where its text starts and
// whether the label is "N/".
func (c *classifier) noteLine(k, start, from, to int) (lab []byte, ts int, slash, ok bool) {
	text := c.text
	lab, ts, super, weak := noteStart(text, from, to, c.labBuf[:0])
	glued := false
	if lab == nil {
		lab, ts = gluedNoteStart(text, from, to, c.labBuf[:0])
		glued = lab != nil
	}
	if lab == nil {
		if lab, ts = slashNoteStart(text, from, to, c.labBuf[:0]); lab != nil {
			return lab, ts, true, c.slashNote(start, lab)
		}
		// "1. United Nations, Treaty Series, …" below a rule, as web
		// pages and Markdown number their notes: read as a footnote only
		// where it reads as a reference and the numbering goes on.
		lab, ts = dottedNoteStart(text, from, to, c.labBuf[:0])
		if lab == nil || !c.inRegion {
			return nil, 0, false, false
		}
		n := atoi(lab)
		// Among footnotes (right after the rule or another footnote),
		// the numbering going on is enough ("22. Report of the World
		// Summit …") for a text that opens no operative paragraph ("3.
		// Decides …"); elsewhere the text must read as a reference, for
		// an operative paragraph is numbered so too ("22. Notes …").
		among := c.lastInk == lineRule || c.lastInk == lineNoteStart || c.lastInk == lineNoteCont
		if !(among && n == c.lastNum+1 && c.lastNum > 0 && !opensOperative(text[ts:to])) && !referenceLead(text[ts:to]) {
			return nil, 0, false, false
		}
		if !(n == c.lastNum+1 || c.lastNum == 0 && markerBefore(text, c.bodyStart, start, lab)) {
			return nil, 0, false, false
		}
		c.lastNum = n
		return lab, ts, false, true
	}
	n := atoi(lab)
	if !c.accept(k, start, lab, n, text[ts:to], glued, super, weak) {
		return nil, 0, false, false
	}
	if n > 0 {
		c.lastNum = n
	}
	return lab, ts, false, true
}

// slashNote reports whether a line that starts "N/ " (lab) at start is a
// footnote: after a rule, a blank line or another footnote, where the
// numbering goes on, the first of a block only where the body carries its
// marker.
func (c *classifier) slashNote(start int, lab []byte) bool {
	n := atoi(lab)
	switch c.prevKind {
	case lineBlank, lineRule, lineFurniture, lineNoteStart, lineNoteCont:
	default:
		if !c.inRegion {
			return false
		}
	}
	if c.lastNum > 0 && n != c.lastNum+1 {
		return false
	}
	// Among footnotes the numbering is enough; the first of a block, after
	// body text, needs its marker in the body.
	among := c.inRegion || c.lastInk == lineNoteStart || c.lastInk == lineNoteCont
	if (c.lastNum == 0 || !among) && !someLabel(c.text, c.bodyStart, start, lab, slashMarkerAt) {
		return false
	}
	c.lastNum = n
	return true
}

// accept decides whether a line that starts like a footnote labelled lab
// (n as a number), with the text note after the label, is one, by the
// numbering and what came before.
func (c *classifier) accept(k, start int, lab []byte, n int, note []byte, glued, super, weak bool) bool {
	prev, last := c.prevKind, c.lastNum
	afterNote := prev == lineNoteStart || prev == lineNoteCont
	if !super && c.lastInk == lineFurniture && (bodyLead(note) || dateLead(note)) {
		// At the top of a page, under its header: "4 and the Convention
		// against Torture …", body text that starts with a marker the
		// line wrap carried over; "5 December 2024, and …", a date. A
		// page's first note starts with neither.
		return false
	}
	switch {
	case glued:
		return c.acceptGlued(k, start, lab, n, note)
	case len(lab) == 4 && !super:
		// Four digits start many lines ("2030 Agenda …"): a label of four
		// only continues the numbering, or opens a footnote region whose
		// marker the body has.
		return n == last+1 && (c.inRegion || prev != lineText) ||
			c.inRegion && last == 0 && markerBefore(c.text, c.bodyStart, start, lab)
	case weak:
		// "8 2010 Review Conference …": among footnotes (after a rule, or
		// with no body text since the last footnote), where the numbering
		// continues; not right after a footnote line that does not end a
		// sentence ("…, New York,\n17 March 2022").
		return (c.inRegion || c.fb.inBlock) && n > 0 && n == last+1 && !(afterNote && c.prevOpen)
	case super:
		return true
	case lab[0] == '*':
		return c.inRegion || prev == lineBlank || afterNote
	case c.inRegion:
		return last == 0 || n == last+1 || n == last
	case prev == lineBlank || afterNote || prev == lineRule || prev == lineFurniture:
		return c.acceptAfterBreak(k, start, lab, n, note, prev)
	case prev == lineText:
		return c.acceptUnderBody(start, lab, n, note)
	}
	return false
}

// bodyLead reports whether note, a line's text after what may be a
// footnote label, starts with a small word that goes on a sentence, as
// words after a marker do ("and", "to", "which" …), not a note's text.
func bodyLead(note []byte) bool {
	e := 0
	for e < len(note) && note[e] >= 'a' && note[e] <= 'z' {
		e++
	}
	return e > 0 && (e == len(note) || note[e] == ' ') && afterMarker[string(note[:e])]
}

// dateLead reports whether note starts with a month and a year: the line
// its label starts is a date ("5 December 2024, …").
func dateLead(note []byte) bool {
	if !isMonthAt(note) {
		return false
	}
	i := bytes.IndexByte(note, ' ')
	return i > 0 && i+5 <= len(note) && isDigits(note[i+1:i+5]) && (i+5 == len(note) || !isDigitByte(note[i+5]))
}

// acceptAfterBreak is accept's test of a footnote start after a blank
// line, a footnote, a rule or page furniture, outside a footnote region.
func (c *classifier) acceptAfterBreak(k, start int, lab []byte, n int, note []byte, prev lineKind) bool {
	last := c.lastNum
	return (last == 0 && (n == 1 || markerBefore(c.text, c.bodyStart, start, lab) || c.midNumbering(start, lab, note) || c.unmarkedFirst(k, start, n, note))) ||
		n == last+1 || (n == last && prev != lineBlank) ||
		// Numbering that skips notes not read as such ("3  2000 Review
		// Conference …" with no rule above it): a text that reads as a
		// reference, whose marker the body has.
		n > last && referenceLead(note) && markerBefore(c.text, c.bodyStart, start, lab)
}

// acceptUnderBody is accept's test of a footnote start right under body
// text, with no rule or blank line between (pdftotext -raw of a PDF whose
// rule is drawn, not typed): where the numbering goes on, the text reads
// as a reference and the body carries the marker. (A first label past 1,
// numbering that began in an earlier text, needs its marker glued.)
func (c *classifier) acceptUnderBody(start int, lab []byte, n int, note []byte) bool {
	last := c.lastNum
	if n <= 0 || !referenceLead(note) {
		return false
	}
	glued := markerBefore(c.text, c.bodyStart, start, lab)
	return (n == last+1 || last == 0 && n == 1) && (glued || spacedMarkerBefore(c.text, c.bodyStart, start, lab)) ||
		last == 0 && glued
}

// dropRunningTitles removes from body the lines that are running titles.
// The line after one starts no paragraph: the title stood at a page break.
func dropRunningTitles(body []span, titles map[int]bool) []span {
	if len(titles) == 0 {
		return body
	}
	out := body[:0]
	dropped := false
	for _, l := range body {
		if titles[int(l.line)] {
			dropped = true
			continue
		}
		if dropped {
			l.para = false
			dropped = false
		}
		out = append(out, l)
	}
	return out
}

// mayTrim reports whether trimSpace may remove the byte c at either end
// of a line: ASCII white space, or any byte of a non-ASCII character.
// (Control characters are let through: trimSpace decides.)
func mayTrim(c byte) bool { return c <= ' ' || c >= utf8.RuneSelf }

// Which of classify's line tests may match a trimmed line, by its first
// byte.
const (
	mayRule      = 1 << iota // isRule: "_"; isBreak: "-"
	mayFurniture             // isFurniture: digits, "*", "/", capitals (symbols, job numbers)
	mayNote                  // noteStart: "1"–"9", "*", lead bytes of superscripts
)

var firstByte = func() (t [256]uint8) {
	t['_'] |= mayRule
	t['-'] |= mayRule
	for c := '0'; c <= '9'; c++ {
		t[c] |= mayFurniture
	}
	t['*'] |= mayFurniture | mayNote
	// Capitals start symbols of any series (symbolAlone), job numbers
	// (GE., V., K) and "Page N".
	for c := 'A'; c <= 'Z'; c++ {
		t[c] |= mayFurniture
	}
	t['/'] |= mayFurniture
	for c := '1'; c <= '9'; c++ {
		t[c] |= mayNote
	}
	t[0xC2] |= mayNote
	t[0xE2] |= mayNote
	return t
}()

// midNumbering reports whether a first footnote labelled lab, with the
// text note, is one whose numbering began in an earlier document: the
// yearly volumes of resolutions number their footnotes across the year,
// so a resolution taken from one may have footnotes 106 and 107 only, at
// its end with no rule above them, and markers set apart by a space
// ("of 18 April 1961 106 and", "of 12 August 1949, 66 and"). Both must
// show: a note that reads as a reference, and the label standing in the
// body as such a marker.
func (c *classifier) midNumbering(start int, lab, note []byte) bool {
	return readsAsReference(note) && spacedMarkerBefore(c.text, c.bodyStart, start, lab)
}

// unmarkedFirst reports whether a first note labelled n, at line k, whose
// marker the body does not have, opens a block whose next note's marker it
// has: in a volume numbered across the year, a resolution's block may
// start with a note on the resolution before ("73 See Official Records of
// the Security Council, …", then "74 Ibid., document S/20862.", marked
// "of 22 September 1989, 74 and"). Both notes must read as references.
//
// The block must end the text (the volumes' notes of a resolution close
// it): the note starts in its last 20 lines, and the numbers that start
// lines after it go on one by one (a numbered list in the body, "24 …",
// "25 …", followed by other notes, is no block).
func (c *classifier) unmarkedFirst(k, start, n int, note []byte) bool {
	if !readsAsReference(note) || len(c.starts)-k > 20 {
		return false
	}
	var buf [12]byte
	next := strconv.AppendInt(buf[:0], int64(n+1), 10)
	want, found := n+1, false
	for j := k + 1; j < len(c.starts); j++ {
		s, e := c.bounds(j)
		f, t := trimSpace(c.text, s, e)
		line := c.text[f:t]
		d := 0
		for d < len(line) && isDigitByte(line[d]) {
			d++
		}
		if d == 0 || d == len(line) || line[d] != ' ' {
			continue
		}
		if atoi(line[:d]) != want {
			return false
		}
		if want == n+1 {
			rest := bytes.TrimLeft(line[d:], " ")
			found = j <= k+4 && readsAsReference(rest)
		}
		want++
	}
	return found && (spacedMarkerBefore(c.text, c.bodyStart, start, next) || markerBefore(c.text, c.bodyStart, start, next))
}

// readsAsReference reports whether a note of a block numbered across
// documents reads as a reference: it starts as one, or its first line
// cites the Treaty Series after a title.
func readsAsReference(note []byte) bool {
	return referenceLead(note) || citesSeries(note)
}

// citesSeries reports whether a note's first line cites the Treaty Series
// after the title it documents: "Geneva Conventions of 12 August 1949
// (United Nations," (the Security Council's volumes write them so; not
// "(United Nations campaign)").
func citesSeries(note []byte) bool {
	return bytes.Contains(note, []byte("(United Nations,")) || bytes.Contains(note, []byte("Treaty Series"))
}

// referenceLeads are how the notes of UN documents that cite something
// start.
var referenceLeads = [...]string{
	"United Nations", "Ibid", "*Ibid", "League of Nations", "Official Records",
	"Treaty Series", "Resolution", "General Assembly", "Security Council",
	"Economic and Social Council", "See ", "Document", "A/", "S/", "E/",
}

// referenceLead reports whether a footnote's text b starts as a reference.
func referenceLead(b []byte) bool {
	for _, p := range referenceLeads {
		if bytes.HasPrefix(b, []byte(p)) {
			return true
		}
	}
	return false
}

// spacedMarkerBefore reports whether the label stands in text[from:to] as
// a marker set apart by a space: after punctuation (", 66 and", "; 31"),
// a word ("Relations 106 and"), or a year ("1961 106 and"), and before
// white space or punctuation other than a parenthesis ("resolution 106
// (1955)" is a symbol).
func spacedMarkerBefore(text []byte, from, to int, lb []byte) bool {
	return someLabel(text, from, to, lb, spacedMarkerAt)
}

// spacedMarkerAt is spacedMarkerBefore's test of one occurrence b[j:end].
func spacedMarkerAt(b []byte, j, end int) bool {
	if j < 2 || b[j-1] != ' ' {
		return false
	}
	if end < len(b) && !(b[end] == ' ' || b[end] == '\n' || b[end] == '\r' || b[end] == ',' || b[end] == ';' || b[end] == '.') {
		return false
	}
	if end+1 < len(b) && b[end] == ' ' && b[end+1] == '(' && !yearBefore(b, j-1) {
		return false // but "of 12 August 1949 5 (Fourth Geneva Convention)"
	}
	if r, _ := utf8.DecodeLastRune(b[:j-1]); r == '"' || r == '”' || r == '’' {
		// After a closing quote: the title of a report or an agenda
		// ("… post-COVID world” 5 and").
		return true
	}
	switch c := b[j-2]; {
	case c == ',' || c == ';' || c == ':' || c == ')':
		// Not in a list of numbers ("paragraphs 65, 66 and 67"); after
		// a year or a symbol ("resolution 58/21; 8"), a marker.
		return j < 3 || !isDigitByte(b[j-3]) || yearBefore(b, j-2) || symbolBefore(b, 0, j-2)
	case isLetterByte(c):
		// Not a number a word counts ("paragraph 4", "Goal 4").
		return !afterNumberWord(b, 0, j)
	case isDigitByte(c) && yearBefore(b, j-1):
		return true
	}
	return false
}

// gluedNextAt reports whether the occurrence b[j:end] of a label is a
// marker glued to the next word, its space lost ("Agreement 5and its"),
// as candScan.gluedNext reads them.
func gluedNextAt(b []byte, j, end int) bool {
	sp := spaceBefore(b, 0, j)
	if sp == 0 || j-sp < 1 || !isLetterByte(b[j-sp-1]) || end >= len(b) || b[end] < 'a' || b[end] > 'z' {
		return false
	}
	e := end
	for e < len(b) && isLetterByte(b[e]) {
		e++
	}
	return afterMarker[string(b[end:e])]
}

// symbolBefore reports whether the word that ends at b[i] (after from) is
// a symbol, with a slash in it ("58/21", "A/80/53"): no number of a list,
// and no period of two years ("2025/26", "2024/2025").
func symbolBefore(b []byte, from, i int) bool {
	k := i
	for k > from && b[k-1] != ' ' && b[k-1] != '\n' {
		k--
	}
	w := b[k:i]
	slash := bytes.IndexByte(w, '/')
	if slash < 0 {
		return false
	}
	if y, z := w[:slash], w[slash+1:]; len(y) == 4 && isDigits(y) && isDigits(z) && (len(z) == 2 || len(z) == 4) &&
		(atoiBytes(y)+1)%pow10(len(z)) == atoiBytes(z) {
		// A period of two years, unless a resolution or decision of the
		// Economic and Social Council has that number ("resolution
		// 2023/24").
		pw := strings.ToLower(string(lastWord(b[from:k])))
		return strings.HasPrefix(pw, "resolution") || strings.HasPrefix(pw, "decision")
	}
	return true
}

// pow10 returns 10 to the n.
func pow10(n int) int {
	p := 1
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// wrappedSlashMarker reports whether a label "N/" that starts a line, after
// the line break at b[nl] and before b[after:], is a marker the wrap
// carried over: the line before ends in a word, a year, a comma or a
// closing bracket, not a sentence or a clause, and a lower-case word
// follows ("and noting").
func wrappedSlashMarker(b []byte, nl, after int) bool {
	e := nl
	for e > 0 && (isSpaceByte(b[e-1]) || b[e-1] == '\r') {
		e--
	}
	if e == 0 || !(isLetterByte(b[e-1]) || b[e-1] == ',' || b[e-1] == ')' || yearBefore(b, e)) {
		return false
	}
	for after < len(b) && isSpaceByte(b[after]) {
		after++
	}
	return after < len(b) && b[after] >= 'a' && b[after] <= 'z'
}

// someLabel reports whether some occurrence b[j:end] of the label lb in
// b = text[from:to] is one that ok takes for a marker.
func someLabel(text []byte, from, to int, lb []byte, ok func(b []byte, j, end int) bool) bool {
	b := text[from:to]
	for i := 0; ; {
		j := bytes.Index(b[i:], lb)
		if j < 0 {
			return false
		}
		j += i
		if ok(b, j, j+len(lb)) {
			return true
		}
		i = j + 1
	}
}

// yearBefore reports whether b[:i] ends with a year of four digits
// ("1961").
func yearBefore(b []byte, i int) bool {
	if i < 4 || i > 4 && isDigitByte(b[i-5]) || !isDigits(b[i-4:i]) {
		return false
	}
	y := atoiBytes(b[i-4 : i])
	return y >= 1800 && y <= 2100
}

// markerBefore reports whether the label appears as a marker candidate in
// text[from:to]: glued to a word or punctuation ("Crime,5"), or as
// superscript digits.
func markerBefore(text []byte, from, to int, lb []byte) bool {
	return someLabel(text, from, to, lb, gluedMarkerAt)
}

// gluedMarkerAt is markerBefore's test of one occurrence b[j:end].
func gluedMarkerAt(b []byte, j, end int) bool {
	if j == 0 || end < len(b) && isDigitByte(b[end]) {
		return false
	}
	c := b[j-1]
	if !isDigitByte(c) && c != ' ' && c != '/' && c != '.' && c != '-' {
		return true
	}
	return c == ' ' && j > 1 && isLetterByte(b[j-2]) && (end == len(b) || b[end] == ' ' && !(end+1 < len(b) && b[end+1] == '(') || b[end] == ',' || b[end] == '\n')
}

// yearMarkerAt reports whether the occurrence b[j:end] of a label (not
// starting with 0) is glued to a year before it ("of 1 March 20245": 2024
// and the marker 5), the year's digits starting the run and nothing but
// the label after them.
func yearMarkerAt(b []byte, j, end int) bool {
	return (end == len(b) || !isDigitByte(b[end])) && yearBefore(b, j)
}

func isDigitByte(c byte) bool  { return c >= '0' && c <= '9' }
func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
