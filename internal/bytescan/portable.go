package bytescan

import (
	"encoding/binary"
	"strings"
	"unsafe"
)

// The portable implementations: the only ones off amd64 and under -tags
// purego, and on amd64 the reference the SSE2 routines are tested against.

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// mayHave reports whether x may hold a byte of the set: it does if any
// byte is 0x80 or more, or lies in a range ("Bit Twiddling Hacks",
// hasbetween, on bytes below 0x80).
func (sc *Scanner) mayHave(x uint64) bool {
	if x&msb != 0 {
		return true
	}
	return inRange(x, sc.set.Lo1, sc.set.Hi1) || inRange(x, sc.set.Lo2, sc.set.Hi2)
}

func inRange(x uint64, lo, hi byte) bool {
	switch {
	case lo > hi || lo >= 0x80:
		return false
	case lo == 0:
		return true // conservative: the caller checks byte by byte
	}
	m, n := uint64(lo)-1, uint64(min(hi, 0x7F))+1
	return (lsb*(127+n)-(x&(lsb*127)))&^x&((x&(lsb*127))+lsb*(127-m))&msb != 0
}

// maskBlocksGo marks the bytes of p[:n] in bm, eight at a time where a
// word holds none, and returns n.
func (sc *Scanner) maskBlocksGo(p *byte, n int, bm []uint64) int {
	text := unsafe.String(p, n)
	for i := 0; i < len(text); i++ {
		if i%8 == 0 && i+8 <= len(text) && !sc.mayHave(binary.LittleEndian.Uint64([]byte(text[i:i+8]))) {
			i += 7
			continue
		}
		if sc.set.Has(text[i]) {
			bm[i/64] |= 1 << (i % 64)
		}
	}
	return len(text)
}

// indexPairGo jumps from one a to the next with strings.IndexByte.
func indexPairGo(text string, a, b byte) int {
	for i := 0; i+1 < len(text); i++ {
		k := strings.IndexByte(text[i:len(text)-1], a)
		if k < 0 {
			return -1
		}
		i += k
		if text[i+1] == b {
			return i
		}
	}
	return -1
}
