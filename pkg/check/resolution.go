package check

import (
	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/resolution"
)

// resolutionFindings runs the resolution checks once per document; the
// four rules below each report their share.
func (c *Context) resolutionFindings() []resolution.Finding {
	if c.resDone {
		return c.resFindings
	}
	c.resDone = true
	n := 0
	for _, r := range c.Refs.References {
		if r.Resolution != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	// Pointers, not copies: a Ref is ~300 bytes, and CheckRefs only reads.
	refs := make([]*resolution.Ref, 0, n)
	for _, r := range c.Refs.References {
		if r.Resolution != nil {
			refs = append(refs, r.Resolution)
		}
	}
	meta := c.Doc.Meta()
	c.resFindings = resolution.CheckRefs(refs, c.Resolutions, resolution.Options{DocDate: meta.Date, DocOrgan: meta.Organ})
	return c.resFindings
}

// resolutionRule reports the resolution checks' findings of one rule.
type resolutionRule struct {
	id  string
	sev diag.Severity
	doc string
}

func (r resolutionRule) ID() string                     { return r.id }
func (r resolutionRule) DefaultSeverity() diag.Severity { return r.sev }
func (r resolutionRule) Doc() string                    { return r.doc }

func (r resolutionRule) Run(c *Context) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, f := range c.resolutionFindings() {
		if f.Rule != r.id {
			continue
		}
		if f.Rule == resolution.RuleFuture && heading(c, f.Start) {
			continue
		}
		d := newDiag(c, r, f.Start, f.End, f.Message)
		d.Found, d.Expected = f.Found, f.Expected
		if f.Replacement != "" {
			d.Fix = fix(c, f.Start, f.End, f.Replacement)
		}
		ds = append(ds, d)
	}
	return ds
}

var resolutionChecks = []Check{
	resolutionRule{resolution.RuleDate, diag.Error, "A resolution is cited with a date of adoption that is not the one the resolution registry records."},
	resolutionRule{resolution.RuleForm, diag.Warning, "A resolution or document symbol is in a form its organ and era never used (\"3363 (XXX)\" before the 31st session, \"31/1\" from then on, a Security Council year that does not fit the number), or a date is impossible (31 April)."},
	resolutionRule{resolution.RuleTitle, diag.Warning, "A quoted resolution title differs from the registered one beyond typography."},
	resolutionRule{resolution.RuleFuture, diag.Error, "A resolution is cited that was adopted after the document's own date."},
}

// heading reports whether the reference around offset at is a resolution's
// own heading ("Resolution 474 (1980)" at the start of a line, as texts cut
// from a yearly volume carry the next resolution's), not a citation.
func heading(c *Context, at int) bool {
	for _, r := range c.Refs.References {
		if r.Resolution == nil || at < r.Start || at >= r.End {
			continue
		}
		text := c.File.Text
		return r.Start+10 <= len(text) && string(text[r.Start:r.Start+10]) == "Resolution" && (r.Start == 0 || text[r.Start-1] == '\n')
	}
	return false
}
