package resolution

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SpaceLen returns the byte length of the white-space rune at s[i], or 0.
// Besides ASCII space, tab and line breaks it accepts the no-break and thin
// spaces that PDF extraction and word processors leave in UN texts between
// the parts of a reference ("resolution\u00a064/182").
func SpaceLen(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch s[i] {
	case ' ', '\t', '\n', '\r', '\f', '\v':
		return 1
	}
	if s[i] < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '\u00a0', '\u2009', '\u202f', '\u2007', '\u2002', '\u2003':
		return n
	}
	return 0
}

// SkipSpace returns the index of the first byte at or after i that does
// not start a SpaceLen space.
func SkipSpace(s string, i int) int {
	for {
		// Nearly always a single space or none: decided here, without
		// SpaceLen's call.
		if i < len(s) {
			if c := s[i]; c == ' ' {
				i++
				continue
			} else if c < utf8.RuneSelf && c > ' ' {
				return i
			}
		}
		n := SpaceLen(s, i)
		if n == 0 {
			return i
		}
		i += n
	}
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }
func isLower(b byte) bool { return 'a' <= b && b <= 'z' }
func isAlnum(b byte) bool { return isDigit(b) || isUpper(b) || isLower(b) }

// LetterAt reports whether the rune at s[i] is a letter.
func LetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if s[i] < utf8.RuneSelf {
		return isUpper(s[i]) || isLower(s[i])
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// digitsAt returns the end of the run of ASCII digits starting at i.
func digitsAt(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

func allDigits(s string) bool { return s != "" && digitsAt(s, 0) == len(s) }

// HasWordAt reports whether s[i:] starts with word w (ASCII, matched
// case-sensitively) followed by a non-letter, and returns its end.
func HasWordAt(s string, i int, w string) (int, bool) {
	if !strings.HasPrefix(s[i:], w) {
		return i, false
	}
	e := i + len(w)
	if LetterAt(s, e) || (e < len(s) && isDigit(s[e])) {
		return i, false
	}
	return e, true
}

// Atoi parses a short run of ASCII digits ("64", "2009"), or returns -1.
// Checks call it on sessions, numbers and years of a few digits, which it
// reads itself: strconv.Atoi's generality costs several times as much.
func Atoi(s string) int {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return -1 // not a number (and no strconv error to allocate)
	}
	if len(s) <= 18 { // cannot overflow
		n := 0
		for i := 0; i < len(s); i++ {
			c := s[i] - '0'
			if c > 9 {
				return -1
			}
			n = n*10 + int(c)
		}
		return n
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
