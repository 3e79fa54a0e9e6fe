package extract

import (
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/resolution"
)

// The byte and word helpers of the resolution finder. White space is
// resolution.SkipSpace's: ASCII, and the no-break and thin spaces of PDF
// and word-processor text.

func skipSpace(s string, i int) int { return resolution.SkipSpace(s, i) }

// skipComma returns where the next word starts after white space and at
// most one comma at s[i:] (", entitled", " respectively").
func skipComma(s string, i int) int {
	j := skipSpace(s, i)
	if j < len(s) && s[j] == ',' {
		j = skipSpace(s, j+1)
	}
	return j
}

// skipSpaceBack returns the smallest j <= i such that s[j:i] is all space.
func skipSpaceBack(s string, i int) int {
	for i > 0 {
		if c := s[i-1]; c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				i--
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\u2009' || r == '\u202f' {
			i -= n
			continue
		}
		break
	}
	return i
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }

// letterAt reports whether the rune at s[i] is a letter.
func letterAt(s string, i int) bool { return resolution.LetterAt(s, i) }

// letterBefore reports whether the rune ending at s[:i] is a letter.
func letterBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

// hasWordAt reports whether s[i:] starts with word w (ASCII, matched
// case-sensitively) followed by a non-letter, and returns its end.
func hasWordAt(s string, i int, w string) (int, bool) { return resolution.HasWordAt(s, i, w) }

// wordBefore returns the word that ends at i (after skipping spaces back),
// and its start. A word is a run of letters, digits, hyphens and
// apostrophes.
func wordBefore(s string, i int) (string, int) {
	e := skipSpaceBack(s, i)
	b := e
	for b > 0 {
		if c := s[b-1]; c < utf8.RuneSelf { // ASCII, without unicode's tables
			if isAlnumByte(c) || c == '-' || c == '\'' {
				b--
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRuneInString(s[:b])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’' {
			b -= n
			continue
		}
		break
	}
	return s[b:e], b
}
