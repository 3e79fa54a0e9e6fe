package resolution

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/citecheck/citecheck/internal/bytescan"
)

// Ref is one reference found in a text.
type Ref struct {
	// Start and End are the byte offsets of the whole reference in the
	// input, from the word "resolution(s)"/"decision(s)" (or, for the second
	// and later items of a list, from the symbol) through its date or title:
	// "resolution 64/182 of 18 December 2009".
	Start, End int
	// Kind is "resolution", "decision" or "symbol" (a document symbol).
	Kind string
	// Organ is the adopting organ: "GA", "SC", "ECOSOC", "HRC", "CND",
	// "CCPCJ", "CSW", "CHR", … It is "" when the text does not name it and
	// the symbol's shape does not tell ("its resolution 64/182": the organ of
	// the document). A bare "resolution 64/182" is GA by its shape, a bare
	// "resolution 1325 (2000)" SC; OrganName then is "".
	Organ string
	// OrganName is the organ as written before the reference ("General
	// Assembly", "Council", "World Health Assembly"), "" if none. When it
	// is set but Organ is "", the text names a body citecheck does not know,
	// or "Council" alone with a symbol that fits several councils.
	OrganName string
	// Its is set for "its resolution …": the organ is the document's own.
	Its bool
	// Symbol is the canonical symbol: "64/182", "2200 A (XXI)",
	// "1325 (2000)", "S-26/2", "2009/23", "31/16 A", "3411 A and B (XXX)".
	Symbol string
	// Number is the running number ("182", "2200"); Session the session
	// ("64", "XXI", "S-26", "ES-10", "ES-V", "" for year-bearing forms);
	// Letters the letters ("A", "B"); Year the year of a Security Council
	// "(2000)" or a year/number symbol such as 2009/23 (0 otherwise).
	Number, Session string
	Letters         []string
	Year            int
	// NumStart and NumEnd delimit the symbol text itself ("64/182").
	NumStart, NumEnd int
	// Date is the stated date of adoption as YYYY-MM-DD ("2009-12-18") when
	// "of 18 December 2009" follows, "" otherwise. It is built from the
	// written day, month and year even when they make an impossible date
	// (31 April): Check reports those.
	Date               string
	DateStart, DateEnd int
	// DateText is the date as written, text[DateStart:DateEnd]. In "of 4 and
	// 14 July 1967, respectively" the first reference's DateText is "4".
	DateText string
	// Title is the quoted title after "entitled", without the quotes;
	// TitleStart and TitleEnd delimit it.
	Title                string
	TitleStart, TitleEnd int
	// Doc is the document symbol of a Kind "symbol" reference: "A/64/L.5",
	// "E/2009/28", "A/RES/80/1", "S/2020/123", "S/RES/1325 (2000)". For a
	// resolution symbol (A/RES/…, S/RES/…, E/RES/…) Symbol, Number, Session
	// and Organ are set too.
	Doc string
	// RecordsSession and RecordsSupplement are set for a symbol cited as
	// "Official Records of the General Assembly, Sixty-fourth Session,
	// Supplement No. 49 (A/64/49)": "64" (or "S-12", "ES-10") and "49".
	RecordsSession, RecordsSupplement string
}

// Form is the shape of a resolution symbol.
type Form int

// The forms of resolution symbols.
const (
	FormNone            Form = iota
	FormSession              // 64/182 (General Assembly from 1976; HRC, CND, CSW, …)
	FormYear                 // 2009/23 (ECOSOC from 1978, Commission on Human Rights, …)
	FormSpecial              // S-26/2, ES-10/1 (special sessions, new style)
	FormRoman                // 2200 A (XXI), 2253 (ES-V) (General Assembly before 1976, ECOSOC before 1978)
	FormSecurityCouncil      // 1325 (2000)
)

// Form returns the shape of r's symbol.
func (r *Ref) Form() Form {
	switch {
	case r.Symbol == "":
		return FormNone
	case strings.IndexByte(r.Symbol, '(') >= 0:
		if r.Session == "" {
			return FormSecurityCouncil
		}
		return FormRoman
	case strings.HasPrefix(r.Session, "S-") || strings.HasPrefix(r.Session, "ES-"):
		return FormSpecial
	case r.Year != 0:
		return FormYear
	}
	return FormSession
}

