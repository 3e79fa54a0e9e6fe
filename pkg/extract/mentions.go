package extract

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/internal/bytescan"
	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/resolution"
)

// words that make a title part of a larger one: "Protocol … to the",
// "Accession to the", "Secretariat of the".
var embedPreps = map[string]bool{
	"to": true, "of": true, "on": true, "for": true, "under": true, "with": true,
	"amending": true, "supplementing": true, "concerning": true, "relating": true,
}

// Capitalised words before "to the"/"of the" that do not start a title.
var notTitleWords = map[string]bool{
	"parties": true, "party": true, "states": true, "state": true, "signatories": true,
	"the": true, "a": true, "an": true,
}

var shortFormWords = map[string]string{
	"convention": "convention", "conventions": "convention", "protocol": "protocol",
	"protocols": "protocol", "agreement": "agreement", "treaty": "treaty", "statute": "statute",
}

// mentions finds treaty mentions in one stream. cites are the citations in
// the same stream, for linking "Title (United Nations, Treaty Series, …)".
//
// Every registered title starts with a capital, so only capitalised words
// are looked at; the words around them are read as needed.
func (x *Extractor) mentions(a *refSlab, s *document.Stream, label string, cites []*Citation) []*Mention {
	text := s.Text
	var out []*Mention
	var keyBuf, kbBuf [64]byte // most keys fit: no allocation per stream
	key, kb := keyBuf[:0], kbBuf[:0]
	// keyOf returns a word's key in a reused buffer: use it at once (map
	// lookups and comparisons with string(…) do not allocate).
	keyOf := func(w word) []byte {
		kb = appendKey(kb[:0], text[w.start:w.end])
		return kb
	}
	// Titles start at capitals (unless the registry has one that does
	// not): mark them all in one pass, then visit only those.
	var stops []uint64
	if !x.m.lowerStarts {
		a.stops = capitals.Bitmap(text, a.stops)
		stops = a.stops
	}
	// Where a list of names that share their instrument word starts ("the
	// treaties of Tlatelolco, Rarotonga, …"), -1 if none was seen.
	listFrom := -1
	for i := 0; i < len(text); i++ {
		if stops != nil {
			if i = bytescan.Next(stops, i); i >= len(text) {
				break
			}
		}
		if !x.mayStartMention(text, i, &listFrom) {
			continue
		}
		w := wordAt(text, i)
		key = appendKey(key[:0], text[w.start:w.end])
		var last word
		var n *node
		if n0 := x.m.first(key); n0 != nil {
			last, n, key = x.m.match(text, w, n0, key)
		}
		if n != nil && n.year != "" && (!yearBefore(text, w.start) || romanAfter(text, last.end)) {
			// "Geneva Protocol" without a year before it, or another
			// one: "the 1977 Geneva Protocol I".
			n = nil
		}
		if n == nil {
			out = x.unmatched(a, s, w, label, keyOf, out)
			i = w.end - 1
			continue
		}
		m := x.titleMention(a, s, w, last, n, label, keyOf, out)
		m.Citations = citationsAfter(text, m.streamEnd, cites)
		if len(m.Citations) > 0 {
			sharedParen(text, m, out, cites)
		}
		out = append(out, m)
		i = m.streamEnd - 1
	}
	return out
}

// mayStartMention reports whether a title may start at text[i], cheaply:
// a capital that starts a registered title's first word, an instrument
// word of a short form, or a name in a list that shares its instrument
// word.
func (x *Extractor) mayStartMention(text string, i int, listFrom *int) bool {
	c := text[i]
	switch {
	case c >= 'A' && c <= 'Z':
		if x.m.skipCapital(text, i) && !listItem(text, i, listFrom) {
			return false
		}
	case c >= 'a' && c <= 'z' && x.m.lowerStarts:
	case c >= 0x80 && (x.m.nonASCIIStarts || x.m.lowerStarts):
		r, _ := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			return false
		}
	default:
		return false
	}
	return (x.m.mayStart(text, i) || mayBeShortForm(text, i) || listItem(text, i, listFrom)) && startsWord(text, i)
}

// unmatched makes the mentions a word that starts no registered title may
// still start: a name in a list that shares its instrument word, or a
// short form. It appends them to out.
func (x *Extractor) unmatched(a *refSlab, s *document.Stream, w word, label string, keyOf func(word) []byte, out []*Mention) []*Mention {
	text := s.Text
	if t := x.elliptic(text, w); t != nil {
		// "the treaties of Tlatelolco, Rarotonga, Bangkok and
		// Pelindaba": "Treaty of Rarotonga".
		m := a.mention()
		*m = Mention{Treaty: t, InFootnote: label, Text: text[w.start:w.end]}
		m.streamStart, m.streamEnd = w.start, w.end
		m.Start, m.End = s.Src(w.start), s.SrcEnd(w.end)
		return append(out, m)
	}
	// "the 1988 Convention": a year before a capitalised instrument word
	// that starts no registered title.
	if mayBeShortForm(text, w.start) {
		if sw, ok := shortFormWords[string(keyOf(w))]; ok {
			if y, ok := prevWord(text, w.start); ok && y.digits && yearWord.MatchString(text[y.start:y.end]) && onlySpace(text[y.end:w.start]) {
				out = append(out, x.shortForm(a, s, y, w, sw, label))
			}
		}
	}
	return out
}

// titleMention makes the mention of the title that starts with w, ends
// with last and is registered at node n, with the year the text gives
// it and the words read with it (", as amended"). out are the mentions of
// the stream before it.
func (x *Extractor) titleMention(a *refSlab, s *document.Stream, w, last word, n *node, label string, keyOf func(word) []byte, out []*Mention) *Mention {
	text := s.Text
	m := a.mention()
	*m = Mention{Treaty: x.m.treatyOf(n), InFootnote: label}
	m.streamStart, m.streamEnd = w.start, last.end
	if last.digits && yearWord.MatchString(text[last.start:last.end]) {
		m.Year, _ = strconv.Atoi(text[last.start:last.end])
		m.YearStart, m.YearEnd = s.Src(last.start), s.SrcEnd(last.end)
		m.YearInTitle = true
	}
	if m.streamEnd < len(text) && text[m.streamEnd] == ')' && strings.Count(text[m.streamStart:m.streamEnd], "(") > strings.Count(text[m.streamStart:m.streamEnd], ")") {
		m.streamEnd++ // "… Convention, 1989 (No. 169)"
	}
	head := embedded(text, w, keyOf, a.paras)
	m.Embedded = head != ""
	// In "Protocols Additional to the Geneva Conventions of 1949" the
	// year is the Conventions', or the protocol's: checked against both
	// (treaty-year).
	m.InProtocol = head == "protocol" || head == "protocols" || head == "amendment" || head == "amendments"
	if m.Embedded && len(out) > 0 {
		// "Additional Protocol I to the Geneva Conventions of 1949": the
		// larger title is a mention too, and its year tells whose a year
		// after the smaller one is.
		if p := out[len(out)-1]; p.Treaty != nil && p.streamEnd <= m.streamStart && abuts(text[p.streamEnd:m.streamStart]) {
			m.Outer = p
		}
	}
	// "the 1951 Convention relating to the Status of Refugees"
	if m.Year == 0 {
		if y, ok := prevWord(text, w.start); ok && y.digits && yearWord.MatchString(text[y.start:y.end]) && onlySpace(text[y.end:w.start]) {
			if the, ok := prevWord(text, y.start); ok && wordIs(text, the, "the") {
				m.Year, _ = strconv.Atoi(text[y.start:y.end])
				m.YearStart, m.YearEnd = s.Src(y.start), s.SrcEnd(y.end)
				m.streamStart = y.start
			}
		}
	}
	if m.Year == 0 && (!m.Embedded || m.Outer != nil || m.InProtocol) {
		yearAfter(s, m)
	}
	if am := matchAmended(text[m.streamEnd:min(len(text), m.streamEnd+80)]); am != nil {
		if a, ok := x.amended[m.Treaty]; ok {
			m.Treaty = a
		}
		m.streamEnd += am[1]
	}
	if !m.Embedded && (goesOnAsTitle(text[m.streamEnd:min(len(text), m.streamEnd+40)]) || x.toAnother(m, text[m.streamEnd:min(len(text), m.streamEnd+80)])) {
		// "the 1986 Vienna Convention on the Law of Treaties between States
		// and International Organizations …", "the Montreal Protocol of
		// 1988 for the Suppression of …": the registered title starts the
		// name of another instrument, whose year this is.
		m.Embedded = true
	}
	m.Start, m.End = s.Src(m.streamStart), s.SrcEnd(m.streamEnd)
	m.Text = text[m.streamStart:m.streamEnd]
	return m
}

// goesOnAsTitle reports whether rest, what follows a registered title (and
// the year read with it), goes on with the words of a longer name, with no
// comma between: "between States and …", "for the Suppression of …",
// "amending the Tokyo Convention". ("to the …" is not read so: "Amended
// Protocol II of 3 May 1996 to the Convention on …" is the registered
// Protocol's own name, and "the Montreal Protocol of 2014 to the Tokyo
// Convention" is left.)
func goesOnAsTitle(rest string) bool {
	i := 0
	for i < len(rest) && rest[i] == ' ' {
		i++
	}
	if i == 0 {
		return false
	}
	for _, w := range [...]string{"between ", "for the ", "amending the "} {
		if strings.HasPrefix(rest[i:], w) {
			j := i + len(w)
			return j < len(rest) && rest[j] >= 'A' && rest[j] <= 'Z'
		}
	}
	return false
}

