package resolution

import (
	"strconv"
	"strings"
)

// Form is the shape of a resolution symbol.
type Form int

// The forms of resolution symbols.
const (
	FormNone            Form = iota
	FormSession              // 64/182 (General Assembly from 1976; HRC, CND, CSW, …)
	FormYear                 // 2009/23 (ECOSOC from 1978, Commission on Human Rights, …)
	FormSpecial              // S-26/2, ES-10/1 (special sessions, new style)
	FormRoman                // 2200 A (XXI), 2253 (ES-V) (General Assembly before 1976, ECOSOC before 1978)
	FormSecurityCouncil      // 1325 (2000)
	FormDotted               // WHA77.1, 77.1 (World Health Assembly: session, then number)
	FormAgency               // GC(68)/RES/9, GC(68)/DEC/10 (IAEA General Conference)
	FormNumberYear           // 7/2025 read as number/year (FAO Conference); see ReadAs
)

// Symbol is a resolution or decision symbol: "64/182", "31/16 A",
// "2009/23", "S-26/2", "ES-10/1", "2200 A (XXI)", "3411 A and B (XXX)",
// "2253 (ES-V)", "1325 (2000)".
type Symbol struct {
	Form Form
	// Canonical is the symbol as the Editorial Manual writes it, whatever
	// the spacing of the text: "2200 A (XXI)" for "2200A (XXI)".
	Canonical string
	// Number is the running number ("182", "2200"); Session the session
	// ("64", "XXI", "S-26", "ES-10", "ES-V", "" for year-bearing forms);
	// Letters the letters ("A", "B"); Year the year of a Security Council
	// "(2000)" or of a year/number symbol such as 2009/23 (0 otherwise).
	Number, Session string
	Letters         []string
	Year            int
	// SessionNum is the number of the session: 64 for "64" and "LXIV", 26
	// for "S-26", 5 for "ES-V"; 0 when there is none.
	SessionNum int
	// Series is the organ's prefix a symbol carries: "WHA" for "WHA77.1",
	// "GC/RES" and "GC/DEC" for "GC(68)/RES/9" and "GC(68)/DEC/10".
	Series string
}

// NewSymbol builds a Symbol from its parts. Its Canonical is the end of
// text when text ends with the canonical symbol (as a symbol read from a
// text nearly always does), which saves building it.
func NewSymbol(form Form, number, session string, letters []string, year int, text string) Symbol {
	return newSymbol(form, "", number, session, letters, year, text)
}

func newSymbol(form Form, series, number, session string, letters []string, year int, text string) Symbol {
	s := Symbol{Form: form, Series: series, Number: number, Session: session, Letters: letters, Year: year}
	if form != FormNone {
		s.Canonical = canonicalOr(text, form, series, number, session, letters, year)
	}
	if session != "" {
		s.SessionNum, _ = SessionValue(session)
	}
	return s
}

// yearLike reports whether a running number could be a year: "2025" of
// the FAO Conference's "7/2025".
func yearLike(number string) bool {
	n := Atoi(number)
	return len(number) == 4 && n >= 1946 && n <= 2100
}

// ReadAs returns s as organ numbers its symbols. The FAO Conference's
// "7/2025" is resolution 7 of its 2025 session, not resolution 2025 of a
// seventh session: read so, its year can be compared with a date.
func (s Symbol) ReadAs(organ string) Symbol {
	if organ == "FAO" && s.Form == FormSession && yearLike(s.Number) {
		t := s
		t.Form, t.Number, t.Year, t.Session, t.SessionNum = FormNumberYear, s.Session, Atoi(s.Number), "", 0
		return t
	}
	return s
}

// AppendCanonical appends s.Canonical to b, built from the parts.
func (s *Symbol) AppendCanonical(b []byte) []byte {
	return appendCanonical(b, s.Form, s.Series, s.Number, s.Session, s.Letters, s.Year)
}

// AppendLetter appends the canonical symbol of one letter of s to b:
// "3411 B (XXX)" for letter 1 of "3411 A and B (XXX)". A registry has one
// entry per letter.
func (s *Symbol) AppendLetter(b []byte, k int) []byte {
	return appendCanonical(b, s.Form, s.Series, s.Number, s.Session, s.Letters[k:k+1], s.Year)
}

