package document

import (
	"encoding/binary"
	"math/bits"
)

// Word-at-a-time helpers: skip eight bytes per step where none can matter.

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// markerBytes flags, with the high bit of its byte, the first digit, "["
// or non-ASCII byte of x (bytes in little-endian order). Bytes after the
// first may be flagged spuriously; none is flagged if x has no such byte.
//
// It is "has a byte less than n" from "Bit Twiddling Hacks", (y-n)&^y,
// twice: x^'0' turns exactly the digits into bytes below 10 and x^'['
// turns "[" into 0. A borrow runs only upwards, from the first such
// byte. The xors keep each byte's high bit, so ^y masks the same bytes as
// ^x; or-ing x, which flags those bytes anyway (they are the non-ASCII
// ones), drops the mask.
func markerBytes(x uint64) uint64 {
	digit := (x ^ (lsb * '0')) - lsb*10
	bracket := (x ^ (lsb * '[')) - lsb
	return (digit | bracket | x) & msb
}

// skipPlain returns the first index at or after i where text has a digit,
// "[" or a non-ASCII lead byte: the bytes that may start a footnote
// marker.
//
// It is not inlined: alone, its loop keeps everything in registers.
//
//go:noinline
func skipPlain(text []byte, i, to int) int {
	t := text[i:to]
	k := 0
	for ; k+8 <= len(t); k += 8 {
		if m := markerBytes(binary.LittleEndian.Uint64(t[k : k+8])); m != 0 {
			// Go straight to the first flagged byte. (It may be a
			// continuation byte if i is not at a character boundary:
			// the loop below steps over it.)
			k += bits.TrailingZeros64(m) / 8
			break
		}
	}
	for k < len(t) && !markerStart[t[k]] {
		k++
	}
	return i + k
}
