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

// isAlnumByte reports whether c is an ASCII letter or digit. It is one load
// from a table: the word readers (wordAt, prevWord, node.step) ask it of
// nearly every byte around a capital, and three range tests cost 2.5% of
// the instructions of a check (callgrind, 3 MB of the bench corpus).
func isAlnumByte(c byte) bool { return alnum[c] }

var alnum = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// keyEqual reports whether appendKey(nil, w) equals key, without building
// the key when w is ASCII.
func keyEqual(w, key string) bool {
	j := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			var buf [64]byte
			return string(appendKey(buf[:0], w)) == key
		}
		if c == '\'' {
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if j >= len(key) || key[j] != c {
			return false
		}
		j++
	}
	return j == len(key)
}

// wordIs reports whether the key of word w of text is key (lower case, no
// apostrophes), without building it: string(keyOf(w)) == key, cheaper.
func wordIs(text string, w word, key string) bool {
	return keyEqual(text[w.start:w.end], key)
}