// Text returns the reference's text in src.
func (r *Ref) Text(src string) string { return src[r.Start:r.End] }

// SymbolText returns the symbol's text in src.
func (r *Ref) SymbolText(src string) string { return src[r.NumStart:r.NumEnd] }

// letterList renders letters the way the Editorial Manual writes them:
// "A", "A and B", "A to D", "A, B and D".
func letterList(ls []string) string {
	switch len(ls) {
	case 0:
		return ""
	case 1:
		return ls[0]
	case 2:
		return ls[0] + " and " + ls[1]
	}
	run := true
	for i := 1; i < len(ls); i++ {
		if len(ls[i]) != 1 || len(ls[i-1]) != 1 || ls[i][0] != ls[i-1][0]+1 {
			run = false
		}
	}
	if run {
		return ls[0] + " to " + ls[len(ls)-1]
	}
	return strings.Join(ls[:len(ls)-1], ", ") + " and " + ls[len(ls)-1]
}

// canonical builds the canonical symbol from its parts.
func canonical(form Form, number, session string, letters []string, year int) string {
	return prefixedCanonical("", form, number, session, letters, year)
}

// prefixedCanonical is pre + canonical(…), built in one allocation.
func prefixedCanonical(pre string, form Form, number, session string, letters []string, year int) string {
	var buf [64]byte
	return string(appendCanonical(append(buf[:0], pre...), form, number, session, letters, year))
}

// canonicalOr is canonical(…), but returns the end of text when text ends
// with the symbol: Find reads nearly every symbol in its canonical form
// ("64/182" in the text, "A/RES/64/182"), and a substring of the text costs
// no allocation.
func canonicalOr(text string, form Form, number, session string, letters []string, year int) string {
	var buf [64]byte
	b := appendCanonical(buf[:0], form, number, session, letters, year)
	if len(b) <= len(text) && string(b) == text[len(text)-len(b):] {
		return text[len(text)-len(b):]
	}
	return string(b)
}

// appendCanonical appends canonical(…) to b, so that Check can look up a
// registry key ("A/RES/" + "64/182") from a buffer on the stack instead of
// building a string for every reference.
func appendCanonical(b []byte, form Form, number, session string, letters []string, year int) []byte {
	switch form {
	case FormSession, FormSpecial:
		b = append(b, session...)
		b = append(b, '/')
		b = append(b, number...)
		b = appendLetterList(b, letters)
	case FormYear:
		b = strconv.AppendInt(b, int64(year), 10)
		b = append(b, '/')
		b = append(b, number...)
		b = appendLetterList(b, letters)
	case FormRoman:
		b = append(b, number...)
		b = appendLetterList(b, letters)
		b = append(b, " ("...)
		b = append(b, session...)
		b = append(b, ')')
	case FormSecurityCouncil:
		b = append(b, number...)
		b = appendLetterList(b, letters)
		b = append(b, " ("...)
		b = strconv.AppendInt(b, int64(year), 10)
		b = append(b, ')')
	}
	return b
}

// appendLetterList appends " " + letterList(ls) to b, or nothing when the
// list renders as "".
func appendLetterList(b []byte, ls []string) []byte {
	switch len(ls) {
	case 0:
		return b
	case 1:
		if ls[0] == "" {
			return b
		}
		b = append(b, ' ')
		return append(b, ls[0]...)
	}
	return append(append(b, ' '), letterList(ls)...)
}

// Find returns the references in text, ordered by Start.
func Find(text string) []Ref {
	p := &parser{s: text}
	p.findResolutions()
	n := len(p.refs)
	p.findDocSymbols()
	mergeRefs(p.refs, n)
	return p.refs
}

// refOrder orders references by Start, then End.
func refOrder(a, b *Ref) int {
	if a.Start != b.Start {
		return a.Start - b.Start
	}
	return a.End - b.End
}

// sortedRefs reports whether rs is in refOrder.
func sortedRefs(rs []Ref) bool {
	for i := 1; i < len(rs); i++ {
		if refOrder(&rs[i-1], &rs[i]) > 0 {
			return false
		}
	}
	return true
}

