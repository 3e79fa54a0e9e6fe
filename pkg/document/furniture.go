package document

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Running titles.
//
// UN documents print the document's title at the head of every page, next
// to its symbol, page number and job number ("Oceans and the law of the
// sea" above "A/RES/80/110", "6/56", "25-20236"); a long title takes a few
// lines. Text extraction leaves it between the last body line of one page
// and the first of the next, often in the middle of a sentence or of a
// treaty's title. It is page furniture when it stands right beside other
// furniture and is seen again: beside the furniture of another page, or at
// the top of the document, where the title is set.

const (
	// headSize is how much of the top of a document a running title is
	// looked for in.
	headSize = 4096
	// maxTitleLines is the most lines a running title takes.
	maxTitleLines = 5
)

// runningTitles returns the lines (indexes into starts, from first) that
// are running titles, given the lines of other furniture (sorted).
// lines(k) gives the trimmed bounds of line k.
func runningTitles(text []byte, starts []int, first int, furniture []int, lines func(k int) (int, int)) map[int]bool {
	isFurniture := func(k int) bool {
		_, ok := slices.BinarySearch(furniture, k)
		return ok
	}
	// The blocks of text lines right above and below furniture, by their
	// text (white space made single spaces).
	type block struct{ from, to int } // lines [from, to)
	var cands map[string][]block
	var key []byte
	for _, k := range furniture {
		for _, dir := range [2]int{-1, 1} {
			// Over blank lines and furniture to the nearest text line.
			j := k + dir
			for j >= first && j < len(starts) {
				if from, to := lines(j); from < to && !isFurniture(j) {
					break
				}
				if j-k > 2 || k-j > 2 {
					j = -1
					break
				}
				j += dir
			}
			if j < first || j >= len(starts) {
				continue
			}
			// The block: text lines up to a blank line or furniture.
			b := block{j, j + 1}
			for n := 1; ; n++ {
				next := b.to
				if dir < 0 {
					next = b.from - 1
				}
				if next < first || next >= len(starts) {
					break
				}
				if from, to := lines(next); from == to || isFurniture(next) {
					break
				}
				if n == maxTitleLines {
					b = block{}
					break
				}
				if dir < 0 {
					b.from--
				} else {
					b.to++
				}
			}
			if b.to == 0 {
				continue
			}
			if from, _ := lines(b.from); !isUpperASCII(text[from]) {
				continue
			}
			key = key[:0]
			for i := b.from; i < b.to; i++ {
				from, to := lines(i)
				if len(key) > 0 {
					key = append(key, ' ')
				}
				key = append(key, text[from:to]...)
			}
			if len(key) < 10 || len(key) > 600 {
				continue
			}
			if cands == nil {
				cands = map[string][]block{}
			}
			if l := cands[string(key)]; len(l) == 0 || l[len(l)-1] != b {
				cands[string(key)] = append(l, b)
			}
		}
	}
	if cands == nil {
		return nil
	}
	var out map[int]bool
	var top *topSqueeze // the top of the document, squeezed, once
	for t, bs := range cands {
		seen := len(bs) >= 2
		if !seen {
			// Seen once: the title set at the top of the document, before
			// it, must repeat it.
			if top == nil {
				top = &topSqueeze{top: text[:min(len(text), headSize)]}
			}
			from, _ := lines(bs[0].from)
			seen = bytes.Contains(top.before(from), []byte(strings.ToLower(t)))
		}
		if !seen {
			continue
		}
		if out == nil {
			out = map[int]bool{}
		}
		for _, b := range bs {
			for k := b.from; k < b.to; k++ {
				out[k] = true
			}
		}
	}
	return out
}

// squeeze returns b in lower case with runs of white space made one space.
func squeeze(b []byte) string {
	return strings.ToLower(string(bytes.Join(bytes.Fields(b), []byte(" "))))
}

// topSqueeze is squeeze of the top of a document, made as far as asked
// and once, with where each of its words ends, so that the squeeze of any
// part of the top that ends between two words is a prefix of it.
// runningTitles asks it of the text before every block it saw once;
// squeezing that text afresh each time was a tenth of the CPU of a check
// of the corpus (BenchmarkStages/all, 7 December 2026).
type topSqueeze struct {
	top   []byte
	next  int // top[:next] is squeezed, whole words
	sq    []byte
	words []squeezedWord
}

// squeezedWord is a word of the top: its bounds in the text and where it
// ends in the squeezed bytes.
type squeezedWord struct{ start, end, sqEnd int }

// extend squeezes the words of the top that start before limit.
func (ts *topSqueeze) extend(limit int) {
	top, i := ts.top, ts.next
	for i < len(top) && i < limit {
		// Words as bytes.Fields splits them: at runs of Unicode space
		// (an invalid byte is none).
		if n, ok := spaceAt(top, i); ok {
			i += n
			continue
		}
		start, ascii := i, true
		for i < len(top) {
			if top[i] < utf8.RuneSelf {
				if isASCIISpace(top[i]) {
					break
				}
				i++
				continue
			}
			n, ok := spaceAt(top, i)
			if ok {
				break
			}
			ascii = false
			i += n
		}
		if len(ts.sq) > 0 {
			ts.sq = append(ts.sq, ' ')
		}
		// Lower case word by word is the whole lowered: strings.ToLower
		// maps rune by rune, and a space ends any broken sequence.
		if ascii {
			k := len(ts.sq)
			ts.sq = append(ts.sq, top[start:i]...)
			for ; k < len(ts.sq); k++ {
				if c := ts.sq[k]; 'A' <= c && c <= 'Z' {
					ts.sq[k] = c + 'a' - 'A'
				}
			}
		} else {
			ts.sq = append(ts.sq, strings.ToLower(string(top[start:i]))...)
		}
		ts.words = append(ts.words, squeezedWord{start, i, len(ts.sq)})
	}
	ts.next = i
}

// spaceAt reports whether a space as unicode.IsSpace reads it starts
// b[i:], and the length of the rune there.
func spaceAt(b []byte, i int) (int, bool) {
	if b[i] < utf8.RuneSelf {
		return 1, isASCIISpace(b[i])
	}
	r, n := utf8.DecodeRune(b[i:])
	return n, unicode.IsSpace(r)
}

// before returns squeeze(top[:from]) (squeeze(top) past the top's end):
// a prefix of the top's squeeze where from stands between words.
func (ts *topSqueeze) before(from int) []byte {
	if from >= len(ts.top) {
		ts.extend(len(ts.top))
		return ts.sq
	}
	ts.extend(from)
	k, _ := slices.BinarySearchFunc(ts.words, from, func(w squeezedWord, from int) int { return w.start - from })
	switch {
	case !utf8.RuneStart(ts.top[from]) || k > 0 && ts.words[k-1].end > from:
		return []byte(squeeze(ts.top[:from])) // inside a rune or a word (no line starts there)
	case k == 0:
		return nil
	}
	return ts.sq[:ts.words[k-1].sqEnd]
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }
