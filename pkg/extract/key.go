package extract

import (
	"unicode"
	"unicode/utf8"
)

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
