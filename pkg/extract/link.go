package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/registry"
)

// Linking a footnote marker to the mention it annotates.
//
// A marker stands at the end of what its footnote documents, and in a
// resolution that is nearly always the title of an instrument, right after
// it ("the Convention on the Rights of the Child,4") or after words that
// finish the phrase: a short name in parentheses ("… of the Sea (the
// Convention),1"), the organization or date that goes with the title
// ("(No. 169), of the International Labour Organization,17", "…, adopted
// on 22 May 1969 by the United Nations Conference on the Law of
// Treaties,1"), the instrument's family ("… Crime and the Protocols
// thereto,23"). Sometimes it stands on words that refer back to a title
// named before ("that Convention,18", "the 1967 Protocol thereto4"), or
// before a short name in parentheses ("… of 12 August 1949,5 (Fourth Geneva
// Convention)").
//
// Each marker is linked once, to the nearest mention it may annotate; the
// words between must not name something else a footnote could document
// (another instrument, a resolution) or start a new sentence or paragraph.

// maxGap is the longest run of words between a mention and its marker.
const maxGap = 160

// link links the body mentions ms (in text order) to the footnotes whose
// markers they carry, setting Footnote and Citations; primaries returns
// the citations that document a footnote's subject. It returns the
// mentions made for markers on words that refer back to a title.
func (x *Extractor) link(a *refSlab, d *document.Document, ms []*Mention, primaries func(*document.Footnote) []*Citation) []*Mention {
	l := &linker{x: x, a: a, d: d, ms: ms, text: d.Body.Text, primaries: primaries}
	prevAt := 0
	for i := range d.Markers {
		mk := &d.Markers[i]
		lo := prevAt
		prevAt = mk.At
		m := l.owner(mk, l.candidate(mk, lo))
		if m == nil {
			continue
		}
		m.Footnote = mk.Label
		if mk.Note != nil {
			ps := primaries(mk.Note)
			if m.Citations == nil {
				m.Citations = ps
			} else {
				m.Citations = append(m.Citations[:len(m.Citations):len(m.Citations)], ps...)
			}
		}
	}
	listed(l.text, ms)
	return l.backs
}

// linker is the state of link: the document, its body mentions and the
// mentions made for words that refer back.
type linker struct {
	x         *Extractor
	a         *refSlab
	d         *document.Document
	ms        []*Mention
	text      string
	primaries func(*document.Footnote) []*Citation
	backs     []*Mention
}

// candidate returns the mention the marker mk stands after, lo being the
// previous marker's offset: a title it follows, words that refer back, a
// title inside a title; nil if none.
func (l *linker) candidate(mk *document.Marker, lo int) *Mention {
	text, ms, at := l.text, l.ms, mk.At
	// The last mention that starts before the marker.
	j := lastStartingBefore(ms, at)
	switch {
	case j >= 0 && ms[j].streamEnd > at && ms[j].Footnote == "":
		// Inside the title ("the Amendment1 to the Convention on the
		// Physical Protection of Nuclear Material"), or before the
		// words read with it (", 1978,53 as amended").
		return ms[j]
	case j >= 0 && ms[j].streamEnd >= lo && ms[j].Footnote == "" && nearGap(text[ms[j].streamEnd:at]):
		if ms[j].ShortForm {
			// "its 1967 Protocol,2": the short form is the protocol of
			// the title before, which backRef resolves it among.
			if b := l.backRef(j, lo, at); b != nil {
				return b
			}
		}
		return ms[j]
	}
	if m := parenMentionAfter(text, ms, j+1, at); m != nil {
		return m
	}
	if j >= 0 && l.farLink(mk, ms[j], lo) {
		return ms[j]
	}
	if b := l.backRef(j, lo, at); b != nil {
		return b
	}
	if j >= 0 && ms[j].streamStart < lo && lo < ms[j].streamEnd && ms[j].streamEnd <= at && nearGap(text[ms[j].streamEnd:at]) {
		// "the Doha Amendment112 to the Kyoto Protocol113": the first
		// marker stood inside the title, on the larger instrument;
		// this one is on the title inside it.
		if t := l.x.tailMention(l.a, &l.d.Body, ms[j], lo); t != nil {
			l.backs = append(l.backs, t)
			return t
		}
	}
	return nil
}

// backRef is Extractor.backRef for the marker at at, keeping a mention it
// makes.
func (l *linker) backRef(j, lo, at int) *Mention {
	b, isNew := l.x.backRef(l.a, l.d, l.ms, j, lo, at)
	if b != nil && isNew {
		l.backs = append(l.backs, b)
	}
	return b
}

// farLink reports whether the marker mk is m's past the words that
// finish its title. Past them (other than its short name in
// parentheses), a footnote must cite the Treaty Series to be the
// title's ("the Outer Space Treaty as the cornerstone of the
// international legal regime …,8" with "Ibid." of a resolution is the
// phrase's source) — unless the title is what an instrument before it
// was adopted under ("the Paris Agreement adopted under the … Convention
// on Climate Change in December 2015 24"), whose adopting decision the
// footnote gives.
func (l *linker) farLink(mk *document.Marker, m *Mention, lo int) bool {
	text, at := l.text, mk.At
	if m.streamEnd < lo || m.Footnote != "" || m.ShortForm || !farGap(text[m.streamEnd:at]) || l.d.ParaBetween(m.streamEnd, at) || ofBody(text, m.streamStart) {
		return false
	}
	return mk.Note == nil || treatySeries(l.primaries(mk.Note)) || shortNameGap(text[m.streamEnd:at]) || headBefore(text, l.ms, m) != nil
}

