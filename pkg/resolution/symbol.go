package resolution

import "strings"

// symTok is a resolution symbol read from text.
type symTok struct {
	start, end int
	form       Form
	number     string
	session    string
	letters    []string
	year       int
}

func (t symTok) canonical() string {
	return canonical(t.form, t.number, t.session, t.letters, t.year)
}

// canonicalIn is t.canonical(), as a substring of s (which t was read
// from) when the symbol is written there in canonical form.
func (t *symTok) canonicalIn(s string) string {
	return canonicalOr(s[t.start:t.end], t.form, t.number, t.session, t.letters, t.year)
}

// parseSymbol reads a resolution or decision symbol at i: "64/182",
// "31/16 A", "2009/23", "S-26/2", "ES-10/1", "2200 A (XXI)",
// "3411 A and B (XXX)", "2253 (ES-V)", "1325 (2000)".
func parseSymbol(s string, i int) (symTok, bool) {
	t := symTok{start: i}
	// S-26/2, ES-10/1
	for _, pre := range []string{"ES-", "S-"} {
		if !strings.HasPrefix(s[i:], pre) {
			continue
		}
		a := i + len(pre)
		b := digitsAt(s, a)
		if b == a || b-a > 2 || s[a] == '0' || b >= len(s) || s[b] != '/' {
			return t, false
		}
		c := digitsAt(s, b+1)
		if !validNumber(s, b+1, c) || !symbolEnds(s, c) {
			return t, false
		}
		t.form, t.session, t.number = FormSpecial, s[i:b], s[b+1:c]
		t.end = c
		t.letters, t.end = parseNewLetters(s, c)
		return t, true
	}
	a := digitsAt(s, i)
	if a == i || a-i > 4 || (i > 0 && (isAlnum(s[i-1]) || s[i-1] == '/' || s[i-1] == '.')) {
		return t, false
	}
	if a < len(s) && s[a] == '/' {
		c := digitsAt(s, a+1)
		if !validNumber(s, a+1, c) || !symbolEnds(s, c) {
			return t, false
		}
		first := s[i:a]
		switch n := atoi(first); {
		case len(first) == 4 && n >= 1946 && n <= 2100:
			t.form, t.year = FormYear, n
		case len(first) <= 2 && first[0] != '0' && n >= 1:
			t.form, t.session = FormSession, first
		default:
			return t, false
		}
		t.number = s[a+1 : c]
		t.letters, t.end = parseNewLetters(s, c)
		return t, true
	}
	if !validNumber(s, i, a) {
		return t, false
	}
	t.number = s[i:a]
	// Old style: letters, then the parenthesized session or year.
	j := a
	var letters []string
	if j < len(s) && isUpper(s[j]) && !letterAt(s, j+1) && j+1 < len(s) && (s[j+1] == ' ' || s[j+1] == '(') {
		// "2200A (XXI)" (letter glued by OCR)
		letters, j = []string{s[j : j+1]}, j+1
	} else if ls, e := parseLetterGroup(s, skipSpace(s, j)); len(ls) > 0 && skipSpace(s, j) > j {
		letters, j = ls, e
	}
	k := skipSpace(s, j)
	if k >= len(s) || s[k] != '(' {
		return t, false
	}
	close := strings.IndexByte(s[k:min(len(s), k+12)], ')')
	if close < 0 {
		return t, false
	}
	inner := s[k+1 : k+close]
	end := k + close + 1
	switch {
	case len(inner) == 4 && allDigits(inner):
		y := atoi(inner)
		if y < 1900 || y > 2099 || len(letters) > 0 {
			return t, false
		}
		t.form, t.year = FormSecurityCouncil, y
	default:
		body := inner
		for _, pre := range []string{"ES-", "S-"} {
			if strings.HasPrefix(body, pre) {
				body = body[len(pre):]
				break
			}
		}
		if _, ok := ParseRoman(body); !ok {
			if !(strings.HasPrefix(inner, "S-") && allDigits(body) && body != "" && body[0] != '0' && len(body) <= 2) {
				return t, false
			}
		}
		t.form, t.session = FormRoman, inner
	}
	t.letters = letters
	t.end = end
	return t, true
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
	if isAlnum(c) || c == '/' || letterAt(s, i) {
		return false
	}
	if (c == '.' || c == '-' || c == ',') && i+1 < len(s) && isDigit(s[i+1]) {
		return false
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// parseLetterGroup reads "A", "A and B", "A, B and C", "A to D", "A-D" at i.
func parseLetterGroup(s string, i int) ([]string, int) {
	one := func(j int) bool {
		return j < len(s) && isUpper(s[j]) && !letterAt(s, j+1) && !(j+1 < len(s) && (isDigit(s[j+1]) || s[j+1] == '/' || s[j+1] == '-' || s[j+1] == '.' && j+2 < len(s) && isAlnum(s[j+2])))
	}
	if !one(i) {
		return nil, i
	}
	ls := []string{s[i : i+1]}
	end := i + 1
	for {
		j := end
		rng := false
		switch {
		case j < len(s) && (s[j] == '-'):
			j++
			rng = true
		case strings.HasPrefix(s[j:], "–"):
			j += len("–")
			rng = true
		default:
			k := skipSpace(s, j)
			if k < len(s) && s[k] == ',' {
				k = skipSpace(s, k+1)
				if e, ok := hasWordAt(s, k, "and"); ok {
					k = skipSpace(s, e)
				}
				j = k
				break
			}
			if e, ok := hasWordAt(s, k, "and"); ok && k > j {
				j = skipSpace(s, e)
				break
			}
			if e, ok := hasWordAt(s, k, "to"); ok && k > j {
				j = skipSpace(s, e)
				rng = true
				break
			}
			return ls, end
		}
		if !one(j) {
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
	j := skipSpace(s, i)
	if j == i || j-i > 2 {
		return nil, i
	}
	ls, e := parseLetterGroup(s, j)
	if len(ls) == 0 {
		return nil, i
	}
	k := skipSpace(s, e)
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
	if w > k && letterFollowers[s[k:w]] && !letterAt(s, w) {
		return ls, e
	}
	return nil, i
}
