package check

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/extract"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/resolution"
)

// treatyYear reports a registered treaty given a year that is not its own.
type treatyYear struct{}

var _ = register(treatyYear{})

func (treatyYear) ID() string                     { return "treaty-year" }
func (treatyYear) DefaultSeverity() diag.Severity { return diag.Error }
func (treatyYear) Doc() string {
	return "A registered treaty is cited with a year that is not its year of adoption (or the year resolutions cite it by)."
}

// yearChecked reports whether m's year is one the rule checks.
func yearChecked(m *extract.Mention) bool {
	return m.Treaty != nil && !m.ShortForm && (!m.Embedded || m.Outer != nil || m.InProtocol) && !m.YearInTitle && m.Year != 0 && m.Antecedent == nil
}

// wrongYear reports whether m gives its treaty a year the registry does not
// know for it (false when the registry knows no year).
func wrongYear(reg *registry.Registry, m *extract.Mention) bool {
	if !yearChecked(m) {
		return false
	}
	ys := reg.Years(m.Treaty)
	if len(ys) == 0 || slices.Contains(ys, m.Year) {
		return false
	}
	// The year its amended form, an instrument adopted apart, was adopted
	// names that form: "the Protocol on … Booby-Traps and Other Devices of
	// 1996" is the Protocol as amended on 3 May 1996.
	if a, ok := reg.Lookup(m.Treaty.AmendedBy); ok && a.AmendedFormOf == m.Treaty.ID && registry.Year(a.Adopted) == m.Year {
		return false
	}
	// After an embedded title the year may be the larger one's: "the
	// Protocol of 1977 to the Conventions …" is not wrong.
	if m.Outer != nil && slices.Contains(reg.Years(m.Outer.Treaty), m.Year) {
		return false
	}
	if m.InProtocol && m.Outer == nil {
		// "the Optional Protocol to the Convention on the Rights of the
		// Child of 2000": the year of one of its protocols is not wrong.
		for _, p := range reg.Treaties() {
			if (p.ProtocolTo == m.Treaty.ID || p.Amends == m.Treaty.ID) && slices.Contains(reg.Years(p), m.Year) {
				return false
			}
		}
	}
	return true
}

func (ch treatyYear) Run(c *Context) []diag.Diagnostic {
	var ds []diag.Diagnostic
	reg := c.Registry
	for _, m := range c.Refs.Mentions {
		if !wrongYear(reg, m) {
			continue
		}
		t := m.Treaty
		want := reg.PrimaryYear(t)
		dated := t
		if base, ok := reg.Lookup(t.AmendedFormOf); ok {
			dated = base
		}
		var why []string
		if dated.Adopted != "" {
			w := "adopted " + longDate(dated.Adopted)
			// The place is the adoption's only where the treaty was not
			// opened for signature apart: the Biological Weapons
			// Convention was adopted in 1971 and opened for signature at
			// London, Moscow and Washington in 1972.
			if dated.Place != "" && !strings.Contains(dated.Place, "(") && dated.OpenedForSignature == "" {
				w += " at " + dated.Place
			}
			why = append(why, w)
		}
		if t.CitedYear != 0 && t.CitedYear != registry.Year(dated.Adopted) {
			why = append(why, fmt.Sprintf("cited in resolutions as of %d", t.CitedYear))
		}
		msg := fmt.Sprintf("%s %s of %d, not %d", name(reg, dated), verbFor(name(reg, dated)), want, m.Year)
		if len(why) > 0 {
			msg += " (" + strings.Join(why, "; ") + ")"
		}
		if agree := agreeingCitation(reg, m); agree != nil {
			msg += fmt.Sprintf("; footnote %s (%s) cites the same instrument", m.Footnote, pairList(agree))
		}
		d := newDiag(c, ch, m.YearStart, m.YearEnd, msg)
		d.Found, d.Expected, d.Treaty = strconv.Itoa(m.Year), strconv.Itoa(want), t.ID
		d.Fix = fix(c, m.YearStart, m.YearEnd, strconv.Itoa(want))
		ds = append(ds, d)
	}
	return ds
}

// agreeingCitation returns the footnote citation of m when every treaty it
// names is m's treaty or one linked to it.
func agreeingCitation(reg *registry.Registry, m *extract.Mention) *extract.Citation {
	for _, c := range m.Citations {
		ts := c.Treaties()
		if len(ts) == 0 || m.Footnote == "" {
			continue
		}
		ok := true
		for _, t := range ts {
			if !reg.Lineal(t, m.Treaty) {
				ok = false
			}
		}
		if ok {
			return c
		}
	}
	return nil
}

func pairList(c *extract.Citation) string {
	var ps []string
	for _, p := range c.Pairs {
		ps = append(ps, pairText(p))
	}
	return strings.Join(ps, "; ")
}

