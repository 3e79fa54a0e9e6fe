package main

import (
	"fmt"
	"hash/fnv"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/citecheck/citecheck/pkg/extract"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/resolution"
)

// A statement is one text's claim about one resolution: its date or title.
type statement struct {
	symbol string // registry symbol, "A/RES/64/182"
	organ  string
	field  string // "date" or "title"
	value  string
	text   *text
	self   bool // the text is the resolution itself (its heading)
	seed   bool // from the curated data file
	record bool // from the General Assembly decisions record
	sure   bool // the text names the organ, or only that organ uses the symbol's form
	// several holds the meeting dates of a decision the record says was
	// adopted at several meetings: it has no single date.
	several []string
	part    bool   // the statement is about a part ("71/405 A") of a decision of the record
	source  string // "A/RES/78/210: “resolution 60/288 of 8 September 2006”"
}

// identify sets the document symbol, organ and preference rank of a file
// from its folder and name.
func (t *text) identify() {
	base := strings.TrimSuffix(filepath.Base(t.path), filepath.Ext(t.path))
	dir := filepath.Base(filepath.Dir(t.path))
	t.short = dir + "/" + filepath.Base(t.path)
	switch {
	case scFileRE.MatchString(base):
		// The Security Council texts are OCR of the printed volumes.
		t.ocr = true
		m := scFileRE.FindStringSubmatch(base)
		t.doc = fmt.Sprintf("S/RES/%s (%s)", strings.TrimLeft(m[1], "0"), m[2])
	case t.meta["symbol"] != "":
		t.doc = t.meta["symbol"]
	default:
		t.doc = strings.ReplaceAll(base, "_", "/")
	}
	t.organ = resolution.SymbolOrgan(t.doc)
	// Several folders hold the same document; read the cleanest copy.
	switch {
	case strings.HasSuffix(t.path, ".md"):
		t.rank = 0
	case strings.Contains(dir, "raw"):
		t.rank = 1
	case strings.Contains(dir, "joined"):
		t.rank = 2 // footnote numbers glued to words
	default:
		t.rank = 3
	}
}

var (
	scFileRE = regexp.MustCompile(`^S_RES_(\d+)_(\d{4})$`)
	// "Resolution 271 (1969) of 15 September 1969", "RESOLUTION 897 (1994)
	// Adopted by the Security Council at its 3334th meeting, on 4 February
	// 1994", "86 (1950). Resolution of 26 September 1950". The headings
	// are OCR text: "ef 15 June 1965", "at _ its 3198th meeting", "(197-4)".
	// Group 4 is the heading as the source quotes it.
	scHeadRE = []*regexp.Regexp{
		regexp.MustCompile(`\A(?:[A-Z ]{5,60}\n+)?\s*((\d+)\s*\((\d{4})\)\.?\s+Resolution\s+of\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4}))\b`),
		regexp.MustCompile(`\A(?s:.{0,300}?)(?:^|\n)[ \t]*((?:Resolution|RESOLUTION)\s+(\d+)\s*(?:\(([^)\n]{3,7})\))?\s*(?:[oOe][fn]\s+|Adopted\s+by\s+the\s+Security(?:\s+Council)?\s+at[\s_]+its\s+\S+\s+meeting,?\s+[oO]n\s+)?(\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}))\b`),
	}
	gaAdoptedRE = regexp.MustCompile(`Resolution adopted by the General Assembly on (\d{1,2} [A-Z][a-z]+ \d{4})`)
	gaHeadRE    = regexp.MustCompile(`(?m)(?:^|\]\s+|\n)(\d{2}/\d{1,3})\.\s+([^\n]{3,400}?)\s*\n`)
)

// parseDay reads "15 September 1969" as "1969-09-15".
func parseDay(s string) (string, bool) {
	refs := extract.FindResolutions("resolution 1/1 of "+s, "")
	if len(refs) == 0 || refs[0].Date == "" || !resolution.ValidDate(refs[0].Date) {
		return "", false
	}
	return refs[0].Date, true
}

