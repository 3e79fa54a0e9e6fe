package check

import (
	"fmt"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/extract"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/resolution"
)

// resolutionFuture reports a resolution adopted after the document that
// cites it: by its stated date, its registered date, or the year or
// session its symbol bears.
type resolutionFuture struct{}

var _ resolutionRule = register(resolutionFuture{}).(resolutionRule)

func (resolutionFuture) ID() string                     { return "resolution-future" }
func (resolutionFuture) DefaultSeverity() diag.Severity { return diag.Error }
func (resolutionFuture) Doc() string {
	return "A resolution is cited that was adopted after the document's own date."
}

func (resolutionFuture) Explain() string {
	return `A resolution adopted after the document's own date (taken from its front matter, its symbol and "Distr." block, or its heading).`
}

func (resolutionFuture) rank() int { return 3 }

func (ch resolutionFuture) Run(c *Context) []diag.Diagnostic {
	if !resolution.ValidDate(c.Refs.Meta.Date) {
		return nil // no date to compare with
	}
	return runResolutionRule(c, ch)
}

func (ch resolutionFuture) find(c *Context, r *extract.Resolution) (diag.Diagnostic, bool) {
	doc := c.Refs.Meta.Date
	if !symbolChecked(r) || !resolution.ValidDate(doc) {
		return diag.Diagnostic{}, false
	}
	f, ok := ch.future(c, r, doc)
	if !ok || heading(c, f.start) {
		return diag.Diagnostic{}, false
	}
	return newDiagFound(c, ch, f), true
}

// finding is a finding's span and words before it becomes a Diagnostic.
type finding struct {
	start, end int
	msg, found string
}

// newDiagFound makes the Diagnostic of f.
func newDiagFound(c *Context, ch Check, f finding) diag.Diagnostic {
	d := newDiag(c, ch, f.start, f.end, f.msg)
	d.Found = f.found
	return d
}

// future returns the finding of r if it postdates doc.
func (resolutionFuture) future(c *Context, r *extract.Resolution, doc string) (finding, bool) {
	dated := dateOK(r)
	if dated && r.Date > doc {
		return finding{r.DateStart, r.DateEnd, fmt.Sprintf("%s is dated %s, after this document's date, %s", display(r), resolution.FormatDate(r.Date), resolution.FormatDate(doc)), r.DateText}, true
	}
	var buf [4]*registry.Resolution
	for _, e := range entries(c, r, buf[:0]) {
		if e.Date > doc {
			return finding{r.NumStart, r.NumEnd, fmt.Sprintf("%s was adopted on %s (registry), after this document's date, %s", display(r), resolution.FormatDate(e.Date), resolution.FormatDate(doc)), r.Canonical}, true
		}
	}
	if r.Certainty != resolution.Sure {
		return finding{}, false
	}
	switch r.Form {
	case resolution.FormDotted, resolution.FormAgency:
		if sy, ok := sessionYear(r); ok && sy > resolution.Atoi(doc[:4]) {
			return finding{r.NumStart, r.NumEnd, fmt.Sprintf("%s belongs to session %d of the %s, held in %d, after this document's date, %s", display(r), r.SessionNum, resolution.OrganName(r.Organ), sy, resolution.FormatDate(doc)), r.Canonical}, true
		}
	case resolution.FormSecurityCouncil, resolution.FormYear, resolution.FormNumberYear:
		limit := resolution.Atoi(doc[:4])
		if r.Form == resolution.FormYear {
			// Year-numbered sessions (the Economic and Social Council's
			// "2026 session") open in the year before: resolution 2026/2
			// of 19 September 2025 is right.
			limit++
		}
		if r.Year > limit {
			return finding{r.NumStart, r.NumEnd, fmt.Sprintf("%s bears the year %d, after this document's date, %s", display(r), r.Year, resolution.FormatDate(doc)), r.Canonical}, true
		}
	case resolution.FormSession:
		if r.Organ != "GA" {
			break
		}
		n := r.SessionNum
		var ob [10]byte // the date compared on the stack, not a string per reference
		if open := resolution.AppendISODate(ob[:0], 1945+n, 9, 1); string(open) > doc {
			return finding{r.NumStart, r.NumEnd, fmt.Sprintf("%s belongs to session %d of the General Assembly, which opens in September %d, after this document's date, %s", display(r), n, 1945+n, resolution.FormatDate(doc)), r.Canonical}, true
		}
	}
	return finding{}, false
}
