package check

import (
	"fmt"

	"github.com/citecheck/citecheck/pkg/diag"
)

// footnoteUnlinked reports a footnote whose marker the body does not
// carry. It is opt-in: plain text made from PDFs loses markers, and a
// reader of such text knows it; in a draft it is a drafting error.
type footnoteUnlinked struct{}

var (
	_       = register(footnoteUnlinked{})
	_ OptIn = footnoteUnlinked{}
)

func (footnoteUnlinked) ID() string                     { return "footnote-unlinked" }
func (footnoteUnlinked) DefaultSeverity() diag.Severity { return diag.Info }
func (footnoteUnlinked) OptIn()                         {}
func (footnoteUnlinked) Doc() string {
	return "A footnote has no marker in the text (opt-in)."
}
func (footnoteUnlinked) Explain() string {
	return `A footnote that no marker in the text refers to: in a draft, its marker was deleted or never inserted, and the footnote documents nothing. Off unless the configuration sets a level for it (` + "`rules: {footnote-unlinked: info}`" + `): text extracted from PDFs often loses markers. When no footnote of a document has a marker, one finding says so.`
}

func (ch footnoteUnlinked) Run(c *Context) []diag.Diagnostic {
	notes := c.Doc.Unmarked()
	if len(notes) == 0 {
		return nil
	}
	if len(notes) == len(c.Doc.Footnotes) && len(notes) > 1 {
		f := notes[0]
		msg := fmt.Sprintf("none of the %d footnotes has a marker in the text (were the markers lost when the text was extracted?)", len(notes))
		return []diag.Diagnostic{newDiag(c, ch, f.Start, f.Start+len(f.Label), msg)}
	}
	var ds []diag.Diagnostic
	for _, f := range notes {
		msg := fmt.Sprintf("footnote %s has no marker in the text: put its marker where the text refers to it, or remove the footnote", f.Label)
		ds = append(ds, newDiag(c, ch, f.Start, f.Start+len(f.Label), msg))
	}
	return ds
}
