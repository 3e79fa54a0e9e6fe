package extract

import "github.com/citecheck/citecheck/internal/bytescan"

// capitals is what the mention scanner stops at: capitals A–Z, and the
// lead bytes of non-ASCII characters (bytescan adds those to every set).
// mentions marks them in a bitmap of each stream.
var capitals = bytescan.New(capitalSet)

var capitalSet = bytescan.Set{Lo1: 'A', Hi1: 'Z', Lo2: 1, Hi2: 0}
