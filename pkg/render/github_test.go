package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/source"
)

func TestGitHubEscaping(t *testing.T) {
	tests := []struct {
		in, data, property string
	}{
		{"plain text", "plain text", "plain text"},
		{"50%", "50%25", "50%25"},
		{"%0A literal", "%250A literal", "%250A literal"},
		{"a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"::error::", "::error::", "%3A%3Aerror%3A%3A"},
		{`<&>"'`, `<&>"'`, `<&>"'`},
		{"résolution 儿童", "résolution 儿童", "résolution 儿童"},
	}
	for _, tt := range tests {
		if got := ghData(tt.in); got != tt.data {
			t.Errorf("ghData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := ghProperty(tt.in); got != tt.property {
			t.Errorf("ghProperty(%q) = %q, want %q", tt.in, got, tt.property)
		}
	}
}

// ghUnescape undoes the runner's escapes, as the Actions runner does when
// it reads a workflow command.
var ghUnescape = strings.NewReplacer("%25", "%", "%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",").Replace

type ghCommand struct {
	name  string
	props map[string]string
	data  string
}

// parseGitHub parses one workflow command line the way the runner does.
func parseGitHub(t *testing.T, line string) ghCommand {
	t.Helper()
	rest, ok := strings.CutPrefix(line, "::")
	if !ok {
		t.Fatalf("%q does not start with ::", line)
	}
	head, data, ok := strings.Cut(rest, "::")
	if !ok {
		t.Fatalf("%q has no closing ::", line)
	}
	name, props, _ := strings.Cut(head, " ")
	c := ghCommand{name: name, props: map[string]string{}, data: ghUnescape(data)}
	for p := range strings.SplitSeq(props, ",") {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			t.Fatalf("%q: property %q has no =", line, p)
		}
		c.props[k] = ghUnescape(v)
	}
	return c
}

// TestGitHubRoundTrip parses every command back and checks that paths
// and messages survive the escaping.
func TestGitHubRoundTrip(t *testing.T) {
	fx := newFixture(t)
	out := fx.run(t, &GitHub{})
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	i := 0
	next := func() ghCommand {
		t.Helper()
		if i >= len(lines) {
			t.Fatalf("only %d lines:\n%s", len(lines), out)
		}
		i++
		return parseGitHub(t, lines[i-1])
	}
	for _, f := range fx.files {
		if f.Err != nil {
			c := next()
			if c.name != "error" || c.props["file"] != f.Path || c.data != f.Err.Error() {
				t.Errorf("unreadable file: got %+v", c)
			}
		}
		if f.Notice != "" {
			c := next()
			if c.name != "notice" || c.props["file"] != f.Path || c.data != f.Notice {
				t.Errorf("file with no text: got %+v", c)
			}
		}
		for _, d := range f.Diagnostics {
			c := next()
			want := map[diag.Severity]string{diag.Error: "error", diag.Warning: "warning", diag.Info: "notice"}[d.Severity]
			if c.name != want {
				t.Errorf("command %q, want %q", c.name, want)
			}
			if c.props["file"] != d.Path {
				t.Errorf("file = %q, want %q", c.props["file"], d.Path)
			}
			if c.props["title"] != "citecheck "+d.Rule {
				t.Errorf("title = %q", c.props["title"])
			}
			// The message, then where the finding is when the format's
			// positions are a text view's (.docx).
			if want := withContext(&d); c.data != want {
				t.Errorf("message = %q, want %q", c.data, want)
			}
		}
	}
	if i != len(lines) {
		t.Errorf("%d lines left over:\n%s", len(lines)-i, out)
	}
}

func TestGitHubPositions(t *testing.T) {
	pos := func(line, col int) source.Pos { return source.Pos{Line: line, Col: col} }
	tests := []struct {
		name string
		span source.Span
		want string
	}{
		{"one line", source.Span{Start: pos(3, 5), End: pos(3, 9)}, "file=a.txt,line=3,col=5,endLine=3,endColumn=9,"},
		{"several lines", source.Span{Start: pos(3, 5), End: pos(4, 2)}, "file=a.txt,line=3,endLine=4,"},
		{"no end", source.Span{Start: pos(3, 5)}, "file=a.txt,line=3,col=5,"},
		{"whole file", source.Span{}, "file=a.txt,title"},
		{"unset column", source.Span{Start: pos(3, 0), End: pos(3, 0)}, "file=a.txt,line=3,col=1,endLine=3,endColumn=1,"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			f := &FileResult{Path: "a.txt", Diagnostics: []diag.Diagnostic{{Path: "a.txt", Span: tt.span, Rule: "r", Severity: diag.Error, Message: "m"}}}
			if err := (&GitHub{}).File(&b, f); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), " "+tt.want) {
				t.Errorf("got %q, want it to contain %q", b.String(), tt.want)
			}
		})
	}
}
