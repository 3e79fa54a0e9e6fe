package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/resolution"
)

// The functions below are organ.go's and scan.go's as they were before
// their ASCII and no-allocation shortcuts; the fuzz target compares.

func skipSpaceBackOld(s string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\u2009' || r == '\u202f' {
			i -= n
			continue
		}
		break
	}
	return i
}

func wordBeforeOld(s string, i int) (string, int) {
	e := skipSpaceBackOld(s, i)
	b := e
	for b > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:b])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’' {
			b -= n
			continue
		}
		break
	}
	return s[b:e], b
}

var organConnectorsOld = map[string]bool{"of": true, "on": true, "and": true, "for": true, "the": true}

func organPhraseOld(s string, i int) (code, name string, ok bool) {
	var words []string
	pos := i
	for len(words) < 14 {
		w, ws := wordBeforeOld(s, pos)
		if w == "" {
			break
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case organConnectorsOld[w]:
		case unicode.IsUpper(r) && (!strings.HasSuffix(w, "ing") || namingParticiples[w]):
		default:
			w = ""
		}
		if w == "" {
			break
		}
		words = append(words, w)
		pos = ws
	}
	for len(words) > 0 && organConnectorsOld[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return "", "", false
	}
	head := words[0]
	for k := len(words); k >= 1; k-- {
		name := joinReversed(words[:k])
		if c, found := resolution.Organs[name]; found {
			if k == 1 && len(words) > 1 && (head == "Assembly" || head == "Council" || head == "Commission") {
				break
			}
			return c, name, true
		}
	}
	if !organHeads[head] && !isAcronym(head) {
		return "", "", false
	}
	return "", joinReversed(words), true
}

func FuzzOrganPhrase(f *testing.F) {
	for _, s := range []string{
		"the General Assembly resolution", "Recalling the Economic and Social Council  resolution",
		"Commission on Crime Prevention and\u00a0Criminal Justice decision", "World Health Assembly",
		"Conference of the Parties to the Convention on Biological Diversity, in its decision",
		"Sub-Commission on the Promotion and Protection of Human Rights resolution", "of the UNEP\u2009Governing Council",
		"Comisión de Estadística l’Assemblée", "Human Rights\tCouncil resolution", "ÉCOSOC",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			if a, b := skipSpaceBack(s, i), skipSpaceBackOld(s, i); a != b {
				t.Fatalf("skipSpaceBack(%q, %d) = %d, before %d", s, i, a, b)
			}
			w1, b1 := wordBefore(s, i)
			w2, b2 := wordBeforeOld(s, i)
			if w1 != w2 || b1 != b2 {
				t.Fatalf("wordBefore(%q, %d) = %q, %d; before %q, %d", s, i, w1, b1, w2, b2)
			}
			c1, n1, ok1 := organPhrase(s, i)
			c2, n2, ok2 := organPhraseOld(s, i)
			if c1 != c2 || n1 != n2 || ok1 != ok2 {
				t.Fatalf("organPhrase(%q, %d) = %q, %q, %v; before %q, %q, %v", s, i, c1, n1, ok1, c2, n2, ok2)
			}
		}
	})
}

// TestOrganNameParticiples: a body's name keeps the "-ing" words names
// have ("Governing Council"); a paragraph's opening participle is no part
// of it.
func TestOrganNameParticiples(t *testing.T) {
	tests := []struct{ in, name string }{
		{"Recalling Governing Council decision 27/2 of 22 February 2013", "Governing Council"},
		{"Noting Standing Committee decision 61/1", "Standing Committee"},
		{"Recalling Executive Board decision 2014/1", "Executive Board"},
		{"Recalling Council resolution 1947 (2010)", "Council"},
	}
	for _, tt := range tests {
		refs := FindResolutions(tt.in, "")
		if len(refs) != 1 || refs[0].OrganName != tt.name {
			t.Errorf("%q: got %+v, want the organ named %q", tt.in, refs, tt.name)
		}
	}
}
