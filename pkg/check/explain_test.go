package check

import (
	"strings"
	"testing"
	"unicode"
)

// TestExplain: every rule has a paragraph, longer than its one-line Doc,
// written as sentences.
func TestExplain(t *testing.T) {
	for _, c := range All() {
		e := c.Explain()
		if len(e) <= len(c.Doc())/2 || e == "" {
			t.Errorf("%s: Explain() %q is empty or shorter than half its Doc()", c.ID(), e)
			continue
		}
		if r := []rune(e)[0]; !unicode.IsUpper(r) && r != '*' {
			t.Errorf("%s: Explain() does not open with a capital: %q", c.ID(), e)
		}
		if !strings.HasSuffix(e, ".") && !strings.HasSuffix(e, ".\"") {
			t.Errorf("%s: Explain() does not end with a full stop: %q", c.ID(), e)
		}
	}
}
