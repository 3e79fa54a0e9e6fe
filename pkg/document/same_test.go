package document

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/document/internal/docref"
	"github.com/citecheck/citecheck/pkg/source"
)

// The tests here compare Parse with docref.Parse, the package as it was
// before its speed work: the model must be byte for byte the same.

func segsOf(s *Stream) [][3]int {
	var out [][3]int
	for _, g := range s.segs {
		out = append(out, [3]int{g.at, g.src, g.n})
	}
	return out
}

// sameStream compares two streams: text, segments and Src/SrcEnd at
// every offset (and a little beyond).
func sameStream(t testing.TB, what string, got *Stream, want *docref.Stream) {
	t.Helper()
	if got.Text != want.Text {
		t.Fatalf("%s: text\n got %q\nwant %q", what, got.Text, want.Text)
	}
	if g, w := segsOf(got), want.Segs(); !reflect.DeepEqual(g, w) {
		t.Fatalf("%s: segs\n got %v\nwant %v", what, g, w)
	}
	for i := -2; i <= len(got.Text)+2; i++ {
		if g, w := got.Src(i), want.Src(i); g != w {
			t.Fatalf("%s: Src(%d) = %d, want %d", what, i, g, w)
		}
		if g, w := got.SrcEnd(i), want.SrcEnd(i); g != w {
			t.Fatalf("%s: SrcEnd(%d) = %d, want %d", what, i, g, w)
		}
	}
}

func sameParse(t testing.TB, name string, data []byte) {
	t.Helper()
	f, err := source.New(name, data)
	if err != nil {
		return
	}
	got := Parse(f)
	f2, _ := source.New(name, data)
	want := docref.Parse(f2)
	sameStream(t, name+": body", &got.Body, &want.Body)
	if len(got.Markers) != len(want.Markers) {
		t.Fatalf("%s: %d markers, want %d", name, len(got.Markers), len(want.Markers))
	}
	for i, m := range got.Markers {
		w := want.Markers[i]
		if m.Label != w.Label || m.At != w.At || m.Start != w.Start || m.End != w.End {
			t.Fatalf("%s: marker %d = %+v, want %+v", name, i, m, w)
		}
	}
	if len(got.Footnotes) != len(want.Footnotes) {
		t.Fatalf("%s: %d footnotes, want %d", name, len(got.Footnotes), len(want.Footnotes))
	}
	for i, fn := range got.Footnotes {
		w := want.Footnotes[i]
		if fn.Label != w.Label || fn.Num != w.Num || fn.Start != w.Start {
			t.Fatalf("%s: footnote %d = %q %d %d, want %q %d %d", name, i, fn.Label, fn.Num, fn.Start, w.Label, w.Num, w.Start)
		}
		sameStream(t, name+": footnote "+fn.Label, &fn.Text, &w.Text)
	}
	if g, w := got.Meta(), want.Meta(); g.Symbol != w.Symbol || g.Organ != w.Organ || g.Date != w.Date {
		t.Fatalf("%s: meta %+v, want %+v", name, g, w)
	}
}

// TestSameAsReference parses the repository's texts (and the benchmark
// corpus named by CITECHECK_BENCH_CORPUS, if any) both ways.
func TestSameAsReference(t *testing.T) {
	dirs := []string{"../../testdata"}
	if d := os.Getenv("CITECHECK_BENCH_CORPUS"); d != "" {
		dirs = append(dirs, d)
	}
	n := 0
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !(strings.HasSuffix(path, ".txt") || strings.HasSuffix(path, ".md")) {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sameParse(t, path, data)
			n++
			return nil
		})
	}
	if n < 1000 {
		t.Fatalf("only %d texts", n)
	}
}

func FuzzSameAsReference(f *testing.F) {
	f.Add("Recalling the Convention,⁴ of 19721\n\n⁴ Ibid., vol. 1019, No. 14956.\n\n1 United Nations, Treaty Series, vol. 976, No. 14152.\n")
	f.Add("text[^1] more\n\n[^1]: United Nations, Treaty Series, vol. 610, No. 8843.\n")
	f.Add("Crime,5 x\n______\n\n5  Ibid.\nA/C.3/80/L.4\n25-16618\n6/14\n")
	f.Add("---\na: b\n---\n¹²³ ⁴\r\n\r\n")
	f.Add("Geneva Conventions 13 and international\n\n13 Geneva Conventions\n14 Ibid.\n")
	f.Add("Protocol of 19721 and Convention,2 them.3 No.4 pornography5 SDG6 G207\n\n1 A\n2 B\n3 C\n4 D\n5 E\n6 F\n7 G\n*2516618*\n  E/2025/1\n")
	f.Add("50 m³ and 10⁶ km² x¹ \u00a0\u2003\n\n¹ Note\n[^a b]: x\n[^12]: y\n  indented\n")
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) || strings.IndexByte(in, 0) >= 0 {
			return
		}
		sameParse(t, "fuzz", []byte(in))
	})
}

