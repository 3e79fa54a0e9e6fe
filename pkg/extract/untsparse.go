package extract

import "strings"

// parseUNTS reads a Treaty Series citation whose "Treaty" starts at i:
//
//	Treaty Series[*|_][,.] vol[s][.,]|volume[s] VOLS [(YYYY)] [[,.] No[s][.] NUMS] [[,] p[p]. N]
//
// VOLS is a list of arabic or roman numbers, NUMS of numbers or ranges
// ("970–973"), joined by ",", "and", ", and" or "&". It returns the end and
// the spans of the volume list, the number list and the page (-1 when
// absent), or ok == false. It matches what untsRE matched, without a
// regular expression: citations are dense in some archives. "*" and "_"
// close Markdown emphasis; neither is a word character (see FuzzParseUNTS).
func parseUNTS(s string, i int) (end, volS, volE, numS, numE, pageS, pageE int, ok bool) {
	numS, numE, pageS, pageE = -1, -1, -1, -1
	j := i + len("Treaty")
	k := citeSpaces(s, j)
	if k == j || !strings.HasPrefix(s[k:], "Series") {
		return
	}
	j = k + len("Series")
	if j < len(s) && isEmphasis(s[j]) {
		j++
	}
	j = citeSpaces(s, j)
	if j < len(s) && (s[j] == ',' || s[j] == '.') {
		j = citeSpaces(s, j+1)
	}
	// vol, vols, vol., vol, (OCR), volume, volumes
	if j+3 > len(s) || (s[j] != 'v' && s[j] != 'V') || s[j+1:j+3] != "ol" {
		return
	}
	j += 3
	if strings.HasPrefix(s[j:], "umes") {
		j += 4
	} else if strings.HasPrefix(s[j:], "ume") {
		j += 3
	} else {
		if j < len(s) && s[j] == 's' {
			j++
		}
		j = citeSpaces(s, j)
		if j < len(s) && (s[j] == '.' || s[j] == ',') {
			j++
		}
	}
	j = citeSpaces(s, j)
	volS = j
	volE = list(s, j, volItem, true)
	if volE == j {
		return
	}
	end = volE
	// "(1950)" after the volume
	if k := citeSpaces(s, end); k < len(s) && s[k] == '(' && k+6 <= len(s) && allDigits(s[k+1:k+5]) && s[k+5] == ')' {
		end = k + 6
	}
	numS, numE, pageS, pageE, end = numbersAndPage(s, end)
	return end, volS, volE, numS, numE, pageS, pageE, true
}

// list reads item (sep item)* at i and returns its end (i if none). With
// boundary, an item after a separator must end at a word boundary.
func list(s string, i int, item func(string, int) int, boundary bool) int {
	e := item(s, i)
	if e == i {
		return i
	}
	for {
		k := citeSpaces(s, e)
		switch {
		case strings.HasPrefix(s[k:], ","):
			k = citeSpaces(s, k+1)
			if strings.HasPrefix(s[k:], "and") {
				// ", and" is one separator, unless "and" is not followed
				// by an item and "," alone is (the regexp's backtracking).
				if n := citeSpaces(s, k+3); item(s, n) > n {
					k = n
				}
			}
		case strings.HasPrefix(s[k:], "and"):
			k = citeSpaces(s, k+3)
		case strings.HasPrefix(s[k:], "&"):
			k = citeSpaces(s, k+1)
		default:
			return e
		}
		n := item(s, k)
		if n == k || (boundary && wordByteAt(s, n)) {
			return e
		}
		e = n
	}
}

// volItem reads an arabic or roman volume number.
func volItem(s string, i int) int {
	if e := digits(s, i); e > i {
		return e
	}
	e := i
	for e < len(s) && strings.IndexByte("IVXLCDM", s[e]) >= 0 {
		e++
	}
	return e
}

// numItem reads a registration number or a range of them. A number may
// carry the part of the register it is in, as the Treaty Collection
// writes it: "I-14668" (Part I, registered), "II-1234" (Part II, filed).
func numItem(s string, i int) int {
	i = registerPart(s, i)
	e := digits(s, i)
	if e == i {
		return i
	}
	k := citeSpaces(s, e)
	dash := 0
	if k < len(s) && s[k] == '-' {
		dash = 1
	} else if strings.HasPrefix(s[k:], "–") {
		dash = len("–")
	}
	if dash > 0 {
		n := citeSpaces(s, k+dash)
		if d := digits(s, n); d > n {
			return d
		}
	}
	return e
}