// mergeRefs stably sorts refs in refOrder. Its first n and the rest each
// come out of their scan in order already, so a merge does: a sort moves
// the large Ref structs about many times.
func mergeRefs(refs []Ref, n int) {
	a, b := refs[:n], refs[n:]
	switch {
	case !sortedRefs(a) || !sortedRefs(b):
		slices.SortStableFunc(refs, func(x, y Ref) int { return refOrder(&x, &y) })
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

type parser struct {
	s    string
	refs []Ref
}

// grow adds a zero Ref to p.refs and returns its index. A text with
// references nearly always has several: the first growth makes room for
// eight, not one, sparing the copies of 296-byte Refs from 1 to 2 to 4.
func (p *parser) grow() int {
	if cap(p.refs) == 0 {
		p.refs = make([]Ref, 0, 8)
	}
	p.refs = append(p.refs, Ref{})
	return len(p.refs) - 1
}

// findResolutions finds "resolution(s)"/"decision(s)" followed by symbols.
// The trigger words are found by their lower-case tails ("esolution",
// "ecision" read the same in either case), so text without them costs
// little.
func (p *parser) findResolutions() {
	s := p.s
	nextR, nextD := -2, -2
	for i := 0; i < len(s); {
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
				kind = "resolution"
			}
		default:
			at = nextD - 1
			nextD = -2
			if s[at]|0x20 == 'd' {
				kind = "decision"
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

// parseList reads the symbols of a list that starts at j, after the
// trigger word at start. It returns the end of the last reference, or 0.
func (p *parser) parseList(start, j int, kind string) int {
	s := p.s
	org := organBefore(s, start)
	// "Commission … resolution 27/2 of 18 May 2018, entitled “…”,
	// resolution 27/3 of …": a repeated "resolution" continues the list.
	inherited := false
	if org == (organInfo{}) && len(p.refs) > 0 {
		prev := &p.refs[len(p.refs)-1]
		if prev.Kind != "symbol" && prev.OrganName != "" && prev.End <= start && continues(s[prev.End:start]) {
			org = organInfo{code: prev.Organ, name: prev.OrganName}
			inherited = true
		}
	}
	first := len(p.refs)
	var pendingBuf [8]int
	var yearlessBuf [4]yearlessDate
	pending := pendingBuf[:0] // refs of this list still without a date
	yearless := yearlessBuf[:0]
	var datesBuf [4]dateSpan
	dates := datesBuf[:0] // parseOfDates's buffer
	pos := j
	itemStart := start
	last := 0
	for {
		sym, ok := parseSymbol(s, pos)
		if !ok {
			break
		}
		// The Ref is written in place, not built and then copied in.
		idx := p.grow()
		p.refs[idx] = Ref{
			Start: itemStart, End: sym.end, Kind: kind,
			Organ: org.code, OrganName: org.name, Its: org.its,
			Symbol: sym.canonicalIn(s), Number: sym.number, Session: sym.session,
			Letters: sym.letters, Year: sym.year,
			NumStart: sym.start, NumEnd: sym.end,
		}
		pending = append(pending, idx)
		q := sym.end
		// "of 18 December 2009", "of 4 and 14 July 1967, respectively"
		if ds, dend, ok := parseOfDates(s, q, dates); ok {
			dates = ds
			switch {
			case len(ds) == 1:
				p.refs[idx].setDate(s, ds[0])
			case len(ds) == len(pending):
				for k, ri := range pending {
					p.refs[ri].setDate(s, ds[k])
				}
			}
			// "resolutions 54 (1948) of 15 July and 56 (1948) of 19
			// August 1948": earlier items take this item's year.
			for _, y := range yearless {
				y.d.year = ds[len(ds)-1].year
				p.refs[y.ref].setDate(s, y.d)
			}
			yearless = yearless[:0]
			pending = pending[:0]
			p.refs[idx].End = ds[len(ds)-1].end
			q = dend
		} else if d, dend, ok := parseYearlessDate(s, q); ok {
			yearless = append(yearless, yearlessDate{idx, d})
			pending = pending[:0]
			p.refs[idx].End = dend
			q = dend
		}
		// ", entitled “…”"
		if ts, te, end, ok := parseTitle(s, q); ok {
			p.refs[idx].Title = s[ts:te]
			p.refs[idx].TitleStart, p.refs[idx].TitleEnd = ts, te
			p.refs[idx].End = end
			q = end
		}
		// "resolution 1325 (2000) of the Security Council"
		if p.refs[idx].OrganName == "" && !p.refs[idx].Its {
			if code, name, ok := organAfter(s, q); ok {
				for k := first; k <= idx; k++ {
					p.refs[k].Organ, p.refs[k].OrganName = code, name
				}
			}
		}
		last = p.refs[idx].End
		next, ok := listSep(s, q)
		if !ok {
			break
		}
		pos = next
		itemStart = next
	}
	if len(p.refs) == first {
		return 0
	}
	if inherited && org.code != "" && !fits(org.code, p.refs[first].Form(), p.refs[first].Session) {
		// "Security Council resolution 1325 (2000) and resolution 64/182":
		// the shape says another organ.
		for k := first; k < len(p.refs); k++ {
			p.refs[k].Organ, p.refs[k].OrganName = "", ""
		}
	}
	if org.earlier && org.code != "" && !fits(org.code, p.refs[first].Form(), p.refs[first].Session) {
		// The body named earlier in the clause did not adopt this symbol;
		// "its" is the document's organ after all.
		for k := first; k < len(p.refs); k++ {
			p.refs[k].Organ, p.refs[k].OrganName, p.refs[k].Its = "", "", true
		}
	}
	for k := first; k < len(p.refs); k++ {
		p.refs[k].inferOrgan()
	}
	return last
}

// inferOrgan fills Organ from the symbol's shape when the text does not
// name the organ, or names it as bare "Council".
func (r *Ref) inferOrgan() {
	if r.Organ != "" || r.Its {
		return
	}
	form := r.Form()
	switch r.OrganName {
	case "":
	case "Council":
		switch form {
		case FormSecurityCouncil:
			r.Organ = "SC"
		case FormYear:
			r.Organ = "ECOSOC"
		}
		return
	default:
		return
	}
	switch form {
	case FormSecurityCouncil:
		r.Organ = "SC"
	case FormYear:
		r.Organ = "ECOSOC"
	case FormSession, FormSpecial:
		r.Organ = "GA"
	case FormRoman:
		if v, ok := sessionValue(r.Session); ok && v <= 30 || strings.HasPrefix(r.Session, "S-") || strings.HasPrefix(r.Session, "ES-") {
			r.Organ = "GA"
		}
	}
}

// sessionValue returns the number of a session written "64", "XXI",
// "S-26", "ES-10", "S-V" or "ES-V".
func sessionValue(s string) (int, bool) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "E"), "S-")
	if s == "" {
		return 0, false
	}
	if isDigit(s[0]) {
		n := atoi(s)
		return n, n > 0
	}
	return ParseRoman(s)
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
		j = skipSpace(s, e)
		if j < len(s) && s[j] == ',' {
			j = skipSpace(s, j+1)
		}
	}
	if !comma && !word {
		return 0, false
	}
	if j < len(s) && (isDigit(s[j]) || strings.HasPrefix(s[j:], "S-") || strings.HasPrefix(s[j:], "ES-")) {
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
func (r *Ref) setDate(s string, d dateSpan) {
	r.Date = isoDate(d.year, d.month, d.day)
	r.DateStart, r.DateEnd = d.start, d.end
	r.DateText = s[d.start:d.end]
}

// isoDate is fmt.Sprintf("%04d-%02d-%02d", year, month, day) without fmt,
// which costs several times as much for every dated reference.
func isoDate(year, month, day int) string {
	var b [10]byte
	return string(appendIsoDate(b[:0], year, month, day))
}

// appendIsoDate appends isoDate(year, month, day) to b.
func appendIsoDate(b []byte, year, month, day int) []byte {
	if year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99 {
		return fmt.Appendf(b, "%04d-%02d-%02d", year, month, day)
	}
	return append(b,
		byte('0'+year/1000), byte('0'+year/100%10), byte('0'+year/10%10), byte('0'+year%10), '-',
		byte('0'+month/10), byte('0'+month%10), '-',
		byte('0'+day/10), byte('0'+day%10))
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
