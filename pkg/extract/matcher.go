package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/registry"
)

// Matcher finds registered treaty titles and aliases in text. It is built
// once per registry and safe for concurrent use.
type Matcher struct {
	// treaties are the registry's entries, which nodes hold by index.
	treaties []*registry.Treaty
	root     *node
	// lowerStarts: some title or alias starts with a lower-case word, so
	// lower-case words cannot be skipped; nonASCIIStarts: one starts with
	// a letter outside ASCII.
	lowerStarts, nonASCIIStarts bool
	// prefix marks the first letters (lower case, up to four) of every
	// first word of a title: a cheap test before a word is read and looked
	// up. prefix[n] holds the keys of n letters (words shorter than four
	// letters are keyed whole).
	prefix [5][]uint64
	// pair marks the first two letters of those keys (l0*27+l1, l1 = 26
	// for a one-letter key): a cheaper test made first.
	pair [27 * 27]bool
	// wordPair is pair with the first two letters of the short-form words
	// ("Convention", "Protocol", …) added: a capital whose pair is not in
	// it starts nothing the extractor looks for.
	wordPair [27 * 27]bool
}

type node struct {
	next map[string]*node
	// kids lists next when it is short (most nodes past the first word
	// have one or two): a text word is compared with each key in place,
	// with no key built and no hashing. Nil when next is used instead.
	kids []kid
	// ti is set where a title or alias ends: 1 + the index of its entry
	// in Matcher.treaties (0: none). An index, not a pointer, so that the
	// embedded registry's trie is Go data compiled into the binary
	// (zz_matcher.go).
	ti    int32
	alias bool
	// upper: the title starts with an upper-case letter, so a match must too.
	upper bool
	// year, if set, is the year a title starts with, of which the node is
	// the year-less form (addYearLess): a year must stand before a match.
	year  string
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
	m := &Matcher{treaties: reg.Treaties(), root: &node{next: map[string]*node{}}}
	for i, t := range m.treaties {
		ti := int32(i + 1)
		if t.AmendedFormOf != "" {
			// Matched as the base title followed by "as amended"; see
			// Extract. An alias of its own ("Amended Protocol II") is
			// matched as it reads.
			for _, a := range t.Aliases {
				m.add(a, ti, true)
			}
			continue
		}
		m.add(t.MatchTitle(), ti, false)
		for _, a := range t.Aliases {
			m.add(a, ti, true)
		}
		if short := shortTitle(t.MatchTitle()); short != "" {
			m.add(short, ti, true)
		}
		if t.TitleBase == "" {
			// (An entry with a title_base has its own year at the end,
			// read after the base.)
			for _, title := range append([]string{t.Title}, t.Aliases...) {
				if of := ofYearForm(title); of != "" {
					m.add(of, ti, true)
				}
			}
		}
	}
	for i, t := range m.treaties {
		ti := int32(i + 1)
		m.addYearLess(t.MatchTitle(), ti)
		for _, a := range t.Aliases {
			m.addYearLess(a, ti)
		}
	}
	m.wordPair = m.pair
	for _, w := range [...]string{"co", "pr", "ag", "tr", "st"} {
		m.wordPair[int(w[0]-'a')*27+int(w[1]-'a')] = true
	}
	return m
}

// ofYearForm returns a title that ends with a year after a comma with
// "of" before the year instead, as texts write both ("Protocol amending
// the Single Convention on Narcotic Drugs, 1961" and "… Drugs of 1961"),
// or "".
func ofYearForm(title string) string {
	n := len(title)
	if n < 7 || title[n-6:n-4] != ", " || !yearWord.MatchString(title[n-4:]) {
		return ""
	}
	return title[:n-6] + " of " + title[n-4:]
}

// titleTails start the descriptive tail of a title, which resolutions
// often leave out: "… Especially Women and Children, supplementing the
// United Nations Convention against Transnational Organized Crime", "…
// Certain Conventional Weapons Which May Be Deemed to Be Excessively
// Injurious or to Have Indiscriminate Effects".
var titleTails = []string{", supplementing the ", " Which May Be Deemed "}

// shortTitle returns a title without its descriptive tail, or "".
func shortTitle(title string) string {
	for _, tail := range titleTails {
		if i := strings.Index(title, tail); i > 0 {
			return title[:i]
		}
	}
	return ""
}

// treatyOf returns the entry whose title or alias ends at n, or nil.
func (m *Matcher) treatyOf(n *node) *registry.Treaty {
	if n.ti == 0 {
		return nil
	}
	return m.treaties[n.ti-1]
}

