// Package registry loads citecheck's registry: YAML files that list
// multilateral instruments with their titles, aliases, dates, United Nations
// Treaty Series (UNTS) citations and the sources of those facts, and the
// resolutions and decisions of United Nations organs with their dates of
// adoption and the texts that state them.
//
// A Registry is immutable once built and safe for concurrent use.
package registry

import (
	"slices"
	"strconv"
	"strings"
)

// Citation is one UNTS (or LNTS) volume/registration number pair.
type Citation struct {
	// Volume is the volume number: arabic for the UNTS ("976"), roman for
	// the League of Nations Treaty Series ("XCIV").
	Volume string `yaml:"volume" json:"volume"`
	// Number is the registration number ("14152"); empty when unknown.
	Number string `yaml:"number,omitempty" json:"number,omitempty"`
	// Page is the first page, where resolutions cite pages.
	Page string `yaml:"page,omitempty" json:"page,omitempty"`
	// Note says something about this citation (which texts use it).
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// String renders c as a footnote would: "vol. 976, No. 14152".
func (c Citation) String() string {
	s := "vol. " + c.Volume
	if c.Number != "" {
		s += ", No. " + c.Number
	}
	if c.Page != "" {
		s += ", p. " + c.Page
	}
	return s
}

// Treaty is one registered instrument.
type Treaty struct {
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	// TitleBase is the title without a year suffix ("of 1961", ", 1930"),
	// where the usual form carries one.
	TitleBase string   `yaml:"title_base,omitempty" json:"title_base,omitempty"`
	Aliases   []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	// Adopted, Concluded, OpenedForSignature, EntryIntoForce are dates in
	// YYYY-MM-DD form, or YYYY where only the year is sourced.
	Adopted            string `yaml:"adopted,omitempty" json:"adopted,omitempty"`
	Concluded          string `yaml:"concluded,omitempty" json:"concluded,omitempty"`
	OpenedForSignature string `yaml:"opened_for_signature,omitempty" json:"opened_for_signature,omitempty"`
	EntryIntoForce     string `yaml:"entry_into_force,omitempty" json:"entry_into_force,omitempty"`
	Place              string `yaml:"place,omitempty" json:"place,omitempty"`
	// CitedYear is the year resolutions attach to the title where it
	// differs from the year of adoption.
	CitedYear int `yaml:"cited_year,omitempty" json:"cited_year,omitempty"`
	// UNTS lists the Treaty Series citations of the instrument.
	UNTS []Citation `yaml:"unts,omitempty" json:"unts,omitempty"`
	// LNTS lists League of Nations Treaty Series citations.
	LNTS []Citation `yaml:"lnts,omitempty" json:"lnts,omitempty"`
	// NotInUNTS marks instruments that resolutions cite by title but that
	// are not (yet) in the Treaty Series; FootnoteForm says what they are
	// cited to instead (a document symbol, a resolution annex).
	NotInUNTS    bool   `yaml:"not_in_unts,omitempty" json:"not_in_unts,omitempty"`
	FootnoteForm string `yaml:"footnote_form,omitempty" json:"footnote_form,omitempty"`
	// Links to other entries, by ID.
	ProtocolTo    string `yaml:"protocol_to,omitempty" json:"protocol_to,omitempty"`
	Amends        string `yaml:"amends,omitempty" json:"amends,omitempty"`
	AmendedFormOf string `yaml:"amended_form_of,omitempty" json:"amended_form_of,omitempty"`
	AmendedBy     string `yaml:"amended_by,omitempty" json:"amended_by,omitempty"`
	Supersedes    string `yaml:"supersedes,omitempty" json:"supersedes,omitempty"`
	// PartOf names a collective entry the instrument belongs to (each of
	// the four Geneva Conventions is part of "the Geneva Conventions of 12
	// August 1949").
	PartOf string `yaml:"part_of,omitempty" json:"part_of,omitempty"`
	// Sources name where each fact above was seen: a UN Treaty Collection
	// page, or a UN document and footnote ("A/RES/80/229 fn2").
	Sources []string `yaml:"sources" json:"sources"`
	Notes   string   `yaml:"notes,omitempty" json:"notes,omitempty"`

	// File and Line locate the entry's definition ("rules/treaties/drugs.yaml").
	File string `yaml:"-" json:"file,omitempty"`
	Line int    `yaml:"-" json:"line,omitempty"`

	// normMatch is NormalizeTitle(MatchTitle()), worked out when the
	// registry is built (for the embedded registry, at go generate time).
	normMatch string
}

// Year returns the year of a date field ("1961-03-30" → 1961), or 0.
func Year(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return 0
	}
	return y
}

