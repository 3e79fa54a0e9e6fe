package docx

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/internal/golden"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.txt from the current output")

// The .docx fixtures were written by LibreOffice (scripts/make-docx-fixtures.sh).

func readFixture(t testing.TB, name string, opt Options) *View {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	v, err := readBytes(t, b, opt)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	checkView(t, v)
	return v
}

func TestGolden(t *testing.T) {
	tests := []struct {
		docx, golden string
		opt          Options
	}{
		{"seed.docx", "seed.golden.txt", Options{}},
		{"features.docx", "features.golden.txt", Options{}},
		{"features.docx", "features.original.golden.txt", Options{Revisions: RevisionsOriginal}},
		{"custommark.docx", "custommark.golden.txt", Options{}},
	}
	for _, tc := range tests {
		t.Run(tc.golden, func(t *testing.T) {
			v := readFixture(t, tc.docx, tc.opt)
			path := filepath.Join("testdata", tc.golden)
			if *update {
				if err := os.WriteFile(path, []byte(v.Text), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./pkg/docx -run Golden -update)", err)
			}
			if v.Text != string(want) {
				t.Errorf("%s: text view differs from %s (run with -update to accept):\n%s", tc.docx, path, golden.Diff(v.Text, string(want)))
			}
		})
	}
}

// TestSeed checks what the checker needs from the seed draft, beyond the
// golden text: every footnote in place and the cut paragraphs joined.
func TestSeed(t *testing.T) {
	v := readFixture(t, "seed.docx", Options{})
	var body, notes int
	for _, p := range v.Paragraphs {
		switch p.Part {
		case "body":
			body++
		case "footnote":
			notes++
			if p.Label != "footnote "+strconv.Itoa(p.Index) {
				t.Errorf("footnote label %q, index %d", p.Label, p.Index)
			}
		}
	}
	if body != 17 || notes != 13 {
		t.Errorf("got %d body paragraphs and %d footnotes, want 17 and 13", body, notes)
	}
	for _, want := range []string{
		"Strategy to Counter the World Drug Problem,[^7] adopted",
		"Illicit Traffic in Narcotic Drugs and Psychotropic Substances of 1988[^12] and relevant",
		"the Single Convention on Narcotic Drugs of 1954 as amended by the 1972 Protocol,[^3]",
		"\n\n1. Expresses its concern",
		"\n\n[^3]: Ibid., vol. 976, No. 14152.\n",
		"\n\n[^13]: Ibid., vol. 2178, No. 38349.\n",
		"entitled “Preventing and combating",
	} {
		if !strings.Contains(v.Text, want) {
			t.Errorf("text view lacks %q", want)
		}
	}
	if strings.ContainsAny(v.Text, "¹²³⁴⁵⁶⁷⁸⁹*") {
		t.Error("text view keeps superscript markers or asterisks")
	}
	p := v.Locate(strings.Count(v.Text[:strings.Index(v.Text, "[^13]:")], "\n") + 1)
	if p.Part != "footnote" || p.Index != 13 || p.Label != "footnote 13" {
		t.Errorf("Locate on footnote 13 gave %+v", p)
	}
}

// TestFeatures checks each feature of features.docx on its own.
func TestFeatures(t *testing.T) {
	accepted := readFixture(t, "features.docx", Options{})
	original := readFixture(t, "features.docx", Options{Revisions: RevisionsOriginal})
	tests := []struct {
		name      string
		view      *View
		has, lack []string
	}{
		{"insertion and deletion accepted", accepted, []string{"Narcotic Drugs of 1961 as amended", "the United Nations Convention against Corruption"}, []string{"1954"}},
		{"insertion and deletion original", original, []string{"Narcotic Drugs of 1954 as amended", "and the Convention against Corruption"}, []string{"1961"}},
		{"deleted paragraph mark accepted", accepted, []string{"\n\nRecalling also the Convention on the Rights of the Child,\n"}, nil},
		{"deleted paragraph mark original", original, []string{"\n\nRecalling also the\n\nConvention on the Rights of the Child,\n"}, nil},
		{"run split mid-word", accepted, []string{" Convention against"}, nil},
		{"smart quotes, dashes, no-break space", accepted, []string{"“Preventing and combating corrupt practices” — and of its ‘annex’ – of", "1\u00a0000 pages"}, nil},
		{"superscripts that are not footnotes", accepted, []string{"10 m2 of tables and the 1st edition,"}, nil},
		{"comment", accepted, nil, []string{"Check this date", "Reviewer"}},
		{"hyperlink and fields", accepted, []string{"See the United Nations Treaty Collection and page 1 of "}, []string{"PAGE", "NUMPAGES", "https://"}},
		{"line break and tab", accepted, []string{";\nsecond line after a tab.[^e1]\n"}, nil},
		{"table cells", accepted, []string{"\n\nInstrument\n\nTreaty Series\n\nConvention on Psychotropic Substances of 1971\n\nvol. 1019, No. 14956\n\n(second paragraph in a cell)\n"}, nil},
		{"numbered list", accepted, []string{"\n\n1. Expresses its concern;\n\n(a) first subparagraph;\n\n(b) second subparagraph;\n\n2. Calls upon States to act.\n"}, nil},
		{"footnote and endnote", accepted, []string{"1972 Protocol,[^1] and", "\n\n[^1]: United Nations, Treaty Series, vol. 976, No. 14152.\n\n[^e1]: An endnote, in General Assembly resolution 65/169.\n"}, nil},
	}
	for _, tc := range tests {
		for _, s := range tc.has {
			if !strings.Contains(tc.view.Text, s) {
				t.Errorf("%s: text view lacks %q", tc.name, s)
			}
		}
		for _, s := range tc.lack {
			if strings.Contains(tc.view.Text, s) {
				t.Errorf("%s: text view has %q", tc.name, s)
			}
		}
	}
	last := accepted.Paragraphs[len(accepted.Paragraphs)-1]
	if last != (Paragraph{Line: last.Line, Part: "endnote", Index: 1, Label: "endnote i", ID: "2"}) {
		t.Errorf("endnote paragraph %+v", last)
	}
}

func TestCustomMark(t *testing.T) {
	v := readFixture(t, "custommark.docx", Options{})
	want := []Paragraph{
		{Line: 1, Part: "body", Index: 1, Label: "paragraph 1"},
		{Line: 3, Part: "footnote", Index: 0, Label: "footnote *", ID: "2"},
		{Line: 5, Part: "footnote", Index: 1, Label: "footnote 1", ID: "3"},
		{Line: 7, Part: "footnote", Index: 2, Label: "footnote 2", ID: "4"},
	}
	if len(v.Paragraphs) != len(want) {
		t.Fatalf("paragraphs %+v", v.Paragraphs)
	}
	for i := range want {
		if v.Paragraphs[i] != want[i] {
			t.Errorf("paragraph %d: %+v, want %+v", i, v.Paragraphs[i], want[i])
		}
	}
	if !strings.Contains(v.Text, "The draft[^*] recalls") || !strings.Contains(v.Text, "\n\n[^*]: Reissued for technical reasons") {
		t.Errorf("custom mark: %q", v.Text)
	}
}
