package formateq

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/source"
)

// paragraphs returns the text:p paragraphs of the body of a .fodt, notes
// written "{label: text}", and checks that it is well-formed XML.
func paragraphs(t *testing.T, fodt []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(fodt))
	var out []string
	var cur, note strings.Builder
	depth, inNote, inCitation, inBody := 0, 0, false, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, fodt)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "text":
				inBody = tok.Name.Space == "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
			case "p":
				if inNote == 0 {
					depth++
					cur.Reset()
				}
			case "note":
				inNote++
				note.Reset()
			case "note-citation":
				inCitation = true
			case "s":
				for _, a := range tok.Attr {
					if a.Name.Local == "c" {
						cur.WriteString(strings.Repeat(" ", len(a.Value)))
					}
				}
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "p":
				if inNote == 0 && inBody {
					out = append(out, cur.String())
				}
			case "note":
				inNote--
				cur.WriteString("{" + note.String() + "}")
			case "note-citation":
				inCitation = false
				note.WriteString(":")
			}
		case xml.CharData:
			switch {
			case inNote > 0 && inCitation:
				note.Write(tok)
			case inNote > 0:
				note.WriteString(" " + string(tok))
			default:
				cur.Write(tok)
			}
		}
	}
	return out
}

func TestFODT(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
		stats      Stats
	}{{
		name: "superscripts, a footnote block in mid-sentence, page furniture",
		text: `United Nations
A/C.3/80/L.9

Recalling the Convention on the Rights of the Child¹ and
__________________

¹ United Nations, Treaty Series, vol. 1577, No. 27531.

25-12345 (E)
*2512345*

its Optional Protocol,² & <others>,

² Ibid., vol. 2171, No. 27531.
`,
		want: []string{
			"United Nations",
			"A/C.3/80/L.9",
			"Recalling the Convention on the Rights of the Child{1: United Nations, Treaty Series, vol. 1577, No. 27531.} and its Optional Protocol,{2: Ibid., vol. 2171, No. 27531.} & <others>,",
		},
		stats: Stats{Footnotes: 2, Linked: 2, Joined: 1},
	}, {
		name: "Markdown, a footnote no marker names, numbering from 17",
		text: `The General Assembly,

Recalling its resolution 79/1,[^17] and the Pact[^19]  for the Future,

[^17]: Official Records.
[^18]: Not named in the text.
[^19]: Resolution 79/1.
`,
		want: []string{
			"The General Assembly,",
			"Recalling its resolution 79/1,{17: Official Records.}{18: Not named in the text.} and the Pact{19: Resolution 79/1.}  for the Future,",
		},
		stats: Stats{Footnotes: 3, Linked: 2, Unlinked: 1},
	}, {
		name: "glued markers, an asterisk marker; a page number alone",
		text: `Indonesia:* draft resolution

Recalling the Convention of 19721 and the Protocol,2 and

* On behalf of the Group.

1 United Nations, Treaty Series, vol. 976, No. 14152.

2 Ibid.

3
the Statute.
`,
		want: []string{
			"Indonesia:{*: On behalf of the Group.} draft resolution",
			"Recalling the Convention of 1972{1: United Nations, Treaty Series, vol. 976, No. 14152.} and the Protocol,{2: Ibid.} and",
			"3",
			"the Statute.",
		},
		stats: Stats{Footnotes: 3, Linked: 3, Unlinked: 0, Joined: 0},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := source.New("x.txt", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			fodt, st := FODT(f)
			got := paragraphs(t, fodt)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("paragraphs\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if st != tc.stats {
				t.Errorf("stats %+v, want %+v", st, tc.stats)
			}
		})
	}
}

// Numbered footnotes 1, 2, 3 … are numbered by the word processor; any
// other numbering is written as custom marks.
func TestFODTNumbering(t *testing.T) {
	citation := regexp.MustCompile(`<text:note-citation[^>]*>`)
	for _, tc := range []struct {
		text   string
		custom bool
	}{
		{"A text,[^1] more.[^2]\n\n[^1]: One.\n[^2]: Two.\n", false},
		{"A text,[^4] more.[^5]\n\n[^4]: Four.\n[^5]: Five.\n", true},
		{"A text,[^1] more.[^3]\n\n[^1]: One.\n[^3]: Three.\n", true},
	} {
		f, _ := source.New("x.md", []byte(tc.text))
		fodt, _ := FODT(f)
		for _, c := range citation.FindAll(fodt, -1) {
			if custom := bytes.Contains(c, []byte("text:label=")); custom != tc.custom {
				t.Errorf("%q: citation %s, want custom %v", tc.text, c, tc.custom)
			}
		}
	}
}

func TestDiff(t *testing.T) {
	check := `{"diagnostics": [
  {"path":"a/x.txt","line":9,"column":225,"rule":"treaty-year","severity":"error","found":"1954","expected":"1961","treaty":"single_convention_1961_as_amended"}
],
 "errors": [{"path":"a/y.txt","error":"empty file"}],
 "summary": {}}
{"diagnostics": [], "errors": [], "summary": {}}`
	refs := `{"references": [
  {"path": "a/x.txt", "line": 3, "kind": "unts", "text": "vol. 976", "volume": [
      "976"
    ], "number": "14152", "footnote": "3"},
  {"path": "a/x.txt", "line": 4, "kind": "unts", "text": "vol. 976", "volume": ["976"], "number": "14152", "footnote": "3"}
]}`
	want := map[string]*Result{}
	if err := ReadCheck(strings.NewReader(check), Stem, want); err != nil {
		t.Fatal(err)
	}
	if err := ReadRefs(strings.NewReader(refs), Stem, want); err != nil {
		t.Fatal(err)
	}
	x := want["x"]
	if x == nil || len(x.Findings) != 1 || len(x.Refs) != 2 || x.Refs[0] != x.Refs[1] || want["y"].Err != "empty file" {
		t.Fatalf("read %+v %+v", x, want["y"])
	}
	if d := Diff(x, x); d != nil {
		t.Errorf("Diff(x, x) = %q", d)
	}
	got := &Result{Findings: x.Findings, Refs: x.Refs[:1], Err: "boom"}
	d := Diff(x, got)
	wantDiff := []string{
		`error: "", got "boom"`,
		`- ref kind="unts" volume=["976"] number="14152" footnote="3"`,
	}
	if strings.Join(d, "\n") != strings.Join(wantDiff, "\n") {
		t.Errorf("Diff =\n%s\nwant\n%s", strings.Join(d, "\n"), strings.Join(wantDiff, "\n"))
	}
}
