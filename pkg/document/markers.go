package document

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/internal/bytescan"
)

// Footnote markers are chosen for the whole document at once.
//
// The Editorial Manual numbers footnotes in the order of their markers,
// and each footnote has one marker in the body. Plain text (PDF text
// extraction above all) leaves markers as ordinary digits: glued to a
// word ("Child4"), to punctuation ("Women,5"), to a year ("of 19721"),
// or standing apart ("Rights, 1 the", "Climate Change 4 that", at the
// start of the next line). Each of these forms is also how ordinary
// numbers are written, so no one place can be judged alone.
//
// So every place where a footnote's label could stand as a marker is a
// candidate, scored by its form and context (what precedes and follows
// it, whether it is on the same page as its footnote), and the markers
// are the best chain of candidates whose footnotes and positions both
// increase: a weighted longest increasing subsequence, found in
// O(n log n) over the candidates, not the text. One ambiguous number
// cannot push the markers after it out (a window after the last accepted
// marker did), and a number that fits no place in the order is not taken.

// form is how a marker candidate is written.
type form uint8

const (
	formExplicit   form = iota // superscript digits or "[^3]": always a marker
	formGluedWord              // "Child4"
	formGluedPunct             // "Women,5", "(No. 182)9", "Rights”3"
	formGluedDot               // "of them.5"
	formYear                   // "of 19721": the year 1972 and marker 1
	formSpacePunct             // "Rights, 1 the", "; 11"
	formSpaceWord              // "Climate Change 4 that"
	formLineStart              // "…Climate Change\n4 that"
	formGluedNext              // "Nuclear Weapons 6and the": glued to the next word
)

// Scores of the forms: how sure a candidate of that form, in a neutral
// context, is to be a marker. Context moves them (scoreContext).
var formScore = [...]int32{
	formExplicit:   1000,
	formGluedWord:  10,
	formGluedPunct: 10,
	formGluedDot:   7,
	formYear:       7,
	formSpacePunct: 5,
	formSpaceWord:  3,
	formLineStart:  3,
	formGluedNext:  3,
}

// maxNotesPerLabel is how many footnotes of one label, from its page on,
// a candidate may mean.
const maxNotesPerLabel = 4

const (
	// samePage is added when a candidate is on the page of its footnote
	// (in the body text between the footnote block before it and the
	// block that holds the footnote).
	samePage = 6
	// pagePenalty is taken off for each page a candidate lies before its
	// footnote's page.
	pagePenalty = 4
)

// cand is a marker candidate: text[start:end] of the source would be
// taken out of the body, and the marker would stand at its place.
type cand struct {
	start, end int
	// ds, de are the label's own bytes (a year's digits or a space
	// before it are not).
	ds, de int
	label  string
	num    int // the label as a number, 0 if it is not one
	score  int32
	page   int32
	form   form
}

// maxLabel is the largest numeric label a plain-digit marker may have:
// the yearly Security Council volumes number footnotes across a year.
const maxLabel = 9999

// labelSet records which footnote labels exist, by number.
type labelSet []uint64

func newLabelSet(notes []*Footnote) labelSet {
	hi := 0
	for _, f := range notes {
		if f.Num > hi && f.Num <= maxLabel {
			hi = f.Num
		}
	}
	if hi == 0 {
		return nil
	}
	s := make(labelSet, hi/64+1)
	for _, f := range notes {
		if f.Num > 0 && f.Num <= maxLabel && len(f.Label) > 0 && f.Label[0] != '0' {
			s[f.Num/64] |= 1 << (f.Num % 64)
		}
	}
	return s
}

func (s labelSet) has(n int) bool {
	return n > 0 && n/64 < len(s) && s[n/64]&(1<<(n%64)) != 0
}

// candScan collects the marker candidates of the body lines.
type candScan struct {
	text    []byte
	notes   []*Footnote
	defined labelSet
	stops   []uint64
	cands   []cand
	// stars: some footnote's label is asterisks ("*", "**"), so
	// asterisks glued to a word may be markers.
	stars bool
	// slashLabels are the labels of the footnotes labelled "N/", whose
	// markers are "N/" too (nil if none).
	slashLabels labelSet
	// sorted is false once candidates were added out of order.
	unsorted bool
}