// NormalizedMatchTitle is NormalizeTitle(t.MatchTitle()), worked out once:
// normalising the titles at every start cost 1.8M instructions, an eighth
// of checking one draft (callgrind).
func (t *Treaty) NormalizedMatchTitle() string {
	if t.normMatch != "" {
		return t.normMatch
	}
	return NormalizeTitle(t.MatchTitle())
}

// MatchTitle is the title the text is matched against: TitleBase when set,
// else Title.
func (t *Treaty) MatchTitle() string {
	if t.TitleBase != "" {
		return t.TitleBase
	}
	return t.Title
}

// InSeries returns t's citations in series: the League of Nations Treaty
// Series for "LNTS", the United Nations Treaty Series otherwise.
func (t *Treaty) InSeries(series string) []Citation {
	if series == "LNTS" {
		return t.LNTS
	}
	return t.UNTS
}

// Registry is an immutable, indexed set of treaties.
type Registry struct {
	// generated: the entries are zz_generated.go's, in its order.
	generated bool
	treaties  []*Treaty
	byID      map[string]*Treaty
	// byUNTS maps a volume and number to the treaties cited by that pair.
	byUNTS map[untsKey][]*Treaty
	// byNumber and byVolume map a bare number or volume to treaties.
	byNumber map[string][]*Treaty
	byVolume map[string][]*Treaty
	// links holds each entry's linked entries, in both directions.
	links map[*Treaty][]*Treaty
	// parents holds the entries each entry belongs to (Lineal).
	parents map[*Treaty][]*Treaty
	// years holds Years for each entry, worked out once.
	years map[*Treaty][]int
	// res holds the resolutions and decisions.
	res resolutionIndex
}

type untsKey struct{ volume, number string }

// Treaties returns every treaty, sorted by ID.
func (r *Registry) Treaties() []*Treaty { return r.treaties }

// Generated reports whether r is the embedded registry as compiled to Go
// by internal/genregistry (Embedded, Default): its entries are those of
// rules/ when the binary was built, in the order Treaties gives them, so
// that data compiled with them (the extractor's title index) fits r.
func (r *Registry) Generated() bool { return r.generated }

// Len reports the number of treaties.
func (r *Registry) Len() int { return len(r.treaties) }

// Lookup returns the treaty with the given ID.
func (r *Registry) Lookup(id string) (*Treaty, bool) {
	t, ok := r.byID[id]
	return t, ok
}

// ByUNTS returns the treaties cited by volume and number (in either the
// UNTS or the LNTS).
func (r *Registry) ByUNTS(volume, number string) []*Treaty {
	return r.byUNTS[untsKey{volume, number}]
}

// ByNumber returns the treaties registered under number.
func (r *Registry) ByNumber(number string) []*Treaty { return r.byNumber[number] }

// ByVolume returns the treaties published in volume.
func (r *Registry) ByVolume(volume string) []*Treaty { return r.byVolume[volume] }

// Years returns the years under which t may correctly be cited: its
// cited year, its years of adoption, conclusion and opening for signature,
// and, for an amended form, those of the instrument it is the amended form of.
//
// The slice is shared: callers must not modify it.
func (r *Registry) Years(t *Treaty) []int {
	if ys, ok := r.years[t]; ok {
		return ys
	}
	return r.workOutYears(t)
}

