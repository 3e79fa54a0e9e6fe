package check

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/extract"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/resolution"
)

// What the resolution rules share: how they rank, the words of their
// messages, and the two questions several of them ask, whether a stated
// date is one the symbol allows and which registry entries a reference
// names. Each rule is a file of its own (resolution_*.go).

// resolutionRule is a rule about references to resolutions, decisions and
// document symbols. A reference gets at most one finding from all of
// them, so that two messages about one citation can never contradict each
// other ("434 was adopted in 1978, not 1973" beside "434 (1973) was
// adopted in 1973, not on 18 September 1978"): the rules are ranked, and
// a rule reports a reference only when no rule ranked before it has a
// finding on it, whether or not that rule is enabled. The ranks:
// resolution-form (the symbol itself, or an impossible date), then
// resolution-date, resolution-future, resolution-title.
type resolutionRule interface {
	Check
	// rank orders the rules: the lower claims a reference first.
	rank() int
	// find returns the rule's finding on r, if it has one.
	find(c *Context, r *extract.Resolution) (diag.Diagnostic, bool)
}

// rankedResolutionRules returns the registered resolution rules in rank
// order.
var rankedResolutionRules = sync.OnceValue(func() []resolutionRule {
	var rs []resolutionRule
	for _, ch := range registered {
		if r, ok := ch.(resolutionRule); ok {
			rs = append(rs, r)
		}
	}
	slices.SortFunc(rs, func(a, b resolutionRule) int { return a.rank() - b.rank() })
	return rs
})

// runResolutionRule is the Run of every resolution rule: its findings on
// the references no rule ranked before it claims.
func runResolutionRule(c *Context, rule resolutionRule) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, r := range c.Refs.Resolutions {
		d, ok := rule.find(c, r)
		if ok && !claimedBefore(c, r, rule.rank()) {
			ds = append(ds, d)
		}
	}
	return ds
}

// claimedBefore reports whether a rule ranked before rank has a finding
// on r. It runs only for a reference with a finding, which is rare.
func claimedBefore(c *Context, r *extract.Resolution, rank int) bool {
	for _, o := range rankedResolutionRules() {
		if o.rank() >= rank {
			return false
		}
		if _, ok := o.find(c, r); ok {
			return true
		}
	}
	return false
}

// kindWord returns "resolution" or "decision".
func kindWord(r *extract.Resolution) string {
	if r.Kind == extract.KindDecision {
		return "decision"
	}
	return "resolution"
}

// display names a reference in messages: "resolution 64/182".
func display(r *extract.Resolution) string { return kindWord(r) + " " + r.Canonical }

// symbolChecked reports whether r is a resolution or decision the rules
// compare with the registry and the numbering rules: every reference with
// a resolution symbol, including document symbols such as "A/RES/64/182".
func symbolChecked(r *extract.Resolution) bool { return r.Form != resolution.FormNone }

// dateAgainstSymbol returns why r's stated date cannot be right for its
// symbol (a Security Council resolution's year, a General Assembly
// session's years), or "". It judges only a possible date.
func dateAgainstSymbol(r *extract.Resolution) string {
	year := resolution.Atoi(r.Date[:4])
	switch r.Form {
	case resolution.FormSecurityCouncil:
		if year != r.Year && r.Organ == "SC" {
			return fmt.Sprintf("%s was adopted in %d, as its symbol says, not on %s", display(r), r.Year, resolution.FormatDate(r.Date))
		}
	case resolution.FormNumberYear:
		// The FAO Conference's "7/2025": read so only when it is named.
		if year != r.Year {
			return fmt.Sprintf("%s of the %s was adopted in %d, as its symbol says, not on %s", display(r), resolution.OrganName(r.Organ), r.Year, resolution.FormatDate(r.Date))
		}
	case resolution.FormDotted, resolution.FormAgency:
		if sy, ok := sessionYear(r); ok && year != sy {
			return fmt.Sprintf("%s belongs to session %d of the %s, held in %d, so it cannot be dated %s", display(r), r.SessionNum, resolution.OrganName(r.Organ), sy, resolution.FormatDate(r.Date))
		}
	case resolution.FormYear:
		if year != r.Year && year != r.Year-1 && r.Certainty != resolution.Unknown {
			return fmt.Sprintf("%s was adopted in %d, as its symbol says, not on %s", display(r), r.Year, resolution.FormatDate(r.Date))
		}
	case resolution.FormSession, resolution.FormRoman:
		if r.Organ != "GA" || r.Certainty != resolution.Sure {
			break
		}
		if n := r.SessionNum; n > 0 && !strings.Contains(r.Session, "S-") {
			if lo, hi := resolution.SessionYears(n); year < lo || year > hi {
				return fmt.Sprintf("%s belongs to the General Assembly's session %s (%d–%d), so it cannot be dated %s", display(r), r.Session, lo, hi, resolution.FormatDate(r.Date))
			}
		}
	}
	return ""
}

