package registry

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Source is one registry file to load.
type Source struct {
	// Name is shown in error messages ("rules/treaties/drugs.yaml").
	Name string
	Data []byte
	// User marks files given by the user (--registry), whose entries may
	// override embedded ones.
	User bool
}

// fieldIndex maps a YAML key to the index of the Treaty field it sets.
var fieldIndex = func() map[string]int {
	m := map[string]int{}
	rt := reflect.TypeOf(Treaty{})
	for i := 0; i < rt.NumField(); i++ {
		tag := strings.Split(rt.Field(i).Tag.Get("yaml"), ",")[0]
		if tag != "" && tag != "-" {
			m[tag] = i
		}
	}
	return m
}()

// AllowedKeys lists the keys an entry may have, sorted.
func AllowedKeys() []string {
	var ks []string
	for k := range fieldIndex {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

var citationKeys = []string{"note", "number", "page", "volume"}

var (
	idRE     = regexp.MustCompile(`^[a-z0-9][a-z0-9_]*$`)
	dateRE   = regexp.MustCompile(`^\d{4}(-\d{2}-\d{2})?$`)
	arabicRE = regexp.MustCompile(`^[1-9][0-9]*$`)
	romanRE  = regexp.MustCompile(`^[IVXLCDM]+$`)
	yearRE   = regexp.MustCompile(`^\d{4}$`)
)

// Load parses, validates and indexes the given files. Entries of user files
// with the ID of an earlier entry override the fields they set; two user
// files that set the same entry conflict. All problems found are returned
// together, joined, each an *Error.
func Load(srcs []Source) (*Registry, error) {
	var errs []error
	type origin struct {
		t    *Treaty
		user string
	}
	byID := map[string]*origin{}
	var order []string
	for _, src := range srcs {
		entries, err := parseFile(src.Name, src.Data)
		if err != nil {
			errs = append(errs, err...)
		}
		for _, e := range entries {
			prev, dup := byID[e.t.ID]
			switch {
			case !dup:
				byID[e.t.ID] = &origin{t: e.t}
				if src.User {
					byID[e.t.ID].user = src.Name
				}
				order = append(order, e.t.ID)
			case src.User && prev.user == "":
				merged := *prev.t
				for _, k := range e.keys {
					i := fieldIndex[k]
					reflect.ValueOf(&merged).Elem().Field(i).Set(reflect.ValueOf(e.t).Elem().Field(i))
				}
				merged.File, merged.Line = e.t.File, e.t.Line
				prev.t, prev.user = &merged, src.Name
			case src.User:
				errs = append(errs, &Error{src.Name, e.line, e.col, fmt.Sprintf("entry %q is also set by %s; a user registry may override an embedded entry, but two user files may not set the same one", e.t.ID, prev.user)})
			default:
				errs = append(errs, &Error{src.Name, e.line, e.col, fmt.Sprintf("duplicate id %q (first defined at %s:%d)", e.t.ID, prev.t.File, prev.t.Line)})
			}
		}
	}
	var ts []*Treaty
	for _, id := range order {
		ts = append(ts, byID[id].t)
	}
	errs = append(errs, validateAll(ts)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return build(ts), nil
}

type parsed struct {
	t         *Treaty
	keys      []string
	line, col int
}

func parseFile(name string, data []byte) ([]parsed, []error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, []error{yamlError(name, err)}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // empty file
	}
	root := doc.Content[0]
	if root.Kind != yaml.SequenceNode {
		return nil, []error{&Error{name, root.Line, root.Column, "a registry file must be a list of entries (\"- id: …\")"}}
	}
	var out []parsed
	var errs []error
	bad := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, &Error{name, n.Line, n.Column, fmt.Sprintf(format, args...)})
	}
	for _, item := range root.Content {
		if item.Kind != yaml.MappingNode {
			bad(item, "an entry must be a mapping of keys to values")
			continue
		}
		ok := true
		seen := map[string]bool{}
		var keys []string
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, v := item.Content[i], item.Content[i+1]
			if _, known := fieldIndex[k.Value]; !known {
				bad(k, "unknown key %q (expected one of %s)", k.Value, quoteList(AllowedKeys()))
				ok = false
				continue
			}
			if seen[k.Value] {
				bad(k, "duplicate key %q", k.Value)
				ok = false
				continue
			}
			seen[k.Value] = true
			keys = append(keys, k.Value)
			if !checkKind(k.Value, v, bad) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		t := new(Treaty)
		if err := item.Decode(t); err != nil {
			bad(item, "%s", strings.TrimPrefix(err.Error(), "yaml: "))
			continue
		}
		t.File, t.Line = name, item.Line
		for _, msg := range validateEntry(t, seen) {
			bad(item, "%s", msg)
		}
		if t.ID == "" {
			continue
		}
		out = append(out, parsed{t: t, keys: keys, line: item.Line, col: item.Column})
	}
	return out, errs
}

