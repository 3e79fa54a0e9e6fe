// Package extract finds the references in a document: mentions of treaties
// (by title, alias or short form, with the year the text gives them), UNTS
// citations in footnotes and in the text ("United Nations, Treaty Series,
// vol. 976, No. 14152"), and "Ibid." footnotes resolved field by field from
// the footnote before. It links each mention to the footnote whose marker
// it carries and each citation to the registry entries it names.
package extract

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/citecheck/citecheck/internal/bytescan"
	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/resolution"
	"github.com/citecheck/citecheck/pkg/source"
)

// Reference kinds.
const (
	KindTreaty     = "treaty"
	KindUNTS       = "unts"
	KindIbid       = "ibid"
	KindResolution = "resolution" // also "decision"
	KindDecision   = "decision"
	KindSymbol     = "symbol" // a UN document symbol: "A/64/L.5"
)

// Num is a number as written, with its source span.
type Num struct {
	Value      string
	Start, End int
}

// Pair is one volume/number pair of a citation and the entries it names.
type Pair struct {
	Volume, Number Num
	// Treaties are the registry entries cited by exactly this pair.
	Treaties []*registry.Treaty
}

// Ref is one reference found in a document: a *Mention of a treaty, a
// *Citation of the Treaty Series (or an Ibid.), or a *Resolution (a
// resolution, a decision or a document symbol).
type Ref interface {
	// Span returns the reference's byte offsets in the source file.
	Span() (start, end int)
	// RefKind names its kind as refs prints it: KindTreaty, KindUNTS,
	// KindIbid, KindResolution, KindDecision or KindSymbol.
	RefKind() string
	// JSON is the reference as refs --format json prints it.
	JSON(f *source.File) RefJSON
}

var (
	_ Ref = (*Mention)(nil)
	_ Ref = (*Citation)(nil)
	_ Ref = (*Resolution)(nil)
)

// Mention is a treaty named in the text: by its title, an alias, a short
// form ("the 1988 Convention") or words that refer back to a title ("the
// Optional Protocol thereto"). Start and End are byte offsets in the
// source file.
type Mention struct {
	Start, End int
	// Text is the mention as it reads (line wraps joined, markers out).
	Text string
	// InFootnote is the label of the footnote the mention is written in,
	// "" for the body.
	InFootnote string
	// Treaty is the registry entry named (nil when unresolved).
	Treaty *registry.Treaty
	// Candidates are the entries an unresolved short form could mean.
	Candidates []*registry.Treaty
	// Year is the year the text gives the treaty (0 if none), at
	// [YearStart, YearEnd) in the source.
	Year               int
	YearStart, YearEnd int
	// YearInTitle: the year is part of the matched title or alias.
	YearInTitle bool
	// Embedded: the title is part of a larger title ("Memorandum … on
	// Accession to the Treaty on the Non-Proliferation of Nuclear Weapons
	// of 1994"), so a year after it may belong to the larger instrument.
	Embedded bool
	// ShortForm: "the 1988 Convention", resolved from the document.
	ShortForm bool
	// InProtocol: the title is embedded in the title of a protocol or an
	// amendment to it ("Protocols Additional to the Geneva Conventions of
	// 1949"), so a year after it is its own or the protocol's.
	InProtocol bool
	// Outer is, for an embedded title, the mention of the larger title
	// it is part of when that is registered too ("Additional Protocol I"
	// in "Additional Protocol I to the Geneva Conventions of 1949").
	Outer *Mention
	// Antecedent is set for words that refer back to a title named
	// before and carry a footnote marker ("that Convention,18", "the
	// Optional Protocols thereto,9"): the mention they refer to. Treaty
	// is its treaty, and the footnote may cite any instrument related
	// to it.
	Antecedent *Mention
	// Footnote is the label of the footnote marker the mention carries.
	Footnote string
	// With are the titles listed before this one that share its marker,
	// having none of their own: the Covenant and the Convention in "the
	// International Covenant on Civil and Political Rights, the
	// Convention on … and the Convention on the Rights of the Child,1".
	// The footnote may cite them too.
	With []*Mention
	// Again are the titles in that list that were footnoted before: a
	// title is footnoted where it first appears, but a footnote on a list
	// that names it again may cite it again ("the Convention on the Rights
	// of the Child and the International Covenant on Civil and Political
	// Rights;3" with both citations, after "the Convention …1").
	Again []*Mention
	// Citations are the Treaty Series citations that document this
	// mention: those of its footnote, or one in parentheses right after
	// it.
	Citations []*Citation

	// streamStart and streamEnd locate the mention in its stream.
	streamStart, streamEnd int
	shortWord              string
}

// Span returns the mention's source offsets.
func (m *Mention) Span() (int, int) { return m.Start, m.End }

// RefKind returns KindTreaty.
func (m *Mention) RefKind() string { return KindTreaty }