// selfStatements reads what a resolution says about itself: the heading of
// a Security Council resolution, the "Resolution adopted by the General
// Assembly on …" line and title heading of a General Assembly resolution.
func selfStatements(t *text) []statement {
	var out []statement
	if t.organ == "SC" && strings.HasPrefix(t.doc, "S/RES/") {
		fm := scFileRE.FindStringSubmatch(strings.TrimSuffix(filepath.Base(t.path), filepath.Ext(t.path)))
		if fm == nil {
			return nil
		}
		num, year := strings.TrimLeft(fm[1], "0"), fm[2]
		for _, re := range scHeadRE {
			m := re.FindStringSubmatch(t.raw)
			if m == nil {
				continue
			}
			heading := strings.Join(strings.Fields(m[1]), " ")
			m = m[1:]
			if m[1] != num {
				warnf("%s: heading names resolution %s, file name %s; heading ignored", t.short, m[1], num)
				break
			}
			d, ok := parseDay(strings.Join(strings.Fields(strings.Replace(m[3], ".", "", 1)), " "))
			if !ok {
				warnf("%s: heading date %q is not a date; heading ignored", t.short, m[3])
				break
			}
			if d[:4] != year {
				warnf("%s: heading date %q is not in %s; heading ignored", t.short, m[3], year)
				break
			}
			src := fmt.Sprintf("%s: heading “%s”", t.doc, heading)
			if m[2] != year {
				src += fmt.Sprintf(" (year printed %q)", m[2])
			}
			out = append(out, statement{symbol: t.doc, organ: "SC", field: "date", value: d, text: t, self: true, source: src})
			break
		}
		return out
	}
	if t.organ == "GA" && strings.HasPrefix(t.doc, "A/RES/") {
		if m := gaAdoptedRE.FindStringSubmatch(t.body); m != nil {
			if d, ok := parseDay(m[1]); ok {
				out = append(out, statement{symbol: t.doc, organ: "GA", field: "date", value: d, text: t, self: true,
					source: fmt.Sprintf("%s: “%s”", t.doc, m[0])})
			}
		}
		num := strings.TrimPrefix(t.doc, "A/RES/")
		for _, m := range gaHeadRE.FindAllStringSubmatch(t.body+"\n", -1) {
			if m[1] != num {
				continue
			}
			title := strings.TrimSpace(m[2])
			out = append(out, statement{symbol: t.doc, organ: "GA", field: "title", value: title, text: t, self: true,
				source: fmt.Sprintf("%s: heading “%s. %s”", t.doc, m[1], title)})
			break
		}
	}
	return out
}

// refStatements reads "resolution X of <date>" and "entitled “…”" in a
// text and its footnotes.
func refStatements(t *text) []statement {
	var out []statement
	for _, src := range append([]string{t.body}, t.notes...) {
		for _, r := range extract.FindResolutions(src, t.organ) {
			if r.Kind == extract.KindSymbol || (r.Date == "" && r.Title == "") {
				continue
			}
			organ, cert := r.Organ, r.Certainty
			if cert == resolution.Unknown {
				continue
			}
			var keys []string
			if pre, ok := resolution.Prefix(organ, r.Kind); ok {
				keys = r.Keys(pre)
			}
			if len(keys) == 0 || keys[0] == t.doc {
				continue // its own heading: read by selfStatements
			}
			end := max(r.End, r.DateEnd)
			quote := strings.Join(strings.Fields(src[r.Start:end]), " ")
			source := fmt.Sprintf("%s: “%s”", t.sourceName(), quote)
			// A General Assembly or Security Council reference the text
			// is sure of: the symbol's session or year bounds the date
			// (plausible). Other bodies share numbering forms ("resolution
			// 11/4" of a Conference of the Parties, read as the
			// Commission's), so a single text is not enough for them.
			sure := cert == resolution.Sure && (organ == "GA" || organ == "SC")
			if r.Date != "" {
				why := plausible(&r, organ, cert)
				if why != "" {
					warnf("%s: %q: %s; ignored", t.short, quote, why)
				} else {
					for _, k := range keys {
						out = append(out, statement{symbol: k, organ: organ, field: "date", value: r.Date, text: t, sure: sure, source: source})
					}
				}
			}
			if r.Title != "" && (cert == resolution.Sure || r.Date != "" && plausible(&r, organ, cert) == "") {
				for _, k := range keys {
					out = append(out, statement{symbol: k, organ: organ, field: "title", value: r.Title, text: t, source: source})
				}
			}
		}
	}
	return out
}

// plausible returns why a stated date cannot be the date of r when adopted
// by organ, or "" if it can be.
func plausible(r *extract.Resolution, organ string, cert resolution.Certainty) string {
	if !resolution.ValidDate(r.Date) {
		return "impossible date"
	}
	year := 0
	fmt.Sscanf(r.Date, "%4d", &year)
	switch r.Form {
	case resolution.FormSecurityCouncil:
		if year != r.Year {
			return fmt.Sprintf("the date is not in %d", r.Year)
		}
	case resolution.FormYear:
		if year != r.Year && year != r.Year-1 {
			return fmt.Sprintf("the date is not in %d", r.Year)
		}
	case resolution.FormSession, resolution.FormRoman:
		if organ != "GA" {
			break
		}
		n := 0
		if r.Form == resolution.FormSession {
			fmt.Sscanf(r.Session, "%d", &n)
		} else if v, ok := resolution.ParseRoman(r.Session); ok {
			n = v
		}
		if n > 0 {
			lo, hi := resolution.SessionYears(n)
			month := 0
			fmt.Sscanf(r.Date[5:], "%2d", &month)
			// A session opens in September and closes the next September,
			// before its successor opens: "78/69 of 5 December 2024", as
			// two texts have it, cannot be. (The first opened in London on
			// 10 January 1946.)
			opens := 9
			if n == 1 {
				opens = 1
			}
			if year < lo || year > hi || year == lo && month < opens || year == hi && month > 9 {
				return fmt.Sprintf("%s does not fit session %s of the General Assembly (September %d to September %d)", r.Date, r.Session, lo, hi)
			}
		}
	case resolution.FormSpecial:
		if cert != resolution.Sure {
			return "a special session of an organ that is not named"
		}
	}
	return ""
}

