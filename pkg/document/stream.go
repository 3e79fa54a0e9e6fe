package document

import (
	"sort"
	"unsafe"
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

type streamBuilder struct {
	buf  []byte
	segs []seg
}

// copy appends src[from:to] (a piece of the source text) to the stream.
func (b *streamBuilder) copy(text []byte, from, to int) {
	if to <= from {
		return
	}
	if k := len(b.segs) - 1; k >= 0 {
		last := &b.segs[k]
		if last.at+last.n == len(b.buf) && last.src+last.n == from {
			last.n += to - from
			b.buf = append(b.buf, text[from:to]...)
			return
		}
	}
	b.segs = append(b.segs, seg{at: len(b.buf), src: from, n: to - from})
	b.buf = append(b.buf, text[from:to]...)
}

// space appends one joining space unless the stream is empty or already
// ends in one.
func (b *streamBuilder) space() {
	if n := len(b.buf); n > 0 && b.buf[n-1] != ' ' {
		b.buf = append(b.buf, ' ')
	}
}

func (b *streamBuilder) stream() Stream {
	// The builder is done with buf: share it rather than copy it.
	return Stream{Text: unsafe.String(unsafe.SliceData(b.buf), len(b.buf)), segs: b.segs}
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
