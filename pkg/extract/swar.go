package extract

import "github.com/citecheck/citecheck/internal/bytescan"

// capitals is what the mention scanner stops at: capitals A–Z, and the
// lead bytes of non-ASCII characters (bytescan adds those to every set).
var capitals = bytescan.New(bytescan.Set{Lo1: 'A', Hi1: 'Z', Lo2: 1, Hi2: 0})

// skipLower returns the first index at or after i where text has a
// capital A–Z or a non-ASCII lead byte (mentions uses a bitmap of them).
func skipLower(text string, i int) int {
	return i + capitals.Index(text[i:])
}
