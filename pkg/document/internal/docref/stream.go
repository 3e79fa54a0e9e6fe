package docref

import (
	"sort"
	"strings"
)

// Stream is a run of text assembled from pieces of a source file: the body
// of a document with line wraps joined, footnote blocks and page furniture
// cut out and footnote markers removed, or the text of one footnote. Every
// byte of Text maps back to a byte of the source.
type Stream struct {
	Text string
	segs []seg
}

// seg says that Text[at:at+n] was copied from the source at src. Bytes of
// Text not covered by a seg (joining spaces) map to the end of the
// preceding seg.
type seg struct{ at, src, n int }

// A streamBuilder builds streams one after another in one buffer: the
// footnotes of a document share one, so that each does not grow its own.
// Appending never changes the bytes of a stream already made, so streams
// may share the buffer's array.
//
// The buffer is a strings.Builder: unlike make([]byte, …), its Grow does
// not zero memory that the copies overwrite at once, and String shares
// the bytes.
type streamBuilder struct {
	buf  strings.Builder
	segs []seg
	// The stream being built starts at buf[base] and segs[seg0].
	base, seg0 int
}

// len returns the length of the stream being built.
func (b *streamBuilder) len() int { return b.buf.Len() - b.base }

// copy appends src[from:to] (a piece of the source text) to the stream.
func (b *streamBuilder) copy(text []byte, from, to int) {
	if to <= from {
		return
	}
	if k := len(b.segs) - 1; k >= b.seg0 {
		last := &b.segs[k]
		if last.at+last.n == b.len() && last.src+last.n == from {
			last.n += to - from
			b.buf.Write(text[from:to])
			return
		}
	}
	b.segs = append(b.segs, seg{at: b.len(), src: from, n: to - from})
	b.buf.Write(text[from:to])
}

// space appends one joining space unless the stream is empty or already
// ends in one.
func (b *streamBuilder) space() {
	if n := b.buf.Len(); n > b.base && b.buf.String()[n-1] != ' ' {
		b.buf.WriteByte(' ')
	}
}

// stream returns the stream built and starts the next one.
func (b *streamBuilder) stream() Stream {
	// The builder never changes these bytes again: share them rather
	// than copy them.
	s := Stream{Text: b.buf.String()[b.base:], segs: b.segs[b.seg0:len(b.segs):len(b.segs)]}
	b.base, b.seg0 = b.buf.Len(), len(b.segs)
	return s
}

// Src maps a byte offset of Text to a byte offset of the source.
func (s *Stream) Src(off int) int {
	if len(s.segs) == 0 {
		return 0
	}
	i := sort.Search(len(s.segs), func(i int) bool { return s.segs[i].at > off }) - 1
	if i < 0 {
		return s.segs[0].src
	}
	g := s.segs[i]
	if off-g.at <= g.n {
		return g.src + off - g.at
	}
	return g.src + g.n
}

// SrcEnd maps an exclusive end offset of Text to the source: the end of
// the last byte before it, so that a span never swallows a joining gap.
func (s *Stream) SrcEnd(off int) int {
	if off <= 0 {
		return s.Src(0)
	}
	return s.Src(off-1) + 1
}

// Segs returns the stream's segments as (at, src, n) triples, for
// comparison with the optimised package.
func (s *Stream) Segs() [][3]int {
	var out [][3]int
	for _, g := range s.segs {
		out = append(out, [3]int{g.at, g.src, g.n})
	}
	return out
}
