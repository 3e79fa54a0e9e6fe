//go:build amd64 && !purego

package bytescan

import "unsafe"

// indexPairSSE2 returns the first i with p[i] == a and p[i+1] == b, i+1 <
// n, or -1; n must be at least 17.
//
//go:noescape
func indexPairSSE2(p *byte, n int, a, b byte) int

func indexPair(text string, a, b byte) int {
	if len(text) < 17 {
		return indexPairGo(text, a, b)
	}
	return indexPairSSE2(unsafe.StringData(text), len(text), a, b)
}