// add indexes title as the title or alias of entry ti (1 + its index),
// and returns its node if that is now ti's.
func (m *Matcher) add(title string, ti int32, alias bool) *node {
	// Titles are split into words by the same rule as the text they are
	// matched in (nextWord), so that their keys agree.
	var toks []word
	for w, ok := nextWord(title, 0); ok; w, ok = nextWord(title, w.end) {
		toks = append(toks, w)
	}
	if len(toks) == 0 {
		return nil
	}
	n := m.root
	var key []byte
	for i, tk := range toks {
		key = appendKey(key[:0], title[tk.start:tk.end])
		c := n.lookup(string(key))
		if c == nil {
			c = &node{depth: i + 1}
			n.insert(string(key), c)
		}
		n = c
	}
	if !toks[0].upper && !toks[0].digits {
		m.lowerStarts = true
	}
	if title[toks[0].start] >= 0x80 {
		m.nonASCIIStarts = true
	}
	// Titles that start with a year ("1951 Convention relating to …") are
	// reached through their year-less form, read with the year before it;
	// the scanner starts matches at capitalised words only.
	if n, k, ok := letterKey(title, toks[0].start); ok {
		m.setPrefix(n, k)
	} else if !toks[0].digits {
		m.nonASCIIStarts = true // no usable prefix: never filter
	}
	if n.ti == 0 || (n.alias && !alias) {
		n.ti, n.alias, n.upper = ti, alias, toks[0].upper
		return n
	}
	return nil
}

// addYearLess indexes the year-less form of a title or alias that starts
// with a year and has no year-less form of its own ("1925 Geneva
// Protocol"), to match only after that year (node.year).
func (m *Matcher) addYearLess(title string, ti int32) {
	y, ok := nextWord(title, 0)
	if !ok || !y.digits || !yearWord.MatchString(title[y.start:y.end]) {
		return
	}
	w, ok := nextWord(title, y.end)
	if !ok {
		return
	}
	if n := m.add(title[w.start:], ti, true); n != nil {
		n.year = title[y.start:y.end]
	}
}

type kid struct {
	key string
	n   *node
}

// maxKids is the most children a node lists in kids rather than looks up in
// next.
const maxKids = 8

// lookup returns the child keyed key, or nil.
func (n *node) lookup(key string) *node {
	if n.next != nil {
		return n.next[key]
	}
	for _, k := range n.kids {
		if k.key == key {
			return k.n
		}
	}
	return nil
}

// insert adds child c keyed key: to kids while there are few, to next
// from the (maxKids+1)th on. (A map for every node with children, turned
// into kids once every title was in, was most of NewMatcher's 5.4M
// instructions at every start.)
func (n *node) insert(key string, c *node) {
	if n.next != nil {
		n.next[key] = c
		return
	}
	n.kids = append(n.kids, kid{key, c})
	if len(n.kids) > maxKids {
		n.next = make(map[string]*node, len(n.kids))
		for _, k := range n.kids {
			n.next[k.key] = k.n
		}
		n.kids = nil
	}
}

// hasKids reports whether n has children.
func (n *node) hasKids() bool { return len(n.kids) > 0 || len(n.next) > 0 }

// child returns the child of n keyed by the word text[w.start:w.end], or
// nil. key is a scratch buffer, returned for reuse.
func (n *node) child(text string, w word, key []byte) (*node, []byte) {
	if n.kids != nil {
		for _, k := range n.kids {
			if keyEqual(text[w.start:w.end], k.key) {
				return k.n, key
			}
		}
		return nil, key
	}
	key = appendKey(key[:0], text[w.start:w.end])
	return n.next[string(key)], key
}

// match returns the longest title starting with word w, whose key the
// caller has looked up as n0 (root.next[key of w]): the last word of the
// match and its node (nil when nothing matches).
func (m *Matcher) match(text string, w word, n0 *node, key []byte) (word, *node, []byte) {
	n := n0
	var last word
	var lastNode *node
	if n.ti != 0 && (!n.upper || w.upper) {
		last, lastNode = w, n
	}
	for at := w.end; n.hasKids(); {
		var cur word
		c, start, end := n.step(text, at)
		fast := c != slow
		switch {
		case c == nil:
			return last, lastNode, key
		case !fast:
			if cur, c, key = n.slowStep(text, at, key); c == nil {
				return last, lastNode, key
			}
		default:
			cur = word{start: start, end: end}
		}
		n, at = c, cur.end
		if n.ti != 0 && (!n.upper || w.upper) {
			if fast {
				cur = asciiWord(text, cur.start, cur.end)
			}
			last, lastNode = cur, n
		}
	}
	return last, lastNode, key
}

// slow is what step returns for text it leaves to slowStep.
var slow = &node{}

// asciiWord is wordAt for an ASCII word known to span text[start:end].
func asciiWord(text string, start, end int) word {
	w := word{start: start, end: end, upper: text[start] >= 'A' && text[start] <= 'Z', digits: true}
	for _, b := range []byte(text[start:end]) {
		if b < '0' || b > '9' {
			w.digits = false
			break
		}
	}
	return w
}

