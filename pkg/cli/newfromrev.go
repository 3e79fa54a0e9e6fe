package cli

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/gitdiff"
)

// lineViews are the extensions whose text view is the file itself, line
// for line, so that a finding's line is a line of git's diff. The other
// formats (.docx, HTML, PDF) are read into a view of their own: a file of
// theirs that changed since the revision is checked whole.
var lineViews = []string{".txt", ".text", ".md", ".markdown"}

// newFromRev returns the engine's Keep for --new-from-rev REV: a finding
// is kept when its file changed since REV and, for text and Markdown, when
// one of its lines did.
func newFromRev(ctx context.Context, rev, inputFormat string) (func(*diag.Diagnostic) bool, error) {
	ch, err := gitdiff.Since(ctx, ".", rev)
	if err != nil {
		return nil, usageErr("--new-from-rev %s: %v", rev, err)
	}
	return func(d *diag.Diagnostic) bool {
		f := ch.Lookup(d.Path)
		if f == nil {
			return false
		}
		byLine := contains(lineViews, strings.ToLower(filepath.Ext(d.Path)))
		if inputFormat != "" {
			byLine = inputFormat == "text" || inputFormat == "markdown"
		}
		if f.Whole || !byLine || d.Span.Start.Line < 1 {
			return true
		}
		for l := d.Span.Start.Line; l <= max(d.Span.End.Line, d.Span.Start.Line); l++ {
			if f.Has(l) {
				return true
			}
		}
		return false
	}, nil
}
