// Package config reads a project's .citecheck.yaml: which rules run and how
// severe they are, extra registry files, which files to check, and
// per-path overrides. Errors name file:line:col and the allowed values.
package config

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v4"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/yamlnode"
)

// FileName is the configuration file citecheck looks for.
const FileName = ".citecheck.yaml"

// Level is a rule's configured level: a severity, or Off.
type Level struct {
	Off      bool
	Severity diag.Severity
}

// Override applies rule levels to the files matching its globs.
type Override struct {
	Files []string
	Rules map[string]Level
}

// Config is a parsed configuration file.
type Config struct {
	// Path is the file it was read from ("" for the default).
	Path string
	// Dir is the directory relative paths and globs are relative to.
	Dir string
	// Rules sets rule levels for every file.
	Rules map[string]Level
	// Registry lists extra registry files or folders (relative to Dir).
	Registry []string
	// Include and Exclude filter the files a folder walk picks up (globs
	// relative to Dir, "**" for any depth). Files named on the command
	// line are always checked unless excluded.
	Include, Exclude []string
	// FailOn is the severity that makes the exit status 1 ("" = default).
	FailOn string
	// EditorialManual is the convention checked where the UN Editorial
	// Manual's rules changed: "current" (the default) or "legacy".
	EditorialManual string
	// Overrides apply in order; a later one wins.
	Overrides []Override
}

// Find looks for FileName in dir and its parents; "" if there is none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Load reads and validates a configuration file. rules lists the rule IDs
// that exist, to reject unknown ones.
func Load(file string, rules []string) (*Config, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return Parse(file, data, rules)
}

var topKeys = []string{"editorial-manual", "exclude", "fail-on", "include", "overrides", "registry", "rules"}

// Manuals are the values of editorial-manual.
var Manuals = []string{"current", "legacy"}

// Parse parses configuration text; name is used in error messages and to
// resolve relative paths. Every problem found is returned, joined, each a
// *yamlnode.Error.
func Parse(name string, data []byte, rules []string) (*Config, error) {
	c := &Config{Path: name, Dir: filepath.Dir(name), Rules: map[string]Level{}}
	p := &parser{file: name, rules: rules}
	root, err := yamlnode.Parse(name, data)
	if err != nil {
		return nil, err
	}
	if root == nil {
		return c, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, yamlnode.At(name, root, "the configuration must be a mapping of keys to values")
	}
	p.mapping(root, topKeys, func(k string, v *yaml.Node) {
		switch k {
		case "rules":
			c.Rules = p.levels(v)
		case "registry":
			c.Registry = p.strings(v)
		case "include":
			c.Include = p.globs(v)
		case "exclude":
			c.Exclude = p.globs(v)
		case "editorial-manual":
			m := p.scalar(v)
			if m != "" && !slices.Contains(Manuals, m) {
				p.errorf(v, "invalid editorial-manual %q (expected one of %s)", m, quote(Manuals))
			}
			c.EditorialManual = m
		case "fail-on":
			s := p.scalar(v)
			if s != "" && !slices.Contains([]string{"error", "warning", "info", "never"}, s) {
				p.errorf(v, "invalid fail-on %q (expected one of \"error\", \"info\", \"never\", \"warning\")", s)
			}
			c.FailOn = s
		case "overrides":
			if v.Kind != yaml.SequenceNode {
				p.errorf(v, "\"overrides\" must be a list of {files, rules}")
				return
			}
			for _, item := range v.Content {
				var o Override
				if item.Kind != yaml.MappingNode {
					p.errorf(item, "each override must be a mapping with keys \"files\" and \"rules\"")
					continue
				}
				p.mapping(item, []string{"files", "rules"}, func(k string, v *yaml.Node) {
					if k == "files" {
						o.Files = p.globs(v)
					} else {
						o.Rules = p.levels(v)
					}
				})
				if len(o.Files) == 0 {
					p.errorf(item, "an override needs \"files\": a list of globs")
				}
				c.Overrides = append(c.Overrides, o)
			}
		}
	})
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return c, nil
}

type parser struct {
	file  string
	rules []string
	errs  []error
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, yamlnode.At(p.file, n, format, args...))
}

func (p *parser) mapping(n *yaml.Node, allowed []string, f func(string, *yaml.Node)) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(allowed, k.Value) {
			p.errorf(k, "unknown key %q (expected one of %s)", k.Value, quote(allowed))
			continue
		}
		if seen[k.Value] {
			p.errorf(k, "duplicate key %q", k.Value)
			continue
		}
		seen[k.Value] = true
		f(k.Value, v)
	}
}

func (p *parser) scalar(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, "expected a single value")
		return ""
	}
	return n.Value
}

func (p *parser) strings(n *yaml.Node) []string {
	if n.Kind == yaml.ScalarNode {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "expected a list of strings")
		return nil
	}
	var out []string
	for _, s := range n.Content {
		if s.Kind != yaml.ScalarNode || s.Value == "" {
			p.errorf(s, "expected a non-empty string")
			continue
		}
		out = append(out, s.Value)
	}
	return out
}

func (p *parser) globs(n *yaml.Node) []string {
	gs := p.strings(n)
	for i, g := range gs {
		if !doublestar.ValidatePattern(g) {
			p.errorf(n, "invalid glob %q", g)
		}
		gs[i] = path.Clean(filepath.ToSlash(g))
	}
	return gs
}

