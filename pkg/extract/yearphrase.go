package extract

import "strings"

// The phrases that give a title its year or its amended form, read by
// hand. They were regexps (kept in FuzzYearPhrases, which holds these to
// them): compiling the two a draft always reaches was 0.13 ms of a
// one-draft run, a twentieth of it.

// months are the month names, for dated phrases.
var months = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// spaces1 is `\s+` at s[i:]: the index after the spaces, and whether there
// was one.
func spaces1(s string, i int) (int, bool) {
	j := spaces(s, i)
	return j, j > i
}

// isWordByte is `\w`, for `\b`.
func isWordByte(c byte) bool { return isAlnumByte(c) || c == '_' }

// boundary is `\b` at s[i] after a word character: the end, or a byte
// that is not one.
func boundary(s string, i int) bool { return i == len(s) || !isWordByte(s[i]) }

// literal is `lit` at s[i:]: the index after it.
func literal(s string, i int, lit string) (int, bool) {
	if strings.HasPrefix(s[i:], lit) {
		return i + len(lit), true
	}
	return i, false
}

// yearDigits is `(?:1[89]|20)\d\d` at s[i:] followed by `\b`: a year from
// 1800 to 2099 standing alone.
func yearDigits(s string, i int) bool {
	return i+4 <= len(s) && yearWord.MatchString(s[i:i+4]) && boundary(s, i+4)
}

// modernYear is `(?:19|20)\d\d` at s[i:], the years of an amending
// protocol.
func modernYear(s string, i int) bool {
	return i+4 <= len(s) && (s[i:i+2] == "19" || s[i:i+2] == "20") && isDigit(s[i+2]) && isDigit(s[i+3])
}

// datedYear is `(?:\d{1,2}\s+MONTH\s+)?((?:1[89]|20)\d\d)\b` at s[i:]: the
// year's start, and whether there is one. A day and month must both be
// there or neither ("12 August 1949", "1949").
func datedYear(s string, i int) (int, bool) {
	if yearDigits(s, i) {
		return i, true
	}
	j := i
	for j < len(s) && j-i < 2 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i {
		return 0, false
	}
	j, ok := spaces1(s, j)
	if !ok {
		return 0, false
	}
	for _, m := range months {
		if k, ok := literal(s, j, m); ok {
			if k, ok := spaces1(s, k); ok && yearDigits(s, k) {
				return k, true
			}
			return 0, false
		}
	}
	return 0, false
}

// capitalWord is `[A-Z][a-z]+` at s[i:]: the index after it.
func capitalWord(s string, i int) (int, bool) {
	if i >= len(s) || s[i] < 'A' || s[i] > 'Z' {
		return i, false
	}
	j := i + 1
	for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
		j++
	}
	return j, j > i+1
}

// yearAfterPhrase is what the regexp yearAfterRE matched at the start of rest, the
// dated words after a title:
//
//	^(?:\s*,)?\s+(?:of\s+(?:\d{1,2}\s+MONTH\s+)?|(?:adopted|signed|done|
//	concluded|opened\s+for\s+signature)(?:\s+by\s+the\s+General\s+Assembly)?
//	(?:\s+(?:at|in)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?(?:\s*,)?\s+(?:on|in)
//	\s+(?:\d{1,2}\s+MONTH\s+)?)((?:1[89]|20)\d\d)\b
//
// (" of 1961", ", adopted on 20 November 1989", ", signed at Geneva on 17
// June 1925", " done at New York in 1966"): the year's start, its end
// being the phrase's, and whether it matched.
func yearAfterPhrase(rest string) (int, bool) {
	i := 0
	if j := spaces(rest, 0); j < len(rest) && rest[j] == ',' {
		i = j + 1
	}
	i, ok := spaces1(rest, i)
	if !ok {
		return 0, false
	}
	if j, ok := literal(rest, i, "of"); ok {
		if j, ok := spaces1(rest, j); ok {
			return datedYear(rest, j)
		}
		return 0, false
	}
	j := -1
	for _, verb := range [...]string{"adopted", "signed", "done", "concluded"} {
		if k, ok := literal(rest, i, verb); ok {
			j = k
			break
		}
	}
	if j < 0 {
		k, ok := openedForSignature(rest, i)
		if !ok {
			return 0, false
		}
		j = k
	}
	// "by the General Assembly": taken where it is, as nothing after the
	// verb can start with "by".
	if k, ok := byTheGeneralAssembly(rest, j); ok {
		j = k
	}
	// The place is optional, and the words read as a place may be needed
	// for "in 1966": try two words, one, none.
	for _, places := range [...]int{2, 1, 0} {
		k, ok := place(rest, j, places)
		if !ok {
			continue
		}
		if y, ok := onOrInYear(rest, k); ok {
			return y, true
		}
	}
	return 0, false
}