// simplePair is "976, No. 14152": a citation a fix can rewrite whole.
// Its spaces may be hard ones (U+00A0, U+202F).
var simplePair = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\d+,[\s\x{a0}\x{202f}]*No\.?[\s\x{a0}\x{202f}]*\d+$`)
})

// untsCitation reports Treaty Series citations that match no registered
// instrument although their number (or volume) is registered, and
// footnotes that cite another registered treaty than the one the text
// names.
type untsCitation struct{}

var _ = register(untsCitation{})

func (untsCitation) ID() string                     { return "unts-citation" }
func (untsCitation) DefaultSeverity() diag.Severity { return diag.Error }
func (untsCitation) Doc() string {
	return "A Treaty Series citation names no registered instrument although its number is registered, or a footnote cites a different treaty from the one its text names."
}

func (ch untsCitation) Run(c *Context) []diag.Diagnostic {
	var ds []diag.Diagnostic
	reg := c.Registry
	flagged := map[*extract.Citation]bool{}
	for _, r := range c.Refs.Citations {
		if r.RefKind() != extract.KindUNTS {
			continue
		}
		for _, p := range r.Pairs {
			if len(p.Treaties) > 0 || p.Number.Value == "" || !inCitation(r, p.Volume) {
				// (An Ibid. that inherits its volume: the citation before
				// is reported for it.)
				continue
			}
			owners := reg.ByNumber(p.Number.Value)
			if len(owners) == 0 {
				continue
			}
			d, ok := ch.unknownVolume(c, r.Series, p, owners)
			if !ok {
				continue
			}
			ds = append(ds, d)
			if d.Severity == diag.Error {
				flagged[r] = true
			}
		}
	}
	own := footnotedTitles(c.Refs.Mentions)
	var names bodyNames // made at the first short form's footnote
	for _, m := range c.Refs.Mentions {
		// A title inside a protocol's title ("the Protocol … to the
		// Convention on …,7") is checked too: its footnote cites the
		// protocol or the treaty, and the protocol belongs to the treaty.
		if m.Treaty == nil || m.Embedded && !m.InProtocol {
			continue
		}
		for _, cit := range m.Citations {
			if m.ShortForm && names == nil {
				names = newBodyNames(c.Refs.Mentions)
			}
			if flagged[cit] || len(cit.Pairs) == 0 || m.ShortForm && shortFormExcused(c, names, m, cit) {
				continue
			}
			if d, ok := ch.mismatch(c, m, cit, own); ok {
				ds = append(ds, d)
				flagged[cit] = true
			}
		}
		if d, ok := ch.listCoverage(c, m, flagged); ok {
			ds = append(ds, d)
		}
	}
	return ds
}

// listCoverage reports the footnote of titles listed under one marker
// ("the Convention on the Rights of the Child, the International Covenant
// on Economic, Social and Cultural Rights and the Convention on the Rights
// of Persons with Disabilities,1") that cites one instrument a title but
// leaves a title without its own, citing another in its place: there a
// pair is wrong although every pair belongs to the list (mismatch lets a
// listed title's protocol or a repeated pair pass). Only where there are
// no fewer pairs than titles that must have one, no more than titles in
// all, and every pair names one registered instrument: a title matches
// its own pair, or else one of an instrument it is lineal with.
func (ch untsCitation) listCoverage(c *Context, m *extract.Mention, flagged map[*extract.Citation]bool) (diag.Diagnostic, bool) {
	if len(m.With)+len(m.Again) == 0 || m.Antecedent != nil || m.ShortForm {
		// (The With of words that refer back, "the Optional Protocols
		// thereto", are the titles they refer to, not a list.)
		return diag.Diagnostic{}, false
	}
	reg := c.Registry
	// The titles that must have a citation, then those that may (named
	// again after a footnote of their own).
	titles := []*registry.Treaty{m.Treaty}
	for _, w := range slices.Concat(m.With, m.Again) {
		if w.Treaty == nil || slices.Contains(titles, w.Treaty) {
			return diag.Diagnostic{}, false
		}
		titles = append(titles, w.Treaty)
	}
	required := 1 + len(m.With)
	type cited struct {
		p extract.Pair
		t *registry.Treaty
	}
	var pairs []cited
	for _, cit := range m.Citations {
		if flagged[cit] {
			return diag.Diagnostic{}, false
		}
		for _, p := range cit.Pairs {
			ts := specific(reg, p.Treaties)
			if len(ts) != 1 {
				return diag.Diagnostic{}, false
			}
			pairs = append(pairs, cited{p, ts[0]})
		}
	}
	if len(pairs) < required || len(pairs) > len(titles) {
		return diag.Diagnostic{}, false
	}
	// Greedy, in the titles' order (required ones first), own pairs
	// before lineal ones: not a full matching, which a list of one
	// citation a title does not need (each title's own pair is unique to
	// it; a protocol's pair stands in only for a title left without its
	// own).
	used := make([]bool, len(pairs))
	pairOf := make([]int, len(titles)) // the pair matched to each title, or -1
	for i := range pairOf {
		pairOf[i] = -1
	}
	for _, lineal := range [...]bool{false, true} {
		for i, t := range titles {
			for k, q := range pairs {
				// (A pair of a listed title stands in for no other: "the
				// Framework Convention … and the Protocol …,2" citing the
				// Protocol twice leaves the Convention without its own.)
				if pairOf[i] >= 0 || used[k] || q.t != t && !(lineal && reg.Lineal(q.t, t) && !slices.Contains(titles, q.t)) {
					continue
				}
				used[k], pairOf[i] = true, k
			}
		}
	}
	var left []*registry.Treaty
	for i, t := range titles[:required] {
		if pairOf[i] < 0 {
			left = append(left, t)
		}
	}
	// The pair in a missing title's place: one no title took, or else one
	// a title named again took.
	k := slices.Index(used, false)
	if k < 0 {
		for _, j := range pairOf[required:] {
			if j >= 0 {
				k = j
				break
			}
		}
	}
	if len(left) == 0 || k < 0 {
		return diag.Diagnostic{}, false
	}
	q := pairs[k]
	var missing []string
	for _, t := range left {
		missing = append(missing, name(reg, t))
	}
	msg := fmt.Sprintf("footnote %s cites %s, which is %s, but no citation of %s, which the text at line %d lists under its marker", m.Footnote, pairText(q.p), name(reg, q.t), andList(missing), c.File.Pos(m.Start).Line)
	d := newDiag(c, ch, q.p.Volume.Start, q.p.Number.End, msg)
	d.Found = pairText(q.p)
	return d, true
}

// verbFor returns the verb for a treaty's name: "are" where the name is
// headed by a plural ("the Geneva Conventions", "the Protocols Additional
// to the Geneva Conventions of 12 August 1949"), "is" otherwise.
func verbFor(name string) string {
	for _, w := range strings.Fields(name) {
		switch strings.Trim(w, ",()") {
		case "Conventions", "Protocols", "Agreements", "Covenants", "Amendments", "Adjustments", "Treaties", "Regulations":
			return "are"
		case "Convention", "Protocol", "Agreement", "Covenant", "Amendment", "Adjustment", "Treaty", "Statute", "Charter":
			return "is"
		}
	}
	return "is"
}

// unknownVolume reports pair p of a citation in series ("UNTS" or
// "LNTS"), whose number the owners are registered under but not in p's
// volume; ok is false when none of them has that number in that series.
// A volume a slip of the pen away from one of theirs ("vol. 977, No.
// 14152": No. 14152 is in vol. 976), one below the first of them (an
// instrument registered under a number is published no earlier than the
// number's first), or one that holds another registered instrument (two
// citations mixed: 1 of the 7 kinds of wrong volume the bench's generator
// writes; such a volume may hold the unregistered instrument too, but the
// registry's instruments are in 1 volume of 20) is an error. Any other
// is a warning: the UN registers
// protocols and amendments under their treaty's number, each in the
// volume of its own year ("vols. 1760, 2226 and 3008, No. 30619": the
// Convention on Biological Diversity and two Protocols), so such a volume
// is more often an instrument the registry does not hold than a mistake.
func (ch untsCitation) unknownVolume(c *Context, series string, p extract.Pair, owners []*registry.Treaty) (diag.Diagnostic, bool) {
	reg := c.Registry
	var vols, near []string
	var parts []string // "the Convention … (vol. 1760)"
	first := 0         // the lowest of vols, as a number
	// Each owner with the number in series, with its volumes under it,
	// in the order of their first volumes.
	type owner struct {
		t    *registry.Treaty
		vols []string
	}
	var numberedOwners []owner
	for _, t := range owners {
		if own := numbered(t, series, p.Number.Value); len(own) > 0 {
			numberedOwners = append(numberedOwners, owner{t, own})
		}
	}
	if len(numberedOwners) == 0 {
		return diag.Diagnostic{}, false
	}
	slices.SortStableFunc(numberedOwners, func(a, b owner) int {
		return volumeNumber(a.vols[0]) - volumeNumber(b.vols[0])
	})
	owners = nil
	for _, o := range numberedOwners {
		owners = append(owners, o.t)
		for _, v := range o.vols {
			if slices.Contains(vols, v) {
				continue
			}
			vols = append(vols, v)
			if slipOf(p.Volume.Value, v) {
				near = append(near, v)
			}
			if n := volumeNumber(v); n > 0 && (first == 0 || n < first) {
				first = n
			}
		}
		parts = append(parts, fmt.Sprintf("%s (vol. %s)", name(reg, o.t), strings.Join(o.vols, ", ")))
	}
	is := andList(parts)
	if len(owners) == 1 {
		is = fmt.Sprintf("%s, in vol. %s", name(reg, owners[0]), strings.Join(vols, ", "))
	}
	vol := p.Volume.Value // as the registry writes it
	roman, arabic := extract.ArabicLNTS(series, vol)
	if arabic {
		vol = roman
	}
	holders := volumeHolders(reg, series, vol)
	below := volumeNumber(p.Volume.Value) > 0 && volumeNumber(p.Volume.Value) < first
	if len(near) == 0 && len(holders) == 0 && !below {
		msg := fmt.Sprintf("%s is not in the registry: No. %s is %s; if vol. %s holds another instrument registered under that number (a protocol, an amendment), add it to the registry", pairText(p), p.Number.Value, is, p.Volume.Value)
		d := newDiag(c, ch, p.Volume.Start, p.Volume.End, msg)
		d.Severity = diag.Warning
		d.Found = p.Volume.Value
		return d, true
	}
	msg := fmt.Sprintf("%s matches no registered instrument: No. %s is %s", pairText(p), p.Number.Value, is)
	if len(near) == 0 && len(holders) > 0 {
		var names []string
		for _, t := range holders {
			names = append(names, name(reg, t))
		}
		msg += fmt.Sprintf("; vol. %s holds %s", p.Volume.Value, andList(names))
	}
	d := newDiag(c, ch, p.Volume.Start, p.Volume.End, msg)
	d.Found = p.Volume.Value
	if len(owners) == 1 {
		d.Treaty = owners[0].ID
	}
	// A League of Nations volume written in Arabic numerals is fixed in
	// them ("vol. 61" → "60", not "LX").
	inStyle := func(v string) string {
		if arabic {
			return strconv.Itoa(volumeNumber(v))
		}
		return v
	}
	switch {
	case len(vols) == 1:
		// The number's only volume: the fix is certain.
		d.Expected = inStyle(vols[0])
		d.Fix = fix(c, p.Volume.Start, p.Volume.End, inStyle(vols[0]))
	case len(near) == 1:
		// Likely, not certain (a sibling the registry lacks may sit in a
		// neighbouring volume): said, not fixed.
		d.Expected = inStyle(near[0])
		d.Message += fmt.Sprintf("; vol. %s may be a slip for vol. %s", p.Volume.Value, d.Expected)
	}
	return d, true
}

// numbered returns the volumes of t's citations in series numbered num.
func numbered(t *registry.Treaty, series, num string) []string {
	var vols []string
	for _, u := range t.InSeries(series) {
		if u.Number == num && !slices.Contains(vols, u.Volume) {
			vols = append(vols, u.Volume)
		}
	}
	return vols
}

// volumeHolders returns the registered instruments published in volume
// vol of series.
func volumeHolders(reg *registry.Registry, series, vol string) []*registry.Treaty {
	var out []*registry.Treaty
	for _, t := range reg.ByVolume(vol) {
		if slices.ContainsFunc(t.InSeries(series), func(u registry.Citation) bool { return u.Volume == vol }) {
			out = append(out, t)
		}
	}
	return out
}

// volumeNumber returns a volume as a number, Arabic ("976") or Roman
// ("LX", the League of Nations series), or 0.
func volumeNumber(v string) int {
	if n, err := strconv.Atoi(v); err == nil {
		return n
	}
	n, _ := resolution.ParseRoman(v)
	return n
}

// slipOf reports whether volume v may be a slip for volume w: one digit
// changed, dropped, added or two swapped ("976" for "977", "97", "9766",
// "967"), or a count off by 1, 10 or 100 ("2000" for "1999").
func slipOf(v, w string) bool {
	if v == "" || w == "" {
		return false
	}
	a, b := volumeNumber(v), volumeNumber(w)
	if d := a - b; a > 0 && b > 0 && (d == 1 || d == -1 || d == 10 || d == -10 || d == 100 || d == -100) {
		return true
	}
	switch len(v) - len(w) {
	case 0:
		var diff []int
		for i := range len(v) {
			if v[i] != w[i] {
				diff = append(diff, i)
			}
		}
		return len(diff) == 1 ||
			len(diff) == 2 && diff[1] == diff[0]+1 && v[diff[0]] == w[diff[1]] && v[diff[1]] == w[diff[0]]
	case 1:
		return dropsOne(v, w)
	case -1:
		return dropsOne(w, v)
	}
	return false
}

// dropsOne reports whether short is long with one byte left out.
func dropsOne(long, short string) bool {
	for i := range len(long) {
		if long[:i]+long[i+1:] == short {
			return true
		}
	}
	return false
}

// specific returns the instruments a pair names, without those another
// of them belongs to: "vol. 75, No. 972" names the Third Geneva Convention
// and the collection of the four, and is the Third Convention's.
func specific(reg *registry.Registry, ts []*registry.Treaty) []*registry.Treaty {
	if len(ts) < 2 {
		return ts
	}
	var out []*registry.Treaty
	for _, t := range ts {
		if !slices.ContainsFunc(ts, func(o *registry.Treaty) bool { return o != t && reg.BelongsTo(o, t) }) {
			out = append(out, t)
		}
	}
	return out
}

// andList writes "a", "a and b", "a, b and c".
func andList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// ownCitations returns t's own citations in volume vol.
func ownCitations(t *registry.Treaty, vol string) []registry.Citation {
	var own []registry.Citation
	for _, u := range t.UNTS {
		if u.Volume == vol {
			own = append(own, u)
		}
	}
	return own
}

// ownNumbers lists the registration numbers of t's own citations in
// volume vol.
func ownNumbers(t *registry.Treaty, vol string) []string {
	var nums []string
	for _, u := range ownCitations(t, vol) {
		if u.Number != "" && !slices.Contains(nums, u.Number) {
			nums = append(nums, u.Number)
		}
	}
	return nums
}

// listedTreaties returns m's treaty, then those of the titles listed with
// it under its marker (With, Again).
func listedTreaties(m *extract.Mention) []*registry.Treaty {
	ts := []*registry.Treaty{m.Treaty}
	for _, w := range slices.Concat(m.With, m.Again) {
		if w.Treaty != nil {
			ts = append(ts, w.Treaty)
		}
	}
	return ts
}

// ownVolumeOf is ownVolume for m's treaty, or else for the first title
// listed with m (Mention.With) that has an instrument in volume vol.
func ownVolumeOf(reg *registry.Registry, m *extract.Mention, vol string) (*registry.Treaty, registry.Citation, bool) {
	if o, u, ok := ownVolume(reg, m.Treaty, vol); ok {
		return o, u, true
	}
	for _, w := range slices.Concat(m.With, m.Again) {
		if w.Treaty == nil {
			continue
		}
		if o, u, ok := ownVolume(reg, w.Treaty, vol); ok {
			return o, u, true
		}
	}
	return nil, registry.Citation{}, false
}

// ownVolume returns the one instrument, t or else one lineal to it
// (Lineal), cited in volume vol, and its citation there.
func ownVolume(reg *registry.Registry, t *registry.Treaty, vol string) (*registry.Treaty, registry.Citation, bool) {
	// t's own citation in that volume.
	if own := ownCitations(t, vol); len(own) == 1 {
		return t, own[0], true
	}
	var found *registry.Treaty
	var ref registry.Citation
	n := 0
	for _, o := range reg.ByVolume(vol) {
		if !reg.Lineal(o, t) {
			continue
		}
		for _, u := range o.UNTS {
			if u.Volume == vol {
				found, ref = o, u
				n++
			}
		}
	}
	if n != 1 || found == t {
		return nil, registry.Citation{}, false
	}
	return found, ref, true
}

// footnotedTitles maps each treaty to the footnotes of the mentions that
// name it, in full or by words that refer back ("the 1967 Protocol
// thereto"), and carry their own marker.
func footnotedTitles(ms []*extract.Mention) map[*registry.Treaty][]string {
	own := map[*registry.Treaty][]string{}
	for _, m := range ms {
		if m.Treaty != nil && m.Footnote != "" && !m.ShortForm && !m.Embedded {
			own[m.Treaty] = append(own[m.Treaty], m.Footnote)
		}
	}
	return own
}

// fullTitle reports whether m names its treaty itself: not a short form,
// not a title inside a longer one, not words that refer back.
func fullTitle(m *extract.Mention) bool {
	return !m.ShortForm && !m.Embedded && m.Antecedent == nil
}

// footnotedApart reports whether o, an instrument linked to t, is named in
// full elsewhere in the text with a footnote of its own (other than
// label): "the 1951 Convention relating to the Status of Refugees1 and the
// 1967 Protocol thereto2". The text then tells the two apart, and a
// footnote on t that cites only o has taken o's citation.
//
// Only a protocol and its treaty, or an amendment and what it amends, are
// told apart so; not a convention and the collection it belongs to ("the
// Geneva Conventions of 1949" are cited by each of the four), nor a
// treaty and its amended form.
func footnotedApart(own map[*registry.Treaty][]string, o, t *registry.Treaty, label string) (string, bool) {
	direct := o.ProtocolTo == t.ID || t.ProtocolTo == o.ID || o.Amends == t.ID || t.Amends == o.ID
	if !direct || len(t.UNTS) == 0 {
		return "", false
	}
	for _, l := range own[o] {
		if l != label {
			return l, true
		}
	}
	return "", false
}

// pairSpan returns where cit writes its volumes and numbers, and written
// true; or the citation itself and false for an Ibid. that inherits them.
func pairSpan(cit *extract.Citation) (start, end int, written bool) {
	if len(cit.Volumes) > 0 && len(cit.Numbers) > 0 && inCitation(cit, cit.Volumes[0]) && inCitation(cit, cit.Numbers[len(cit.Numbers)-1]) {
		return cit.Volumes[0].Start, cit.Numbers[len(cit.Numbers)-1].End, true
	}
	return cit.Start, cit.End, false
}

// inCitation reports whether n is written in citation cit, not inherited
// by an Ibid. from the citation before.
func inCitation(cit *extract.Citation, n extract.Num) bool {
	return n.Start >= cit.Start && n.End <= cit.End
}

// listedNames names m's treaty and the titles listed with it under its
// marker, in the text's order: "the Vienna Convention on Diplomatic
// Relations and the Vienna Convention on Consular Relations".
func listedNames(reg *registry.Registry, m *extract.Mention) string {
	names := name(reg, m.Treaty)
	listed := slices.Concat(m.With, m.Again)
	slices.SortFunc(listed, func(a, b *extract.Mention) int { return b.Start - a.Start })
	for _, l := range listed {
		if w := l.Treaty; w != nil && w != m.Treaty {
			names = name(reg, w) + " and " + names
		}
	}
	return names
}

// listedWith reports whether o is, or is linked to, a title listed with
// m under its marker (Mention.With), or one listed there again after a
// footnote of its own (Mention.Again) where the footnote also cites m or a
// title of With: a note on the titles named again cites them along with
// the others, not alone in their place.
func listedWith(reg *registry.Registry, m *extract.Mention, o *registry.Treaty) bool {
	if linealToAny(reg, o, m.With) || slices.ContainsFunc(m.With, func(w *extract.Mention) bool { return w.Treaty == nil && extract.FitsShortForm(reg, o, w) }) {
		// (A short form the document's titles left unresolved stands for
		// any instrument of its year and kind: "the 1977 Protocols and
		// the Convention on …,1".)
		return true
	}
	return len(m.Again) > 0 && linealToAny(reg, o, m.Again) && citesListed(reg, m)
}

// linealToAny reports whether o is lineal with the treaty of one of ms.
func linealToAny(reg *registry.Registry, o *registry.Treaty, ms []*extract.Mention) bool {
	return slices.ContainsFunc(ms, func(w *extract.Mention) bool { return w.Treaty != nil && reg.Lineal(o, w.Treaty) })
}

// citesListed reports whether m's citations cite m's treaty or a title of
// m.With (or an instrument lineal with one), or give a pair for every
// title under the marker: a list's footnote with one pair wrong ("vol.
// 993, No. 14531; vol. 1577, No. 27531; and vol. 976, No. 14162" under
// "the Covenant, the Convention on the Rights of the Child and the Single
// Convention …,4", in a second draft resolution of a report, after the
// first footnoted each title) is still the list's, its wrong pair
// reported alone, and the titles named again keep their pairs.
func citesListed(reg *registry.Registry, m *extract.Mention) bool {
	// (Only where the pairs left once those of the titles named again are
	// set aside can stand for m's treaty and each title of m.With: pairs
	// that all belong to titles named again leave m's own citation
	// missing, however many there are.)
	pairs, rest := 0, 0
	for _, cit := range m.Citations {
		for _, p := range cit.Pairs {
			pairs++
			if !slices.ContainsFunc(p.Treaties, func(o *registry.Treaty) bool { return linealToAny(reg, o, m.Again) }) {
				rest++
			}
		}
	}
	if pairs >= 1+len(m.With)+len(m.Again) && rest >= 1+len(m.With) {
		return true
	}
	for _, cit := range m.Citations {
		for _, p := range cit.Pairs {
			for _, o := range p.Treaties {
				if reg.Lineal(o, m.Treaty) || linealToAny(reg, o, m.With) {
					return true
				}
			}
		}
	}
	return false
}

// citesStray reports whether a citation of m's footnote gives a pair that
// is reported on its own: one that names no registered instrument ("vol.
// 8225, No. 39574"), or only instruments neither linked to m's treaty nor
// listed with it. Such a pair stands where m's own citation should: the
// footnote under "the United Nations Convention against Transnational
// Organized Crime and the Protocols thereto,9" whose first pair is wrong
// has not taken the Protocols' citations, though a draft before footnoted
// each Protocol apart.
func citesStray(reg *registry.Registry, m *extract.Mention) bool {
	for _, cit := range m.Citations {
		for _, p := range cit.Pairs {
			if len(p.Treaties) == 0 {
				if p.Number.Value != "" {
					return true
				}
				continue
			}
			if !slices.ContainsFunc(specific(reg, p.Treaties), func(o *registry.Treaty) bool {
				return reg.Lineal(o, m.Treaty) || listedWith(reg, m, o)
			}) {
				return true
			}
		}
	}
	return false
}

// citesItself reports whether a citation of m's footnote names m's
// treaty itself, beside what else it cites ("vol. 606, No. 8791; and vol.
// 189, No. 2545"), or in a pair it shares with a protocol registered in
// its volume and number.
func citesItself(m *extract.Mention) bool {
	for _, cit := range m.Citations {
		for _, p := range cit.Pairs {
			if slices.Contains(p.Treaties, m.Treaty) {
				return true
			}
		}
	}
	return false
}

// mismatch compares the treaty a mention names with what its citation
// cites. own holds the footnotes of the titles named in full
// (footnotedTitles).
func (ch untsCitation) mismatch(c *Context, m *extract.Mention, cit *extract.Citation, own map[*registry.Treaty][]string) (diag.Diagnostic, bool) {
	reg := c.Registry
	t := m.Treaty
	var named []*registry.Treaty
	apart := "" // the footnote of a linked instrument cited here
	for _, p := range cit.Pairs {
		if len(p.Treaties) == 0 {
			return ch.unregisteredPair(c, m, cit, p)
		}
		for _, o := range specific(reg, p.Treaties) {
			if listedWith(reg, m, o) {
				continue // the footnote of a list documents each title
			}
			if reg.Lineal(o, t) {
				l, v := lineal(c, m, cit, o, t, own)
				switch v {
				case linealSkip:
					continue
				case linealPass:
					return diag.Diagnostic{}, false
				}
				apart = l
			}
			if !slices.Contains(named, o) {
				named = append(named, o)
			}
		}
	}
	if len(named) == 0 {
		return diag.Diagnostic{}, false
	}
	var others []string
	for _, o := range named {
		others = append(others, name(reg, o))
	}
	where := fmt.Sprintf("line %d", c.File.Pos(m.Start).Line)
	// The titles listed under the marker with m's are named too ("the
	// Vienna Convention on Diplomatic Relations and the Vienna Convention
	// on Consular Relations,1").
	titles := listedNames(reg, m)
	msg := fmt.Sprintf("footnote %s cites %s, which is %s, but the text at %s names %s", cit.Footnote, pairList(cit), strings.Join(others, " and "), where, titles)
	// Only a mention of the treaty itself, alone under its marker, says
	// which citation is right.
	certain := m.Antecedent == nil && !m.ShortForm && !m.Embedded && len(m.With) == 0 && len(m.Again) == 0
	switch {
	case m.Antecedent != nil || m.ShortForm:
		msg = fmt.Sprintf("footnote %s cites %s, which is %s, but the text at %s (%q) refers to %s", cit.Footnote, pairList(cit), strings.Join(others, " and "), where, m.Text, titles)
	case m.Embedded:
		msg = fmt.Sprintf("footnote %s cites %s, which is %s, but the text at %s names an instrument to %s", cit.Footnote, pairList(cit), strings.Join(others, " and "), where, titles)
	}
	if want := citeOf(t); want != "" && certain {
		msg += " (" + want + ")"
	} else if t.NotInUNTS && certain {
		msg += " (not in the Treaty Series)"
	}
	if apart != "" {
		msg += fmt.Sprintf("; %s has a footnote of its own (%s)", strings.Join(others, " and "), apart)
	}
	// The finding points at the pair where the citation writes it; an
	// Ibid. that inherits it ("5 Ibid." under another title) is pointed
	// at, and fixed nowhere: its pair is the note before's, which is right.
	start, end, written := pairSpan(cit)
	d := newDiag(c, ch, start, end, msg)
	d.Found, d.Treaty = pairList(cit), t.ID
	if len(t.UNTS) == 1 && certain {
		d.Expected = t.UNTS[0].String()
	}
	if written && certain && len(t.UNTS) == 1 && len(cit.Volumes) == 1 && len(cit.Numbers) == 1 && simplePair().Match(c.File.Text[start:end]) {
		// What stands between the volume and the number is kept as it
		// is: Word's no-break space in "No.\u00a08791" too.
		mid := string(c.File.Text[cit.Volumes[0].End:cit.Numbers[0].Start])
		d.Fix = fix(c, start, end, t.UNTS[0].Volume+mid+t.UNTS[0].Number)
	}
	return d, true
}

// shortFormExcused reports whether the footnote cit of the short form m
// ("the 1971 Convention1", which the document's own titles resolved) may
// be right although it cites another instrument than m's:
//   - it cites an instrument of the year and kind m names, or one the
//     registry lacks: the footnote may be what says which instrument m
//     means ("the 1971 Convention" of an aviation text, the Montreal
//     Convention, where the text names the Convention on Psychotropic
//     Substances of 1971 in full);
//   - it cites several instruments: a list's footnote ("the 1961
//     Convention …, the 1971 Convention and the 1988 Convention,1"), whose
//     titles, short forms, are not listed with m as full titles are;
//   - it cites an instrument the paragraph names before m: "the 1961
//     Convention and the 1954 Convention,2" where the 1954 Convention had
//     its footnote earlier.
func shortFormExcused(c *Context, names bodyNames, m *extract.Mention, cit *extract.Citation) bool {
	reg := c.Registry
	if len(m.Citations) > 1 || len(cit.Pairs) > 1 {
		return true
	}
	for _, p := range cit.Pairs {
		if len(p.Treaties) == 0 {
			return true
		}
		for _, o := range p.Treaties {
			if o != m.Treaty && (extract.FitsShortForm(reg, o, m) || names.beforeInParagraph(c, o, m)) {
				return true
			}
		}
	}
	return false
}

// bodyNames are where the body's mentions start, by the treaty each names
// (or may: an unresolved short form's candidates), in text order. A
// short form's footnote asks of the last before it, once: a search of
// every mention for each made a paragraph of 10,000 short forms with
// footnotes take 0.35 s, 100,000 half a minute.
type bodyNames map[*registry.Treaty][]int

func newBodyNames(ms []*extract.Mention) bodyNames {
	names := bodyNames{}
	for _, q := range ms {
		if q.InFootnote != "" {
			continue
		}
		if q.Treaty != nil {
			names[q.Treaty] = append(names[q.Treaty], q.Start)
		}
		for _, t := range q.Candidates {
			if t != q.Treaty {
				names[t] = append(names[t], q.Start)
			}
		}
	}
	return names
}

// beforeInParagraph reports whether a mention before m in the body, in
// m's paragraph, names t (or may). The last before m is enough: an earlier
// one has every paragraph break the last has between it and m.
func (names bodyNames) beforeInParagraph(c *Context, t *registry.Treaty, m *extract.Mention) bool {
	if m.InFootnote != "" {
		return false
	}
	starts := names[t]
	i, _ := slices.BinarySearch(starts, m.Start)
	if i == 0 {
		return false
	}
	return !c.Doc.ParaBetween(c.Doc.Body.Offset(starts[i-1]), c.Doc.Body.Offset(m.Start))
}

// unregisteredPair is mismatch's finding, if any, on a pair of m's footnote
// that names no registered instrument: a number that is not the treaty's in
// the treaty's own volume (or one of its relatives' or listed titles'), or
// none of the numbers of a collection (m's treaty or a title listed with
// it) in its volume. Either way mismatch looks no further.
func (ch untsCitation) unregisteredPair(c *Context, m *extract.Mention, cit *extract.Citation, p extract.Pair) (diag.Diagnostic, bool) {
	reg := c.Registry
	// An unregistered pair: wrong only if the volume is the
	// treaty's own and the number is not ("vol. 1577, No. 27532"
	// under the Convention on the Rights of the Child).
	if p.Number.Value == "" {
		return diag.Diagnostic{}, false
	}
	// The same for the instruments that belong to it or it to
	// them: "vol. 2131, No. 20578" (the Optional Protocol's
	// volume) under "the Convention … and the Optional Protocol
	// thereto".
	// And for the titles listed with it under the marker ("the
	// Convention on … and the Convention on …, and the Optional
	// Protocols thereto").
	// (Not the treaty's own number where its title stands inside a
	// protocol's the registry lacks: "the Optional Protocol to the Vienna
	// Convention on Diplomatic Relations concerning Acquisition of
	// Nationality,1", vol. 500, No. 7311. The footnote is the protocol's,
	// which the UN registered in its treaty's volume under a number of its
	// own.)
	if o, u, ok := ownVolumeOf(reg, m, p.Volume.Value); ok && u.Number != p.Number.Value && !(m.Embedded && m.InProtocol && o == m.Treaty) {
		msg := fmt.Sprintf("footnote %s cites %s for %s, whose registration number is %s (%s)", cit.Footnote, pairText(p), name(reg, o), u.Number, u.String())
		d := newDiag(c, ch, p.Number.Start, p.Number.End, msg)
		d.Found, d.Expected, d.Treaty = p.Number.Value, u.Number, o.ID
		d.Fix = fix(c, p.Number.Start, p.Number.End, u.Number)
		return d, true
	}
	// A collection registered under several numbers in one
	// volume ("the Geneva Conventions of 12 August 1949", vol.
	// 75, Nos. 970–973): a number none of them has is wrong, but
	// which is right the text does not say. So for a collection listed
	// with m under its marker ("the Protocols Additional to the Geneva
	// Conventions …, and the Convention on …,1", vol. 1125, Nos. 17512 and
	// 17513).
	for _, o := range listedTreaties(m) {
		if nums := ownNumbers(o, p.Volume.Value); len(nums) > 1 && !slices.Contains(nums, p.Number.Value) {
			msg := fmt.Sprintf("footnote %s cites %s for %s, whose registration numbers in vol. %s are %s", cit.Footnote, pairText(p), name(reg, o), p.Volume.Value, andList(nums))
			d := newDiag(c, ch, p.Number.Start, p.Number.End, msg)
			d.Found, d.Expected, d.Treaty = p.Number.Value, strings.Join(nums, ", "), o.ID
			return d, true
		}
	}
	return diag.Diagnostic{}, false
}

// yearInconsistent reports a treaty the document gives two different years
// where the registry cannot say which is right.
type yearInconsistent struct{}

var _ = register(yearInconsistent{})

func (yearInconsistent) ID() string                     { return "year-inconsistent" }
func (yearInconsistent) DefaultSeverity() diag.Severity { return diag.Warning }
func (yearInconsistent) Doc() string {
	return "One document gives the same treaty two different years, and the registry has no year to decide between them."
}

func (ch yearInconsistent) Run(c *Context) []diag.Diagnostic {
	var ds []diag.Diagnostic
	first := map[*registry.Treaty]*extract.Mention{}
	for _, m := range c.Refs.Mentions {
		if !yearChecked(m) || len(c.Registry.Years(m.Treaty)) > 0 || m.Embedded {
			// (Inside a protocol's title the year may be the
			// protocol's: "the Protocol on Environmental Protection to
			// the Antarctic Treaty of 1991".)
			continue
		}
		f, ok := first[m.Treaty]
		if !ok {
			first[m.Treaty] = m
			continue
		}
		if f.Year != m.Year {
			msg := fmt.Sprintf("%s is given %d here but %d at line %d", name(c.Registry, m.Treaty), m.Year, f.Year, c.File.Pos(f.YearStart).Line)
			d := newDiag(c, ch, m.YearStart, m.YearEnd, msg)
			d.Found, d.Expected, d.Treaty = strconv.Itoa(m.Year), strconv.Itoa(f.Year), m.Treaty.ID
			ds = append(ds, d)
		}
	}
	return ds
}

// ibidUnresolved reports an "Ibid." with no earlier footnote to refer to.
type ibidUnresolved struct{}

var _ = register(ibidUnresolved{})

func (ibidUnresolved) ID() string                     { return "ibid-unresolved" }
func (ibidUnresolved) DefaultSeverity() diag.Severity { return diag.Warning }
func (ibidUnresolved) Doc() string {
	return "An \"Ibid.\" footnote has no earlier footnote to refer to (the first footnote of a text whose numbering starts at 1)."
}

func (ch ibidUnresolved) Run(c *Context) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, r := range c.Refs.Citations {
		// A first footnote numbered above 1 continues a numbering that
		// began outside this text (a resolution extracted from a yearly
		// volume): its Ibid. refers to a footnote we cannot see.
		if footnoteNumber(r.Footnote) > 1 {
			continue
		}
		if r.Ibid && r.Prev == nil {
			msg := fmt.Sprintf("%q in footnote %s has no earlier footnote to refer to; give the full citation", strings.TrimSpace(r.Text), r.Footnote)
			ds = append(ds, newDiag(c, ch, r.Start, r.End, msg))
		}
	}
	return ds
}

// footnoteNumber returns the number of a footnote label ("3"), or 0 for
// the body ("") and for labels that are not numbers ("*", "a"). It tests
// the first byte before calling strconv.Atoi, whose error allocates: most
// references are in the body.
func footnoteNumber(label string) int {
	if label == "" || !(label[0] >= '0' && label[0] <= '9' || label[0] == '+') {
		return 0
	}
	n, err := strconv.Atoi(label)
	if err != nil {
		return 0
	}
	return n
}

// footnoteRepeated reports a footnote indicator used a second time, which
// the current Editorial Manual no longer allows in resolutions ("numbered
// footnote indicators are no longer repeated in resolutions. When a
// reference must be repeated, a new footnote with the identical text
// should be inserted"); the older convention allowed it.
type footnoteRepeated struct{}

var _ = register(footnoteRepeated{})

func (footnoteRepeated) ID() string                     { return "footnote-repeated" }
func (footnoteRepeated) DefaultSeverity() diag.Severity { return diag.Warning }
func (footnoteRepeated) Doc() string {
	return "A footnote indicator is used twice; the current Editorial Manual gives a repeated reference a new footnote with the same text (editorial-manual: legacy allows it)."
}

func (ch footnoteRepeated) Run(c *Context) []diag.Diagnostic {
	if c.Manual == "legacy" {
		return nil
	}
	var ds []diag.Diagnostic
	markers := c.Doc.Markers
	// The first marker with m's label: a scan back for the few markers of
	// a resolution, a map for long documents.
	var first map[string]int
	if len(markers) > 64 {
		first = make(map[string]int, len(markers))
	}
	for k, m := range markers {
		at, seen := 0, false
		if first != nil {
			if at, seen = first[m.Label]; !seen {
				first[m.Label] = m.Start
			}
		} else {
			for _, p := range markers[:k] {
				if p.Label == m.Label {
					at, seen = p.Start, true
					break
				}
			}
		}
		if !seen {
			continue
		}
		msg := fmt.Sprintf("footnote indicator %s is used again (first at line %d); in resolutions the Editorial Manual no longer repeats indicators: add a new footnote with the same text", m.Label, c.File.Pos(at).Line)
		d := newDiag(c, ch, m.Start, m.End, msg)
		d.Found = m.Label
		ds = append(ds, d)
	}
	return ds
}

// citesAmendedForm reports whether a citation of m's footnote names m's
// treaty as amended ("vol. 976, No. 14151; and vol. 976, No. 14152": the
// 1972 Protocol and the Single Convention as amended by it), which
// documents the treaty beside its protocol.
func citesAmendedForm(m *extract.Mention) bool {
	for _, cit := range m.Citations {
		for _, p := range cit.Pairs {
			for _, o := range p.Treaties {
				if o.AmendedFormOf == m.Treaty.ID {
					return true
				}
			}
		}
	}
	return false
}

// A linealVerdict is what lineal makes of a pair that names an instrument
// lineal with the mention's treaty.
type linealVerdict int

const (
	linealReport linealVerdict = iota // a mismatch: report it
	linealPass                        // the footnote may cite it: no finding
	linealSkip                        // look at the next instrument
)

// lineal judges a pair of m's footnote cit that names o, an instrument
// lineal with m's treaty t (a protocol, the treaty of a protocol, an
// amended form …). Such a pair passes, unless it stands in t's place: a
// protocol's pair alone under t's full title, or the reverse
// (tradedWithRelative), or o named apart in the text with a footnote of its
// own (footnotedApart, not where the marker follows the protocol's words,
// "the Convention … and the Optional Protocol thereto,3"). apart is the
// label of o's own footnote, for the message.
func lineal(c *Context, m *extract.Mention, cit *extract.Citation, o, t *registry.Treaty, own map[*registry.Treaty][]string) (apart string, v linealVerdict) {
	if tradedWithRelative(c, m, o, t) {
		l, _ := footnotedApart(own, o, t, cit.Footnote)
		return l, linealReport
	}
	// (A pair that also names t, as a protocol registered in its treaty's
	// volume and number does, cites t.)
	if !(fullTitle(m) || namedReference(m)) || o == t || citesItself(m) {
		return "", linealPass
	}
	if citesStray(c.Registry, m) {
		// The stray pair is reported alone, this one passes: not the
		// whole citation with it.
		return "", linealSkip
	}
	l, ok := footnotedApart(own, o, t, cit.Footnote)
	if ok && (o.ProtocolTo == t.ID || o.Amends == t.ID) && namesChangeBeforeMarker(c, m) {
		// The marker stands after the protocol's words, which its
		// footnote documents. (Only where o is the protocol: after a
		// protocol's own title those words are its short name, "(the Part
		// XI Agreement),14", and its footnote with the treaty's pair is
		// still wrong.)
		ok = false
	}
	if !ok {
		return "", linealPass
	}
	return l, linealReport
}

// namedReference reports whether m refers back to another mention and
// names an instrument of its own by it: "the 1951 Convention relating to
// the Status of Refugees3 and the 1967 Protocol thereto4" (the Protocol).
// Its footnote is told from the Convention's as a full title's is.
func namedReference(m *extract.Mention) bool {
	a := m.Antecedent
	return a != nil && a.Treaty != nil && m.Treaty != nil && m.Treaty != a.Treaty && !m.ShortForm && !m.Embedded
}

// tradedWithRelative reports whether the footnote of m, the full title of
// t, cites o, an instrument of t's line, in t's place: "the Single
// Convention on Narcotic Drugs of 1961,1" with the 1972 Protocol's pair
// alone, where the clause names no protocol or amendment; or the reverse,
// "the Montreal Protocol …,1" with the Vienna Convention's pair alone,
// where the clause names no other instrument. Only a protocol registered
// under a number of its own (protocolOf) is told apart so.
func tradedWithRelative(c *Context, m *extract.Mention, o, t *registry.Treaty) bool {
	if !fullTitle(m) || o == t || citesItself(m) {
		return false
	}
	switch {
	case protocolOf(o, t):
		return !citesAmendedForm(m) && !refersOn(c, m, o)
	case protocolOf(t, o):
		return !namesParent(c, m) && !citesNumberOf(m, t)
	}
	return false
}

// citesNumberOf reports whether a pair of m's footnote gives one of t's
// registration numbers, in whatever volume: "vol. 1513, No. 26164; and
// vol. 1598, No. 26369" under "the Montreal Protocol …" cites the
// Protocol (as amended, in a volume the registry may not hold) beside the
// Convention, not the Convention in its place.
func citesNumberOf(m *extract.Mention, t *registry.Treaty) bool {
	for _, cit := range m.Citations {
		for _, p := range cit.Pairs {
			if p.Number.Value != "" && slices.ContainsFunc(t.UNTS, func(u registry.Citation) bool { return u.Number == p.Number.Value }) {
				return true
			}
		}
	}
	return false
}

// protocolOf reports whether o is a protocol to t or amends it, registered
// under a number of its own: an instrument with a citation of its own. (Not
// t's amended form, which texts cite under t's title, nor a protocol
// registered under t's number in a volume of its own, as the Optional
// Protocols to the human rights treaties are: "vol. 2237, No. 39574" under
// "the United Nations Convention against Transnational Organized Crime" is
// left alone.)
func protocolOf(o, t *registry.Treaty) bool {
	if o.AmendedFormOf != "" || o.ProtocolTo != t.ID && o.Amends != t.ID {
		return false
	}
	for _, a := range o.UNTS {
		for _, b := range t.UNTS {
			if a.Number == b.Number {
				return false
			}
		}
	}
	return true
}

// refersOn reports whether the text around mention m, in its clause, may
// name a protocol or an amendment of its treaty: after m ("… against Women
// and the Optional Protocol thereto14", "…, as amended,2", "the
// Convention …,1 welcoming accessions to the Protocol …"), or before it
// (the title of a protocol the registry spells otherwise, m inside it:
// "the Nagoya Protocol on … to the Convention on Biological Diversity").
// A mention in a footnote, or with no marker (a citation in parentheses
// after it), refers on too: the rule is for the body's footnotes.
//
// Only the titles of o's line, the protocol the footnote cites, are read:
// "the Convention …,1 and … the 1995 Agreement for the Implementation …"
// names a protocol, but not the Part XI Agreement whose pair footnote 1
// gives.
func refersOn(c *Context, m *extract.Mention, o *registry.Treaty) bool {
	if m.Footnote == "" || m.InFootnote != "" {
		return true
	}
	// (The words of titles of another line, "the Kyoto Protocol", name no
	// protocol of m's treaty: blanked, as namesParent does.)
	clause, _ := blankedClause(c, m, o)
	return namesChange(clause)
}

// blankedClause returns the body text of the clause of mention m
// (clauseRange) with the titles of mentions not lineal with t blanked
// (blankOthers), and the offset in it where m starts.
func blankedClause(c *Context, m *extract.Mention, t *registry.Treaty) (clause []byte, at int) {
	from, at, after := clauseRange(c, m)
	clause = []byte(c.Doc.Body.Text[from:after])
	blankOthers(c, m, t, clause, from)
	return clause, at - from
}

// clauseRange returns the bounds in the body text of the clause of
// mention m: it starts at from (cut at ";", ":", a sentence's end or a
// paragraph's start, 600 bytes back at most), m at at, and it ends at
// after (the same cuts, 400 bytes past m's title at most).
func clauseRange(c *Context, m *extract.Mention) (from, at, after int) {
	// (In the body: footnote blocks and page furniture cut out.)
	body := c.Doc.Body.Text
	at = c.Doc.Body.Offset(m.Start)
	from = max(0, at-600)
	if k := strings.LastIndexAny(body[from:at], ";:"); k >= 0 {
		from += k + 1
	}
	if k := lastSentenceEnd(body, from, at); k >= 0 {
		from = min(k+2, at)
	}
	after = min(len(body), at+len(m.Text)+400)
	if k := strings.IndexAny(body[at:after], ";:"); k >= 0 {
		after = at + k
	}
	if k := sentenceEnd(body, at, after); k >= 0 {
		after = k
	}
	// A paragraph is a clause of its own (preambular and operative
	// paragraphs end with a comma or a semicolon, the heading with none).
	paras := c.Doc.Paras
	if k := sort.SearchInts(paras, at+1) - 1; k >= 0 && paras[k] > from {
		from = paras[k]
	}
	if k := sort.SearchInts(paras, at+1); k < len(paras) && paras[k] < after {
		after = paras[k]
	}
	return from, at, after
}

// namesParent reports whether the clause of m, a protocol's title, names
// another instrument beside it ("Convention", "Treaty", "Agreement",
// "Statute"), as it names the treaty the protocol belongs to, so that a
// footnote citing that treaty alone may be the clause's. A mention in a
// footnote, or with no marker, does too: the rule is for the body's
// footnotes. The words of a title that names an instrument of another line
// ("the Protocol to Eliminate Illicit Trade in Tobacco Products,1 the
// Convention on the Reduction of Statelessness2 …") name no parent of the
// protocol's, and are not read.
func namesParent(c *Context, m *extract.Mention) bool {
	if m.Footnote == "" || m.InFootnote != "" {
		return true
	}
	clause, at := blankedClause(c, m, m.Treaty)
	before, rest := clause[:at], clause[at:]
	rest = rest[min(len(rest), len(m.Text)):]
	for _, s := range [...][]byte{before, rest} {
		if hasAcronym(string(s)) {
			return true // "the WHO FCTC", "UNCLOS": a parent by its initials
		}
		if hasWord(s, "convention", "treaty", "agreement", "statute", "covenant", "charter") {
			return true
		}
	}
	return false
}

// hasAcronym reports whether s has a word of three or more capital
// letters and nothing else ("UNCLOS", "FCTC", "WHO"), not a part of a
// symbol ("A/RES/80/1"), a Roman numeral ("(XXI)") or "COVID".
func hasAcronym(s string) bool {
	n := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
			n++
			continue
		}
		if n >= 3 && (i == len(s) || !isAlnumASCII(s[i]) && s[i] != '/') && (i-n == 0 || !isAlnumASCII(s[i-n-1]) && s[i-n-1] != '/') &&
			strings.Trim(s[i-n:i], "IVXLCDM") != "" && s[i-n:i] != "COVID" {
			return true
		}
		n = 0
	}
	return false
}

func isAlnumASCII(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// blankOthers blanks, in clause (the body text from body offset from), the
// bytes of the titles of other mentions that resolve to an instrument not
// lineal with t (m's treaty, or the relative its footnote cites).
func blankOthers(c *Context, m *extract.Mention, t *registry.Treaty, clause []byte, from int) {
	if len(clause) == 0 {
		return
	}
	body := &c.Doc.Body
	lo, hi := body.Src(from), body.Src(from+len(clause)-1)+1
	// The mentions are in source order: those that may overlap the clause
	// are found by a search, not by a scan of all (a title is shorter than
	// maxTitle), and each is mapped to the body once, not byte by byte.
	const maxTitle = 2000
	ms := c.Refs.Mentions
	k := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= hi })
	for i := k - 1; i >= 0 && ms[i].Start > lo-maxTitle; i-- {
		o := ms[i]
		if o == m || o.Treaty == nil || o.InFootnote != "" || o.End <= lo || c.Registry.Lineal(o.Treaty, t) {
			continue
		}
		bs := body.Offset(o.Start)
		be := shortNameAfter(body.Text, body.Offset(o.End))
		for j := max(bs, from); j < min(be, from+len(clause)); j++ {
			clause[j-from] = ' '
		}
	}
}

// shortNameAfter returns the end of the short name a title at text[:i]
// gives itself in parentheses right after it ("… Highly Migratory Fish
// Stocks (the Agreement)", "(hereinafter "the Convention")"), or i: the
// name is the title's, blanked with it.
func shortNameAfter(text string, i int) int {
	j := i
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if !strings.HasPrefix(text[j:], "(the ") && !strings.HasPrefix(text[j:], "(hereinafter") {
		return i
	}
	if k := strings.IndexByte(text[j:min(len(text), j+60)], ')'); k > 0 {
		return j + k + 1
	}
	return i
}

// sentenceEnd returns the index in s of the first full stop in s[from:to]
// that ends a sentence (sentenceStop, read in all of s), or -1.
func sentenceEnd(s string, from, to int) int {
	for i := from; i < to; i++ {
		if s[i] == '.' && sentenceStop(s, i) {
			return i
		}
	}
	return -1
}

// lastSentenceEnd returns the index in s of the last full stop in
// s[from:to] that ends a sentence (sentenceStop, read in all of s), or -1.
func lastSentenceEnd(s string, from, to int) int {
	for i := to - 1; i >= from; i-- {
		if s[i] == '.' && sentenceStop(s, i) {
			return i
		}
	}
	return -1
}

// sentenceStop reports whether the full stop at s[i] ends a sentence: a
// space and a capital or a digit follow, and it ends no word of one to
// three letters, an abbreviation ("No. 2545", "art. 1", "the U.N.
// Protocol", "vol. 976"), much as extract's farGap reads a sentence's end.
// (A number ends a sentence: "resolution 70/1. The".)
func sentenceStop(s string, i int) bool {
	if i+2 >= len(s) || s[i+1] != ' ' || !(s[i+2] >= 'A' && s[i+2] <= 'Z' || s[i+2] >= '0' && s[i+2] <= '9') {
		return false
	}
	j := i
	for j > 0 && (s[j-1] >= 'a' && s[j-1] <= 'z' || s[j-1] >= 'A' && s[j-1] <= 'Z') {
		j--
	}
	return i-j == 0 || i-j > 3
}

// namesChangeBeforeMarker reports whether the text between mention m's
// title and its marker names a protocol or an amendment ("the Convention
// on the Elimination of All Forms of Discrimination against Women and the
// Optional Protocol thereto,3"): the marker then follows words the
// mention's treaty is not, and its footnote may cite what they name.
func namesChangeBeforeMarker(c *Context, m *extract.Mention) bool {
	if m.Footnote == "" || m.InFootnote != "" {
		return false
	}
	for _, k := range c.Doc.Markers {
		if k.Label == m.Footnote && k.Start >= m.End {
			return k.Start-m.End <= 400 && namesChange(c.File.Text[m.End:k.Start])
		}
	}
	return false
}

// namesChange reports whether b has the word of a protocol, an amendment
// or an agreement (the Law of the Sea Convention's implementing
// agreements: "the Convention and the Part XI Agreement,3"), in any case,
// also where a hyphen at a line's end that the joiner left in place breaks
// it ("its implementing Agree-" / "ments": a plural is no word of a
// registered title).
func namesChange(b []byte) bool { return hasWord(b, "protocol", "amend", "agreement") }

// hasWord reports whether b, in any case, has one of words (lower case), as
// it reads or with its words broken by hyphens at line ends put back
// together (unbreak, unhyphen).
func hasWord(b []byte, words ...string) bool {
	low := bytes.ToLower(unbreak(b))
	for _, s := range [2][]byte{low, unhyphen(low)} {
		for _, w := range words {
			if bytes.Contains(s, []byte(w)) {
				return true
			}
		}
	}
	return false
}

// unhyphen returns b without the hyphens that stand between two letters:
// a word broken at a line's end whose parts a reflowed text (Markdown,
// joined lines) has put back together with its hyphen ("Additional
// Pro-tocol I", "implementing Agree-ments"). It also joins true compounds
// ("follow-up" → "followup"), so it is for looking a word up, not for
// reading.
func unhyphen(b []byte) []byte { return dropHyphens(b, false) }

// unbreak returns b without the hyphens that follow a letter and come
// before white space, and that white space: a word as the body keeps it
// broken at a line's end ("Agree- ments").
func unbreak(b []byte) []byte { return dropHyphens(b, true) }

// dropHyphens returns b without the hyphens (-, U+2010, U+2011) that follow
// a letter and come before white space and more text, with that white
// space (spaced), or before a letter (not spaced); b itself when it has
// none.
func dropHyphens(b []byte, spaced bool) []byte {
	var out []byte
	last := 0
	for i := 1; i < len(b); i++ {
		n := 0
		switch {
		case b[i] == '-':
			n = 1
		case b[i] == 0xE2 && i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0x90 || b[i+2] == 0x91):
			n = 3
		}
		if n == 0 || !isLetterBefore(b[:i]) {
			continue
		}
		j := i + n
		if spaced {
			for j < len(b) && (b[j] == ' ' || b[j] == '\n' || b[j] == '\t') {
				j++
			}
			if j == i+n || j == len(b) {
				continue
			}
		} else if r, _ := utf8.DecodeRune(b[j:]); j >= len(b) || !unicode.IsLetter(r) {
			continue
		}
		out = append(out, b[last:i]...)
		last, i = j, j-1
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}

// isLetterBefore reports whether b ends with a letter.
func isLetterBefore(b []byte) bool {
	r, _ := utf8.DecodeLastRune(b)
	return unicode.IsLetter(r)
}
