package resolution

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Finding is one problem with a reference. Offsets are byte offsets in the
// text given to Find.
type Finding struct {
	Start, End int
	// Rule is "resolution-form", "resolution-date", "resolution-title" or
	// "resolution-future".
	Rule string
	// Severity is "error" or "warning".
	Severity string
	// Message is lower case, without a trailing period.
	Message string
	// Found is the text found; Expected what the registry or the rules
	// expect ("" if they cannot tell).
	Found, Expected string
	// Replacement, if not "", replaces text[Start:End] to fix the problem.
	Replacement string
}

// Rule names.
const (
	RuleForm   = "resolution-form"
	RuleDate   = "resolution-date"
	RuleTitle  = "resolution-title"
	RuleFuture = "resolution-future"
)

// Options tune CheckWith.
type Options struct {
	// DocDate is the document's own date, YYYY-MM-DD, or "".
	DocDate string
	// DocOrgan is the organ of the document ("GA" for A/… documents), used
	// for "its resolution …"; "" if unknown.
	DocOrgan string
}

// Check checks refs against the registry (which may be nil) and the rules
// for resolution symbols. docDate is the document's date (YYYY-MM-DD) or
// "". It reports a wrong date only when it is sure which organ adopted the
// resolution.
func Check(refs []Ref, reg *Registry, docDate string) []Finding {
	return CheckWith(refs, reg, Options{DocDate: docDate})
}

// CheckWith is Check with options. The findings are sorted by position and
// rule.
func CheckWith(refs []Ref, reg *Registry, opt Options) []Finding {
	cs := newCheckState(reg, opt)
	for i := range refs {
		cs.check(&refs[i])
	}
	return cs.sorted()
}

// CheckRefs is CheckWith for references held by pointer, so that a caller
// keeping them so need not copy every Ref into a slice first.
func CheckRefs(refs []*Ref, reg *Registry, opt Options) []Finding {
	cs := newCheckState(reg, opt)
	for _, r := range refs {
		cs.check(r)
	}
	return cs.sorted()
}

// checkState is what CheckWith works out once for all references.
type checkState struct {
	reg *Registry
	opt Options
	// docValid is ValidDate(opt.DocDate), docYear the year of a valid one.
	docValid bool
	docYear  int
	out      []Finding
}

func newCheckState(reg *Registry, opt Options) *checkState {
	cs := &checkState{reg: reg, opt: opt, docValid: ValidDate(opt.DocDate)}
	if cs.docValid {
		cs.docYear = atoi(opt.DocDate[:4])
	}
	return cs
}

func (cs *checkState) check(r *Ref) {
	c := checker{r: r, reg: cs.reg, opt: cs.opt, cs: cs}
	c.run()
}