// owner returns the mention the marker mk documents, given the one it
// stands after (nil: none): the title of a short name in parentheses, the
// instrument a phrase is headed by, the larger title; nil when the
// footnote documents something else.
func (l *linker) owner(mk *document.Marker, m *Mention) *Mention {
	if m == nil {
		return nil
	}
	text := l.text
	if p := parenAliasOf(text, l.ms, m); p != nil {
		// "the Convention relating to the Status of Refugees (the
		// “1951 Convention”)1": the marker is the title's, not its
		// short name's.
		m = p
	}
	if h := headBefore(text, l.ms, m); h != nil && (mk.Note == nil || !cites(l.primaries(mk.Note), m.Treaty)) {
		// "the Paris Agreement adopted under the United Nations
		// Framework Convention on Climate Change,11": the marker is
		// the Agreement's, unless its footnote cites the Convention.
		m = h
	}
	if mk.Note != nil && !treatySeries(l.primaries(mk.Note)) && (annotatesOuter(text, l.ms, m, mk.At) || explanatory(mk.Note.Text.Text)) {
		// "the Final Document of the 2010 Review Conference of the
		// Parties to the Treaty on the Non-Proliferation of Nuclear
		// Weapons,4", with a footnote that cites no Treaty Series:
		// the marker is the conference's.
		return nil
	}
	if m.Outer != nil && m.Outer.Footnote == "" {
		// The marker is on the larger title: "… under article 34 of
		// Additional Protocol I to the Geneva Conventions of 1949;13".
		m = m.Outer
	}
	return m
}

// listed sets the With of each marked mention of ms: the titles listed
// right before it, with nothing but a comma, "and", "as well as" or "to"
// between ("the Optional Protocols to the Covenant, to the Convention on
// … and to the Convention on …,1"), that carry no marker of their own.
// A title footnoted earlier in the text is left out: resolutions
// footnote a title where it first appears, so "the Covenant and the
// Convention,5" after "the Covenant,2" has a footnote on the Convention
// only.
func listed(text string, ms []*Mention) {
	first := map[*registry.Treaty]int{} // where a treaty is first footnoted
	for _, m := range ms {
		if _, ok := first[m.Treaty]; !ok && m.Footnote != "" && m.Treaty != nil {
			first[m.Treaty] = m.streamStart
		}
	}
	for i, m := range ms {
		if m.Footnote == "" || m.ShortForm || m.Antecedent != nil {
			continue
		}
		next := m
		for k := i - 1; k >= 0; k-- {
			p := ms[k]
			if p.streamEnd > next.streamStart {
				continue // inside the title after it
			}
			// (A short form is listed too, "the 1988 Convention and the
			// Convention on Psychotropic Substances of 1971,1", its treaty
			// resolved after linking, from the document's titles.)
			if p.Footnote != "" || p.Treaty == nil && !p.ShortForm || !listJoint(text[p.streamEnd:next.streamStart]) {
				break
			}
			if at, ok := first[p.Treaty]; ok && at < p.streamStart {
				m.Again = append(m.Again, p)
				next = p
				continue
			}
			m.With = append(m.With, p)
			next = p
		}
	}
}

// cutILOTrailer returns s without the name of the International Labour
// Organization that a title of its conventions may end with, before a
// list goes on: ", of the International Labour Organization and the …"
// after "the Domestic Workers Convention, 2011 (No. 189)".
func cutILOTrailer(s string) string {
	t := strings.TrimPrefix(s, ",")
	for _, w := range [...]string{"of", "the", "International", "Labour", "Organization"} {
		t = strings.TrimLeft(t, " \n")
		var ok bool
		if t, ok = strings.CutPrefix(t, w); !ok {
			return s
		}
	}
	return t
}

// listJoint reports whether s, the text between two titles, joins them
// in a list: "[, of 1966][,] [and|or|as well as] [to] [the|its] ".
func listJoint(s string) bool {
	if s == "" {
		return false
	}
	s = strings.TrimLeft(s, " ")
	s = cutILOTrailer(s)
	// A year, a date or an ILO number read after the title before.
	if t := strings.TrimPrefix(strings.TrimPrefix(s, ","), " "); strings.HasPrefix(t, "of ") || len(t) >= 4 && isDigitByte(t[0]) || strings.HasPrefix(t, "(No.") {
		if i := strings.IndexAny(t, ",;"); i >= 0 && i < 30 && !strings.Contains(t[:i], " and ") {
			s = t[i:]
		}
	}
	s = strings.TrimPrefix(s, ",")
	for _, w := range [...]string{"and ", "or ", "as well as ", "to ", "the ", "its "} {
		s = strings.TrimLeft(s, " ")
		s = strings.TrimPrefix(s, w)
	}
	return strings.TrimSpace(s) == ""
}

// tailMention returns a mention of the title that ends the mention m
// after the offset at, where a marker stood: "… to the Kyoto Protocol"
// in "Doha Amendment to the Kyoto Protocol". It is embedded in m's title.
func (x *Extractor) tailMention(a *refSlab, s *document.Stream, m *Mention, at int) *Mention {
	text := s.Text
	i := spaces(text, at)
	for _, p := range [...]string{"to the ", "of the "} {
		if strings.HasPrefix(text[i:m.streamEnd], p) {
			i += len(p)
			break
		}
	}
	if i >= m.streamEnd || !startsWord(text, i) {
		return nil
	}
	w := wordAt(text, i)
	key := appendKey(nil, text[w.start:w.end])
	n0 := x.m.first(key)
	if n0 == nil {
		return nil
	}
	last, n, _ := x.m.match(text, w, n0, key)
	if n == nil || last.end != m.streamEnd || n.ti == 0 {
		return nil
	}
	t := a.mention()
	*t = Mention{Treaty: x.m.treatyOf(n), InFootnote: m.InFootnote}
	t.streamStart, t.streamEnd = w.start, last.end
	t.Start, t.End = s.Src(t.streamStart), s.SrcEnd(t.streamEnd)
	t.Text = text[t.streamStart:t.streamEnd]
	return t
}