// toAnother reports whether rest, after the title and year of m, goes on
// "to the" another instrument than m's treaty belongs to: "the Montreal
// Protocol of 2014 to the Tokyo Convention" (not the ozone Protocol's: it
// belongs to the Vienna Convention), not "Amended Protocol II of 3 May 1996
// to the Convention on Prohibitions …" (its own: registry.Ancestors). Only
// after a year, as a protocol's title goes on: "reports under the
// Convention … to the Committee" is no title.
func (x *Extractor) toAnother(m *Mention, rest string) bool {
	if m.Treaty == nil || m.Year == 0 || m.YearInTitle || !strings.HasPrefix(rest, " to the ") {
		return false
	}
	after := rest[len(" to the "):]
	if after == "" || after[0] < 'A' || after[0] > 'Z' {
		return false
	}
	for _, p := range x.reg.Ancestors(m.Treaty) {
		for _, title := range append([]string{p.Title, p.MatchTitle()}, p.Aliases...) {
			n := min(len(title), 20)
			if n > 0 && len(after) >= n && strings.EqualFold(after[:n], title[:n]) {
				return false
			}
		}
	}
	return true
}

// yearAfter reads the year that follows the title of m, if any: " of
// 1971", ", 1961", ", adopted … on 12 August 1949", and extends m over it.
func yearAfter(s *document.Stream, m *Mention) {
	text := s.Text
	rest := text[m.streamEnd:min(len(text), m.streamEnd+160)]
	if !mayGiveYear(rest) {
		return
	}
	var ys, ye, end int
	if a, b, ok := ofYear(rest); ok {
		// The common " of 1971", without the regexp.
		ys, ye, end = a, b, b
	} else if !mayGiveDatedYear(rest) {
		y, ok := commaYear(rest)
		if !ok {
			return
		}
		ys, ye, end = y, y+4, y+4
	} else if y, ok := yearAfterPhrase(rest); ok && !rangeFollows(rest[y+4:]) {
		if !datedClauseIsTitles(s.Text, m, rest[:y+4]) {
			return
		}
		ys, ye, end = y, y+4, y+4
	} else if y, ok := commaYear(rest); ok {
		ys, ye, end = y, y+4, y+4
	} else {
		return
	}
	y, _ := strconv.Atoi(rest[ys:ye])
	if m.Treaty != nil && meetingOfParties(text, m) && meetingYear(m.Treaty, y) {
		// "the Review Conference of the Parties to the Treaty on the
		// Non-Proliferation of Nuclear Weapons of 2010", "decision 15/4
		// of the Conference of the Parties to the Convention on
		// Biological Diversity of 19 December 2022": a year after all of
		// the treaty's is the meeting's.
		return
	}
	if respectively(text[m.streamEnd+end : min(len(text), m.streamEnd+end+120)]) {
		// "the Convention … and the Protocol …, of 1985 and 1987,
		// respectively": the first year is the first title's, not this
		// one's.
		return
	}
	m.Year = y
	m.YearStart, m.YearEnd = s.Src(m.streamEnd+ys), s.SrcEnd(m.streamEnd+ye)
	m.streamEnd += end
}

// meetingOfParties reports whether the title of m is governed by "the
// Conference (Meeting, Review Conference, Assembly) of [the] [States]
// Parties to the": a meeting's phrase, whose date may follow the title
// ("the Assembly of States Parties to the Rome Statute …", "the Meeting of
// the High Contracting Parties to …"). ("States parties to the
// Convention … of 1989" is not one.)
func meetingOfParties(text string, m *Mention) bool {
	w := m.streamStart
	next := func() (string, bool) {
		p, ok := prevWord(text, w)
		if !ok {
			return "", false
		}
		w = p.start
		return strings.ToLower(text[p.start:p.end]), true
	}
	for _, want := range [...]string{"the", "to", "parties"} {
		if got, ok := next(); !ok || got != want {
			return false
		}
	}
	got, ok := next()
	for ok && (got == "states" || got == "contracting" || got == "high") {
		got, ok = next()
	}
	if ok && got == "the" {
		got, ok = next()
	}
	if !ok || got != "of" {
		return false
	}
	switch got, _ = next(); got {
	case "conference", "conferences", "meeting", "meetings", "assembly":
		return true
	}
	return false
}

// meetingYear reports whether year y, after the title of a treaty t that
// a meeting of its parties governs, can only be the meeting's: after the
// treaty's years and after its entry into force (the year after the
// latest of its years where the registry has no entry into force). A
// treaty with no year in the registry gives no such certainty.
func meetingYear(t *registry.Treaty, y int) bool {
	last := latestYear(t)
	if last == 0 {
		return false
	}
	if eif := registry.Year(t.EntryIntoForce); eif > 0 {
		return y > max(last, eif)
	}
	return y > last+1
}

// latestYear returns the latest of t's years: adoption, conclusion,
// opening for signature, the year texts cite.
func latestYear(t *registry.Treaty) int {
	return max(registry.Year(t.Adopted), registry.Year(t.Concluded), registry.Year(t.OpenedForSignature), t.CitedYear)
}

// respectively reports whether s, what follows a year, goes on with more
// years or dates of a list given out "respectively" (" and 1987,
// respectively", ", 1961 and 1967, respectively", " and 13 December 2006,
// respectively").
func respectively(s string) bool {
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && (s[j] == ' ' || s[j] == ',' || s[j] == '\n') {
			j++
		}
		if k, ok := hasWordAt(s, j, "and"); ok {
			j = skipSpace(s, k)
		}
		if k, ok := hasWordAt(s, j, "respectively"); ok && k > j {
			return i > 0
		}
		if y, ok := datedYear(s, j); ok && y+4 <= len(s) {
			i = y + 4
			continue
		}
		return false
	}
	return false
}