var levelNames = []string{"error", "info", "off", "warning"}

func (p *parser) levels(n *yaml.Node) map[string]Level {
	m := map[string]Level{}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "\"rules\" must map rule IDs to levels (%s)", quote(levelNames))
		return m
	}
	first := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(p.rules, k.Value) {
			p.errorf(k, "unknown rule %q (expected one of %s)", k.Value, quote(p.rules))
			continue
		}
		if f := first[k.Value]; f != nil {
			// Not "last wins": two levels for one rule is a mistake.
			p.errorf(k, "rule %q is set twice (first at line %d)", k.Value, f.Line)
			continue
		}
		first[k.Value] = k
		if v.Kind != yaml.ScalarNode {
			p.errorf(v, "the level of %q must be one of %s", k.Value, quote(levelNames))
			continue
		}
		switch v.Value {
		case "off", "false":
			m[k.Value] = Level{Off: true}
		default:
			sev, err := diag.ParseSeverity(v.Value)
			if err != nil {
				p.errorf(v, "invalid level %q for %q (expected one of %s)", v.Value, k.Value, quote(levelNames))
				continue
			}
			m[k.Value] = Level{Severity: sev}
		}
	}
	return m
}

func quote(ks []string) string { return yamlnode.Quote(ks) }

// Covers reports whether p lies in c's folder (Dir), where its globs
// (include, exclude, overrides) apply.
func (c *Config) Covers(p string) bool {
	_, ok := c.rel(p)
	return ok
}

// HasGlobs reports whether c sets include, overrides, or an exclude other
// than the one citecheck init writes ("**/node_modules/**", which a file
// of drafts outside the folder is not in anyway).
func (c *Config) HasGlobs() bool {
	return len(c.Include)+len(c.Overrides) > 0 || slices.ContainsFunc(c.Exclude, func(g string) bool { return g != "**/node_modules/**" })
}

// rel returns path relative to the config's directory, slash-separated, or
// false when it lies outside it.
func (c *Config) rel(p string) (string, bool) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", false
	}
	dir, err := filepath.Abs(c.Dir)
	if err != nil {
		return "", false
	}
	r, err := filepath.Rel(dir, abs)
	if err != nil || strings.HasPrefix(r, "..") {
		return "", false
	}
	return filepath.ToSlash(r), true
}

func matchAny(globs []string, p string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, p); ok {
			return true
		}
		// A pattern naming a folder matches everything inside it.
		if ok, _ := doublestar.Match(g+"/**", p); ok {
			return true
		}
	}
	return false
}

// Excluded reports whether the file at path p is excluded.
func (c *Config) Excluded(p string) bool {
	r, ok := c.rel(p)
	return ok && matchAny(c.Exclude, r)
}

// Included reports whether a file found by walking a folder is checked:
// it matches Include (when set) and not Exclude.
func (c *Config) Included(p string) bool {
	r, ok := c.rel(p)
	if !ok {
		return true
	}
	if matchAny(c.Exclude, r) {
		return false
	}
	return len(c.Include) == 0 || matchAny(c.Include, r)
}

// LevelFor returns the level of a rule for the file at p, and whether the
// configuration sets one.
func (c *Config) LevelFor(rule, p string) (Level, bool) {
	l, ok := c.Rules[rule]
	r, in := c.rel(p)
	for _, o := range c.Overrides {
		if in && matchAny(o.Files, r) {
			if ol, set := o.Rules[rule]; set {
				l, ok = ol, true
			}
		}
	}
	return l, ok
}

// Default is the configuration `citecheck init` writes.
const Default = `# citecheck configuration: https://github.com/citecheck/citecheck#configuration
# citecheck looks for this file in the working directory and its parents.

# Rule levels: error, warning, info, or off. Unlisted rules keep their default.
rules:
  treaty-year: error        # a registered treaty cited with a year not its own
  unts-citation: error      # a Treaty Series citation that contradicts the registry or the text
  year-inconsistent: warning
  ibid-unresolved: warning
  resolution-date: error    # a resolution cited with a date not its own
  resolution-future: error  # a resolution adopted after the document's date
  resolution-form: warning  # a symbol in a form its organ and era never used
  resolution-title: warning # a quoted title that is not the registered one
  suppression: warning      # a suppression comment without reason, or unused
  footnote-repeated: warning # a footnote indicator used twice (current manual only)

# The exit status is 1 when a finding is at least this severe (error, warning, info, never).
fail-on: error

# Which UN Editorial Manual convention to check where its rules changed:
# current (footnote indicators are not repeated in resolutions; a reference
# repeated gets a new footnote with the same text) or legacy (older
# documents, which repeat indicators).
editorial-manual: current

# Extra registry files or folders, relative to this file (add or override treaties).
# registry:
#   - citecheck/treaties.yaml

# Which files a folder walk checks (globs relative to this file; ** = any depth).
# include: ["**/*.txt", "**/*.md", "**/*.docx"]
exclude:
  - "**/node_modules/**"

# Rule levels for some paths only; later overrides win.
# overrides:
#   - files: ["archive/**"]
#     rules:
#       year-inconsistent: off
`