// line collects the candidates of the body line l. prev is the body line
// before it (zero if none).
func (cs *candScan) line(l, prev span) {
	text := cs.text
	from, to := l.from, l.to
	if cs.stars {
		cs.asterisks(l)
	}
	for i := from; i < to; {
		i = bytescan.Next(cs.stops, i)
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
					cs.add(cand{start: start, end: i, ds: start, de: i, label: string(lab), num: labelNum(lab), form: formExplicit, page: l.page})
				}
				continue
			}
			i += n
		case c == '[' && i+2 < to && text[i+1] == '^':
			end := bytes.IndexByte(text[i:to], ']')
			if end > 2 && !bytes.ContainsAny(text[i+2:i+end], " \t") {
				lab := string(text[i+2 : i+end])
				cs.add(cand{start: i, end: i + end + 1, ds: i, de: i + end + 1, label: lab, num: labelNum(lab), form: formExplicit, page: l.page})
				i += end + 1
				continue
			}
			i++
		case c >= '0' && c <= '9':
			start := i
			for i < to && text[i] >= '0' && text[i] <= '9' {
				i++
			}
			if cs.slashLabels != nil && i < to && text[i] == '/' {
				if k, ok := cs.slashMarker(l, start, i); ok {
					cs.add(k)
					i = k.end
					continue
				}
			}
			if k, ok := tagged(text, l, start, i); ok && cs.defined.has(k.num) {
				cs.add(k)
				i = k.end
				continue
			}
			if i < to && (text[i] < utf8.RuneSelf && isWordByte(text[i]) || text[i] >= utf8.RuneSelf && wordRuneAt(text[i:to])) {
				// Digits run into letters ("H5N1", "1512th"): no marker,
				// unless the letters are a word that follows markers and
				// a space precedes ("Weapons 6and the").
				if k, ok := cs.gluedNext(l, start, i); ok {
					cs.add(k)
				}
				for i < to && wordRuneAt(text[i:to]) {
					_, n := utf8.DecodeRune(text[i:to])
					i += n
				}
				continue
			}
			if cs.defined != nil && (start == from || !isDigitByte(text[start-1])) && (cs.mayLabel(text[start:i]) || start > from && text[start-1] == '/') {
				if k, ok := cs.digits(l, prev, start, i); ok {
					cs.add(k)
				}
			}
		default:
			i++
		}
	}
}

// tagged returns the marker the digits text[ds:de] of line l are when
// markup sets them as superscript: HTML's "<sup>4</sup>" (in Markdown)
// or Pandoc's "^4^".
func tagged(text []byte, l span, ds, de int) (cand, bool) {
	var start, end int
	switch {
	case de-ds > 4:
		return cand{}, false
	case ds-5 >= l.from && bytes.EqualFold(text[ds-5:ds], []byte("<sup>")) && de+6 <= l.to && bytes.EqualFold(text[de:de+6], []byte("</sup>")):
		start, end = ds-5, de+6
	case ds-1 >= l.from && text[ds-1] == '^' && (ds-2 < l.from || text[ds-2] != '[') && de < l.to && text[de] == '^':
		start, end = ds-1, de+1
	default:
		return cand{}, false
	}
	if start > l.from && isDigitByte(text[start-1]) {
		return cand{}, false // an exponent: "2^10^"
	}
	// The label is made only for a marker: every run of digits is asked.
	return cand{start: start, end: end, ds: ds, de: de, label: string(text[ds:de]), num: labelNum(text[ds:de]), form: formExplicit, page: l.page}, true
}

// mayLabel reports whether the digit run holds a footnote's label, on its
// own or after a year ("19721"): the cheap test that turns away most
// numbers before digits reads their context.
func (cs *candScan) mayLabel(run []byte) bool {
	switch n := len(run); {
	case n <= 4:
		return cs.defined.has(atoiBytes(run))
	case n <= 8:
		return cs.defined.has(atoiBytes(run[4:]))
	}
	return false
}

// gluedNext judges the digits text[ds:de], glued to the letters after
// them, as a marker that lost its space: "Nuclear Weapons 6and the",
// "nuclear weapons, 7in which".
func (cs *candScan) gluedNext(l span, ds, de int) (cand, bool) {
	text := cs.text
	if cs.defined == nil || de-ds > 3 || ds-l.from < 2 || text[ds] == '0' {
		return cand{}, false
	}
	// The space it lost is the one before it, plain or hard ("Weapons\u00a06and").
	sp := spaceBefore(text, l.from, ds)
	if sp == 0 {
		return cand{}, false
	}
	e := de
	for e < l.to && isLetterByte(text[e]) {
		e++
	}
	if e < l.to && isWordByte(text[e]) {
		return cand{}, false
	}
	var buf [16]byte
	if e-de > len(buf) || !afterMarker[string(append(buf[:0], text[de:e]...))] {
		return cand{}, false
	}
	n := atoiBytes(text[ds:de])
	if !cs.defined.has(n) {
		return cand{}, false
	}
	b := ds - sp
	for b > l.from && isSpaceByte(text[b-1]) {
		b--
	}
	r, _ := utf8.DecodeLastRune(text[l.from:b])
	if !unicode.IsLetter(r) && !isClosing(r) {
		return cand{}, false
	}
	if pw := prevWord(text, l.from, ds); numberWords[pw] {
		return cand{}, false
	}
	k := cand{start: ds, end: de, ds: ds, de: de, num: n, label: labelString(text[ds:de]), form: formGluedNext, page: l.page}
	k.score += scoreWordBefore(text, l.from, b)
	return k, true
}

