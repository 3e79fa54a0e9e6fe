package extract

import "encoding/binary"

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// hasBetween reports bytes of x strictly between m and n (x's bytes below
// 0x80, m < n <= 128), as in "Bit Twiddling Hacks".
func hasBetween(x, m, n uint64) uint64 {
	return (lsb*(127+n) - (x & (lsb * 127))) & ^x & ((x & (lsb * 127)) + lsb*(127-m)) & msb
}

// skipLower returns the first index at or after i where text has a
// capital A–Z or a non-ASCII lead byte.
func skipLower(text string, i int) int {
	for i+8 <= len(text) {
		x := binary.LittleEndian.Uint64([]byte(text[i : i+8]))
		if x&msb != 0 || hasBetween(x, 'A'-1, 'Z'+1) != 0 {
			break
		}
		i += 8
	}
	for i < len(text) && !capitalOrWide[text[i]] {
		i++
	}
	return i
}
