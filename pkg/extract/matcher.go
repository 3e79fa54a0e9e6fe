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
	if n.treaty == nil || (n.alias && !alias) {
		n.treaty, n.alias, n.upper = t, alias, toks[0].upper
	}
}

// match returns the longest title starting at token i: the index of its
// last token and its node, or -1.
func (m *Matcher) match(s string, toks []token, i int, key []byte) (int, *node, []byte) {
	n := m.root
	last, lastNode := -1, (*node)(nil)
	for j := i; j < len(toks); j++ {
		key = appendKey(key[:0], s[toks[j].start:toks[j].end])
		c, ok := n.next[string(key)]
		if !ok {
			break
		}
		n = c
		if n.treaty != nil && (!n.upper || toks[i].upper) {
			last, lastNode = j, n
		}
	}
	return last, lastNode, key
}

// First reports whether a word can start a title; used as a cheap filter.
func (m *Matcher) first(key []byte) bool {
	_, ok := m.root.next[string(key)]
	return ok
}