// Citation is a Treaty Series citation ("United Nations, Treaty Series,
// vol. 976, No. 14152"), or an "Ibid." footnote, which takes what it does
// not say from the citation before. Start and End are byte offsets in the
// source file.
type Citation struct {
	Start, End int
	// Text is the citation as it reads.
	Text string
	// Footnote is the label of the footnote the citation is written in,
	// "" for the body.
	Footnote string
	Series   string // "UNTS" or "LNTS"
	Volumes  []Num
	Numbers  []Num
	Page     string
	Pairs    []Pair
	// Primary: the citation opens its footnote, so it documents the
	// mention that carries the footnote's marker.
	Primary bool
	// Ibid: the citation is an "Ibid." that inherits from Prev.
	Ibid bool
	// Prev is what an Ibid. refers to: the last citation of the footnote
	// before (one with no citation is represented too); nil if no
	// footnote precedes it.
	Prev *Citation
	// NotUNTS: an Ibid. whose antecedent is not a Treaty Series citation.
	NotUNTS bool

	// kind is KindUNTS, or KindIbid for an Ibid. that is no Treaty Series
	// citation; kindOther for the stand-in of a footnote with none.
	kind                   string
	streamStart, streamEnd int
}

// kindOther marks the stand-in Citation for a footnote that cites no
// treaty, which an Ibid. after it refers to.
const kindOther = "other"

// Span returns the citation's source offsets.
func (c *Citation) Span() (int, int) { return c.Start, c.End }

// RefKind returns KindUNTS, or KindIbid for an Ibid. that is no Treaty
// Series citation.
func (c *Citation) RefKind() string { return c.kind }

// Span returns the reference's source offsets.
func (r *Resolution) Span() (int, int) { return r.Start, r.End }

// RefKind returns KindResolution, KindDecision or KindSymbol.
func (r *Resolution) RefKind() string { return r.Kind }

// Treaties returns the distinct entries the citation names.
func (c *Citation) Treaties() []*registry.Treaty {
	var ts []*registry.Treaty
	for _, p := range c.Pairs {
		for _, t := range p.Treaties {
			if !slices.Contains(ts, t) {
				ts = append(ts, t)
			}
		}
	}
	return ts
}

// Result is everything extracted from one document.
type Result struct {
	Doc *document.Document
	// Mentions, Citations and Resolutions are the references of each
	// kind, each sorted by Start.
	Mentions    []*Mention
	Citations   []*Citation
	Resolutions []*Resolution
	// Meta is what the document says about itself (its symbol, organ and
	// date), read when it cites a resolution: the organ resolves "its
	// resolution", the date is the limit of resolution-future.
	Meta document.Meta
	// TooManyResolutions: the document holds more references to
	// resolutions than Extractor.MaxResolutions, and Resolutions stops
	// short of them.
	TooManyResolutions bool
}

// All returns every reference, sorted by Start (and kind, where two start
// together).
func (r *Result) All() []Ref {
	out := make([]Ref, 0, len(r.Citations)+len(r.Mentions)+len(r.Resolutions))
	for _, c := range r.Citations {
		out = append(out, c)
	}
	for _, m := range r.Mentions {
		out = append(out, m)
	}
	for _, x := range r.Resolutions {
		out = append(out, x)
	}
	slices.SortStableFunc(out, func(a, b Ref) int {
		as, _ := a.Span()
		bs, _ := b.Span()
		if as != bs {
			return as - bs
		}
		return strings.Compare(a.RefKind(), b.RefKind())
	})
	return out
}

// Extractor extracts references using one registry. It is safe for
// concurrent use.
type Extractor struct {
	reg *registry.Registry
	m   *Matcher
	// amended maps a base entry to its "as amended" entry.
	amended map[*registry.Treaty]*registry.Treaty
	// words are the words of the titles and aliases, in lower case
	// (TitleWord), made on first use: most texts break no word at a
	// line's end, and one draft should not pay for them.
	words     map[string]bool
	wordsOnce sync.Once
	// maxResolutions caps the references to resolutions, decisions and
	// documents read from one document (0: none); see MaxResolutions.
	maxResolutions int
}

// MaxResolutions sets the most references to resolutions, decisions and
// documents read from one document; past them Extract stops reading such
// references and sets Result.TooManyResolutions. Each holds a few hundred
// bytes, so a text of nothing but bare symbols ("A/RES/79/1 A/RES/79/2 …",
// one every 13 bytes) held about 90 times its size. 0, the default, sets
// no cap. Set it before the Extractor is used.
func (x *Extractor) MaxResolutions(n int) { x.maxResolutions = n }

// New makes an Extractor for reg.
func New(reg *registry.Registry) *Extractor {
	x := &Extractor{reg: reg, m: matcherFor(reg), amended: map[*registry.Treaty]*registry.Treaty{}}
	for _, t := range reg.Treaties() {
		if base, ok := reg.Lookup(t.AmendedFormOf); ok {
			x.amended[base] = t
		}
	}
	return x
}

