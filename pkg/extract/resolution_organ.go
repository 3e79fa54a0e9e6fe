package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/resolution"
)

// organHeads are the nouns that end the name of a body.
var organHeads = map[string]bool{
	"Assembly": true, "Council": true, "Commission": true, "Committee": true,
	"Board": true, "Conference": true, "Parties": true, "Meeting": true,
	"Organization": true, "Organisation": true, "Forum": true, "Congress": true,
	"Union": true, "Agency": true, "Programme": true, "Fund": true,
	"Court": true, "Tribunal": true, "Summit": true, "Sub-Commission": true,
	"Subcommission": true, "Bureau": true, "Group": true, "Body": true,
}

// organInfo is what the words before a reference say about its organ.
type organInfo struct {
	code, name string
	its        bool
	// earlier is set when the organ was named earlier in the clause ("the
	// X at its fifth session, in its resolution"): a guess that the
	// symbol's shape may overrule.
	earlier bool
	// inherited is set when the list continues the organ of the list
	// before it ("Commission … resolution 27/2 …, resolution 27/3").
	inherited bool
	// viaIts is set for the body "its" stands for ("the Council, in its
	// resolution"); andIts for "and its", which may continue that body.
	viaIts, andIts bool
	// prepIts: "its" after a preposition ("in its resolution …"), where
	// the clause's subject, named after the reference, may be its body.
	prepIts bool
}

// organBefore reads the organ named before the trigger word at i: "General
// Assembly resolution", "the Security Council, in its resolution", "its
// resolution".
func organBefore(s string, i int) organInfo {
	w, ws := wordBefore(s, i)
	if strings.EqualFold(w, "its") {
		v, vs := wordBefore(s, ws)
		switch v {
		case "in", "by", "under", "through", "with", "to":
			e := skipSpaceBack(s, vs)
			if e > 0 && s[e-1] == ',' {
				e--
			}
			if code, name, ok := organPhrase(s, e); ok {
				return organInfo{code: code, name: name, viaIts: true}
			}
			// "the United Nations Environment Assembly at its resumed
			// fifth session, in its resolution 5/14": the body named
			// earlier in the clause. (After a verb, as in "Recalling its
			// resolution", "its" is the document's organ.)
			if code, name, ok := organEarlier(s, vs); ok {
				return organInfo{code: code, name: name, earlier: true, viaIts: true, prepIts: true}
			}
			return organInfo{its: true, prepIts: true}
		case "of":
			// "the adoption by the Economic Commission for Latin America
			// and the Caribbean of its resolution 574 (XXVII)"; but
			// "paragraph 3 of its resolution" and "section XI of its
			// resolution" name no body: only a known organ counts.
			if code, name, ok := organPhrase(s, skipSpaceBack(s, vs)); ok && code != "" {
				return organInfo{code: code, name: name, viaIts: true}
			}
		case "and":
			// "the Human Rights Council in its resolutions 55/28 and
			// 55/29 and its decision 56/115": the same body, which the
			// list reader knows.
			return organInfo{its: true, andIts: true}
		}
		return organInfo{its: true}
	}
	if code, name, ok := organPhrase(s, i); ok {
		return organInfo{code: code, name: name}
	}
	if name, ok := containedIn(s, i); ok {
		return organInfo{name: name}
	}
	return organInfo{}
}

// containedIn recognizes a resolution printed in another document: "…,
// annex II, resolution 14/221", "(Sales No. E.93.I.8), chap. I, resolution
// 1". It returns the locator ("annex II").
func containedIn(s string, i int) (string, bool) {
	e := skipSpaceBack(s, i)
	if e == 0 || s[e-1] != ',' {
		return "", false
	}
	w, ws := wordBefore(s, e-1)
	switch w {
	case "annex", "annexes", "appendix", "enclosure":
		return w, true
	}
	if w == "" {
		return "", false
	}
	// "document CBD/COP/15/17, decision 15/4"
	if sym := symbolBefore(s, e-1); sym != "" {
		return sym, true
	}
	v, vs := wordBefore(s, ws)
	if vs < ws && ws > 0 && s[ws-1] == '.' {
		// "chap. I", "sect. V", "part. II"
		v, _ = wordBefore(s, ws-1)
		switch v {
		case "chap", "sect", "part", "para", "vol":
			return v + ". " + w, true
		}
		return "", false
	}
	switch v {
	case "annex", "annexes", "appendix", "enclosure", "Resolutions":
		return v + " " + w, true
	}
	_ = vs
	return "", false
}

