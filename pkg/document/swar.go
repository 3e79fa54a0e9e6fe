package document

import "github.com/citecheck/citecheck/internal/bytescan"

// markerSet is the bytes that may start a footnote marker: digits, "["
// ("[^3]") and the lead bytes of non-ASCII characters (superscripts).
// buildBody marks them in a bitmap of the source.
var markerSet = bytescan.New(bytescan.Set{Lo1: '0', Hi1: '9', Lo2: '[', Hi2: '['})