// TitleWord reports whether w, in lower case, is a word of more than
// three letters of a registered title or alias, or a month's name (dates
// follow titles and resolutions): document.Options.Word, which joins the
// parts of such a word hyphenated at a line's end ("Con-" and "nection",
// "Decem-" and "ber"). It is safe for concurrent use.
func (x *Extractor) TitleWord(w []byte) bool {
	x.wordsOnce.Do(func() {
		x.words = map[string]bool{}
		// (And "Series": a footnote's "Treaty Se-" and "ries, vol. …".)
		x.words["series"] = true
		for _, m := range months {
			if len(m) > 3 { // (as for the titles' words below: not "may")
				x.words[strings.ToLower(m)] = true
			}
		}
		for _, t := range x.reg.Treaties() {
			for _, s := range append([]string{t.Title, t.TitleBase}, t.Aliases...) {
				for w, ok := nextWord(s, 0); ok; w, ok = nextWord(s, w.end) {
					if w.end-w.start > 3 && !w.digits {
						x.words[strings.ToLower(s[w.start:w.end])] = true
					}
				}
			}
		}
	})
	return x.words[string(w)]
}

// Registry returns the registry the extractor resolves against.
func (x *Extractor) Registry() *registry.Registry { return x.reg }

// Extract finds every reference in d.
func (x *Extractor) Extract(d *document.Document) *Result {
	res := &Result{Doc: d}
	a := &refSlab{stops: bytescan.GetBitmap()}
	defer func() { bytescan.PutBitmap(a.stops) }()
	// 1. Citations in footnotes, in order, so that Ibid. resolves.
	var prev *Citation // the last citation of the previous footnote
	byNote := make(map[*document.Footnote][]*Citation, len(d.Footnotes))
	for _, f := range d.Footnotes {
		cs := x.citations(a, &f.Text, f.Label, prev)
		byNote[f] = cs
		res.Citations = append(res.Citations, cs...)
		if len(cs) > 0 {
			prev = cs[len(cs)-1]
		} else {
			prev = &Citation{kind: kindOther, Footnote: f.Label}
		}
	}
	// 2. Citations written in the body ("(United Nations, Treaty Series,
	// vol. 1833, No. 31363)").
	bodyCites := x.citations(a, &d.Body, "", nil)
	res.Citations = append(res.Citations, bodyCites...)
	// 3. Treaty mentions in the body and in footnotes.
	var mentions []*Mention
	a.paras = d.Paras
	ms := x.mentions(a, &d.Body, "", bodyCites)
	a.paras = nil // (footnotes' streams have none)
	primaries := make(map[*document.Footnote][]*Citation, len(d.Footnotes))
	primariesOf := func(f *document.Footnote) []*Citation {
		ps, ok := primaries[f]
		if !ok {
			for _, c := range byNote[f] {
				if c.Primary {
					ps = append(ps, c)
				}
			}
			ps = ps[:len(ps):len(ps)] // shared: appending copies
			primaries[f] = ps
		}
		return ps
	}
	if len(d.Markers) > 0 {
		mentions = append(mentions, x.link(a, d, ms, primariesOf)...)
	}
	mentions = append(mentions, ms...)
	for _, f := range d.Footnotes {
		mentions = append(mentions, x.mentions(a, &f.Text, f.Label, byNote[f])...)
	}
	x.resolveShortForms(mentions)
	res.Mentions = mentions
	// 4. References to resolutions, decisions and documents.
	x.resolutions(a, d, res)
	// Each kind in order; where two start together, in the order found.
	slices.SortStableFunc(res.Citations, func(a, b *Citation) int { return a.Start - b.Start })
	slices.SortStableFunc(res.Mentions, func(a, b *Mention) int { return a.Start - b.Start })
	slices.SortStableFunc(res.Resolutions, func(a, b *Resolution) int { return a.Start - b.Start })
	return res
}

// symbolAfter reports whether s starts with a parenthesised document
// symbol, `^\s*\(\s*[A-Z]+/` ("Ibid., vol. I (NPT/CONF.2010/50 …)").
func symbolAfter(s string) bool {
	i := spaces(s, 0)
	if i == len(s) || s[i] != '(' {
		return false
	}
	i = spaces(s, i+1)
	j := i
	for j < len(s) && s[j] >= 'A' && s[j] <= 'Z' {
		j++
	}
	return j > i && j < len(s) && s[j] == '/'
}

// refSlab hands out the Mentions and Citations of one document, and the
// small slices they hold, from a few larger allocations: a document has
// dozens of references, each a few hundred bytes, and they live and die
// together.
type refSlab struct {
	mentions []Mention
	cites    []Citation
	nums     []Num
	pairs    []Pair
	res      []Resolution
	// rp reads the resolution references of every stream in turn.
	rp    resParser
	stops []uint64 // mentions' bitmap of capitals, reused stream to stream
	// paras are the paragraph starts of the stream mentions reads: the
	// body's (Document.Paras), or none.
	paras []int
}

