package extract

import (
	"slices"
	"strings"

	"github.com/citecheck/citecheck/internal/bytescan"
	"github.com/citecheck/citecheck/pkg/resolution"
)

// resParser finds the resolution references of one text.
type resParser struct {
	s    string
	refs []Resolution
	// itsOrg is the body the last "…, in its resolution" named, and
	// itsEnd the end of that list: "and its decision …" may continue it.
	itsOrg organInfo
	itsEnd int
	// The buffers of listState, one list at a time: kept here, with the
	// parser, they cost no allocation per list.
	pendingBuf  [8]int
	yearlessBuf [4]yearlessDate
	datesBuf    [4]dateSpan
	// limit is the most references find may return (-1: any number);
	// over is set, and the scans stop, once one more is found.
	limit int
	over  bool
}

// find returns the references in text, ordered by Start, with the organ
// each names or implies but not yet resolved against the document's.
func findResolutionRefs(text string) []Resolution {
	p := resParser{limit: -1}
	return p.find(text)
}

// find returns the references in text, as findResolutionRefs. The slice is
// p's, reused by the next call: Extract reads every stream of a document
// (its body, each footnote) with one parser and copies what each finds to
// the document's refSlab. A parser and a first room for eight references
// for every stream were a fifth of the bytes a check allocates.
func (p *resParser) find(text string) []Resolution {
	*p = resParser{s: text, refs: p.refs[:0], limit: p.limit}
	p.findResolutions()
	n := len(p.refs)
	if !p.over {
		p.findDocSymbols()
	}
	if p.over {
		p.refs = p.refs[:min(len(p.refs), p.limit)]
		n = min(n, len(p.refs))
	}
	mergeRefs(p.refs, n)
	return p.refs
}

// refOrder orders references by Start, then End.
func refOrder(a, b *Resolution) int {
	if a.Start != b.Start {
		return a.Start - b.Start
	}
	return a.End - b.End
}

// sortedRefs reports whether rs is in refOrder.
func sortedRefs(rs []Resolution) bool {
	for i := 1; i < len(rs); i++ {
		if refOrder(&rs[i-1], &rs[i]) > 0 {
			return false
		}
	}
	return true
}

// mergeRefs stably sorts refs in refOrder. Its first n and the rest each
// come out of their scan in order already, so a merge does: a sort moves
// the large structs about many times.
func mergeRefs(refs []Resolution, n int) {
	a, b := refs[:n], refs[n:]
	switch {
	case !sortedRefs(a) || !sortedRefs(b):
		slices.SortStableFunc(refs, func(x, y Resolution) int { return refOrder(&x, &y) })
		return
	case len(a) == 0 || len(b) == 0 || refOrder(&a[len(a)-1], &b[0]) <= 0:
		return
	}
	// Merge from the back, where b was: document symbols are the fewer, so
	// b is the run to copy aside. The merge never reaches the unread part
	// of a.
	b = slices.Clone(b)
	k := len(refs) - 1
	for len(b) > 0 && len(a) > 0 {
		// Ties go to b, the later run, as in a stable sort.
		if refOrder(&b[len(b)-1], &a[len(a)-1]) < 0 {
			refs[k] = a[len(a)-1]
			a = a[:len(a)-1]
		} else {
			refs[k] = b[len(b)-1]
			b = b[:len(b)-1]
		}
		k--
	}
	copy(refs, b) // what is left of a is in place
}

// grow adds a zero Resolution to p.refs and returns its index. A text with
// references nearly always has several: the first growth makes room for
// eight, not one, sparing the copies of large structs from 1 to 2 to 4.
func (p *resParser) grow() int {
	if p.limit >= 0 && len(p.refs) >= p.limit {
		p.over = true // (the scans stop at their next step)
	}
	if cap(p.refs) == 0 {
		p.refs = make([]Resolution, 0, 8)
	}
	p.refs = append(p.refs, Resolution{})
	return len(p.refs) - 1
}

