package render

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/citecheck/citecheck/pkg/diag"
)

// JUnit writes JUnit XML, for CI systems that show test reports (GitLab,
// Jenkins, Azure Pipelines, CircleCI):
//
//   - one <testsuite> per file, named by its path;
//   - one <testcase> per finding, with a <failure> for errors and warnings,
//     while an info passes and carries its text in <system-out>;
//   - one passing <testcase name="citecheck"> for a file with no findings;
//   - an unreadable file is a <testcase name="read"> with an <error>.
//
// Output streams: the <testsuites> element opens at Start and closes at
// Finish, and only one file's cases are held at a time, so <testsuites>
// carries no totals (they are optional in every consumer we know of).
type JUnit struct{}

var _ Renderer = (*JUnit)(nil)

type junitSuite struct {
	XMLName  xml.Name    `xml:"testsuite"`
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
	SystemOut *junitProblem `xml:"system-out"`
}

// junitProblem is a <failure>, <error> or <system-out> element. It
// marshals itself so that newlines in its text stay newlines: encoding/xml
// writes a ",chardata" field's newlines as "&#xA;", which CI pages show
// verbatim in some viewers.
type junitProblem struct {
	Message string
	Type    string
	Text    string
}

// MarshalXML implements xml.Marshaler.
func (p *junitProblem) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	if p.Message != "" || p.Type != "" {
		start.Attr = append(start.Attr,
			xml.Attr{Name: xml.Name{Local: "message"}, Value: p.Message},
			xml.Attr{Name: xml.Name{Local: "type"}, Value: p.Type})
	}
	// EncodeToken escapes <, >, &, quotes and \r, and replaces characters
	// XML cannot hold, but leaves \n and \t as they are.
	for _, tok := range []xml.Token{start, xml.CharData(p.Text), start.End()} {
		if err := e.EncodeToken(tok); err != nil {
			return err
		}
	}
	return nil
}

// Start implements Renderer.
func (*JUnit) Start(w io.Writer, _ Meta) error {
	_, err := io.WriteString(w, xml.Header+`<testsuites name="citecheck">`+"\n")
	return err
}

// File implements Renderer.
func (*JUnit) File(w io.Writer, f *FileResult) error {
	s := junitSuite{Name: f.Path, Cases: make([]junitCase, 0, len(f.Diagnostics)+1)}
	if f.Err != nil {
		s.Errors++
		s.Cases = append(s.Cases, junitCase{
			Name:      "read",
			Classname: f.Path,
			Error:     &junitProblem{Message: f.Err.Error(), Type: "unreadable", Text: f.Path + ": " + f.Err.Error()},
		})
	}
	for i := range f.Diagnostics {
		d := &f.Diagnostics[i]
		c := junitCase{Name: junitName(d), Classname: f.Path}
		text := junitText(d)
		if d.Severity == diag.Info {
			c.SystemOut = &junitProblem{Text: text}
		} else {
			s.Failures++
			c.Failure = &junitProblem{Message: d.Message, Type: d.Severity.String(), Text: text}
		}
		s.Cases = append(s.Cases, c)
	}
	if len(s.Cases) == 0 {
		c := junitCase{Name: "citecheck", Classname: f.Path}
		if f.Notice != "" {
			c.SystemOut = &junitProblem{Text: f.Path + ": " + f.Notice}
		}
		s.Cases = append(s.Cases, c)
	}
	s.Tests = len(s.Cases)
	return writeXML(w, s, "  ")
}

// Finish implements Renderer.
func (*JUnit) Finish(w io.Writer, _ Summary) error {
	_, err := io.WriteString(w, "</testsuites>\n")
	return err
}

// junitName names a finding's test case by rule and position: "treaty-year
// at 3:5".
func junitName(d *diag.Diagnostic) string {
	if !hasPos(d.Span.Start) {
		return d.Rule
	}
	return fmt.Sprintf("%s at %d:%d", d.Rule, d.Span.Start.Line, col(d.Span.Start))
}

// junitText is the body of a failure: the finding as one text line, then
// the details a reader of a CI report needs to act on it.
func junitText(d *diag.Diagnostic) string {
	var b strings.Builder
	b.WriteString(d.Path)
	if hasPos(d.Span.Start) {
		fmt.Fprintf(&b, ":%d:%d", d.Span.Start.Line, col(d.Span.Start))
	}
	fmt.Fprintf(&b, ": %s: %s [%s]\n", d.Severity, d.Message, d.Rule)
	for _, kv := range [][2]string{
		{"found", d.Found},
		{"expected", d.Expected},
		{"treaty", d.Treaty},
		{"context", d.Context},
	} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "%s: %s\n", kv[0], kv[1])
		}
	}
	if d.Fix != nil {
		fmt.Fprintf(&b, "fix: replace with %q\n", d.Fix.Replacement)
	}
	return b.String()
}
