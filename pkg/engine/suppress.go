package engine

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/source"
)

// SuppressionRule is the rule ID of findings about suppression comments
// themselves: one without a reason, naming an unknown rule, or unused.
const SuppressionRule = "suppression"

// Suppression comments, in text and Markdown:
//
//	<!-- citecheck-disable-next-line treaty-year: quoting the 1954 draft verbatim -->
//	<!-- citecheck-disable-line treaty-year: reason -->   (on the finding's own line)
//	<!-- citecheck-disable unts-citation: reason -->  …  <!-- citecheck-enable unts-citation -->
//
// Rules are separated by commas or spaces; "all" names every rule. A reason
// after a colon is required.
var suppressRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`<!--\s*citecheck-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->`)
})

type suppression struct {
	kind      string
	rules     []string
	reason    string
	line      int // the comment's line
	from, to  int // lines it covers, inclusive
	start     int // source offset of the comment
	end       int
	used      bool
	enableEnd bool // a disable block closed by an enable
}

func (s *suppression) covers(d diag.Diagnostic) bool {
	l := d.Span.Start.Line
	return l >= s.from && l <= s.to && (slices.Contains(s.rules, "all") || slices.Contains(s.rules, d.Rule))
}

// parseSuppressions finds suppression comments; problems with them are
// returned as findings.
func parseSuppressions(f *source.File, known []string) ([]*suppression, []diag.Diagnostic) {
	// "<" is rare in drafts, so this test is fast where "citecheck-" (a
	// search for the common "c") is not.
	if !bytes.Contains(f.Text, []byte("<!--")) || !bytes.Contains(f.Text, []byte("citecheck-")) {
		return nil, nil
	}
	var sups []*suppression
	var probs []diag.Diagnostic
	report := func(start, end int, msg string) {
		probs = append(probs, diag.Diagnostic{Path: f.Path, Span: f.Span(start, end), Rule: SuppressionRule, Severity: diag.Warning, Message: msg})
	}
	open := map[string]*suppression{}
	for _, m := range suppressRE().FindAllSubmatchIndex(f.Text, -1) {
		kind := string(f.Text[m[2]:m[3]])
		body := string(f.Text[m[4]:m[5]])
		list, reason, _ := strings.Cut(body, ":")
		reason = strings.TrimSpace(reason)
		rules := strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
		p := f.Pos(m[0])
		s := &suppression{kind: kind, rules: rules, reason: reason, line: p.Line, start: m[0], end: m[1]}
		if len(rules) == 0 {
			report(m[0], m[1], fmt.Sprintf("citecheck-%s names no rule (name one, or \"all\")", kind))
			continue
		}
		bad := false
		for _, r := range rules {
			if r != "all" && !slices.Contains(known, r) {
				report(m[0], m[1], fmt.Sprintf("citecheck-%s names unknown rule %q (expected one of %s, or \"all\")", kind, r, quoteList(known)))
				bad = true
			}
		}
		if bad {
			continue
		}
		if kind != "enable" && reason == "" {
			report(m[0], m[1], fmt.Sprintf("citecheck-%s needs a reason after a colon: <!-- citecheck-%s %s: why -->", kind, kind, strings.Join(rules, ",")))
			continue
		}
		switch kind {
		case "disable-next-line":
			s.from = nextTextLine(f, p.Line)
			s.to = s.from
			sups = append(sups, s)
		case "disable-line":
			s.from, s.to = p.Line, p.Line
			sups = append(sups, s)
		case "disable":
			s.from, s.to = p.Line, f.Lines()
			for _, r := range rules {
				open[r] = s
			}
			sups = append(sups, s)
		case "enable":
			for _, r := range rules {
				if o, ok := open[r]; ok {
					o.to = p.Line
					o.enableEnd = true
					delete(open, r)
				} else if r != "all" {
					report(m[0], m[1], fmt.Sprintf("citecheck-enable %s has no citecheck-disable before it", r))
				}
			}
			if slices.Contains(rules, "all") {
				for r, o := range open {
					o.to = p.Line
					delete(open, r)
				}
			}
		}
	}
	return sups, probs
}

// nextTextLine returns the first non-blank line after line n.
func nextTextLine(f *source.File, n int) int {
	for l := n + 1; l <= f.Lines(); l++ {
		if strings.TrimSpace(f.Line(l)) != "" {
			return l
		}
	}
	return n + 1
}

