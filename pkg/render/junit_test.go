package render

import (
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/diag"
)

type junitProblemDoc struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitDoc struct {
	Name   string `xml:"name,attr"`
	Suites []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Cases    []struct {
			Name      string           `xml:"name,attr"`
			Classname string           `xml:"classname,attr"`
			Failure   *junitProblemDoc `xml:"failure"`
			Error     *junitProblemDoc `xml:"error"`
			SystemOut *string          `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// TestJUnitParses reads the output back: one suite per file with correct
// counts, a failure per error or warning, a passing case per info and per
// clean file, and an error per unreadable file.
func TestJUnitParses(t *testing.T) {
	fx := newFixture(t)
	var doc junitDoc
	parseXML(t, fx.run(t, &JUnit{}), &doc)
	if len(doc.Suites) != len(fx.files) {
		t.Fatalf("%d suites, want %d", len(doc.Suites), len(fx.files))
	}
	for i, f := range fx.files {
		s := doc.Suites[i]
		if s.Name != f.Path {
			t.Errorf("suite %d name = %q, want %q", i, s.Name, f.Path)
		}
		if s.Tests != len(s.Cases) {
			t.Errorf("%s: tests = %d, but %d cases", f.Path, s.Tests, len(s.Cases))
		}
		failures, errs := 0, 0
		for _, c := range s.Cases {
			if c.Classname != f.Path {
				t.Errorf("%s: classname %q", f.Path, c.Classname)
			}
			if c.Failure != nil {
				failures++
			}
			if c.Error != nil {
				errs++
			}
		}
		if s.Failures != failures || s.Errors != errs {
			t.Errorf("%s: failures=%d errors=%d, counted %d and %d", f.Path, s.Failures, s.Errors, failures, errs)
		}
		cases := s.Cases
		if f.Err != nil {
			if cases[0].Error == nil || cases[0].Error.Message != f.Err.Error() || cases[0].Error.Type != "unreadable" {
				t.Errorf("%s: unreadable file not reported as an error: %+v", f.Path, cases[0])
			}
			cases = cases[1:]
		}
		if len(f.Diagnostics) == 0 && f.Err == nil {
			if len(cases) != 1 || cases[0].Failure != nil || cases[0].Error != nil {
				t.Errorf("%s: clean file should have one passing case, got %+v", f.Path, cases)
			}
			continue
		}
		if len(cases) != len(f.Diagnostics) {
			t.Fatalf("%s: %d cases, want %d", f.Path, len(cases), len(f.Diagnostics))
		}
		for j, d := range f.Diagnostics {
			c := cases[j]
			if d.Severity == diag.Info {
				if c.Failure != nil || c.SystemOut == nil || !strings.Contains(*c.SystemOut, d.Message) {
					t.Errorf("%s: info should pass with its text in system-out: %+v", f.Path, c)
				}
				continue
			}
			if c.Failure == nil {
				t.Errorf("%s: %s has no failure", f.Path, d.Rule)
				continue
			}
			if c.Failure.Message != d.Message || c.Failure.Type != d.Severity.String() {
				t.Errorf("%s: failure = %+v, want message %q type %q", f.Path, c.Failure, d.Message, d.Severity)
			}
			if !strings.Contains(c.Failure.Text, d.Message) || !strings.Contains(c.Failure.Text, "["+d.Rule+"]") {
				t.Errorf("%s: failure text %q lacks the message or rule", f.Path, c.Failure.Text)
			}
		}
	}
}
