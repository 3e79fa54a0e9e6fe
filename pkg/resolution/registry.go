package resolution

//go:generate go run ./internal/genregistry -dir ../../rules/resolutions -o registry_gen.go

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/citecheck/citecheck/rules"
)

// Entry is one resolution or decision in the registry.
type Entry struct {
	// Symbol is the full symbol: "A/RES/64/182", "S/RES/1325 (2000)",
	// "E/RES/2009/23", "A/DEC/79/573 B".
	Symbol string
	// Organ is the adopting organ's code ("GA", "SC", "ECOSOC", …).
	Organ string
	// Date is the date of adoption, YYYY-MM-DD.
	Date string
	// Title is the resolution's title, "" if not recorded.
	Title string
	// Sources are the texts that state the date and title.
	Sources []string
	// File, Line and Col locate the entry's definition.
	File      string
	Line, Col int
}

// RegistryError is a problem in a registry file, at file:line:col.
type RegistryError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *RegistryError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Source is one registry file to load.
type Source struct {
	// Name is shown in messages ("rules/resolutions/ga.yaml").
	Name string
	Data []byte
}

// registryKeys are the keys an entry may have, sorted.
var registryKeys = []string{"date", "organ", "sources", "symbol", "title"}

// Registry is an immutable set of resolutions indexed by symbol. It is safe
// for concurrent use.
type Registry struct {
	entries  []Entry // sorted by symbol
	bySymbol map[string]int
	// sc and gaOld hold (number, year) of Security Council resolutions and
	// of General Assembly resolutions numbered "NNNN (XXI)", sorted by
	// number, with running maxima and minima of the year for the
	// numbering checks.
	sc, gaOld numbering
	// special maps a General Assembly special session ("S-26") to the
	// years of its registered resolutions.
	special map[string][]int
}

// numbering supports "numbers grow with time" checks.
type numbering struct {
	num     []int // sorted
	year    []int
	maxLeft []int // max year of num[0..i]
	minFrom []int // min year of num[i..]
}

func (n *numbering) add(num, year int) {
	n.num = append(n.num, num)
	n.year = append(n.year, year)
}

func (n *numbering) build() {
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

// bounds returns the years a resolution numbered num can have: no earlier
// than any lower-numbered one, no later than any higher-numbered one. ok is
// false when the registry has nothing to compare with.
func (n *numbering) bounds(num int) (lo, hi int, lowNum, highNum int, ok bool) {
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

// Len returns the number of entries.
func (r *Registry) Len() int { return len(r.entries) }

// Entries returns the entries sorted by symbol. The slice must not be
// modified.
func (r *Registry) Entries() []Entry { return r.entries }

// Lookup returns the entry with the given full symbol.
func (r *Registry) Lookup(symbol string) (*Entry, bool) {
	if r == nil {
		return nil, false
	}
	i, ok := r.bySymbol[symbol]
	if !ok {
		return nil, false
	}
	return &r.entries[i], true
}

// LoadRegistry parses and validates registry files. Every problem found is
// returned, joined, each a *RegistryError.
func LoadRegistry(srcs ...Source) (*Registry, error) {
	var entries []Entry
	var errs []error
	for _, src := range srcs {
		es, err := parseRegistryFile(src.Name, src.Data)
		errs = append(errs, err...)
		entries = append(entries, es...)
	}
	reg, err := newRegistry(entries)
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return reg, nil
}

// LoadRegistryFS loads every .yaml file in dir of fsys, in name order.
// Sources are named prefix + "/" + file name.
func LoadRegistryFS(fsys fs.FS, dir, prefix string) (*Registry, error) {
	srcs, err := registrySources(fsys, dir, prefix)
	if err != nil {
		return nil, err
	}
	return LoadRegistry(srcs...)
}

func registrySources(fsys fs.FS, dir, prefix string) ([]Source, error) {
	des, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var srcs []Source
	for _, de := range des {
		if de.IsDir() || (path.Ext(de.Name()) != ".yaml" && path.Ext(de.Name()) != ".yml") {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, de.Name()))
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, Source{Name: path.Join(prefix, de.Name()), Data: data})
	}
	return srcs, nil
}

