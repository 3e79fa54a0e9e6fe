package render

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/citecheck/citecheck/pkg/diag"
)

// Text is the human format: one "path:line:col: severity: message [rule]"
// line per finding, then the source line with a caret under the cited
// text and, where there is one, the fix.
type Text struct {
	Color bool
	// Width bounds the excerpt: longer lines are cut around the finding.
	Width int
	// Summary prints a closing count line when true.
	Summary bool

	sev       map[diag.Severity]*color.Color
	bold, dim *color.Color
	files     int
}

func (t *Text) init() {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if t.Color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	t.sev = map[diag.Severity]*color.Color{
		diag.Error:   mk(color.FgRed, color.Bold),
		diag.Warning: mk(color.FgYellow, color.Bold),
		diag.Info:    mk(color.FgCyan, color.Bold),
	}
	t.bold = mk(color.Bold)
	t.dim = mk(color.Faint)
	if t.Width == 0 {
		t.Width = 120
	}
}

// Start implements Renderer.
func (t *Text) Start(w io.Writer, m Meta) error {
	t.init()
	return nil
}

// File implements Renderer.
func (t *Text) File(w io.Writer, f *FileResult) error {
	t.files++
	// Text from documents and file names goes through Printable: an
	// escape sequence in a draft must not reach the terminal.
	if f.Err != nil {
		_, err := fmt.Fprintf(w, "%s: %s: %s\n", t.bold.Sprint(Printable(f.Path)), t.sev[diag.Error].Sprint("error"), Printable(f.Err.Error()))
		return err
	}
	if f.Notice != "" {
		_, err := fmt.Fprintf(w, "%s: %s: %s\n", t.bold.Sprint(Printable(f.Path)), t.sev[diag.Info].Sprint("notice"), f.Notice)
		return err
	}
	var b strings.Builder
	var sl splitLine
	for _, d := range f.Diagnostics {
		fmt.Fprintf(&b, "%s: %s: %s %s\n",
			t.bold.Sprintf("%s:%d:%d", Printable(d.Path), d.Span.Start.Line, d.Span.Start.Col),
			t.sev[d.Severity].Sprint(d.Severity.String()), Printable(d.Message), t.dim.Sprintf("[%s]", d.Rule))
		if f.Source != nil && d.Span.Start.Line >= 1 {
			t.excerpt(&b, f, d, &sl)
		}
		if d.Context != "" {
			fmt.Fprintf(&b, "   %s %s\n", t.dim.Sprint("= in:"), Printable(d.Context))
		}
		if d.Fix != nil {
			old, ok := spanText(f.Source, d.Fix.Span)
			if !ok {
				old = d.Found
			}
			fmt.Fprintf(&b, "   %s replace %q with %q\n", t.dim.Sprint("= fix:"), old, d.Fix.Replacement)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// excerpt writes the finding's line with a caret under the span, cutting
// long lines to a window around it. Tabs show as spaces and control
// characters escaped (Printable), the caret placed by what is shown.
func (t *Text) excerpt(b *strings.Builder, f *FileResult, d diag.Diagnostic, sl *splitLine) {
	cells, lineWidth := sl.cells(f.Source, d.Span.Start.Line)
	start := d.Span.Start.Col - 1
	end := start + 1
	if d.Span.End.Line == d.Span.Start.Line && d.Span.End.Col > d.Span.Start.Col {
		end = d.Span.End.Col - 1
	}
	start = min(max(start, 0), len(cells))
	end = min(max(end, start), len(cells))
	from, to := 0, len(cells)
	prefix, suffix := "", ""
	if lineWidth > t.Width {
		from = max(0, start-t.Width/2)
		to = min(len(cells), max(end+t.Width/4, from+t.Width))
		if from > 0 {
			prefix = "…"
		}
		if to < len(cells) {
			suffix = "…"
		}
	}
	num := fmt.Sprint(d.Span.Start.Line)
	pad := strings.Repeat(" ", len(num))
	fmt.Fprintf(b, "%s %s\n", pad, t.dim.Sprint("|"))
	fmt.Fprintf(b, "%s %s %s%s%s\n", t.dim.Sprint(num), t.dim.Sprint("|"), prefix, strings.Join(cells[from:to], ""), suffix)
	lead := stringWidth(prefix + strings.Join(cells[from:start], ""))
	width := max(1, stringWidth(strings.Join(cells[start:end], "")))
	marks := "^" + strings.Repeat("~", width-1)
	// The caret takes the finding's severity colour, as its label does, so
	// that a warning's caret does not look like an error's.
	caret := t.sev[d.Severity]
	if caret == nil {
		caret = t.bold
	}
	fmt.Fprintf(b, "%s %s %s%s\n", pad, t.dim.Sprint("|"), strings.Repeat(" ", lead), caret.Sprint(marks))
}

// displayCells splits a line into what each of its runes shows as: a tab
// as a space, a control character escaped, anything else itself.
func displayCells(line string) []string {
	cells := make([]string, 0, len(line))
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		switch {
		case r == '\t':
			cells = append(cells, " ")
		case isControl(r) || r == utf8.RuneError && n == 1:
			cells = append(cells, escapeRune(r, n, line[i]))
		default:
			cells = append(cells, line[i:i+n])
		}
		i += n
	}
	return cells
}

// Finish implements Renderer.
func (t *Text) Finish(w io.Writer, s Summary) error {
	if !t.Summary {
		return nil
	}
	_, err := fmt.Fprintln(w, CountLine(s))
	return err
}

// CountLine says what a run found in one line: "12 files checked: 3
// findings (2 errors, 1 warning, 0 info); 1 file could not be read".
func CountLine(s Summary) string {
	c := s.Counts
	total := c.Errors + c.Warnings + c.Infos
	msg := fmt.Sprintf("%d %s checked: %s", s.Files, plural(s.Files, "file"), plural2(total, "finding"))
	if total > 0 {
		msg += fmt.Sprintf(" (%d %s, %d %s, %d %s)", c.Errors, plural(c.Errors, "error"), c.Warnings, plural(c.Warnings, "warning"), c.Infos, plural(c.Infos, "info"))
	}
	if s.NoText > 0 {
		verb := "holds"
		if s.NoText > 1 {
			verb = "hold"
		}
		msg += fmt.Sprintf("; %d %s %s no text", s.NoText, plural(s.NoText, "file"), verb)
	}
	if s.Unreadable > 0 {
		msg += fmt.Sprintf("; %d %s could not be read", s.Unreadable, plural(s.Unreadable, "file"))
	}
	return msg
}

// Count says "1 finding", "2 findings", "0 findings".
func Count(n int, word string) string {
	return fmt.Sprintf("%d %s", n, plural(n, word))
}

func plural(n int, word string) string {
	if n == 1 || word == "info" {
		return word
	}
	return word + "s"
}

func plural2(n int, word string) string {
	if n == 0 {
		return "no " + word + "s"
	}
	return fmt.Sprintf("%d %s", n, plural(n, word))
}
