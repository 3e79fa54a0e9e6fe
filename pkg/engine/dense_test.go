package engine_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/source"
)

// denseDocs are single documents packed with references, as one file of a
// big export can be: every stage must stay linear in a document's size.
var denseDocs = []struct{ name, unit, head string }{
	{"citations", "the Convention on the Rights of the Child (United Nations, Treaty Series, vol. 1577, No. 27531) and ", ""},
	{"markers", "Recalling the Convention on the Rights of the Child,1 and resolution 64/182 of 18 December 2009,2 ", ""},
	{"footnotes", "the Statute,1\n_____\n\n1 United Nations, Treaty Series, vol. 2187, No. 38544.\n\nA/RES/80/1\nThe title\n\n25-20236\n2/5\n\n", ""},
	{"linked", "", ""}, // denseLinked: many titles, then many marked ones
	// One line of findings: each counted its column from the line's start.
	{"findings", "the Single Convention on Narcotic Drugs of 1954 ", ""},
	// One footnote listing instruments, an ibid. after each title: each
	// searched and sorted all the footnote's citations once.
	{"ibidlist", "; Antarctic Treaty (ibid., vol. 402, No. 5778)", "Recalling the instruments,1\n\n1 Convention on the Rights of the Child (United Nations, Treaty Series, vol. 1577, No. 27531)"},
}

// TestTooManyResolutions: a text with more references to resolutions than
// one per ResolutionBytes of the text limit is refused, naming the flag
// that raises the limit, and one within it is checked.
func TestTooManyResolutions(t *testing.T) {
	reg, err := registry.Default()
	if err != nil {
		t.Fatal(err)
	}
	eng := engine.New(engine.Options{Registry: reg, Limits: engine.Limits{MaxTextSize: 10 * engine.ResolutionBytes}})
	r := eng.CheckData("bare.txt", []byte(strings.Repeat("A/RES/79/1 ", 11)))
	if r.Err == nil || !strings.Contains(r.Err.Error(), "the number of references to resolutions and documents (one per 40 bytes of the text limit) exceeds the limit of 10 (--max-text-size)") || !strings.Contains(r.Err.Error(), "(--max-text-size)") {
		t.Errorf("11 references: %v", r.Err)
	}
	if r := eng.CheckData("bare.txt", []byte(strings.Repeat("A/RES/79/1 ", 10))); r.Err != nil {
		t.Errorf("10 references: %v", r.Err)
	}
}

// denseLinked is size bytes of titles without markers followed by a
// paragraph of marked titles and their footnotes, one per 4 KiB of
// titles: linking looks up each marker's mention among all the mentions
// before it, which was quadratic once (a linear search per marker).
func denseLinked(size int) string {
	var b strings.Builder
	unit := "the Convention on the Rights of the Child and the Convention against Torture and "
	for b.Len() < size {
		b.WriteString(unit)
	}
	n := size / 4096
	b.WriteString("\n\nRecalling ")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "the Convention on the Rights of the Child,%d ", i)
	}
	b.WriteString("\n_____\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d See resolution 44/25, annex.\n\n", i)
	}
	return b.String()
}

// BenchmarkDense checks one document of each dense kind at 256 KiB, 1 MiB
// and 4 MiB. MB/s should not fall as the size grows: it fell to a few
// hundred kB/s on 8 MB of citations when each mention visited every
// citation (issue 13).
func BenchmarkDense(b *testing.B) {
	reg, err := registry.Default()
	if err != nil {
		b.Fatal(err)
	}
	eng := engine.New(engine.Options{Registry: reg})
	for _, dd := range denseDocs {
		for _, size := range []int{256 << 10, 1 << 20, 4 << 20} {
			var text string
			if dd.unit == "" {
				text = denseLinked(size)
			} else {
				text = dd.head + strings.Repeat(dd.unit, size/len(dd.unit)+1)
			}
			b.Run(fmt.Sprintf("%s/%dKiB", dd.name, size>>10), func(b *testing.B) {
				f, err := source.New("dense.txt", []byte(text))
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					eng.CheckDoc(f, document.Parse(f))
				}
			})
		}
	}
}

// TestStdinLimit: standard input is read no further than its format's
// limit, text to --max-text-size, and refused past it with its flag.
func TestStdinLimit(t *testing.T) {
	reg, err := registry.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		size int
		want string
	}{
		{100, ""},
		{8000, ""},
		{8193, "standard input exceeds the limit of 8 KiB (--max-text-size)"},
		{100000, "standard input exceeds the limit of 8 KiB (--max-text-size)"},
	} {
		in := strings.NewReader(strings.Repeat("the Convention ", tc.size/15+1)[:tc.size])
		eng := engine.New(engine.Options{Registry: reg, Stdin: in, Limits: engine.Limits{MaxTextSize: 8 << 10}})
		_, _, err := eng.Load(engine.Input{Path: "-"})
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("%d bytes: %q, want %q", tc.size, got, tc.want)
		}
		if rest := in.Len(); tc.want != "" && rest != max(0, tc.size-(8<<10)-1) {
			t.Errorf("%d bytes: %d left unread, want %d", tc.size, rest, tc.size-(8<<10)-1)
		}
	}
}