// findResolutions finds "resolution(s)"/"decision(s)" followed by symbols.
// The trigger words are found by their lower-case tails ("esolution",
// "ecision" read the same in either case), so text without them costs
// little.
func (p *resParser) findResolutions() {
	s := p.s
	nextR, nextD := -2, -2
	for i := 0; i < len(s) && !p.over; {
		if nextR < i-1 && nextR != -1 {
			nextR = indexRare(s, "esolution", 3, i+1)
		}
		if nextD < i-1 && nextD != -1 {
			nextD = indexRare(s, "ecision", 1, i+1)
		}
		// The word starts one byte before the match, with "r" or "R" (or
		// "d", "D"): the tail matched exactly.
		var at int
		var kind string
		switch {
		case nextR < 0 && nextD < 0:
			return
		case nextD < 0 || (nextR >= 0 && nextR < nextD):
			at = nextR - 1
			nextR = -2
			if s[at]|0x20 == 'r' {
				kind = KindResolution
			}
		default:
			at = nextD - 1
			nextD = -2
			if s[at]|0x20 == 'd' {
				kind = KindDecision
			}
		}
		i = at + 2
		if kind == "" || letterBefore(s, at) {
			continue
		}
		e := at + len(kind)
		if e < len(s) && s[e] == 's' {
			e++
		}
		if letterAt(s, e) || (e < len(s) && isDigit(s[e])) {
			continue
		}
		j := skipSpace(s, e)
		if j == e {
			continue
		}
		if end := p.parseList(at, j, kind); end > at {
			i = max(i, end)
		}
	}
}

// indexRare returns the index of pat in s at or after from, or -1, for a
// pattern whose two bytes at pair, pair+1 are an uncommon pair in English:
// "lu" of "esolution" turns up every six hundred bytes or so, its "u"
// every fifty, the "e" that strings.Index would look for every ten.
// bytescan.IndexPair jumps from one such pair to the next, and only there
// is the whole pattern compared.
func indexRare(s, pat string, pair, from int) int {
	last := len(s) - len(pat) + pair // the last place for the pair
	if last < 0 {
		return -1
	}
	t := s[:last+2]
	for i := from + pair; i <= last; i++ {
		k := bytescan.IndexPair(t, pat[pair], pat[pair+1], i)
		if k < 0 {
			return -1
		}
		if s[k-pair:k-pair+len(pat)] == pat {
			return k - pair
		}
		i = k
	}
	return -1
}

// listState is what parseList carries from one item of a list to the
// next.
type listState struct {
	first    int   // index of the list's first reference
	pending  []int // references of this list still without a date
	yearless []yearlessDate
	dates    []dateSpan // parseOfDates's buffer
	// inherited: the list's organ is the list before's, which an organ
	// named after an item overrules.
	inherited bool
	// itsGuess: "its" stands for the document's organ or a body named
	// earlier in the clause, either of which the clause's subject named
	// after the list overrules (subject).
	itsGuess bool
	subject  organInfo
}

// parseList reads the symbols of a list that starts at j, after the
// trigger word at start. It returns the end of the last reference, or 0.
func (p *resParser) parseList(start, j int, kind string) int {
	s := p.s
	org := p.listOrgan(start)
	st := listState{first: len(p.refs), pending: p.pendingBuf[:0], yearless: p.yearlessBuf[:0], dates: p.datesBuf[:0], inherited: org.inherited,
		itsGuess: org.prepIts}
	pos, itemStart, last := j, start, 0
	for {
		sym, end, ok := resolution.ParseSymbol(s, pos)
		if !ok || len(p.refs) > st.first && !sameFamily(&p.refs[st.first].Symbol, &sym) {
			break
		}
		// The reference is written in place, not built and then copied in.
		idx := p.grow()
		p.refs[idx] = Resolution{
			Symbol: sym, Start: itemStart, End: end, Kind: kind,
			Organ: org.code, OrganName: org.name, Its: org.its,
			NumStart: pos, NumEnd: end,
		}
		q := p.itemTail(idx, &st)
		last = p.refs[idx].End
		next, ok := listSep(s, q)
		if !ok {
			break
		}
		pos, itemStart = next, next
	}
	if len(p.refs) == st.first {
		return 0
	}
	if st.subject.name != "" {
		org = st.subject
	}
	p.settleListOrgan(st.first, org)
	if org.viaIts && p.refs[st.first].OrganName != "" {
		p.itsOrg, p.itsEnd = organInfo{code: p.refs[st.first].Organ, name: p.refs[st.first].OrganName}, last
	}
	return last
}

