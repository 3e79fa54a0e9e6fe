package check

import (
	"fmt"
	"strings"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/extract"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/resolution"
)

// resolutionDate reports a resolution cited with a date its symbol rules
// out or that is not the registry's.
type resolutionDate struct{}

var _ resolutionRule = register(resolutionDate{}).(resolutionRule)

func (resolutionDate) ID() string                     { return "resolution-date" }
func (resolutionDate) DefaultSeverity() diag.Severity { return diag.Error }
func (resolutionDate) Doc() string {
	return "A resolution is cited with a date of adoption that is not the one the resolution registry records."
}

func (resolutionDate) Explain() string {
	return `A resolution cited with a date of adoption that is not the one the resolution registry records ("resolution 70/202 of 22 December 2025": it is of 22 December 2015), or that its symbol rules out (a Security Council year, a General Assembly session, the year of an FAO Conference "7/2025", the session of the World Health Assembly or IAEA General Conference). A reference gets at most one finding: where its number and date agree, the symbol is reported (` + "`resolution-form`" + `), not the date. Where the registry has the date from one citing text only (not the resolution itself or a record of it), the finding is a warning that names that text, with no fix. Parts of one resolution cited with one date ("resolutions 72/266 A and B of 5 July 2018") pass where the date is one part's; against parts of different dates the finding names each, with no fix; where the registry lacks a part the text cites, it is a warning.`
}

func (resolutionDate) rank() int { return 2 }

func (ch resolutionDate) Run(c *Context) []diag.Diagnostic { return runResolutionRule(c, ch) }

func (ch resolutionDate) find(c *Context, r *extract.Resolution) (diag.Diagnostic, bool) {
	if !symbolChecked(r) || r.Date == "" || resolution.DateProblem(r.Date) != "" {
		return diag.Diagnostic{}, false // no date, or an impossible one (resolution-form)
	}
	if msg := dateAgainstSymbol(r); msg != "" {
		d := newDiag(c, ch, r.DateStart, r.DateEnd, msg)
		d.Found = r.DateText
		return d, true
	}
	var buf [4]*registry.Resolution
	es := entries(c, r, buf[:0])
	if len(es) > 1 {
		// "resolutions 72/266 A and B of 5 July 2018": the parts of one
		// resolution adopted on different days, cited with one date. UN
		// texts give the date of one part, usually the last ("75/290 A and
		// B of 25 June 2021", A/C.2/80/L.61, where A is of 25 March): that
		// is no error. Only a date that is none of the parts' is.
		for _, e := range es {
			if e.Date == r.Date {
				return diag.Diagnostic{}, false
			}
		}
	}
	for _, e := range es {
		if e.Date != r.Date {
			d := ch.registryDate(c, r, e)
			if o := otherPartDates(es, e); o != "" && d.Severity != diag.Warning {
				// Either part's date would be right: which one the
				// text meant it does not say, so no fix, and the
				// message gives each.
				d.Message += "; " + o
				d.Expected, d.Fix = "", nil
			}
			if len(r.Letters) > len(es) && d.Severity == diag.Error {
				// "72/262 A and B of 5 July 2018" where the registry
				// has A only: the date may be the part it lacks.
				d.Severity = diag.Warning
				d.Message += "; the registry lacks a part the text cites, whose date it may be"
				d.Expected, d.Fix = "", nil
			}
			return d, true
		}
	}
	return diag.Diagnostic{}, false
}

// otherPartDates writes the dates of the parts es other than e that are
// not e's ("72/266 B is dated 5 July 2018"), or "".
func otherPartDates(es []*registry.Resolution, e *registry.Resolution) string {
	var parts []string
	for _, o := range es {
		if o != e && o.Date != e.Date {
			parts = append(parts, o.ShortSymbol()+" is dated "+resolution.FormatDate(o.Date))
		}
	}
	return strings.Join(parts, ", ")
}

// registryDate reports r's date, which is not e's.
func (ch resolutionDate) registryDate(c *Context, r *extract.Resolution, e *registry.Resolution) diag.Diagnostic {
	want := resolution.FormatDate(e.Date)
	d := newDiag(c, ch, r.DateStart, r.DateEnd, fmt.Sprintf("%s %s is dated %s in the registry, not %s", kindWord(r), e.ShortSymbol(), want, resolution.FormatDate(r.Date)))
	d.Found, d.Expected = r.DateText, want
	if src := e.OneCitingText(); src != "" {
		// One other text's word against this one's: worth a look, not
		// an error, and no fix (that text may be the wrong one).
		d.Severity = diag.Warning
		d.Message += "; only one UN text gives that date (" + src + "): check it against the resolution"
		return d
	}
	switch {
	case r.DateText == resolution.FormatDate(r.Date):
		d.Fix = fix(c, r.DateStart, r.DateEnd, want)
	case e.Date[:8] == r.Date[:8] && allDigits(r.DateText):
		// "of 4 and 14 July 1967": only the day is written
		d.Fix = fix(c, r.DateStart, r.DateEnd, strings.TrimLeft(e.Date[8:], "0"))
	}
	return d
}