// resolutions returns a copy of rs in the slab: rs is the parser's, reused
// for the next stream.
func (a *refSlab) resolutions(rs []Resolution) []Resolution { return slabCopy(&a.res, rs, 32) }

// slabCopy returns a copy of xs in *slab, with its own capacity (appending
// to it never writes over a neighbour). A full slab is left to the copies
// made from it and a new one started, room for twice as many (most at the
// most, xs at the least).
func slabCopy[T any](slab *[]T, xs []T, most int) []T {
	if len(xs) == 0 {
		return nil
	}
	s := *slab
	if cap(s)-len(s) < len(xs) {
		s = make([]T, 0, max(min(most, 2*cap(s)), 8, len(xs)))
	}
	k := len(s)
	s = append(s, xs...)
	*slab = s
	return s[k:len(s):len(s)]
}

func (a *refSlab) mention() *Mention {
	if len(a.mentions) == cap(a.mentions) {
		a.mentions = make([]Mention, 0, min(64, max(8, 2*cap(a.mentions))))
	}
	a.mentions = a.mentions[:len(a.mentions)+1]
	return &a.mentions[len(a.mentions)-1]
}

func (a *refSlab) citation() *Citation {
	if len(a.cites) == cap(a.cites) {
		a.cites = make([]Citation, 0, min(32, max(8, 2*cap(a.cites))))
	}
	a.cites = a.cites[:len(a.cites)+1]
	return &a.cites[len(a.cites)-1]
}

// copyNums returns a copy of ns with its own capacity (appending to it
// never writes over a neighbour).
func (a *refSlab) copyNums(ns []Num) []Num { return slabCopy(&a.nums, ns, 64) }

// pairsFor returns an empty slice with room for n pairs.
func (a *refSlab) pairsFor(n int) []Pair {
	if cap(a.pairs)-len(a.pairs) < n {
		a.pairs = make([]Pair, 0, max(min(32, 2*cap(a.pairs)), 4, n))
	}
	k := len(a.pairs)
	a.pairs = a.pairs[:k+n]
	return a.pairs[k : k : k+n]
}

// citations finds UNTS citations and Ibid. footnotes in one stream. prev
// is the last citation of the previous footnote (for Ibid.); label is the
// footnote's label ("" for the body).
func (x *Extractor) citations(a *refSlab, s *document.Stream, label string, prev *Citation) []*Citation {
	text := s.Text
	var out []*Citation
	if label != "" {
		if m := matchIbid(text); m != nil {
			r := a.citation()
			*r = Citation{kind: KindIbid, Start: s.Src(m[0]), End: s.SrcEnd(m[1]), Text: text[m[0]:m[1]], Footnote: label, Ibid: true, Primary: true}
			r.streamStart, r.streamEnd = m[0], m[1]
			switch {
			case prev == nil && treatySeriesNumbers(text, m):
				// "Ibid., vol. 500, No. 7310" opening a text whose
				// footnotes continue a numbering begun elsewhere (a
				// resolution taken from a yearly volume): a volume and a
				// registration number, both arabic, are the Treaty
				// Series' form, whatever the antecedent we cannot see.
				r.kind, r.Series = KindUNTS, "UNTS"
				r.Volumes = nums(a, s, text, m[2], m[3], false)
				r.Numbers = nums(a, s, text, m[4], m[5], false)
				if m[6] >= 0 {
					r.Page = text[m[6]:m[7]]
				}
			case prev == nil:
				// nothing to refer to: reported by ibid-unresolved
			case prev.kind == KindUNTS:
				r.Prev = prev
				r.kind = KindUNTS
				r.Series = prev.Series
				if m[2] >= 0 && !symbolAfter(text[m[3]:]) {
					r.Volumes = nums(a, s, text, m[2], m[3], true)
				} else {
					r.Volumes = prev.Volumes
				}
				if m[4] >= 0 {
					r.Numbers = nums(a, s, text, m[4], m[5], false)
				} else if m[2] < 0 {
					r.Numbers = prev.Numbers
				}
				if m[6] >= 0 {
					r.Page = text[m[6]:m[7]]
				}
				if m[2] >= 0 && symbolAfter(text[m[3]:]) {
					// "Ibid., vol. I (NPT/CONF.2010/50 (Vol. I))": a
					// volume of a document, not of the Treaty Series.
					r.kind, r.NotUNTS, r.Volumes, r.Numbers = KindIbid, true, nil, nil
				}
			default:
				r.Prev = prev
				r.NotUNTS = true
			}
			out = append(out, r)
			if r.kind == KindUNTS {
				x.resolve(a, r)
				out = x.more(a, s, r, out)
			}
		}
	}
	for _, m := range findUNTS(text) {
		if len(out) > 0 && m[0] < out[len(out)-1].streamEnd {
			continue
		}
		r := a.citation()
		*r = Citation{kind: KindUNTS, Start: s.Src(m[0]), End: s.SrcEnd(m[1]), Text: text[m[0]:m[1]], Footnote: label, Series: "UNTS"}
		r.streamStart, r.streamEnd = m[0], m[1]
		if m[2] >= 0 && text[m[2]:m[3]] == "League of Nations" {
			r.Series = "LNTS"
		}
		if m[4] >= 0 && symbolAfter(text[m[5]:]) {
			continue
		}
		r.Volumes = nums(a, s, text, m[4], m[5], true)
		if m[6] >= 0 {
			r.Numbers = nums(a, s, text, m[6], m[7], false)
		}
		if m[8] >= 0 {
			r.Page = text[m[8]:m[9]]
		}
		if label != "" && (m[0] < 12 && onlySeePrefix(text[:m[0]]) || m[0] < 90 && annexFirst(text[:m[0]]) || m[0] < 200 && adoptionLead(text[:m[0]])) {
			r.Primary = true
		}
		x.resolve(a, r)
		out = append(out, r)
		out = x.more(a, s, r, out)
	}
	if label != "" && (len(out) > 0 || prev != nil && prev.kind == KindUNTS) {
		out = x.innerIbids(a, s, label, out, prev)
	}
	return out
}

