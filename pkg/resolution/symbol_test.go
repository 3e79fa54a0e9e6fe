package resolution

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestParseSymbol(t *testing.T) {
	tests := []struct {
		in, text, canonical string
		form                Form
		number, session     string
		letters             string // space-separated
		year, sessionNum    int
	}{
		{"64/182 of", "64/182", "64/182", FormSession, "182", "64", "", 0, 64},
		{"31/16 A of", "31/16 A", "31/16 A", FormSession, "16", "31", "A", 0, 31},
		{"79/573 A and B,", "79/573 A and B", "79/573 A and B", FormSession, "573", "79", "A B", 0, 79},
		{"70/1 A new agenda", "70/1", "70/1", FormSession, "1", "70", "", 0, 70},
		{"2009/23", "2009/23", "2009/23", FormYear, "23", "", "", 2009, 0},
		{"S-26/2", "S-26/2", "S-26/2", FormSpecial, "2", "S-26", "", 0, 26},
		{"ES-10/1", "ES-10/1", "ES-10/1", FormSpecial, "1", "ES-10", "", 0, 10},
		{"2200 A (XXI)", "2200 A (XXI)", "2200 A (XXI)", FormRoman, "2200", "XXI", "A", 0, 21},
		{"2200A (XXI)", "2200A (XXI)", "2200 A (XXI)", FormRoman, "2200", "XXI", "A", 0, 21},
		{"3411 A and B (XXX)", "3411 A and B (XXX)", "3411 A and B (XXX)", FormRoman, "3411", "XXX", "A B", 0, 30},
		{"3419 A to D (XXX)", "3419 A to D (XXX)", "3419 A to D (XXX)", FormRoman, "3419", "XXX", "A B C D", 0, 30},
		{"2253 (ES-V)", "2253 (ES-V)", "2253 (ES-V)", FormRoman, "2253", "ES-V", "", 0, 5},
		{"3362 (S-VII)", "3362 (S-VII)", "3362 (S-VII)", FormRoman, "3362", "S-VII", "", 0, 7},
		{"1325 (2000)", "1325 (2000)", "1325 (2000)", FormSecurityCouncil, "1325", "", "", 2000, 0},
		{"1325\u00a0(2000)", "1325\u00a0(2000)", "1325 (2000)", FormSecurityCouncil, "1325", "", "", 2000, 0},
	}
	for _, tt := range tests {
		s, end, ok := ParseSymbol(tt.in, 0)
		if !ok {
			t.Errorf("ParseSymbol(%q) failed", tt.in)
			continue
		}
		got := fmt.Sprintf("%q %q %v %s/%s [%s] %d %d", tt.in[:end], s.Canonical, s.Form, s.Session, s.Number, strings.Join(s.Letters, " "), s.Year, s.SessionNum)
		want := fmt.Sprintf("%q %q %v %s/%s [%s] %d %d", tt.text, tt.canonical, tt.form, tt.session, tt.number, tt.letters, tt.year, tt.sessionNum)
		if got != want {
			t.Errorf("ParseSymbol(%q)\n  = %s\nwant %s", tt.in, got, want)
		}
	}
	for _, in := range []string{"", "0/1", "64/0182", "123/4", "12345/6", "1325 (1899)", "1325 A (2000)", "2200 (XXIIII)", "S-0/1", "64/182/3", "64/182.5", "A64/182", "1 (I", "2200"} {
		if s, end, ok := ParseSymbol(in, 0); ok {
			t.Errorf("ParseSymbol(%q) = %+v (end %d), want none", in, s, end)
		}
	}
	// Glued to what comes before: not a symbol.
	if _, _, ok := ParseSymbol("E/64/182", 2); ok {
		t.Error("symbol inside a document symbol")
	}
}

