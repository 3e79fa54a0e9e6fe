package check

import (
	"fmt"
	"strings"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/extract"
	"github.com/citecheck/citecheck/pkg/resolution"
)

// resolutionForm reports a symbol in a form its organ never used in that
// era, a symbol whose number does not fit the organ's numbering, an
// impossible date, and a malformed document symbol.
type resolutionForm struct{}

var _ resolutionRule = register(resolutionForm{}).(resolutionRule)

func (resolutionForm) ID() string                     { return "resolution-form" }
func (resolutionForm) DefaultSeverity() diag.Severity { return diag.Warning }
func (resolutionForm) Doc() string {
	return "A resolution or document symbol is in a form its organ and era never used (\"3363 (XXX)\" before the 31st session, \"31/1\" from then on, a Security Council year that does not fit the number), or a date is impossible (31 April)."
}

func (resolutionForm) Explain() string {
	return "A symbol in a form its organ and era never used: General Assembly `NNNN (XXX)` only before the thirty-first session and `31/1` from then on, special sessions `S-n/m`, a Security Council year that does not fit the number (\"434 (1973)\"), an impossible date (31 April), a malformed document symbol."
}

func (resolutionForm) rank() int { return 1 }

func (ch resolutionForm) Run(c *Context) []diag.Diagnostic { return runResolutionRule(c, ch) }

func (ch resolutionForm) find(c *Context, r *extract.Resolution) (diag.Diagnostic, bool) {
	if r.Kind == extract.KindSymbol {
		if d, ok := ch.docSymbol(c, r); ok {
			return d, true
		}
	}
	if !symbolChecked(r) {
		return diag.Diagnostic{}, false
	}
	if d, ok := ch.symbol(c, r); ok {
		return d, true
	}
	if r.Date != "" {
		if p := resolution.DateProblem(r.Date); p != "" {
			d := newDiag(c, ch, r.DateStart, r.DateEnd, fmt.Sprintf("impossible date %q: %s", r.DateText, p))
			d.Found = r.DateText
			return d, true
		}
	}
	return diag.Diagnostic{}, false
}

// symbol checks the form of r's symbol against its organ and era.
func (ch resolutionForm) symbol(c *Context, r *extract.Resolution) (diag.Diagnostic, bool) {
	sym := func(format string, args ...any) (diag.Diagnostic, bool) {
		d := newDiag(c, ch, r.NumStart, r.NumEnd, fmt.Sprintf(format, args...))
		d.Found = r.Canonical
		return d, true
	}
	sure := r.Certainty == resolution.Sure
	organ, kind := r.Organ, kindWord(r)
	// "its resolution 87 (LIX)" in a General Assembly text: the Assembly's,
	// unless the clause names another body.
	ga := organ == "GA" && (sure || r.OrganName == "" && c.Refs.Meta.Organ == "GA")
	switch form := r.Form; {
	case sure && organ == "GA" && form == resolution.FormSession:
		// Not for guesses: commissions, conferences of parties and the
		// Human Rights Council number "27/3" too.
		if r.SessionNum < 31 {
			return sym("%s %q uses the session/number form, which the General Assembly used only from its thirty-first session (1976); earlier resolutions read like \"2200 A (XXI)\"", kind, r.Canonical)
		}
	case sure && organ == "GA" && form == resolution.FormSecurityCouncil:
		return sym("%s %q has the form of a Security Council symbol; General Assembly resolutions carry the session, not the year", kind, r.Canonical)
	case sure && organ == "SC" && form != resolution.FormSecurityCouncil:
		return sym("%s %q is not in the Security Council's form, which reads like \"1325 (2000)\"", kind, r.Canonical)
	case sure && organ == "ECOSOC" && form == resolution.FormYear && r.Year < 1978:
		if sessionAfter(c.File.Text, r.NumEnd) {
			// "E/RES/1971/1577(L)": how the Official Document System
			// files an older resolution, its session after it.
			return diag.Diagnostic{}, false
		}
		return sym("the Economic and Social Council numbered its resolutions by year only from 1978; %q is earlier", r.Canonical)
	case sure && organ == "ECOSOC" && form == resolution.FormSession:
		return sym("%s %q is not in the Economic and Social Council's form, which reads like \"2009/23\"", kind, r.Canonical)
	case ga && form == resolution.FormRoman:
		if msg := ch.assemblyRoman(c, r); msg != "" {
			return sym("%s", msg)
		}
	case form == resolution.FormSpecial && strings.HasPrefix(r.Session, "ES-"):
		if r.SessionNum < 6 {
			return sym("%s %q: resolutions of the first five emergency special sessions read like \"2253 (ES-V)\"", kind, r.Canonical)
		}
	case form == resolution.FormSpecial && sure && organ == "GA":
		if r.SessionNum < 8 {
			return sym("%s %q: the General Assembly numbered resolutions of its first seven special sessions like \"3362 (S-VII)\"; the S-n/m form starts with the eighth", kind, r.Canonical)
		}
	case form == resolution.FormSecurityCouncil && organ == "SC":
		return ch.securityCouncilNumber(c, r)
	}
	return diag.Diagnostic{}, false
}

