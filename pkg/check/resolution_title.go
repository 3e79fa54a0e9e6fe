package check

import (
	"fmt"
	"strings"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/extract"
	"github.com/citecheck/citecheck/pkg/registry"
)

// resolutionTitle reports a quoted resolution title that is not the
// registered one.
type resolutionTitle struct{}

var _ resolutionRule = register(resolutionTitle{}).(resolutionRule)

func (resolutionTitle) ID() string                     { return "resolution-title" }
func (resolutionTitle) DefaultSeverity() diag.Severity { return diag.Warning }
func (resolutionTitle) Doc() string {
	return "A quoted resolution title differs from the registered one beyond typography."
}

func (resolutionTitle) Explain() string {
	return `A quoted title ("entitled “…”") that differs from the registered one beyond typography (quotes, dashes, punctuation, case, a leading "The").`
}

func (resolutionTitle) rank() int { return 4 }

func (ch resolutionTitle) Run(c *Context) []diag.Diagnostic { return runResolutionRule(c, ch) }

func (ch resolutionTitle) find(c *Context, r *extract.Resolution) (diag.Diagnostic, bool) {
	if r.Title == "" || !symbolChecked(r) {
		return diag.Diagnostic{}, false
	}
	var buf [4]*registry.Resolution
	es := entries(c, r, buf[:0])
	if len(es) != 1 || es[0].Title == "" || sameTitle(r.Title, es[0].Title) {
		return diag.Diagnostic{}, false
	}
	e := es[0]
	d := newDiag(c, ch, r.TitleStart, r.TitleEnd, fmt.Sprintf("title %q differs from the title of %s %s in the registry, %q", r.Title, kindWord(r), e.ShortSymbol(), e.Title))
	d.Found, d.Expected = r.Title, e.Title
	d.Fix = fix(c, r.TitleStart, r.TitleEnd, e.Title)
	return d, true
}

// sameTitle reports whether two titles differ only in typography: case,
// quotes, dashes, punctuation, white space and a leading "The".
func sameTitle(a, b string) bool {
	return strings.TrimPrefix(registry.NormalizeTitle(a), "the ") == strings.TrimPrefix(registry.NormalizeTitle(b), "the ")
}