func TestKeys(t *testing.T) {
	for in, want := range map[string]string{
		"64/182":             "A/RES/64/182",
		"3411 A and B (XXX)": "A/RES/3411 A (XXX) A/RES/3411 B (XXX)",
		"79/573 A and B":     "A/RES/79/573 A A/RES/79/573 B",
	} {
		s, _, _ := ParseSymbol(in, 0)
		if got := strings.Join(s.Keys("A/RES/"), " "); got != want {
			t.Errorf("Keys(%q) = %q, want %q", in, got, want)
		}
	}
	var none Symbol
	if none.Keys("A/RES/") != nil {
		t.Error("keys of no symbol")
	}
}

func TestParseRoman(t *testing.T) {
	for s, n := range map[string]int{"I": 1, "IV": 4, "XXI": 21, "XXX": 30, "XLVIII": 48, "LXIV": 64, "MMMCMXCIX": 3999} {
		if v, ok := ParseRoman(s); !ok || v != n {
			t.Errorf("ParseRoman(%q) = %d, %v", s, v, ok)
		}
		if Roman(n) != s {
			t.Errorf("Roman(%d) = %q", n, Roman(n))
		}
	}
	for _, s := range []string{"", "IIII", "VV", "IL", "xx", "XXl", "MMMM", "MMMMMMMMMMMMMMM"} {
		if _, ok := ParseRoman(s); ok {
			t.Errorf("ParseRoman(%q) accepted", s)
		}
	}
	if testing.AllocsPerRun(100, func() { ParseRoman("LXIV") }) != 0 {
		t.Error("ParseRoman allocates")
	}
}

func TestSymbolLess(t *testing.T) {
	syms := []string{"A/RES/10/1", "A/RES/2/1", "A/RES/2/10", "A/RES/2/9", "S/RES/1325 (2000)", "A/DEC/79/512"}
	slices.SortFunc(syms, func(a, b string) int {
		switch {
		case SymbolLess(a, b):
			return -1
		case SymbolLess(b, a):
			return 1
		}
		return 0
	})
	if got := strings.Join(syms, " "); got != "A/DEC/79/512 A/RES/2/1 A/RES/2/9 A/RES/2/10 A/RES/10/1 S/RES/1325 (2000)" {
		t.Errorf("sorted: %s", got)
	}
}

// FuzzParseSymbol: ParseSymbol never panics, reads a symbol that ends
// inside the text, and its canonical form reads back as the same symbol.
func FuzzParseSymbol(f *testing.F) {
	for _, s := range []string{"64/182 of", "31/16 A, B and D of", "2009/23", "S-26/2", "ES-10/1", "2200A (XXI)", "3411 A to D (XXX)", "2253 (ES-V)", "1325 (2000)", "3362 (S-7)", "1 A–C (I)", "70/1 A new"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, i int) {
		if i < 0 || i > len(s) {
			return
		}
		sym, end, ok := ParseSymbol(s, i)
		if !ok {
			return
		}
		if end <= i || end > len(s) {
			t.Fatalf("ParseSymbol(%q, %d) ends at %d", s, i, end)
		}
		back, bend, ok := ParseSymbol(sym.Canonical, 0)
		if !ok || bend != len(sym.Canonical) || back.Canonical != sym.Canonical || back.Form != sym.Form || back.SessionNum != sym.SessionNum {
			t.Fatalf("canonical %q of %q reads back as %+v (end %d, %v)", sym.Canonical, s[i:end], back, bend, ok)
		}
	})
}

// FuzzISODate compares ISODate and the canonical year forms with fmt.
func FuzzISODate(f *testing.F) {
	f.Add(2009, 12, 18)
	f.Add(0, 0, 0)
	f.Add(10000, 100, 7)
	f.Add(-1, 3, -4)
	f.Fuzz(func(t *testing.T, y, m, d int) {
		if got, want := ISODate(y, m, d), fmt.Sprintf("%04d-%02d-%02d", y, m, d); got != want {
			t.Fatalf("ISODate(%d, %d, %d) = %q, want %q", y, m, d, got, want)
		}
		s := NewSymbol(FormYear, "23", "", []string{"A"}, y, "")
		if got, want := s.Canonical, fmt.Sprintf("%d/%s%s", y, "23", " A"); got != want {
			t.Fatalf("canonical year form: %q, want %q", got, want)
		}
		s = NewSymbol(FormSecurityCouncil, "1325", "", nil, y, "")
		if got, want := s.Canonical, fmt.Sprintf("%s (%d)", "1325", y); got != want {
			t.Fatalf("canonical Security Council form: %q, want %q", got, want)
		}
	})
}