// sameFamily reports whether a list that starts with first may go on with
// s: a bare "78.11" (a World Health Assembly resolution, or a conference's)
// only after another, so that "resolutions 64/182 and 1.5 million" is not
// read as a list of two.
func sameFamily(first, s *resolution.Symbol) bool {
	return s.Form != resolution.FormDotted || s.Series != "" || first.Form == resolution.FormDotted
}

// listOrgan reads the organ a list's trigger word at start names, or one
// it continues: "Commission … resolution 27/2 of 18 May 2018, entitled
// “…”, resolution 27/3 of …".
func (p *resParser) listOrgan(start int) organInfo {
	org := organBefore(p.s, start)
	if org.andIts && p.itsOrg.name != "" && len(p.refs) > 0 && p.refs[len(p.refs)-1].End == p.itsEnd && p.itsEnd <= start && sameClause(p.s[p.itsEnd:start]) {
		return organInfo{code: p.itsOrg.code, name: p.itsOrg.name, inherited: true}
	}
	if org == (organInfo{}) && len(p.refs) > 0 {
		prev := &p.refs[len(p.refs)-1]
		if prev.Kind != KindSymbol && prev.OrganName != "" && prev.End <= start && continues(p.s[prev.End:start]) {
			return organInfo{code: prev.Organ, name: prev.OrganName, inherited: true}
		}
	}
	return org
}

// itemTail reads what follows the symbol of reference idx (its dates, its
// title, the organ named after it) and returns where the item ends.
func (p *resParser) itemTail(idx int, st *listState) int {
	s := p.s
	r := &p.refs[idx]
	st.pending = append(st.pending, idx)
	q := r.NumEnd
	// "of 18 December 2009", "of 4 and 14 July 1967, respectively"
	if ds, dend, ok := parseOfDates(s, q, st.dates); ok {
		st.dates = ds
		switch {
		case len(ds) == 1:
			r.setDate(s, ds[0])
		case len(ds) == len(st.pending):
			for k, ri := range st.pending {
				p.refs[ri].setDate(s, ds[k])
			}
		}
		// "resolutions 54 (1948) of 15 July and 56 (1948) of 19
		// August 1948": earlier items take this item's year.
		for _, y := range st.yearless {
			y.d.year = ds[len(ds)-1].year
			p.refs[y.ref].setDate(s, y.d)
		}
		st.yearless = st.yearless[:0]
		st.pending = st.pending[:0]
		r.End = ds[len(ds)-1].end
		q = dend
	} else if d, dend, ok := parseYearlessDate(s, q); ok {
		st.yearless = append(st.yearless, yearlessDate{idx, d})
		st.pending = st.pending[:0]
		r.End = dend
		q = dend
	}
	// ", entitled “…”"
	if ts, te, end, ok := parseTitle(s, q); ok {
		if more := moreTitles(s, end); more > 0 && idx > st.first && respectivelyAt(s, more) {
			// "70/1 … and 79/1 …, entitled “…” and “…”, respectively":
			// the titles of the list's items, which this reader does
			// not give out; not this item's.
			end = more
		} else {
			r.Title = s[ts:te]
			r.TitleStart, r.TitleEnd = ts, te
		}
		r.End = end
		q = end
	}
	// "resolution 1325 (2000) of the Security Council"
	if (r.OrganName == "" || st.inherited) && !r.Its {
		if code, name, ok := organAfter(s, q); ok {
			for k := st.first; k <= idx; k++ {
				p.refs[k].Organ, p.refs[k].OrganName = code, name
			}
		}
	}
	// "in its resolution 58/21 of 3 April 2025, the Human Rights Council
	// extended …": "its" stands for the clause's subject, named after it.
	if st.itsGuess && st.subject.name == "" {
		if code, name, ok := subjectAfter(s, q); ok && resolution.Fits(code, &r.Symbol) {
			st.subject = organInfo{code: code, name: name}
			for k := st.first; k <= idx; k++ {
				p.refs[k].Organ, p.refs[k].OrganName, p.refs[k].Its = code, name, false
			}
		}
	}
	return q
}

