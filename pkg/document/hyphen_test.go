package document

import (
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/source"
)

// TestTypesetterHyphen: a hard hyphen that a hyphenating converter put at
// a line's end inside a word of a title is dropped and the word joined;
// any other hyphen at a line's end is kept.
func TestTypesetterHyphen(t *testing.T) {
	words := map[string]bool{"connection": true, "trafficking": true, "convention": true, "august": true}
	word := func(w []byte) bool { return words[string(w)] }
	for _, tc := range []struct{ in, want string }{
		{"Safeguards in Con-\nnection with the Treaty", "Safeguards in Connection with the Treaty"},
		{"Safeguards in Con- \r\nnection with", "Safeguards in Connection with"},
		{"the United Nations Conven-\ntion against", "the United Nations Convention against"},
		{"Traf-\nficking in Persons", "Trafficking in Persons"},
		{"10 Au-\ngust and", "10 August and"},
		// Not a known word: the hyphen stays, as in a compound.
		{"right to self-\ndetermination", "right to self- determination"},
		{"Treaty on the Non-\nProliferation", "Treaty on the Non- Proliferation"},
		// Letters the parts go on with are not folded: no join.
		{"Con-\nnectionä", "Con- nectionä"},
	} {
		f, err := source.New("t.txt", []byte(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		d := ParseOptions(f, Options{Word: word})
		if d.Body.Text != tc.want {
			t.Errorf("%q: body %q, want %q", tc.in, d.Body.Text, tc.want)
		}
		// Every byte still maps into the source.
		for i := range d.Body.Text {
			if s := d.Body.Src(i); s < 0 || s > len(tc.in) {
				t.Errorf("%q: Src(%d) = %d", tc.in, i, s)
			}
		}
		// Without Options.Word nothing is joined.
		if got := Parse(f).Body.Text; !strings.Contains(got, "- ") {
			t.Errorf("%q: body %q without Word, want the hyphen kept", tc.in, got)
		}
	}
}

// TestTypesetterHyphenFootnote: the same in a footnote, whose lines are
// copied as they come: the hyphen at a line's end waits for the next line.
func TestTypesetterHyphenFootnote(t *testing.T) {
	words := map[string]bool{"series": true, "convention": true}
	word := func(w []byte) bool { return words[string(w)] }
	for _, tc := range []struct{ note, want string }{
		{"1 United Nations, Treaty Se-\nries, vol. 1249, No. 20378.", "United Nations, Treaty Series, vol. 1249, No. 20378."},
		{"1 See the Conven-\ntion on the Rights of the Child.", "See the Convention on the Rights of the Child."},
		// A compound, a hyphen before a capital, the note's last line.
		{"1 A follow-\nup to the Treaty Series, vol. 1.", "A follow- up to the Treaty Series, vol. 1."},
		{"1 See the Secretary-\nGeneral's report.", "See the Secretary- General's report."}, // as in the body
		{"1 Treaty Series, vol. 1249, No. 20378, and Se-", "Treaty Series, vol. 1249, No. 20378, and Se-"},
	} {
		in := "The General Assembly,\n\nRecalling the Convention,1\n\n__________\n\n" + tc.note + "\n"
		f, err := source.New("t.txt", []byte(in))
		if err != nil {
			t.Fatal(err)
		}
		d := ParseOptions(f, Options{Word: word})
		if len(d.Footnotes) != 1 {
			t.Fatalf("%q: %d footnotes", tc.note, len(d.Footnotes))
		}
		s := &d.Footnotes[0].Text
		if s.Text != tc.want {
			t.Errorf("%q: footnote %q, want %q", tc.note, s.Text, tc.want)
		}
		for i := range s.Text {
			if src := s.Src(i); src < 0 || src >= len(in) || (s.Text[i] != ' ' && in[src] != s.Text[i]) {
				t.Errorf("%q: Src(%d) = %d", tc.note, i, src)
			}
		}
	}
}