// applySuppressions drops suppressed findings and reports unusable and
// unused suppressions.
func applySuppressions(f *source.File, ds []diag.Diagnostic, known []string) []diag.Diagnostic {
	sups, probs := parseSuppressions(f, known)
	if len(sups) == 0 && len(probs) == 0 {
		return ds
	}
	out := ds[:0]
	for _, d := range ds {
		suppressed := false
		for _, s := range sups {
			if s.covers(d) {
				s.used = true
				suppressed = true
			}
		}
		if !suppressed {
			out = append(out, d)
		}
	}
	for _, s := range sups {
		if !s.used {
			probs = append(probs, diag.Diagnostic{Path: f.Path, Span: f.Span(s.start, s.end), Rule: SuppressionRule, Severity: diag.Warning,
				Message: fmt.Sprintf("unused citecheck-%s %s: nothing to suppress here; remove it", s.kind, strings.Join(s.rules, ","))})
		}
	}
	return diag.Sort(append(out, probs...))
}

func quoteList(ks []string) string {
	q := make([]string, len(ks))
	for i, k := range ks {
		q[i] = fmt.Sprintf("%q", k)
	}
	return strings.Join(q, ", ")
}

// In Word documents, a comment on the cited words suppresses findings:
//
//	citecheck-ignore treaty-year: quoting the 1954 draft verbatim
//
// with the rules of the text form: rules separated by commas or spaces,
// "all" for every rule, a reason after a colon required, and a comment
// that suppresses nothing reported.
var ignoreRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^citecheck-ignore\b([^:]*)(?::(.*))?$`) })

// applyComments drops the findings that Word comments suppress, and
// reports comments that cannot suppress or suppress nothing.
func applyComments(f *source.File, ds []diag.Diagnostic, cs []Comment, known []string) []diag.Diagnostic {
	if len(cs) == 0 {
		return ds
	}
	type ignore struct {
		Comment
		rules []string
		used  bool
	}
	var ignores []*ignore
	var probs []diag.Diagnostic
	report := func(c Comment, msg string) {
		probs = append(probs, diag.Diagnostic{Path: f.Path, Span: f.Span(c.Start, c.End), Rule: SuppressionRule, Severity: diag.Warning, Message: msg})
	}
	for _, c := range cs {
		text := strings.Join(strings.Fields(c.Text), " ")
		m := ignoreRE().FindStringSubmatch(text)
		if m == nil {
			continue
		}
		rules := strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ' ' })
		reason := strings.TrimSpace(m[2])
		switch {
		case len(rules) == 0:
			report(c, "the Word comment citecheck-ignore names no rule (name one, or \"all\")")
			continue
		case reason == "":
			report(c, fmt.Sprintf("the Word comment citecheck-ignore needs a reason after a colon: \"citecheck-ignore %s: why\"", strings.Join(rules, ",")))
			continue
		}
		bad := false
		for _, r := range rules {
			if r != "all" && !slices.Contains(known, r) {
				report(c, fmt.Sprintf("the Word comment citecheck-ignore names unknown rule %q (expected one of %s, or \"all\")", r, quoteList(known)))
				bad = true
			}
		}
		if !bad {
			ignores = append(ignores, &ignore{Comment: c, rules: rules})
		}
	}
	out := ds[:0]
	for _, d := range ds {
		suppressed := false
		for _, ig := range ignores {
			if (slices.Contains(ig.rules, "all") || slices.Contains(ig.rules, d.Rule)) && overlaps(ig.Start, ig.End, d.Span.Start.Offset, d.Span.End.Offset) {
				ig.used, suppressed = true, true
			}
		}
		if !suppressed {
			out = append(out, d)
		}
	}
	for _, ig := range ignores {
		if !ig.used {
			report(ig.Comment, fmt.Sprintf("unused citecheck-ignore %s: no such finding on the words this Word comment is on; remove it", strings.Join(ig.rules, ",")))
		}
	}
	return diag.Sort(append(out, probs...))
}

// overlaps reports whether [a, b) and [c, d) share a byte (or, for an
// empty range, whether the other holds its point).
func overlaps(a, b, c, d int) bool {
	if a == b {
		return c <= a && a <= d
	}
	if c == d {
		return a <= c && c <= b
	}
	return a < d && c < b
}
