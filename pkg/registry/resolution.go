package registry

import (
	"slices"
	"sort"
	"strings"

	"github.com/citecheck/citecheck/pkg/resolution"
)

// Resolution is one resolution or decision of the registry, with the
// texts or records that state its date.
type Resolution struct {
	// Symbol is the full symbol: "A/RES/64/182", "S/RES/1325 (2000)",
	// "E/RES/2009/23", "A/DEC/79/573 B".
	Symbol string `yaml:"symbol" json:"symbol"`
	// Organ is the adopting organ's code ("GA", "SC", "ECOSOC", …); it
	// must be the organ the symbol's prefix names.
	Organ string `yaml:"organ" json:"organ"`
	// Date is the date of adoption, YYYY-MM-DD.
	Date string `yaml:"date" json:"date"`
	// Title is the resolution's title, "" if not recorded.
	Title string `yaml:"title,omitempty" json:"title,omitempty"`
	// Sources are the texts or records that state the date and title.
	Sources []string `yaml:"sources" json:"sources"`

	// File and Line locate the entry's definition.
	File string `yaml:"-" json:"file,omitempty"`
	Line int    `yaml:"-" json:"line,omitempty"`
}

// OneCitingText returns the one source of the entry when that source is
// a text citing the resolution ("A/RES/80/89: “1359 (2001) of 29 June
// 2001”"), not the resolution's own heading, a record of it or a page
// about it: its date then rests on one other text's word. It returns ""
// otherwise.
func (r *Resolution) OneCitingText() string {
	if len(r.Sources) != 1 {
		return ""
	}
	s := r.Sources[0]
	if !strings.Contains(s, "“") || strings.Contains(s, "heading “") || recordDate(s) {
		return ""
	}
	return s
}

// recordDate reports whether s gives a record's own date after a colon
// ("UN iGov decisions database, decision 71/401: 2016-09-13, …").
func recordDate(s string) bool {
	i := strings.Index(s, ": ")
	if i < 0 || len(s) < i+12 {
		return false
	}
	d := s[i+2 : i+12]
	return d[4] == '-' && d[7] == '-' && strings.Trim(d[:4]+d[5:7]+d[8:], "0123456789") == ""
}

// Kind returns "resolution" or "decision", as the symbol's prefix says.
func (r *Resolution) Kind() string {
	_, kind, _ := resolution.OrganOfSymbol(r.Symbol)
	return kind
}

// ShortSymbol returns the symbol without its prefix: "64/182" for
// "A/RES/64/182".
func (r *Resolution) ShortSymbol() string {
	if _, _, rest := resolution.OrganOfSymbol(r.Symbol); rest != "" {
		return rest
	}
	return r.Symbol
}

// resolutionIndex holds the resolutions of a Registry and what their
// numbering teaches. The embedded registry's is worked out at go generate
// time (generatedIndex): building it at start-up took 12M instructions, 40%
// of checking one draft (callgrind).
type resolutionIndex struct {
	resolutions []*Resolution // sorted by resolution.SymbolLess
	// packed holds the embedded registry's resolutions, in the same
	// order, in place of resolutions.
	packed *packedResolutions
	// slots is an open-addressing hash table of resolutions by symbol
	// (symbolHash, linear probing): 1 + the index in resolutions of the
	// entry whose symbol landed there, or 0 for an empty slot. Its length
	// is a power of two, at least twice the entries, so a lookup probes
	// about 1.3 slots. Unlike a map, it can be compiled into the binary.
	slots []uint32
	// sc and gaOld hold (number, year) of Security Council resolutions and
	// of General Assembly resolutions numbered "NNNN (XXI)", for the
	// numbering checks.
	sc, gaOld Numbering
	// special holds the years of the registered resolutions of each
	// General Assembly special session ("S-26"), sorted by session.
	special []sessionYears
}

// sessionYears is a special session and the years of its resolutions.
type sessionYears struct {
	session string
	years   []int
}

// Resolutions returns every resolution and decision, sorted by symbol
// (numbers compared as numbers).
func (r *Registry) Resolutions() []*Resolution {
	if p := r.res.packed; p != nil {
		return p.resolutions()
	}
	return r.res.resolutions
}

// LookupSymbol returns the resolution or decision with the given full
// symbol ("A/RES/64/182").
func (r *Registry) LookupSymbol(symbol string) (*Resolution, bool) {
	return lookupSymbol(&r.res, symbol)
}

// LookupSymbolBytes is LookupSymbol for a symbol built in a buffer; it
// does not allocate, so that a check may look up every reference.
func (r *Registry) LookupSymbolBytes(symbol []byte) (*Resolution, bool) {
	return lookupSymbol(&r.res, symbol)
}

// lookupSymbol finds symbol in x's hash table.
func lookupSymbol[S string | []byte](x *resolutionIndex, symbol S) (*Resolution, bool) {
	if len(x.slots) == 0 {
		return nil, false
	}
	mask := uint32(len(x.slots) - 1)
	for i := symbolHash(symbol) & mask; ; i = (i + 1) & mask {
		k := x.slots[i]
		if k == 0 {
			return nil, false
		}
		if p := x.packed; p != nil {
			if symbolIs(p, int(k-1), symbol) {
				return p.at(int(k - 1)), true
			}
		} else if e := x.resolutions[k-1]; e.Symbol == string(symbol) {
			return e, true
		}
	}
}