// openedForSignature is `opened\s+for\s+signature` at s[i:].
func openedForSignature(s string, i int) (int, bool) {
	i, ok := literal(s, i, "opened")
	for _, w := range [...]string{"for", "signature"} {
		if !ok {
			return 0, false
		}
		if i, ok = spaces1(s, i); !ok {
			return 0, false
		}
		i, ok = literal(s, i, w)
	}
	return i, ok
}

// byTheGeneralAssembly is `\s+by\s+the\s+General\s+Assembly` at s[i:].
func byTheGeneralAssembly(s string, i int) (int, bool) {
	for _, w := range [...]string{"by", "the", "General", "Assembly"} {
		var ok bool
		if i, ok = spaces1(s, i); !ok {
			return 0, false
		}
		if i, ok = literal(s, i, w); !ok {
			return 0, false
		}
	}
	return i, true
}

// place is `\s+(?:at|in)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?` with exactly
// words capitalised words (1 or 2), or nothing (words 0), at s[i:].
func place(s string, i, words int) (int, bool) {
	if words == 0 {
		return i, true
	}
	i, ok := spaces1(s, i)
	if !ok {
		return 0, false
	}
	if j, ok := literal(s, i, "at"); ok {
		i = j
	} else if j, ok := literal(s, i, "in"); ok {
		i = j
	} else {
		return 0, false
	}
	for w := 0; w < words; w++ {
		if i, ok = spaces1(s, i); !ok {
			return 0, false
		}
		if i, ok = capitalWord(s, i); !ok {
			return 0, false
		}
	}
	return i, true
}

// onOrInYear is `(?:\s*,)?\s+(?:on|in)\s+(?:\d{1,2}\s+MONTH\s+)?YEAR\b` at
// s[i:]: the year's start.
func onOrInYear(s string, i int) (int, bool) {
	if j := spaces(s, i); j < len(s) && s[j] == ',' {
		i = j + 1
	}
	i, ok := spaces1(s, i)
	if !ok {
		return 0, false
	}
	j, ok := literal(s, i, "on")
	if !ok {
		if j, ok = literal(s, i, "in"); !ok {
			return 0, false
		}
	}
	if j, ok = spaces1(s, j); !ok {
		return 0, false
	}
	return datedYear(s, j)
}

// commaYear is what the regexp commaYearRE matched at the start of rest, a year that
// closes the phrase after a title:
//
//	^\s*,\s+((?:1[89]|20)\d\d)(?:[,;.:)\]]|\s+(?:and|as|or|in|which|with|to)\b|\s*$)
//
// (", 1961", ", 1961 and"): the year's start (it is four bytes long).
func commaYear(rest string) (int, bool) {
	i := spaces(rest, 0)
	if i == len(rest) || rest[i] != ',' {
		return 0, false
	}
	y, ok := spaces1(rest, i+1)
	if !ok || y+4 > len(rest) || !yearWord.MatchString(rest[y:y+4]) {
		return 0, false
	}
	p := y + 4
	if p < len(rest) && strings.IndexByte(",;.:)]", rest[p]) >= 0 {
		return y, true
	}
	q := spaces(rest, p)
	if q == len(rest) {
		return y, true // `\s*$`
	}
	if q == p {
		return 0, false
	}
	for _, w := range [...]string{"and", "as", "or", "in", "which", "with", "to"} {
		if k, ok := literal(rest, q, w); ok && boundary(rest, k) {
			return y, true
		}
	}
	return 0, false
}