// asterisks collects the asterisk markers of line l: "Court,**",
// "Russian Federation:*", but not "*italics*" or "*2516618*".
func (cs *candScan) asterisks(l span) {
	text := cs.text
	for i := l.from; i < l.to; {
		j := bytes.IndexByte(text[i:l.to], '*')
		if j < 0 {
			return
		}
		s := i + j
		e := s
		for e < l.to && text[e] == '*' {
			e++
		}
		i = e
		if e-s > 3 || s == l.from || e < l.to && !isSpaceByte(text[e]) && !isClosingByte(text[e]) && !closingRuneAt(text[e:l.to]) {
			continue
		}
		// After a word, closing punctuation or a year ("… of 1951**").
		r, _ := utf8.DecodeLastRune(text[l.from:s])
		if !unicode.IsLetter(r) && !isClosing(r) && !(isDigitByte(text[s-1]) && isYearBefore(text, l.from, s)) {
			continue
		}
		// An asterisk before, after a space, opens emphasis that this
		// one closes.
		if k := bytes.LastIndexByte(text[l.from:s], '*'); k >= 0 {
			for k > 0 && text[l.from+k-1] == '*' {
				k-- // the run's first ("**1967**")
			}
			if k == 0 || isSpaceByte(text[l.from+k-1]) {
				continue
			}
		}
		cs.add(cand{start: s, end: e, ds: s, de: e, label: string(text[s:e]), form: formGluedPunct, page: l.page})
		cs.unsorted = true
	}
}

func isClosingByte(c byte) bool { return c < utf8.RuneSelf && isClosing(rune(c)) || c == '.' }

// closingRuneAt reports whether b starts with a closing quotation mark or
// bracket beyond ASCII ("…Disabilities,***”").
func closingRuneAt(b []byte) bool {
	if len(b) == 0 || b[0] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRune(b)
	return isClosing(r)
}

func (cs *candScan) add(k cand) {
	if k.form != formExplicit {
		k.score += formScore[k.form]
	} else {
		k.score = formScore[formExplicit]
	}
	cs.cands = append(cs.cands, k)
}

// digits judges the digit run text[ds:de] of line l (followed by a non-word
// byte or the line's end) as a marker candidate.
func (cs *candScan) digits(l, prev span, ds, de int) (cand, bool) {
	text := cs.text
	// The whitespace-delimited token the run ends.
	ts := ds
	for ts > l.from && !isSpaceByte(text[ts-1]) && hardSpaceBefore(text, l.from, ts) == 0 {
		ts--
	}
	switch {
	case bytes.IndexByte(text[ts:de], '@') >= 0:
		return cand{}, false
	case bytes.IndexByte(text[ts:de], '/') >= 0:
		return cs.slashed(l, ts, ds, de)
	case ds == ts:
		return cs.apart(l, prev, ds, de)
	}
	return cs.glued(l, ts, ds, de)
}

// label reads the run as a label of a footnote: one to four digits, no
// leading zero, that some footnote has.
func (cs *candScan) label(run []byte) (int, bool) {
	if len(run) > 4 || run[0] == '0' {
		return 0, false
	}
	n := atoiBytes(run)
	return n, cs.defined.has(n)
}

// apart judges a run that starts its token: a year with a marker glued to
// it, a marker at the start of a line, or one standing apart after a word
// or punctuation.
func (cs *candScan) apart(l, prev span, ds, de int) (cand, bool) {
	text := cs.text
	run := text[ds:de]
	k := cand{start: ds, end: de, ds: ds, de: de, page: l.page}
	if len(run) >= 5 && len(run) <= 8 {
		// A year with a marker glued to it: "of 19721".
		y := atoiBytes(run[:4])
		n := atoiBytes(run[4:])
		if y < 1800 || y > 2099 || run[4] == '0' || !cs.defined.has(n) || citeWords[prevWord(text, l.from, ds)] {
			return k, false
		}
		k.ds, k.start = ds+4, ds+4
		k.form, k.num, k.label = formYear, n, labelString(run[4:])
		k.score += scoreFollower(text, de, l.to, false)
		return k, true
	}
	n, ok := cs.label(run)
	if !ok || len(run) == 4 && n >= 1800 && n <= 2099 {
		// (A year standing apart is a year.)
		return k, false
	}
	k.num, k.label = n, labelString(run)
	f := scoreFollower(text, de, l.to, true)
	if f <= -followBad {
		return k, false
	}
	if ds == l.from {
		return cs.lineStart(k, l, prev, f)
	}
	// Standing apart after a word or after punctuation, past a space
	// (a no-break one as Word sets: "Child,\u00a01").
	sp := max(1, hardSpaceBefore(text, l.from, ds))
	e := ds - sp
	for e > l.from && isSpaceByte(text[e-1]) {
		e--
	}
	if e == l.from {
		return k, false
	}
	form, ok := apartForm(text, l.from, e, ds)
	if !ok {
		return k, false
	}
	k.form = form
	// The marker takes the space before it with it.
	k.start = ds - sp
	k.score += f + scoreWordBefore(text, l.from, e)
	return k, true
}

