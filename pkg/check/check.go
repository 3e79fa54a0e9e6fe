// Package check holds citecheck's rules. Each rule is a stateless Check
// that inspects one document's extracted references and reports findings;
// one slice of checks serves every worker.
package check

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/extract"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/source"
)

// Context is what a check sees of one document.
type Context struct {
	File *source.File
	Doc  *document.Document
	Refs *extract.Result
	// Registry holds the treaties, resolutions and decisions the checks
	// compare with.
	Registry *registry.Registry
	// Manual is the Editorial Manual convention: "current" (or "") or
	// "legacy".
	Manual string
}

// Check is one rule.
type Check interface {
	// ID is the stable, kebab-case rule ID users name in configuration.
	ID() string
	// Doc says in one sentence what the rule reports.
	Doc() string
	// Explain says in a paragraph what the rule reports, what it accepts
	// and what to do about a finding ('citecheck explain RULE'; the
	// README's rule table is made from it). Markdown: *italics* and
	// `code` only.
	Explain() string
	DefaultSeverity() diag.Severity
	Run(c *Context) []diag.Diagnostic
}

// OptIn is implemented by checks that report nothing unless the
// configuration sets a level for them.
type OptIn interface {
	OptIn()
}

// IsOptIn reports whether c is an opt-in check.
func IsOptIn(c Check) bool {
	_, ok := c.(OptIn)
	return ok
}

// registered holds every check, each added by the file that defines it
// (var _ = register(ruleType{})): adding a rule is adding a file.
var registered []Check

// register adds ch to the checks All returns, and returns it.
func register(ch Check) Check {
	registered = append(registered, ch)
	return ch
}

// All returns every check, sorted by ID.
func All() []Check {
	cs := slices.Clone(registered)
	slices.SortFunc(cs, func(a, b Check) int { return strings.Compare(a.ID(), b.ID()) })
	return cs
}

// Run runs checks over c and returns their findings, sorted.
func Run(c *Context, checks []Check) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, ch := range checks {
		ds = append(ds, ch.Run(c)...)
	}
	for i := range ds {
		ds[i].Path = c.File.Path
	}
	return diag.Sort(ds)
}

// newDiag makes a finding over the source bytes [start, end).
func newDiag(c *Context, ch Check, start, end int, msg string) diag.Diagnostic {
	return diag.Diagnostic{
		Path:     c.File.Path,
		Span:     c.File.Span(start, end),
		Rule:     ch.ID(),
		Severity: ch.DefaultSeverity(),
		Message:  msg,
	}
}

func fix(c *Context, start, end int, repl string) *diag.Fix {
	return &diag.Fix{Span: c.File.Span(start, end), Replacement: repl}
}

// name is how messages call a treaty: its title without a year suffix,
// with "as amended" for the amended form of another entry.
func name(reg *registry.Registry, t *registry.Treaty) string {
	if base, ok := reg.Lookup(t.AmendedFormOf); ok {
		return "the " + base.MatchTitle() + " (as amended)"
	}
	n := t.MatchTitle()
	if strings.HasPrefix(n, "the ") || strings.HasPrefix(n, "The ") {
		return n
	}
	return "the " + n
}

// citeOf renders a treaty's first UNTS citation: "vol. 976, No. 14152".
func citeOf(t *registry.Treaty) string {
	if len(t.UNTS) > 0 {
		// A collection registered under several numbers in one volume:
		// "vol. 75, Nos. 970, 971, 972 and 973", not the first alone.
		if nums := ownNumbers(t, t.UNTS[0].Volume); len(nums) > 1 {
			return "vol. " + t.UNTS[0].Volume + ", Nos. " + andList(nums)
		}
		return t.UNTS[0].String()
	}
	if len(t.LNTS) > 0 {
		return "LNTS " + t.LNTS[0].String()
	}
	return ""
}

// pairText renders a citation's pair as "vol. 977, No. 14152".
func pairText(p extract.Pair) string {
	s := "vol. " + p.Volume.Value
	if p.Number.Value != "" {
		s += ", No. " + p.Number.Value
	}
	return s
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// longDate renders "1961-03-30" as "30 March 1961" (and "1961" as is).
func longDate(d string) string {
	if len(d) != 10 {
		return d
	}
	var y, m, day int
	if iso, ok := isoDigits(d); ok {
		// The registry's shape, YYYY-MM-DD, read without fmt (a message
		// per finding).
		y, m, day = iso[0], iso[1], iso[2]
	} else if _, err := fmt.Sscanf(d, "%d-%d-%d", &y, &m, &day); err != nil {
		return d
	}
	if m < 1 || m > 12 {
		return d
	}
	return strconv.Itoa(day) + " " + monthNames[m-1] + " " + strconv.Itoa(y)
}

// isoDigits reads "YYYY-MM-DD" made only of ASCII digits and dashes.
func isoDigits(d string) ([3]int, bool) {
	var v [3]int
	if len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return v, false
	}
	for k, part := range [3]string{d[:4], d[5:7], d[8:]} {
		for i := 0; i < len(part); i++ {
			c := part[i]
			if c < '0' || c > '9' {
				return v, false
			}
			v[k] = v[k]*10 + int(c-'0')
		}
	}
	return v, true
}