// amendedPhrase is what the regexp amendedRE matched at the start of rest, the words
// that make a base title its amended form's:
//
//	^\s*,?\s+(?:as\s+amended(?:\s+by\s+the\s+PROTOCOL)?|and\s+amended\s+by\s+the\s+PROTOCOL)\b
//	PROTOCOL: (?:(?:19|20)\d\d\s+)?Protocol(?:\s+thereto|\s+of\s+(?:19|20)\d\d)?
//
// (", as amended", " as amended by the 1972 Protocol (thereto)", " as
// amended by the Protocol of 1972", and ", signed at Geneva on 25 September
// 1926 and amended by the Protocol", the amended Slavery Convention's own
// title): the phrase's end. "and amended" needs its protocol: alone it is
// a verb.
func amendedPhrase(rest string) (int, bool) {
	// `\s*,?\s+`: spaces, a comma and at least one space; or, with no
	// comma, at least one space.
	i := spaces(rest, 0)
	if i < len(rest) && rest[i] == ',' {
		var ok bool
		if i, ok = spaces1(rest, i+1); !ok {
			return 0, false
		}
	} else if i == 0 {
		return 0, false
	}
	if j, ok := literal(rest, i, "as"); ok {
		j, ok := spaces1(rest, j)
		if !ok {
			return 0, false
		}
		if j, ok = literal(rest, j, "amended"); !ok {
			return 0, false
		}
		if k, ok := byTheProtocol(rest, j); ok {
			return k, true
		}
		if boundary(rest, j) {
			return j, true
		}
		return 0, false
	}
	j, ok := literal(rest, i, "and")
	if !ok {
		return 0, false
	}
	if j, ok = spaces1(rest, j); !ok {
		return 0, false
	}
	if j, ok = literal(rest, j, "amended"); !ok {
		return 0, false
	}
	return byTheProtocol(rest, j)
}

// byTheProtocol is `\s+by\s+the\s+PROTOCOL\b` (see amendedPhrase) at s[i:]:
// the index after it, the longest reading first, as the regexp took it.
func byTheProtocol(s string, i int) (int, bool) {
	for _, w := range [...]string{"by", "the"} {
		var ok bool
		if i, ok = spaces1(s, i); !ok {
			return 0, false
		}
		if i, ok = literal(s, i, w); !ok {
			return 0, false
		}
	}
	i, ok := spaces1(s, i)
	if !ok {
		return 0, false
	}
	// `(?:(?:19|20)\d\d\s+)?`: a year and spaces, then "Protocol".
	if modernYear(s, i) {
		if j, ok := spaces1(s, i+4); ok {
			i = j
		}
	}
	j, ok := literal(s, i, "Protocol")
	if !ok {
		return 0, false
	}
	// "thereto", or "of 1972", or nothing: each must end a word.
	if k, ok := spaces1(s, j); ok {
		if e, ok := literal(s, k, "thereto"); ok && boundary(s, e) {
			return e, true
		}
		if e, ok := literal(s, k, "of"); ok {
			if e, ok := spaces1(s, e); ok && modernYear(s, e) && boundary(s, e+4) {
				return e + 4, true
			}
		}
	}
	if boundary(s, j) {
		return j, true
	}
	return 0, false
}

// amendedWhen returns the end of what follows "as amended" at rest[i:] and
// belongs to the amended form's title: " on 3 May 1996" or " in 1996", then
// the name in parentheses the amended instrument goes by ("(Amended
// Protocol II)"), as in "the Protocol on Prohibitions or Restrictions on
// the Use of Mines, Booby Traps and Other Devices, as amended on 3 May
// 1996 (Amended Protocol II)". i itself when nothing does.
func amendedWhen(rest string, i int) int {
	j, ok := spaces1(rest, i)
	if !ok {
		return i
	}
	end := i
	for _, w := range [...]string{"on", "in"} {
		if k, ok := literal(rest, j, w); ok {
			if k, ok := spaces1(rest, k); ok {
				if y, ok := datedYear(rest, k); ok && (w == "on") == (y > k) {
					end = y + 4
				}
			}
			break
		}
	}
	// "(Amended Protocol II)": a short name with "Amended" in it (not
	// "(Protocol II to the 1980 Convention …)", which names a title), and
	// one name alone: "(Amended Protocol II and Protocol V)" names another
	// instrument, which is read apart.
	k := spaces(rest, end)
	if k < len(rest) && rest[k] == '(' {
		if c := strings.IndexByte(rest[k:], ')'); c > 0 && c < 40 && amendedShortName(rest[k+1:k+c]) {
			return k + c + 1
		}
	}
	return end
}

// amendedShortName reports whether s, the words in parentheses after "as
// amended …", is a short name of the amended instrument and nothing else:
// "Amended Protocol II", "the Amended Protocol II"; not "Amended Protocol
// II and Protocol V" nor "Amended Protocol II, Protocol V".
func amendedShortName(s string) bool {
	if !strings.Contains(s, "Amended") || strings.ContainsAny(s, ",;") {
		return false
	}
	for _, w := range strings.Fields(s) {
		if w == "and" || w == "or" {
			return false
		}
	}
	return true
}
