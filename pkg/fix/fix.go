// Package fix applies the certain fixes that findings carry (diag.Fix) to
// the files they were found in, and shows them as a unified diff.
//
// A fix is applied only when it is certain: the checks attach one only
// where the registry leaves a single answer (a treaty's own year, the
// one registration number of an instrument whose volume and title both
// match). Fixes that overlap another fix with a different replacement are
// dropped: neither is certain any more.
package fix

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/diag"
)

// Edit replaces the bytes [Start, End) of a text with New.
type Edit struct {
	Start, End int
	New        string
	// Old is the text replaced, for checking and for messages.
	Old string
	// Diag is the finding the edit fixes.
	Diag *diag.Diagnostic
}

// Edits collects the fixes of ds as edits of text (the text the findings'
// offsets count in), sorted by position. Identical fixes of several
// findings become one edit (its Diag the first finding); fixes that
// overlap with different replacements are all dropped and returned as
// conflicts.
func Edits(text []byte, ds []diag.Diagnostic) (edits []Edit, conflicts []*diag.Diagnostic) {
	for i := range ds {
		d := &ds[i]
		if d.Fix == nil {
			continue
		}
		s, e := d.Fix.Span.Start.Offset, d.Fix.Span.End.Offset
		if s < 0 || e > len(text) || s > e || !boundary(text, s) || !boundary(text, e) {
			conflicts = append(conflicts, d)
			continue
		}
		edits = append(edits, Edit{Start: s, End: e, New: d.Fix.Replacement, Old: string(text[s:e]), Diag: d})
	}
	slices.SortStableFunc(edits, func(a, b Edit) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	// Clusters of overlapping edits: one edit if they are all the same
	// fix, none if they disagree.
	var out []Edit
	for i := 0; i < len(edits); {
		j, end := i+1, edits[i].End
		for j < len(edits) && (edits[j].Start < end || edits[j].Start == edits[i].Start) {
			end = max(end, edits[j].End)
			j++
		}
		same := true
		for _, e := range edits[i+1 : j] {
			if e.Start != edits[i].Start || e.End != edits[i].End || e.New != edits[i].New {
				same = false
			}
		}
		switch {
		case !same:
			for _, e := range edits[i:j] {
				conflicts = append(conflicts, e.Diag)
			}
		case edits[i].Old != edits[i].New:
			out = append(out, edits[i])
		}
		i = j
	}
	edits = out
	return edits, conflicts
}

func boundary(b []byte, i int) bool {
	return i == 0 || i == len(b) || utf8.RuneStart(b[i])
}

// Apply returns text with edits (sorted, not overlapping) applied.
func Apply(text []byte, edits []Edit) ([]byte, error) {
	out := make([]byte, 0, len(text))
	at := 0
	for _, e := range edits {
		if e.Start < at || e.End > len(text) || e.Start > e.End {
			return nil, errors.New("overlapping or out-of-range edits")
		}
		if string(text[e.Start:e.End]) != e.Old {
			return nil, fmt.Errorf("text at offset %d is %q, not %q", e.Start, text[e.Start:e.End], e.Old)
		}
		out = append(out, text[at:e.Start]...)
		out = append(out, e.New...)
		at = e.End
	}
	return append(out, text[at:]...), nil
}

// Shift moves edits by n bytes (for a file whose text view starts n bytes
// into the file, after a byte order mark).
func Shift(edits []Edit, n int) []Edit {
	out := make([]Edit, len(edits))
	for i, e := range edits {
		e.Start += n
		e.End += n
		out[i] = e
	}
	return out
}