// checkKind checks that v has the node kind its key needs.
func checkKind(key string, v *yaml.Node, bad func(*yaml.Node, string, ...any)) bool {
	switch key {
	case "aliases", "sources":
		if v.Kind != yaml.SequenceNode {
			bad(v, "%q must be a list of strings", key)
			return false
		}
		for _, s := range v.Content {
			if s.Kind != yaml.ScalarNode || strings.TrimSpace(s.Value) == "" {
				bad(s, "%q must hold non-empty strings", key)
				return false
			}
		}
	case "unts", "lnts":
		if v.Kind != yaml.SequenceNode {
			bad(v, "%q must be a list of {volume, number, page}", key)
			return false
		}
		for _, c := range v.Content {
			if c.Kind != yaml.MappingNode {
				bad(c, "each %q item must be a mapping with keys volume, number, page", key)
				return false
			}
			var vol *yaml.Node
			for i := 0; i+1 < len(c.Content); i += 2 {
				k, val := c.Content[i], c.Content[i+1]
				if !slices.Contains(citationKeys, k.Value) {
					bad(k, "unknown key %q in %s citation (expected one of %s)", k.Value, key, quoteList(citationKeys))
					return false
				}
				if val.Kind != yaml.ScalarNode {
					bad(val, "%q must be a single value", k.Value)
					return false
				}
				switch k.Value {
				case "volume":
					vol = val
					if key == "unts" && !arabicRE.MatchString(val.Value) {
						bad(val, "UNTS volume must be an arabic number, got %q", val.Value)
						return false
					}
					if key == "lnts" && !romanRE.MatchString(val.Value) && !arabicRE.MatchString(val.Value) {
						bad(val, "LNTS volume must be a roman or arabic number, got %q", val.Value)
						return false
					}
				case "number", "page":
					if !arabicRE.MatchString(val.Value) {
						bad(val, "%q must be a whole number, got %q", k.Value, val.Value)
						return false
					}
				}
			}
			if vol == nil {
				bad(c, "%s citation needs a volume", key)
				return false
			}
		}
	case "not_in_unts":
		if v.Kind != yaml.ScalarNode || (v.Value != "true" && v.Value != "false") {
			bad(v, "%q must be true or false", key)
			return false
		}
	case "cited_year":
		if v.Kind != yaml.ScalarNode || !yearRE.MatchString(v.Value) {
			bad(v, "%q must be a four-digit year", key)
			return false
		}
	default:
		if v.Kind != yaml.ScalarNode {
			bad(v, "%q must be a single value", key)
			return false
		}
		switch key {
		case "adopted", "concluded", "entry_into_force", "opened_for_signature":
			if !dateRE.MatchString(v.Value) {
				bad(v, "%q must be a date in YYYY-MM-DD form (or YYYY), got %q", key, v.Value)
				return false
			}
		}
	}
	return true
}

func validateEntry(t *Treaty, seen map[string]bool) []string {
	var msgs []string
	if !seen["id"] {
		msgs = append(msgs, `missing required key "id"`)
	} else if !idRE.MatchString(t.ID) {
		msgs = append(msgs, fmt.Sprintf("id %q must be lower case letters, digits and underscores", t.ID))
	}
	return msgs
}

// validateAll checks what spans entries: sources, links and unique titles
// and aliases. It runs after user overrides are applied.
func validateAll(ts []*Treaty) []error {
	var errs []error
	ids := map[string]bool{}
	for _, t := range ts {
		ids[t.ID] = true
	}
	names := map[string]*Treaty{}
	for _, t := range ts {
		at := func(format string, args ...any) {
			errs = append(errs, &Error{t.File, t.Line, 3, fmt.Sprintf("entry %q: ", t.ID) + fmt.Sprintf(format, args...)})
		}
		if strings.TrimSpace(t.Title) == "" {
			at(`missing required key "title"`)
		}
		if len(t.Sources) == 0 {
			at(`missing required key "sources": every fact needs a source`)
		}
		if t.TitleBase != "" && !strings.HasPrefix(t.Title, t.TitleBase) {
			at("title_base %q must be the start of title %q", t.TitleBase, t.Title)
		}
		for k, id := range map[string]string{"protocol_to": t.ProtocolTo, "amends": t.Amends, "amended_form_of": t.AmendedFormOf, "amended_by": t.AmendedBy, "supersedes": t.Supersedes, "part_of": t.PartOf} {
			if id != "" && !ids[id] {
				at("%s names %q, which is not in the registry", k, id)
			}
		}
		for _, n := range slices.Concat([]string{t.Title, t.TitleBase}, t.Aliases) {
			if n == "" {
				continue
			}
			key := NormalizeTitle(n)
			if other, ok := names[key]; ok && other != t {
				at("title or alias %q is also used by %q (%s:%d)", n, other.ID, other.File, other.Line)
				continue
			}
			names[key] = t
		}
	}
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errs
}

// NormalizeTitle folds a title for comparison: lower case, typographic
// quotes and dashes made plain, punctuation dropped, spaces collapsed.
func NormalizeTitle(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’' || r == '‘':
			continue
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && isLetter(r):
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

func isLetter(r rune) bool {
	return !strings.ContainsRune("‐‑‒–—―“”„«»·•…", r) && r != 0xa0
}

func yamlError(name string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := regexp.MustCompile(`^line (\d+): (.*)$`).FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{name, line, 1, m[2]}
	}
	return &Error{File: name, Msg: msg}
}

func quoteList(ks []string) string {
	q := make([]string, len(ks))
	for i, k := range ks {
		q[i] = strconv.Quote(k)
	}
	return strings.Join(q, ", ")
}

// LoadFS reads every *.yaml file under dir of fsys, in lexical order.
func LoadFS(fsys fs.FS, dir, prefix string) ([]Source, error) {
	var srcs []Source
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || (path.Ext(p) != ".yaml" && path.Ext(p) != ".yml") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		srcs = append(srcs, Source{Name: path.Join(prefix, p), Data: data})
		return nil
	})
	return srcs, err
}

// ReadUser reads a user registry: a YAML file, or every YAML file in a
// directory (recursively, in lexical order).
func ReadUser(p string) ([]Source, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		return []Source{{Name: filepath.ToSlash(p), Data: data, User: true}}, nil
	}
	srcs, err := LoadFS(os.DirFS(p), ".", filepath.ToSlash(p))
	for i := range srcs {
		srcs[i].User = true
	}
	return srcs, err
}