func (r *Registry) workOutYears(t *Treaty) []int {
	var ys []int
	add := func(y int) {
		if y != 0 && !slices.Contains(ys, y) {
			ys = append(ys, y)
		}
	}
	add(t.CitedYear)
	add(Year(t.Adopted))
	add(Year(t.Concluded))
	add(Year(t.OpenedForSignature))
	if t.AmendedFormOf == "" {
		return ys
	}
	if base, ok := r.byID[t.AmendedFormOf]; ok && base != t {
		for _, y := range r.workOutYears(base) {
			add(y)
		}
	}
	return ys
}

// PrimaryYear is the year a text should give for t: its cited year, or the
// year of adoption, or that of the instrument it is the amended form of.
func (r *Registry) PrimaryYear(t *Treaty) int {
	ys := r.Years(t)
	if len(ys) == 0 {
		return 0
	}
	return ys[0]
}

// Related reports whether a and b are the same instrument or linked by a
// protocol, amendment or amended-form relation (in either direction, up to
// two steps: a protocol of the amended form of the Convention is related).
func (r *Registry) Related(a, b *Treaty) bool {
	if a == b {
		return true
	}
	seen := map[*Treaty]bool{a: true}
	frontier := []*Treaty{a}
	for depth := 0; depth < 2; depth++ {
		var next []*Treaty
		for _, t := range frontier {
			for _, n := range r.neighbours(t) {
				if n == b {
					return true
				}
				if !seen[n] {
					seen[n] = true
					next = append(next, n)
				}
			}
		}
		frontier = next
	}
	return false
}

func (r *Registry) neighbours(t *Treaty) []*Treaty { return r.links[t] }

// Lineal reports whether a and b are the same instrument, or one belongs
// to the other: a protocol or an amendment and its treaty (at any
// remove), an amended form and its base, a convention and the collection
// it is part of. Unlike Related, two protocols to one treaty, or two
// conventions of one collection, are not lineal: a footnote on one that
// cites the other cites the wrong instrument.
func (r *Registry) Lineal(a, b *Treaty) bool {
	return a == b || r.ancestor(a, b, 0) || r.ancestor(b, a, 0)
}

// BelongsTo reports whether a belongs to b (at any remove): a protocol to
// the treaty, a convention to its collection (see Lineal).
func (r *Registry) BelongsTo(a, b *Treaty) bool { return r.ancestor(a, b, 0) }

// Ancestors returns the instruments t belongs to, at any remove (see
// BelongsTo): the treaty of a protocol and that treaty's, the base of an
// amended form and what that base belongs to.
func (r *Registry) Ancestors(t *Treaty) []*Treaty {
	var out []*Treaty
	var walk func(a *Treaty, depth int)
	walk = func(a *Treaty, depth int) {
		if depth > 4 {
			return
		}
		for _, p := range r.parents[a] {
			if p != t && !slices.Contains(out, p) {
				out = append(out, p)
				walk(p, depth+1)
			}
		}
	}
	walk(t, 0)
	return out
}

// ancestor reports whether b is one of the instruments a belongs to.
func (r *Registry) ancestor(a, b *Treaty, depth int) bool {
	if depth > 4 {
		return false
	}
	for _, p := range r.parents[a] {
		if p == b || r.ancestor(p, b, depth+1) {
			return true
		}
	}
	return false
}

// build indexes the entries. It expects validated input.
func build(ts []*Treaty, rs []*Resolution) *Registry {
	r := buildTreaties(ts)
	r.res = buildResolutions(rs)
	return r
}

