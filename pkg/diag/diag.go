// Package diag defines citecheck's findings (Diagnostic), their severities,
// and the total order in which they are reported.
package diag

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/citecheck/citecheck/pkg/source"
)

// Severity says how serious a finding is.
type Severity int

// Severities, from least to most serious.
const (
	Info Severity = iota + 1
	Warning
	Error
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity parses "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "info":
		return Info, nil
	case "warning":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q (expected one of \"error\", \"info\", \"warning\")", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Fix is a replacement that corrects a finding: the text in Span becomes
// Replacement.
type Fix struct {
	Span        source.Span
	Replacement string
}

// Diagnostic is one finding.
type Diagnostic struct {
	// Path is the file the finding is in, as given by the user.
	Path string
	// Span is the cited text the finding is about.
	Span source.Span
	// Rule is the stable, kebab-case rule ID ("treaty-year").
	Rule     string
	Severity Severity
	// Message is one sentence, lower case, no trailing period.
	Message string
	// Found is the text as written; Expected what the registry says.
	Found, Expected string
	// Treaty is the registry ID of the instrument concerned, if any.
	Treaty string
	// Fix, when not nil, corrects the finding.
	Fix *Fix
	// Context is a short quote of the surrounding words, for formats
	// (such as .docx) where a line number alone is hard to act on.
	Context string
}

// Compare orders diagnostics by path, line, column, end, rule and message.
// It is a total order over the fields that reach output.
func Compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Span.Start.Line, b.Span.Start.Line),
		cmp.Compare(a.Span.Start.Col, b.Span.Start.Col),
		cmp.Compare(a.Span.End.Line, b.Span.End.Line),
		cmp.Compare(a.Span.End.Col, b.Span.End.Col),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Found, b.Found),
		cmp.Compare(a.Expected, b.Expected),
	)
}

// Sort sorts ds in the order of Compare and removes exact duplicates.
func Sort(ds []Diagnostic) []Diagnostic {
	slices.SortFunc(ds, Compare)
	return slices.CompactFunc(ds, func(a, b Diagnostic) bool { return Compare(a, b) == 0 })
}

// Fingerprint identifies a finding independently of its position and of
// the wording of its message, so that a baseline still matches after lines
// move or citecheck rewords a message: it hashes the path, the rule, the
// text found and expected, and the treaty. Two identical findings in one
// file share a fingerprint; baselines count them.
func (d Diagnostic) Fingerprint() string {
	h := sha256.New()
	for _, s := range []string{d.Path, d.Rule, d.Found, d.Expected, d.Treaty} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Counts tallies diagnostics by severity.
type Counts struct {
	Errors, Warnings, Infos int
}

// Add counts d.
func (c *Counts) Add(d Diagnostic) {
	switch d.Severity {
	case Error:
		c.Errors++
	case Warning:
		c.Warnings++
	case Info:
		c.Infos++
	}
}