// assemblyRoman checks a General Assembly "NNNN (XXI)" symbol: the era of
// its form, and its number against the registered numbering.
func (resolutionForm) assemblyRoman(c *Context, r *extract.Resolution) string {
	n := r.SessionNum
	if n <= 0 {
		return ""
	}
	kind := kindWord(r)
	switch {
	case strings.HasPrefix(r.Session, "ES-"):
		if n >= 6 {
			return fmt.Sprintf("%s %q: from the sixth emergency special session the General Assembly numbers resolutions like \"ES-%d/1\"", kind, r.Canonical, n)
		}
		return ""
	case strings.HasPrefix(r.Session, "S-"):
		if n >= 8 {
			return fmt.Sprintf("%s %q: from the eighth special session the General Assembly numbers resolutions like \"S-%d/1\"", kind, r.Canonical, n)
		}
		return ""
	case n > 30:
		return fmt.Sprintf("%s %q: the General Assembly numbered resolutions \"NNNN (XXX)\" only up to its thirtieth session (1975); from the thirty-first they read like \"%d/1\"", kind, r.Canonical, n)
	}
	if c.Registry == nil {
		return ""
	}
	lo, hi := resolution.SessionYears(n)
	blo, bhi, lowNum, highNum, ok := c.Registry.OldAssemblyNumbering().Bounds(resolution.Atoi(r.Number))
	if !ok || (bhi >= lo && blo <= hi) {
		return ""
	}
	msg := fmt.Sprintf("%s %q does not fit the General Assembly's numbering: session %s met in %d–%d", kind, r.Canonical, r.Session, lo, hi)
	switch {
	case lowNum == highNum:
		msg += fmt.Sprintf(", but resolution %s was adopted in %d", r.Number, blo)
	case blo > hi:
		msg += fmt.Sprintf(", but resolution %d, numbered lower, dates from %d", lowNum, blo)
	default:
		msg += fmt.Sprintf(", but resolution %d, numbered higher, dates from %d", highNum, bhi)
	}
	return msg
}

// securityCouncilNumber checks that a Security Council resolution's year
// fits its number: resolutions are numbered in order of adoption.
func (ch resolutionForm) securityCouncilNumber(c *Context, r *extract.Resolution) (diag.Diagnostic, bool) {
	sym := func(msg string) (diag.Diagnostic, bool) {
		d := newDiag(c, ch, r.NumStart, r.NumEnd, msg)
		d.Found = r.Canonical
		return d, true
	}
	if r.Year < 1946 {
		return sym(fmt.Sprintf("resolution %q: the Security Council adopted its first resolution in 1946", r.Canonical))
	}
	if c.Registry == nil {
		return diag.Diagnostic{}, false
	}
	num := resolution.Atoi(r.Number)
	lo, hi, lowNum, highNum, ok := c.Registry.SecurityCouncilNumbering().Bounds(num)
	if !ok || (r.Year >= lo && r.Year <= hi) {
		return diag.Diagnostic{}, false
	}
	switch {
	case lowNum == num:
		// No fix: the number may be the wrong part ("587 (1991)" for
		// "687 (1991)").
		d, _ := sym(fmt.Sprintf("resolution %q does not fit the Security Council's numbering: resolution %s was adopted in %d, not %d", r.Canonical, r.Number, lo, r.Year))
		d.Expected = fmt.Sprintf("%s (%d)", r.Number, lo)
		return d, true
	case r.Year < lo:
		return sym(fmt.Sprintf("resolution %q does not fit the Security Council's numbering: resolution %d, numbered lower, dates from %d", r.Canonical, lowNum, lo))
	default:
		return sym(fmt.Sprintf("resolution %q does not fit the Security Council's numbering: resolution %d, numbered higher, dates from %d", r.Canonical, highNum, hi))
	}
}

