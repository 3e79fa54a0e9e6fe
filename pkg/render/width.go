package render

import (
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// stringWidth is runewidth.StringWidth: the cells s takes on a terminal.
// go-runewidth builds a 1.1 MB table the first time it measures a rune above
// U+02FF, and the first excerpt of a draft has one ("…", a curly quote, a
// dash): 540 page faults, a third of a one-draft run's (perf record -e
// page-faults). The runes drafts are made of are measured here without it —
// below U+0300 from the part of the table go-runewidth fills at init, the
// punctuation, superscripts and currency signs of fastNarrow as one cell —
// and any other string by go-runewidth. TestStringWidth holds the two equal.
func stringWidth(s string) int {
	if runewidth.DefaultCondition.EastAsianWidth {
		// Ambiguous runes (“ ” – …) take two cells in East Asian locales.
		return runewidth.StringWidth(s)
	}
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != 0x7F {
				w++
			} else if c == '\r' {
				// "\r\n" is one grapheme cluster.
				return runewidth.StringWidth(s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return runewidth.StringWidth(s)
		case r < 0x300:
			w += runewidth.RuneWidth(r)
		case fastNarrow(r):
			w++
		default:
			return runewidth.StringWidth(s)
		}
		i += n
	}
	return w
}

// fastNarrow reports whether r is one of the runes above U+02FF common in
// drafts that take one cell and join no grapheme cluster (outside East Asian
// locales): general punctuation from the dashes to the reversed quotes
// (U+2010–U+2027, U+2030–U+205E), superscripts and subscripts, currency
// signs.
func fastNarrow(r rune) bool {
	return 0x2010 <= r && r <= 0x2027 || 0x2030 <= r && r <= 0x205E || 0x2070 <= r && r <= 0x209C && r != 0x2072 && r != 0x2073 && r != 0x208F || 0x20A0 <= r && r <= 0x20C0
}