// buildTreaties indexes the treaties of a Registry.
func buildTreaties(ts []*Treaty) *Registry {
	slices.SortFunc(ts, func(a, b *Treaty) int { return strings.Compare(a.ID, b.ID) })
	// Maps made to size, and no lookups of empty IDs: building this at
	// every start cost 1.26M instructions, 0.7M after (callgrind).
	r := &Registry{
		treaties: ts,
		byID:     make(map[string]*Treaty, len(ts)),
		byUNTS:   make(map[untsKey][]*Treaty, len(ts)),
		byNumber: make(map[string][]*Treaty, len(ts)),
		byVolume: make(map[string][]*Treaty, len(ts)),
		links:    make(map[*Treaty][]*Treaty, len(ts)/2),
	}
	for _, t := range ts {
		r.byID[t.ID] = t
		if t.normMatch == "" {
			// A loaded entry, the registry's own (the generated ones
			// carry it, and are shared: never written).
			if n := NormalizeTitle(t.MatchTitle()); n != "" {
				t.normMatch = n
			}
		}
	}
	r.parents = make(map[*Treaty][]*Treaty, len(ts)/2)
	lookup := func(id string) (*Treaty, bool) {
		if id == "" {
			return nil, false
		}
		t, ok := r.byID[id]
		return t, ok
	}
	for _, t := range ts {
		for _, id := range [...]string{t.ProtocolTo, t.Amends, t.AmendedFormOf, t.AmendedBy, t.Supersedes, t.PartOf} {
			if o, ok := lookup(id); ok && o != t {
				r.links[t] = appendUnique(r.links[t], o)
				r.links[o] = appendUnique(r.links[o], t)
			}
		}
		// The instruments t belongs to: the treaty a protocol or an
		// amendment is to, the base of an amended form, the collection
		// an instrument is part of; an amending protocol belongs to the
		// treaty it amends; a treaty and the one it supersedes belong
		// to each other.
		for _, id := range [...]string{t.ProtocolTo, t.Amends, t.AmendedFormOf, t.PartOf, t.Supersedes} {
			if o, ok := lookup(id); ok && o != t {
				r.parents[t] = appendUnique(r.parents[t], o)
			}
		}
		if o, ok := lookup(t.AmendedBy); ok && o != t {
			r.parents[o] = appendUnique(r.parents[o], t)
		}
		if o, ok := lookup(t.Supersedes); ok && o != t {
			r.parents[o] = appendUnique(r.parents[o], t)
		}
		for _, cs := range [...][]Citation{t.UNTS, t.LNTS} {
			for _, c := range cs {
				if c.Number != "" {
					k := untsKey{c.Volume, c.Number}
					r.byUNTS[k] = appendUnique(r.byUNTS[k], t)
					r.byNumber[c.Number] = appendUnique(r.byNumber[c.Number], t)
				}
				r.byVolume[c.Volume] = appendUnique(r.byVolume[c.Volume], t)
			}
		}
	}
	// An amended form belongs to what amends its base too: the Single
	// Convention as amended, and the 1972 Protocol amending it.
	for _, t := range ts {
		base, ok := lookup(t.AmendedFormOf)
		if !ok {
			continue
		}
		for _, o := range ts {
			if o != t && (o.Amends == base.ID || base.AmendedBy == o.ID) {
				r.parents[t] = appendUnique(r.parents[t], o)
			}
		}
	}
	r.years = make(map[*Treaty][]int, len(ts))
	for _, t := range ts {
		r.years[t] = r.workOutYears(t)
	}
	return r
}

func appendUnique(ts []*Treaty, t *Treaty) []*Treaty {
	if slices.Contains(ts, t) {
		return ts
	}
	return append(ts, t)
}

// Search returns the entries whose ID, title or an alias contains q (case
// and punctuation folded), or whose UNTS volume or number equals q, sorted
// by ID.
func (r *Registry) Search(q string) []*Treaty {
	nq := NormalizeTitle(q)
	var out []*Treaty
	for _, t := range r.treaties {
		hit := strings.Contains(t.ID, strings.ToLower(strings.TrimSpace(q)))
		for _, n := range append([]string{t.Title}, t.Aliases...) {
			if nq != "" && strings.Contains(NormalizeTitle(n), nq) {
				hit = true
			}
		}
		for _, c := range slices.Concat(t.UNTS, t.LNTS) {
			if q == c.Volume || q == c.Number {
				hit = true
			}
		}
		if hit {
			out = append(out, t)
		}
	}
	return out
}
