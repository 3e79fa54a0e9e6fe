//go:build amd64 && !purego

package bytescan

import "unsafe"

// vectors holds a set's tests for maskSSE2, each byte repeated 16 times:
// adding add to a byte moves a range [lo, lo+span] to the bottom of the
// signed bytes, [-128, -128+span], which are the bytes below lim. The
// third test is the lead bytes: 0xC0–0xFF plus 0xC0 is -128 to -65.
type vectors [6][16]byte // add1, lim1, add2, lim2, add3, lim3

func (s Set) vectors() vectors {
	lo1, span1, lo2, span2 := s.Lo1, s.Hi1-s.Lo1, s.Lo2, s.Hi2-s.Lo2
	if s.Lo1 > s.Hi1 { // an empty range: repeat the other
		lo1, span1 = lo2, span2
	}
	if s.Lo2 > s.Hi2 {
		lo2, span2 = lo1, span1
	}
	if s.Lo1 > s.Hi1 && s.Lo2 > s.Hi2 {
		lo1, span1, lo2, span2 = 0xC0, 0x3F, 0xC0, 0x3F // lead bytes only
	}
	var v vectors
	for k := range 16 {
		v[0][k], v[1][k] = 0x80-lo1, 0x80+span1+1
		v[2][k], v[3][k] = 0x80-lo2, 0x80+span2+1
		v[4][k], v[5][k] = 0xC0, 0xC0
	}
	return v
}

// maskSSE2 stores, for each whole 16-byte block k of p[:n], the bits of
// the block's bytes in the set v describes at out[k].
//
//go:noescape
func maskSSE2(p *byte, n int, v *vectors, out *uint16)

// maskBlocks marks the bytes of the whole 16-byte blocks of text in bm
// (zero on entry) and returns where the rest starts.
func (sc *Scanner) maskBlocks(p *byte, n int, bm []uint64) int {
	if n < 16 {
		return 0
	}
	maskSSE2(p, n, &sc.v, (*uint16)(unsafe.Pointer(unsafe.SliceData(bm))))
	return n &^ 15
}
