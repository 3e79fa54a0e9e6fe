package extract

import (
	"unicode"
	"unicode/utf8"
)

// token is a word of a stream: a maximal run of letters and digits;
// apostrophes inside a word ("Women’s") are part of it.
type token struct {
	start, end int
	upper      bool // starts with an upper-case letter
	digits     bool // only ASCII digits
}

// tokenize splits s into words, reusing buf.
func tokenize(s string, buf []token) []token {
	toks := buf[:0]
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isAlnumByte(c) {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(s[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		start := i
		digits := true
		upper := false
		if c < utf8.RuneSelf {
			upper = c >= 'A' && c <= 'Z'
		} else {
			r, _ := utf8.DecodeRuneInString(s[i:])
			upper = unicode.IsUpper(r)
		}
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if isAlnumByte(c) {
					if c > '9' {
						digits = false
					}
					i++
					continue
				}
				if c == '\'' && i+1 < len(s) && isAlnumByte(s[i+1]) {
					digits = false
					i++
					continue
				}
				break
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == '’' && i+n < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[i+n:]); unicode.IsLetter(r2) {
					i += n
					continue
				}
			}
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			digits = false
			i += n
		}
		toks = append(toks, token{start: start, end: i, upper: upper, digits: digits})
	}
	return toks
}

// appendKey appends the comparison key of word w to buf: lower case, with
// apostrophes dropped.
func appendKey(buf []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != '\'' {
				buf = append(buf, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if r != '’' {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		i += n
	}
	return buf
}

func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
