package extract

import (
	"unicode"
	"unicode/utf8"
)

// word is a word of a stream, found lazily: the extractor looks only at
// the few words around capitalised ones, so most text is never split.
//
// A capital after a small letter starts a word: pdftotext joins a word
// hyphenated at a line's end ("Non-" and "Proliferation" become
// "NonProliferation"), and the parts are words of the title, as they
// are when the hyphen stays (camelBreak).
type word struct {
	start, end int
	upper      bool // starts with an upper-case letter
	digits     bool // only ASCII digits
}

// wordRune reports whether r belongs to a word.
func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordAt returns the word starting at i (text[i] starts a word).
func wordAt(text string, i int) word {
	w := word{start: i, digits: true}
	if c := text[i]; c < utf8.RuneSelf {
		w.upper = c >= 'A' && c <= 'Z'
	} else {
		r, _ := utf8.DecodeRuneInString(text[i:])
		w.upper = unicode.IsUpper(r)
	}
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if isAlnumByte(c) {
				if c > '9' {
					w.digits = false
				}
				if i > w.start && camelBreak(text[i-1], c) {
					break
				}
				i++
				continue
			}
			if c == '\'' && i+1 < len(text) && isAlnumByte(text[i+1]) {
				w.digits = false
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '’' && i+n < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[i+n:]); unicode.IsLetter(r2) {
				w.digits = false
				i += n
				continue
			}
		}
		if !wordRune(r) {
			break
		}
		w.digits = false
		i += n
	}
	w.end = i
	return w
}

// nextWord returns the first word at or after i.
func nextWord(text string, i int) (word, bool) {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if isAlnumByte(c) {
				return wordAt(text, i), true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if wordRune(r) {
			return wordAt(text, i), true
		}
		i += n
	}
	return word{}, false
}

// prevWord returns the last word that ends at or before i.
func prevWord(text string, i int) (word, bool) {
	// Skip what is not a word.
	for i > 0 {
		if c := text[i-1]; c < utf8.RuneSelf {
			if isAlnumByte(c) {
				break
			}
			i--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if wordRune(r) {
			break
		}
		i -= n
	}
	if i == 0 {
		return word{}, false
	}
	end := i
	ascii := true // the word is ASCII letters and digits only
	for i > 0 {
		if c := text[i-1]; c < utf8.RuneSelf && c != '\'' {
			if isAlnumByte(c) && !(i < end && camelBreak(c, text[i])) {
				i--
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if wordRune(r) {
			i -= n
			ascii = false
			continue
		}
		// An apostrophe inside a word ("Ukraine’s").
		if (r == '\'' || r == '’') && i-n > 0 && i < end {
			if r2, _ := utf8.DecodeLastRuneInString(text[:i-n]); unicode.IsLetter(r2) {
				i -= n
				ascii = false
				continue
			}
		}
		break
	}
	if ascii && asciiWordEnds(text, end) {
		return asciiWord(text, i, end), true
	}
	w := wordAt(text, i)
	w.end = end
	return w, true
}

// asciiWordEnds reports whether wordAt, reading an ASCII word that ends
// at end, stops there: prevWord then reads its word without wordAt, which
// was a third of its cost.
func asciiWordEnds(text string, end int) bool {
	if end == len(text) {
		return true
	}
	c := text[end]
	return c < utf8.RuneSelf && (!isAlnumByte(c) && c != '\'' || camelBreak(text[end-1], c))
}

// startsWord reports whether a word starts at byte i: the byte before is
// not part of a word.
func startsWord(text string, i int) bool {
	if i == 0 {
		return true
	}
	c := text[i-1]
	if c < utf8.RuneSelf {
		return !isAlnumByte(c) && c != '\'' || i < len(text) && camelBreak(c, text[i])
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !wordRune(r) && r != '’'
}

// camelBreak reports whether a word breaks between the ASCII bytes a and
// b: a small letter, then a capital ("NonProliferation").
func camelBreak(a, b byte) bool { return a >= 'a' && a <= 'z' && b >= 'A' && b <= 'Z' }
