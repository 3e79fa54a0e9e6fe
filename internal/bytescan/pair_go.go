package bytescan

// indexPairGo is the plain loop, for short texts.
func indexPairGo(text string, a, b byte) int {
	for i := 0; i+1 < len(text); i++ {
		if text[i] == a && text[i+1] == b {
			return i
		}
	}
	return -1
}
