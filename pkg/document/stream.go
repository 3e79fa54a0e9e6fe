package document

import (
	"encoding/binary"
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
	// idx, for streams of many segs (a body), says where to start looking
	// for the seg of an offset: idx[k] is the last seg at or before
	// offset k<<idxShift. (pkg/extract maps some ten offsets a reference.)
	idx []int32
}

const (
	// idxShift: one entry for 128 bytes of text, a line or two of a body,
	// so that Src walks a seg or two from where idx says. (64 makes Src
	// no quicker and idx dearer to make; 256 makes Src slower.)
	idxShift = 7
	// A stream of up to idxMin segs (most footnotes) has no idx: a short
	// search is as quick.
	idxMin = 16
)

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
	// hard says that the source has hard spaces or invisible characters
	// (hasOddSpace), which copy writes as plain spaces or leaves out.
	hard bool
	// glue says that the last piece copied ended in a soft hyphen: no
	// joining space follows.
	glue bool
}

// len returns the length of the stream being built.
func (b *streamBuilder) len() int { return b.buf.Len() - b.base }

// copy appends src[from:to] (a piece of the source text) to the stream,
// each hard space in it (hardSpace) as a plain one, a seg of its own
// that maps to where the hard space starts, and each invisible character
// (invisible) left out. Most documents have none of them: copy runs for
// every line, and tests the flag before the search.
func (b *streamBuilder) copy(text []byte, from, to int) {
	if b.hard {
		b.copyOdd(text, from, to)
		return
	}
	b.copyPlain(text, from, to)
}

// copyOdd is copy for a source that has hard spaces or invisible
// characters.
func (b *streamBuilder) copyOdd(text []byte, from, to int) {
	b.glue = false
	for from < to {
		at, n, space := nextOddSpace(text, from, to)
		if n == 0 {
			break
		}
		b.copyPlain(text, from, at)
		if space {
			b.segs = append(b.segs, seg{at: b.len(), src: at, n: 1})
			b.buf.WriteByte(' ')
		}
		from = at + n
		// A soft hyphen that ends the line joins it to the next.
		b.glue = from == to && n == 2 && text[at+1] == 0xAD
	}
	b.copyPlain(text, from, to)
}

// nextOddSpace returns where the first hard space or invisible character
// of text[from:to] starts, its length, and whether it is a space; or 0, 0
// and false.
func nextOddSpace(text []byte, from, to int) (int, int, bool) {
	for i := from; i < to; i++ {
		// ASCII eight bytes at a time: the bytes looked for are not.
		for i+8 <= to && binary.LittleEndian.Uint64(text[i:])&0x8080808080808080 == 0 {
			i += 8
		}
		if i == to {
			break
		}
		if c := text[i]; c == 0xC2 || c == 0xE2 {
			if n := hardSpace(text[i:to]); n > 0 {
				return i, n, true
			}
			if n := invisible(text[i:to]); n > 0 {
				return i, n, false
			}
		}
	}
	return 0, 0, false
}

// copyPlain appends src[from:to] as it is.
func (b *streamBuilder) copyPlain(text []byte, from, to int) {
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
	b.glue = false
	if n := b.buf.Len(); n > b.base && b.buf.String()[n-1] != ' ' {
		b.buf.WriteByte(' ')
	}
}

// join appends the joining space of a line wrap before a line that
// starts with the byte next, unless the line before ended in a soft
// hyphen (copy left it out) and this one goes on with the word in small
// letters, or ends with a symbol
// broken after one of its slashes ("(S/" and "11214)", "resolution 48/"
// and "141"): a symbol has no space in it.
func (b *streamBuilder) join(next byte) {
	if b.glue && next >= 'a' && next <= 'z' {
		b.glue = false
		return
	}
	if (isDigitByte(next) || next >= 'A' && next <= 'Z') && symbolOpen(b.buf.String()[b.base:], next) {
		return
	}
	b.space()
}

