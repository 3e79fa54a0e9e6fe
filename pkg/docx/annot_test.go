package docx

import (
	"strings"
	"testing"
)

func comments(cs string) part {
	return part{"word/comments.xml", `<w:comments ` + wNS + `>` + cs + `</w:comments>`}
}

func comment(id, text string) string {
	return `<w:comment w:id="` + id + `" w:author="A"><w:p><w:r><w:annotationRef/></w:r>` + r(text) + `</w:p></w:comment>`
}

func TestComments(t *testing.T) {
	body := p(r("Recalling the Convention of ")+`<w:commentRangeStart w:id="1"/>`+r("1954")+`<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>`+r(",")) +
		p(`<w:commentRangeStart w:id="2"/>`+r("  Second paragraph")+`<w:commentRangeEnd w:id="2"/>`) +
		p(`<w:commentRangeStart w:id="3"/>`+r("not for citecheck")+`<w:commentRangeEnd w:id="3"/>`) +
		p(r("Across ")+`<w:commentRangeStart w:id="4"/>`+r("two")) + p(r("paragraphs")+`<w:commentRangeEnd w:id="4"/>`+fnRef("1")) +
		p(r("A noncharacter \uFDD0 in the text"))
	notes := footnotes(`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>` + r(" vol. ") + `<w:commentRangeStart w:id="5"/>` + r("977") + `<w:commentRangeEnd w:id="5"/>` + `</w:p></w:footnote>`)
	cs := comments(comment("1", "citecheck-ignore treaty-year: quoted") + comment("2", "citecheck-ignore all: whole") +
		comment("3", "a drafter's note") + comment("4", "citecheck-ignore footnote-repeated: x") + comment("5", "citecheck-ignore unts-citation: as published"))
	with := makeZip(t, document(body), notes, cs)
	v, err := readBytes(t, with, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The same document without comments reads the same.
	plain := strings.NewReplacer(`<w:commentRangeStart w:id="1"/>`, "", `<w:commentRangeStart w:id="2"/>`, "", `<w:commentRangeStart w:id="3"/>`, "",
		`<w:commentRangeStart w:id="4"/>`, "", `<w:commentRangeStart w:id="5"/>`, "", `<w:commentRangeEnd w:id="1"/>`, "", `<w:commentRangeEnd w:id="2"/>`, "",
		`<w:commentRangeEnd w:id="3"/>`, "", `<w:commentRangeEnd w:id="4"/>`, "", `<w:commentRangeEnd w:id="5"/>`, "")
	v0, err := readBytes(t, makeZip(t, document(plain.Replace(body)), footnotes(plain.Replace(notes.body[len(`<w:footnotes `+wNS+`>`):len(notes.body)-len(`</w:footnotes>`)]))), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if v.Text != v0.Text {
		t.Errorf("comments changed the text view:\n%q\nwithout them:\n%q", v.Text, v0.Text)
	}
	if !strings.Contains(v.Text, "A noncharacter \uFFFD in the text") {
		t.Errorf("a noncharacter of the document was kept: %q", v.Text)
	}
	want := map[string]string{
		"citecheck-ignore treaty-year: quoted":         "1954",
		"citecheck-ignore all: whole":                  "Second paragraph",
		"citecheck-ignore footnote-repeated: x":        "two\n\nparagraphs",
		"citecheck-ignore unts-citation: as published": "977",
	}
	if len(v.Comments) != len(want) {
		t.Fatalf("comments %+v, want %d", v.Comments, len(want))
	}
	for _, c := range v.Comments {
		w, ok := want[c.Text]
		if !ok {
			t.Errorf("unexpected comment %+v", c)
			continue
		}
		if got := strings.TrimSpace(v.Text[c.Start:c.End]); got != w {
			t.Errorf("comment %q covers %q, want %q", c.Text, got, w)
		}
	}
}

func fnRef(id string) string { return `<w:r><w:footnoteReference w:id="` + id + `"/></w:r>` }

func TestNoteRefFields(t *testing.T) {
	complexField := func(instr, result string) string {
		return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">` + instr + `</w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>` + result + `</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
	}
	body := p(r("Convention,")+`<w:bookmarkStart w:id="0" w:name="_Ref1"/>`+fnRef("1")+`<w:bookmarkEnd w:id="0"/>`+r(" Protocol,")+fnRef("2")) +
		p(r("again,")+complexField(` NOTEREF _Ref1 \f \h `, "1")) +
		p(r("and simple,")+`<w:fldSimple w:instr=" NOTEREF _Ref1 \f "><w:r><w:t>1</w:t></w:r></w:fldSimple>`) +
		p(r("see note ")+complexField(` NOTEREF _Ref1 \h `, "1")) +
		p(r("lost,")+complexField(` NOTEREF _Ref9 \f `, "7"))
	notes := footnotes(`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>` + r(" First, see ") + complexField(` NOTEREF _Ref1 \f `, "1") + `</w:p></w:footnote>` +
		`<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>` + r(" Second.") + `</w:p></w:footnote>`)
	v, err := readBytes(t, makeZip(t, document(body), notes), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Convention,[^1] Protocol,[^2]\n\nagain,[^1]\n\nand simple,[^1]\n\nsee note 1\n\nlost,7\n\n[^1]: First, see 1\n\n[^2]: Second.\n"
	if v.Text != want {
		t.Errorf("text view:\n%q\nwant\n%q", v.Text, want)
	}
}