// spaceBefore returns the length of the space, plain or hard, that ends at
// text[i], after from, or 0.
func spaceBefore(text []byte, from, i int) int {
	if i > from && text[i-1] == ' ' {
		return 1
	}
	return hardSpaceBefore(text, from, i)
}

// hardSpaceBefore returns the length of the hard space (see hardSpace)
// that ends at text[i], after from, or 0.
func hardSpaceBefore(text []byte, from, i int) int {
	if i <= from || text[i-1] < 0x80 {
		return 0
	}
	for n := 2; n <= 3; n++ {
		if i-n >= from && hardSpace(text[i-n:i]) == n {
			return n
		}
	}
	return 0
}

// lineStart judges a candidate at the start of a line: a marker the line
// wrap carried over ("…Climate Change\n4 that"). The line before must end
// in a word or closing punctuation; f scores what follows.
func (cs *candScan) lineStart(k cand, l, prev span, f int32) (cand, bool) {
	text := cs.text
	if prev.to <= prev.from {
		return k, false
	}
	if !endsPhrase(text, prev.from, prev.to) {
		// After a year, as a title that ends in one ("…Psychotropic
		// Substances of 1988\n3 and other"), only the words that follow
		// markers, as standing apart after a year on the same line.
		if !isYearBefore(text, prev.from, prev.to) || f <= 0 {
			return k, false
		}
	}
	// After a capitalised word, as a title ends, any word but a counted
	// one or a month may follow: "…Economic, Social and Cultural Rights\n2
	// provides a legal framework". After anything else, only the words
	// that follow markers ("and", "to", "which" …).
	if f <= 0 && !(f == -1 && scoreWordBefore(text, prev.from, prev.to) == 2) {
		return k, false
	}
	// A number after a word that numbers ("Article\n73 e of the Charter",
	// "Goal\n4 targets", "Part\n6 trust fund") is a number, as it is on one
	// line.
	if afterNumberWord(text, prev.from, prev.to) && scoreWordBefore(text, prev.from, prev.to) == 2 {
		return k, false
	}
	// The marker takes the space after it with it.
	e := k.de
	for e < l.to && isSpaceByte(text[e]) {
		e++
	}
	k.end = e
	k.form = formLineStart
	k.score += f + scoreWordBefore(text, prev.from, prev.to)
	return k, true
}

// apartForm is the form of a candidate standing apart, after the text
// that ends at e (before its space): a word, a year, or closing
// punctuation after a phrase.
func apartForm(text []byte, from, e, ds int) (form, bool) {
	before, _ := utf8.DecodeLastRune(text[from:e])
	switch {
	case isLetterByte(text[e-1]):
		pw := prevWord(text, from, ds)
		if pw == "" || numberWords[pw] {
			return 0, false
		}
		return formSpaceWord, true
	case isDigitByte(text[e-1]) && isYearBefore(text, from, e):
		// After a year: "… of 12 August 1949 2 and".
		return formSpaceWord, true
	case isClosing(before):
		// The phrase before the punctuation must end in a word, a
		// closing bracket or quote, or a year; not a number of a list
		// ("paragraphs 4, 5 and 6").
		return formSpacePunct, closesPhrase(text, from, e)
	}
	return 0, false
}

// glued judges a run glued to what precedes it in its token (which
// starts at ts): a word, a Roman numeral, punctuation.
func (cs *candScan) glued(l span, ts, ds, de int) (cand, bool) {
	text := cs.text
	k := cand{start: ds, end: de, ds: ds, de: de, page: l.page}
	n, ok := cs.label(text[ds:de])
	if !ok {
		return k, false
	}
	k.num, k.label = n, labelString(text[ds:de])
	form, ok := gluedForm(text, l.from, ts, ds, de)
	if !ok {
		return k, false
	}
	k.form = form
	f := scoreFollower(text, de, l.to, false)
	if f <= -followBad && countedNounAfter(text, de, l.to) {
		// "under the Convention,5 States have", "the Paris Agreement,4
		// Parties should", "the Rights of the Child5 children": a number
		// that counts stands apart from the word or comma before it, so a
		// run glued to them marks a footnote whatever noun follows.
		f = 0
	}
	k.score += f
	return k, true
}

// countedNounAfter reports whether a space and one of the nouns a number
// counts ("States", "Parties", "children") follow text[de:]: nouns that
// also start a clause after a title and its marker, unlike units and
// months ("5 per cent", "1 January").
func countedNounAfter(text []byte, de, lineEnd int) bool {
	s := de
	for s < lineEnd && isSpaceByte(text[s]) {
		s++
	}
	if s == de || s == lineEnd {
		return false
	}
	e := s
	for e < lineEnd && isLetterByte(text[e]) {
		e++
	}
	if e-s > 16 {
		return false
	}
	var buf [16]byte
	lw := buf[:0]
	for _, c := range text[s:e] {
		lw = append(lw, c|0x20)
	}
	return countedNouns[string(lw)]
}

// countedNouns are the countedWords that name who or what is counted.
var countedNouns = map[string]bool{
	"states": true, "countries": true, "members": true, "member": true, "parties": true,
	"people": true, "persons": true, "women": true, "children": true, "judges": true,
}

