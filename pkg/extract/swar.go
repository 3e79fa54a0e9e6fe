package extract

import (
	"encoding/binary"
	"math/bits"
)

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// hasBetween flags (with their top bit) the bytes of x strictly between m
// and n (x's bytes below 0x80, m < n <= 128), as in "Bit Twiddling Hacks".
// Bytes do not carry into each other, and a byte of 0x80 or more is never
// flagged.
func hasBetween(x, m, n uint64) uint64 {
	return (lsb*(127+n) - (x & (lsb * 127))) & ^x & ((x & (lsb * 127)) + lsb*(127-m)) & msb
}

// skipLower returns the first index at or after i where text has a
// capital A–Z or a non-ASCII lead byte.
func skipLower(text string, i int) int {
	for i+8 <= len(text) {
		x := binary.LittleEndian.Uint64([]byte(text[i : i+8]))
		// Flag capitals, and lead bytes of non-ASCII characters (top
		// two bits set: x&(x<<1) moves each byte's bit 6 under its bit 7).
		if m := x&(x<<1)&msb | hasBetween(x, 'A'-1, 'Z'+1); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < len(text) && !capitalOrWide[text[i]] {
		i++
	}
	return i
}