// innerIbids reads the "ibid., vol. N, No. M" a footnote that lists several
// instruments writes after each title but the first, where it does not
// follow the citation before at once: "Vienna Convention on Consular
// Relations (United Nations, Treaty Series, vol. 596, No. 8638); Antarctic
// Treaty (ibid., vol. 402, No. 5778)". Each is a citation of the series of
// the citation before it in the footnote, which nothing but a title may
// separate from it: no other source, whose volume the ibid. would name
// ("Official Records …, vol. II"); before the footnote's first, of the
// series of prev, the last citation of the footnote before, where only a
// title opens the footnote ("2 Convention on … (ibid., vol. …)"). out are
// the footnote's citations, in order; it returns them with these among
// them.
func (x *Extractor) innerIbids(a *refSlab, s *document.Stream, label string, out []*Citation, prev *Citation) []*Citation {
	text := s.Text
	from := 0
	if len(out) > 0 && (prev == nil || prev.kind != KindUNTS) {
		from = out[0].streamEnd
	}
	// The ibids are found left to right, so those before each are out[:k]
	// and what was added: kept apart and merged once at the end, as a
	// search and a sort of out for each made a footnote of 80,000 of them
	// take 25 s.
	var added []*Citation
	k := 0
	for {
		i := strings.Index(text[from:], "bid.")
		if i < 0 {
			break
		}
		j := from + i - 1
		from += i + len("bid.")
		if j < 1 || text[j]|0x20 != 'i' || isAlnumByte(text[j-1]) {
			continue
		}
		for k < len(out) && out[k].streamEnd <= j {
			k++
		}
		before, between := prev, text[:j]
		if k > 0 {
			before = out[k-1]
		}
		if n := len(added); n > 0 && added[n-1].streamEnd <= j && (k == 0 || added[n-1].streamEnd > before.streamEnd) {
			before = added[n-1]
		}
		if before != prev {
			between = text[before.streamEnd:j]
		}
		if before == nil || before.kind != KindUNTS || !onlyTitleBetween(between) {
			continue
		}
		vs, ve, ns, ne, ps, pe, e, ok := parseMore(text, j)
		if !ok || k < len(out) && out[k].streamStart < e {
			continue // (one that goes on from the citation before: more's)
		}
		c := a.citation()
		*c = Citation{kind: KindUNTS, Start: s.Src(j), End: s.SrcEnd(e), Text: text[j:e], Footnote: label, Series: before.Series}
		c.streamStart, c.streamEnd = j, e
		c.Volumes = nums(a, s, text, vs, ve, true)
		c.Numbers = nums(a, s, text, ns, ne, false)
		if ps >= 0 {
			c.Page = text[ps:pe]
		}
		x.resolve(a, c)
		added = x.more(a, s, c, append(added, c))
		from = max(from, added[len(added)-1].streamEnd)
	}
	if len(added) == 0 {
		return out
	}
	out = append(out, added...)
	slices.SortStableFunc(out, func(a, b *Citation) int { return a.streamStart - b.streamStart })
	return out
}

// onlyTitleBetween reports whether between, the text from a citation's end
// to an ibid. in the same footnote, holds no more than the close of the
// citation, a separator and a title opening the ibid.'s parenthesis:
// ");\nAntarctic Treaty (", "; and Convention on … (".
func onlyTitleBetween(between string) bool {
	b := strings.TrimLeft(between, " \t\n.")
	b = strings.TrimPrefix(b, ")")
	b = strings.TrimRight(b, " \t\n")
	b = strings.TrimSuffix(b, "(")
	b = dropTitleParens(b)
	return len(b) < 300 && !strings.ContainsAny(b, "()") && !strings.Contains(b, "Official Records") && !strings.Contains(b, "Treaty Series")
}

