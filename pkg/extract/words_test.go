package extract

import (
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

func FuzzPrevWord(f *testing.F) {
	for _, s := range []string{"the 1951 Convention", "Ukraine’s Accession", "State's party, ", "d'Ivoire ’x' 'y", "Émile Zola’", "a\u00a0b"} {
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
