package extract

import (
	"slices"
	"strings"

	"github.com/citecheck/citecheck/pkg/resolution"
)

// dateSpan is one date of a date expression.
type dateSpan struct {
	start, end       int
	day, month, year int
}

// yearAt reads a four-digit year at i.
func yearAt(s string, i int) (int, int, bool) {
	e := digits(s, i)
	if e-i != 4 || letterAt(s, e) {
		return 0, i, false
	}
	return resolution.Atoi(s[i:e]), e, true
}

type dateElem struct {
	dateSpan
	hasMonth, hasYear bool
}

// parseDateElem reads "18 December 2009", "4 July" or a bare day "4" (which
// must then be followed by "and" or a comma).
func parseDateElem(s string, i int) (dateElem, bool) {
	e := digits(s, i)
	if e == i || e-i > 2 || resolution.SpaceLen(s, e) == 0 {
		return dateElem{}, false
	}
	d := dateElem{dateSpan: dateSpan{start: i, end: e, day: resolution.Atoi(s[i:e])}}
	k := skipSpace(s, e)
	if m, me := resolution.MonthAt(s, k); m > 0 {
		d.month, d.hasMonth, d.end = m, true, me
		y := skipSpace(s, me)
		if y > me {
			if yv, ye, ok := yearAt(s, y); ok {
				d.year, d.hasYear, d.end = yv, true, ye
			}
		}
		return d, true
	}
	if k < len(s) && s[k] == ',' {
		return d, true
	}
	if _, ok := hasWordAt(s, k, "and"); ok {
		return d, true
	}
	return dateElem{}, false
}

// parseOfDates reads " of 18 December 2009", " of 4 and 14 July 1967,
// respectively", " of 18 December 2009 and 20 December 2010" at i. It
// returns the dates (appended to dst[:0], so that a caller can reuse one
// buffer), the end of the expression (after any "respectively") and
// whether one was found.
func parseOfDates(s string, i int, dst []dateSpan) ([]dateSpan, int, bool) {
	j := skipSpace(s, i)
	if j == i {
		return nil, i, false
	}
	e, ok := hasWordAt(s, j, "of")
	if !ok {
		return nil, i, false
	}
	k := skipSpace(s, e)
	if k == e {
		return nil, i, false
	}
	var buf [4]dateElem // room for most lists, on the stack
	elems := buf[:0]
	complete := 0
	for {
		d, ok := parseDateElem(s, k)
		if !ok {
			break
		}
		elems = append(elems, d)
		if d.hasYear {
			complete = len(elems)
		}
		// separator
		q := skipSpace(s, d.end)
		sep := false
		if q < len(s) && s[q] == ',' {
			q = skipSpace(s, q+1)
			sep = true
		}
		if ae, ok := hasWordAt(s, q, "and"); ok {
			q = skipSpace(s, ae)
			sep = true
		}
		if !sep {
			break
		}
		k = q
	}
	if complete == 0 {
		return nil, i, false
	}
	elems = elems[:complete]
	out := slices.Grow(dst[:0], len(elems))[:len(elems)]
	for x := len(elems) - 1; x >= 0; x-- {
		d := elems[x]
		if !d.hasMonth {
			d.month = elems[x+1].month
		}
		if !d.hasYear {
			d.year = elems[x+1].year
			d.hasYear = true
		}
		d.hasMonth = true
		elems[x] = d
		out[x] = d.dateSpan
	}
	end := out[len(out)-1].end
	q := skipSpace(s, end)
	if q < len(s) && s[q] == ',' {
		if re, ok := hasWordAt(s, skipSpace(s, q+1), "respectively"); ok {
			end = re
		}
	} else if re, ok := hasWordAt(s, q, "respectively"); ok && q > end {
		end = re
	}
	return out, end, true
}

// parseTitle reads ", entitled “…”" at i and returns the title's span and
// the end of the closing quote.
func parseTitle(s string, i int) (int, int, int, bool) {
	j := skipComma(s, i)
	e, ok := hasWordAt(s, j, "entitled")
	if !ok {
		return 0, 0, 0, false
	}
	k := skipSpace(s, e)
	var closers []string
	var open int
	switch {
	case strings.HasPrefix(s[k:], "“"):
		open, closers = len("“"), []string{"”", "\""}
	case strings.HasPrefix(s[k:], "\""):
		open, closers = 1, []string{"\"", "”"}
	case strings.HasPrefix(s[k:], "„"):
		open, closers = len("„"), []string{"“", "”"}
	default:
		return 0, 0, 0, false
	}
	ts := k + open
	limit := min(len(s), ts+600)
	for _, c := range closers {
		x := strings.Index(s[ts:limit], c)
		if x <= 0 {
			continue
		}
		te := ts + x
		end := te + len(c)
		// Trim white space and punctuation inside the closing quote:
		// “…,” and “… .”
		for te > ts {
			r := s[te-1]
			if r == ',' || r == '.' || r == ';' || r == ' ' {
				te--
				continue
			}
			break
		}
		for ts < te && s[ts] == ' ' {
			ts++
		}
		if te <= ts {
			return 0, 0, 0, false
		}
		return ts, te, end, true
	}
	return 0, 0, 0, false
}
