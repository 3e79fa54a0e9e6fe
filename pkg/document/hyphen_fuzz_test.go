package document

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/source"
)

var hyWords = map[string]bool{"connection": true, "series": true, "convention": true, "august": true, "ab": true, "abc": true, "abcd": true, "cooperation": true}

func hyWord(w []byte) bool { return hyWords[string(w)] || len(w) >= 2 && w[0] == 'x' }

// alignHyphen reports whether with equals without with some "-" or "- "
// dropped.
func alignHyphen(with, without string) bool {
	i, j := 0, 0
	for i < len(with) || j < len(without) {
		if i < len(with) && j < len(without) && with[i] == without[j] {
			i++
			j++
			continue
		}
		if j < len(without) && without[j] == '-' {
			j++
			if j < len(without) && without[j] == ' ' && !(i < len(with) && with[i] == ' ') {
				j++
			}
			continue
		}
		return false
	}
	return true
}

// FuzzParseWord: parsing with a word list joins only hyphenated words: every
// byte of every stream still maps to the same byte of the source, the
// footnotes and markers are those of Parse, and the body differs from
// Parse's only by hyphens (and their joining spaces) left out.
func FuzzParseWord(f *testing.F) {
	for _, s := range []string{
		"Safeguards in Con-\nnection with the Treaty",
		"The General Assembly,\n\nRecalling the Convention,1\n\n__________\n\n1 United Nations, Treaty Se-\nries, vol. 1249, No. 20378.\n",
		"the Conven-\n\n1\nUnited Nations, Treaty Se-\n\n25-12345\n2/3\nries, vol. 1.\ntion on x\n",
		"of\u00a0Con-\nnection\u00a0,1 Au-\u00ad\ngust\n____\n1\u00a0Ibid., Se-\nries\u00a0x-\nab\n",
		"[^1]: Treaty Se-\n    ries xa-\nxb\n\ntext Con-\n\nnection[^1]\n",
		"the Convention1 xa-\nxb\n____\n1 Ibid. xab-\n\nxcd\n2 x-\nxy-\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) || strings.IndexByte(in, 0) >= 0 {
			return
		}
		src, err := source.New("f", []byte(in))
		if err != nil {
			return
		}
		d := ParseOptions(src, Options{Word: hyWord})
		d0 := Parse(src)
		text := src.Text
		check := func(s *Stream) {
			for i := 0; i <= len(s.Text); i++ {
				if o := s.Src(i); o < 0 || o > len(text) {
					t.Fatalf("offset %d maps outside the source: %d", i, o)
				}
			}
			for i := 0; i < len(s.Text); i++ {
				if c := s.Text[i]; c != ' ' && text[s.Src(i)] != c {
					t.Fatalf("%q: byte %d %q maps to source %d %q", s.Text, i, c, s.Src(i), text[s.Src(i)])
				}
			}
		}
		check(&d.Body)
		for _, fn := range d.Footnotes {
			check(&fn.Text)
		}
		if len(d.Footnotes) != len(d0.Footnotes) || len(d.Markers) != len(d0.Markers) {
			t.Fatalf("structure differs: %d/%d footnotes, %d/%d markers", len(d.Footnotes), len(d0.Footnotes), len(d.Markers), len(d0.Markers))
		}
		if !alignHyphen(d.Body.Text, d0.Body.Text) {
			t.Fatalf("body %q vs %q", d.Body.Text, d0.Body.Text)
		}
		for k := range d.Footnotes {
			if !alignHyphen(d.Footnotes[k].Text.Text, d0.Footnotes[k].Text.Text) {
				t.Fatalf("footnote %d %q vs %q", k, d.Footnotes[k].Text.Text, d0.Footnotes[k].Text.Text)
			}
		}
	})
}