// Keys returns the registry symbols s names under prefix ("A/RES/"): one
// per letter ("3411 A and B (XXX)" names A/RES/3411 A (XXX) and A/RES/3411
// B (XXX)).
func (s *Symbol) Keys(prefix string) []string {
	if s.Form == FormNone {
		return nil
	}
	var buf [64]byte
	if len(s.Letters) <= 1 || s.Form == FormDotted { // "WHA77.1" has no letters
		return []string{string(s.AppendCanonical(append(buf[:0], prefix...)))}
	}
	keys := make([]string, len(s.Letters))
	for k := range s.Letters {
		keys[k] = string(s.AppendLetter(append(buf[:0], prefix...), k))
	}
	return keys
}

// SessionValue returns the number of a session written "64", "XXI",
// "S-26", "ES-10", "S-V" or "ES-V".
func SessionValue(s string) (int, bool) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "E"), "S-")
	if s == "" {
		return 0, false
	}
	if isDigit(s[0]) {
		n := Atoi(s)
		return n, n > 0
	}
	return ParseRoman(s)
}

// ParseSymbol reads a resolution or decision symbol at s[i:] and returns
// it and its end: "64/182", "31/16 A", "2009/23", "S-26/2", "ES-10/1",
// "2200 A (XXI)", "3411 A and B (XXX)", "2253 (ES-V)", "1325 (2000)",
// "WHA77.1", "77.1", "GC(68)/RES/9". A symbol glued to a word, a slash or
// a decimal point is not one.
func ParseSymbol(s string, i int) (Symbol, int, bool) {
	var t symTok
	var ok bool
	switch {
	case strings.HasPrefix(s[i:], "ES-"):
		t, ok = parseSpecial(s, i, len("ES-"))
	case strings.HasPrefix(s[i:], "S-"):
		t, ok = parseSpecial(s, i, len("S-"))
	case strings.HasPrefix(s[i:], "WHA"):
		if i == 0 || !isAlnum(s[i-1]) {
			t, ok = parseDotted(s, i+len("WHA"), "WHA")
		}
	case strings.HasPrefix(s[i:], "GC("):
		if i == 0 || !isAlnum(s[i-1]) {
			t, ok = parseAgency(s, i)
		}
	default:
		t, ok = parseNumbered(s, i)
	}
	if !ok {
		return Symbol{}, i, false
	}
	return newSymbol(t.form, t.series, t.number, t.session, t.letters, t.year, s[i:t.end]), t.end, true
}

// symTok is a symbol's parts as ParseSymbol reads them.
type symTok struct {
	end     int
	form    Form
	series  string
	number  string
	session string
	letters []string
	year    int
}

// parseDotted reads the session and number of a World Health Assembly
// resolution, "77.1", at a (after any "WHA").
func parseDotted(s string, a int, series string) (symTok, bool) {
	b := digitsAt(s, a)
	if b == a || b-a > 2 || s[a] == '0' || b+1 >= len(s) || s[b] != '.' {
		return symTok{}, false
	}
	c := digitsAt(s, b+1)
	if c == b+1 || c-b-1 > 3 || s[b+1] == '0' || !symbolEnds(s, c) {
		return symTok{}, false
	}
	return symTok{end: c, form: FormDotted, series: series, session: s[a:b], number: s[b+1 : c]}, true
}

// parseAgency reads an IAEA General Conference symbol at i:
// "GC(68)/RES/9", "GC(69)/RES/16 A", "GC(69)/DEC/10".
func parseAgency(s string, i int) (symTok, bool) {
	a := i + len("GC(")
	b := digitsAt(s, a)
	if b == a || b-a > 3 || s[a] == '0' || !strings.HasPrefix(s[b:], ")/") {
		return symTok{}, false
	}
	var series string
	switch k := b + len(")/"); {
	case strings.HasPrefix(s[k:], "RES/"):
		series = "GC/RES"
	case strings.HasPrefix(s[k:], "DEC/"):
		series = "GC/DEC"
	default:
		return symTok{}, false
	}
	n := b + len(")/RES/")
	e := digitsAt(s, n)
	if !validNumber(s, n, e) || !symbolEnds(s, e) {
		return symTok{}, false
	}
	t := symTok{form: FormAgency, series: series, session: s[a:b], number: s[n:e]}
	t.letters, t.end = parseNewLetters(s, e)
	return t, true
}