// symbolHash is 32-bit FNV-1a. The generated table depends on it: change
// it, and go generate ./pkg/registry.
func symbolHash[S string | []byte](s S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// symbolSlots builds the hash table of resolutionIndex.slots for rs.
func symbolSlots(rs []*Resolution) []uint32 {
	n := 8
	for n < 2*len(rs) {
		n *= 2
	}
	slots := make([]uint32, n)
	mask := uint32(n - 1)
	for k, e := range rs {
		// Symbols are unique once merged; were one not, the last entry
		// would win, as in a map.
		i := symbolHash(e.Symbol) & mask
		for slots[i] != 0 && rs[slots[i]-1].Symbol != e.Symbol {
			i = (i + 1) & mask
		}
		slots[i] = uint32(k + 1)
	}
	return slots
}

// SecurityCouncilNumbering returns the registered Security Council
// resolutions' numbers and years.
func (r *Registry) SecurityCouncilNumbering() *Numbering { return &r.res.sc }

// OldAssemblyNumbering returns the numbers and years of the registered
// General Assembly resolutions of the "NNNN (XXI)" era.
func (r *Registry) OldAssemblyNumbering() *Numbering { return &r.res.gaOld }

// SpecialSessionYears returns the years of the registered resolutions of
// a General Assembly special session ("S-26").
func (r *Registry) SpecialSessionYears(session string) []int {
	sp := r.res.special
	if i, ok := slices.BinarySearchFunc(sp, session, func(s sessionYears, t string) int { return strings.Compare(s.session, t) }); ok {
		return sp[i].years
	}
	return nil
}

// Numbering holds the numbers of an organ's resolutions with their years,
// for "numbers grow with time" checks.
type Numbering struct {
	num     []int // sorted
	year    []int
	maxLeft []int // max year of num[0..i]
	minFrom []int // min year of num[i..]
}

func (n *Numbering) add(num, year int) {
	n.num = append(n.num, num)
	n.year = append(n.year, year)
}

func (n *Numbering) build() {
	idx := make([]int, len(n.num))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return n.num[idx[a]] < n.num[idx[b]] })
	num, year := make([]int, len(idx)), make([]int, len(idx))
	for i, k := range idx {
		num[i], year[i] = n.num[k], n.year[k]
	}
	n.num, n.year = num, year
	n.maxLeft = make([]int, len(num))
	n.minFrom = make([]int, len(num))
	for i := range num {
		n.maxLeft[i] = year[i]
		if i > 0 {
			n.maxLeft[i] = max(n.maxLeft[i], n.maxLeft[i-1])
		}
	}
	for i := len(num) - 1; i >= 0; i-- {
		n.minFrom[i] = year[i]
		if i+1 < len(num) {
			n.minFrom[i] = min(n.minFrom[i], n.minFrom[i+1])
		}
	}
}

// Bounds returns the years a resolution numbered num can have: no earlier
// than any lower-numbered one (lowNum, the highest of them), no later than
// any higher-numbered one (highNum). When num itself is registered, lo and
// hi are its year and lowNum = highNum = num. ok is false when there is
// nothing to compare with.
func (n *Numbering) Bounds(num int) (lo, hi int, lowNum, highNum int, ok bool) {
	if len(n.num) == 0 {
		return 0, 0, 0, 0, false
	}
	i := sort.SearchInts(n.num, num) // first >= num
	lo, hi = 0, 9999
	if i > 0 {
		lo, lowNum = n.maxLeft[i-1], n.num[i-1]
	}
	j := i
	for j < len(n.num) && n.num[j] == num {
		j++
	}
	if j < len(n.num) {
		hi, highNum = n.minFrom[j], n.num[j]
	}
	if j > i { // num itself is registered
		lo, hi = n.year[i], n.year[i]
		lowNum, highNum = num, num
	}
	return lo, hi, lowNum, highNum, true
}

// Sorted reports whether the years never decrease as the numbers grow.
func (n *Numbering) Sorted() bool {
	for i := 1; i < len(n.num); i++ {
		if n.year[i] < n.year[i-1] {
			return false
		}
	}
	return true
}

// symbolCompare orders symbols for the registry's listing.
func symbolCompare(a, b *Resolution) int {
	switch {
	case resolution.SymbolLess(a.Symbol, b.Symbol):
		return -1
	case resolution.SymbolLess(b.Symbol, a.Symbol):
		return 1
	}
	return 0
}

// buildResolutions indexes validated entries.
func buildResolutions(rs []*Resolution) resolutionIndex {
	if !slices.IsSortedFunc(rs, symbolCompare) {
		slices.SortStableFunc(rs, symbolCompare)
	}
	x := resolutionIndex{resolutions: rs, slots: symbolSlots(rs)}
	special := map[string][]int{}
	for _, e := range rs {
		organ, kind, rest := resolution.OrganOfSymbol(e.Symbol)
		if kind != "resolution" || len(e.Date) < 4 {
			continue
		}
		t, _, ok := resolution.ParseSymbol(rest, 0)
		if !ok {
			continue
		}
		year := resolution.Atoi(e.Date[:4])
		switch {
		case organ == "SC" && t.Form == resolution.FormSecurityCouncil:
			x.sc.add(resolution.Atoi(t.Number), year)
		case organ == "GA" && t.Form == resolution.FormRoman:
			x.gaOld.add(resolution.Atoi(t.Number), year)
			if strings.Contains(t.Session, "S-") {
				special[t.Session] = append(special[t.Session], year)
			}
		case organ == "GA" && t.Form == resolution.FormSpecial:
			special[t.Session] = append(special[t.Session], year)
		}
	}
	x.sc.build()
	x.gaOld.build()
	for s, ys := range special {
		x.special = append(x.special, sessionYears{s, ys})
	}
	slices.SortFunc(x.special, func(a, b sessionYears) int { return strings.Compare(a.session, b.session) })
	return x
}