// EmbeddedSources returns the registry files compiled into the binary
// (rules/resolutions/*.yaml).
func EmbeddedSources() ([]Source, error) {
	return registrySources(rules.FS, "resolutions", "rules/resolutions")
}

var defaultRegistry = sync.OnceValues(func() (*Registry, error) {
	return newRegistry(slices.Clone(embeddedEntries))
})

// DefaultRegistry returns the registry compiled into the binary, built once.
// It is the content of rules/resolutions/*.yaml, which go generate turns
// into Go data (registry_gen.go) so that no YAML is decoded at start-up; a
// test checks that the two agree.
func DefaultRegistry() (*Registry, error) { return defaultRegistry() }

// parseRegistryFile reads one YAML file into entries, checking its shape
// node by node so that every error carries a position.
func parseRegistryFile(name string, data []byte) ([]Entry, []error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 1
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if _, err := fmt.Sscanf(msg, "line %d:", &line); err == nil {
			msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
		}
		return nil, []error{&RegistryError{name, line, 1, msg}}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.SequenceNode {
		return nil, []error{&RegistryError{name, root.Line, root.Column, `a resolution registry file must be a list of entries ("- symbol: …")`}}
	}
	var out []Entry
	var errs []error
	bad := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, &RegistryError{name, n.Line, n.Column, fmt.Sprintf(format, args...)})
	}
	for _, item := range root.Content {
		if item.Kind != yaml.MappingNode {
			bad(item, "an entry must be a mapping of keys to values")
			continue
		}
		e := Entry{File: name, Line: item.Line, Col: item.Column}
		seen := map[string]*yaml.Node{}
		ok := true
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, v := item.Content[i], item.Content[i+1]
			if !slices.Contains(registryKeys, k.Value) {
				bad(k, "unknown key %q (expected one of %s)", k.Value, quoteAll(registryKeys))
				ok = false
				continue
			}
			if prev := seen[k.Value]; prev != nil {
				bad(k, "duplicate key %q (first at line %d)", k.Value, prev.Line)
				ok = false
				continue
			}
			seen[k.Value] = k
			switch k.Value {
			case "sources":
				if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
					bad(v, "%q must be a non-empty list of strings", k.Value)
					ok = false
					continue
				}
				for _, s := range v.Content {
					if s.Kind != yaml.ScalarNode || strings.TrimSpace(s.Value) == "" {
						bad(s, "%q must hold non-empty strings", k.Value)
						ok = false
						continue
					}
					e.Sources = append(e.Sources, s.Value)
				}
			default:
				if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
					bad(v, "%q must be a non-empty string", k.Value)
					ok = false
					continue
				}
				switch k.Value {
				case "symbol":
					e.Symbol = v.Value
				case "organ":
					e.Organ = v.Value
				case "date":
					e.Date = v.Value
				case "title":
					e.Title = v.Value
				}
			}
		}
		for _, req := range []string{"symbol", "organ", "date", "sources"} {
			if seen[req] == nil {
				bad(item, "missing key %q", req)
				ok = false
			}
		}
		if !ok {
			continue
		}
		for _, msg := range validateEntry(&e) {
			n := item
			if k := seen[msg.key]; k != nil {
				n = k
			}
			bad(n, "%s", msg.text)
		}
		out = append(out, e)
	}
	return out, errs
}

type entryProblem struct{ key, text string }

