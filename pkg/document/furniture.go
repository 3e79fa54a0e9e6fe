package document

import (
	"bytes"
	"slices"
	"strings"
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
	head := "" // the top of the document, squeezed, once
	for t, bs := range cands {
		seen := len(bs) >= 2
		if !seen {
			// Seen once: the title set at the top of the document, before
			// it, must repeat it.
			from, _ := lines(bs[0].from)
			h := head
			if from < headSize {
				h = squeeze(text[:from])
			} else if head == "" {
				head = squeeze(text[:headSize])
				h = head
			}
			seen = strings.Contains(h, strings.ToLower(t))
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

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }
