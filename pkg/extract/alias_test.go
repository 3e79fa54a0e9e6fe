package extract

import (
	"testing"

	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/source"
)

// TestEveryAlias: every alias in the embedded registry is read as a
// mention of its treaty (or of one linked to it), wherever the entry
// stands, the amended forms included.
func TestEveryAlias(t *testing.T) {
	reg, err := registry.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(reg)
	for _, tr := range reg.Treaties() {
		for _, a := range tr.Aliases {
			src, err := source.New("t.txt", []byte("Recalling the "+a+" and the other instruments,\n"))
			if err != nil {
				t.Fatal(err)
			}
			res := x.Extract(document.Parse(src))
			found := false
			for _, m := range res.Mentions {
				if m.Treaty != nil && reg.Lineal(m.Treaty, tr) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: alias %q is not read as a mention of it", tr.ID, a)
			}
		}
	}
}

// TestYearFirstTitles: a title or alias that starts with its year ("1925
// Geneva Protocol") is read after any year, which treaty-year checks;
// without a year, or before a protocol's numeral, it is no mention.
func TestYearFirstTitles(t *testing.T) {
	reg, err := registry.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(reg)
	tests := []struct {
		in, treaty string
		year       int
	}{
		{"Recalling the 1925 Geneva Protocol, and", "geneva_protocol_1925", 1925},
		{"Recalling the 1928 Geneva Protocol, and", "geneva_protocol_1925", 1928},
		{"Recalling the Geneva Protocol, and", "", 0},
		{"Recalling the 1977 Geneva Protocol I, and", "", 0},
		{"Recalling the 1977 Geneva Protocols, and", "", 0},
	}
	for _, tt := range tests {
		src, err := source.New("t.txt", []byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		res := x.Extract(document.Parse(src))
		got, year := "", 0
		for _, m := range res.Mentions {
			if m.Treaty != nil && m.Treaty.ID == "geneva_protocol_1925" {
				got, year = m.Treaty.ID, m.Year
			}
		}
		if got != tt.treaty || year != tt.year {
			t.Errorf("%q: got %q of %d, want %q of %d", tt.in, got, year, tt.treaty, tt.year)
		}
	}
}