// dropTitleParens returns s without the parentheses a title holds
// ("Bacteriological (Biological)", "Convention, 1999 (No. 182)"): those
// that cite no source ("(resolution 34/180, annex)", "(A/CONF.183/9)",
// "(Official Records …, vol. I)"), which an ibid. after them would be.
func dropTitleParens(s string) string {
	return dropParens(s, func(in string) bool {
		return !strings.ContainsAny(in, "(/;") && !strings.Contains(in, "vol") && !strings.Contains(in, "esolution") && !strings.Contains(in, "ecision") && !strings.Contains(in, "Records") && !strings.Contains(in, "Series") && !strings.Contains(in, "bid") && !strings.Contains(in, "annex")
	})
}

// dropParens returns s without its parenthesised groups, from the first,
// as long as drop accepts what each holds.
func dropParens(s string, drop func(in string) bool) string {
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 || !drop(s[i+1:i+j]) {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}

// more reads the volumes and numbers that continue the citation r in its
// stream ("…, No. 20378; and vols. 2171, 2173 and 2983, No. 27531"), each
// group a citation of its own (pairing volumes with the numbers of another
// group would make pairs the text does not cite), and appends them to out.
func (x *Extractor) more(a *refSlab, s *document.Stream, r *Citation, out []*Citation) []*Citation {
	text := s.Text
	for end := r.streamEnd; ; {
		vs, ve, ns, ne, ps, pe, e, ok := parseMore(text, end)
		if !ok {
			return out
		}
		c := a.citation()
		*c = Citation{kind: KindUNTS, Start: s.Src(vs), End: s.SrcEnd(e), Text: text[vs:e], Footnote: r.Footnote, Series: r.Series, Primary: r.Primary}
		c.streamStart, c.streamEnd = vs, e
		// The "vol." before the list starts the citation's text.
		if k := max(strings.LastIndex(text[end:vs], "vol"), strings.LastIndex(text[end:vs], "Vol")); k >= 0 {
			c.streamStart = end + k
			c.Start, c.Text = s.Src(c.streamStart), text[c.streamStart:e]
		}
		c.Volumes = nums(a, s, text, vs, ve, true)
		c.Numbers = nums(a, s, text, ns, ne, false)
		if ps >= 0 {
			c.Page = text[ps:pe]
		}
		x.resolve(a, c)
		out = append(out, c)
		end = e
	}
}

// annexFirst reports whether s, what precedes the Treaty Series
// citation in its footnote, gives the resolution that adopted the treaty
// first: "Resolution 44/25, annex; " in "Resolution 44/25, annex; United
// Nations, Treaty Series, …". The citation then documents the title the
// marker is on, as one opening its footnote does.
func annexFirst(s string) bool {
	s = strings.TrimLeft(s, " *")
	s = strings.TrimPrefix(s, "See ")
	s = strings.TrimPrefix(s, "General Assembly ")
	if !strings.HasPrefix(s, "Resolution ") && !strings.HasPrefix(s, "resolution ") {
		return false
	}
	s = s[len("resolution "):]
	i := strings.Index(s, ", annex")
	if s == "" || s[0] < '0' || s[0] > '9' || i < 0 || i > 40 || strings.ContainsAny(s[:i], ";,") {
		return false
	}
	rest := strings.TrimPrefix(s[i+len(", annex"):], "es")
	rest = strings.TrimLeft(rest, " IVX")
	if rest == "" || rest[0] != ';' && rest[0] != ',' {
		return false
	}
	rest = strings.TrimSpace(rest[1:])
	rest = strings.TrimPrefix(rest, "see also")
	rest = strings.TrimPrefix(rest, "see")
	rest = strings.TrimPrefix(rest, "and")
	return strings.TrimSpace(rest) == ""
}

// adoptionLeads open a clause on where an instrument was adopted or where
// its text is.
var adoptionLeads = [...]string{"Adopted ", "adopted ", "For the text", "Opened for signature", "Signed at ", "Signed on ", "Done at ", "Concluded at ", "Entered into force "}

// adoptionLead reports whether what precedes a citation in its footnote
// is a clause on the instrument's adoption or text, ending the clause
// before it: "Adopted by the General Assembly in its resolution 39/46 of
// 10 December 1984; see United Nations, Treaty Series, …", "For the text,
// see …". The citation then documents the title that carries the
// footnote's marker, as one that opens the footnote does.
func adoptionLead(s string) bool {
	s = strings.TrimLeft(s, " *")
	lead := false
	for _, p := range adoptionLeads {
		lead = lead || strings.HasPrefix(s, p)
	}
	if !lead || strings.ContainsAny(dropAnnexNote(s), "()") || strings.Contains(s, "Treaty Series") {
		return false
	}
	if strings.Count(s, ";") > 1 || namesInstrument(s) {
		// "Entered into force on 6 June 1960; the Convention on the
		// Reduction of Statelessness entered into force on …; see": the
		// clause goes on to another instrument, whose the citation may be.
		return false
	}
	s = strings.TrimRight(s, " *")
	s = strings.TrimSuffix(s, "see")
	s = strings.TrimSuffix(s, "See")
	s = strings.TrimRight(s, " ")
	return strings.HasSuffix(s, ";") || strings.HasSuffix(s, ",") && strings.HasPrefix(strings.TrimLeft(s, " *"), "For the text") || strings.HasSuffix(s, ".") || strings.HasSuffix(s, ":")
}

// namesInstrument reports whether s names an instrument by a capitalised
// instrument word ("the Convention on …", "that Protocol", "Conventions").
func namesInstrument(s string) bool {
	for _, w := range [...]string{"Convention", "Protocol", "Treaty", "Agreement", "Covenant", "Charter", "Statute", "Amendment"} {
		for from := 0; ; {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			i += from
			end := i + len(w)
			if (i == 0 || !isAlnumByte(s[i-1])) && (end == len(s) || !isAlnumByte(s[end]) || s[end] == 's') {
				return true
			}
			from = end
		}
	}
	return false
}

// dropAnnexNote returns s without the "(annex)" or "(annex I)" that may
// follow the resolution that adopted an instrument ("Adopted by the
// General Assembly in resolution 44/25 (annex); see …"): parentheses that
// name no other source.
func dropAnnexNote(s string) string {
	return dropParens(s, func(in string) bool {
		rest, ok := strings.CutPrefix(in, "annex")
		return ok && strings.Trim(rest, " IVX") == ""
	})
}

// onlySeePrefix reports whether what precedes a citation in its footnote
// is nothing, "See" or "See also" (and italics stars): the citation then
// opens the footnote.
func onlySeePrefix(s string) bool {
	s = strings.Trim(s, " *")
	return s == "" || s == "See" || s == "See also"
}

// treatySeriesNumbers reports whether the Ibid. match m in text gives
// both a volume and a registration number, in arabic digits, and no
// document symbol after the volume: how the Treaty Series is cited, and
// no other series UN texts cite by "vol." and "No.".
func treatySeriesNumbers(text string, m []int) bool {
	return m[2] >= 0 && m[4] >= 0 && isDigitString(text[m[2]:m[3]]) && isDigitString(text[m[4]:m[5]]) && !symbolAfter(text[m[3]:])
}

// isDigitString reports whether s starts with a digit and holds only
// digits, separators of lists and ranges, and spaces ("500", "970–973").
func isDigitString(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == ',' || r == ' ' || r == '-' || r == '–' || r == 'a' || r == 'n' || r == 'd') {
			return false
		}
	}
	return true
}