// gluedForm is the form of a run text[ds:de] glued to what precedes it in
// its token text[ts:ds], or false when that makes it a number.
func gluedForm(text []byte, from, ts, ds, de int) (form, bool) {
	r, _ := utf8.DecodeLastRune(text[ts:ds])
	switch {
	case unicode.IsLetter(r):
		// "pornography7": the word must be a real word, not "G20" or
		// "SDG3": three letters or more, starting lower case or ending
		// a capitalised word.
		w := bytes.TrimLeftFunc(text[ts:ds], func(r rune) bool { return !unicode.IsLetter(r) })
		if utf8.RuneCount(w) < 3 || isAllUpper(w) {
			// "Additional Protocol I6": a Roman numeral that ends a
			// title, after a capitalised word, takes a marker too.
			if !isRoman(w) || ts-from < 2 || !capitalisedBefore(text, from, ts) {
				return 0, false
			}
		}
		return formGluedWord, true
	case r == '.':
		// "… of them.5" — but not "No.5", "L.5", "para.5", "Rev.1", "1.5".
		w := bytes.ToLower(bytes.TrimLeftFunc(text[ts:ds-1], func(r rune) bool { return !unicode.IsLetter(r) }))
		if len(w) <= 1 || numberWords[string(w)] || isDigitByte(text[ds-2]) {
			return 0, false
		}
		return formGluedDot, true
	case r == ',' || r == ';' || r == ':':
		if ds-1 > ts && isDigitByte(text[ds-2]) && !isYearBefore(text, ts, ds-1) && (r == ':' || r == ',' && de-ds == 3) {
			// "5,000", "10:30": a number, not a marker. ("Agenda 21,3"
			// is one: a group of thousands has three digits.)
			return 0, false
		}
		return formGluedPunct, true
	case isClosing(r) || r == '*':
		return formGluedPunct, true
	}
	return 0, false
}

// slashed judges a run that ends a symbol with a slash, "5/1411" in
// "Environment Assembly resolution 5/1411": resolution 5/14 and footnote
// 11, when footnote 11 itself cites the symbol ("UNEP/EA.5/Res.14").
// Nothing else tells a marker glued to a resolution's number from the
// number, so the footnote must.
func (cs *candScan) slashed(l span, ts, ds, de int) (cand, bool) {
	text := cs.text
	slash := bytes.LastIndexByte(text[ts:ds], '/')
	if slash < 0 || ts+slash+1 != ds || slash == 0 {
		return cand{}, false
	}
	session := text[ts : ts+slash]
	if i := bytes.LastIndexAny(session, "/.-("); i >= 0 {
		session = session[i+1:]
	}
	if len(session) == 0 || !isDigitByte(session[0]) {
		return cand{}, false
	}
	run := text[ds:de]
	for j := min(3, len(run)-1); j >= 1; j-- {
		lab, number := run[len(run)-j:], run[:len(run)-j]
		n, ok := cs.label(lab)
		if !ok || !cs.noteCites(lab, session, number) {
			continue
		}
		k := cand{start: de - j, end: de, ds: de - j, de: de, page: l.page, num: n, label: labelString(lab), form: formGluedPunct}
		k.score += scoreFollower(text, de, l.to, false)
		return k, true
	}
	return cand{}, false
}

// slashMarker judges the digit run text[ds:de] of line l, a slash after it,
// as the marker "N/" of a footnote labelled so ("Drugs, 1961,63/ the",
// "1994, 1/ and"): an explicit marker, unless a symbol's number may go on
// after the slash ("resolution 48/" at a line's end, "E/1990/").
func (cs *candScan) slashMarker(l span, ds, de int) (cand, bool) {
	text := cs.text
	if de-ds > 3 || !slashMarkerAt(text[:l.to], ds, de) {
		return cand{}, false
	}
	n := atoiBytes(text[ds:de])
	if !cs.slashLabels.has(n) {
		return cand{}, false
	}
	switch prevWord(text, l.from, ds) {
	case "resolution", "resolutions", "decision", "decisions", "no", "nos":
		return cand{}, false
	}
	if len(bytes.TrimRight(text[de+1:l.to], " \t")) == 0 && symbolGoesOn(text, l.to) {
		return cand{}, false
	}
	return cand{start: ds, end: de + 1, ds: ds, de: de, label: labelString(text[ds:de]), num: n, form: formExplicit, page: l.page}, true
}

// symbolGoesOn reports whether the line after the line ending at end
// starts with a number that may end a symbol broken after its slash
// ("resolution 48/" then "141 of 20 December 1993"), not with a numbered
// paragraph ("1. Stresses"), a date ("3 December 1992") or after a blank
// line.
func symbolGoesOn(text []byte, end int) bool {
	j := end
	for j < len(text) && isSpaceByte(text[j]) {
		j++
	}
	if j < len(text) && text[j] == '\r' {
		j++
	}
	if j >= len(text) || text[j] != '\n' {
		return false
	}
	j++
	for j < len(text) && isSpaceByte(text[j]) {
		j++
	}
	k := j
	for k < len(text) && isDigitByte(text[k]) {
		k++
	}
	if k == j || k < len(text) && text[k] == '.' {
		return false
	}
	// "3 December 1992" starts a date, not a symbol's number.
	return k+1 >= len(text) || text[k] != ' ' || !isMonthAt(text[k+1:])
}