// The malformed components of a document symbol, read by hand (they were
// regexps, 2% of an archive run; FuzzSymbolComponents holds them to those):
//
//	missingDot  ^(L|Rev|Corr|Add|C|CN|AC|PV|SR|CONF|CRP|WG|WP)(\d+)$   "Rev1"
//	lowerComp   ^(rev|corr|add|l|REV|CORR|ADD)\.(\d+)$                 "rev.1"
//	zeroComp    ^(L|Rev|Corr|Add)\.0+$                                  "Add.0"
//	committee   ^C\.(\d+)$                                              "C.7"
var (
	missingDotWords = map[string]bool{"L": true, "Rev": true, "Corr": true, "Add": true, "C": true, "CN": true,
		"AC": true, "PV": true, "SR": true, "CONF": true, "CRP": true, "WG": true, "WP": true}
	compNames = map[string]string{"rev": "Rev", "corr": "Corr", "add": "Add", "l": "L", "REV": "Rev", "CORR": "Corr", "ADD": "Add"}
)

// compParts splits a component into the letters that start it and the
// rest: "Rev1" into "Rev" and "1", "rev.2" into "rev" and ".2".
func compParts(comp string) (word, rest string) {
	i := 0
	for i < len(comp) && (comp[i] >= 'A' && comp[i] <= 'Z' || comp[i] >= 'a' && comp[i] <= 'z') {
		i++
	}
	return comp[:i], comp[i:]
}

// missingDot reads "Rev1": a component word and its number with no full
// stop between them.
func missingDot(comp string) (word, num string, ok bool) {
	w, rest := compParts(comp)
	if !missingDotWords[w] || !allDigits(rest) {
		return "", "", false
	}
	return w, rest, true
}

// lowerComp reads "rev.1", "REV.1": a component word in the wrong case.
func lowerComp(comp string) (word, num string, ok bool) {
	w, rest := compParts(comp)
	if _, known := compNames[w]; !known || len(rest) < 2 || rest[0] != '.' || !allDigits(rest[1:]) {
		return "", "", false
	}
	return w, rest[1:], true
}

// zeroComp reads "Add.0", "Rev.00": a component numbered 0.
func zeroComp(comp string) bool {
	w, rest := compParts(comp)
	if w != "L" && w != "Rev" && w != "Corr" && w != "Add" || len(rest) < 2 || rest[0] != '.' {
		return false
	}
	return strings.Trim(rest[1:], "0") == ""
}

// committee reads "C.3", a Main Committee, and returns its number.
func committee(comp string) (num string, ok bool) {
	w, rest := compParts(comp)
	if w != "C" || len(rest) < 2 || rest[0] != '.' || !allDigits(rest[1:]) {
		return "", false
	}
	return rest[1:], true
}

