package docx

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzOptions keep each fuzz input cheap.
var fuzzOptions = Options{MaxUncompressed: 4 << 20, MaxEntries: 100, MaxDepth: 200}

// checkFuzzView checks what must hold for any input Read accepts.
func checkFuzzView(t *testing.T, v *View) {
	if !utf8.ValidString(v.Text) {
		t.Fatalf("text view is not valid UTF-8: %q", v.Text)
	}
	checkView(t, v)
	for _, c := range v.Comments {
		if c.Start < 0 || c.End > len(v.Text) || c.Start > c.End || !utf8.RuneStart(v.Text[min(c.Start, len(v.Text)-1)]) {
			t.Fatalf("comment %+v outside the text view (%d bytes) or off a character", c, len(v.Text))
		}
	}
	if strings.ContainsFunc(v.Text, isMark) {
		t.Fatalf("a position marker is left in the text view: %q", v.Text)
	}
}

// FuzzRead feeds whole archives to Read: it must never panic, and what it
// accepts must be a well-formed View.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"seed.docx", "features.docx", "custommark.docx"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(makeZip(f, document(p(r("x")))))
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := readBytes(t, b, fuzzOptions)
		if err != nil {
			return
		}
		checkFuzzView(t, v)
	})
}

// FuzzDocumentXML fuzzes the XML of the main part, with footnotes,
// numbering and styles beside it, which whole-archive fuzzing seldom
// reaches.
func FuzzDocumentXML(f *testing.F) {
	f.Add(document(p(r("Convention,")+`<w:r><w:footnoteReference w:id="1"/></w:r>`)).body, 0)
	f.Add(document(`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr>`+r("a")+`</w:p>`+p(r("b"))).body, 1)
	f.Add(document(p(`<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>1</w:t><w:fldChar w:fldCharType="end"/></w:r><w:ins><w:r><w:footnoteReference w:customMarkFollows="1" w:id="2"/><w:t>*</w:t></w:r></w:ins><w:del><w:r><w:delText>old</w:delText></w:r></w:del>`)).body, 2)
	f.Add(document(p(`<w:r><mc:AlternateContent><mc:Choice><w:txbxContent>`+p(r("in box")+`<w:r><w:footnoteReference w:id="1"/></w:r>`)+`</w:txbxContent></mc:Choice></mc:AlternateContent></w:r>`)).body, 3)
	f.Add(document(p(`<w:bookmarkStart w:id="0" w:name="_R"/><w:r><w:footnoteReference w:id="1"/></w:r><w:bookmarkEnd w:id="0"/><w:commentRangeStart w:id="7"/>`+r("a \uFDD0")+`<w:commentRangeEnd w:id="7"/>`)+
		p(`<w:r><w:fldChar w:fldCharType="begin"/><w:instrText> NOTEREF _R \f </w:instrText><w:fldChar w:fldCharType="separate"/><w:t>1</w:t><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr="NOTEREF _X \f"><w:r><w:t>2</w:t></w:r></w:fldSimple>`)).body, 4)
	fn := footnotes(`<w:footnote w:id="1"><w:p><w:r><w:t>One.</w:t></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>* Two.</w:t></w:r></w:p></w:footnote>`)
	cs := part{"word/comments.xml", `<w:comments ` + wNS + `><w:comment w:id="7"><w:p>` + r("citecheck-ignore all: x") + `</w:p></w:comment></w:comments>`}
	numbering := part{"word/numbering.xml", `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)%9%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`}
	f.Fuzz(func(t *testing.T, xml string, mode int) {
		opt := fuzzOptions
		if mode%2 == 1 {
			opt.Revisions = RevisionsOriginal
		}
		v, err := readBytes(t, makeZip(t, part{"word/document.xml", xml}, fn, numbering, cs), opt)
		if err != nil {
			return
		}
		checkFuzzView(t, v)
	})
}