// shingles returns hashes of the word 8-grams of s, sorted and unique.
func shingles(s string) []uint64 {
	w := strings.Fields(strings.ToLower(s))
	var out []uint64
	for i := 0; i+8 <= len(w); i++ {
		h := fnv.New64a()
		for _, x := range w[i : i+8] {
			h.Write([]byte(x))
			h.Write([]byte{' '})
		}
		out = append(out, h.Sum64())
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// containment returns |a∩b| / min(|a|,|b|) for sorted sets.
func containment(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return float64(n) / float64(min(len(a), len(b)))
}

// groupFamilies puts texts that are versions of one document (a draft and
// the resolution adopted from it, a draft and its revision) in one family:
// their statements are not independent. Texts are linked when the
// resolution names the draft ("(A/80/L.15)") or when most of the shorter
// text's word 8-grams occur in the longer one.
func groupFamilies(ts []*text) {
	parent := make([]int, len(ts))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) { parent[find(a)] = find(b) }
	byDoc := map[string]int{}
	for i, t := range ts {
		byDoc[t.doc] = i
	}
	draftRE := regexp.MustCompile(`\((A/(?:C\.\d/)?\d+/L\.\d+(?:/Rev\.\d+)?)\)\]`)
	sh := make([][]uint64, len(ts))
	for i, t := range ts {
		if m := draftRE.FindStringSubmatch(t.body); m != nil {
			if j, ok := byDoc[m[1]]; ok {
				union(i, j)
			}
		}
		if t.organ == "GA" {
			sh[i] = shingles(t.body)
		}
	}
	for i := range ts {
		for j := i + 1; j < len(ts); j++ {
			if sh[i] != nil && sh[j] != nil && containment(sh[i], sh[j]) > 0.5 {
				union(i, j)
			}
		}
	}
	for i, t := range ts {
		t.family = find(i)
	}
}

// fact is the outcome for one field of one symbol.
type fact struct {
	value   string
	sources []string
}

// entry is one proposed registry entry.
type entry struct {
	symbol, organ string
	date, title   fact
}

// stats counts what the harvest did.
type stats struct {
	files, docs, statements, dateFacts, titleFacts, conflicts, single int
	// singleKept counts the dates kept on one born-digital text (-single).
	singleKept int
	// The decisions record: rows read, rows with a date outside their
	// session dropped, symbols without a date, symbols dated several times.
	decisionRows, droppedDates, undated, several int
	// leftOut lists, by organ, the symbols left out for a conflict or for
	// several dates, with why.
	leftOut map[string][]string
}

func (st *stats) leave(organ, why string) {
	if st.leftOut == nil {
		st.leftOut = map[string][]string{}
	}
	st.leftOut[organ] = append(st.leftOut[organ], why)
}

// decide groups statements by symbol and field and keeps the facts that
// two independent texts, the resolution itself or the curated data state,
// with no text disagreeing.
//
// With single set, a date that one text alone states is kept too, when
// that text is born digital (not an OCR transcription), names the organ or
// uses a symbol only that organ uses, and no text disagrees.
func decide(sts []statement, st *stats, single bool) []entry {
	groups, organs, keys := groupStatements(sts)
	entries := map[string]*entry{}
	for _, k := range keys {
		organ := organs[k.symbol]
		g, ok := severalMeetings(k, groups[k], st, organ)
		if !ok {
			continue
		}
		vals := tally(k.field, g)
		if len(vals) > 1 {
			conflict(k, vals, st, organ)
			continue
		}
		v := vals[0]
		if !enough(v, k.field, single, st) {
			continue
		}
		e := entries[k.symbol]
		if e == nil {
			e = &entry{symbol: k.symbol, organ: organ}
			entries[k.symbol] = e
		}
		f := fact{value: v.value, sources: v.sources}
		if k.field == "date" {
			e.date = f
			st.dateFacts++
		} else {
			e.title = f
			st.titleFacts++
		}
	}
	var out []entry
	for _, e := range entries {
		if e.date.value == "" {
			continue // the registry records dates; a title alone is not enough
		}
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool { return resolution.SymbolLess(out[i].symbol, out[j].symbol) })
	return out
}

// fieldKey is one field ("date", "title") of one symbol.
type fieldKey struct{ symbol, field string }

// groupStatements groups statements by symbol and field, and returns the
// groups, each symbol's organ (as its last statement gives it) and the
// keys sorted by symbol, then field.
func groupStatements(sts []statement) (map[fieldKey][]statement, map[string]string, []fieldKey) {
	groups := map[fieldKey][]statement{}
	organs := map[string]string{}
	for _, s := range sts {
		k := fieldKey{s.symbol, s.field}
		groups[k] = append(groups[k], s)
		organs[s.symbol] = s.organ
	}
	keys := make([]fieldKey, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].symbol != keys[j].symbol {
			return resolution.SymbolLess(keys[i].symbol, keys[j].symbol)
		}
		return keys[i].field < keys[j].field
	})
	return groups, organs, keys
}

