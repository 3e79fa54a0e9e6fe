package resolution

import "strings"

var romanDigits = []struct {
	v int
	s string
}{
	{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
	{50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"},
}

// Roman returns n (1..3999) as an upper-case roman numeral.
func Roman(n int) string {
	if n <= 0 || n >= 4000 {
		return ""
	}
	var buf [16]byte
	return string(appendRoman(buf[:0], n))
}

// appendRoman appends Roman(n) to b, for 0 < n < 4000.
func appendRoman(b []byte, n int) []byte {
	for _, d := range romanDigits {
		for n >= d.v {
			b = append(b, d.s...)
			n -= d.v
		}
	}
	return b
}

// ParseRoman returns the value of a canonical upper-case roman numeral
// ("XXI" = 21). Non-canonical spellings such as "IIII" are rejected. It
// allocates nothing: the checks read the session of every old-style
// symbol with it.
func ParseRoman(s string) (int, bool) {
	if s == "" || len(s) > 15 {
		return 0, false
	}
	n, i := 0, 0
	for _, d := range romanDigits {
		for strings.HasPrefix(s[i:], d.s) {
			n += d.v
			i += len(d.s)
		}
	}
	if i != len(s) || n >= 4000 {
		return 0, false
	}
	var buf [16]byte
	if string(appendRoman(buf[:0], n)) != s {
		return 0, false
	}
	return n, true
}

var ordinalUnits = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
	"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
	"sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
	"hundredth": 100,
}

var tens = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

// ParseOrdinal reads an English ordinal word such as "Sixty-fourth" (64).
func ParseOrdinal(s string) (int, bool) {
	s = strings.ToLower(s)
	if n, ok := ordinalUnits[s]; ok {
		return n, true
	}
	t, u, ok := strings.Cut(s, "-")
	if !ok {
		return 0, false
	}
	tv, ok1 := tens[t]
	uv, ok2 := ordinalUnits[u]
	if !ok1 || !ok2 || uv >= 10 {
		return 0, false
	}
	return tv + uv, true
}