// matchIbid matches an Ibid. footnote (see parseIbid).
func matchIbid(text string) []int {
	head := text[:min(len(text), 16)]
	if !strings.Contains(head, "bid") {
		return nil
	}
	return parseIbid(text[:min(len(text), 200)])
}

// findUNTS returns, for every Treaty Series citation in text, the
// offsets of its parts (as untsRE in the tests would give them; group 1: the series owner, "United Nations"
// or "League of Nations", found before "Treaty"; 2: volumes; 3: numbers;
// 4: page). The anchored regular expression runs only at each "Treaty".
func findUNTS(text string) [][10]int {
	var out [][10]int
	for from := 0; ; {
		// "Treaty Series", or "Treaty" and "Series" joined with other
		// space: parseUNTS reads what follows "Treaty".
		i := indexTreaty(text, from)
		if i < 0 {
			return out
		}
		end, vs, ve, ns, ne, ps, pe, ok := parseUNTS(text, i)
		if !ok {
			from = i + len("Treaty")
			continue
		}
		m := [10]int{i, end, -1, -1, vs, ve, ns, ne, ps, pe}
		if start, owner, ok := ownerBefore(text, i); ok {
			m[0], m[2], m[3] = start, start, start+len(owner)
		} else if i > 0 && text[i-1] == '*' {
			m[0] = i - 1
		}
		from = end
		if len(out) > 0 && m[0] < out[len(out)-1][1] {
			continue
		}
		out = append(out, m)
	}
}

// indexTreaty returns the index of the first "Treaty" in text at or after
// from, or -1: it jumps from one "Tr" to the next, a pair far rarer than a
// capital T.
func indexTreaty(text string, from int) int {
	for {
		i := bytescan.IndexPair(text, 'T', 'r', from)
		if i < 0 || strings.HasPrefix(text[i:], "Treaty") {
			return i
		}
		from = i + 2
	}
}

// ownerBefore finds "United Nations, " or "League of Nations, *" right
// before the "Treaty" at i.
func ownerBefore(text string, i int) (int, string, bool) {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == ',' || text[j-1] == '*') {
		j--
	}
	for _, o := range [...]string{"United Nations", "League of Nations"} {
		if j >= len(o) && text[j-len(o):j] == o {
			return j - len(o), o, true
		}
	}
	return 0, "", false
}