// subjectAfter reads the organ that is the subject of the clause after an
// "in its resolution …" phrase: ", the Human Rights Council decided" (the
// comma may be missing). The organ's name must be followed by a word in
// small letters (its verb), not by more of a name.
func subjectAfter(s string, i int) (code, name string, ok bool) {
	j := skipComma(s, i)
	k, ok := wordsAt(s, j, "the")
	if !ok {
		return "", "", false
	}
	code, name, end := longestOrganAt(s, k, func(string) bool { return true })
	if name == "" {
		return "", "", false
	}
	v := skipSpace(s, end)
	if v >= len(s) || s[v] < 'a' || s[v] > 'z' {
		return "", "", false
	}
	// Not another reference or item of a list: "its resolution 78/1, the
	// Economic and Social Council resolution 2024/5 and …".
	w := v
	for w < len(s) && s[w] >= 'a' && s[w] <= 'z' {
		w++
	}
	switch s[v:w] {
	case "resolution", "resolutions", "decision", "decisions", "and", "or", "of", "report", "reports":
		return "", "", false
	}
	return code, name, true
}

// settleListOrgan drops an organ the list's first symbol rules out, then
// fills each reference's organ from its symbol where the text names none.
func (p *resParser) settleListOrgan(first int, org organInfo) {
	refs := p.refs[first:]
	if org.code != "" && (org.inherited || org.earlier) && !resolution.Fits(org.code, &refs[0].Symbol) {
		// "Security Council resolution 1325 (2000) and resolution
		// 64/182": the shape says another organ. And a body named
		// earlier in the clause did not adopt this symbol: "its" is the
		// document's organ after all.
		for k := range refs {
			refs[k].Organ, refs[k].OrganName = "", ""
			if org.earlier {
				refs[k].Its = true
			}
		}
	}
	for k := range refs {
		refs[k].inferOrgan()
	}
}

// inferOrgan fills Organ from the symbol's shape when the text does not
// name the organ, or names it as bare "Council".
func (r *Resolution) inferOrgan() {
	if r.Organ != "" || r.Its {
		return
	}
	switch r.OrganName {
	case "":
	case "Council":
		switch r.Form {
		case resolution.FormSecurityCouncil:
			r.Organ = "SC"
		case resolution.FormYear:
			r.Organ = "ECOSOC"
		}
		return
	default:
		return
	}
	switch r.Form {
	case resolution.FormSecurityCouncil:
		r.Organ = "SC"
	case resolution.FormYear:
		r.Organ = "ECOSOC"
	case resolution.FormSession, resolution.FormSpecial:
		r.Organ = "GA"
	case resolution.FormRoman:
		if n := r.SessionNum; n > 0 && n <= 30 || strings.HasPrefix(r.Session, "S-") || strings.HasPrefix(r.Session, "ES-") {
			r.Organ = "GA"
		}
	}
}

