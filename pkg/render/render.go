// Package render writes a run's findings in each output format. Renderers
// depend only on diag and source: they never decide what is a finding.
//
// Rendering streams: the engine calls Start once, File once per input in
// deterministic (path) order as results become available, and Finish once,
// so a run over a million files never holds them all in memory.
package render

import (
	"io"
	"time"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/source"
)

// Meta describes the run, for formats that record the tool and its rules.
type Meta struct {
	// Version is citecheck's version.
	Version string
	// Rules describes every rule that can report, sorted by ID.
	Rules []RuleInfo
}

// FileResult is what the run found in one file.
type FileResult struct {
	// Path is the file's name as shown to users (slash-separated; "-" or
	// the --stdin-filename for standard input).
	Path string
	// Source is the file's text view, for excerpts; nil when unreadable.
	Source *source.File
	// Diagnostics are sorted (diag.Sort) and all have Path == Path.
	Diagnostics []diag.Diagnostic
	// Err is set when the file could not be read or parsed.
	Err error
	// Notice is set when the file was read but there is nothing to check
	// in it ("holds no text"): not a finding, and not a failure.
	Notice string
}

// Summary closes a run.
type Summary struct {
	Files      int
	Unreadable int
	// NoText counts files that were read but hold no text (Notice).
	NoText int
	Counts diag.Counts
	// ByRule counts findings per rule ID.
	ByRule  map[string]int
	Elapsed time.Duration
}

// Add counts the file f into the summary: one file more, unreadable or
// with no text, and its findings by severity and by rule.
func (s *Summary) Add(f *FileResult) {
	s.Files++
	if f.Err != nil {
		s.Unreadable++
	}
	if f.Notice != "" {
		s.NoText++
	}
	if s.ByRule == nil {
		s.ByRule = map[string]int{}
	}
	for _, d := range f.Diagnostics {
		s.Counts.Add(d)
		s.ByRule[d.Rule]++
	}
}

// RuleInfo documents a rule.
type RuleInfo struct {
	ID       string
	Severity diag.Severity
	// Short is one sentence saying what the rule reports.
	Short string
	// Long is a paragraph (light Markdown) explaining the rule.
	Long string
	// HelpURI links to the rule's documentation.
	HelpURI string
}

// Renderer writes findings in one format.
type Renderer interface {
	Start(w io.Writer, m Meta) error
	File(w io.Writer, f *FileResult) error
	Finish(w io.Writer, s Summary) error
}
