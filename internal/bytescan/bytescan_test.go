package bytescan

import (
	"slices"
	"testing"
	"unsafe"
)

var sets = []Set{
	{'A', 'Z', 1, 0},     // capitals (the extractor)
	{'0', '9', '[', '['}, // possible footnote markers (the document model)
	{1, 0, 1, 0},         // lead bytes only
	{0, 0x7F, 1, 0},
	{0x80, 0xBF, 'a', 'z'},
}

// index finds the first byte of text in the set with a bitmap.
func index(sc *Scanner, text string) int {
	return min(len(text), Next(sc.Bitmap(text, nil), 0))
}

func slowIndex(text string, set Set) int {
	for i := 0; i < len(text); i++ {
		if set.Has(text[i]) {
			return i
		}
	}
	return len(text)
}

func TestIndex(t *testing.T) {
	for _, set := range sets {
		for _, s := range []string{"", "a", "recalling the convention on", "abcdefghijklmnopqrstuvwxyzZ", "abcdefghijklmnopé", "0123", "[^3]", "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz[", "\x7f\x80\xbf\xc0"} {
			if got, want := index(New(set), s), slowIndex(s, set); got != want {
				t.Errorf("index(%q, %+v) = %d, want %d", s, set, got, want)
			}
		}
	}
}

// TestEveryByte puts each byte value at each position of a block of every
// other byte value.
func TestEveryByte(t *testing.T) {
	for _, set := range sets {
		for c := 0; c < 256; c++ {
			for o := 0; o < 256; o += 5 {
				for pos := 0; pos < 17; pos++ {
					b := make([]byte, 33)
					for k := range b {
						b[k] = byte(o)
					}
					b[pos] = byte(c)
					sc := New(set)
					want := slowIndex(string(b), set)
					if got := index(sc, string(b)); got != want {
						t.Fatalf("index(%q, %+v) = %d, want %d", b, set, got, want)
					}
					bm := make([]uint64, 1)
					sc.maskBlocksGo(&b[0], len(b), bm)
					if got := min(len(b), Next(bm, 0)); got != want {
						t.Fatalf("portable: index(%q, %+v) = %d, want %d", b, set, got, want)
					}
				}
			}
		}
	}
}

func FuzzIndex(f *testing.F) {
	f.Add("the Convention on Narcotic Drugs of 1961, as amended[^3] by the 1972 Protocol³", byte(0))
	f.Fuzz(func(t *testing.T, s string, k byte) {
		set := sets[int(k)%len(sets)]
		for from := 0; from <= len(s); from++ {
			sc := New(set)
			if got, want := index(sc, s[from:]), slowIndex(s[from:], set); got != want {
				t.Fatalf("Index(%q, %+v) = %d, want %d", s[from:], set, got, want)
			}
		}
	})
}

func BenchmarkBitmap(b *testing.B) {
	text := ""
	for len(text) < 1<<16 {
		text += "recalling also the importance of the protocol against the smuggling of migrants by land, sea and air, "
	}
	sc := New(sets[0])
	bm := sc.Bitmap(text, nil)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		sc.Bitmap(text, bm)
	}
}

func FuzzBitmap(f *testing.F) {
	f.Add("the Convention on Narcotic Drugs of 1961, as amended[^3] by the 1972 Protocol³ and So On And So Forth", byte(0))
	f.Fuzz(func(t *testing.T, s string, k byte) {
		set := sets[int(k)%len(sets)]
		sc := New(set)
		bm := sc.Bitmap(s, make([]uint64, 1))
		if len(bm) != (len(s)+63)/64 {
			t.Fatalf("%d words for %d bytes", len(bm), len(s))
		}
		for i := 0; i < 64*len(bm); i++ {
			got := bm[i/64]&(1<<(i%64)) != 0
			want := i < len(s) && set.Has(s[i])
			if got != want {
				t.Fatalf("%q %+v: bit %d = %v, want %v", s, set, i, got, want)
			}
		}
		if bb := sc.BitmapBytes([]byte(s), nil); !slices.Equal(bb, bm) {
			t.Fatalf("BitmapBytes(%q) = %x, Bitmap = %x", s, bb, bm)
		}
		for i := 0; i <= len(s); i++ {
			want := slowIndex(s[i:], set) + i
			if want == len(s) {
				want = 64 * len(bm)
			}
			if got := Next(bm, i); got != want {
				t.Fatalf("Next(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}

// FuzzPortable holds the portable implementations (the only ones off
// amd64) to the byte table too, whatever this machine runs.
func FuzzPortable(f *testing.F) {
	f.Add("the Convention on Narcotic Drugs of 1961, as amended[^3] by the 1972 Protocol³", byte(0), byte('l'), byte('u'))
	f.Fuzz(func(t *testing.T, s string, k, a, b byte) {
		set := sets[int(k)%len(sets)]
		sc := New(set)
		bm := make([]uint64, (len(s)+63)/64)
		if len(s) > 0 {
			sc.maskBlocksGo(unsafe.StringData(s), len(s), bm)
		}
		for i := range s {
			if got, want := bm[i/64]&(1<<(i%64)) != 0, set.Has(s[i]); got != want {
				t.Fatalf("maskBlocksGo(%q, %+v): bit %d = %v, want %v", s, set, i, got, want)
			}
		}
		if got, want := indexPairGo(s, a, b), slowPair(s, a, b, 0); got != want {
			t.Fatalf("indexPairGo(%q, %q, %q) = %d, want %d", s, a, b, got, want)
		}
	})
}
