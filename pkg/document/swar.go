package document

import "github.com/citecheck/citecheck/internal/bytescan"

// markerSet is markerStart as a bytescan set: digits, "[" and the lead
// bytes of non-ASCII characters.
var markerSet = bytescan.New(bytescan.Set{Lo1: '0', Hi1: '9', Lo2: '[', Hi2: '['})

// skipPlain returns the first index at or after i where text has a digit,
// "[" or a non-ASCII lead byte: the bytes that may start a footnote
// marker.
func skipPlain(text []byte, i, to int) int {
	return i + markerSet.IndexBytes(text[i:to])
}