// canonicalFmtSeries is the canonical symbol as it was built, with fmt
// (and the forms added since).
func canonicalFmtSeries(form Form, series, number, session string, letters []string, year int) string {
	l := letterList(letters)
	if l != "" {
		l = " " + l
	}
	switch form {
	case FormDotted:
		return series + session + "." + number
	case FormAgency:
		return "GC(" + session + ")/" + strings.TrimPrefix(series, "GC/") + "/" + number + l
	case FormNumberYear:
		return fmt.Sprintf("%s/%d%s", number, year, l)
	case FormSession, FormSpecial:
		return session + "/" + number + l
	case FormYear:
		return fmt.Sprintf("%d/%s%s", year, number, l)
	case FormRoman:
		return number + l + " (" + session + ")"
	case FormSecurityCouncil:
		return fmt.Sprintf("%s%s (%d)", number, l, year)
	}
	return ""
}

// FuzzCanonical compares NewSymbol's canonical form, which may be a piece
// of the text, and the registry keys with canonicalFmt, for lists of up to
// four letters.
func FuzzCanonical(f *testing.F) {
	f.Add("resolution 64/182", 1, "182", "64", "", "", "", "", 0)
	f.Add("A/RES/2009/23", 2, "23", "", "", "", "", "", 2009)
	f.Add("1325 (2000)", 5, "1325", "", "", "", "", "", 2000)
	f.Add("3411 A to D (XXX)", 4, "3411", "XXX", "A", "B", "C", "D", 0)
	f.Add("31/16 A, B and D", 1, "16", "31", "A", "B", "D", "", 0)
	f.Add("", 0, "", "", "", "", "", "", 0)
	f.Fuzz(func(t *testing.T, text string, form int, number, session, l1, l2, l3, l4 string, year int) {
		var letters []string
		for _, l := range []string{l1, l2, l3, l4} {
			if l != "" {
				letters = append(letters, l)
			}
		}
		fm := Form((form%9 + 9) % 9)
		series := ""
		switch {
		case fm == FormAgency:
			series = "GC/RES"
		case fm == FormDotted && year%2 == 0:
			series = "WHA"
		}
		want := canonicalFmtSeries(fm, series, number, session, letters, year)
		if got := newSymbol(fm, series, number, session, letters, year, text).Canonical; got != want {
			t.Fatalf("canonical = %q, want %q", got, want)
		}
		if got := newSymbol(fm, series, number, session, letters, year, want).Canonical; got != want {
			t.Fatalf("canonical of itself = %q, want %q", got, want)
		}
		s := newSymbol(fm, series, number, session, letters, year, "")
		keys := s.Keys("A/RES/")
		switch {
		case fm == FormNone:
			if keys != nil {
				t.Fatalf("keys %q of no symbol", keys)
			}
		case len(letters) <= 1 || fm == FormDotted:
			if len(keys) != 1 || keys[0] != "A/RES/"+want {
				t.Fatalf("keys %q, want %q", keys, "A/RES/"+want)
			}
		default:
			for k, l := range letters {
				if w := "A/RES/" + canonicalFmtSeries(fm, series, number, session, []string{l}, year); keys[k] != w {
					t.Fatalf("key %d = %q, want %q", k, keys[k], w)
				}
			}
		}
	})
}

