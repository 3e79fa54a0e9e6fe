package fix

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/source"
)

// finding makes a diagnostic whose fix replaces text[start:end].
func finding(f *source.File, start, end int, repl string) diag.Diagnostic {
	return diag.Diagnostic{Path: f.Path, Span: f.Span(start, end), Rule: "treaty-year",
		Fix: &diag.Fix{Span: f.Span(start, end), Replacement: repl}}
}

func TestEdits(t *testing.T) {
	text := "the Convention of 1954, vol. 977, No. 14152"
	f, _ := source.New("a.txt", []byte(text))
	y := strings.Index(text, "1954")
	v := strings.Index(text, "977")
	pair := strings.Index(text, "977, No. 14152")
	tests := []struct {
		name      string
		ds        []diag.Diagnostic
		want      string
		conflicts int
	}{
		{"one", []diag.Diagnostic{finding(f, y, y+4, "1961")}, "the Convention of 1961, vol. 977, No. 14152", 0},
		{"two", []diag.Diagnostic{finding(f, v, v+3, "976"), finding(f, y, y+4, "1961")}, "the Convention of 1961, vol. 976, No. 14152", 0},
		{"same fix twice", []diag.Diagnostic{finding(f, y, y+4, "1961"), finding(f, y, y+4, "1961")}, "the Convention of 1961, vol. 977, No. 14152", 0},
		{"overlapping fixes disagree", []diag.Diagnostic{finding(f, v, v+3, "976"), finding(f, pair, pair+14, "976, No. 14153"), finding(f, y, y+4, "1961")},
			"the Convention of 1961, vol. 977, No. 14152", 2},
		{"no-op fix", []diag.Diagnostic{finding(f, y, y+4, "1954")}, text, 0},
		{"no fix", []diag.Diagnostic{{Span: f.Span(y, y+4)}}, text, 0},
	}
	for _, tc := range tests {
		edits, conflicts := Edits(f.Text, tc.ds)
		got, err := Apply(f.Text, edits)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if string(got) != tc.want || len(conflicts) != tc.conflicts {
			t.Errorf("%s: got %q with %d conflicts, want %q with %d", tc.name, got, len(conflicts), tc.want, tc.conflicts)
		}
	}
}

func TestApplyChecksOldText(t *testing.T) {
	_, err := Apply([]byte("of 1954"), []Edit{{Start: 3, End: 7, Old: "1955", New: "1961"}})
	if err == nil {
		t.Error("Apply replaced text that is not the edit's")
	}
}

func TestEditsOffRuneBoundary(t *testing.T) {
	f, _ := source.New("a.txt", []byte("é1954"))
	d := finding(f, 1, 5, "1961") // inside "é"
	edits, conflicts := Edits(f.Text, []diag.Diagnostic{d})
	if len(edits) != 0 || len(conflicts) != 1 {
		t.Errorf("edits %v conflicts %d: a fix off a character boundary must be refused", edits, len(conflicts))
	}
}

func TestWriteDiff(t *testing.T) {
	// Seven unchanged lines between the changes: two hunks (with six
	// or fewer, diff -u makes one).
	old := "\xEF\xBB\xBFa\r\nb\r\nc of 1954\r\nd\r\ne\r\nf\r\nf2\r\ng\r\nh\r\ni\r\nj of 977\r\nk"
	y := strings.Index(old, "1954")
	v := strings.Index(old, "977")
	edits := []Edit{{Start: y, End: y + 4, Old: "1954", New: "1961"}, {Start: v, End: v + 3, Old: "977", New: "976"}}
	var b bytes.Buffer
	if err := WriteDiff(&b, "d.txt", []byte(old), edits); err != nil {
		t.Fatal(err)
	}
	want := "--- a/d.txt\n+++ b/d.txt\n" +
		"@@ -1,6 +1,6 @@\n \xEF\xBB\xBFa\r\n b\r\n-c of 1954\r\n+c of 1961\r\n d\r\n e\r\n f\r\n" +
		"@@ -8,5 +8,5 @@\n g\r\n h\r\n i\r\n-j of 977\r\n+j of 976\r\n k\n\\ No newline at end of file\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteDiff(&b, "d.txt", []byte(old), nil); err != nil || b.Len() != 0 {
		t.Errorf("no edits: wrote %q, %v", b.String(), err)
	}
}

// TestWriteDiffPatches checks random diffs by applying them with patch(1):
// the result must be the edited file, byte for byte.
func TestWriteDiffPatches(t *testing.T) {
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch(1) not installed")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	dir := t.TempDir()
	for n := range 60 {
		var b strings.Builder
		lines := 1 + rng.IntN(40)
		eol := []string{"\n", "\r\n"}[rng.IntN(2)]
		for i := range lines {
			fmt.Fprintf(&b, "line %d of 19%02d and vol. %d", i, rng.IntN(100), 100+rng.IntN(900))
			if i < lines-1 || rng.IntN(2) == 0 {
				b.WriteString(eol)
			}
		}
		old := b.String()
		var edits []Edit
		for i := 0; i < len(old); {
			k := strings.Index(old[i:], "19")
			if k < 0 {
				break
			}
			s := i + k
			if rng.IntN(4) == 0 {
				repl := []string{"1961", "19", "19999", ""}[rng.IntN(4)]
				edits = append(edits, Edit{Start: s, End: s + 4, Old: old[s : s+4], New: repl})
			}
			i = s + 4
		}
		want, err := Apply([]byte(old), edits)
		if err != nil {
			t.Fatal(err)
		}
		var d bytes.Buffer
		if err := WriteDiff(&d, "f.txt", []byte(old), edits); err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, "f.txt")
		os.WriteFile(f, []byte(old), 0o644)
		cmd := exec.Command(patch, "-s", "--binary", "-p1", "-d", dir)
		shown := d.String()
		cmd.Stdin = &d
		if out, err := cmd.CombinedOutput(); err != nil && len(edits) > 0 {
			t.Fatalf("case %d: patch: %v %s\ndiff:\n%q", n, err, out, shown)
		}
		got, _ := os.ReadFile(f)
		if !bytes.Equal(got, want) {
			t.Fatalf("case %d: patched file differs\n got %q\nwant %q\ndiff:\n%s", n, got, want, shown)
		}
	}
}
