//go:build !amd64 || purego

package bytescan

type vectors struct{}

func (s Set) vectors() vectors { return vectors{} }

func (sc *Scanner) maskBlocks(p *byte, n int, bm []uint64) int { return sc.maskBlocksGo(p, n, bm) }

func indexPair(text string, a, b byte) int { return indexPairGo(text, a, b) }