// severalMeetings handles a group that holds the decisions record's line
// for a decision adopted at several meetings. A part of such a decision
// that the texts date at one of those meetings keeps that date, which the
// record supports but does not decide: the group is returned with the
// record's line in that form. Otherwise the symbol is left out (ok false)
// and listed, unless it is a part no text cites (the line of the whole
// decision lists it). A group without such a line is returned as it is.
func severalMeetings(k fieldKey, g []statement, st *stats, organ string) (_ []statement, ok bool) {
	i := slices.IndexFunc(g, func(s statement) bool { return len(s.several) > 0 })
	if i < 0 {
		return g, true
	}
	rec := g[i]
	var rest []statement
	var cited, values []string
	for _, s := range g {
		if len(s.several) > 0 {
			continue
		}
		rest = append(rest, s)
		if !slices.Contains(cited, s.source) {
			cited = append(cited, s.source)
		}
		if !slices.Contains(values, s.value) {
			values = append(values, s.value)
		}
	}
	if rec.part && len(values) == 1 && slices.Contains(rec.several, values[0]) {
		r := rec
		r.several, r.record, r.value = nil, false, values[0]
		return append(rest, r), true
	}
	why := fmt.Sprintf("%s: adopted at several meetings (%s)", k.symbol, rec.source)
	if len(cited) > 0 {
		why += "; cited with a single date by " + strings.Join(cited, "; ")
	} else if rec.part {
		return nil, false // the line of the whole decision says it
	}
	st.several++
	warnf("several dates: %s", why)
	st.leave(organ, why)
	return nil, false
}

// support is one value stated for a field and what supports it.
type support struct {
	value    string
	families map[int]bool
	self     bool
	seed     bool
	digital  bool // a born-digital text states it of an organ it is sure of
	sources  []string
}

// tally groups the statements of one field by value (titles compare
// without typography), in the order the values first occur.
func tally(field string, g []statement) []*support {
	var vals []*support
	byNorm := map[string]*support{}
	for _, s := range g {
		n := s.value
		if field == "title" {
			n = strings.TrimPrefix(registry.NormalizeTitle(s.value), "the ")
		}
		v := byNorm[n]
		if v == nil {
			v = &support{value: s.value, families: map[int]bool{}}
			byNorm[n] = v
			vals = append(vals, v)
		}
		if s.self && field == "title" {
			v.value = s.value // the resolution's own spelling
		}
		if s.text != nil {
			v.families[s.text.family] = true
		}
		v.self = v.self || s.self || s.record
		v.digital = v.digital || s.sure && s.text != nil && !s.text.ocr
		v.seed = v.seed || s.seed
		if !slices.Contains(v.sources, s.source) {
			v.sources = append(v.sources, s.source)
		}
	}
	return vals
}

// conflict reports and lists a field the texts give several values for.
func conflict(k fieldKey, vals []*support, st *stats, organ string) {
	st.conflicts++
	var parts []string
	for _, v := range vals {
		parts = append(parts, fmt.Sprintf("%q (%s)", v.value, strings.Join(v.sources, "; ")))
	}
	why := fmt.Sprintf("%s %s: %s", k.symbol, k.field, strings.Join(parts, " vs "))
	warnf("conflict: %s", why)
	st.leave(organ, why)
}

// enough reports whether v has the support to be kept: the resolution
// itself, the record or the curated data, two independent texts, or with
// single a date that one born-digital text is sure of. It counts the
// values left out and those kept on one text.
func enough(v *support, field string, single bool, st *stats) bool {
	if v.self || v.seed || len(v.families) >= 2 {
		return true
	}
	if !single || field != "date" || !v.digital {
		st.single++
		return false
	}
	st.singleKept++
	return true
}