// parseSpecial reads a new-style special session symbol, "S-26/2" or
// "ES-10/1", whose prefix is pre bytes long.
func parseSpecial(s string, i, pre int) (symTok, bool) {
	a := i + pre
	b := digitsAt(s, a)
	if b == a || b-a > 2 || s[a] == '0' || b >= len(s) || s[b] != '/' {
		return symTok{}, false
	}
	c := digitsAt(s, b+1)
	if !validNumber(s, b+1, c) || !symbolEnds(s, c) {
		return symTok{}, false
	}
	t := symTok{form: FormSpecial, session: s[i:b], number: s[b+1 : c]}
	t.letters, t.end = parseNewLetters(s, c)
	return t, true
}

// parseNumbered reads a symbol that starts with digits: a session or year
// form ("64/182", "2009/23") or an old form with parentheses ("2200 A
// (XXI)", "1325 (2000)").
func parseNumbered(s string, i int) (symTok, bool) {
	a := digitsAt(s, i)
	if a == i || a-i > 4 || (i > 0 && (isAlnum(s[i-1]) || s[i-1] == '/' || s[i-1] == '.')) {
		return symTok{}, false
	}
	if a < len(s) && s[a] == '/' {
		return parseSlashed(s, i, a)
	}
	if a < len(s) && s[a] == '.' {
		return parseDotted(s, i, "")
	}
	if !validNumber(s, i, a) {
		return symTok{}, false
	}
	return parseParenthesized(s, s[i:a], a)
}

// parseSlashed reads "64/182" or "2009/23" whose first part is s[i:a].
func parseSlashed(s string, i, a int) (symTok, bool) {
	c := digitsAt(s, a+1)
	if !validNumber(s, a+1, c) || !symbolEnds(s, c) {
		return symTok{}, false
	}
	var t symTok
	first := s[i:a]
	switch n := Atoi(first); {
	case len(first) == 4 && n >= 1946 && n <= 2100:
		t.form, t.year = FormYear, n
	case len(first) <= 2 && first[0] != '0' && n >= 1:
		t.form, t.session = FormSession, first
	default:
		return symTok{}, false
	}
	t.number = s[a+1 : c]
	t.letters, t.end = parseNewLetters(s, c)
	return t, true
}

// parseParenthesized reads the rest of an old-style symbol after its
// number, which ends at a: letters, then the session or year in
// parentheses ("A (XXI)", " A and B (XXX)", " (2000)", " (ES-V)").
func parseParenthesized(s, number string, a int) (symTok, bool) {
	j := a
	var letters []string
	if j < len(s) && isUpper(s[j]) && !LetterAt(s, j+1) && j+1 < len(s) && (s[j+1] == ' ' || s[j+1] == '(') {
		// "2200A (XXI)" (letter glued by OCR)
		letters, j = []string{s[j : j+1]}, j+1
	} else if ls, e := parseLetterGroup(s, SkipSpace(s, j)); len(ls) > 0 && SkipSpace(s, j) > j {
		letters, j = ls, e
	}
	k := SkipSpace(s, j)
	if k >= len(s) || s[k] != '(' {
		return symTok{}, false
	}
	close := strings.IndexByte(s[k:min(len(s), k+12)], ')')
	if close < 0 {
		return symTok{}, false
	}
	inner := s[k+1 : k+close]
	t := symTok{number: number, letters: letters, end: k + close + 1}
	switch {
	case len(inner) == 4 && allDigits(inner):
		y := Atoi(inner)
		if y < 1900 || y > 2099 || len(letters) > 0 {
			return symTok{}, false
		}
		t.form, t.year = FormSecurityCouncil, y
	case romanSession(inner):
		t.form, t.session = FormRoman, inner
	default:
		return symTok{}, false
	}
	return t, true
}

