package pdftext

import (
	"bytes"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/source"
)

// A synthetic page: 600 × 800 points, body text 11 points high at 12
// point pitch, footnotes 9 points high, markers 7 points high and raised.
const (
	pageW, pageH = 600.0, 800.0
	bodyH        = 11.0
	noteH        = 9.0
	superH       = 7.0
	charW        = 5.0
	spaceW       = 3.0
	left         = 100.0
)

type pageBuilder struct{ p page }

func newPage() *pageBuilder { return &pageBuilder{p: page{width: pageW, height: pageH}} }

// line sets text at top y with height h starting at x. In a token
// "word^5" the 5 is a superscript glued to the word ("^5" alone glues it
// to what went before); "|" opens a wide gap.
func (b *pageBuilder) line(y, h, x float64, text string) *pageBuilder {
	for _, tok := range strings.Fields(text) {
		if tok == "|" {
			x += 150
			continue
		}
		tok, sup, _ := strings.Cut(tok, "^")
		if tok != "" {
			w := float64(len(tok)) * charW
			b.p.words = append(b.p.words, word{text: tok, xMin: x, yMin: y, xMax: x + w, yMax: y + h})
			x += w
		}
		if sup != "" {
			w := float64(len(sup)) * charW * 0.6
			b.p.words = append(b.p.words, word{text: sup, xMin: x, yMin: y - 0.5, xMax: x + w, yMax: y - 0.5 + superH*h/bodyH})
			x += w
		}
		x += spaceW
	}
	return b
}

// body sets body lines from y down.
func (b *pageBuilder) body(y float64, lines ...string) *pageBuilder {
	for i, l := range lines {
		b.line(y+float64(i)*12, bodyH, left, l)
	}
	return b
}

// notes sets a rule at y and footnote lines below it; a line starting
// "N " gets N as a superscript label hanging left of the text.
func (b *pageBuilder) notes(y float64, lines ...string) *pageBuilder {
	b.line(y, 10, left-20, "_______________")
	y += 14
	for _, l := range lines {
		lab, rest, ok := strings.Cut(l, " ")
		if ok && isLabelText(lab) {
			b.p.words = append(b.p.words, word{text: lab, xMin: left - 6, yMin: y - 0.3, xMax: left - 3, yMax: y + 5.8})
			l = rest
		}
		b.line(y, noteH, left, l)
		y += 10.5
	}
	return b
}

func (b *pageBuilder) footer(n, of int) *pageBuilder {
	b.line(750, bodyH, 60, "25-12345")
	b.line(750, bodyH, 520, itoa(n)+"/"+itoa(of))
	return b
}

func itoa(n int) string { return string(rune('0' + n)) }

