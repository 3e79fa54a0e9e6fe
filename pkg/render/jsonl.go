package render

import (
	"encoding/json"
	"io"

	"github.com/citecheck/citecheck/pkg/diag"
)

// JSONL writes JSON Lines: one object per finding, and one per unreadable
// file ({"path": …, "error": …}), each on its own line. It writes nothing
// at Start or Finish, so the output of several runs can be concatenated and
// a consumer can act on each line as it arrives.
type JSONL struct{}

var _ Renderer = (*JSONL)(nil)

// jsonlDiag is the wire form of one finding. Its field names are part of
// citecheck's interface: add fields, never rename them.
type jsonlDiag struct {
	Path        string    `json:"path"`
	Line        int       `json:"line"`
	Column      int       `json:"column"`
	EndLine     int       `json:"end_line"`
	EndColumn   int       `json:"end_column"`
	Rule        string    `json:"rule"`
	Severity    string    `json:"severity"`
	Message     string    `json:"message"`
	Found       string    `json:"found"`
	Expected    string    `json:"expected"`
	Treaty      string    `json:"treaty"`
	Fingerprint string    `json:"fingerprint"`
	Fix         *jsonlFix `json:"fix,omitempty"`
	Context     string    `json:"context,omitempty"`
}

type jsonlFix struct {
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column"`
	Replacement string `json:"replacement"`
}

type jsonlError struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// Start implements Renderer; JSON Lines has no header.
func (*JSONL) Start(io.Writer, Meta) error { return nil }

// File implements Renderer.
func (*JSONL) File(w io.Writer, f *FileResult) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if f.Err != nil {
		if err := enc.Encode(jsonlError{Path: f.Path, Error: f.Err.Error()}); err != nil {
			return err
		}
	}
	for i := range f.Diagnostics {
		if err := enc.Encode(newJSONLDiag(&f.Diagnostics[i])); err != nil {
			return err
		}
	}
	return nil
}

// Finish implements Renderer; JSON Lines has no trailer.
func (*JSONL) Finish(io.Writer, Summary) error { return nil }

func newJSONLDiag(d *diag.Diagnostic) jsonlDiag {
	j := jsonlDiag{
		Path:        d.Path,
		Line:        d.Span.Start.Line,
		Column:      d.Span.Start.Col,
		EndLine:     d.Span.End.Line,
		EndColumn:   d.Span.End.Col,
		Rule:        d.Rule,
		Severity:    d.Severity.String(),
		Message:     d.Message,
		Found:       d.Found,
		Expected:    d.Expected,
		Treaty:      d.Treaty,
		Fingerprint: d.Fingerprint(),
		Context:     d.Context,
	}
	if d.Fix != nil {
		j.Fix = &jsonlFix{
			Line:        d.Fix.Span.Start.Line,
			Column:      d.Fix.Span.Start.Col,
			EndLine:     d.Fix.Span.End.Line,
			EndColumn:   d.Fix.Span.End.Col,
			Replacement: d.Fix.Replacement,
		}
	}
	return j
}
