package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/citecheck/citecheck/pkg/source"
)

// Options configure a renderer. The CLI resolves them once (colour from
// --color and the terminal, the version from the build) and passes them to
// New; renderers read no global state.
type Options struct {
	// Color enables ANSI colour in formats meant for terminals. The
	// machine formats ignore it.
	Color bool
	// Version is citecheck's version, used when Meta.Version is empty.
	Version string
	// BaseDir is the directory that relative paths are relative to (the
	// working directory, or the repository root in CI). SARIF records it
	// as the %SRCROOT% base in originalUriBaseIds; "" leaves it out.
	BaseDir string
	// Summary makes the text format close with a count line.
	Summary bool
	// ReportDir is the folder the report is written into ("" for the
	// working directory): the HTML report links to files relative to it.
	ReportDir string
}

// formatNames lists every name New accepts, sorted. Keep it in step with
// the switch in New (TestFormatsAllConstruct checks that).
var formatNames = []string{"checkstyle", "github", "gitlab", "html", "json", "jsonl", "junit", "sarif", "text"}

// Formats returns the names of the output formats, sorted.
func Formats() []string { return slices.Clone(formatNames) }

// New returns the renderer for a format name. Each call returns a fresh
// renderer for one run: renderers keep state between Start and Finish
// (SARIF's comma placement, for example) and are not safe for concurrent
// use.
func New(format string, opt Options) (Renderer, error) {
	switch format {
	// Human and whole-document formats.
	case "text":
		return &Text{Color: opt.Color, Summary: opt.Summary}, nil
	case "json":
		return &JSON{}, nil
	case "html":
		return &HTML{ReportDir: opt.ReportDir, Version: opt.Version}, nil

	// Machine formats, one finding per record, streamed.
	case "jsonl":
		return &JSONL{}, nil
	case "sarif":
		return &SARIF{Version: opt.Version, BaseDir: opt.BaseDir}, nil
	case "github":
		return &GitHub{}, nil
	case "gitlab":
		return &GitLab{}, nil
	case "checkstyle":
		return &Checkstyle{}, nil
	case "junit":
		return &JUnit{}, nil
	}
	return nil, fmt.Errorf("unknown output format %q (expected one of %s)", format, quoteList(formatNames))
}

// quoteList renders names as `"a", "b", "c"`.
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// hasPos reports whether p is a real position (diagnostics about a whole
// file carry a zero Span).
func hasPos(p source.Pos) bool { return p.Line >= 1 }

// hasEnd reports whether a span's end can be shown: it is a real position
// not before the start.
func hasEnd(s source.Span) bool {
	if !hasPos(s.Start) || !hasPos(s.End) {
		return false
	}
	return s.End.Line > s.Start.Line || (s.End.Line == s.Start.Line && s.End.Col >= s.Start.Col)
}

// col returns a 1-based column, treating an unset column as 1.
func col(p source.Pos) int { return max(1, p.Col) }

// spanText returns the source text covered by s, or false when the span's
// byte offsets do not agree with its line:column (a diagnostic built
// without offsets) or there is no source.
func spanText(f *source.File, s source.Span) (string, bool) {
	if f == nil || !hasEnd(s) {
		return "", false
	}
	if s.Start.Offset < 0 || s.Start.Offset > s.End.Offset || s.End.Offset > len(f.Text) {
		return "", false
	}
	if f.Pos(s.Start.Offset) != s.Start || f.Pos(s.End.Offset) != s.End {
		return "", false
	}
	return string(f.Text[s.Start.Offset:s.End.Offset]), true
}