// spaces skips what `\s` matches in the regexps the parsers replaced:
// space, tab, newline, carriage return and form feed (pdftotext marks page
// breaks with one).
func spaces(s string, i int) int {
	for i < len(s) && isSpaceRE(s[i]) {
		i++
	}
	return i
}

// citeSpaces is spaces, and the no-break spaces word processors put
// between "vol." or "No." and the number: U+00A0, U+202F and the thin
// space U+2009.
func citeSpaces(s string, i int) int {
	for i < len(s) {
		switch {
		case isSpaceRE(s[i]):
			i++
		case s[i] == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0:
			i += 2
		case s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xAF || s[i+2] == 0x89):
			i += 3
		default:
			return i
		}
	}
	return i
}

// registerPart skips "I-" or "II-" before a registration number at i,
// when digits follow.
func registerPart(s string, i int) int {
	j := i
	for j < len(s) && j-i < 2 && s[j] == 'I' {
		j++
	}
	if j > i && j+1 < len(s) && s[j] == '-' && s[j+1] >= '0' && s[j+1] <= '9' {
		return j + 1
	}
	return i
}

func digits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

func allDigits(s string) bool { return s != "" && digits(s, 0) == len(s) }

// wordByteAt reports whether s[i] is a letter or a digit. An underscore is
// not: in Markdown it closes emphasis ("_vol. 976_").
func wordByteAt(s string, i int) bool { return i < len(s) && isAlnumByte(s[i]) }

// isEmphasis reports whether c opens or closes Markdown emphasis.
func isEmphasis(c byte) bool { return c == '*' || c == '_' }

// ibidAt reports whether the word "Ibid" (four letters) is at s[j:]. A small
// "ibid" and the misreadings of its capital that OCR leaves in the Security
// Council's volumes ("lbid.", "fbid.", "Tbid.", "Jbid.", "1bid.") count
// where their full stop follows; "Ibid" must not run on into a letter or
// digit ("Ibidem").
func ibidAt(s string, j int) bool {
	if j+4 > len(s) || s[j+1:j+4] != "bid" || wordByteAt(s, j+4) {
		return false
	}
	switch s[j] {
	case 'I':
		return true
	case 'i', 'l', 'f', 'T', 'J', '1', '|':
		return j+4 < len(s) && s[j+4] == '.'
	}
	return false
}

// parseIbid reads an Ibid. footnote opening at the start of s:
//
//	[See ][*|_]Ibid[.][*|_][[,] vol[s][.] VOLS [(YYYY)]][[,.] No[s][.] NUMS][[,] p[p]. N]
//
// and returns the submatch layout of ibidRE: whole, volumes, numbers, page.
// Markdown sets Ibid in italics with stars or underscores ("*Ibid.*",
// "_Ibid_"); "Ibid" must not run on into a letter or digit ("Ibidem").
func parseIbid(s string) []int {
	j := 0
	if strings.HasPrefix(s, "See") {
		if k := citeSpaces(s, 3); k > 3 {
			j = k
		}
	}
	if j < len(s) && isEmphasis(s[j]) {
		j++
	}
	if !ibidAt(s, j) {
		return nil
	}
	j += 4
	if j < len(s) && s[j] == '.' {
		j++
	}
	if j < len(s) && isEmphasis(s[j]) {
		j++
	}
	m := []int{0, j, -1, -1, -1, -1, -1, -1}
	// "[,] vol[s][.] VOLS [(YYYY)]" (the comma is sometimes left out:
	// "Ibid. vol. 660, No. 9464")
	if k := citeSpaces(s, j); k < len(s) {
		if s[k] == ',' {
			k = citeSpaces(s, k+1)
		}
		if k+3 <= len(s) && (s[k] == 'v' || s[k] == 'V') && s[k+1:k+3] == "ol" {
			n := afterVol(s, k+3)
			if e := list(s, n, volItem, true); e > n {
				m[2], m[3], j = n, e, e
				if p := citeSpaces(s, e); p < len(s) && s[p] == '(' && p+6 <= len(s) && allDigits(s[p+1:p+5]) && s[p+5] == ')' {
					j = p + 6
				}
			}
		}
	}
	m[4], m[5], m[6], m[7], j = numbersAndPage(s, j)
	m[1] = j
	return m
}