// lastStartingBefore returns the index of the last mention that starts
// before offset at, or -1.
func lastStartingBefore(ms []*Mention, at int) int {
	lo, hi := 0, len(ms)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if ms[h].streamStart < at {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo - 1
}

// closing is what may stand between a title and its marker with nothing
// else: closing punctuation and space.
const closing = " ,;:.)”’\"'*"

// nearGap reports whether gap, the text between a mention and a marker,
// is only closing punctuation.
func nearGap(gap string) bool {
	return utf8.RuneCountInString(gap) <= 4 && strings.Trim(gap, closing) == "" // (runes: curly quotes are 3 bytes)
}

// parenMentionAfter returns the mention, among ms[k:], that stands in
// parentheses right after the marker at at: "… of 12 August 1949,5
// (Fourth Geneva Convention)".
func parenMentionAfter(text string, ms []*Mention, k, at int) *Mention {
	if k >= len(ms) || ms[k].Footnote != "" {
		return nil
	}
	i := spaces(text, at)
	if i >= len(text) || text[i] != '(' || i-at > 2 {
		return nil
	}
	m := ms[k]
	if m.streamStart-i > 5 || !onlyArticle(text[i+1:m.streamStart]) {
		return nil
	}
	if e := spaces(text, m.streamEnd); e >= len(text) || text[e] != ')' {
		return nil
	}
	return m
}

// onlyArticle reports whether s is empty or "the" with spaces.
func onlyArticle(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || s == "the"
}

// farGap reports whether gap, the words between a mention and a marker
// further on, only finish the mention's phrase: a parenthesis, a date, the
// organization that adopted it, a clause on its adoption or entry into
// force, its protocols "thereto". It refuses words that name what else a
// footnote could document (another instrument, a resolution, a report),
// and a new sentence or paragraph.
func farGap(gap string) bool {
	gap = strings.TrimRight(gap, closing)
	if len(gap) > maxGap {
		return false
	}
	depth := 0
	prevComma := false
	inName := false // in the name of a body: "the United Nations Conference on the Law of Treaties"
	for i := 0; i < len(gap); {
		c := gap[i]
		switch {
		case c == '(':
			depth++
			i++
			continue
		case c == ')':
			depth--
			i++
			continue
		case c == ';':
			return false
		case c == '.':
			// A sentence ends: ". The", ". 5.", but not "No. 169" or "U.N."
			if depth == 0 && i+2 < len(gap) && gap[i+1] == ' ' && (isUpperByte(gap[i+2]) || isDigitByte(gap[i+2])) && !abbrevBefore(gap, i) {
				return false
			}
			i++
			continue
		case c == ',':
			prevComma = true
			i++
			continue
		}
		if !isAlnumByte(c) && c < utf8.RuneSelf {
			i++
			continue
		}
		w := wordAt(gap, i)
		if w.end == w.start {
			_, n := utf8.DecodeRuneInString(gap[i:])
			i += n
			continue
		}
		word := gap[w.start:w.end]
		switch {
		case w.upper && bodyWords[word]:
			inName = true
		case !w.upper && !titleWords[word]:
			inName = false
		}
		if instrumentWord(word) && !backReferring(gap, w.end) && depth == 0 && !(inName && w.upper && strings.HasSuffix(word, "ies")) {
			// (A body's name may hold a plural: "Conference on the Law of
			// Treaties"; never the name of one instrument.)
			return false
		}
		if depth == 0 && prevComma && w.upper && strings.HasSuffix(word, "ing") {
			// ", Recalling …": the next preambular paragraph.
			return false
		}
		prevComma = false
		i = w.end
	}
	return true
}

// prevWordPastThe returns the word before text[i], or the one before
// that when it is "the": what governs a title ("of the Convention",
// "to Protocol II").
func prevWordPastThe(text string, i int) (word, bool) {
	p, ok := prevWord(text, i)
	if ok && text[p.start:p.end] == "the" {
		p, ok = prevWord(text, p.start)
	}
	return p, ok
}

// ofBody reports whether the title at start names what a body or meeting
// belongs to ("decision X/29, adopted at the tenth meeting of the
// Conference of the Parties to the Convention on Biological Diversity,
// held in Nagoya, …,144"): a marker further on is then the decision's or
// the meeting's, not the treaty's.
func ofBody(text string, start int) bool {
	p, ok := prevWordPastThe(text, start)
	if !ok || text[p.start:p.end] != "to" && text[p.start:p.end] != "of" {
		return false
	}
	q, ok := prevWord(text, p.start)
	if !ok {
		return false
	}
	switch text[q.start:q.end] {
	case "Parties", "parties", "Signatories", "signatories":
		return partiesAsBody(text, q)
	case "Conference", "Meeting", "meeting", "session", "Session", "secretariat", "Secretariat", "Committee":
		return true
	}
	return false
}

// partiesAsBody reports whether "parties" (or "signatories") at q, before
// "to the" and a title, are the parties met as a body: "the Conference of
// the Parties to", "the meeting of the parties to", "the Meeting of
// States Parties to", "the Conference of the States Parties to", "the
// Meeting of the High Contracting Parties to"; not States that are or
// become parties ("States parties to the …", "to consider becoming parties
// to the … Convention, 1999 (No. 182), of the International Labour
// Organization,1", "the obligations of the States parties to the …"),
// where the marker past the title's trailer is the treaty's.
func partiesAsBody(text string, q word) bool {
	p, ok := prevWord(text, q.start)
	for ok {
		switch text[p.start:p.end] {
		case "States", "Contracting", "High":
			p, ok = prevWord(text, p.start)
			continue
		case "the":
			p, ok = prevWord(text, p.start)
		}
		break
	}
	if !ok || text[p.start:p.end] != "of" {
		return false
	}
	b, ok := prevWord(text, p.start)
	return ok && meetingWords[strings.ToLower(text[b.start:b.end])]
}

// meetingWords name a meeting of a treaty's parties or its organ, before
// "of the Parties to".
var meetingWords = map[string]bool{
	"conference": true, "conferences": true, "meeting": true, "meetings": true, "assembly": true,
	"session": true, "sessions": true, "secretariat": true, "bureau": true,
}

// shortNameGap reports whether gap, between a title and its marker, is
// only the title's short name in parentheses: " (“the Convention”),".
func shortNameGap(gap string) bool {
	g := strings.TrimRight(strings.TrimSpace(gap), ",;:.")
	return len(g) > 2 && g[0] == '(' && g[len(g)-1] == ')' && strings.Count(g, "(") == 1 &&
		!strings.ContainsAny(g, "0123456789")
}

// indexOf returns the index of m in ms, which is in text order, or -1 (a
// mention made for words that refer back is not in ms). A binary search:
// link asks for every marker, and a scan would make long documents
// quadratic.
func indexOf(ms []*Mention, m *Mention) int {
	k := sort.Search(len(ms), func(i int) bool { return ms[i].streamStart >= m.streamStart })
	for ; k < len(ms) && ms[k].streamStart == m.streamStart; k++ {
		if ms[k] == m {
			return k
		}
	}
	return -1
}

// parenAliasOf returns the mention m is the short name of, given in
// parentheses right after it — "(the “1951 Convention”)", "(Kampala
// Convention)", "(hereinafter “the Agreement”)" — when both name the
// same instrument (or the short name is a short form, which refers to the
// title before it) and that title has no marker of its own; nil otherwise.
func parenAliasOf(text string, ms []*Mention, m *Mention) *Mention {
	k := indexOf(ms, m)
	if k <= 0 {
		return nil
	}
	// (A short form is resolved after linking: it names the title
	// before it.)
	p := ms[k-1]
	if p.Treaty == nil || p.Treaty != m.Treaty && !m.ShortForm || p.Footnote != "" || p.streamEnd > m.streamStart {
		return nil
	}
	gap := strings.TrimSpace(text[p.streamEnd:m.streamStart])
	if !strings.HasPrefix(gap, "(") {
		return nil
	}
	gap = strings.TrimSpace(gap[1:])
	gap = strings.TrimPrefix(gap, "hereinafter")
	gap = strings.TrimSpace(gap)
	gap = strings.TrimPrefix(gap, "the")
	gap = strings.Trim(gap, " “\"‘'")
	if gap != "" {
		return nil
	}
	after := strings.TrimLeft(text[m.streamEnd:], "”\"’' ")
	if !strings.HasPrefix(after, ")") {
		return nil
	}
	return p
}

// headBefore returns the mention that heads the phrase m ends, when m
// only says under which instrument it was made: "the Paris Agreement
// adopted under the United Nations Framework Convention on Climate
// Change". It returns nil unless that mention has no marker of its own.
func headBefore(text string, ms []*Mention, m *Mention) *Mention {
	k := indexOf(ms, m)
	if k <= 0 {
		return nil
	}
	h := ms[k-1]
	if h.Footnote != "" || h.Treaty == nil || h.streamEnd > m.streamStart || !underWords(text[h.streamEnd:m.streamStart]) {
		return nil
	}
	return h
}

// underWords reports whether gap reads "(,) (adopted|concluded|done)
// under the": the words that tie an instrument to the one it was made
// under.
func underWords(gap string) bool {
	if len(gap) > 40 {
		return false // (most gaps are long: no words to split)
	}
	w := strings.Fields(strings.TrimLeft(gap, " ,\n"))
	switch {
	case len(w) == 2:
		return w[0] == "under" && w[1] == "the"
	case len(w) == 3:
		return (w[0] == "adopted" || w[0] == "concluded" || w[0] == "done") && w[1] == "under" && w[2] == "the"
	}
	return false
}

// treatySeries reports whether one of cs is a Treaty Series citation (an
// "Ibid." of one too).
func treatySeries(cs []*Citation) bool {
	for _, c := range cs {
		if c.kind == KindUNTS {
			return true
		}
	}
	return false
}

// cites reports whether one of cs cites t.
func cites(cs []*Citation, t *registry.Treaty) bool {
	for _, c := range cs {
		for _, p := range c.Pairs {
			if slices.Contains(p.Treaties, t) {
				return true
			}
		}
	}
	return false
}

// annotatesOuter reports whether a marker at at, after the title of m,
// annotates a larger name that holds the title rather than the title: a
// meeting of the treaty's parties ("the fifteenth meeting of the
// Conference of the Parties to the Convention on Biological
// Diversity,10", "the Conference of the Parties serving as the Meeting of
// the Parties to the Paris Agreement, 29"), or a document whose quoted
// title names the treaty ("resolution 10/3, entitled “Effective
// implementation of the Protocol …”, adopted by …,33"). link asks only
// when the footnote cites no Treaty Series: one that does documents the
// treaty.
func annotatesOuter(text string, ms []*Mention, m *Mention, at int) bool {
	return ofParties(text, m.streamStart) || inEntitled(text, m.streamStart, at) ||
		ofAmendments(text, m.streamStart) || andToAmended(text, ms, m) ||
		ofReport(text, m.streamStart) || (m.streamEnd < at && caseAfter(text[m.streamEnd:at]))
}

// andToAmended reports whether m is the second title of "the amendments
// to the International Convention on Maritime Search and Rescue87 and to
// the International Convention for the Safety of Life at Sea,88".
func andToAmended(text string, ms []*Mention, m *Mention) bool {
	k := indexOf(ms, m)
	if k <= 0 {
		return false
	}
	p := ms[k-1]
	if p.streamEnd > m.streamStart || !ofAmendments(text, p.streamStart) {
		return false
	}
	gap := text[p.streamEnd:m.streamStart]
	if len(gap) > 20 {
		return false
	}
	w := strings.Fields(gap)
	return len(w) >= 2 && len(w) <= 3 && w[0] == "and" && w[1] == "to" && (len(w) == 2 || w[2] == "the")
}

// explanatory reports whether a footnote's text explains rather than
// cites: it holds no digit (every citation has a number: a volume, a
// symbol, a resolution, a year), no annex (a treaty's annexes are cited
// by Roman numerals) and is no "Ibid." ("Non-discrimination,
// the best interests of the child, …"; "Request(s) for observer status
// included, for the first time, in the agenda …"). A marker with such a
// footnote documents no treaty.
func explanatory(note string) bool {
	note = strings.TrimSpace(note)
	if strings.HasPrefix(note, "Ibid") || strings.HasPrefix(note, "ibid") || strings.HasPrefix(note, "Idem") {
		return false
	}
	if strings.Contains(note, "annex") || strings.Contains(note, "Annex") {
		return false // "International Convention for the Prevention of Pollution from Ships, annex IV"
	}
	return strings.IndexFunc(note, func(r rune) bool { return r >= '0' && r <= '9' }) < 0
}

// ofAmendments reports whether the title at start follows "amendments to
// (the)" or "amendment to (the)", in lower case: "in accordance with
// amendments to the Convention on Facilitation of International Maritime
// Traffic;103", whose footnote cites the amending resolution.
func ofAmendments(text string, start int) bool {
	p, ok := prevWordPastThe(text, start)
	if !ok || text[p.start:p.end] != "to" {
		return false
	}
	p, ok = prevWord(text, p.start)
	return ok && (text[p.start:p.end] == "amendments" || text[p.start:p.end] == "amendment")
}

// ofReport reports whether the title at start ends the name of a report,
// with no punctuation between: "the report of the Executive Secretary of
// the Convention on Biological Diversity;24", "the report of the
// Secretary-General on the implementation of resolution 79/207 on the
// United Nations Convention to Combat Desertification …,14".
func ofReport(text string, start int) bool {
	i := start
	for range 30 {
		w, ok := prevWord(text, i)
		if !ok || strings.ContainsAny(text[w.end:i], ",;:.()“”\"") {
			return false
		}
		if word := text[w.start:w.end]; word == "report" || word == "reports" {
			d, ok := prevWord(text, w.start)
			return ok && onlySpace(text[d.end:w.start]) && reportDeterminers[text[d.start:d.end]]
		}
		i = w.start
	}
	return false
}

// reportDeterminers stand before "report" in the name of one.
var reportDeterminers = map[string]bool{"the": true, "its": true, "his": true, "her": true, "their": true, "a": true, "annual": true}

// caseAfter reports whether gap, between a title and its marker, opens
// with the parties of a court case: "in Application of the International
// Convention on the Elimination of All Forms of Racial Discrimination
// (Ukraine v. Russian Federation),35" annotates the case.
func caseAfter(gap string) bool {
	i := spaces(gap, 0)
	if i == len(gap) || gap[i] != '(' {
		return false
	}
	end := strings.IndexByte(gap[i:], ')')
	return end > 0 && strings.Contains(gap[i:i+end], " v. ")
}

// ofParties reports whether the title at start follows "Conference of the
// Parties to (the)", "Meeting of the Parties to", "session of the Parties
// to" and the like.
func ofParties(text string, start int) bool {
	p, ok := prevWordPastThe(text, start)
	if !ok || text[p.start:p.end] != "to" {
		return false
	}
	words := [...]string{"Parties", "the", "of"}
	for _, want := range words {
		if p, ok = prevWord(text, p.start); !ok || text[p.start:p.end] != want {
			return false
		}
	}
	if p, ok = prevWord(text, p.start); !ok {
		return false
	}
	switch text[p.start:p.end] {
	case "Conference", "Conferences", "Meeting", "meeting", "Meetings", "meetings", "session", "Session", "sessions":
		return true
	}
	return false
}

// inEntitled reports whether the title at start stands inside a quoted
// title opened after "entitled" (or "titled") that closes before at.
func inEntitled(text string, start, at int) bool {
	const open, shut = "“", "”"
	if start >= at {
		return false // (a title in parentheses after the marker)
	}
	lo := max(0, start-400)
	o := strings.LastIndex(text[lo:start], open)
	if o < 0 {
		return false
	}
	o += lo
	if strings.Contains(text[o:start], shut) || !strings.Contains(text[start:at], shut) {
		return false
	}
	p, ok := prevWord(text, o)
	return ok && (text[p.start:p.end] == "entitled" || text[p.start:p.end] == "titled")
}

// bodyWords head the names of bodies, whose names may hold instrument
// words ("the United Nations Conference on the Law of Treaties").
var bodyWords = map[string]bool{
	"Conference": true, "Organization": true, "Organisation": true, "Commission": true,
	"Committee": true, "Council": true, "Assembly": true, "Court": true, "Tribunal": true,
	"Office": true, "Agency": true, "Institute": true, "Union": true,
}

// abbrevBefore reports whether the full stop at gap[i] ends a short
// abbreviation ("No.", "Nos.", "Vol.", "St.").
func abbrevBefore(gap string, i int) bool {
	j := i
	for j > 0 && isAlnumByte(gap[j-1]) {
		j--
	}
	return i-j > 0 && i-j <= 3
}

// gapWords name what a footnote documents besides the title it
// follows: other instruments, resolutions, reports, outcomes.
var gapWords = map[string]bool{
	"convention": true, "conventions": true, "protocol": true, "protocols": true,
	"treaty": true, "treaties": true, "agreement": true, "agreements": true,
	"covenant": true, "covenants": true, "charter": true, "statute": true, "statutes": true,
	"declaration": true, "declarations": true, "programme": true, "programmes": true,
	"plan": true, "plans": true, "framework": true, "agenda": true, "strategy": true,
	"principles": true, "guidelines": true, "rules": true, "code": true, "amendment": true,
	"amendments": true, "accord": true, "accords": true, "pact": true, "compact": true,
	"resolution": true, "resolutions": true, "decision": true, "decisions": true,
	"report": true, "reports": true, "outcome": true, "document": true, "documents": true,
	"instrument": true, "instruments": true, "arrangement": true, "arrangements": true,
	"memorandum": true, "annex": true, "conclusions": true, "consensus": true,
	"commitment": true, "commitments": true, "platform": true, "action": true,
}

// instrumentWord reports whether w (any case) is one of gapWords.
func instrumentWord(w string) bool {
	if len(w) > 16 {
		return false
	}
	var buf [16]byte
	b := buf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return gapWords[string(b)]
}

// backReferring reports whether the words at gap[i:] make the instrument
// word before them refer back to the title ("Protocols thereto").
func backReferring(gap string, i int) bool {
	w, ok := nextWord(gap, i)
	if !ok {
		return false
	}
	next := gap[w.start:w.end]
	return next == "thereto" || next == "to" && strings.HasPrefix(gap[w.end:], " it")
}

func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }
func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// backRef makes a mention for a marker on words that refer back to a
// title named before: "that Convention,18", "the Optional Protocol
// thereto14", "the 1967 Protocol thereto4", "the Additional Protocols
// thereto of 8 June 1977,3". j is the last mention before the marker at
// at; lo is where the previous marker stood. The mention refers to the
// nearest mention before the words that can be their antecedent, and
// names its treaty: a footnote on the protocols of a treaty cites
// instruments related to it.
//
// A short form the words hold ("1967 Protocol") becomes the mention, and
// is resolved among the protocols of the antecedent's treaty; isNew says
// that the mention is new.
func (x *Extractor) backRef(a *refSlab, d *document.Document, ms []*Mention, j, lo, at int) (m *Mention, isNew bool) {
	text := d.Body.Text
	end := at
	for end > lo && strings.IndexByte(closing, text[end-1]) >= 0 {
		end--
	}
	ph, ok := backPhrase(text, lo, end)
	if !ok {
		return nil, false
	}
	k, ante, also := x.antecedent(d, ms, j, ph)
	if ante == nil {
		return nil, false
	}
	// A short form inside the words ("the 1967 Protocol thereto").
	for i := k + 1; i <= j; i++ {
		if ms[i].ShortForm && ms[i].streamStart >= ph.start && ms[i].streamEnd <= ph.wordEnd {
			m = ms[i]
		}
	}
	if m == nil {
		m, isNew = a.mention(), true
		*m = Mention{InFootnote: ante.InFootnote}
	}
	m.ShortForm, m.Antecedent, m.Treaty = false, ante, ante.Treaty
	m.With = also
	if m.Year != 0 && m.shortWord != "" {
		if p := x.protocolOf(ante.Treaty, m.Year, m.shortWord); p != nil {
			m.Treaty = p
		}
	}
	m.streamStart, m.streamEnd = ph.start, end
	m.Start, m.End = d.Body.Src(m.streamStart), d.Body.SrcEnd(m.streamEnd)
	m.Text = text[m.streamStart:m.streamEnd]
	return m, isNew
}