// indexFrom returns the index of sub in s at or after from, or -1.
func indexFrom(s, sub string, from int) int {
	if from >= len(s) {
		return -1
	}
	k := strings.Index(s[from:], sub)
	if k < 0 {
		return -1
	}
	return from + k
}

// nums splits a volume or number list into numbers, expanding ranges
// ("970–973"). Volumes may be roman (roman); registration numbers are not,
// and the part of the register before them ("I-14668") is left out.
func nums(a *refSlab, s *document.Stream, text string, from, to int, roman bool) []Num {
	var tmp [8]Num
	out := tmp[:0]
	isRoman := func(c byte) bool { return roman && strings.IndexByte("IVXLCDM", c) >= 0 }
	i := from
	for i < to {
		c := text[i]
		if !(c >= '0' && c <= '9') && !isRoman(c) {
			i++
			continue
		}
		st := i
		if c >= '0' && c <= '9' {
			for i < to && text[i] >= '0' && text[i] <= '9' {
				i++
			}
		} else {
			for i < to && isRoman(text[i]) {
				i++
			}
		}
		val := text[st:i]
		// A range: "970–973", "970-973", "970 - 973".
		j := i
		for j < to && text[j] == ' ' {
			j++
		}
		dash := 0
		if j < to && text[j] == '-' {
			dash = 1
		} else if strings.HasPrefix(text[j:to], "–") {
			dash = len("–")
		}
		if dash > 0 && c >= '0' && c <= '9' {
			k := j + dash
			for k < to && text[k] == ' ' {
				k++
			}
			e := k
			for e < to && text[e] >= '0' && text[e] <= '9' {
				e++
			}
			if e > k {
				a, _ := strconv.Atoi(val)
				bv, _ := strconv.Atoi(text[k:e])
				if bv < a || bv-a > 20 {
					bv = a
				}
				for v := a; v <= bv; v++ {
					out = append(out, Num{Value: strconv.Itoa(v), Start: s.Src(st), End: s.SrcEnd(e)})
				}
				i = e
				continue
			}
		}
		out = append(out, Num{Value: val, Start: s.Src(st), End: s.SrcEnd(i)})
	}
	return a.copyNums(out)
}

// resolve pairs each volume with each number and looks them up.
func (x *Extractor) resolve(a *refSlab, r *Citation) {
	r.Pairs = nil
	if n := len(r.Volumes) * max(1, len(r.Numbers)); n > 0 {
		r.Pairs = a.pairsFor(n)
	}
	if len(r.Volumes) > 1 && len(r.Volumes) == len(r.Numbers) {
		// "vols. 1316, 2149 and 2178, Nos. 21931, 37517 and 38349":
		// respectively, not every volume with every number.
		for i, v := range r.Volumes {
			n := r.Numbers[i]
			r.Pairs = append(r.Pairs, Pair{Volume: v, Number: n, Treaties: x.byPair(r.Series, v.Value, n.Value)})
		}
		return
	}
	for _, v := range r.Volumes {
		if len(r.Numbers) == 0 {
			r.Pairs = append(r.Pairs, Pair{Volume: v, Treaties: x.byVolumePage(v.Value, r.Page)})
			continue
		}
		for _, n := range r.Numbers {
			r.Pairs = append(r.Pairs, Pair{Volume: v, Number: n, Treaties: x.byPair(r.Series, v.Value, n.Value)})
		}
	}
}

// byPair looks up a volume and number. The registry writes the League of
// Nations Treaty Series' volumes in Roman numerals, as the series printed
// them; a text may give them in Arabic ("League of Nations, Treaty Series,
// vol. 60, No. 1414", as the UN Treaty Collection does).
func (x *Extractor) byPair(series, vol, num string) []*registry.Treaty {
	ts := x.reg.ByUNTS(vol, num)
	if roman, ok := ArabicLNTS(series, vol); ok && len(ts) == 0 {
		ts = x.reg.ByUNTS(roman, num)
	}
	return ts
}

// ArabicLNTS returns the Roman numerals the registry writes a League of
// Nations Treaty Series volume in ("LX"), the series' own, for one a text
// gives in Arabic numerals ("60"); ok is false for any other volume or
// series.
func ArabicLNTS(series, vol string) (roman string, ok bool) {
	if series != "LNTS" || !allDigits(vol) {
		return "", false
	}
	n, err := strconv.Atoi(vol)
	if err != nil || n <= 0 {
		return "", false
	}
	return resolution.Roman(n), true
}

// byVolumePage resolves a citation by volume and page ("vol. 75, p. 287").
func (x *Extractor) byVolumePage(vol, page string) []*registry.Treaty {
	var out []*registry.Treaty
	for _, t := range x.reg.ByVolume(vol) {
		for _, c := range slices.Concat(t.UNTS, t.LNTS) {
			if c.Volume == vol && (page == "" || c.Page == page) {
				out = append(out, t)
				break
			}
		}
	}
	if page == "" && len(out) > 1 {
		return nil // ambiguous without a page
	}
	return out
}
