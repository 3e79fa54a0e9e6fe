package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/citecheck/citecheck/pkg/diag"
)

// GitHub writes GitHub Actions workflow commands, one per line, which the
// runner turns into annotations on the pull request:
//
//	::error file=drafts/a.txt,line=3,col=5,endLine=3,endColumn=9,title=citecheck treaty-year::message
//
// Errors become ::error, warnings ::warning and infos ::notice. An
// unreadable file becomes ::error file=PATH::…. Columns count code points,
// and endColumn is exclusive, as in every citecheck format; a finding that
// spans lines gets line and endLine only, since GitHub drops columns there.
type GitHub struct{}

var _ Renderer = (*GitHub)(nil)

// Start implements Renderer; workflow commands have no header.
func (*GitHub) Start(io.Writer, Meta) error { return nil }

// File implements Renderer.
func (*GitHub) File(w io.Writer, f *FileResult) error {
	var b strings.Builder
	if f.Err != nil {
		fmt.Fprintf(&b, "::error file=%s::%s\n", ghProperty(f.Path), ghData(f.Err.Error()))
	}
	if f.Notice != "" {
		fmt.Fprintf(&b, "::notice file=%s::%s\n", ghProperty(f.Path), ghData(f.Notice))
	}
	for i := range f.Diagnostics {
		writeGitHub(&b, &f.Diagnostics[i])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Finish implements Renderer; workflow commands have no trailer.
func (*GitHub) Finish(io.Writer, Summary) error { return nil }

func writeGitHub(b *strings.Builder, d *diag.Diagnostic) {
	cmd := "error"
	switch d.Severity {
	case diag.Warning:
		cmd = "warning"
	case diag.Info:
		cmd = "notice"
	}
	fmt.Fprintf(b, "::%s file=%s", cmd, ghProperty(d.Path))
	s := d.Span
	switch {
	case !hasPos(s.Start):
		// A finding about the whole file.
	case !hasEnd(s):
		fmt.Fprintf(b, ",line=%d,col=%d", s.Start.Line, col(s.Start))
	case s.End.Line == s.Start.Line:
		fmt.Fprintf(b, ",line=%d,col=%d,endLine=%d,endColumn=%d", s.Start.Line, col(s.Start), s.End.Line, col(s.End))
	default:
		// GitHub annotations take columns only within one line: for a
		// span over several lines it wants the lines alone.
		fmt.Fprintf(b, ",line=%d,endLine=%d", s.Start.Line, s.End.Line)
	}
	fmt.Fprintf(b, ",title=%s::%s\n", ghProperty("citecheck "+d.Rule), ghData(withContext(d)))
}

// ghData escapes a workflow command's message, as the runner's toolkit
// does (escapeData in @actions/core): the runner would otherwise end the
// command at a newline and read %XX as an escape.
var ghData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// ghProperty escapes a property value (file=…, title=…), where ':' would
// end the properties and ',' would start the next one.
var ghProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace

// withContext is a finding's message followed by where it is in the
// original document, for formats that have no field for it: the line and
// column of a .docx finding count in citecheck's text view, which the
// reader never sees, so the paragraph or footnote and the quoted words are
// what locate it.
func withContext(d *diag.Diagnostic) string {
	if d.Context == "" {
		return d.Message
	}
	return d.Message + " (in " + d.Context + ")"
}