// backWords are words that refer back to a title: text[start:wordEnd]
// (before any date after "thereto").
type backWords struct {
	start, wordEnd int
	// kind is the instrument word the antecedent's title must have
	// ("convention" for "that Convention"), "" for any.
	kind string
	// plural: the words name instruments, plural ("the Protocols
	// thereto").
	plural bool
}

// backPhrase reads the words that refer back to a title and end at end
// (after lo): "[the|its] [Optional|Additional] [1967] Protocol(s) [I]
// thereto [, of 1977]", "its Optional Protocol on …", "the|that|this
// Convention".
func backPhrase(text string, lo, end int) (backWords, bool) {
	// A date after "thereto": "… thereto, of 1977", "thereto of 8 June 1977".
	phraseEnd := stripDate(text, lo, end)
	w, ok := prevWord(text, phraseEnd)
	if !ok || w.end != phraseEnd || w.start < lo {
		return backWords{}, false
	}
	ph := backWords{wordEnd: w.end}
	switch word := text[w.start:w.end]; {
	case word == "thereto":
		start, plural, ok := protocolsThereto(text, lo, w)
		if !ok {
			return backWords{}, false
		}
		ph.start, ph.plural = start, plural
	case theretoDescribed(text, lo, w.end) != nil:
		// "the Optional Protocol thereto on the involvement of children
		// in armed conflict,2": the words before the description.
		t := theretoDescribed(text, lo, w.end)
		start, plural, ok := protocolsThereto(text, lo, *t)
		if !ok {
			return backWords{}, false
		}
		ph.start, ph.plural = start, plural
	case itsProtocol(text, lo, w.end) >= 0:
		// "its Optional Protocol on the involvement of children in armed
		// conflict,8": the protocol of the title before.
		// "its Amendment, adopted on 8 July 2005,5": the amendment of
		// the title before. (The plural "its Amendments" is the nearest
		// title's too: only protocols are shared out over a list.)
		ph.start = itsProtocol(text, lo, w.end)
		ph.plural = strings.Contains(text[ph.start:w.end], "Protocols")
	default:
		// the|that|this|said Convention|Protocol|Treaty|Agreement|…
		sw, isShort := shortFormWords[strings.ToLower(word)]
		if !isShort || !w.upper {
			return backWords{}, false
		}
		p, ok := prevWord(text, w.start)
		if !ok || p.start < lo || !onlySpace(text[p.end:w.start]) {
			return backWords{}, false
		}
		switch text[p.start:p.end] {
		case "the", "that", "this", "said", "The", "That", "This":
		default:
			return backWords{}, false
		}
		ph.start, ph.kind = p.start, sw
	}
	return ph, true
}