// datedClauseIsTitles reports whether the dated words clause after the
// title of m (", adopted on 20 November 1989", " of 12 August 1949",
// ", opened for signature on 26 January 1990") give the year of m's
// treaty. A participial clause after a title that a preposition governs
// may describe the larger phrase ("the amendment to article 20,
// paragraph 1, of the Convention on …, adopted in 1995"; "the Kunming-
// Montreal Global Biodiversity Framework of the Convention on Biological
// Diversity, adopted on 19 December 2022"), and an opening for signature
// is often a year after the adoption: its year is the treaty's only where
// the registry records that date.
func datedClauseIsTitles(text string, m *Mention, clause string) bool {
	c := strings.TrimLeft(clause, " ,\n\t")
	if strings.HasPrefix(c, "of") {
		return true
	}
	if strings.HasPrefix(c, "opened") && (m.Treaty == nil || m.Treaty.OpenedForSignature == "") {
		return false
	}
	p, ok := prevWord(text, m.streamStart)
	if ok && strings.EqualFold(text[p.start:p.end], "the") {
		p, ok = prevWord(text, p.start)
	}
	if !ok || !governingPreps[text[p.start:p.end]] {
		return true
	}
	// Governed: the clause is the larger phrase's when that names an
	// instrument or a meeting of the treaty's parties ("the amendment to
	// article 20, paragraph 1, of the Convention …", "the Global
	// Biodiversity Framework of the Convention …"), the treaty's after
	// other words ("the provisions of the Vienna Convention on the Law of
	// Treaties, adopted on 22 May 1969").
	return !instrumentBefore(text, p.start, 12) && !ofParties(text, m.streamStart)
}

// instrumentBefore reports whether one of the n words before offset i,
// within its sentence and paragraph, names an instrument (gapWords). A
// preambular paragraph opens with a capitalised "-ing" word ("Bearing in
// mind the provisions of …").
func instrumentBefore(text string, i, n int) bool {
	for range n {
		w, ok := prevWord(text, i)
		if !ok || strings.ContainsAny(text[w.end:i], ";.") {
			return false
		}
		word := text[w.start:w.end]
		if instrumentWord(word) {
			return true
		}
		if w.upper && strings.HasSuffix(word, "ing") {
			return false
		}
		i = w.start
	}
	return false
}

// governingPreps make the title after them part of a larger phrase.
var governingPreps = map[string]bool{
	"of": true, "to": true, "under": true, "by": true, "for": true, "from": true,
	"within": true, "with": true, "at": true, "in": true, "on": true, "against": true,
}

// citationsAfter returns the citations, among cites (in stream order),
// that stand in parentheses right after offset end: "Title (United
// Nations, Treaty Series, …)". It finds the first at or after end, not
// every one for every mention.
func citationsAfter(text string, end int, cites []*Citation) []*Citation {
	var out []*Citation
	for k := firstCiteFrom(cites, end); k < len(cites) && cites[k].streamStart <= end+3; k++ {
		if c := cites[k]; strings.Contains(text[end:c.streamStart], "(") {
			out = append(out, c)
		}
	}
	return out
}

// sharedParen reads the titles before m that share its parenthesis of
// citations: "Vienna Convention on Diplomatic Relations and Vienna
// Convention on Consular Relations (ibid., vol. 500, No. 7310, and vol.
// 596, No. 8638)". The titles listed before m (out, the mentions before
// it), with no citation of their own, are m's With, and every citation in
// the parenthesis is m's: each pair documents one of them, as under a
// marker that ends a list. Without a title listed before it, m keeps the
// citation that opens the parenthesis alone.
func sharedParen(text string, m *Mention, out []*Mention, cites []*Citation) {
	next := m
	var with []*Mention
	for k := len(out) - 1; k >= 0; k-- {
		p := out[k]
		if p.streamEnd > next.streamStart || p.Treaty == nil || len(p.Citations) > 0 || !listJoint(text[p.streamEnd:next.streamStart]) {
			break
		}
		with = append(with, p)
		next = p
	}
	if len(with) == 0 {
		return
	}
	last := m.Citations[len(m.Citations)-1]
	for k := firstCiteFrom(cites, last.streamEnd); k < len(cites); k++ {
		if strings.ContainsAny(text[last.streamEnd:cites[k].streamStart], "()") {
			break
		}
		m.Citations = append(m.Citations[:len(m.Citations):len(m.Citations)], cites[k])
		last = cites[k]
	}
	m.With = append(m.With, with...)
}

// abuts reports whether between, the words between a title and one
// embedded in it, are only the preposition that joins them ("to the").
func abuts(between string) bool {
	f := strings.Fields(between)
	return len(f) >= 1 && len(f) <= 2 && embedPreps[f[0]] && (len(f) == 1 || f[1] == "the")
}

