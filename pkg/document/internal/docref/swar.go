package docref

import "github.com/citecheck/citecheck/internal/bytescan"

// markerSet is markerStart for bytescan: digits, "[" and the lead bytes of
// non-ASCII characters. buildBody marks them in a bitmap of the source.
var markerSet = bytescan.New(bytescan.Set{Lo1: '0', Hi1: '9', Lo2: '[', Hi2: '['})