// protocolsThereto reads "[the|its] [Optional|Additional] [1967]
// Protocol(s) [I|II|III]" before "thereto" (the word w), and returns
// where it starts and whether it is plural.
func protocolsThereto(text string, lo int, w word) (start int, plural, ok bool) {
	p, ok := prevWord(text, w.start)
	if ok && (text[p.start:p.end] == "I" || text[p.start:p.end] == "II" || text[p.start:p.end] == "III") {
		p, ok = prevWord(text, p.start)
	}
	if ok && text[p.start:p.end] == "Additional" {
		// "the Protocols Additional thereto", as their titles read.
		p, ok = prevWord(text, p.start)
	}
	if !ok || !instrumentWord(text[p.start:p.end]) || !p.upper && !hasPrefixAnyCase(text[p.start:p.end], "Protocol") && !hasPrefixAnyCase(text[p.start:p.end], "Amendment") {
		// "the protocols thereto" and "amendments thereto" are written
		// in lower case too; other instrument words name the title.
		return 0, false, false
	}
	start, plural = p.start, strings.HasSuffix(text[p.start:p.end], "s")
	for {
		q, ok := prevWord(text, start)
		if !ok || q.start < lo || !onlySpace(text[q.end:start]) {
			break
		}
		qw := text[q.start:q.end]
		if qw == "Optional" || qw == "Additional" || qw == "optional" || qw == "additional" || q.digits && yearWord.MatchString(qw) {
			start = q.start
			continue
		}
		if qw == "the" || qw == "its" || qw == "their" {
			start = q.start
		}
		break
	}
	return start, plural, true
}

