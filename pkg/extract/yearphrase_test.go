package extract

import (
	"regexp"
	"testing"
)

// The regexps the hand parsers of yearphrase.go replaced.
const (
	oracleMonth     = `(?:January|February|March|April|May|June|July|August|September|October|November|December)`
	oracleProtocol  = `(?:(?:19|20)\d\d\s+)?Protocol(?:\s+thereto|\s+of\s+(?:19|20)\d\d)?`
	oracleYearAfter = `^(?:\s*,)?\s+(?:of\s+(?:\d{1,2}\s+` + oracleMonth + `\s+)?|(?:adopted|signed|done|concluded|opened\s+for\s+signature)(?:\s+by\s+the\s+General\s+Assembly)?(?:\s+(?:at|in)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?(?:\s*,)?\s+(?:on|in)\s+(?:\d{1,2}\s+` + oracleMonth + `\s+)?)((?:1[89]|20)\d\d)\b`
	oracleCommaYear = `^\s*,\s+((?:1[89]|20)\d\d)(?:[,;.:)\]]|\s+(?:and|as|or|in|which|with|to)\b|\s*$)`
	oracleAmended   = `^\s*,?\s+(?:as\s+amended(?:\s+by\s+the\s+` + oracleProtocol + `)?|and\s+amended\s+by\s+the\s+` + oracleProtocol + `)\b`
)

// yearPhraseSeeds are the phrases of each pattern and their near misses.
var yearPhraseSeeds = []string{
	" of 1961", " of 1961 as amended", ", of 12 August 1949", " of 12 August 1949,", " of 1 May 2000",
	" of 123 August 1949", " of 12 Augustus 1949", " of 19611", " of 1799", " of 2100", " of2000", "of 1961",
	", adopted on 20 November 1989", ", adopted by the General Assembly on 20 November 1989",
	", adopted by the General Assembly in 1966", ", signed at Geneva on 17 June 1925",
	" done at New York in 1966", ", done at Rome on 17 July 1998", " adopted in Paris in 1990",
	", adopted in New York, on 10 December 1984", ", concluded at The Hague on 2 May 1961",
	", opened for signature on 26 January 1990", " opened  for\tsignature in 1990", ", opened for signature at",
	", signed at Geneva On 17 June 1925", " adopted in 2000", " adopted in In In 2000", " adopted at Geneva in 2000x",
	" signed at Washington, D.C., on 3 March 1973", " adopted on 10 December", "\n,\nadopted\non\n2 May\n1961",
	", 1961", ", 1961.", ", 1961 and", ", 1961 andx", ", 1961 as amended", ", 1961  ", ", 19611", ",1961", ", 1961x",
	", 1961 which", ", 1961)", ", 1961]", " , 2000 to",
	", as amended", " as amended", ",as amended", " ,\tas  amended", ", as amended thereto", "as amended",
	"\n, \nas amended", ", as amended by the 1972 Protocol", " as amended by the Protocol thereto",
	" as amended by the Protocol of 1972", " as amended by the Protocol of 19721", " as amended by the Protocols",
	" as amended by the Protocol theretofore", " as amended by the 1972Protocol", " as amendedx",
	", signed at Geneva on 25 September 1926 and amended by the Protocol", " and amended by the 1953 Protocol",
	" and amended", " and amended by the Protocolx", " as amended by the 2000  Protocol of 2001",
	"", ",", " ", " of", ", adopted",
}