// romanSession reports whether the inside of an old-style symbol's
// parentheses is a session: "XXI", "ES-V", "S-VII" or "S-5".
func romanSession(inner string) bool {
	body := inner
	for _, pre := range []string{"ES-", "S-"} {
		if strings.HasPrefix(body, pre) {
			body = body[len(pre):]
			break
		}
	}
	if _, ok := ParseRoman(body); ok {
		return true
	}
	return strings.HasPrefix(inner, "S-") && allDigits(body) && body[0] != '0' && len(body) <= 2
}

// validNumber reports whether s[a:b] is a running number: 1 to 4 digits
// without a leading zero.
func validNumber(s string, a, b int) bool {
	return b > a && b-a <= 4 && s[a] != '0'
}

// symbolEnds reports whether a symbol may end at i: not followed by a
// digit, letter, slash or a decimal point with a digit.
func symbolEnds(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	c := s[i]
	if isAlnum(c) || c == '/' || LetterAt(s, i) {
		return false
	}
	if (c == '.' || c == '-' || c == ',') && i+1 < len(s) && isDigit(s[i+1]) {
		return false
	}
	return true
}

// parseLetterGroup reads "A", "A and B", "A, B and C", "A to D", "A-D" at i.
func parseLetterGroup(s string, i int) ([]string, int) {
	one := func(j int) bool {
		return j < len(s) && isUpper(s[j]) && !LetterAt(s, j+1) && !(j+1 < len(s) && (isDigit(s[j+1]) || s[j+1] == '/' || s[j+1] == '-' || s[j+1] == '.' && j+2 < len(s) && isAlnum(s[j+2])))
	}
	if !one(i) {
		return nil, i
	}
	ls := []string{s[i : i+1]}
	end := i + 1
	for {
		j, rng, ok := letterSep(s, end)
		if !ok || !one(j) {
			return ls, end
		}
		c := s[j]
		if rng {
			from := ls[len(ls)-1][0]
			if c <= from || c-from > 12 {
				return ls, end
			}
			for x := from + 1; x <= c; x++ {
				ls = append(ls, string(rune(x)))
			}
		} else {
			if c <= ls[len(ls)-1][0] {
				return ls, end
			}
			ls = append(ls, s[j:j+1])
		}
		end = j + 1
	}
}

// letterSep reads what joins two letters at end ("-", "–", ", ", ", and
// ", " and ", " to ") and returns where the next letter starts and whether
// the two bound a range.
func letterSep(s string, end int) (next int, rng, ok bool) {
	j := end
	switch {
	case j < len(s) && s[j] == '-':
		return j + 1, true, true
	case strings.HasPrefix(s[j:], "–"):
		return j + len("–"), true, true
	}
	k := SkipSpace(s, j)
	if k < len(s) && s[k] == ',' {
		k = SkipSpace(s, k+1)
		if e, ok := HasWordAt(s, k, "and"); ok {
			k = SkipSpace(s, e)
		}
		return k, false, true
	}
	if e, ok := HasWordAt(s, k, "and"); ok && k > j {
		return SkipSpace(s, e), false, true
	}
	if e, ok := HasWordAt(s, k, "to"); ok && k > j {
		return SkipSpace(s, e), true, true
	}
	return 0, false, false
}

// letterFollowers are the lower-case words that may follow the letters of a
// new-style symbol ("resolution 31/16 A of …"). Any other word makes "A" the
// English article ("resolution 70/1 A new …") and the letters are dropped.
var letterFollowers = map[string]bool{
	"and": true, "to": true, "of": true, "on": true, "in": true, "or": true,
	"entitled": true, "adopted": true, "by": true, "as": true, "which": true,
	"paragraph": true, "paragraphs": true, "para": true, "annex": true,
	"concerning": true, "regarding": true, "relating": true, "that": true,
	"was": true, "were": true, "is": true, "are": true, "has": true,
	"have": true, "with": true, "for": true, "respectively": true,
	"section": true, "sect": true, "part": true, "dated": true,
}