// noteCites reports whether a footnote labelled lab cites the symbol
// whose session and number are given: "5/14", "EA.5/Res.14".
func (cs *candScan) noteCites(lab, session, number []byte) bool {
	for _, f := range cs.notes {
		if f.Label != string(lab) {
			continue
		}
		t := f.Text.Text
		for _, sym := range [...]string{string(session) + "/" + string(number), string(session) + "/Res." + string(number)} {
			for i := strings.Index(t, sym); i >= 0; {
				end := i + len(sym)
				if (i == 0 || !isDigitByte(t[i-1])) && (end == len(t) || !isDigitByte(t[end])) {
					return true
				}
				j := strings.Index(t[i+1:], sym)
				if j < 0 {
					break
				}
				i += 1 + j
			}
		}
	}
	return false
}

// isRoman reports whether w is a Roman numeral of up to four letters
// ("I", "IV", "XIII").
func isRoman(w []byte) bool {
	if len(w) == 0 || len(w) > 4 {
		return false
	}
	for _, c := range w {
		if c != 'I' && c != 'V' && c != 'X' {
			return false
		}
	}
	return true
}

// capitalisedBefore reports whether the word before the token at ts is
// capitalised ("Protocol" in "Protocol I6").
func capitalisedBefore(text []byte, from, ts int) bool {
	e := ts
	for e > from && isSpaceByte(text[e-1]) {
		e--
	}
	s := e
	for s > from && isLetterByte(text[s-1]) {
		s--
	}
	return s < e && text[s] >= 'A' && text[s] <= 'Z'
}

// isClosing reports whether r is punctuation a marker may follow.
func isClosing(r rune) bool {
	switch r {
	case ',', ';', ':', ')', ']', '”', '’', '"', '\'':
		return true
	}
	return false
}

// isYearBefore reports whether text[ts:e] ends in a year of four digits
// (1800–2099) that starts its token or follows a non-digit.
func isYearBefore(text []byte, ts, e int) bool {
	if e-ts < 4 || e-4 > ts && isDigitByte(text[e-5]) {
		return false
	}
	y := text[e-4 : e]
	for _, c := range y {
		if !isDigitByte(c) {
			return false
		}
	}
	n := atoiBytes(y)
	return n >= 1800 && n <= 2099
}

// closesPhrase reports whether the punctuation at text[e-1] (e is after
// it) ends a phrase a marker may follow: after a word, a closing bracket
// or quote, or a year; not after a number of a list.
func closesPhrase(text []byte, from, e int) bool {
	// Skip the run of closing punctuation that ends at e: "),", "”,", "”"
	// (three bytes: the run is read a rune at a time from its end).
	j := e
	for j > from {
		r, n := utf8.DecodeLastRune(text[from:j])
		if !isClosing(r) {
			break
		}
		j -= n
	}
	if j == from {
		return false
	}
	c := text[j-1]
	switch {
	case isLetterByte(c):
		return true
	case isDigitByte(c):
		// A year, a number in brackets, or a symbol ("resolution
		// 58/21; 8").
		return isYearBefore(text, from, j) || text[e-1] == ')' || j < e-1 && text[j] == ')' || symbolBefore(text, from, j)
	case c >= utf8.RuneSelf:
		r, _ := utf8.DecodeLastRune(text[from:j])
		return unicode.IsLetter(r)
	}
	return false
}

// endsPhrase reports whether the line text[from:to] ends in a word or
// closing punctuation, as a line whose marker wrapped to the next does.
func endsPhrase(text []byte, from, to int) bool {
	r, _ := utf8.DecodeLastRune(text[from:to])
	return unicode.IsLetter(r) || isClosing(r)
}

// followBad is the score scoreFollower gives what never follows a
// marker: a candidate with it is dropped.
const followBad = 100

// scoreFollower scores what follows a candidate at text[de:]: the end of
// the line, punctuation, or a word that follows markers ("and", "the",
// "which") make it likelier; a month, a unit or a counted noun ("1
// January", "5 per cent", "13 States") make it a number.
//
// apart says that the candidate stands apart from the word before it,
// so that a number after it makes it part of a longer one ("1 500").
func scoreFollower(text []byte, de, lineEnd int, apart bool) int32 {
	if de >= lineEnd {
		return 1
	}
	if c := text[de]; !isSpaceByte(c) {
		return scoreGluedAfter(text, de, lineEnd)
	}
	s := de
	for s < lineEnd && isSpaceByte(text[s]) {
		s++
	}
	switch {
	case s == lineEnd:
		return 1
	case isDigitByte(text[s]):
		e := s
		for e < lineEnd && isDigitByte(text[e]) {
			e++
		}
		if apart && e-s == 3 && (e == lineEnd || text[e] != '/' && !isWordByte(text[e])) {
			return -followBad // "1 500": a group of a number
		}
		return 0 // "2011,1 19/25 of …", "2016, 5 34/32 of …"
	}
	return scoreNextWord(text, s, lineEnd)
}

