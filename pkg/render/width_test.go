package render

import (
	"testing"

	"github.com/mattn/go-runewidth"
)

// TestStringWidth: stringWidth is runewidth.StringWidth, for every rune
// alone and among others.
func TestStringWidth(t *testing.T) {
	if runewidth.DefaultCondition.EastAsianWidth {
		t.Skip("East Asian locale: stringWidth is runewidth.StringWidth")
	}
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r > 0x3000 && r%97 != 0 {
			continue
		}
		c := string(r)
		for _, s := range []string{c, "a" + c, c + "b", "x" + c + c + "“Convention” – 1961…", c + "\u0301", "\r\n" + c, c + "\xff"} {
			if got, want := stringWidth(s), runewidth.StringWidth(s); got != want {
				t.Errorf("stringWidth(%+q) = %d, runewidth says %d", s, got, want)
			}
		}
	}
	for r := rune(0x300); r <= 0x3000; r++ {
		if fastNarrow(r) {
			if w := runewidth.RuneWidth(r); w != 1 {
				t.Errorf("fastNarrow(%U) but runewidth says %d cells", r, w)
			}
		}
	}
}

func BenchmarkStringWidth(b *testing.B) {
	line := "Recalling the Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol,³ the “Convention” – …"
	for b.Loop() {
		stringWidth(line)
	}
}
