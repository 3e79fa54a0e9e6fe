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