// listSep reads the separator between two items of a list (", ", " and ",
// ", and in particular, ", " to ") and returns where the next item starts.
// It does not check that an item follows.
func listSep(s string, i int) (int, bool) {
	j := skipSpace(s, i)
	comma := false
	if j < len(s) && s[j] == ',' {
		comma = true
		j = skipSpace(s, j+1)
	}
	word := false
	for _, w := range []string{"and", "to", "as well as"} {
		if e, ok := hasWordAt(s, j, w); ok && (comma || j > i) {
			j = skipSpace(s, e)
			word = true
			break
		}
	}
	if e, ok := hasWordAt(s, j, "in particular"); ok && (comma || word) {
		j = skipComma(s, e)
	}
	if !comma && !word {
		// "resolutions GC(69)/RES/7, entitled “…”; GC(69)/RES/8; and
		// GC(69)/RES/9": items with titles are listed with semicolons.
		if j < len(s) && s[j] == ';' {
			k := skipSpace(s, j+1)
			if e, ok := hasWordAt(s, k, "and"); ok {
				k = skipSpace(s, e)
			}
			if strings.HasPrefix(s[k:], "GC(") || strings.HasPrefix(s[k:], "WHA") {
				return k, true
			}
		}
		return 0, false
	}
	if j < len(s) && (isDigit(s[j]) || strings.HasPrefix(s[j:], "S-") || strings.HasPrefix(s[j:], "ES-") || strings.HasPrefix(s[j:], "GC(") || strings.HasPrefix(s[j:], "WHA")) {
		return j, true
	}
	return 0, false
}

// yearlessDate is "of 15 July" in a list whose year comes later.
type yearlessDate struct {
	ref int
	d   dateSpan
}

// parseYearlessDate reads " of 15 July" at i when another list item
// follows (", " or " and "), so that the list's last date gives the year.
func parseYearlessDate(s string, i int) (dateSpan, int, bool) {
	j := skipSpace(s, i)
	e, ok := hasWordAt(s, j, "of")
	if j == i || !ok {
		return dateSpan{}, i, false
	}
	k := skipSpace(s, e)
	d, ok := parseDateElem(s, k)
	if !ok || !d.hasMonth || d.hasYear {
		return dateSpan{}, i, false
	}
	if _, ok := listSep(s, d.end); !ok {
		return dateSpan{}, i, false
	}
	return d.dateSpan, d.end, true
}

// setDate records date d on r.
func (r *Resolution) setDate(s string, d dateSpan) {
	r.Date = resolution.ISODate(d.year, d.month, d.day)
	r.DateStart, r.DateEnd = d.start, d.end
	r.DateText = s[d.start:d.end]
}

// sameClause reports whether the text between two lists leaves them in
// one clause: close, with no semicolon, full stop or paragraph break.
func sameClause(between string) bool {
	return len(between) < 200 && !strings.ContainsAny(between, ";.") && !strings.Contains(between, "\n\n")
}

// continues reports whether the text between two references only links
// them: commas, "and", closing quotes, white space.
func continues(between string) bool {
	t := strings.TrimSpace(between)
	t = strings.TrimLeft(t, "”\"’'")
	t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(t, ",")), "and"))
	t = strings.TrimSpace(strings.TrimPrefix(t, "as well as"))
	return t == "" && len(between) < 24 && !strings.Contains(between, "\n")
}

// moreTitles reads the quoted titles that follow a title ending at i
// (" and “The Pact for the Future”", ", “…” and “…”") and returns where
// the last ends, or 0 when none follows.
func moreTitles(s string, i int) int {
	last := 0
	for {
		j := skipComma(s, i)
		if k, ok := hasWordAt(s, j, "and"); ok {
			j = skipSpace(s, k)
		}
		open, closer := "“", "”"
		if strings.HasPrefix(s[j:], "\"") {
			open, closer = "\"", "\""
		}
		if j == i || !strings.HasPrefix(s[j:], open) {
			return last
		}
		e := strings.Index(s[j+len(open):min(len(s), j+600)], closer)
		if e < 0 {
			return last
		}
		i = j + len(open) + e + len(closer)
		last = i
	}
}

// respectivelyAt reports whether ", respectively" (or " respectively")
// follows at s[i:].
func respectivelyAt(s string, i int) bool {
	j := skipComma(s, i)
	_, ok := hasWordAt(s, j, "respectively")
	return ok
}
