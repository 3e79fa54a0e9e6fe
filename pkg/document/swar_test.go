package document

import (
	"testing"

	"github.com/citecheck/citecheck/internal/bytescan"
)

// TestMarkerSet keeps the bitmap's set equal to the byte table.
func TestMarkerSet(t *testing.T) {
	set := bytescan.Set{Lo1: '0', Hi1: '9', Lo2: '[', Hi2: '['}
	for c := 0; c < 256; c++ {
		if set.Has(byte(c)) != markerStart[c] {
			t.Errorf("byte %#x: set %v, table %v", c, set.Has(byte(c)), markerStart[c])
		}
	}
	var text []byte
	for c := 0; c < 256; c++ {
		text = append(text, byte(c), 'a')
	}
	bm := markerSet.BitmapBytes(text, nil)
	for i, c := range text {
		if got := bm[i/64]&(1<<(i%64)) != 0; got != markerStart[c] {
			t.Errorf("byte %#x at %d: bitmap %v, table %v", c, i, got, markerStart[c])
		}
	}
}

// markerStart is the reference for markerSet: digits, "[" ("[^3]"), and
// the first byte of a non-ASCII character (superscripts).
var markerStart = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t['['] = true
	for c := 0x80; c < 0x100; c++ {
		t[c] = c >= 0xC0 // lead bytes only; continuation bytes are skipped
	}
	return t
}()
