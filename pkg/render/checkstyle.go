package render

import (
	"encoding/xml"
	"io"

	"github.com/citecheck/citecheck/pkg/diag"
)

// Checkstyle writes Checkstyle XML, which Jenkins (warnings-ng), reviewdog,
// SonarQube and many CI dashboards read:
//
//	<checkstyle version="4.3">
//	  <file name="drafts/a.txt">
//	    <error line="3" column="5" severity="error" message="…" source="citecheck.treaty-year"></error>
//	  </file>
//	</checkstyle>
//
// Every file checked gets a <file> element, clean ones too, as Checkstyle
// itself does. An unreadable file gets one error with line 0 (the whole
// file) and source "citecheck.unreadable". Severities are error, warning
// and info.
type Checkstyle struct{}

var _ Renderer = (*Checkstyle)(nil)

// checkstyleVersion is the Checkstyle format version that consumers
// expect; it is not citecheck's version.
const checkstyleVersion = "4.3"

type checkstyleFile struct {
	XMLName xml.Name          `xml:"file"`
	Name    string            `xml:"name,attr"`
	Errors  []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Start implements Renderer.
func (*Checkstyle) Start(w io.Writer, _ Meta) error {
	_, err := io.WriteString(w, xml.Header+`<checkstyle version="`+checkstyleVersion+`">`+"\n")
	return err
}

// File implements Renderer.
func (*Checkstyle) File(w io.Writer, f *FileResult) error {
	cf := checkstyleFile{Name: f.Path, Errors: make([]checkstyleError, 0, len(f.Diagnostics)+1)}
	if f.Err != nil {
		cf.Errors = append(cf.Errors, checkstyleError{
			Severity: "error",
			Message:  f.Err.Error(),
			Source:   "citecheck.unreadable",
		})
	}
	for _, d := range f.Diagnostics {
		e := checkstyleError{
			Severity: checkstyleSeverity(d.Severity),
			Message:  withContext(&d),
			Source:   "citecheck." + d.Rule,
		}
		if hasPos(d.Span.Start) {
			e.Line, e.Column = d.Span.Start.Line, col(d.Span.Start)
		}
		cf.Errors = append(cf.Errors, e)
	}
	return writeXML(w, cf, "  ")
}

// Finish implements Renderer.
func (*Checkstyle) Finish(w io.Writer, _ Summary) error {
	_, err := io.WriteString(w, "</checkstyle>\n")
	return err
}

// checkstyleSeverity maps a severity to one of Checkstyle's (error,
// warning, info); an unset severity counts as an error.
func checkstyleSeverity(s diag.Severity) string {
	switch s {
	case diag.Warning, diag.Info:
		return s.String()
	}
	return "error"
}

// writeXML writes v as indented XML, every line starting with prefix,
// followed by a newline.
func writeXML(w io.Writer, v any, prefix string) error {
	enc := xml.NewEncoder(w)
	enc.Indent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
