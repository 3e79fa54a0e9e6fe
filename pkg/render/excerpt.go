package render

import (
	"strings"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/source"
)

// excerpt is a finding's source line cut to a window around the cited
// text, split so that a format can mark the cited part, and the caret that
// goes under it.
type excerpt struct {
	Line                 int
	Prefix, Suffix       string // "…" where the line was cut
	Before, Cited, After string
	Lead                 int    // display cells before the caret
	Marks                string // "^~~~"
}

// makeExcerpt cuts the line of d's start to at most width display cells
// around the cited text. ok is false when there is no source line to show.
func makeExcerpt(f *source.File, d *diag.Diagnostic, width int, sl *splitLine) (ex excerpt, ok bool) {
	if f == nil || d.Span.Start.Line < 1 || d.Span.Start.Line > f.Lines() {
		return ex, false
	}
	runes, lineWidth := sl.runes(f, d.Span.Start.Line)
	start := d.Span.Start.Col - 1
	end := start + 1
	switch {
	case d.Span.End.Line == d.Span.Start.Line && d.Span.End.Col > d.Span.Start.Col:
		end = d.Span.End.Col - 1
	case d.Span.End.Line > d.Span.Start.Line:
		end = len(runes) // the cited text goes on: mark the rest of the line
	}
	start = min(max(start, 0), len(runes))
	end = min(max(end, start), len(runes))
	from, to := 0, len(runes)
	if lineWidth > width {
		from = max(0, start-width/2)
		to = min(len(runes), max(end+width/4, from+width))
		if from > 0 {
			ex.Prefix = "…"
		}
		if to < len(runes) {
			ex.Suffix = "…"
		}
	}
	ex.Line = d.Span.Start.Line
	ex.Before, ex.Cited, ex.After = string(runes[from:start]), string(runes[start:end]), string(runes[end:to])
	ex.Lead = stringWidth(ex.Prefix + ex.Before)
	ex.Marks = "^" + strings.Repeat("~", max(1, stringWidth(ex.Cited))-1)
	return ex, true
}

// splitLine is the source line of the last finding an excerpt was cut
// for, split as the excerpt reads it, with its display width. A file's
// findings come in order, so those of one line split it once: a file of
// one line holding 21,800 findings took over 2 minutes to report when each
// split and measured the whole line.
type splitLine struct {
	f     *source.File
	n     int // the line's number; 0 before the first
	split []string
	rs    []rune
	width int
}

// cells returns line n of f as displayCells splits it, and the width of
// what it shows.
func (sl *splitLine) cells(f *source.File, n int) ([]string, int) {
	if sl.f != f || sl.n != n || sl.split == nil {
		*sl = splitLine{f: f, n: n, split: displayCells(f.Line(n))}
		sl.width = stringWidth(strings.Join(sl.split, ""))
	}
	return sl.split, sl.width
}

// runes returns line n of f as runes, tabs as spaces, and the display
// width of the line.
func (sl *splitLine) runes(f *source.File, n int) ([]rune, int) {
	if sl.f != f || sl.n != n || sl.rs == nil {
		line := f.Line(n)
		*sl = splitLine{f: f, n: n, rs: []rune(strings.ReplaceAll(line, "\t", " ")), width: stringWidth(line)}
	}
	return sl.rs, sl.width
}
