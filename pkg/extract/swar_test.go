package extract

import "testing"

// TestCapitals keeps the bitmap's set equal to the byte table.
func TestCapitals(t *testing.T) {
	for c := 0; c < 256; c++ {
		if capitalSet.Has(byte(c)) != capitalOrWide[c] {
			t.Errorf("byte %#x: set %v, table %v", c, capitalSet.Has(byte(c)), capitalOrWide[c])
		}
	}
}

// capitalOrWide is the reference for capitalSet: A–Z and the lead bytes
// of non-ASCII characters.
var capitalOrWide = func() (t [256]bool) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true
	}
	for c := 0xC0; c < 0x100; c++ {
		t[c] = true
	}
	return t
}()