// atoiOld is Atoi as it was, with strconv for every string.
func atoiOld(s string) int {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return -1
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// FuzzAtoi compares Atoi with atoiOld.
func FuzzAtoi(f *testing.F) {
	for _, s := range []string{"", "0", "64", "2009", "12a", "1_0", "+1", "-1", "999999999999999999", "9223372036854775807", "9223372036854775808", "0000000000000000000001", "1\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Atoi(s), atoiOld(s); got != want {
			t.Fatalf("Atoi(%q) = %d, want %d", s, got, want)
		}
	})
}

// monthAtOld is MonthAt as it was before upperMonths.
func monthAtOld(s string, i int) (int, int) {
	for m, name := range Months {
		if len(s)-i < len(name) || !isUpper(s[i]) || !strings.EqualFold(s[i:i+len(name)], name) {
			continue
		}
		e := i + len(name)
		if LetterAt(s, e) {
			continue
		}
		if s[i+1:e] != name[1:] && s[i:e] != strings.ToUpper(name) {
			continue
		}
		return m + 1, e
	}
	return 0, i
}

// FuzzMonthAt compares MonthAt with monthAtOld at every offset.
func FuzzMonthAt(f *testing.F) {
	for _, s := range []string{"18 December 2009", "MAY", "Mayor", "JUNE JUly July", "Augu\u017ft", "AprilMarch March2 Sept", "K\u212a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			m1, e1 := MonthAt(s, i)
			m2, e2 := monthAtOld(s, i)
			if m1 != m2 || e1 != e2 {
				t.Fatalf("MonthAt(%q, %d) = %d, %d; before: %d, %d", s, i, m1, e1, m2, e2)
			}
		}
	})
}

// FuzzDaysIn compares DaysIn with the time package.
func FuzzDaysIn(f *testing.F) {
	f.Add(2000, 2)
	f.Add(1900, 2)
	f.Add(-4, 2)
	f.Add(-1, 12)
	f.Fuzz(func(t *testing.T, y, m int) {
		m = 1 + (m%12+12)%12
		y %= 1_000_000
		if got, want := DaysIn(y, m), time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
			t.Fatalf("DaysIn(%d, %d) = %d, want %d", y, m, got, want)
		}
	})
}

// skipSpaceOld is SkipSpace before its fast path.
func skipSpaceOld(s string, i int) int {
	for {
		n := SpaceLen(s, i)
		if n == 0 {
			return i
		}
		i += n
	}
}

// FuzzSkipSpace compares SkipSpace with skipSpaceOld at every offset.
func FuzzSkipSpace(f *testing.F) {
	for _, s := range []string{"a  b", " \t\n\r\f\v x", "\u00a0\u2009 \u202fy", "\x7f \x1f", "\u2028", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s)+1; i++ {
			if got, want := SkipSpace(s, i), skipSpaceOld(s, i); got != want {
				t.Fatalf("SkipSpace(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}

func TestDates(t *testing.T) {
	for d, want := range map[string]string{
		"2009-12-18": "", "2009-04-31": "April has 30 days", "2023-02-29": "2023 was not a leap year",
		"2024-02-29": "", "2009-13-01": "it is not a date", "2009-12-00": "there is no day 0",
		"1945-06-26": "the United Nations adopted no resolutions before 1946", "2009-1-18": "it is not a date",
	} {
		if got := DateProblem(d); got != want {
			t.Errorf("DateProblem(%q) = %q, want %q", d, got, want)
		}
		if ValidDate(d) != (want == "" || strings.HasPrefix(want, "the United Nations")) {
			t.Errorf("ValidDate(%q) = %v", d, ValidDate(d))
		}
	}
	for in, want := range map[string]string{
		"2009-12-18": "18 December 2009",
		"1946-02-05": "5 February 1946", // no leading zero in the day
		"2009":       "2009",            // a year alone stays as it is
		"2009-13-01": "2009-13-01",      // no month 13
		"2009-00-01": "2009-00-01",
		"2009-1-05":  "2009-1-05", // not the registry's form
		"2009-12-1x": "2009-12-1x",
		"":           "",
	} {
		if got := FormatDate(in); got != want {
			t.Errorf("FormatDate(%q) = %q, want %q", in, got, want)
		}
	}
}
