package engine

import (
	"testing"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/source"
)

// TestQuoteContext: the quote around a finding keeps whole words at both
// ends (it used to drop the last letter of its last word, and cut a
// two-byte superscript in half), stays on the finding's line, and leaves
// out the view's footnote markers.
func TestQuoteContext(t *testing.T) {
	tests := []struct {
		text, found, want string
	}{
		{"in line with resolution 70/202 of 22 December 2025 and the Antigua and Barbuda Agenda for Small Island States\n",
			"70/202", `p: "in line with resolution 70/202 of 22 December 2025 and the Antigua"`},
		{"Convention on Narcotic Drugs of 1954 as amended by the 1972 Protocol,³ the Convention on Psychotropic\n",
			"1954", `p: "Convention on Narcotic Drugs of 1954 as amended by the 1972 Protocol,³"`},
		{"Convention on Narcotic Drugs of 1954 as amended by the 1972 Protocol,[^3] the Convention\n",
			"1954", `p: "Convention on Narcotic Drugs of 1954 as amended by the 1972 Protocol,"`},
		{"first line\nof 1954 ends\nnext line\n", "1954", `p: "of 1954 ends"`},
	}
	for _, tt := range tests {
		f, err := source.New("x", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		start := indexOf(tt.text, tt.found)
		d := diag.Diagnostic{Span: source.Span{Start: f.Pos(start), End: f.Pos(start + len(tt.found))}}
		l := &Loaded{File: f, Locate: func(int) string { return "p" }}
		if got := quoteContext(l, d); got != tt.want {
			t.Errorf("quoteContext around %q = %s, want %s", tt.found, got, tt.want)
		}
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