// sessionYear returns the year of the session a World Health Assembly or
// IAEA General Conference symbol bears, when the organ is sure.
func sessionYear(r *extract.Resolution) (int, bool) {
	if r.Certainty != resolution.Sure {
		return 0, false
	}
	return resolution.AnnualSessionYear(r.Organ, r.SessionNum)
}

// dateOK reports whether r states a date that is possible and that its
// symbol allows: the date the registry and the document's date are
// compared with.
func dateOK(r *extract.Resolution) bool {
	return r.Date != "" && resolution.DateProblem(r.Date) == "" && dateAgainstSymbol(r) == ""
}

// entries returns the registry entries r names, appended to es (a buffer
// of the caller's), or none when the organ is not sure enough to compare
// facts: a guessed organ only when the stated date fits it.
func entries(c *Context, r *extract.Resolution, es []*registry.Resolution) []*registry.Resolution {
	if c.Registry == nil || !symbolChecked(r) || r.Certainty == resolution.Unknown {
		return es
	}
	pre, ok := resolution.Prefix(r.Organ, r.Kind)
	if !ok {
		return es // the organ has no symbols of this kind
	}
	if r.Certainty == resolution.Guess && !guessFits(c, r) {
		return es
	}
	var buf [64]byte
	if len(r.Letters) <= 1 {
		if e, ok := c.Registry.LookupSymbolBytes(r.AppendCanonical(append(buf[:0], pre...))); ok {
			es = append(es, e)
		}
		return es
	}
	for k := range r.Letters {
		if e, ok := c.Registry.LookupSymbolBytes(r.AppendLetter(append(buf[:0], pre...), k)); ok {
			es = append(es, e)
		}
	}
	return es
}

// guessFits reports whether a guessed organ is borne out by the stated
// date: a "resolution 52/1 of 16 March 2009" cannot be the General
// Assembly's (session 52 met in 1997–1998) and is left alone.
func guessFits(c *Context, r *extract.Resolution) bool {
	if !dateOK(r) {
		return false
	}
	year := resolution.Atoi(r.Date[:4])
	switch r.Form {
	case resolution.FormSession, resolution.FormRoman:
		if r.Organ != "GA" || r.SessionNum <= 0 {
			return false
		}
		lo, hi := resolution.SessionYears(r.SessionNum)
		return year >= lo && year <= hi
	case resolution.FormSpecial:
		for _, y := range c.Registry.SpecialSessionYears(r.Session) {
			if year >= y-1 && year <= y+1 {
				return true
			}
		}
		return false
	case resolution.FormYear:
		return year == r.Year || year == r.Year-1
	}
	return false
}

// heading reports whether the reference around offset at is a resolution's
// own heading ("Resolution 474 (1980)" at the start of a line, as texts cut
// from a yearly volume carry the next resolution's), not a citation.
func heading(c *Context, at int) bool {
	for _, r := range c.Refs.Resolutions {
		if at < r.Start || at >= r.End {
			continue
		}
		text := c.File.Text
		return r.Start+10 <= len(text) && string(text[r.Start:r.Start+10]) == "Resolution" && (r.Start == 0 || text[r.Start-1] == '\n')
	}
	return false
}