// scoreGluedAfter scores what is glued to the end of a candidate at
// text[de:]: punctuation, or a dash or slash that makes it a number.
func scoreGluedAfter(text []byte, de, lineEnd int) int32 {
	digitNext := de+1 < lineEnd && isDigitByte(text[de+1])
	switch c := text[de]; {
	case c == '.':
		// "4.5", "para 1.": a decimal or a numbered item.
		if digitNext {
			return -followBad
		}
		return 0
	case c == '%' || c == '-' || c == '/':
		return -followBad
	case c == ',' || c == ';' || c == ')' || c == ':':
		if digitNext {
			return -followBad // "1,5", "1:5"
		}
		return 1
	case c >= utf8.RuneSelf:
		if r, _ := utf8.DecodeRune(text[de:lineEnd]); r == '–' || r == '—' || r == '‑' {
			return -followBad
		}
	}
	return 0
}

// scoreNextWord scores the word at text[s:] after a candidate and a space.
func scoreNextWord(text []byte, s, lineEnd int) int32 {
	e := s
	for e < lineEnd && isLetterByte(text[e]) {
		e++
	}
	w := text[s:e]
	if len(w) == 0 {
		return 0
	}
	if isMonthAt(text[s:lineEnd]) {
		return -followBad
	}
	var buf [16]byte
	lw := buf[:0]
	for _, c := range w[:min(len(w), len(buf))] {
		lw = append(lw, c|0x20) // ASCII letters: lower case
	}
	switch {
	case afterMarker[string(lw)]:
		return 2
	case countedWords[string(lw)]:
		return -followBad
	case w[0] >= 'A' && w[0] <= 'Z':
		return 0
	}
	return -1
}

// scoreWordBefore scores the word that ends text[from:e] (before any
// closing punctuation): titles, which most markers follow, are
// capitalised.
func scoreWordBefore(text []byte, from, e int) int32 {
	j := e
	for j > from {
		r, n := utf8.DecodeLastRune(text[from:j])
		if !isClosing(r) && r != ' ' {
			break
		}
		j -= n
	}
	s := j
	for s > from && isLetterByte(text[s-1]) {
		s--
	}
	if s < j && text[s] >= 'A' && text[s] <= 'Z' {
		return 2
	}
	if j < e && (text[j] == ')' || bytes.HasPrefix(text[j:e], []byte("”"))) {
		return 1
	}
	return 0
}

// countedWords follow a number that counts them ("13 States").
var countedWords = map[string]bool{
	"per": true, "percent": true, "million": true, "billion": true, "trillion": true,
	"states": true, "countries": true, "members": true, "member": true, "years": true,
	"year": true, "months": true, "days": true, "weeks": true, "hours": true, "times": true,
	"people": true, "persons": true, "women": true, "children": true, "cases": true,
	"parties": true, "votes": true, "seats": true, "judges": true, "posts": true,
	"km": true, "kg": true, "tons": true, "tonnes": true, "degrees": true, "hectares": true,
	"am": true, "pm": true, "a": true, "p": true,
	// A count's adjectives, and more counted nouns of budgets and votes
	// ("…for Human Rights\n13 new posts", "14 temporary posts").
	// (Not "sessions", "meetings": "at its fifty-sixth33 and fifty-ninth34
	// sessions".)
	"new": true, "additional": true, "temporary": true, "positions": true,
	"projects": true, "abstentions": true,
}

// align chooses the markers among the candidates: the chain of
// candidates, increasing in position and in the index of the footnote
// each is assigned, with the greatest total score. Explicit markers are
// kept whether or not they are in the chain (a repeated superscript is
// still a marker). It returns the chosen candidates in order, each with
// the footnote it marks (nil for a label no footnote has).
func align(cands []cand, notes []*Footnote, blocks []int32) ([]cand, []*Footnote) {
	if len(cands) == 0 {
		return nil, nil
	}
	items := alignItems(cands, notes, blocks)
	top := bestChain(items, len(notes))
	chosen := make([]bool, len(cands))
	noteOf := make([]*Footnote, len(cands))
	for j := top; j >= 0; j = items[j].prev {
		chosen[items[j].c] = true
		noteOf[items[j].c] = notes[items[j].k]
	}
	var out []cand
	var outNotes []*Footnote
	var byLabel map[string][]*Footnote // made at the first marker outside the chain
	last := -1
	for i := range cands {
		c := &cands[i]
		if !chosen[i] && c.form != formExplicit {
			continue
		}
		if c.start < last {
			continue // overlaps the marker before (cannot happen for chosen ones)
		}
		last = c.end
		f := noteOf[i]
		if f == nil {
			// (By label, not by a scan of every note for each: a .docx
			// of 64,000 notes, whose labels over 9999 the chain does
			// not take, took 7.7 s.)
			if byLabel == nil {
				byLabel = make(map[string][]*Footnote, len(notes))
				for _, n := range notes {
					byLabel[n.Label] = append(byLabel[n.Label], n)
				}
			}
			f = noteFor(byLabel[c.label], c.label, c.start)
		}
		out = append(out, *c)
		outNotes = append(outNotes, f)
	}
	return out, outNotes
}