// symbolOpen reports whether s ends with a symbol's parts up to a slash,
// which the byte next may go on: a token starting with a capital letter
// ("S/", "A/C.3/48/", "UNEP/EA.5/"), or a session's number before a
// digit, after "resolution" or "decision" or in a list of symbols
// ("resolution 48/", "47/199 and 48/").
func symbolOpen(s string, next byte) bool {
	n := len(s)
	if n < 2 || s[n-1] != '/' {
		return false
	}
	i := strings.LastIndexAny(s[:n-1], " ([\n") + 1
	tok := s[i : n-1]
	switch {
	case tok == "":
		return false
	case tok[0] >= 'A' && tok[0] <= 'Z':
		// Capitals and digits up to the first slash ("E/", "UNEP/"),
		// then any parts ("CN.4/Sub.2/", "EA.5/Res.14/"): not a word
		// ("Secretary-General/").
		upper := true
		for j := 0; j < len(tok); j++ {
			c := tok[j]
			switch {
			case c == '/':
				upper = false
			case c >= 'A' && c <= 'Z', isDigitByte(c), c == '.', c == '-':
			case c >= 'a' && c <= 'z' && !upper:
			default:
				return false
			}
		}
		return true
	case !isDigits([]byte(tok)) || !isDigitByte(next):
		return false
	}
	// A number: a resolution's session after "resolution" ("resolution
	// 48/"), or in a list of them ("resolutions 47/199 and 48/", "47/199,
	// 48/").
	w := lastWord(s[:i])
	switch strings.ToLower(w) {
	case "resolution", "resolutions", "decision", "decisions":
		return true
	case "and":
		w = lastWord(s[:len(strings.TrimRight(s[:i], " "))-len(w)])
	}
	w = strings.TrimRight(w, ",")
	return strings.IndexByte(w, '/') > 0 && isDigitByte(w[0]) && isDigitByte(w[len(w)-1])
}

// lastWord returns the last word of s, after its last space (trailing
// spaces left out).
func lastWord[T string | []byte](s T) T {
	e := len(s)
	for e > 0 && s[e-1] == ' ' {
		e--
	}
	i := e
	for i > 0 && s[i-1] != ' ' {
		i--
	}
	return s[i:e]
}

// stream returns the stream built and starts the next one.
func (b *streamBuilder) stream() Stream {
	// The builder never changes these bytes again: share them rather
	// than copy them.
	s := Stream{Text: b.buf.String()[b.base:], segs: b.segs[b.seg0:len(b.segs):len(b.segs)]}
	b.base, b.seg0 = b.buf.Len(), len(b.segs)
	if len(s.segs) > idxMin {
		s.idx = makeIdx(s.segs, len(s.Text))
	}
	return s
}

// makeIdx makes Stream.idx for the segs of a text of size n.
func makeIdx(segs []seg, n int) []int32 {
	idx := make([]int32, n>>idxShift+1)
	k := 0
	for j := 1; j < len(segs); j++ {
		// The entries before segs[j] start in segs[j-1] (or before the
		// first seg: a search from it is right).
		for at := segs[j].at; k < len(idx) && k<<idxShift < at; k++ {
			idx[k] = int32(j - 1)
		}
	}
	for ; k < len(idx); k++ {
		idx[k] = int32(len(segs) - 1)
	}
	return idx
}

// Src maps a byte offset of Text to a byte offset of the source.
func (s *Stream) Src(off int) int {
	segs := s.segs
	if len(segs) == 0 {
		return 0
	}
	// Find the last seg at or before off (the first if there is none),
	// from a seg known to be at or before it.
	i := 0
	if off > 0 {
		if len(s.idx) > 0 {
			i = int(s.idx[min(off>>idxShift, len(s.idx)-1)])
		} else {
			// Binary search for the first seg after off, in [lo, hi).
			lo, hi := 0, len(segs)
			for lo < hi {
				m := int(uint(lo+hi) >> 1)
				if segs[m].at <= off {
					lo = m + 1
				} else {
					hi = m
				}
			}
			i = max(lo-1, 0)
		}
	}
	for i+1 < len(segs) && segs[i+1].at <= off {
		i++
	}
	g := segs[i]
	if off < g.at {
		// Before the first seg.
		return g.src
	}
	if off-g.at <= g.n {
		return g.src + off - g.at
	}
	return g.src + g.n
}

// Offset maps a byte offset of the source to Text, the inverse of Src:
// the first offset of Text whose source offset is at or after src (len of
// Text when there is none). Src never goes backwards, so it is a search.
func (s *Stream) Offset(src int) int {
	return sort.Search(len(s.Text), func(i int) bool { return s.Src(i) >= src })
}

// SrcEnd maps an exclusive end offset of Text to the source: the end of
// the last byte before it, so that a span never swallows a joining gap.
func (s *Stream) SrcEnd(off int) int {
	if off <= 0 {
		return s.Src(0)
	}
	return s.Src(off-1) + 1
}