// afterVol is afterAbbrev after an Ibid.'s "vol", where OCR reads a comma
// for the full stop ("Ibid., vol, 75, No. 973"), as parseUNTS takes it
// after "Treaty Series, vol".
func afterVol(s string, n int) int {
	if n < len(s) && s[n] == 's' {
		n++
	}
	n = citeSpaces(s, n)
	if n < len(s) && s[n] == ',' {
		return citeSpaces(s, n+1)
	}
	return afterAbbrev(s, n)
}

// afterAbbrev skips what may follow "vol" or "No" at n: a plural "s",
// spaces, a full stop, spaces. It returns where the list starts.
func afterAbbrev(s string, n int) int {
	if n < len(s) && s[n] == 's' {
		n++
	}
	n = citeSpaces(s, n)
	if n < len(s) && s[n] == '.' {
		n++
	}
	return citeSpaces(s, n)
}

// numbersAndPage reads "[,.] No[s][.] NUMS" and "[,] p[p]. N" after a
// citation's volumes, which end at j. It returns the spans of the number
// list and the page (-1 when absent) and the new end.
func numbersAndPage(s string, j int) (numS, numE, pageS, pageE, end int) {
	numS, numE, pageS, pageE, end = -1, -1, -1, -1, j
	k := citeSpaces(s, end)
	if k < len(s) && (s[k] == ',' || s[k] == '.') {
		k = citeSpaces(s, k+1)
	}
	if strings.HasPrefix(s[k:], "No") {
		n := afterAbbrev(s, k+2)
		if e := list(s, n, numItem, false); e > n {
			numS, numE, end = n, e, e
		}
	}
	k = citeSpaces(s, end)
	if k < len(s) && s[k] == ',' {
		k = citeSpaces(s, k+1)
	}
	if k < len(s) && s[k] == 'p' {
		n := k + 1
		if n < len(s) && s[n] == 'p' {
			n++
		}
		if n < len(s) && s[n] == '.' {
			n = citeSpaces(s, n+1)
			if e := digits(s, n); e > n {
				pageS, pageE, end = n, e, e
			}
		}
	}
	return numS, numE, pageS, pageE, end
}

// parseMore reads, at i right after a citation, one more volume and
// number in the same citation:
//
//	[,;] [and] vol[s][.] VOLS [(YYYY)] [,.] No[s][.] NUMS [[,] p[p]. N]
//
// ("Ibid., vol. 2131, No. 20378; and vols. 2171, 2173 and 2983, No.
// 27531"). The numbers must be there: "and vol. 2 of the report" is not a
// citation. It returns the spans of the volumes, numbers and page (-1
// when absent) and the end, or ok == false.
// ibidBefore skips "ibid., " at s[j:] ("Ibid.", "*ibid.*" as Markdown
// sets it), as a footnote that lists several instruments writes it before
// each after the first ("…, vol. 2131, No. 20378; ibid., vol. 2922, No.
// 14531"): the same series. It returns j when there is none.
func ibidBefore(s string, j int) int {
	k := j
	if k < len(s) && (s[k] == '*' || s[k] == '_') {
		k++
	}
	if k+5 > len(s) || s[k]|0x20 != 'i' || s[k+1:k+5] != "bid." {
		return j
	}
	k += 5
	if k < len(s) && (s[k] == '*' || s[k] == '_') {
		k++
	}
	if k == len(s) || s[k] != ',' {
		return j
	}
	return citeSpaces(s, k+1)
}

func parseMore(s string, i int) (volS, volE, numS, numE, pageS, pageE, end int, ok bool) {
	j := citeSpaces(s, i)
	if j < len(s) && (s[j] == ',' || s[j] == ';') {
		j = citeSpaces(s, j+1)
	}
	if strings.HasPrefix(s[j:], "and") {
		j = citeSpaces(s, j+3)
	}
	j = ibidBefore(s, j)
	if j+3 > len(s) || (s[j] != 'v' && s[j] != 'V') || s[j+1:j+3] != "ol" {
		return
	}
	n := afterAbbrev(s, j+3)
	volE = list(s, n, volItem, true)
	if volE == n {
		return
	}
	volS, end = n, volE
	if k := citeSpaces(s, end); k < len(s) && s[k] == '(' && k+6 <= len(s) && allDigits(s[k+1:k+5]) && s[k+5] == ')' {
		end = k + 6
	}
	numS, numE, pageS, pageE, end = numbersAndPage(s, end)
	if numS < 0 {
		return
	}
	return volS, volE, numS, numE, pageS, pageE, end, true
}
