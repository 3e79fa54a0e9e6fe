package bytescan

import (
	"math/bits"
	"sync"
	"unsafe"
)

// Bitmap returns a bitmap of the bytes of text in the set: bit i%64 of
// word i/64 is set when text[i] is. dst is reused when it is large enough.
// For a text where the set's bytes are frequent (capital letters in
// prose), one pass that marks them all costs less than a search that
// starts again after each.
func (sc *Scanner) Bitmap(text string, dst []uint64) []uint64 {
	dst = sized(dst, len(text))
	return tail(sc, text, sc.maskBlocks(unsafe.StringData(text), len(text), dst), dst)
}

// BitmapBytes is Bitmap for a byte slice.
func (sc *Scanner) BitmapBytes(text []byte, dst []uint64) []uint64 {
	dst = sized(dst, len(text))
	return tail(sc, text, sc.maskBlocks(unsafe.SliceData(text), len(text), dst), dst)
}

var bitmaps sync.Pool

// GetBitmap returns a bitmap buffer to pass to Bitmap, from a pool shared
// by the package's users; PutBitmap gives it back when no longer used.
func GetBitmap() []uint64 {
	if p, _ := bitmaps.Get().(*[]uint64); p != nil {
		return *p
	}
	return nil
}

// PutBitmap gives a bitmap buffer back to the pool.
func PutBitmap(bm []uint64) {
	if cap(bm) > 0 && cap(bm) <= 1<<16 {
		bitmaps.Put(&bm)
	}
}

// sized returns a zeroed bitmap for n bytes, in dst if it is large enough.
func sized(dst []uint64, n int) []uint64 {
	n = (n + 63) / 64
	if cap(dst) < n {
		return make([]uint64, n)
	}
	dst = dst[:n]
	clear(dst)
	return dst
}

// tail marks the bytes of text from i on, which maskBlocks left.
func tail[T string | []byte](sc *Scanner, text T, i int, dst []uint64) []uint64 {
	for ; i < len(text); i++ {
		if sc.set.Has(text[i]) {
			dst[i/64] |= 1 << (i % 64)
		}
	}
	return dst
}

// Next returns the index of the first set bit of bm at or after i, or
// 64*len(bm) when there is none.
func Next(bm []uint64, i int) int {
	k := i / 64
	if k >= len(bm) {
		return 64 * len(bm)
	}
	if w := bm[k] >> (i % 64); w != 0 {
		return i + bits.TrailingZeros64(w)
	}
	for k++; k < len(bm); k++ {
		if bm[k] != 0 {
			return 64*k + bits.TrailingZeros64(bm[k])
		}
	}
	return 64 * len(bm)
}