// antecedent returns the mention the words ph refer to, and its index:
// the nearest mention before them (ms[j] is the last before the marker),
// with nothing between that names another instrument of the kind. After a
// list of titles, plural protocols "thereto" are those of the one listed
// title with such protocols. nil if there is no such mention.
func (x *Extractor) antecedent(d *document.Document, ms []*Mention, j int, ph backWords) (int, *Mention, []*Mention) {
	text := d.Body.Text
	k := j
	for k >= 0 && ms[k].streamEnd > ph.start {
		k--
	}
	if k < 0 {
		return k, nil, nil
	}
	ante := ms[k]
	if ante.Treaty == nil || ph.start-ante.streamEnd > 400 || ante.Embedded || ante.ShortForm {
		return k, nil, nil
	}
	between := text[ante.streamEnd:ph.start]
	if ph.kind != "" && !x.hasKind(ante, ph.kind) || x.namesAnother(between, ph.kind, ante) || strings.ContainsAny(between, ";") || d.ParaBetween(ante.streamEnd, ph.start) {
		return k, nil, nil
	}
	if !ph.plural || k == 0 || !coordinatedMentions(text, ms[k-1], ante) {
		return k, ante, nil
	}
	// "the Convention on …7 and the Convention on …,8 and the Optional
	// Protocols thereto,9": the protocols of both; of only one when only one of the
	// titles listed has protocols ("the Convention for the Protection of
	// All Persons from Enforced Disappearance,3 as well as the Geneva
	// Conventions4 and the Additional Protocols thereto,5"). (A protocol,
	// singular, is the nearest one's.)
	var with []*Mention
	for i := k; i >= 0; i-- {
		if x.hasProtocols(ms[i].Treaty, qualifier(text[ph.start:ph.wordEnd])) {
			with = append(with, ms[i])
		}
		if i == 0 || !coordinatedMentions(text, ms[i-1], ms[i]) {
			break
		}
	}
	if len(with) == 0 {
		return k, nil, nil
	}
	// Several: the words refer to the nearest, and to the others as the
	// titles listed with it (Mention.With), whose protocols the footnote
	// may cite too.
	return k, with[0], with[1:]
}

