package resolution

import (
	"strings"
	"unicode"
)

// NormalizeTitle reduces a title to the form in which two spellings that
// differ only in typography compare equal: quotes, dashes, case, white space,
// trailing punctuation and a leading "The" are ignored.
func NormalizeTitle(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case '“', '”', '"', '‘', '’', '\'', '«', '»', '„':
			continue
		case '‐', '‑', '‒', '–', '—', '−':
			r = '-'
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	t := strings.TrimRight(b.String(), " .,;:")
	t = strings.TrimPrefix(t, "the ")
	t = strings.ReplaceAll(t, " - ", "-")
	return t
}
