package fix

import (
	"bytes"
	"fmt"
	"io"
	"sort"
)

// context is the number of unchanged lines a hunk shows around changes,
// as diff -u and git diff do.
const context = 3

// line is one line of a text, with its line ending ("\n", "\r\n", or
// none for a last line without one).
type line []byte

func splitLines(b []byte) []line {
	var ls []line
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			ls = append(ls, b)
			break
		}
		ls = append(ls, b[:i+1])
		b = b[i+1:]
	}
	return ls
}

// change is a run of old lines [from, to] replaced by new lines.
type change struct {
	from, to int
	new      []line
}

// WriteDiff writes a unified diff of what edits (sorted, not overlapping,
// in byte offsets of old) change in old, with the file names a/NAME and
// b/NAME. It writes nothing when there is nothing to change. Lines are
// shown byte for byte, line endings and byte order mark included, as
// diff -u shows them.
func WriteDiff(w io.Writer, name string, old []byte, edits []Edit) error {
	if len(edits) == 0 {
		return nil
	}
	lines := splitLines(old)
	starts := make([]int, len(lines)+1)
	for i, l := range lines {
		starts[i+1] = starts[i] + len(l)
	}
	lineOf := func(off int) int {
		i := sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
		return min(i, max(len(lines)-1, 0))
	}
	var changes []change
	for i := 0; i < len(edits); {
		from, to := lineOf(edits[i].Start), lineOf(max(edits[i].Start, edits[i].End-1))
		j := i + 1
		var nb []byte
		for {
			for j < len(edits) && lineOf(edits[j].Start) <= to {
				to = max(to, lineOf(max(edits[j].Start, edits[j].End-1)))
				j++
			}
			base := starts[from]
			var local []Edit
			for _, e := range edits[i:j] {
				e.Start -= base
				e.End -= base
				local = append(local, e)
			}
			var err error
			if nb, err = Apply(old[base:starts[to+1]], local); err != nil {
				return err
			}
			// A fix that removes a line ending joins the next line.
			if to+1 < len(lines) && (len(nb) == 0 || nb[len(nb)-1] != '\n') {
				to++
				continue
			}
			break
		}
		changes = append(changes, change{from: from, to: to, new: splitLines(nb)})
		i = j
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "--- a/%s\n+++ b/%s\n", name, name)
	delta := 0 // new line number minus old, before the current hunk
	for i := 0; i < len(changes); {
		j := i + 1
		for j < len(changes) && changes[j].from-changes[j-1].to-1 <= 2*context {
			j++
		}
		first, last := max(changes[i].from-context, 0), min(changes[j-1].to+context, len(lines)-1)
		oldN := last - first + 1
		newN := oldN
		for _, c := range changes[i:j] {
			newN += len(c.new) - (c.to - c.from + 1)
		}
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(first+1, oldN), hunkRange(first+1+delta, newN))
		at := first
		for _, c := range changes[i:j] {
			for ; at < c.from; at++ {
				writeLine(&b, ' ', lines[at])
			}
			for ; at <= c.to; at++ {
				writeLine(&b, '-', lines[at])
			}
			for _, l := range c.new {
				writeLine(&b, '+', l)
			}
		}
		for ; at <= last; at++ {
			writeLine(&b, ' ', lines[at])
		}
		delta += newN - oldN
		i = j
	}
	_, err := w.Write(b.Bytes())
	return err
}

// hunkRange writes a hunk header's "start,count" (diff -u leaves out a
// count of 1, and gives an empty range the line before it).
func hunkRange(start, n int) string {
	switch n {
	case 1:
		return fmt.Sprint(start)
	case 0:
		return fmt.Sprintf("%d,0", start-1)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

func writeLine(b *bytes.Buffer, op byte, l line) {
	b.WriteByte(op)
	b.Write(l)
	if len(l) == 0 || l[len(l)-1] != '\n' {
		b.WriteString("\n\\ No newline at end of file\n")
	}
}