// organPhrase reads the name of a body that ends at i.
func organPhrase(s string, i int) (code, name string, ok bool) {
	var buf [14]string
	var starts [14]int
	words := buf[:0] // in reverse order
	pos := i
	for len(words) < len(buf) {
		w, ws := wordBefore(s, pos)
		if w == "" {
			break
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case isConnector(w):
		case unicode.IsUpper(r) && (!strings.HasSuffix(w, "ing") || namingParticiples[w]):
		default:
			w = ""
		}
		if w == "" {
			break
		}
		starts[len(words)] = ws
		words = append(words, w)
		pos = ws
	}
	// Drop connectors at the front.
	for len(words) > 0 && isConnector(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return "", "", false
	}
	// The name of the last k words is the text itself where single spaces
	// separate them (nearly always), which saves building it.
	end := starts[0] + len(words[0])
	spaced := 1 // the last spaced words are separated by single spaces
	for spaced < len(words) && starts[spaced]+len(words[spaced])+1 == starts[spaced-1] && s[starts[spaced-1]-1] == ' ' {
		spaced++
	}
	join := func(k int) string {
		if k <= spaced {
			return s[starts[k-1]:end]
		}
		return joinReversed(words[:k])
	}
	head := words[0]
	for k := len(words); k >= 1; k-- {
		name := join(k)
		if c, found := resolution.Organs[name]; found {
			if k == 1 && len(words) > 1 && (head == "Assembly" || head == "Council" || head == "Commission") {
				break // "World Health Assembly", "Governing Council"
			}
			return c, name, true
		}
	}
	if !organHeads[head] && !isAcronym(head) {
		return "", "", false
	}
	return "", join(len(words)), true
}

// namingParticiples are the words in "-ing" that stand in the names of
// bodies ("Governing Council", "Standing Committee"); any other
// capitalised "-ing" word opens a paragraph ("Recalling", "Noting") and
// ends the name before it.
var namingParticiples = map[string]bool{
	"Governing": true, "Standing": true, "Coordinating": true, "Steering": true,
	"Organizing": true, "Organising": true, "Founding": true, "Negotiating": true,
}

// isConnector reports whether w may join the words of a body's name.
func isConnector(w string) bool {
	switch w {
	case "of", "on", "and", "for", "the":
		return true
	}
	return false
}

func joinReversed(ws []string) string {
	var b strings.Builder
	for k := len(ws) - 1; k >= 0; k-- {
		b.WriteString(ws[k])
		if k > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func isAcronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isUpper(w[i]) {
			return false
		}
	}
	return true
}

// organAfter reads the organ named after a reference: " of the Security
// Council", ", adopted by the Conference of the Food and Agriculture
// Organization of the United Nations". Of two names that fit, the longer
// is the organ's.
func organAfter(s string, i int) (code, name string, ok bool) {
	j := skipSpace(s, i)
	k, ok := wordsAt(s, j, "of", "the")
	if !ok {
		if j < len(s) && s[j] == ',' {
			j = skipSpace(s, j+1)
		}
		if k, ok = wordsAt(s, j, "adopted", "by", "the"); !ok {
			return "", "", false
		}
	}
	code, name, _ = longestOrganAt(s, k, func(n string) bool { return n != "Assembly" && n != "ECOSOC" })
	return code, name, name != ""
}

// longestOrganAt returns the organ whose name, among those keep accepts,
// stands at s[k:] as whole words, the longest of them ("Economic and
// Social Council", not "Council"), and where it ends; or "" names.
func longestOrganAt(s string, k int, keep func(name string) bool) (code, name string, end int) {
	for n, c := range resolution.Organs {
		if len(n) <= len(name) || !keep(n) {
			continue
		}
		if e, ok := hasWordAt(s, k, n); ok && e > k {
			code, name, end = c, n, e
		}
	}
	return code, name, end
}

// wordsAt reads the words ws at i, separated by spaces, and returns where
// what follows them starts.
func wordsAt(s string, i int, ws ...string) (int, bool) {
	for _, w := range ws {
		e, ok := hasWordAt(s, i, w)
		if !ok {
			return i, false
		}
		i = skipSpace(s, e)
	}
	return i, true
}

// organEarlier looks back from i, within the clause, for the name of a body
// that "its" may stand for. It gives up at a semicolon, a full stop, a
// paragraph break or another "resolution"/"decision".
func organEarlier(s string, i int) (code, name string, ok bool) {
	lo := max(0, i-160)
	for j := i; j > lo; {
		w, ws := wordBefore(s, j)
		if w == "" {
			k := skipSpaceBack(s, j)
			if k == 0 || strings.Contains(s[k:j], "\n") {
				return "", "", false
			}
			switch s[k-1] {
			case ';', '.', '\n', ':':
				return "", "", false
			}
			_, n := utf8.DecodeLastRuneInString(s[:k])
			j = k - n
			continue
		}
		lw := strings.ToLower(w)
		if strings.HasPrefix(lw, "resolution") || strings.HasPrefix(lw, "decision") {
			return "", "", false
		}
		if organHeads[w] || isAcronym(w) && len(w) > 2 {
			if c, n, ok := organPhrase(s, ws+len(w)); ok {
				return c, n, true
			}
		}
		j = ws
	}
	return "", "", false
}

// symbolBefore returns the document symbol ending at i ("CBD/COP/15/17",
// "A/56/1026-S/2002/932"), or "".
func symbolBefore(s string, i int) string {
	b := i
	for b > 0 {
		c := s[b-1]
		if isAlnumByte(c) || c == '/' || c == '.' || c == '-' {
			b--
			continue
		}
		break
	}
	sym := s[b:i]
	if strings.Count(sym, "/") >= 1 && strings.IndexFunc(sym, unicode.IsUpper) >= 0 && !strings.HasSuffix(sym, "/") {
		return sym
	}
	return ""
}