func TestRenderFootnoteContinuesOnNextPage(t *testing.T) {
	p1 := newPage().
		body(100, "The General Assembly,", "Recalling the Convention,^1 which", "sets out the law,").
		notes(600, "1 United Nations, Treaty Series, vol. 1833,", "No. 31363. A note so long that").
		footer(1, 2)
	p2 := newPage().
		body(100, "and the Agreement,^2 and").
		notes(600, "it runs on to the next page.", "2 Ibid., vol. 1836, No. 31364.").
		footer(2, 2)
	got := render([]page{p1.p, p2.p})
	want := `The General Assembly,
Recalling the Convention,¹ which
sets out the law,
__________________

1  United Nations, Treaty Series, vol. 1833,
No. 31363. A note so long that
it runs on to the next page.

and the Agreement,² and
__________________

2  Ibid., vol. 1836, No. 31364.
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// Footnotes at the foot of the page that look alike from page to page
// are not running footers.
func TestRenderKeepsLookalikeFootnotes(t *testing.T) {
	var pages []page
	for i := 1; i <= 2; i++ {
		p := newPage().
			body(100, "Recalling the Convention^"+itoa(i), "and more text,").
			notes(700, itoa(i)+" United Nations, Treaty Series, vol. 1490, No. 25573.").
			footer(i, 2)
		pages = append(pages, p.p)
	}
	got := render(pages)
	if n := strings.Count(got, "Treaty Series"); n != 2 {
		t.Errorf("%d Treaty Series footnotes kept, want 2:\n%s", n, got)
	}
}

func TestRenderRunningHeaderAndFurniture(t *testing.T) {
	var pages []page
	for i := 1; i <= 3; i++ {
		p := newPage().
			line(40, bodyH, 350, "Oceans and the law of the sea").
			line(40, bodyH, 60, "A/RES/80/99").
			body(75, "Page "+itoa(i)+" text, citing", "A/80/387.").
			line(760, 17, 60, "*2512345*").
			footer(i, 3)
		pages = append(pages, p.p)
	}
	got := render(pages)
	want := `Oceans and the law of the sea

Page 1 text, citing
A/80/387.
Page 2 text, citing
A/80/387.
Page 3 text, citing
A/80/387.
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestRenderMarkers(t *testing.T) {
	p := newPage().
		body(100, "some 10^6 square kilometres and the", "Convention of 1972^1 and", "the Protocol^2").
		line(136, bodyH, left, "^3 which wrapped.").
		notes(600, "1 First.", "2 Second.", "3 Third.")
	got := render([]page{p.p})
	want := `some 106 square kilometres and the
Convention of 1972¹ and
the Protocol²³
which wrapped.
__________________

1  First.

2  Second.

3  Third.
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// Without a rule set as text (LibreOffice draws it), the footnote area is
// the run of smaller lines at the foot of the page that starts with a
// label; plain-size labels count where they continue the numbering.
func TestRenderFootnotesWithoutRule(t *testing.T) {
	p := newPage().
		body(100, "Recalling the Convention,^1 and", "2 December 2024 was a date and", "the body of the page runs on", "for some lines, longer than the", "footnotes, until the Protocol,^2").
		line(600, noteH, left, "1 United Nations, Treaty Series, vol. 1, No. 2.").
		line(611, noteH, left, "2 Ibid., vol. 3, No. 4, of").
		line(622, noteH, left, "3 May 1999.")
	got := render([]page{p.p})
	want := `Recalling the Convention,¹ and
2 December 2024 was a date and
the body of the page runs on
for some lines, longer than the
footnotes, until the Protocol,²
__________________

1  United Nations, Treaty Series, vol. 1, No. 2.

2  Ibid., vol. 3, No. 4, of
3 May 1999.
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// An extract from a volume numbers its footnotes on from the volume's
// earlier ones: without a rule and without superscript labels, the first
// footnote's plain number need not be 1; the next ones must count on.
func TestRenderFootnotesWithoutRuleFromVolume(t *testing.T) {
	p := newPage().
		body(100, "Recalling its resolution^17 and the reports^1819 of", "the Secretary-General, and the body of the page", "runs on for some lines, longer than the footnotes").
		line(600, noteH, left, "17 Official Records, Supplement No. 2.").
		line(611, noteH, left, "18 Ibid., document S/6569.").
		line(622, noteH, left, "19 Ibid., document S/6586, of").
		line(633, noteH, left, "21 May 1999.")
	got := render([]page{p.p})
	want := `Recalling its resolution¹⁷ and the reports[^18][^19] of
the Secretary-General, and the body of the page
runs on for some lines, longer than the footnotes
__________________

17  Official Records, Supplement No. 2.

18  Ibid., document S/6569.

19  Ibid., document S/6586, of
21 May 1999.
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// Word and LibreOffice set a label too wide for the hanging indent
// against its text ("108Ibid.,"), and draw the rule instead of typing it:
// the glued label is still a label, and a footnote citing a volume at the
// same height on every page is no running footer, though its digits
// masked ("###Ibid., vol. ####, No. #####.") are the same text.
func TestRenderGluedLabelsAndRepeatedCitations(t *testing.T) {
	mk := func(n int, marker string) page {
		return newPage().
			body(100, "Recalling the Convention,^"+marker+" and the body", "of the page runs on for some lines, longer than", "the footnotes, until the page ends with text").
			line(760, noteH, left, marker+"Ibid., vol. "+[]string{"2303", "1249"}[n]+", No. "+[]string{"30822", "20378"}[n]+".").
			line(780, noteH, left+200, "26-02597 "+[]string{"1/2", "2/2"}[n]).p
	}
	got := render([]page{mk(0, "108"), mk(1, "109")})
	for _, want := range []string{"108  Ibid., vol. 2303, No. 30822.", "109  Ibid., vol. 1249, No. 20378.", "Convention,¹⁰⁸", "Convention,¹⁰⁹"} {
		if !strings.Contains(got, want) {
			t.Errorf("the view lacks %q:\n%s", want, got)
		}
	}
}

func TestGluedLabel(t *testing.T) {
	for w, want := range map[string]string{
		"108Ibid.,": "108", "112United": "112", "116A/81/196.": "116", "1Official": "1",
		"3D": "", "20A": "", "2030Agenda": "", "0Ibid.": "", "Ibid.": "", "12ibid.": "", "101": "",
	} {
		if got := gluedLabel(w); got != want {
			t.Errorf("gluedLabel(%q) = %q, want %q", w, got, want)
		}
	}
}

// Without a typed rule (Word, LibreOffice), a footnote its page ends
// mid-sentence goes on at the foot of the next page, above that page's own
// footnotes: the smaller rows with no label there are its rest.
func TestRenderContinuedFootnoteWithoutRule(t *testing.T) {
	p1 := newPage().
		body(100, "Recalling the Convention on the Rights of the Child,^1 and", "the body of the page runs on for some lines, longer", "than the footnotes, until the page ends with text").
		line(700, noteH, left, "1 See the reports of the Secretary-General and of the Special Rapporteur to the Council")
	p2 := newPage().
		body(100, "and the Convention on Biological Diversity^2 is an essential", "framework, and the body of the page runs on for some", "lines, longer than the footnotes, until the page ends").
		line(700, noteH, left, "(A/HRC/55/55), and United Nations, Treaty Series, vol. 1577, No. 27531.").
		line(711, noteH, left, "2 Ibid., vol. 1760, No. 30619.")
	got := render([]page{p1.p, p2.p})
	for _, want := range []string{
		"1  See the reports of the Secretary-General and of the Special Rapporteur to the Council\n(A/HRC/55/55), and United Nations, Treaty Series, vol. 1577, No. 27531.",
		"lines, longer than the footnotes, until the page ends\n__________________\n\n2  Ibid., vol. 1760, No. 30619.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the view lacks %q:\n%s", want, got)
		}
	}
}

// A note left open continues only on the page right after it: small
// rows at the foot of a later page are that page's own.
func TestRenderOpenNoteOnlyOnTheNextPage(t *testing.T) {
	body := func(b *pageBuilder) *pageBuilder {
		return b.body(100, "and the body of the page runs on for some lines, longer", "than the footnotes, until the page ends with its text", "and more text until the page ends with its last line")
	}
	p1 := body(newPage()).line(700, noteH, left, "1 See https://undocs.org/A/80/1")
	p1.line(100, bodyH, left+300, "Recalling,^1")
	p2 := body(newPage())
	p3 := body(newPage()).line(700, noteH, left, "Source: Department of Economic and Social Affairs, table 4")
	got := render([]page{p1.p, p2.p, p3.p})
	if strings.Contains(got, "A/80/1\nSource") || strings.Index(got, "Source: Department") < strings.LastIndex(got, "last line") {
		t.Errorf("the row of page 3 went to page 1's note:\n%s", got)
	}
}

func TestRenderEmpty(t *testing.T) {
	if got := render(nil); got != "" {
		t.Errorf("render(nil) = %q", got)
	}
	if got := render([]page{{width: 600, height: 800}}); got != "" {
		t.Errorf("empty page = %q", got)
	}
}

func TestParseBBox(t *testing.T) {
	x := `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
<head><title>a &amp; b</title><meta name="Author" content="&lt;x&gt;"/></head><body><doc>
<page width="612.000000" height="792.000000"><flow><block><line>
<word xMin="10" yMin="20" xMax="30" yMax="31">Oceans</word><word xMin="33" yMin="20" xMax="40" yMax="31">&amp;</word><word xMin="43" yMin="20" xMax="60" yMax="31">&lt;seas&gt;</word>
</line></block></flow></page>
<page width="612" height="792"></page>
</doc></body></html>`
	pages, err := parseBBox(strings.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || len(pages[0].words) != 3 || pages[0].words[2].text != "<seas>" || pages[0].height != 792 {
		t.Fatalf("pages = %+v", pages)
	}
	if got := render(pages); got != "Oceans & <seas>\n" {
		t.Errorf("render = %q", got)
	}
}

func FuzzParseBBox(f *testing.F) {
	f.Add([]byte(`<doc><page width="100" height="100"><word xMin="1" yMin="1" xMax="9" yMax="9">ok</word></page></doc>`))
	f.Add([]byte(`<doc><page width="100" height="100"><word xMin="9" yMin="9" xMax="1" yMax="1">1</word><word xMin="NaN" yMin="-1e308" xMax="1e308" yMax="0">_____</word></page></doc>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		pages, err := parseBBox(bytes.NewReader(data))
		if err != nil {
			return
		}
		render(pages)
	})
}