// FuzzYearPhrases holds yearAfterPhrase, commaYear and amendedPhrase to the
// regexps they replaced.
func FuzzYearPhrases(f *testing.F) {
	for _, s := range yearPhraseSeeds {
		f.Add(s)
	}
	yearAfter := regexp.MustCompile(oracleYearAfter)
	comma := regexp.MustCompile(oracleCommaYear)
	amended := regexp.MustCompile(oracleAmended)
	f.Fuzz(func(t *testing.T, s string) {
		m := yearAfter.FindStringSubmatchIndex(s)
		if y, ok := yearAfterPhrase(s); ok != (m != nil) || ok && (y != m[2] || y+4 != m[3] || m[1] != m[3]) {
			t.Errorf("yearAfterPhrase(%q) = %d, %v; the regexp: %v", s, y, ok, m)
		}
		m = comma.FindStringSubmatchIndex(s)
		if y, ok := commaYear(s); ok != (m != nil) || ok && (y != m[2] || y+4 != m[3]) {
			t.Errorf("commaYear(%q) = %d, %v; the regexp: %v", s, y, ok, m)
		}
		m = amended.FindStringIndex(s)
		if e, ok := amendedPhrase(s); ok != (m != nil) || ok && e != m[1] {
			t.Errorf("amendedPhrase(%q) = %d, %v; the regexp: %v", s, e, ok, m)
		}
	})
}

// TestYearPhraseSeeds: the seeds hold both matches and misses of each
// pattern, so the fuzz test's seed run is not vacuous.
func TestYearPhraseSeeds(t *testing.T) {
	for _, expr := range []string{oracleYearAfter, oracleCommaYear, oracleAmended} {
		re := regexp.MustCompile(expr)
		hits := 0
		for _, s := range yearPhraseSeeds {
			if re.MatchString(s) {
				hits++
			}
		}
		if hits < 5 || len(yearPhraseSeeds)-hits < 5 {
			t.Errorf("%d of %d seeds match %s", hits, len(yearPhraseSeeds), expr)
		}
	}
}

// TestAmendedWhen: what follows "as amended" and belongs to the amended
// form's title is read with it, and nothing else.
func TestAmendedWhen(t *testing.T) {
	for _, tc := range []struct{ rest, want string }{
		{", as amended on 3 May 1996 (Amended Protocol II), the Convention", ", as amended on 3 May 1996 (Amended Protocol II)"},
		{", as amended in 1996 (Protocol II to the 1980 Convention …)", ", as amended in 1996"},
		{", as amended (Protocol II)", ", as amended"},
		{", as amended in 1996; the Protocol", ", as amended in 1996"},
		{", as amended, and the Convention", ", as amended"},
		{", as amended on 3 May", ", as amended"},
		{", as amended in 3 May 1996", ", as amended"},
		{", as amended (the Amended Protocol II)", ", as amended (the Amended Protocol II)"},
		{", as amended (see annex)", ", as amended"},
		{", as amended by the 1972 Protocol", ", as amended by the 1972 Protocol"},
		{", as amended on 3 May 1996 (Amended Protocol II and Protocol V),1", ", as amended on 3 May 1996"},
		{", as amended on 3 May 1996 (Amended Protocol II, Protocol V)", ", as amended on 3 May 1996"},
	} {
		am := matchAmended(tc.rest)
		if am == nil {
			t.Errorf("%q: no match", tc.rest)
			continue
		}
		if got := tc.rest[:am[1]]; got != tc.want {
			t.Errorf("%q: read %q, want %q", tc.rest, got, tc.want)
		}
	}
}

// TestGoesOnAsTitle: the words after a registered title (and its year)
// that make it the start of another instrument's name.
func TestGoesOnAsTitle(t *testing.T) {
	for rest, want := range map[string]bool{
		" between States and International Organizations": true,
		" for the Suppression of Unlawful Acts":           true,
		" amending the Tokyo Convention":                  true,
		" to the Convention on Prohibitions":              false,
		" to the Committee on the Rights of the Child":    false,
		", for the Suppression":                           false,
		" for the benefit of":                             false,
		" between the two":                                false,
		"1 between States":                                false,
	} {
		if got := goesOnAsTitle(rest); got != want {
			t.Errorf("goesOnAsTitle(%q) = %v, want %v", rest, got, want)
		}
	}
}
