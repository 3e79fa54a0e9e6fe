package htmltext

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/internal/golden"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.txt from the current output")

func readFile(t testing.TB, path string) *View {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := Read(f, Options{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	checkView(t, v)
	return v
}

func TestGolden(t *testing.T) {
	tests := []struct{ html, golden string }{
		// Made like a UN page saved from Word: windows-1252, Word's
		// footnote anchors, a navigation menu and a script.
		{"testdata/un-resolution.html", "testdata/un-resolution.golden.txt"},
		// seed.docx saved as HTML by LibreOffice: its text view must be
		// the .docx reader's.
		{"testdata/seed-libreoffice.html", "../docx/testdata/seed.golden.txt"},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.html), func(t *testing.T) {
			v := readFile(t, tc.html)
			if *update && strings.HasPrefix(tc.golden, "testdata/") {
				if err := os.WriteFile(tc.golden, []byte(v.Text), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(tc.golden)
			if err != nil {
				t.Fatalf("%v (run go test ./pkg/htmltext -run Golden -update)", err)
			}
			if v.Text != string(want) {
				t.Errorf("%s: text view differs from %s:\n%s", tc.html, tc.golden, golden.Diff(v.Text, string(want)))
			}
		})
	}
}

func TestUNPage(t *testing.T) {
	v := readFile(t, "testdata/un-resolution.html")
	for _, want := range []string{
		"Corruption,[^1] which entered",
		"“Marrakech Declaration” on the prevention of corruption – adopted",
		"\n\n1. Condemns corruption",
		"priority;\nand requests",
		"\n\n[^3]: See CAC/COSP/2009/15, chap.\u00a0I, resolution 3/1; see also the report of the Conference (Café Room, Doha).\n",
	} {
		if !strings.Contains(v.Text, want) {
			t.Errorf("text view lacks %q", want)
		}
	}
	for _, lack := range []string{"Home", "not text", "[1]", "supportFootnotes", "A/RES/65/169 - Preventing"} {
		if strings.Contains(v.Text, lack) {
			t.Errorf("text view has %q", lack)
		}
	}
	last := v.Paragraphs[len(v.Paragraphs)-1]
	if last.Part != "footnote" || last.Index != 3 || last.Label != "footnote 3" {
		t.Errorf("last paragraph %+v", last)
	}
}