// descriptionOpeners open the description of a protocol after
// "thereto": "on the involvement of children in armed conflict", "for
// the …", "relating to …".
var descriptionOpeners = map[string]bool{"on": true, "for": true, "relating": true, "concerning": true, "against": true}

// theretoDescribed returns the word "thereto" that a lower-case
// description follows up to end ("… thereto on the involvement of
// children in armed conflict"), or nil.
func theretoDescribed(text string, lo, end int) *word {
	from := max(lo, end-120)
	i := strings.LastIndex(text[from:end], " thereto ")
	if i < 0 {
		return nil
	}
	i += from + 1
	rest := strings.Fields(text[i+len("thereto") : end])
	if len(rest) < 2 || !descriptionOpeners[rest[0]] {
		return nil // "… thereto and to the other relevant instruments" is no description
	}
	for _, f := range rest {
		if !titleWords[f] && (f[0] < 'a' || f[0] > 'z') {
			return nil
		}
	}
	return &word{start: i, end: i + len("thereto")}
}

// itsProtocol returns where "its|their [1967|two|three]
// [Optional|Additional] Protocol[s]" or "its|their Amendment[s]" starts
// (the instrument word in either case) when the words text[lo:end] end
// with it and lower-case words after it ("its Optional Protocol on the
// involvement of children in armed conflict", "its 1967 Protocol", "its
// two Optional Protocols", "its Amendment", "their Additional
// Protocols", "its protocols"), or -1.
func itsProtocol(text string, lo, end int) int {
	from := max(lo, end-120)
	i, det := -1, ""
	for _, d := range [...]string{"its ", "their "} {
		if k := strings.LastIndex(text[from:end], d); k >= 0 && from+k > i {
			i, det = from+k, d
		}
	}
	if i < 0 || i > 0 && isAlnumByte(text[i-1]) {
		return -1
	}
	rest := text[i+len(det) : end]
	if w, ok := nextWord(rest, 0); ok && w.start == 0 && w.end < len(rest) && rest[w.end] == ' ' &&
		(w.digits && yearWord.MatchString(rest[:w.end]) || rest[:w.end] == "two" || rest[:w.end] == "three") {
		rest = rest[w.end+1:]
	}
	qualified := false
	for _, q := range [...]string{"Optional ", "Additional ", "optional ", "additional "} {
		if r, ok := strings.CutPrefix(rest, q); ok {
			rest, qualified = r, true
			break
		}
	}
	var after string
	switch {
	case hasPrefixAnyCase(rest, "Protocol"):
		after = rest[len("Protocol"):]
	case hasPrefixAnyCase(rest, "Amendment") && !qualified:
		after = rest[len("Amendment"):]
	default:
		return -1
	}
	// Only lower-case words after "Protocol[s]": a description, not a
	// title.
	for _, f := range strings.Fields(strings.TrimLeft(after, "s")) {
		if !titleWords[f] && (f[0] < 'a' || f[0] > 'z') {
			return -1
		}
	}
	return i
}