// elliptic returns the treaty that the name w stands for in a list that
// shares its instrument word: "the treaties of Tlatelolco, Rarotonga,
// Bangkok and Pelindaba" names the Treaty of Rarotonga. The registry
// must know "Treaty of <name>" as a title or alias.
func (x *Extractor) elliptic(text string, w word) *registry.Treaty {
	if !w.upper {
		return nil
	}
	cur := w
	for n := 0; n < 8; n++ {
		p, ok := prevWord(text, cur.start)
		if !ok {
			return nil
		}
		sep := strings.TrimSpace(text[p.end:cur.start])
		switch pw := text[p.start:p.end]; {
		case pw == "of" && sep == "":
			t, ok := prevWord(text, p.start)
			if !ok || (text[t.start:t.end] != "treaties" && text[t.start:t.end] != "Treaties") || strings.TrimSpace(text[t.end:p.start]) != "" {
				return nil
			}
			return x.treatyOf(text, w)
		case pw == "and" && (sep == "" || sep == ","):
			// "…, Bangkok and Pelindaba": the name before "and".
			q, ok := prevWord(text, p.start)
			if !ok || !q.upper || strings.TrimSpace(text[q.end:p.start]) != "" && strings.TrimSpace(text[q.end:p.start]) != "," {
				return nil
			}
			cur = q
		case p.upper && sep == ",":
			cur = p
		default:
			return nil
		}
	}
	return nil
}

// listItem reports whether the capital at i follows what starts or
// continues a list of names that share an instrument word: "of " (the
// treaties of Tlatelolco), ", " or "and " (…, Rarotonga, Bangkok and
// Pelindaba). It is a cheap test before elliptic, which reads the list.
//
// *from is where the last such list started ("treaties of "), -1 if none:
// only the names shortly after it are items.
func listItem(text string, i int, from *int) bool {
	// (A marker taken out may leave two spaces: "Tlatelolco,  Rarotonga".)
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	if j == i {
		return false
	}
	switch {
	case j >= 2 && text[j-2:j] == "of":
		if j >= 11 && strings.HasSuffix(text[:j-2], "reaties ") {
			*from = i
			return true
		}
	case *from >= 0 && i-*from < 120 && (j >= 1 && text[j-1] == ',' || j >= 3 && text[j-3:j] == "and"):
		return true
	}
	return false
}

// treatyOf returns the treaty the registry calls "Treaty of <w>".
func (x *Extractor) treatyOf(text string, w word) *registry.Treaty {
	n := x.m.root.next["treaty"]
	if n == nil {
		return nil
	}
	if n = n.lookup("of"); n == nil {
		return nil
	}
	c, _ := n.child(text, w, nil)
	if c == nil {
		return nil
	}
	return x.m.treatyOf(c)
}

