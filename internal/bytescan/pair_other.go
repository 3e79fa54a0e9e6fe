//go:build !amd64 || purego

package bytescan

import "strings"

// indexPair jumps from one a to the next with strings.IndexByte.
func indexPair(text string, a, b byte) int {
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
