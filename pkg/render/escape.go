package render

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Printable returns s with every control character written as a Go
// escape ("\n", "\x1b", "\u009b") and every byte that is not UTF-8 as
// "\xNN", so that text from a document or a file name cannot move the
// cursor, retitle the window or clear the screen of the terminal it is
// printed on (ANSI and OSC sequences start with ESC or CSI). Everything
// else, non-ASCII letters included, is left as it is. The text format
// and the CLI's messages write through it; JSON, SARIF and the XML
// formats carry the exact text, escaped by their own syntax.
func Printable(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		b.WriteString(escapeRune(r, n, s[i]))
		i += n
	}
	return b.String()
}

// needsEscape reports whether s holds a control character or invalid
// UTF-8.
func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || isControl(r) {
			return true
		}
		i += n
	}
	return false
}

func isControl(r rune) bool { return r < 0x20 || r >= 0x7f && r < 0xa0 }

// escapeRune writes one rune of Printable's output; c is its first byte
// (for invalid UTF-8, where r is RuneError and n is 1).
func escapeRune(r rune, n int, c byte) string {
	switch {
	case r == utf8.RuneError && n == 1:
		return fmt.Sprintf(`\x%02x`, c)
	case !isControl(r):
		return string(r)
	}
	switch r {
	case '\a':
		return `\a`
	case '\b':
		return `\b`
	case '\f':
		return `\f`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	case '\v':
		return `\v`
	}
	if r < 0x80 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}