// isMonthAtRef is isMonthAt as it was before it went by the first letter.
func isMonthAtRef(b []byte) bool {
	if len(b) == 0 || !strings.ContainsRune("JFMASOND", rune(b[0])) {
		return false
	}
	for _, m := range months {
		if bytes.HasPrefix(b, m) && (len(b) == len(m) || !isWordByte(b[len(m)])) {
			return true
		}
	}
	return false
}

func FuzzIsMonthAt(f *testing.F) {
	for _, s := range []string{"May", "May 5", "Mayor", "March,", "Ma", "", "June\u00e9", "Decemberx", "December 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isMonthAt([]byte(s)), isMonthAtRef([]byte(s)); got != want {
			t.Fatalf("isMonthAt(%q) = %v, want %v", s, got, want)
		}
	})
}

// noteStartRef is noteStart as it was before its digit lines were turned
// away before the label was built.
func noteStartRef(text []byte, from, to int, lab []byte) (label []byte, textStart int, super, weak bool) {
	if from >= to {
		return nil, 0, false, false
	}
	// Most lines start with a letter: turn them away before decoding.
	// (Superscript digits start with 0xC2 or 0xE2.)
	switch c := text[from]; {
	case c >= '1' && c <= '9', c == '*', c == 0xC2, c == 0xE2:
	default:
		return nil, 0, false, false
	}
	r, _ := utf8.DecodeRune(text[from:to])
	i := from
	lab = lab[:0]
	switch {
	case isSuperDigit(r):
		for i < to {
			r, n := utf8.DecodeRune(text[i:to])
			if !isSuperDigit(r) {
				break
			}
			lab = append(lab, superValue(r))
			i += n
		}
		super = true
	case r >= '1' && r <= '9':
		for i < to && text[i] >= '0' && text[i] <= '9' {
			if len(lab) == 3 {
				return nil, 0, false, false
			}
			lab = append(lab, text[i])
			i++
		}
	case r == '*':
		for i < to && text[i] == '*' {
			if len(lab) == 3 {
				return nil, 0, false, false
			}
			lab = append(lab, '*')
			i++
		}
	default:
		return nil, 0, false, false
	}
	// White space must follow the label, then text.
	j := i
	for j < to && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	if j == i && !super {
		return nil, 0, false, false
	}
	if j == i && super {
		// "¹*Salvador Declaration" — allow text right after superscripts.
		j = i
	}
	if j >= to {
		return nil, 0, false, false
	}
	c := text[j]
	if lab[0] == '*' && c == '*' {
		return nil, 0, false, false
	}
	// A body line that starts with a number followed by a lower-case word
	// or a month ("15 September 1969 …", "2 December") is not a footnote;
	// footnotes start with a capital, an asterisk (italics), a quote or a
	// symbol.
	weak = false
	if !super {
		r2, _ := utf8.DecodeRune(text[j:to])
		if unicode.IsLower(r2) || unicode.IsDigit(r2) || isMonthAt(text[j:to]) {
			// Only a footnote region after a rule, with the numbering
			// continuing, takes such a line as a footnote ("2  1995
			// Review and Extension Conference …").
			weak = true
		}
	}
	return lab, j, super, weak
}

func FuzzNoteStart(f *testing.F) {
	for _, s := range []string{"1. Decides", "12 United Nations", "1234 x", "5  Ibid.", "*** x", "** *x", "¹² Note", "¹*Salvador", "² ", "2 December", "2 1995 Review", "3\tx", "7", "\u00e2x", "\u00c2x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := []byte(s)
		var b1, b2 [8]byte
		l1, t1, s1, w1 := noteStart(b, 0, len(b), b1[:0])
		l2, t2, s2, w2 := noteStartRef(b, 0, len(b), b2[:0])
		if string(l1) != string(l2) || (l1 == nil) != (l2 == nil) || t1 != t2 || s1 != s2 || w1 != w2 {
			t.Fatalf("noteStart(%q) = %q %d %v %v, want %q %d %v %v", s, l1, t1, s1, w1, l2, t2, s2, w2)
		}
	})
}