// firstCiteFrom returns the index of the first of cites (in stream order)
// that starts at or after offset at.
func firstCiteFrom(cites []*Citation, at int) int {
	lo, hi := 0, len(cites)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if cites[h].streamStart < at {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

// mayGiveYear is a cheap test for what yearAfterPhrase and commaYear match:
// a year phrase starts with a comma followed by a digit or a word, or with
// "of", "adopted", "signed", "done", "concluded" or "opened".
func mayGiveYear(rest string) bool {
	r := strings.TrimLeft(rest, " ")
	if strings.HasPrefix(r, ",") {
		r = strings.TrimLeft(r[1:], " ")
		if r != "" && r[0] >= '0' && r[0] <= '9' {
			return true // commaYear
		}
	}
	return startsDatedYear(r)
}

// mayGiveDatedYear is the part of mayGiveYear that only yearAfterPhrase can
// match: "of …", "adopted …" and the like, after an optional comma.
func mayGiveDatedYear(rest string) bool {
	r := strings.TrimLeft(rest, " ")
	if strings.HasPrefix(r, ",") {
		r = strings.TrimLeft(r[1:], " ")
	}
	return startsDatedYear(r)
}

func startsDatedYear(r string) bool {
	for _, w := range [...]string{"of ", "adopted", "signed", "done", "concluded", "opened"} {
		if strings.HasPrefix(r, w) {
			return true
		}
	}
	return false
}

// ofYear matches " of YYYY" at the start of rest, not followed by a
// digit, a range or a slash; it returns the year's span.
func ofYear(rest string) (int, int, bool) {
	if !strings.HasPrefix(rest, " of ") || len(rest) < 8 || !yearWord.MatchString(rest[4:8]) {
		return 0, 0, false
	}
	if len(rest) > 8 && (isAlnumByte(rest[8]) || rangeFollows(rest[8:min(len(rest), 12)])) {
		return 0, 0, false
	}
	return 4, 8, true
}

// rangeFollows reports whether s starts with the rest of a range or a
// fraction, `^\s*[-–/]\s*\d` ("1949-1977", "2000/01").
func rangeFollows(s string) bool {
	i := spaces(s, 0)
	switch {
	case strings.HasPrefix(s[i:], "–"):
		i += len("–")
	case i < len(s) && (s[i] == '-' || s[i] == '/'):
		i++
	default:
		return false
	}
	i = spaces(s, i)
	return i < len(s) && s[i] >= '0' && s[i] <= '9'
}

// matchAmended matches ", as amended …" after a title. A "Protocol" that
// starts a title of its own ("as amended by the Protocol amending the
// Single Convention …") is not read with it.
func matchAmended(rest string) []int {
	e, ok := amendedPhrase(rest)
	if !ok {
		return nil
	}
	if strings.HasSuffix(rest[:e], "amended") {
		// ", as amended on 3 May 1996 (Amended Protocol II)"
		return []int{0, amendedWhen(rest, e)}
	}
	if !strings.HasSuffix(rest[:e], "Protocol") || !titleGoesOn(rest[e:]) {
		return []int{0, e}
	}
	am := strings.Index(rest, "amended")
	if strings.Contains(rest[:am], "and") {
		return nil // "and amended by the Protocol …", the protocol's title
	}
	return []int{0, am + len("amended")}
}

// titleGoesOn reports whether rest, which follows "Protocol", goes on with
// the words of a title: "amending …", "to the …", "relating to …", "on
// …", "for …", "of the …", "Additional …". A number after the word is a
// date or a count, not a title's: "… Protocol on 8 August 1975".
func titleGoesOn(rest string) bool {
	i := spaces(rest, 0)
	if i == 0 || i == len(rest) {
		return false
	}
	for _, w := range [...]string{"amending ", "to ", "relating ", "on ", "for ", "of the ", "against ", "concerning "} {
		if strings.HasPrefix(rest[i:], w) {
			j := i + len(w)
			if w == "to " && j < len(rest) && rest[j] >= 'a' && rest[j] <= 'z' && !protocolToWord(rest[j:]) {
				// "… as amended by the 1972 Protocol1 to fully implement":
				// a verb, not "Protocol to the …", "Protocol to Prevent …",
				// "Protocol to amend the Convention …".
				return false
			}
			return j == len(rest) || !isDigit(rest[j])
		}
	}
	return rest[i] >= 'A' && rest[i] <= 'Z'
}

// protocolToWord reports whether rest, after "Protocol to", starts with a
// lower-case word a protocol's title goes on with: "the", "that", "this",
// "amend".
func protocolToWord(rest string) bool {
	for _, w := range [...]string{"the ", "that ", "this ", "amend "} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// isSpaceRE reports the bytes that `\s` matches in a regexp.
func isSpaceRE(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// yearBefore reports whether the word before text[i] is a year: the
// year-less form of "1925 Geneva Protocol" is a mention after one, whose
// year treaty-year then checks ("the 1928 Geneva Protocol").
func yearBefore(text string, i int) bool {
	p, ok := prevWord(text, i)
	return ok && p.digits && yearWord.MatchString(text[p.start:p.end]) && onlySpace(text[p.end:i])
}

// romanAfter reports whether the word after text[i] is a Roman numeral
// of a protocol ("I", "II", "III", "IV", "V").
func romanAfter(text string, i int) bool {
	w, ok := nextWord(text, i)
	if !ok || !onlySpace(text[i:w.start]) {
		return false
	}
	switch text[w.start:w.end] {
	case "I", "II", "III", "IV", "V":
		return true
	}
	return false
}

// mayBeShortForm reports whether text[i:] starts with an instrument word
// of a short form ("Convention", "Protocol", …).
func mayBeShortForm(text string, i int) bool {
	var w string
	switch text[i] {
	case 'C':
		w = "Convention"
	case 'P':
		w = "Protocol"
	case 'A':
		w = "Agreement"
	case 'T':
		w = "Treaty"
	case 'S':
		w = "Statute"
	default:
		return false
	}
	return len(text)-i >= len(w) && text[i+1:i+len(w)] == w[1:]
}

func onlySpace(s string) bool { return strings.TrimSpace(s) == "" }

// embedded reports whether the title starting with word w is part of a
// larger capitalised title: "Optional Protocol to the Convention …",
// "Memorandum … in Connection with Ukraine’s Accession to the Treaty …",
// "Protocol of 2014 to the Forced Labour Convention". The larger title is
// a run of capitalised words (and the small words titles have inside)
// with a word that heads instruments ("Protocol", "Amendment",
// "Memorandum", "Accession", …); "article VI of the Treaty", "appendix I
// to the Convention", "entry into force on 7 July 2007 of the Treaty" and
// "obligations of Myanmar under the Convention" are not larger titles.
//
// It returns the head word of the larger title, lower-cased, or "" when
// there is none.
func embedded(text string, w word, keyOf func(word) []byte, paras []int) string {
	// The word before the title, past "the": both readings start there.
	p, ok := prevWord(text, w.start)
	if ok && wordIs(text, p, "the") {
		p, ok = prevWord(text, p.start)
	}
	if !ok {
		return ""
	}
	if amendmentTo(text, w, p, keyOf) {
		return "(amendment)"
	}
	if !embedPreps[string(keyOf(p))] {
		return ""
	}
	p2, ok := prevWord(text, p.start)
	if !ok || strings.ContainsAny(text[p2.end:w.start], ".;:") {
		return ""
	}
	// "its commitment to the Treaty on the Non-Proliferation of Nuclear
	// Weapons,1 to the Convention on …": a comma before the preposition
	// ends the title before it, unless that title is a protocol's or an
	// amendment's, which goes on to what it belongs to ("… (Amended
	// Protocol II), to the Convention on …"; "…, supplementing the …").
	comma := strings.IndexByte(text[p2.end:p.start], ',') >= 0
	if p2.digits {
		// "Protocol of 2014 to the …", "Amended Protocol II of 3 May 1996
		// to the …", not "… entry into force on 7 July 2007 of the …".
		if !yearWord.MatchString(text[p2.start:p2.end]) {
			return ""
		}
		of, ok := prevWord(text, p2.start)
		if ok && monthName(text[of.start:of.end]) {
			if of, ok = prevWord(text, of.start); ok && of.digits {
				of, ok = prevWord(text, of.start)
			}
		}
		if !ok || !wordIs(text, of, "of") {
			return ""
		}
		h, ok := prevWord(text, of.start)
		if !ok {
			return ""
		}
		return titleRunHead(text, h, keyOf, paras)
	}
	if !p2.upper || notTitleWords[string(keyOf(p2))] {
		return ""
	}
	head := titleRunHead(text, p2, keyOf, paras)
	if comma && !protocolHead(head) {
		return ""
	}
	return head
}

// protocolHead reports whether a title headed by head belongs to another
// instrument, whose title follows it: a protocol's, an amendment's.
func protocolHead(head string) bool {
	switch head {
	case "protocol", "protocols", "amendment", "amendments", "(amendment)":
		return true
	}
	return false
}

// amendmentTo reports whether the title at w follows "amendment(s) to
// [article N of] the": "the amendments to article 8 of the Rome Statute
// of the International Criminal Court, adopted on 10 June 2010". A year
// after the title is then the amendment's. (embedded returns
// "(amendment)": a lower-case head, not a protocol's title.) p is the word
// before the title, past "the".
func amendmentTo(text string, w, p word, keyOf func(word) []byte) bool {
	if wordIs(text, p, "of") {
		// "article 8 of", "articles 5 and 8 of", "article XI of",
		// "article 43, paragraph 2, of"
		n, ok := prevWord(text, p.start)
		for ok && (n.digits || wordIs(text, n, "and") || wordIs(text, n, "paragraph") || wordIs(text, n, "paragraphs") || isRomanNumeral(text[n.start:n.end])) {
			n, ok = prevWord(text, n.start)
		}
		if !ok || !bytes.HasPrefix(keyOf(n), []byte("article")) {
			return false
		}
		if p, ok = prevWord(text, n.start); !ok {
			return false
		}
	}
	if !wordIs(text, p, "to") {
		return false
	}
	// The word that heads the phrase: right before "to" ("the
	// adjustments to the Montreal Protocol"), or a few words back where
	// the head's subject follows it with "on" ("the Amendments on the
	// crime of aggression to the Rome Statute …"); not "the amendment by
	// States parties to", "the adjustment of national legislation to".
	a, ok := prevWord(text, p.start)
	if ok && changeWord(text, a, keyOf) && !strings.ContainsAny(text[a.end:w.start], ".;:") {
		return true
	}
	for n := 0; ok && n < 6; n++ {
		if strings.ContainsAny(text[a.end:w.start], ".;:,") {
			return false
		}
		if changeWord(text, a, keyOf) {
			_, on := hasWordAt(text, skipSpace(text, a.end), "on")
			return on
		}
		a, ok = prevWord(text, a.start)
	}
	return false
}

// changesTo are the words of instruments that change a treaty, whose year
// after the treaty's title is their own: "the Adjustments to the Montreal
// Protocol … of 2007".
var changesTo = map[string]bool{
	"amendment": true, "amendments": true, "adjustment": true, "adjustments": true,
}

// changeWord reports whether w is one of changesTo. Every one starts with
// an "a": other words are turned away before their key is built (amendmentTo
// asks it of up to six words before every title).
func changeWord(text string, w word, keyOf func(word) []byte) bool {
	return text[w.start]|0x20 == 'a' && changesTo[string(keyOf(w))]
}

// isRomanNumeral reports whether s is a Roman numeral in capitals ("XI").
func isRomanNumeral(s string) bool {
	if s == "" || strings.IndexByte("IVXLCDM", s[0]) < 0 {
		return false // (most words: ParseRoman costs a thousand instructions)
	}
	_, ok := resolution.ParseRoman(s)
	return ok
}

// titleWords may stand inside a capitalised title in lower case.
var titleWords = map[string]bool{
	"of": true, "the": true, "to": true, "and": true, "on": true, "for": true, "in": true,
	"with": true, "against": true, "between": true, "concerning": true, "relating": true,
	"amending": true, "supplementing": true, "by": true, "at": true, "from": true, "under": true,
}

// headWords head the titles that can hold another title.
var headWords = map[string]bool{
	"protocol": true, "protocols": true, "amendment": true, "amendments": true,
	"agreement": true, "memorandum": true, "convention": true, "treaty": true,
	"statute": true, "covenant": true, "charter": true, "accession": true, "annex": true,
	"rules": true, "regulations": true, "arrangement": true, "declaration": true,
	"code": true, "principles": true, "guidelines": true, "instrument": true,
}

// titleRunHead returns the nearest head word, lower-cased, of the run of
// capitalised words ending with w (title words and Roman numerals inside
// it), or "".
func titleRunHead(text string, w word, keyOf func(word) []byte, paras []int) string {
	for n := 0; n < 30; n++ {
		k := keyOf(w)
		switch {
		case w.upper && headWords[string(k)]:
			return string(k)
		case w.upper, titleWords[string(k)] && n > 0:
		case w.digits && yearWord.MatchString(text[w.start:w.end]):
		default:
			return ""
		}
		p, ok := prevWord(text, w.start)
		if !ok || strings.ContainsAny(text[p.end:w.start], ".;:") {
			return ""
		}
		if w.upper && strings.HasSuffix(string(k), "ing") && strings.IndexByte(text[p.end:w.start], ',') >= 0 {
			// ", Referring to the …": the next preambular paragraph
			// starts, after the title before it ends.
			return ""
		}
		if paraStarts(paras, p.end, w.start) {
			// "…the Paris Agreement,1" / "Mindful of the Convention …": a
			// title does not run on across a paragraph.
			return ""
		}
		w = p
	}
	return ""
}

// paraStarts reports whether one of paras (the body's paragraph starts,
// sorted) lies in (from, to].
func paraStarts(paras []int, from, to int) bool {
	i, _ := slices.BinarySearch(paras, from+1)
	return i < len(paras) && paras[i] <= to
}

func (x *Extractor) shortForm(a *refSlab, s *document.Stream, y, w word, sw, label string) *Mention {
	text := s.Text
	yr, _ := strconv.Atoi(text[y.start:y.end])
	m := a.mention()
	*m = Mention{ShortForm: true, InFootnote: label, Year: yr}
	m.streamStart, m.streamEnd = y.start, w.end
	m.YearStart, m.YearEnd = s.Src(y.start), s.SrcEnd(y.end)
	m.Start, m.End = s.Src(m.streamStart), s.SrcEnd(m.streamEnd)
	m.Text = text[m.streamStart:m.streamEnd]
	m.shortWord = sw
	return m
}

// resolveShortForms binds "the 1988 Convention" to the treaty the document
// itself cites with that year and kind of instrument. With no such treaty,
// or two unrelated ones, the short form stays unresolved and lists its
// candidates: the registry is never used to guess.
func (x *Extractor) resolveShortForms(ms []*Mention) {
	if !slices.ContainsFunc(ms, func(m *Mention) bool { return m.ShortForm }) {
		return // most documents have none
	}
	var cited []*registry.Treaty
	for _, m := range ms {
		if !m.ShortForm && m.Treaty != nil && !slices.Contains(cited, m.Treaty) {
			cited = append(cited, m.Treaty)
		}
	}
	for _, m := range ms {
		if !m.ShortForm || m.Antecedent != nil {
			continue
		}
		var cands []*registry.Treaty
		for _, t := range cited {
			if x.fits(t, m.Year, m.shortWord) {
				cands = append(cands, t)
			}
		}
		if len(cands) == 0 {
			continue
		}
		all := true
		for _, c := range cands[1:] {
			if !x.reg.Related(cands[0], c) {
				all = false
			}
		}
		if all {
			m.Treaty = cands[0]
		} else {
			m.Candidates = cands
		}
	}
}

func (x *Extractor) fits(t *registry.Treaty, year int, word string) bool {
	return fitsShortForm(x.reg, t, year, word)
}

// FitsShortForm reports whether t may be what the short form m names: an
// instrument of its year and kind ("the 1988 Convention"). False for a
// mention that is no short form.
func FitsShortForm(reg *registry.Registry, t *registry.Treaty, m *Mention) bool {
	return m.ShortForm && fitsShortForm(reg, t, m.Year, m.shortWord)
}

func fitsShortForm(reg *registry.Registry, t *registry.Treaty, year int, word string) bool {
	ok := false
	for _, y := range reg.Years(t) {
		if y == year {
			ok = true
		}
	}
	if !ok {
		return false
	}
	return namesKind(t, word)
}

// namesKind reports whether the title of t names the kind of instrument
// ("convention", "protocol", …: a value of shortFormWords). It reads the
// title each time, with no allocation: it is asked only once a year or a
// marker already fits, and a table of every entry's kinds, built at the
// first short form, cost a one-draft run about 0.1 ms.
func namesKind(t *registry.Treaty, kind string) bool {
	for w := range strings.FieldsSeq(t.NormalizedMatchTitle()) {
		if k, ok := shortFormWords[w]; ok && k == kind {
			return true
		}
	}
	return false
}