// parseNewLetters reads the letters after a new-style symbol ending at i
// ("31/16 A", "79/573 A and B") and returns them and the symbol's end.
func parseNewLetters(s string, i int) ([]string, int) {
	j := SkipSpace(s, i)
	if j == i || j-i > 2 {
		return nil, i
	}
	ls, e := parseLetterGroup(s, j)
	if len(ls) == 0 {
		return nil, i
	}
	k := SkipSpace(s, e)
	if k >= len(s) {
		return ls, e
	}
	switch s[k] {
	case ',', ';', '.', ':', ')', ']', '"', '\'':
		return ls, e
	}
	if strings.HasPrefix(s[k:], "”") || strings.HasPrefix(s[k:], "’") {
		return ls, e
	}
	w := k
	for w < len(s) && isLower(s[w]) {
		w++
	}
	if w > k && letterFollowers[s[k:w]] && !LetterAt(s, w) {
		return ls, e
	}
	return nil, i
}

// letterList renders letters the way the Editorial Manual writes them:
// "A", "A and B", "A to D", "A, B and D".
func letterList(ls []string) string {
	switch len(ls) {
	case 0:
		return ""
	case 1:
		return ls[0]
	case 2:
		return ls[0] + " and " + ls[1]
	}
	run := true
	for i := 1; i < len(ls); i++ {
		if len(ls[i]) != 1 || len(ls[i-1]) != 1 || ls[i][0] != ls[i-1][0]+1 {
			run = false
		}
	}
	if run {
		return ls[0] + " to " + ls[len(ls)-1]
	}
	return strings.Join(ls[:len(ls)-1], ", ") + " and " + ls[len(ls)-1]
}

// canonicalOr is the canonical symbol, but the end of text when text ends
// with it: nearly every symbol is read in its canonical form ("64/182"),
// and a substring of the text costs no allocation.
func canonicalOr(text string, form Form, series, number, session string, letters []string, year int) string {
	var buf [64]byte
	b := appendCanonical(buf[:0], form, series, number, session, letters, year)
	if len(b) <= len(text) && string(b) == text[len(text)-len(b):] {
		return text[len(text)-len(b):]
	}
	return string(b)
}

// appendCanonical appends the canonical symbol built from its parts to b,
// so that a registry key ("A/RES/" + "64/182") can be built in a buffer on
// the stack instead of a string for every reference.
func appendCanonical(b []byte, form Form, series, number, session string, letters []string, year int) []byte {
	switch form {
	case FormDotted:
		b = append(b, series...)
		b = append(b, session...)
		b = append(b, '.')
		b = append(b, number...)
	case FormAgency:
		b = append(b, "GC("...)
		b = append(b, session...)
		b = append(b, ")/"...)
		b = append(b, series[len("GC/"):]...)
		b = append(b, '/')
		b = append(b, number...)
		b = appendLetterList(b, letters)
	case FormNumberYear:
		b = append(b, number...)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(year), 10)
		b = appendLetterList(b, letters)
	case FormSession, FormSpecial:
		b = append(b, session...)
		b = append(b, '/')
		b = append(b, number...)
		b = appendLetterList(b, letters)
	case FormYear:
		b = strconv.AppendInt(b, int64(year), 10)
		b = append(b, '/')
		b = append(b, number...)
		b = appendLetterList(b, letters)
	case FormRoman:
		b = append(b, number...)
		b = appendLetterList(b, letters)
		b = append(b, " ("...)
		b = append(b, session...)
		b = append(b, ')')
	case FormSecurityCouncil:
		b = append(b, number...)
		b = appendLetterList(b, letters)
		b = append(b, " ("...)
		b = strconv.AppendInt(b, int64(year), 10)
		b = append(b, ')')
	}
	return b
}

// appendLetterList appends " " + letterList(ls) to b, or nothing when the
// list renders as "".
func appendLetterList(b []byte, ls []string) []byte {
	switch len(ls) {
	case 0:
		return b
	case 1:
		if ls[0] == "" {
			return b
		}
		b = append(b, ' ')
		return append(b, ls[0]...)
	}
	return append(append(b, ' '), letterList(ls)...)
}

// SymbolLess orders registry symbols with their numbers compared as
// numbers: A/RES/2/1 < A/RES/10/1.
func SymbolLess(a, b string) bool {
	for a != "" && b != "" {
		if isDigit(a[0]) && isDigit(b[0]) {
			ea, eb := digitsAt(a, 0), digitsAt(b, 0)
			na, nb := strings.TrimLeft(a[:ea], "0"), strings.TrimLeft(b[:eb], "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			a, b = a[ea:], b[eb:]
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}
