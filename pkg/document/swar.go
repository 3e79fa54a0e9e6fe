package document

import "encoding/binary"

// Word-at-a-time helpers: skip eight bytes per step where none can matter.

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// hasBetween reports bytes of x strictly between m and n (x's bytes below
// 0x80, m < n <= 128), as in "Bit Twiddling Hacks".
func hasBetween(x, m, n uint64) uint64 {
	return (lsb*(127+n) - (x & (lsb * 127))) & ^x & ((x & (lsb * 127)) + lsb*(127-m)) & msb
}

// skipPlain returns the first index at or after i where text has a digit,
// "[" or a non-ASCII byte: the bytes that may start a footnote marker.
func skipPlain(text []byte, i, to int) int {
	for i+8 <= to {
		x := binary.LittleEndian.Uint64(text[i:])
		if x&msb != 0 || hasBetween(x, '0'-1, '9'+1) != 0 || hasBetween(x, '['-1, '['+1) != 0 {
			break
		}
		i += 8
	}
	for i < to && !markerStart[text[i]] {
		i++
	}
	return i
}
