package htmltext

import (
	"strings"
	"testing"
)

func read(t testing.TB, s string) *View {
	t.Helper()
	v, err := Read(strings.NewReader(s), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestRead(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{
			name: "blocks make paragraphs, inline elements do not",
			html: `<html><head><title>Skip me</title><style>p{}</style><script>var x = "no";</script></head><body><nav><a href="/">Home</a></nav>
<h1>Draft   resolution</h1><p>Recalling <i>the</i> Conven<b>tion</b>
 against Corruption,</p><div>In a div<p>then a paragraph</p>after it</div></body></html>`,
			want: "Draft resolution\n\nRecalling the Convention against Corruption,\n\nIn a div\n\nthen a paragraph\n\nafter it\n",
		},
		{
			name: "line breaks, no-break spaces, quotes and superscripts",
			html: `<p>“One”&nbsp;— ‘two’<br>three<br/><br> four, 10 m<sup>2</sup></p><p>&nbsp;</p>`,
			want: "“One”\u00a0— ‘two’\nthree\nfour, 10 m2\n",
		},
		{
			name: "pre keeps its lines",
			html: `<pre>a  b
c</pre>`,
			want: "a  b\nc\n",
		},
		{
			name: "a blank line in pre ends a paragraph, as in typed UN pages",
			html: `<pre>
      The General Assembly,

      Recalling the Convention, 1/
   
                             -----

      1/  Resolution 44/25, annex.
</pre>`,
			want: "The General Assembly,\n\nRecalling the Convention, 1/\n\n-----\n\n1/  Resolution 44/25, annex.\n",
		},
		{
			name: "ordered lists keep their numbers",
			html: `<ol><li><i>Expresses</i> concern;<ol type="a"><li>first;</li><li>second;</li></ol></li><li>Calls upon States;</li></ol><ol start="4" type="i"><li>four</li><li value="9">nine</li></ol><ul><li>bullet</li></ul>`,
			want: "1. Expresses concern;\n\na. first;\n\nb. second;\n\n2. Calls upon States;\n\niv. four\n\nix. nine\n\nbullet\n",
		},
		{
			name: "table cells are paragraphs",
			html: `<table><tr><th>Instrument</th><th>Treaty Series</th></tr><tr><td>CRC</td><td>vol. 1577</td></tr></table>`,
			want: "Instrument\n\nTreaty Series\n\nCRC\n\nvol. 1577\n",
		},
		{
			name: "hidden elements",
			html: `<p>shown<span style="display: none">hidden</span><span hidden>hidden</span><span aria-hidden="true">hidden</span><span style='mso-hide:all'>hidden</span></p>`,
			want: "shown\n",
		},
		{
			name: "superscript anchor footnotes",
			html: `<p>Convention,<sup><a href="#fn1">1</a></sup> and Protocol<sup><a href="#fn2">2</a></sup></p>
<p>See <a href="#sec2">section 2</a>.</p><h2 id="sec2">Section 2</h2>
<hr><ol class="footnotes"><li id="fn1">United Nations, <i>Treaty Series</i>, vol. 520. <a href="#ref1">↩</a></li><li id="fn2"><p>First.</p><p>Second.</p></li></ol>`,
			want: "Convention,[^1] and Protocol[^2]\n\nSee section 2.\n\nSection 2\n\n[^1]: United Nations, Treaty Series, vol. 520. ↩\n\n[^2]: First. Second.\n",
		},
		{
			name: "pandoc footnotes",
			html: `<p>Text<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> more.<a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a></p>
<section class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr /><ol>
<li id="fn1" role="doc-endnote"><p>General Assembly resolution 60/288.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2" role="doc-endnote"><p><em>Ibid.</em>, vol. 976.<a href="#fnref2" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol></section>`,
			want: "Text[^1] more.[^2]\n\n[^1]: General Assembly resolution 60/288.\n\n[^2]: Ibid., vol. 976.\n",
		},
		{
			name: "Word-exported footnotes and endnotes",
			html: `<div class=WordSection1><p class=MsoNormal>Recalling the Convention,<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[1]</span><![endif]></span></span></a> and<a style='mso-endnote-id:edn1' href="#_edn1" name="_ednref1" title=""><span class=MsoEndnoteReference><![if !supportFootnotes]>[i]<![endif]></span></a></p></div>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>
<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> United Nations, <i>Treaty Series</i>,</p><p class=MsoFootnoteText>vol. 520, No. 7515.</p></div></div>
<div style='mso-element:endnote-list'><div style='mso-element:endnote' id=edn1><p class=MsoEndnoteText><a href="#_ednref1" name="_edn1" title="">[i]</a> An endnote.</p></div></div>`,
			want: "Recalling the Convention,[^1] and[^e1]\n\n[^1]: United Nations, Treaty Series, vol. 520, No. 7515.\n\n[^e1]: An endnote.\n",
		},
		{
			name: "a reference repeated, a note referenced from a note",
			html: `<p>A<sup><a href="#fn1">1</a></sup> B<sup><a href="#fn1">1</a></sup></p><div id="fn1">One, see<sup><a href="#fn9">9</a></sup></div><div id="fn9">Nine.</div>`,
			want: "A[^1] B[^1]\n\nNine.\n\n[^1]: One, see9\n",
		},
		{
			name: "a link to an ancestor is not a footnote",
			html: `<div id="fn1"><p>Text<sup><a href="#fn1">1</a></sup></p></div>`,
			want: "Text1\n",
		},
		{
			name: "bracketed sphinx back-link",
			html: `<p>Text<a class="footnote-reference brackets" href="#id3" id="id1" role="doc-noteref"><span class="fn-bracket">[</span>1<span class="fn-bracket">]</span></a></p><aside class="footnote brackets" id="id3" role="doc-footnote"><span class="label"><span class="fn-bracket">[</span><a role="doc-backlink" href="#id1">1</a><span class="fn-bracket">]</span></span><p>Note text.</p></aside>`,
			want: "Text[^1]\n\n[^1]: Note text.\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := read(t, tc.html)
			if v.Text != tc.want {
				t.Errorf("text:\n got %q\nwant %q", v.Text, tc.want)
			}
			checkView(t, v)
		})
	}
}

// checkView checks the invariants every View keeps.
func checkView(t testing.TB, v *View) {
	t.Helper()
	lines := strings.Split(v.Text, "\n")
	prev := 0
	for i, p := range v.Paragraphs {
		if p.Line <= prev || p.Line > len(lines) || lines[p.Line-1] == "" {
			t.Fatalf("paragraph %d: bad line %d", i, p.Line)
		}
		if got := v.Locate(p.Line); got != p {
			t.Errorf("Locate(%d) = %+v, want %+v", p.Line, got, p)
		}
		prev = p.Line
	}
	if v.Text != "" && len(v.Paragraphs) == 0 {
		t.Errorf("text without paragraphs")
	}
}
