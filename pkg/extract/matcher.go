package extract

import (
	"regexp"

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

var yearWord = regexp.MustCompile(`^(1[89]|20)\d\d$`)

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
	if n.treaty == nil || (n.alias && !alias) {
		n.treaty, n.alias, n.upper = t, alias, toks[0].upper
	}
}

// match returns the longest title starting with word w: the last word of
// the match and its node (nil when nothing matches).
func (m *Matcher) match(text string, w word, key []byte) (word, *node, []byte) {
	n := m.root
	var last word
	var lastNode *node
	for cur, ok := w, true; ok; cur, ok = nextWord(text, cur.end) {
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

// First reports whether a word can start a title; used as a cheap filter.
func (m *Matcher) first(key []byte) bool {
	_, ok := m.root.next[string(key)]
	return ok
}
