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
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/source"
)

// Document is a parsed source file.
type Document struct {
	File *source.File
	// Body is the body text.
	Body Stream
	// Markers are the footnote markers found in the body, in order.
	Markers []Marker
	// Footnotes are the footnote bodies, in document order.
	Footnotes []*Footnote
}

// Marker is a footnote marker in the body.
type Marker struct {
	// Label is the footnote's label ("3", "*", "e2").
	Label string
	// At is the offset in Body.Text where the marker stood (it is removed
	// from the text: At is the offset of the character after it).
	At int
	// Start and End locate the marker in the source.
	Start, End int
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

// line is one line of the source, without its line ending.
type line struct {
	start, end int // byte offsets; end excludes "\r\n"
	kind       lineKind
	label      string // footnote label for footnote starts
	textStart  int    // where the footnote's text starts (after the label)
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
	lineFrontMatter
)

// Parse builds the document model of f. It never fails: text it cannot
// classify is body text.
func Parse(f *source.File) *Document {
	lines := splitLines(f.Text)
	classify(f.Text, lines)
	d := &Document{File: f}
	d.buildFootnotes(lines)
	d.buildBody(lines)
	return d
}

func splitLines(text []byte) []line {
	ls := make([]line, 0, bytes.Count(text, []byte{'\n'})+1)
	start := 0
	for start <= len(text) {
		i := bytes.IndexByte(text[start:], '\n')
		end := len(text)
		next := len(text) + 1
		if i >= 0 {
			end = start + i
			next = end + 1
		}
		e := end
		if e > start && text[e-1] == '\r' {
			e--
		}
		ls = append(ls, line{start: start, end: e})
		start = next
	}
	return ls
}

func isSuperDigit(r rune) bool {
	switch r {
	case '⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹':
		return true
	}
	return false
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
// white space (including no-break spaces).
func trimSpace(text []byte, from, to int) (int, int) {
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

// noteStart recognises the first line of a footnote body: a label of
// superscript digits, one to three digits or one to three asterisks,
// followed by white space and text that does not start like a numbered
// paragraph ("1. Decides"). It returns the label and where the text starts.
func noteStart(text []byte, from, to int) (label string, textStart int, super, weak bool) {
	from, to = trimSpace(text, from, to)
	if from >= to {
		return "", 0, false, false
	}
	r, _ := utf8.DecodeRune(text[from:to])
	i := from
	var lab []byte
	switch {
	case isSuperDigit(r):
		for i < to {
			r, n := utf8.DecodeRune(text[i:to])
			if !isSuperDigit(r) {
				break
			}
			lab = append(lab, superValue(r))
			i += n
		}
		super = true
	case r >= '1' && r <= '9':
		for i < to && text[i] >= '0' && text[i] <= '9' {
			lab = append(lab, text[i])
			i++
		}
		if len(lab) > 3 {
			return "", 0, false, false
		}
	case r == '*':
		for i < to && text[i] == '*' {
			lab = append(lab, '*')
			i++
		}
		if len(lab) > 3 {
			return "", 0, false, false
		}
	default:
		return "", 0, false, false
	}
	// White space must follow the label, then text.
	j := i
	for j < to && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	if j == i && !super {
		return "", 0, false, false
	}
	if j == i && super {
		// "¹*Salvador Declaration" — allow text right after superscripts.
		j = i
	}
	if j >= to {
		return "", 0, false, false
	}
	c := text[j]
	if lab[0] == '*' && c == '*' {
		return "", 0, false, false
	}
	// A body line that starts with a number followed by a lower-case word
	// or a month ("15 September 1969 …", "2 December") is not a footnote;
	// footnotes start with a capital, an asterisk (italics), a quote or a
	// symbol.
	weak = false
	if !super {
		r2, _ := utf8.DecodeRune(text[j:to])
		if unicode.IsLower(r2) || unicode.IsDigit(r2) || isMonthAt(text[j:to]) {
			// Only a footnote region after a rule, with the numbering
			// continuing, takes such a line as a footnote ("2  1995
			// Review and Extension Conference …").
			weak = true
		}
	}
	return string(lab), j, super, weak
}

var months = [][]byte{[]byte("January"), []byte("February"), []byte("March"), []byte("April"), []byte("May"), []byte("June"), []byte("July"), []byte("August"), []byte("September"), []byte("October"), []byte("November"), []byte("December")}

func isMonthAt(b []byte) bool {
	for _, m := range months {
		if bytes.HasPrefix(b, m) && (len(b) == len(m) || !isWordByte(b[len(m)])) {
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

func isRule(b []byte) bool {
	b = bytes.TrimSpace(b)
	if len(b) < 5 {
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
// ("25-16618 (E)    171025", "*2516618*"), page numbers ("2/7"), and a
// document symbol alone on its line ("A/C.3/80/L.4").
func isFurniture(b []byte) bool {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || len(b) > 40 {
		return false
	}
	// Job number: NN-NNNNN
	if len(b) >= 8 && isDigits(b[:2]) && b[2] == '-' && isDigits(b[3:8]) && (len(b) == 8 || b[8] == ' ') {
		return true
	}
	// Barcode *2516618*
	if len(b) >= 3 && b[0] == '*' && b[len(b)-1] == '*' && isDigits(b[1:len(b)-1]) {
		return true
	}
	// Page number "2/7"
	if i := bytes.IndexByte(b, '/'); i > 0 && isDigits(b[:i]) && isDigits(b[i+1:]) && len(b) <= 7 {
		return true
	}
	// A document symbol alone: A/80/L.1, A/C.3/80/L.4, A/RES/80/1, S/RES/2719 (2023)
	// (A footnote that is only a symbol ends with a full stop: "A/80/387.")
	if (b[0] == 'A' || b[0] == 'S' || b[0] == 'E') && len(b) > 2 && b[1] == '/' && bytes.IndexByte(b, ' ') < 0 && !bytes.ContainsAny(b[len(b)-1:], ".,;") {
		return true
	}
	return false
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

// classify sets each line's kind.
func classify(text []byte, ls []line) {
	// YAML front matter at the very top of Markdown files.
	i0 := 0
	if len(ls) > 0 && string(bytes.TrimSpace(text[ls[0].start:ls[0].end])) == "---" {
		for j := 1; j < len(ls); j++ {
			if string(bytes.TrimSpace(text[ls[j].start:ls[j].end])) == "---" {
				for k := 0; k <= j; k++ {
					ls[k].kind = lineFrontMatter
				}
				i0 = j + 1
				break
			}
		}
	}
	// Footnote numbering, to accept a "N text" line as a footnote only
	// where the numbering continues.
	lastNum := 0
	inRegion := false // after a "____" rule, until body text resumes
	prevKind := lineBlank
	for i := i0; i < len(ls); i++ {
		l := &ls[i]
		b := text[l.start:l.end]
		switch {
		case len(bytes.TrimSpace(b)) == 0:
			l.kind = lineBlank
		case isRule(b):
			l.kind = lineRule
			inRegion = true
		case isFurniture(b):
			l.kind = lineFurniture
		default:
			if lab, ts, ok := mdNoteDef(text, l.start, l.end); ok {
				l.kind, l.label, l.textStart = lineMDNoteDef, lab, ts
				break
			}
			lab, ts, super, weak := noteStart(text, l.start, l.end)
			accept := false
			if lab != "" {
				n := atoi(lab)
				switch {
				case weak:
					accept = inRegion && n > 0 && n == lastNum+1
				case super:
					accept = true
				case lab[0] == '*':
					accept = inRegion || prevKind == lineBlank || prevKind == lineNoteStart || prevKind == lineNoteCont
				case inRegion:
					accept = lastNum == 0 || n == lastNum+1 || n == lastNum
				case prevKind == lineBlank || prevKind == lineNoteStart || prevKind == lineNoteCont || prevKind == lineRule || prevKind == lineFurniture:
					accept = (lastNum == 0 && (n == 1 || markerBefore(text, ls[i0].start, l.start, lab))) || n == lastNum+1 || (n == lastNum && prevKind != lineBlank)
				}
				if accept && n > 0 {
					lastNum = n
				}
			}
			if accept {
				l.kind, l.label, l.textStart = lineNoteStart, lab, ts
				break
			}
			if prevKind == lineNoteStart || (prevKind == lineNoteCont && ls[i-1].label != "md") {
				// A footnote continues on the next line until a blank
				// line, a rule or page furniture ends it.
				l.kind = lineNoteCont
				break
			}
			if (prevKind == lineMDNoteDef || (prevKind == lineNoteCont && ls[i-1].label == "md")) && (b[0] == ' ' || b[0] == '\t') {
				// Indented continuation of a Markdown footnote.
				l.kind, l.label = lineNoteCont, "md"
				break
			}
			l.kind = lineText
			inRegion = false
		}
		prevKind = l.kind
	}
}

// markerBefore reports whether the label appears as a marker candidate in
// text[from:to]: glued to a word or punctuation ("Crime,5"), or as
// superscript digits.
func markerBefore(text []byte, from, to int, label string) bool {
	b := text[from:to]
	lb := []byte(label)
	for i := 0; ; {
		j := bytes.Index(b[i:], lb)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(lb)
		if j > 0 && (end == len(b) || !isDigitByte(b[end])) {
			c := b[j-1]
			if !isDigitByte(c) && c != ' ' && c != '/' && c != '.' && c != '-' {
				return true
			}
			if c == ' ' && j > 1 && isLetterByte(b[j-2]) && (end == len(b) || b[end] == ' ' || b[end] == ',' || b[end] == '\n') {
				return true
			}
		}
		i = j + 1
	}
}

func isDigitByte(c byte) bool  { return c >= '0' && c <= '9' }
func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