// hasPrefixAnyCase reports whether s starts with word, its first letter in
// either case ("Protocol", "protocol").
func hasPrefixAnyCase(s, word string) bool {
	return len(s) >= len(word) && s[0]|0x20 == word[0]|0x20 && s[1:len(word)] == word[1:]
}

// hasProtocols reports whether the registry knows protocols to t, whose
// title or an alias has the word qual ("Optional", "Additional") if it
// is not "".
func (x *Extractor) hasProtocols(t *registry.Treaty, qual string) bool {
	if t == nil {
		return false
	}
	for _, p := range x.reg.Treaties() {
		if p.ProtocolTo != t.ID {
			continue
		}
		if qual == "" || strings.Contains(p.Title, qual) || slices.ContainsFunc(p.Aliases, func(a string) bool { return strings.Contains(a, qual) }) {
			return true
		}
	}
	return false
}

// qualifier returns "Optional" or "Additional" when the words name
// protocols so, or "".
func qualifier(words string) string {
	for _, q := range [...]string{"Optional", "Additional"} {
		if strings.Contains(words, q) {
			return q
		}
	}
	return ""
}

// protocolOf returns the one instrument of the kind (word: "protocol")
// and year that is a protocol to t, or nil.
func (x *Extractor) protocolOf(t *registry.Treaty, year int, word string) *registry.Treaty {
	var found *registry.Treaty
	for _, p := range x.reg.Treaties() {
		if p.ProtocolTo != t.ID || !x.fits(p, year, word) {
			continue
		}
		if found != nil {
			return nil
		}
		found = p
	}
	return found
}

// coordinated reports whether between, the words between two mentions,
// only join them: "and", "or", "as well as", commas and articles.
// coordinatedMentions reports whether mentions p and q, in text order, are
// coordinated; overlapping ones ("… of 1961" and "1961 Protocol") are not.
func coordinatedMentions(text string, p, q *Mention) bool {
	return p.streamEnd <= q.streamStart && coordinated(text[p.streamEnd:q.streamStart])
}

func coordinated(between string) bool {
	if len(between) > 20 {
		return false
	}
	for _, f := range strings.FieldsFunc(between, func(r rune) bool { return strings.ContainsRune(closing, r) }) {
		switch f {
		case "and", "or", "the", "as", "well", "its":
		default:
			return false
		}
	}
	return true
}

// hasKind reports whether the title of m's treaty names the instrument
// kind ("convention").
func (x *Extractor) hasKind(m *Mention, kind string) bool {
	return m.Treaty != nil && namesKind(m.Treaty, kind)
}

// namesAnother reports whether s names an instrument of the kind ("" for
// any) other than the one ante names: "the Convention" between a
// Convention's title and "the 1967 Protocol thereto" is that Convention
// again ("accede to the Convention and the 1967 Protocol thereto"), where
// "the Convention on …" or "a Convention" is another.
func (x *Extractor) namesAnother(s, kind string, ante *Mention) bool {
	var prev word
	for i := 0; i < len(s); {
		w, ok := nextWord(s, i)
		if !ok {
			return false
		}
		if w.upper {
			if sw, ok := shortFormWords[strings.ToLower(s[w.start:w.end])]; ok && (kind == "" || sw == kind) && !x.sameAgain(s, prev, w, sw, ante) {
				return true
			}
		}
		prev, i = w, w.end
	}
	return false
}

// sameAgain reports whether the word w of s, an instrument word of the
// kind sw after the word prev, refers back to ante: "the|that|this
// Convention" for a Convention, and no title going on after it ("the
// Convention on …").
func (x *Extractor) sameAgain(s string, prev, w word, sw string, ante *Mention) bool {
	switch s[prev.start:prev.end] {
	case "the", "that", "this", "said":
	default:
		return false
	}
	if prev.end > w.start || !onlySpace(s[prev.end:w.start]) || !x.hasKind(ante, sw) {
		return false
	}
	next, ok := nextWord(s, w.end)
	if !ok {
		return true
	}
	if next.upper || titleLinks[s[next.start:next.end]] {
		return false
	}
	return true
}

// titleLinks are the words after which a title goes on ("Convention on
// …", "Protocol relating to …").
var titleLinks = map[string]bool{
	"on": true, "of": true, "for": true, "relating": true, "against": true, "to": true,
	"concerning": true, "between": true, "regarding": true, "in": true, "establishing": true,
}

// stripDate returns where text[lo:end] ends without a date that follows
// "thereto": ", of 1977", " of 8 June 1977".
func stripDate(text string, lo, end int) int {
	y, ok := prevWord(text, end)
	if !ok || y.end != end || !y.digits || !yearWord.MatchString(text[y.start:y.end]) {
		return end
	}
	// The dated words are those yearAfterPhrase reads after a title ("
	// of 8 June 1977", ", adopted on 8 July 2005", ", signed at Geneva on
	// 17 June 1925"), ending with this year: the first space or comma
	// from which they read so.
	for k := max(lo, end-100); k < y.start; k++ {
		if text[k] != ' ' && text[k] != ',' || k > lo && (text[k-1] == ' ' || text[k-1] == ',') {
			continue
		}
		if ys, ok := yearAfterPhrase(text[k:end]); ok && k+ys == y.start {
			e := k
			for e > lo && (text[e-1] == ' ' || text[e-1] == ',') {
				e--
			}
			return e
		}
	}
	return end
}

func monthName(w string) bool {
	switch w {
	case "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December":
		return true
	}
	return false
}
