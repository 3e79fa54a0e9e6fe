// Package xmlchar holds the character-level rules of XML 1.0 that the
// hand-written scanners of pkg/docx and pkg/pdftext share: which bytes
// are valid character data, and the five predefined entities. Both
// scanners fall back to encoding/xml for anything else, so these rules
// are those encoding/xml applies.
package xmlchar

import (
	"bytes"
	"unicode/utf8"
)

// Valid reports whether b is valid UTF-8 of the characters XML allows,
// with no carriage return (which encoding/xml rewrites) and no other
// control character but tab and newline; in character data (text, not
// an attribute value), no "]]>" either (which encoding/xml refuses
// outside CDATA).
func Valid(b []byte, text bool) bool {
	for i := 0; i < len(b); {
		// Most bytes are plain ASCII: one table lookup each.
		for i < len(b) && plain[b[i]] {
			i++
		}
		if i == len(b) {
			return true
		}
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' {
				return false
			}
			if c == '>' && text && i >= 2 && b[i-1] == ']' && b[i-2] == ']' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 || !(r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF) {
			return false
		}
		i += n
	}
	return true
}

// plain marks the ASCII bytes Valid passes without a second look:
// printable, tab and newline, not '>'.
var plain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '>'
	}
	t['\t'], t['\n'] = true, true
	return t
}()

// AppendEntities appends text to dst with the five predefined entities
// replaced; ok is false for any other "&".
func AppendEntities(dst, text []byte) (_ []byte, ok bool) {
	for {
		i := bytes.IndexByte(text, '&')
		if i < 0 {
			return append(dst, text...), true
		}
		dst = append(dst, text[:i]...)
		text = text[i:]
		var c byte
		switch {
		case bytes.HasPrefix(text, []byte("&amp;")):
			c = '&'
		case bytes.HasPrefix(text, []byte("&lt;")):
			c = '<'
		case bytes.HasPrefix(text, []byte("&gt;")):
			c = '>'
		case bytes.HasPrefix(text, []byte("&quot;")):
			c = '"'
		case bytes.HasPrefix(text, []byte("&apos;")):
			c = '\''
		default:
			return dst, false
		}
		dst = append(dst, c)
		text = text[bytes.IndexByte(text, ';')+1:]
	}
}