// docSymbol reports malformed components of a document symbol and a
// symbol that does not match the Official Records supplement it is cited
// as, in one finding.
func (ch resolutionForm) docSymbol(c *Context, r *extract.Resolution) (diag.Diagnostic, bool) {
	if r.RecordsSession == "" && !docSuspect(r.Doc) {
		return diag.Diagnostic{}, false // nothing to report, and nothing to split
	}
	comps := strings.Split(r.Doc, "/")
	fixed := make([]string, len(comps))
	var probs []string
	for i, comp := range comps {
		fixed[i] = comp
		if i == 0 || !suspectComponent(comp) {
			continue
		}
		if w, num, ok := missingDot(comp); ok {
			fixed[i] = w + "." + num
			probs = append(probs, fmt.Sprintf("%q lacks the full stop (%q)", comp, fixed[i]))
		} else if w, num, ok := lowerComp(comp); ok {
			fixed[i] = compNames[w] + "." + num
			probs = append(probs, fmt.Sprintf("%q is written %q in symbols", comp, fixed[i]))
		} else if zeroComp(comp) {
			probs = append(probs, fmt.Sprintf("%q: numbering starts at 1", comp))
		} else if num, ok := committee(comp); ok && comps[0] == "A" && i == 1 {
			if n := resolution.Atoi(num); n < 1 || n > 6 {
				probs = append(probs, fmt.Sprintf("%q: the General Assembly has six Main Committees (C.1 to C.6)", comp))
			}
		}
	}
	records := ""
	if r.RecordsSession != "" && len(comps) >= 3 && comps[0] == "A" && allDigits(comps[2]) {
		if comps[1] != r.RecordsSession || comps[2] != r.RecordsSupplement {
			records = "A/" + r.RecordsSession + "/" + r.RecordsSupplement
		}
	}
	if len(probs) == 0 && records == "" {
		return diag.Diagnostic{}, false
	}
	var msg []string
	if len(probs) > 0 {
		msg = append(msg, fmt.Sprintf("malformed document symbol %q: %s", r.Doc, strings.Join(probs, "; ")))
	}
	if records != "" {
		msg = append(msg, fmt.Sprintf("document symbol %q does not match the Official Records cited (session %s, Supplement No. %s): expected %q", r.Doc, r.RecordsSession, r.RecordsSupplement, records))
	}
	d := newDiag(c, ch, r.Start, r.End, strings.Join(msg, "; "))
	d.Found = r.Doc
	if fx := strings.Join(fixed, "/"); fx != r.Doc {
		d.Expected = fx
		d.Fix = fix(c, r.Start, r.End, fx)
	} else if records != "" {
		d.Expected = records
	}
	return d, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// docSuspect reports whether a component of doc after the first is
// suspect.
func docSuspect(doc string) bool {
	i := strings.IndexByte(doc, '/')
	if i < 0 {
		return false
	}
	for rest := doc[i+1:]; ; {
		comp, tail, more := strings.Cut(rest, "/")
		if suspectComponent(comp) {
			return true
		}
		if !more {
			return false
		}
		rest = tail
	}
}

// suspectComponent is a cheap test for what the component regexps can
// match (a letter run glued to digits, a lower-case or upper-case
// abbreviation, a zero, a Main Committee): most components ("80", "RES",
// "L.4") are passed without a regexp.
func suspectComponent(comp string) bool {
	if comp == "" {
		return false
	}
	c := comp[0]
	if c >= 'a' && c <= 'z' || strings.Contains(comp, ".0") || strings.HasPrefix(comp, "C.") {
		return true
	}
	last := comp[len(comp)-1]
	if c >= 'A' && c <= 'Z' && last >= '0' && last <= '9' && !strings.Contains(comp, ".") {
		return true // "L5", "Rev1"
	}
	return strings.HasPrefix(comp, "REV") || strings.HasPrefix(comp, "CORR") || strings.HasPrefix(comp, "ADD")
}

// sessionAfter reports whether text[i:] starts with a session in Roman
// numerals in brackets, "(L)" or " (LI)".
func sessionAfter(text []byte, i int) bool {
	if i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) || text[i] != '(' {
		return false
	}
	j := i + 1
	for j < len(text) && j-i <= 8 && strings.IndexByte("IVXLC", text[j]) >= 0 {
		j++
	}
	if j == i+1 || j >= len(text) || text[j] != ')' {
		return false
	}
	_, ok := resolution.ParseRoman(string(text[i+1 : j]))
	return ok
}