// alignItem is a candidate meaning one footnote, with its score.
type alignItem struct {
	c    int32 // candidate
	k    int32 // footnote
	w    int32 // score
	best int32 // best chain ending here
	prev int32 // the item before it in that chain, -1 if none
}

// alignItems pairs each candidate with the footnotes it may mean, scored.
func alignItems(cands []cand, notes []*Footnote, blocks []int32) []alignItem {
	// The footnotes each numeric label may mean, in document order:
	// byNum[at[n]:at[n+1]] (slices, not maps: this runs for every
	// document).
	maxNum := 0
	for _, f := range notes {
		if f.Num <= maxLabel {
			maxNum = max(maxNum, f.Num)
		}
	}
	at := make([]int32, maxNum+2)
	for _, f := range notes {
		if f.Num > 0 && f.Num <= maxNum {
			at[f.Num+1]++
		}
	}
	for n := 1; n < len(at); n++ {
		at[n] += at[n-1]
	}
	byNum := make([]int32, at[len(at)-1])
	fill := slices.Clone(at)
	for k, f := range notes {
		if f.Num > 0 && f.Num <= maxNum {
			byNum[fill[f.Num]] = int32(k)
			fill[f.Num]++
		}
	}
	items := make([]alignItem, 0, len(cands)+len(cands)/4)
	var byLabel []int32 // the footnotes a candidate may mean
	for i := range cands {
		c := &cands[i]
		// A marker stands before its footnote: only the footnotes from
		// the candidate's page on, and the first few of them (a text of
		// many resolutions numbers each from 1).
		k0 := int32(sort.Search(len(blocks), func(k int) bool { return blocks[k] >= c.page }))
		ks := byLabel[:0]
		if c.num > 0 && c.num <= maxNum {
			list := byNum[at[c.num]:at[c.num+1]]
			j := sort.Search(len(list), func(j int) bool { return list[j] >= k0 })
			ks = append(ks, list[j:min(len(list), j+maxNotesPerLabel)]...)
		} else if c.num == 0 {
			for k := int(k0); k < len(notes) && len(ks) < maxNotesPerLabel; k++ {
				if notes[k].Num == 0 && notes[k].Label == c.label {
					ks = append(ks, int32(k))
				}
			}
		}
		byLabel = ks
		for _, k := range ks {
			w := c.score
			if c.form != formExplicit {
				switch b := blocks[k]; {
				case c.page > b:
					// After its footnote: never, for a plain number.
					continue
				case c.page == b:
					w += samePage
				default:
					w -= pagePenalty * min(b-c.page, 3)
				}
			}
			if w <= 0 {
				continue
			}
			items = append(items, alignItem{c: int32(i), k: k, w: w, prev: -1})
		}
	}
	return items
}

// bestChain finds the chain of items, increasing in candidate and in
// footnote, with the greatest total score, and returns the index of its
// last item (-1 if none); items[j].prev leads back through it.
func bestChain(items []alignItem, nNotes int) int32 {
	// Weighted longest chain, items in candidate order: a Fenwick tree
	// over footnote indexes holds, for each prefix of footnotes, the
	// best chain so far and the item it ends at.
	type best struct{ v, item int32 }
	tree := make([]best, nNotes+1)
	query := func(k int32) best { // best over footnotes [0, k)
		b := best{0, -1}
		for i := k; i > 0; i -= i & -i {
			if tree[i].v > b.v {
				b = tree[i]
			}
		}
		return b
	}
	update := func(k int32, b best) {
		for i := k + 1; int(i) < len(tree); i += i & -i {
			if b.v > tree[i].v {
				tree[i] = b
			}
		}
	}
	top := best{0, -1}
	for lo := 0; lo < len(items); {
		// Items of one candidate are scored before any is inserted, so
		// that a chain uses a candidate once.
		hi := lo
		for hi < len(items) && items[hi].c == items[lo].c {
			hi++
		}
		for j := lo; j < hi; j++ {
			p := query(items[j].k)
			items[j].best, items[j].prev = p.v+items[j].w, p.item
		}
		for j := lo; j < hi; j++ {
			b := best{items[j].best, int32(j)}
			update(items[j].k, b)
			if b.v > top.v {
				top = b
			}
		}
		lo = hi
	}
	return top.item
}

// noteFor returns the footnote labelled label: the first at or after the
// source offset from, or else the first; nil if none.
func noteFor(notes []*Footnote, label string, from int) *Footnote {
	var first *Footnote
	for _, f := range notes {
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
