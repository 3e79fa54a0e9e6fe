package extract

import (
	"github.com/citecheck/citecheck/pkg/registry"
)

// Matcher finds registered treaty titles and aliases in text. It is built
// once per registry and safe for concurrent use.
type Matcher struct {
	reg  *registry.Registry
	root *node
	// lowerStarts: some title or alias starts with a lower-case word, so
	// lower-case words cannot be skipped; nonASCIIStarts: one starts with
	// a letter outside ASCII.
	lowerStarts, nonASCIIStarts bool
	// prefix3 marks the first three letters (lower case) of every first
	// word of a title: a cheap test before the word is read and looked up.
	prefix3 [26 * 26 * 26]bool
}

type node struct {
	next map[string]*node
	// treaty is set where a title or alias ends.
	treaty *registry.Treaty
	alias  bool
	// upper: the title starts with an upper-case letter, so a match must too.
	upper bool
	depth int
}

// yearWord matches a year from 1800 to 2099.
var yearWord = yearMatcher{}

type yearMatcher struct{}

// MatchString reports whether s is a year from 1800 to 2099.
func (yearMatcher) MatchString(s string) bool {
	if len(s) != 4 || s[2] < '0' || s[2] > '9' || s[3] < '0' || s[3] > '9' {
		return false
	}
	return (s[0] == '1' && (s[1] == '8' || s[1] == '9')) || (s[0] == '2' && s[1] == '0')
}

// NewMatcher indexes the titles and aliases of reg. A title that ends in a
// year ("Single Convention on Narcotic Drugs of 1961") is indexed by its
// title_base, so that the year is read from the text and checked; a title
// with a year inside it ("… of 1961 as amended by the 1972 Protocol") is
// matched from its base and suffix instead.
func NewMatcher(reg *registry.Registry) *Matcher {
	m := &Matcher{reg: reg, root: &node{}}
	for _, t := range reg.Treaties() {
		if t.AmendedFormOf != "" {
			// Matched as the base title followed by "as amended"; see
			// Extract.
			continue
		}
		m.add(t.MatchTitle(), t, false)
		for _, a := range t.Aliases {
			m.add(a, t, true)
		}
	}
	return m
}

func (m *Matcher) add(title string, t *registry.Treaty, alias bool) {
	toks := tokenize(title, nil)
	if len(toks) == 0 {
		return
	}
	n := m.root
	var key []byte
	for i, tk := range toks {
		key = appendKey(key[:0], title[tk.start:tk.end])
		if n.next == nil {
			n.next = map[string]*node{}
		}
		c, ok := n.next[string(key)]
		if !ok {
			c = &node{depth: i + 1}
			n.next[string(key)] = c
		}
		n = c
	}
	if !toks[0].upper && !toks[0].digits {
		m.lowerStarts = true
	}
	if title[toks[0].start] >= 0x80 {
		m.nonASCIIStarts = true
	}
	if k, ok := triple(title, toks[0].start); ok {
		m.prefix3[k] = true
	} else {
		m.nonASCIIStarts = true // no usable prefix: never filter
	}
	if n.treaty == nil || (n.alias && !alias) {
		n.treaty, n.alias, n.upper = t, alias, toks[0].upper
	}
}

// match returns the longest title starting with word w, whose key the
// caller has looked up as n0 (root.next[key of w]): the last word of the
// match and its node (nil when nothing matches).
func (m *Matcher) match(text string, w word, n0 *node, key []byte) (word, *node, []byte) {
	n := n0
	var last word
	var lastNode *node
	if n.treaty != nil && (!n.upper || w.upper) {
		last, lastNode = w, n
	}
	for cur, ok := nextWord(text, w.end); ok; cur, ok = nextWord(text, cur.end) {
		key = appendKey(key[:0], text[cur.start:cur.end])
		c, found := n.next[string(key)]
		if !found {
			break
		}
		n = c
		if n.treaty != nil && (!n.upper || w.upper) {
			last, lastNode = cur, n
		}
	}
	return last, lastNode, key
}

// first returns the node of a title's first word, or nil.
func (m *Matcher) first(key []byte) *node {
	return m.root.next[string(key)]
}

// triple returns the index in prefix3 of the three ASCII letters at
// text[i:], lower-cased.
func triple(text string, i int) (int, bool) {
	if i+2 >= len(text) {
		return 0, false
	}
	a, b, c := text[i]|0x20, text[i+1]|0x20, text[i+2]|0x20
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' || c < 'a' || c > 'z' {
		return 0, false
	}
	return (int(a-'a')*26+int(b-'a'))*26 + int(c-'a'), true
}

// mayStart reports whether a title could start at text[i]: its first
// three letters begin some title.
func (m *Matcher) mayStart(text string, i int) bool {
	if m.nonASCIIStarts {
		return true
	}
	k, ok := triple(text, i)
	return ok && m.prefix3[k]
}
