package document

import (
	"encoding/binary"
	"testing"
)

func TestSkipPlain(t *testing.T) {
	for _, s := range []string{"", "abc", "abcdefghijklmnop1", "abcdefgh[x", "abcdefghijé", "0", "abcdefgZ9", "ABCDEFGHIJKLMNOPQRSTUVWXYZ/:;@`{|}~ 2"} {
		want := 0
		for want < len(s) && !markerStart[s[want]] {
			want++
		}
		if got := skipPlain([]byte(s), 0, len(s)); got != want {
			t.Errorf("%q: got %d, want %d", s, got, want)
		}
	}
}

func FuzzSkipPlain(f *testing.F) {
	f.Add([]byte("the Convention of 1961, as amended"))
	f.Fuzz(func(t *testing.T, b []byte) {
		want := 0
		for want < len(b) && !markerStart[b[want]] {
			want++
		}
		if got := skipPlain(b, 0, len(b)); got != want {
			t.Fatalf("%q: got %d, want %d", b, got, want)
		}
	})
}

// TestMarkerBytes compares the word test with the table on words that
// hold one byte of every value among bytes of every other.
func TestMarkerBytes(t *testing.T) {
	for c := 0; c < 256; c++ {
		for o := 0; o < 256; o++ {
			for pos := 0; pos < 8; pos++ {
				var w [8]byte
				for k := range w {
					w[k] = byte(o)
				}
				w[pos] = byte(c)
				want := markerStart[c] || markerStart[o] || c >= 0x80 || o >= 0x80
				if got := markerBytes(binary.LittleEndian.Uint64(w[:])) != 0; got != want {
					t.Fatalf("%q: got %v, want %v", w, got, want)
				}
			}
		}
	}
}
