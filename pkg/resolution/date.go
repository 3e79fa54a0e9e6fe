package resolution

import (
	"fmt"
	"slices"
	"strings"
)

// Months lists the English month names, January first.
var Months = [12]string{
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
}

// dateSpan is one date of a date expression.
type dateSpan struct {
	start, end       int
	day, month, year int
}

// upperMonths are Months in capitals ("DECEMBER").
var upperMonths = func() (u [12]string) {
	for m, name := range Months {
		u[m] = strings.ToUpper(name)
	}
	return u
}()

// monthAt reads a month name at i ("December" or "DECEMBER") and returns
// its number (1-12) and end.
func monthAt(s string, i int) (int, int) {
	if i >= len(s) || !isUpper(s[i]) {
		return 0, i
	}
	for m, name := range Months {
		e := i + len(name)
		if s[i] != name[0] || e > len(s) || letterAt(s, e) {
			continue
		}
		if s[i+1:e] != name[1:] && s[i:e] != upperMonths[m] {
			continue
		}
		return m + 1, e
	}
	return 0, i
}

// yearAt reads a four-digit year at i.
func yearAt(s string, i int) (int, int, bool) {
	e := digitsAt(s, i)
	if e-i != 4 || letterAt(s, e) {
		return 0, i, false
	}
	return atoi(s[i:e]), e, true
}

type dateElem struct {
	dateSpan
	hasMonth, hasYear bool
}

// parseDateElem reads "18 December 2009", "4 July" or a bare day "4" (which
// must then be followed by "and" or a comma).
func parseDateElem(s string, i int) (dateElem, bool) {
	e := digitsAt(s, i)
	if e == i || e-i > 2 || spaceLen(s, e) == 0 {
		return dateElem{}, false
	}
	d := dateElem{dateSpan: dateSpan{start: i, end: e, day: atoi(s[i:e])}}
	k := skipSpace(s, e)
	if m, me := monthAt(s, k); m > 0 {
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

// ValidDate reports whether "YYYY-MM-DD" names a real day.
func ValidDate(d string) bool {
	if len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return false
	}
	for i, c := range []byte(d) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	y, m, day := atoi(d[:4]), atoi(d[5:7]), atoi(d[8:])
	return m >= 1 && m <= 12 && day >= 1 && day <= daysIn(y, m)
}

// daysIn returns the number of days of month m (1-12) of year y in the
// proleptic Gregorian calendar, as time.Date(y, m+1, 0, …).Day() does
// at a fraction of the cost.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// FormatDate writes "2009-12-18" as "18 December 2009". Invalid input is
// returned unchanged.
func FormatDate(d string) string {
	var y, m, day int
	if n, _ := fmt.Sscanf(d, "%4d-%2d-%2d", &y, &m, &day); n != 3 || m < 1 || m > 12 {
		return d
	}
	return fmt.Sprintf("%d %s %d", day, Months[m-1], y)
}

// dateProblem explains why "YYYY-MM-DD" is impossible, or returns "".
func dateProblem(d string) string {
	if len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return "it is not a date"
	}
	y, m, day := atoi(d[:4]), atoi(d[5:7]), atoi(d[8:])
	if m < 1 || m > 12 {
		return "it is not a date"
	}
	if day < 1 {
		return "there is no day 0"
	}
	days := daysIn(y, m)
	if day > days {
		if m == 2 && day == 29 {
			return fmt.Sprintf("%d was not a leap year", y)
		}
		return fmt.Sprintf("%s has %d days", Months[m-1], days)
	}
	if y < 1946 {
		return "the United Nations adopted no resolutions before 1946"
	}
	return ""
}

// parseTitle reads ", entitled “…”" at i and returns the title's span and
// the end of the closing quote.
func parseTitle(s string, i int) (int, int, int, bool) {
	j := skipSpace(s, i)
	if j < len(s) && s[j] == ',' {
		j = skipSpace(s, j+1)
	}
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