// validateEntry checks one entry's values.
func validateEntry(e *Entry) []entryProblem {
	var out []entryProblem
	organ, kind, rest := OrganOfSymbol(e.Symbol)
	if organ == "" {
		out = append(out, entryProblem{"symbol", fmt.Sprintf("symbol %q does not start with a known prefix (such as \"A/RES/\", \"S/RES/\", \"E/RES/\", \"A/DEC/\")", e.Symbol)})
		return out
	}
	if organ != e.Organ {
		out = append(out, entryProblem{"organ", fmt.Sprintf("organ %q does not match symbol %q (expected %q)", e.Organ, e.Symbol, organ)})
	}
	t, ok := parseSymbol(rest, 0)
	if !ok || t.end != len(rest) || t.canonical() != rest {
		want := ""
		if ok && t.end == len(rest) {
			want = fmt.Sprintf(" (expected %q)", e.Symbol[:len(e.Symbol)-len(rest)]+t.canonical())
		}
		out = append(out, entryProblem{"symbol", fmt.Sprintf("symbol %q is not a canonical %s symbol%s", e.Symbol, kind, want)})
		return out
	}
	if len(t.letters) > 1 {
		out = append(out, entryProblem{"symbol", fmt.Sprintf("symbol %q names several resolutions; make one entry per letter", e.Symbol)})
	}
	if !ValidDate(e.Date) {
		out = append(out, entryProblem{"date", fmt.Sprintf("date %q is not a valid YYYY-MM-DD date", e.Date)})
		return out
	}
	year := atoi(e.Date[:4])
	switch t.form {
	case FormSecurityCouncil:
		if year != t.year {
			out = append(out, entryProblem{"date", fmt.Sprintf("date %s is not in %d, the year in symbol %q", e.Date, t.year, e.Symbol)})
		}
	case FormYear:
		if year != t.year && year != t.year-1 {
			out = append(out, entryProblem{"date", fmt.Sprintf("date %s does not fit the year in symbol %q", e.Date, e.Symbol)})
		}
	case FormSession, FormRoman:
		if organ != "GA" {
			break
		}
		if v, ok := sessionValue(t.session); ok && !strings.Contains(t.session, "S-") {
			lo, hi := SessionYears(v)
			if year < lo || year > hi {
				out = append(out, entryProblem{"date", fmt.Sprintf("date %s does not fit session %s of the General Assembly (%d–%d)", e.Date, t.session, lo, hi)})
			}
		}
	}
	return out
}

// newRegistry indexes entries and checks that symbols are unique.
func newRegistry(entries []Entry) (*Registry, error) {
	r := &Registry{bySymbol: make(map[string]int, len(entries)), special: map[string][]int{}}
	var errs []error
	cmp := func(a, b Entry) int {
		switch {
		case SymbolLess(a.Symbol, b.Symbol):
			return -1
		case SymbolLess(b.Symbol, a.Symbol):
			return 1
		}
		return 0
	}
	// Sort stably, so that of two entries with one symbol the first
	// loaded stays first. Generated data is already sorted.
	if !slices.IsSortedFunc(entries, cmp) {
		slices.SortStableFunc(entries, cmp)
	}
	kept := entries[:0:0]
	for i := range entries {
		e := &entries[i]
		if len(kept) > 0 && kept[len(kept)-1].Symbol == e.Symbol {
			p := &kept[len(kept)-1]
			errs = append(errs, &RegistryError{e.File, e.Line, e.Col, fmt.Sprintf("duplicate symbol %q (first defined at %s:%d:%d)", e.Symbol, p.File, p.Line, p.Col)})
			continue
		}
		kept = append(kept, *e)
	}
	r.entries = kept
	for i := range kept {
		e := &kept[i]
		r.bySymbol[e.Symbol] = i
		organ, kind, rest := OrganOfSymbol(e.Symbol)
		if kind != "resolution" || len(e.Date) < 4 {
			continue
		}
		t, ok := parseSymbol(rest, 0)
		if !ok {
			continue
		}
		year := atoi(e.Date[:4])
		switch {
		case organ == "SC" && t.form == FormSecurityCouncil:
			r.sc.add(atoi(t.number), year)
		case organ == "GA" && t.form == FormRoman:
			r.gaOld.add(atoi(t.number), year)
			if strings.Contains(t.session, "S-") {
				r.special[t.session] = append(r.special[t.session], year)
			}
		case organ == "GA" && t.form == FormSpecial:
			r.special[t.session] = append(r.special[t.session], year)
		}
	}
	r.sc.build()
	r.gaOld.build()
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return r, nil
}

// SymbolLess orders symbols with their numbers compared as numbers:
// A/RES/2/1 < A/RES/10/1.
func SymbolLess(a, b string) bool {
	for a != "" && b != "" {
		if isDigit(a[0]) && isDigit(b[0]) {
			ea, eb := digitsAt(a, 0), digitsAt(b, 0)
			na, nb := strings.TrimLeft(a[:ea], "0"), strings.TrimLeft(b[:eb], "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			a, b = a[ea:], b[eb:]
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