func TestNoteLine(t *testing.T) {
	for _, tc := range []struct{ label, text, want string }{
		{"5", "United Nations, Treaty Series, vol. 1, No. 2.", "5  United Nations, Treaty Series, vol. 1, No. 2."},
		{"*", "A/80/150.", "*  A/80/150."},
		{"12", "“Quoted”.", "12  “Quoted”."},
		{"6", "ibid., vol. 2.", "⁶ ibid., vol. 2."},
		{"7", "10 December 1948.", "⁷ 10 December 1948."},
		{"8", "May 1999, para. 3.", "⁸ May 1999, para. 3."},
	} {
		if got := noteLine(tc.label, tc.text); got != tc.want {
			t.Errorf("noteLine(%q, %q) = %q, want %q", tc.label, tc.text, got, tc.want)
		}
	}
}

// A footnote whose text starts in lower case or with a date is still a
// footnote to pkg/document.
func TestRenderAwkwardFootnotesParse(t *testing.T) {
	p := newPage().
		body(100, "Recalling the Convention,^1 the Protocol^2 and", "the Declaration^3 of 1948,").
		notes(600, "1 United Nations, Treaty Series, vol. 1, No. 2.", "2 ibid., vol. 3, No. 4.", "3 10 December 1948, resolution 217 A (III).")
	text := render([]page{p.p})
	f, err := source.New("x.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	d := document.Parse(f)
	var got []string
	for _, n := range d.Footnotes {
		got = append(got, n.Label+" "+n.Text.Text)
	}
	want := []string{"1 United Nations, Treaty Series, vol. 1, No. 2.", "2 ibid., vol. 3, No. 4.", "3 10 December 1948, resolution 217 A (III)."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("footnotes\n%s\nwant\n%s\nin\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), text)
	}
	if len(d.Markers) != 3 {
		t.Errorf("%d markers, want 3", len(d.Markers))
	}
}

// Footnote markers set side by side come out of pdftotext as one word
// ("91011"): they are split into the labels of the page's footnotes that
// count up by one, written "[^9][^10][^11]" (superscript digits side by
// side would read as one label). A label of the page wins over the same
// digits as the label of another page's footnote.
func TestRenderAdjacentMarkers(t *testing.T) {
	p1 := newPage().
		body(100, "the Paris Agreement,^91011 as well as", "the Convention^34 and some 10^6 km").
		notes(600, "3 Third.", "4 Fourth.", "9 Ninth.", "10 Tenth.", "11 Eleventh.")
	p2 := newPage().
		body(100, "and the Protocol^34 on page two").
		notes(600, "34 Thirty-fourth.")
	text := render([]page{p1.p, p2.p})
	want := `the Paris Agreement,[^9][^10][^11] as well as
the Convention[^3][^4] and some 106 km
__________________

3  Third.

4  Fourth.

9  Ninth.

10  Tenth.

11  Eleventh.

and the Protocol³⁴ on page two
__________________

34  Thirty-fourth.
`
	if text != want {
		t.Errorf("got\n%s\nwant\n%s", text, want)
	}
	f, err := source.New("x.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	d := document.Parse(f)
	var labels []string
	for _, m := range d.Markers {
		labels = append(labels, m.Label)
	}
	if got := strings.Join(labels, " "); got != "9 10 11 3 4 34" {
		t.Errorf("markers %q, want %q", got, "9 10 11 3 4 34")
	}
	if !strings.Contains(d.Body.Text, "the Paris Agreement, as well as the Convention and") {
		t.Errorf("body %q", d.Body.Text)
	}
}

func TestSplitLabels(t *testing.T) {
	labels := map[string]bool{"1": true, "2": true, "9": true, "10": true, "11": true, "12": true, "101": true}
	for _, tc := range []struct {
		s    string
		want string
	}{
		{"12", "1 2"},
		{"91011", "9 10 11"},
		{"1011", "10 11"},
		{"101112", "10 11 12"},
		{"13", ""},
		{"106", ""},
		{"1012", ""},
		{"9", ""}, // one label is not split
	} {
		if got := strings.Join(splitLabels(tc.s, labels), " "); got != tc.want {
			t.Errorf("splitLabels(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}

// A word the page broke after its hyphen is mended: the next line's first
// word moves up, so that "2248 (S-V)" reads whole.
func TestRenderJoinsHyphenatedLines(t *testing.T) {
	p := newPage().
		body(100, "resolutions 2145 (XXI), 2248 (S-", "V), 2324 (XXII) and of the Secretary-", "General, and a long-", "range plan – not", "a dash – nor 1990–", "2000 nor (", "brackets").
		notes(600, "1 Official Records of the Non-", "Proliferation Treaty.")
	got := render([]page{p.p})
	want := `resolutions 2145 (XXI), 2248 (S-V),
2324 (XXII) and of the Secretary-General,
and a long-range
plan – not
a dash – nor 1990–
2000 nor (
brackets
__________________

1  Official Records of the Non-Proliferation
Treaty.
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