func (cs *checkState) sorted() []Finding {
	out := cs.out
	slices.SortStableFunc(out, func(a, b Finding) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		if a.End != b.End {
			return a.End - b.End
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	return out
}

type checker struct {
	r     *Ref
	reg   *Registry
	opt   Options
	cs    *checkState // findings go to cs.out
	organ string
	cert  Certainty
}

func (c *checker) add(f Finding) {
	if f.Severity == "" {
		f.Severity = "warning"
		if f.Rule == RuleDate || f.Rule == RuleFuture {
			f.Severity = "error"
		}
	}
	c.cs.out = append(c.cs.out, f)
}

func (c *checker) run() {
	r := c.r
	if r.Kind == "symbol" {
		c.checkDocSymbol()
		if r.Symbol == "" {
			return
		}
		c.organ, c.cert = r.Organ, Sure
	} else {
		c.organ, c.cert = r.ResolveOrgan(c.opt.DocOrgan)
	}
	c.checkForm()
	dateOK := false
	if r.Date != "" {
		if p := dateProblem(r.Date); p != "" {
			c.add(Finding{Start: r.DateStart, End: r.DateEnd, Rule: RuleForm,
				Message: fmt.Sprintf("impossible date %q: %s", r.DateText, p), Found: r.DateText})
		} else {
			dateOK = c.checkDateFitsSymbol()
		}
	}
	var buf [4]*Entry
	entries := c.lookup(dateOK, buf[:0])
	if dateOK {
		c.checkDate(entries)
	}
	c.checkFuture(entries, dateOK)
	c.checkTitle(entries, dateOK)
}

// kindWord returns "resolution" or "decision".
func (c *checker) kindWord() string {
	if c.r.Kind == "decision" {
		return "decision"
	}
	return "resolution"
}

// display names the reference in messages: "resolution 64/182".
func (c *checker) display() string { return c.kindWord() + " " + c.r.Symbol }

// checkForm reports symbols in a form their organ did not use at the time.
func (c *checker) checkForm() {
	r := c.r
	form := r.Form()
	sym := func(format string, args ...any) {
		c.add(Finding{Start: r.NumStart, End: r.NumEnd, Rule: RuleForm, Message: fmt.Sprintf(format, args...), Found: r.Symbol})
	}
	sure := c.cert == Sure
	// "its resolution 87 (LIX)" in a General Assembly text: the Assembly's,
	// unless the clause names another body (then Find sets OrganName).
	ga := c.organ == "GA" && (sure || r.OrganName == "" && c.opt.DocOrgan == "GA")
	switch {
	case sure && c.organ == "GA" && form == FormSession:
		// Not for guesses: commissions, conferences of parties and the
		// Human Rights Council number "27/3" too.
		if n := atoi(r.Session); n < 31 {
			sym("%s %q uses the session/number form, which the General Assembly used only from its thirty-first session (1976); earlier resolutions read like \"2200 A (XXI)\"", c.kindWord(), r.Symbol)
		}
	case sure && c.organ == "GA" && form == FormSecurityCouncil:
		sym("%s %q has the form of a Security Council symbol; General Assembly resolutions carry the session, not the year", c.kindWord(), r.Symbol)
	case sure && c.organ == "SC" && form != FormSecurityCouncil:
		sym("%s %q is not in the Security Council's form, which reads like \"1325 (2000)\"", c.kindWord(), r.Symbol)
	case sure && c.organ == "ECOSOC" && form == FormYear && r.Year < 1978:
		sym("the Economic and Social Council numbered its resolutions by year only from 1978; %q is earlier", r.Symbol)
	case sure && c.organ == "ECOSOC" && form == FormSession:
		sym("%s %q is not in the Economic and Social Council's form, which reads like \"2009/23\"", c.kindWord(), r.Symbol)
	case ga && form == FormRoman:
		c.checkGARoman()
	case form == FormSpecial && strings.HasPrefix(r.Session, "ES-"):
		if n, _ := sessionValue(r.Session); n < 6 {
			sym("%s %q: resolutions of the first five emergency special sessions read like \"2253 (ES-V)\"", c.kindWord(), r.Symbol)
		}
	case form == FormSpecial && sure && c.organ == "GA":
		if n, _ := sessionValue(r.Session); n < 8 {
			sym("%s %q: the General Assembly numbered resolutions of its first seven special sessions like \"3362 (S-VII)\"; the S-n/m form starts with the eighth", c.kindWord(), r.Symbol)
		}
	case form == FormSecurityCouncil && c.organ == "SC":
		c.checkSCNumber()
	}
}

// checkGARoman checks "NNNN (XXI)" forms of the General Assembly.
func (c *checker) checkGARoman() {
	r := c.r
	sym := func(format string, args ...any) {
		c.add(Finding{Start: r.NumStart, End: r.NumEnd, Rule: RuleForm, Message: fmt.Sprintf(format, args...), Found: r.Symbol})
	}
	n, ok := sessionValue(r.Session)
	if !ok {
		return
	}
	switch {
	case strings.HasPrefix(r.Session, "ES-"):
		if n >= 6 {
			sym("%s %q: from the sixth emergency special session the General Assembly numbers resolutions like \"ES-%d/1\"", c.kindWord(), r.Symbol, n)
		}
		return
	case strings.HasPrefix(r.Session, "S-"):
		if n >= 8 {
			sym("%s %q: from the eighth special session the General Assembly numbers resolutions like \"S-%d/1\"", c.kindWord(), r.Symbol, n)
		}
		return
	case n > 30:
		sym("%s %q: the General Assembly numbered resolutions \"NNNN (XXX)\" only up to its thirtieth session (1975); from the thirty-first they read like \"%d/1\"", c.kindWord(), r.Symbol, n)
		return
	}
	if c.reg == nil {
		return
	}
	lo, hi := SessionYears(n)
	blo, bhi, lowNum, highNum, ok := c.reg.gaOld.bounds(atoi(r.Number))
	if !ok {
		return
	}
	if bhi < lo || blo > hi {
		msg := fmt.Sprintf("%s %q does not fit the General Assembly's numbering: session %s met in %d–%d", c.kindWord(), r.Symbol, r.Session, lo, hi)
		switch {
		case lowNum == highNum:
			msg += fmt.Sprintf(", but resolution %s was adopted in %d", r.Number, blo)
		case blo > hi:
			msg += fmt.Sprintf(", but resolution %d, numbered lower, dates from %d", lowNum, blo)
		default:
			msg += fmt.Sprintf(", but resolution %d, numbered higher, dates from %d", highNum, bhi)
		}
		sym("%s", msg)
	}
}

// checkSCNumber checks that a Security Council resolution's year fits its
// number: resolutions are numbered in order of adoption.
func (c *checker) checkSCNumber() {
	r := c.r
	sym := func(format string, args ...any) {
		c.add(Finding{Start: r.NumStart, End: r.NumEnd, Rule: RuleForm, Message: fmt.Sprintf(format, args...), Found: r.Symbol})
	}
	if r.Year < 1946 {
		sym("resolution %q: the Security Council adopted its first resolution in 1946", r.Symbol)
		return
	}
	if c.reg == nil {
		return
	}
	num := atoi(r.Number)
	lo, hi, lowNum, highNum, ok := c.reg.sc.bounds(num)
	if !ok || (r.Year >= lo && r.Year <= hi) {
		return
	}
	switch {
	case lowNum == num:
		// No replacement: the number may be the wrong part ("587 (1991)"
		// for "687 (1991)").
		c.add(Finding{Start: r.NumStart, End: r.NumEnd, Rule: RuleForm,
			Message:  fmt.Sprintf("resolution %q does not fit the Security Council's numbering: resolution %s was adopted in %d, not %d", r.Symbol, r.Number, lo, r.Year),
			Found:    r.Symbol,
			Expected: fmt.Sprintf("%s (%d)", r.Number, lo)})
	case r.Year < lo:
		sym("resolution %q does not fit the Security Council's numbering: resolution %d, numbered lower, dates from %d", r.Symbol, lowNum, lo)
	default:
		sym("resolution %q does not fit the Security Council's numbering: resolution %d, numbered higher, dates from %d", r.Symbol, highNum, hi)
	}
}

// checkDateFitsSymbol reports a date that the symbol itself rules out (a
// Security Council resolution's year, a session's years). It returns false
// when it reported one.
func (c *checker) checkDateFitsSymbol() bool {
	r := c.r
	year := atoi(r.Date[:4])
	bad := func(msg string) bool {
		c.add(Finding{Start: r.DateStart, End: r.DateEnd, Rule: RuleDate, Message: msg, Found: r.DateText})
		return false
	}
	switch r.Form() {
	case FormSecurityCouncil:
		if year != r.Year && c.organ == "SC" {
			return bad(fmt.Sprintf("%s was adopted in %d, as its symbol says, not on %s", c.display(), r.Year, FormatDate(r.Date)))
		}
	case FormYear:
		if year != r.Year && year != r.Year-1 && c.cert != Unknown {
			return bad(fmt.Sprintf("%s was adopted in %d, as its symbol says, not on %s", c.display(), r.Year, FormatDate(r.Date)))
		}
	case FormSession, FormRoman:
		if c.organ != "GA" || c.cert != Sure {
			break
		}
		n, ok := sessionValue(r.Session)
		if !ok || strings.Contains(r.Session, "S-") {
			break
		}
		lo, hi := SessionYears(n)
		if year < lo || year > hi {
			return bad(fmt.Sprintf("%s belongs to the General Assembly's session %s (%d–%d), so it cannot be dated %s", c.display(), r.Session, lo, hi, FormatDate(r.Date)))
		}
	}
	return true
}

// lookup returns the registry entries r names, appended to es (a buffer of
// the caller's), or nil when the organ is not sure enough to compare facts.
func (c *checker) lookup(dateOK bool, es []*Entry) []*Entry {
	r := c.r
	if c.reg == nil || c.cert == Unknown {
		return nil
	}
	if _, ok := registryPrefix(r, c.organ); !ok {
		return nil // no keys
	}
	if c.cert == Guess && !c.guessFits(dateOK) {
		return nil
	}
	return c.reg.appendEntries(es, r, c.organ)
}

// guessFits reports whether a guessed organ is borne out by the stated
// date: a "resolution 52/1 of 16 March 2009" cannot be the General
// Assembly's (session 52 met in 1997–1998) and is left alone.
func (c *checker) guessFits(dateOK bool) bool {
	r := c.r
	if !dateOK {
		return false
	}
	year := atoi(r.Date[:4])
	switch r.Form() {
	case FormSession, FormRoman:
		if c.organ != "GA" {
			return false
		}
		n, ok := sessionValue(r.Session)
		if !ok {
			return false
		}
		lo, hi := SessionYears(n)
		return year >= lo && year <= hi
	case FormSpecial:
		ys := c.reg.special[r.Session]
		for _, y := range ys {
			if year >= y-1 && year <= y+1 {
				return true
			}
		}
		return false
	case FormYear:
		return year == r.Year || year == r.Year-1
	}
	return false
}

// checkDate compares the stated date with the registry.
func (c *checker) checkDate(entries []*Entry) {
	r := c.r
	for _, e := range entries {
		if e.Date == r.Date {
			continue
		}
		_, _, rest := OrganOfSymbol(e.Symbol)
		f := Finding{Start: r.DateStart, End: r.DateEnd, Rule: RuleDate,
			Message:  fmt.Sprintf("%s %s is dated %s in the registry, not %s", c.kindWord(), rest, FormatDate(e.Date), FormatDate(r.Date)),
			Found:    r.DateText,
			Expected: FormatDate(e.Date),
		}
		switch {
		case r.DateText == FormatDate(r.Date):
			f.Replacement = FormatDate(e.Date)
		case e.Date[:8] == r.Date[:8] && allDigits(r.DateText):
			// "of 4 and 14 July 1967": only the day is written
			f.Replacement = strings.TrimLeft(e.Date[8:], "0")
		}
		c.add(f)
		return
	}
}

// checkFuture reports a resolution dated after the document.
func (c *checker) checkFuture(entries []*Entry, dateOK bool) {
	r := c.r
	doc := c.opt.DocDate
	if !c.cs.docValid {
		return
	}
	if dateOK && r.Date > doc {
		c.add(Finding{Start: r.DateStart, End: r.DateEnd, Rule: RuleFuture,
			Message: fmt.Sprintf("%s is dated %s, after this document's date, %s", c.display(), FormatDate(r.Date), FormatDate(doc)),
			Found:   r.DateText})
		return
	}
	for _, e := range entries {
		if e.Date > doc {
			c.add(Finding{Start: r.NumStart, End: r.NumEnd, Rule: RuleFuture,
				Message: fmt.Sprintf("%s was adopted on %s (registry), after this document's date, %s", c.display(), FormatDate(e.Date), FormatDate(doc)),
				Found:   r.Symbol})
			return
		}
	}
	if c.cert != Sure {
		return
	}
	docYear := c.cs.docYear
	switch r.Form() {
	case FormSecurityCouncil, FormYear:
		limit := docYear
		if r.Form() == FormYear {
			// Year-numbered sessions (the Economic and Social Council's
			// "2026 session") open in the year before: resolution 2026/2
			// of 19 September 2025 is right.
			limit++
		}
		if r.Year > limit {
			c.add(Finding{Start: r.NumStart, End: r.NumEnd, Rule: RuleFuture,
				Message: fmt.Sprintf("%s bears the year %d, after this document's date, %s", c.display(), r.Year, FormatDate(doc)),
				Found:   r.Symbol})
		}
	case FormSession:
		if c.organ != "GA" {
			return
		}
		n := atoi(r.Session)
		var ob [10]byte // the date compared on the stack, not a string per reference
		if open := appendIsoDate(ob[:0], 1945+n, 9, 1); string(open) > doc {
			c.add(Finding{Start: r.NumStart, End: r.NumEnd, Rule: RuleFuture,
				Message: fmt.Sprintf("%s belongs to session %d of the General Assembly, which opens in September %d, after this document's date, %s", c.display(), n, 1945+n, FormatDate(doc)),
				Found:   r.Symbol})
		}
	}
}

// checkTitle compares a quoted title with the registry's.
func (c *checker) checkTitle(entries []*Entry, dateOK bool) {
	r := c.r
	if r.Title == "" || len(entries) != 1 || entries[0].Title == "" {
		return
	}
	e := entries[0]
	if NormalizeTitle(r.Title) == NormalizeTitle(e.Title) {
		return
	}
	_, _, rest := OrganOfSymbol(e.Symbol)
	c.add(Finding{Start: r.TitleStart, End: r.TitleEnd, Rule: RuleTitle,
		Message:     fmt.Sprintf("title %q differs from the title of %s %s in the registry, %q", r.Title, c.kindWord(), rest, e.Title),
		Found:       r.Title,
		Expected:    e.Title,
		Replacement: e.Title})
}

var (
	missingDotRE = regexp.MustCompile(`^(L|Rev|Corr|Add|C|CN|AC|PV|SR|CONF|CRP|WG|WP)(\d+)$`)
	lowerCompRE  = regexp.MustCompile(`^(rev|corr|add|l|REV|CORR|ADD)\.(\d+)$`)
	zeroCompRE   = regexp.MustCompile(`^(L|Rev|Corr|Add)\.0+$`)
	committeeRE  = regexp.MustCompile(`^C\.(\d+)$`)
)

// checkDocSymbol reports malformed components of a document symbol and a
// symbol that does not match the Official Records supplement it is cited
// as.
func (c *checker) checkDocSymbol() {
	r := c.r
	if r.RecordsSession == "" && !docSuspect(r.Doc) {
		return // nothing to report, and nothing to split
	}
	comps := strings.Split(r.Doc, "/")
	fixed := make([]string, len(comps))
	var probs []string
	for i, comp := range comps {
		fixed[i] = comp
		if i == 0 || !suspectComponent(comp) {
			continue
		}
		switch {
		case missingDotRE.MatchString(comp):
			m := missingDotRE.FindStringSubmatch(comp)
			fixed[i] = m[1] + "." + m[2]
			probs = append(probs, fmt.Sprintf("%q lacks the full stop (%q)", comp, fixed[i]))
		case lowerCompRE.MatchString(comp):
			m := lowerCompRE.FindStringSubmatch(comp)
			name := map[string]string{"rev": "Rev", "corr": "Corr", "add": "Add", "l": "L", "REV": "Rev", "CORR": "Corr", "ADD": "Add"}[m[1]]
			fixed[i] = name + "." + m[2]
			probs = append(probs, fmt.Sprintf("%q is written %q in symbols", comp, fixed[i]))
		case zeroCompRE.MatchString(comp):
			probs = append(probs, fmt.Sprintf("%q: numbering starts at 1", comp))
		case comps[0] == "A" && i == 1 && committeeRE.MatchString(comp):
			if n := atoi(committeeRE.FindStringSubmatch(comp)[1]); n < 1 || n > 6 {
				probs = append(probs, fmt.Sprintf("%q: the General Assembly has six Main Committees (C.1 to C.6)", comp))
			}
		}
	}
	if len(probs) > 0 {
		f := Finding{Start: r.Start, End: r.End, Rule: RuleForm,
			Message: fmt.Sprintf("malformed document symbol %q: %s", r.Doc, strings.Join(probs, "; ")),
			Found:   r.Doc}
		if fix := strings.Join(fixed, "/"); fix != r.Doc {
			f.Expected, f.Replacement = fix, fix
		}
		c.add(f)
	}
	if r.RecordsSession != "" && len(comps) >= 3 && comps[0] == "A" && allDigits(comps[2]) {
		if comps[1] != r.RecordsSession || comps[2] != r.RecordsSupplement {
			want := "A/" + r.RecordsSession + "/" + r.RecordsSupplement
			c.add(Finding{Start: r.Start, End: r.End, Rule: RuleForm,
				Message:  fmt.Sprintf("document symbol %q does not match the Official Records cited (session %s, Supplement No. %s): expected %q", r.Doc, r.RecordsSession, r.RecordsSupplement, want),
				Found:    r.Doc,
				Expected: want})
		}
	}
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
