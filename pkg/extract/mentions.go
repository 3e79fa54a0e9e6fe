package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/registry"
)

const month = `(?:January|February|March|April|May|June|July|August|September|October|November|December)`

var (
	// "… of 1961", "…, adopted in 2000", "… of 12 August 1949",
	// "…, signed at Geneva on 17 June 1925", "…, done at Rome on 17 July 1998".
	yearAfterRE = regexp.MustCompile(`^(?:\s*,)?\s+(?:of\s+(?:\d{1,2}\s+` + month + `\s+)?|(?:adopted|signed|done|concluded|opened\s+for\s+signature)(?:\s+by\s+the\s+General\s+Assembly)?(?:\s+(?:at|in)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?(?:\s*,)?\s+(?:on|in)\s+(?:\d{1,2}\s+` + month + `\s+)?)((?:1[89]|20)\d\d)\b`)
	// "…, 1961" when the year closes the phrase.
	commaYearRE = regexp.MustCompile(`^\s*,\s+((?:1[89]|20)\d\d)(?:[,;.:)\]]|\s+(?:and|as|or|in|which|with|to)\b|\s*$)`)
	rangeAfter  = regexp.MustCompile(`^\s*[-–/]\s*\d`)
	amendedRE   = regexp.MustCompile(`^\s*,?\s+as\s+amended(?:\s+by\s+the\s+((?:19|20)\d\d)\s+Protocol(?:\s+thereto)?)?\b`)
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
func (x *Extractor) mentions(s *document.Stream, label string, cites []*Reference) []*Reference {
	text := s.Text
	toks := tokenize(text, nil)
	var out []*Reference
	var key []byte
	keyOf := func(k int) string {
		return string(appendKey(nil, text[toks[k].start:toks[k].end]))
	}
	for i := 0; i < len(toks); i++ {
		key = appendKey(key[:0], text[toks[i].start:toks[i].end])
		if toks[i].digits && i+1 < len(toks) && toks[i+1].upper && yearWord.MatchString(text[toks[i].start:toks[i].end]) {
			// "the 1988 Convention", unless a registered title follows
			// ("the 1951 Convention relating to the Status of Refugees").
			if w, ok := shortFormWords[keyOf(i+1)]; ok {
				if j, _, _ := x.m.match(text, toks, i+1, nil); j < 0 {
					out = append(out, x.shortForm(s, toks, i, w, label))
					i++
					continue
				}
			}
		}
		if !x.m.first(key) {
			continue
		}
		j, n, k2 := x.m.match(text, toks, i, key)
		key = k2
		if j < 0 {
			continue
		}
		m := &Reference{Kind: KindTreaty, Treaty: n.treaty, InFootnote: label}
		m.streamStart, m.streamEnd = toks[i].start, toks[j].end
		if toks[j].digits && yearWord.MatchString(text[toks[j].start:toks[j].end]) {
			m.Year, _ = strconv.Atoi(text[toks[j].start:toks[j].end])
			m.YearStart, m.YearEnd = s.Src(toks[j].start), s.SrcEnd(toks[j].end)
			m.YearInTitle = true
		}
		m.Embedded = embedded(text, toks, i, keyOf)
		// "the 1951 Convention relating to the Status of Refugees"
		if m.Year == 0 && i >= 2 && toks[i-1].digits && yearWord.MatchString(text[toks[i-1].start:toks[i-1].end]) && keyOf(i-2) == "the" {
			m.Year, _ = strconv.Atoi(text[toks[i-1].start:toks[i-1].end])
			m.YearStart, m.YearEnd = s.Src(toks[i-1].start), s.SrcEnd(toks[i-1].end)
			m.streamStart = toks[i-1].start
		}
		rest := text[m.streamEnd:min(len(text), m.streamEnd+160)]
		if m.Year == 0 && !m.Embedded {
			if ym := yearAfterRE.FindStringSubmatchIndex(rest); ym != nil && !rangeAfter.MatchString(rest[ym[1]:]) {
				m.Year, _ = strconv.Atoi(rest[ym[2]:ym[3]])
				m.YearStart, m.YearEnd = s.Src(m.streamEnd+ym[2]), s.SrcEnd(m.streamEnd+ym[3])
				m.streamEnd += ym[1]
			} else if ym := commaYearRE.FindStringSubmatchIndex(rest); ym != nil {
				m.Year, _ = strconv.Atoi(rest[ym[2]:ym[3]])
				m.YearStart, m.YearEnd = s.Src(m.streamEnd+ym[2]), s.SrcEnd(m.streamEnd+ym[3])
				m.streamEnd += ym[3]
			}
		}
		if am := amendedRE.FindStringIndex(text[m.streamEnd:min(len(text), m.streamEnd+80)]); am != nil {
			if a, ok := x.amended[m.Treaty]; ok {
				m.Treaty = a
			}
			m.streamEnd += am[1]
		}
		m.Start, m.End = s.Src(m.streamStart), s.SrcEnd(m.streamEnd)
		m.Text = text[m.streamStart:m.streamEnd]
		// A citation in parentheses right after the mention documents it.
		for _, c := range cites {
			if c.streamStart >= m.streamEnd && c.streamStart <= m.streamEnd+3 && strings.Contains(text[m.streamEnd:c.streamStart], "(") {
				m.Citations = append(m.Citations, c)
			}
		}
		out = append(out, m)
		// Skip the tokens the mention covers.
		for i+1 < len(toks) && toks[i+1].start < m.streamEnd {
			i++
		}
	}
	return out
}

// embedded reports whether the title starting at token i is part of a
// larger capitalised title: "Optional Protocol to the Convention …",
// "Memorandum … in Connection with Ukraine’s Accession to the Treaty …",
// "Protocol of 2014 to the Forced Labour Convention".
func embedded(text string, toks []token, i int, keyOf func(int) string) bool {
	k := i - 1
	if k >= 0 && keyOf(k) == "the" {
		k--
	}
	if k < 1 || !embedPreps[keyOf(k)] {
		return false
	}
	p2 := k - 1
	if strings.ContainsAny(text[toks[p2].end:toks[i].start], ".;:") {
		return false
	}
	if toks[p2].digits {
		return yearWord.MatchString(text[toks[p2].start:toks[p2].end])
	}
	return toks[p2].upper && !notTitleWords[keyOf(p2)]
}

func (x *Extractor) shortForm(s *document.Stream, toks []token, i int, word, label string) *Reference {
	text := s.Text
	y, _ := strconv.Atoi(text[toks[i].start:toks[i].end])
	m := &Reference{Kind: KindTreaty, ShortForm: true, InFootnote: label, Year: y}
	m.streamStart, m.streamEnd = toks[i].start, toks[i+1].end
	m.YearStart, m.YearEnd = s.Src(toks[i].start), s.SrcEnd(toks[i].end)
	m.Start, m.End = s.Src(m.streamStart), s.SrcEnd(m.streamEnd)
	m.Text = text[m.streamStart:m.streamEnd]
	m.shortWord = word
	return m
}

// resolveShortForms binds "the 1988 Convention" to the treaty the document
// itself cites with that year and kind of instrument. With no such treaty,
// or two unrelated ones, the short form stays unresolved and lists its
// candidates: the registry is never used to guess.
func (x *Extractor) resolveShortForms(ms []*Reference) {
	var cited []*registry.Treaty
	for _, m := range ms {
		if !m.ShortForm && m.Treaty != nil && !containsTreaty(cited, m.Treaty) {
			cited = append(cited, m.Treaty)
		}
	}
	for _, m := range ms {
		if !m.ShortForm {
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
	ok := false
	for _, y := range x.reg.Years(t) {
		if y == year {
			ok = true
		}
	}
	if !ok {
		return false
	}
	for _, w := range strings.Fields(registry.NormalizeTitle(t.MatchTitle())) {
		if shortFormWords[w] == word {
			return true
		}
	}
	return false
}

func containsTreaty(ts []*registry.Treaty, t *registry.Treaty) bool {
	for _, u := range ts {
		if u == t {
			return true
		}
	}
	return false
}
