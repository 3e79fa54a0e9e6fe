package extract

import (
	"fmt"
	"regexp"
	"testing"
	"unicode"
	"unicode/utf8"
)

// slowPrevWord is prevWord without its ASCII fast paths: the reference it
// is fuzzed against.
func slowPrevWord(text string, i int) (word, bool) {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if wordRune(r) {
			break
		}
		i -= n
	}
	if i == 0 {
		return word{}, false
	}
	end := i
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if wordRune(r) {
			if i < end && r >= 'a' && r <= 'z' && text[i] >= 'A' && text[i] <= 'Z' {
				break // "NonProliferation": two words
			}
			i -= n
			continue
		}
		if (r == '\'' || r == '’') && i-n > 0 && i < end {
			if r2, _ := utf8.DecodeLastRuneInString(text[:i-n]); unicode.IsLetter(r2) {
				i -= n
				continue
			}
		}
		break
	}
	w := wordAt(text, i)
	w.end = end
	return w, true
}

// TestCamelWords: a capital after a small letter starts a word, as
// pdftotext's joins of hyphenated words need ("NonProliferation"); a
// capital after a capital or a digit does not ("UNHCR", "G20A").
func TestCamelWords(t *testing.T) {
	tests := []struct {
		text  string
		words []string
	}{
		{"the NonProliferation Treaty", []string{"the", "Non", "Proliferation", "Treaty"}},
		{"AntiPersonnel", []string{"Anti", "Personnel"}},
		{"UNHCR and G20A and État", []string{"UNHCR", "and", "G20A", "and", "État"}},
		{"Ukraine’s McDonald", []string{"Ukraine’s", "Mc", "Donald"}},
	}
	for _, tt := range tests {
		var got []string
		for i := 0; ; {
			w, ok := nextWord(tt.text, i)
			if !ok {
				break
			}
			if !startsWord(tt.text, w.start) {
				t.Errorf("%q: startsWord false at %d", tt.text, w.start)
			}
			if p, _ := prevWord(tt.text, w.end); p != w {
				t.Errorf("%q: prevWord(%d) = %q, want %q", tt.text, w.end, tt.text[p.start:p.end], tt.text[w.start:w.end])
			}
			got = append(got, tt.text[w.start:w.end])
			i = w.end
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.words) {
			t.Errorf("%q: words %q, want %q", tt.text, got, tt.words)
		}
		// At the end of the text no word starts (and nothing is read
		// past it).
		if startsWord(tt.text, len(tt.text)) {
			t.Errorf("%q: startsWord true at its end", tt.text)
		}
	}
}

func FuzzPrevWord(f *testing.F) {
	for _, s := range []string{"the 1951 Convention", "Ukraine’s Accession", "State's party, ", "d'Ivoire ’x' 'y", "Émile Zola’", "a\u00a0b", "NonProliferation aB'C", "of 1988Convention", "to the X'", "and NoB", "Dé to", "to\u2019s x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			w, ok := prevWord(s, i)
			w2, ok2 := slowPrevWord(s, i)
			if w != w2 || ok != ok2 {
				t.Fatalf("prevWord(%q, %d) = %+v %v, want %+v %v", s, i, w, ok, w2, ok2)
			}
		}
	})
}

// FuzzHandMatchers keeps the hand-written tests equal to the regexps they
// replaced.
func FuzzHandMatchers(f *testing.F) {
	symAfter := regexp.MustCompile(`^\s*\(\s*[A-Z]+/`)
	rangeAfter := regexp.MustCompile(`^\s*[-–/]\s*\d`)
	for _, s := range []string{" (NPT/CONF.2010/50)", "(A/", "( /", " ( AB", "-1977", " – 2", "/01", "–x", "\t-\n9", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := symbolAfter(s), symAfter.MatchString(s); got != want {
			t.Fatalf("symbolAfter(%q) = %v, want %v", s, got, want)
		}
		if got, want := rangeFollows(s), rangeAfter.MatchString(s); got != want {
			t.Fatalf("rangeFollows(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzIndexTreaty(f *testing.F) {
	for _, s := range []string{"United Nations, Treaty Series", "TrTrTreaty", "Tr", "Treat", "xTreatyTreaty"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for from := 0; from <= len(s)+1; from++ {
			if got, want := indexTreaty(s, from), indexFrom(s, "Treaty", from); got != want {
				t.Fatalf("indexTreaty(%q, %d) = %d, want %d", s, from, got, want)
			}
		}
	})
}

func TestIsRomanNumeral(t *testing.T) {
	for s, want := range map[string]bool{
		"XI": true, "IV": true, "MCMXCIX": true, "V": true,
		"": false, "xi": false, "IIII": false, "VX": false, "Article": false, "Convention": false, "12": false,
	} {
		if got := isRomanNumeral(s); got != want {
			t.Errorf("isRomanNumeral(%q) = %v, want %v", s, got, want)
		}
	}
}
