package bytescan

// IndexPair returns the first index i >= from with text[i] == a and
// text[i+1] == b, or -1. A pair of letters is far rarer in prose than
// either letter ("lu" than "u"), so searching for the pair stops less
// often than strings.IndexByte on its rarer letter would.
func IndexPair(text string, a, b byte, from int) int {
	if from < 0 {
		from = 0
	}
	if from+1 >= len(text) {
		return -1
	}
	if k := indexPair(text[from:], a, b); k >= 0 {
		return from + k
	}
	return -1
}