// step reads the word after text[:i] and returns n's child for it and
// the word's span, nil if there is no such child, or slow for text that
// slowStep must read.
//
// Walking a title is most of the matcher's work, so ASCII text is compared
// with the children's keys in place, byte by byte, with the rules of
// wordAt and appendKey (letters folded to lower case, an apostrophe inside
// a word dropped); anything else goes the long way, through nextWord and
// child.
func (n *node) step(text string, i int) (c *node, start, end int) {
	if n.kids == nil {
		return slow, 0, 0
	}
	s := i
	for s < len(text) && !isAlnumByte(text[s]) {
		if text[s] >= utf8.RuneSelf {
			return slow, 0, 0
		}
		s++
	}
	if s == len(text) {
		return nil, 0, 0
	}
	c0 := text[s] | 0x20 // lower case; digits have the bit already
	for _, k := range n.kids {
		if k.key[0] != c0 {
			continue
		}
		t, j := s, 0
		for j < len(k.key) && t < len(text) {
			b := text[t]
			if b >= utf8.RuneSelf {
				return slow, 0, 0
			}
			if b == '\'' && t+1 < len(text) && isAlnumByte(text[t+1]) {
				t++ // inside the word, and not in its key
				continue
			}
			if !isAlnumByte(b) || b|0x20 != k.key[j] || t > s && camelBreak(text[t-1], b) {
				break
			}
			t++
			j++
		}
		if j < len(k.key) {
			continue
		}
		// The key is read: the word must end here.
		if t < len(text) {
			b := text[t]
			if b >= utf8.RuneSelf {
				return slow, 0, 0
			}
			if isAlnumByte(b) && !camelBreak(text[t-1], b) || b == '\'' && t+1 < len(text) && isAlnumByte(text[t+1]) {
				continue
			}
		}
		return k.n, s, t
	}
	return nil, 0, 0
}

// slowStep is step for any text: nextWord, then child.
func (n *node) slowStep(text string, i int, key []byte) (word, *node, []byte) {
	cur, ok := nextWord(text, i)
	if !ok {
		return word{}, nil, key
	}
	c, key := n.child(text, cur, key)
	return cur, c, key
}

// first returns the node of a title's first word, or nil.
func (m *Matcher) first(key []byte) *node {
	return m.root.next[string(key)]
}

// letterKey returns the number n (1 to 4) of ASCII letters that start
// text[i:] (at most four) and their index among the keys of n letters.
func letterKey(text string, i int) (int, int, bool) {
	k, n := 0, 0
	for n < 4 && i+n < len(text) {
		c := text[i+n] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		k = k*26 + int(c-'a')
		n++
	}
	if n == 0 || (i+n < len(text) && n < 4 && text[i+n] >= 0x80) {
		return 0, 0, false // a non-ASCII letter: no key
	}
	return n, k, true
}

func (m *Matcher) setPrefix(n, k int) {
	if m.prefix[n] == nil {
		size := 1
		for j := 0; j < n; j++ {
			size *= 26
		}
		m.prefix[n] = make([]uint64, (size+63)/64)
	}
	m.prefix[n][k/64] |= 1 << (k % 64)
	l0, l1 := k, 26
	for j := 1; j < n; j++ {
		l0 /= 26
	}
	if n >= 2 {
		l1 = k
		for j := 2; j < n; j++ {
			l1 /= 26
		}
		l1 %= 26
	}
	m.pair[l0*27+l1] = true
}

// skipCapital reports whether the capital A–Z at text[i] can be passed
// over at once: its first two letters start no title and no short-form
// word. It is a quick test made before mayStart and mayBeShortForm.
func (m *Matcher) skipCapital(text string, i int) bool {
	if m.nonASCIIStarts {
		return false
	}
	l1 := 26
	if i+1 < len(text) {
		c := text[i+1]
		if c >= utf8.RuneSelf {
			return false
		}
		if d := int(c|0x20) - 'a'; d >= 0 && d < 26 {
			l1 = d
		}
	}
	return !m.wordPair[int(text[i]-'A')*27+l1]
}

// mayStart reports whether a title could start at text[i]: its first
// letters begin some title's first word.
func (m *Matcher) mayStart(text string, i int) bool {
	if m.nonASCIIStarts {
		return true
	}
	// The first two letters, looked up in pair, turn away most words;
	// a non-ASCII second byte is left to letterKey.
	l0 := int(text[i]|0x20) - 'a'
	if l0 < 0 || l0 >= 26 {
		return false
	}
	if i+1 >= len(text) || text[i+1] < 0x80 {
		l1 := 26
		if i+1 < len(text) {
			if d := int(text[i+1]|0x20) - 'a'; d >= 0 && d < 26 {
				l1 = d
			}
		}
		if !m.pair[l0*27+l1] {
			return false
		}
	}
	n, k, ok := letterKey(text, i)
	if !ok {
		return false
	}
	set := m.prefix[n]
	return set != nil && set[k/64]&(1<<(k%64)) != 0
}
