package docx

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// part is one file of a test archive.
type part struct{ name, body string }

// makeZip builds a zip archive from parts, in order.
func makeZip(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// document wraps body XML in a w:document.
func document(body string) part {
	return part{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document ` + wNS + ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` + body + `</w:body></w:document>`}
}

func footnotes(notes string) part {
	return part{"word/footnotes.xml", `<w:footnotes ` + wNS + `>` +
		`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
		notes + `</w:footnotes>`}
}

func endnotes(notes string) part {
	return part{"word/endnotes.xml", `<w:endnotes ` + wNS + `>` +
		`<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>` +
		notes + `</w:endnotes>`}
}

func readBytes(t testing.TB, b []byte, opt Options) (*View, error) {
	t.Helper()
	return Read(bytes.NewReader(b), int64(len(b)), opt)
}

func p(runs string) string { return `<w:p>` + runs + `</w:p>` }
func r(text string) string {
	return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

func TestReadText(t *testing.T) {
	fn := footnotes(`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> United Nations, </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Treaty Series</w:t></w:r><w:r><w:t>, vol. 520, No. 7515.</w:t></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> First paragraph.</w:t></w:r></w:p><w:p><w:r><w:t>Second</w:t><w:br/><w:t>line.</w:t></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="3"><w:p><w:r><w:t>Custom.</w:t></w:r></w:p></w:footnote>`)
	tests := []struct {
		name  string
		parts []part
		opt   Options
		want  string
	}{
		{
			name:  "runs split mid-word join without spaces",
			parts: []part{document(p(r("Conven") + `<w:r><w:rPr><w:b/></w:rPr><w:t>tion</w:t></w:r>` + r(" against")))},
			want:  "Convention against\n",
		},
		{
			name:  "paragraphs are separated by a blank line, blank ones dropped",
			parts: []part{document(p(r("One")) + p("") + p(r("  ")) + p(r("\u00a0")) + p(r("Two")))},
			want:  "One\n\nTwo\n",
		},
		{
			name:  "tab, break, carriage return, no-break hyphen, soft hyphen, symbol",
			parts: []part{document(p(`<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>pre</w:t><w:noBreakHyphen/><w:t>recorded</w:t><w:softHyphen/><w:sym w:font="Wingdings" w:char="F0E0"/></w:r>`))},
			want:  "a b\nc\npre-recorded\n",
		},
		{
			name:  "two breaks never make a blank line inside a paragraph",
			parts: []part{document(p(`<w:r><w:t>a </w:t><w:br/><w:br/><w:t> b</w:t></w:r>`))},
			want:  "a\nb\n",
		},
		{
			name:  "smart quotes, dashes, no-break spaces and superscripts are kept",
			parts: []part{document(p(r("“Preventing” — 1\u00a0000 ‘x’") + `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r>` + r(" ¹")))},
			want:  "“Preventing” — 1\u00a0000 ‘x’2 ¹\n",
		},
		{
			name: "field shows its result, not its instructions",
			parts: []part{document(p(r("See ") +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
				r("paragraph 4") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>` + r(" above.") +
				`<w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>`))},
			want: "See paragraph 4 above.7\n",
		},
		{
			name: "nested fields",
			parts: []part{document(p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
				`<w:r><w:instrText> = 1 "x" "y"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r("x") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>`))},
			want: "x\n",
		},
		{
			name:  "hyperlink, content control, smart tag keep their text",
			parts: []part{document(p(`<w:hyperlink r:id="rId5" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` + r("treaties.un.org") + `</w:hyperlink>` + r(" ") + `<w:sdt><w:sdtPr><w:alias w:val="Symbol"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>` + r("A/RES/70/1") + `</w:sdtContent></w:sdt>` + `<w:smartTag w:element="place">` + r(" Salvador") + `</w:smartTag>`))},
			want:  "treaties.un.org A/RES/70/1 Salvador\n",
		},
		{
			name:  "block content control",
			parts: []part{document(`<w:sdt><w:sdtPr><w:id w:val="1"/></w:sdtPr><w:sdtContent>` + p(r("In a control")) + `</w:sdtContent></w:sdt>`)},
			want:  "In a control\n",
		},
		{
			name: "tracked changes accepted by default",
			parts: []part{document(p(r("The Convention of ") +
				`<w:del w:id="1" w:author="x"><w:r><w:delText>1954</w:delText></w:r></w:del><w:ins w:id="2" w:author="x"><w:r><w:t>1961</w:t></w:r></w:ins>` +
				r(" as ") + `<w:moveFrom w:id="3"><w:r><w:t>old </w:t></w:r></w:moveFrom><w:moveTo w:id="4"><w:r><w:t>amended</w:t></w:r></w:moveTo>`))},
			want: "The Convention of 1961 as amended\n",
		},
		{
			name: "tracked changes as original",
			parts: []part{document(p(r("The Convention of ") +
				`<w:del w:id="1" w:author="x"><w:r><w:delText>1954</w:delText></w:r></w:del><w:ins w:id="2" w:author="x"><w:r><w:t>1961</w:t></w:r></w:ins>` +
				r(" as ") + `<w:moveFrom w:id="3"><w:r><w:t>old </w:t></w:r></w:moveFrom><w:moveTo w:id="4"><w:r><w:t>amended</w:t></w:r></w:moveTo>`))},
			opt:  Options{Revisions: "original"},
			want: "The Convention of 1954 as old\n",
		},
		{
			name: "deleted paragraph mark joins paragraphs when accepted",
			parts: []part{document(`<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="x"/></w:rPr></w:pPr>` + r("Recalling the") + `</w:p>` +
				p(r(" Convention,")) + p(r("Next")))},
			want: "Recalling the Convention,\n\nNext\n",
		},
		{
			name: "deleted paragraph mark stays in the original",
			parts: []part{document(`<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="x"/></w:rPr></w:pPr>` + r("Recalling the") + `</w:p>` +
				p(r(" Convention,")))},
			opt:  Options{Revisions: "original"},
			want: "Recalling the\n\nConvention,\n",
		},
		{
			name:  "hidden runs, comments and bookmarks are not text",
			parts: []part{document(p(`<w:bookmarkStart w:id="0" w:name="x"/><w:commentRangeStart w:id="0"/>` + r("Shown") + `<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t> too</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`))},
			want:  "Shown too\n",
		},
		{
			name: "table cells are paragraphs",
			parts: []part{document(p(r("Before")) + `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr/>` + p(r("A1")) + `</w:tc><w:tc>` + p(r("B1")) + p(r("B1 second")) + `</w:tc></w:tr></w:tbl>` + p(r("After")) +
				`<w:sectPr><w:pgSz w:w="12240"/></w:sectPr>`)},
			want: "Before\n\nA1\n\nB1\n\nB1 second\n\nAfter\n",
		},
		{
			name: "footnote references and footnotes",
			parts: []part{document(p(r("Convention,")+`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>`+r(" and")) +
				p(r("Protocol")+`<w:r><w:footnoteReference w:id="1"/></w:r>`)), fn},
			want: "Convention,[^1] and\n\nProtocol[^2]\n\n[^1]: First paragraph. Second line.\n\n[^2]: United Nations, Treaty Series, vol. 520, No. 7515.\n",
		},
		{
			name:  "custom footnote mark does not take a number",
			parts: []part{document(p(r("Draft") + `<w:r><w:footnoteReference w:customMarkFollows="1" w:id="3"/><w:t>*</w:t></w:r>` + r(" text") + `<w:r><w:footnoteReference w:id="1"/></w:r>`)), fn},
			want:  "Draft[^*] text[^1]\n\n[^*]: Custom.\n\n[^1]: United Nations, Treaty Series, vol. 520, No. 7515.\n",
		},
		{
			name:  "custom footnote mark in the next run",
			parts: []part{document(p(r("Draft") + `<w:r><w:footnoteReference w:customMarkFollows="true" w:id="3"/></w:r><w:r><w:t>†</w:t></w:r>` + r(" text"))), fn},
			want:  "Draft[^†] text\n\n[^†]: Custom.\n",
		},
		{
			name: "a custom mark LibreOffice wrote twice in its note is left out, and a note's first word is kept",
			parts: []part{document(p(r("Draft") + `<w:r><w:footnoteReference w:customMarkFollows="1" w:id="7"/><w:t>a</w:t></w:r>` + r(" and") + `<w:r><w:footnoteReference w:customMarkFollows="1" w:id="8"/><w:t>a</w:t></w:r>`)),
				footnotes(`<w:footnote w:id="7"><w:p><w:r><w:t>a</w:t></w:r><w:r><w:t>a</w:t></w:r><w:r><w:t xml:space="preserve"> United Nations, Treaty Series, vol. 2237, No. 39574.</w:t></w:r></w:p></w:footnote>` +
					`<w:footnote w:id="8"><w:p><w:r><w:t>a</w:t></w:r><w:r><w:t xml:space="preserve">as amended.</w:t></w:r></w:p></w:footnote>`)},
			want: "Draft[^a] and[^a]\n\n[^a]: United Nations, Treaty Series, vol. 2237, No. 39574.\n\n[^a]: as amended.\n",
		},
		{
			name: "endnotes",
			parts: []part{document(p(r("Text") + `<w:r><w:endnoteReference w:id="1"/></w:r>` + r(" more") + `<w:r><w:endnoteReference w:id="2"/></w:r>`)),
				endnotes(`<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> First.</w:t></w:r></w:p></w:endnote><w:endnote w:id="2"><w:p><w:r><w:t>Second.</w:t></w:r></w:p></w:endnote>`)},
			want: "Text[^e1] more[^e2]\n\n[^e1]: First.\n\n[^e2]: Second.\n",
		},
		{
			name:  "text box content is read once (choice, not fallback)",
			parts: []part{document(p(r("Outer") + `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:txbxContent>` + p(r("Boxed")) + `</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml"><w:txbxContent>` + p(r("Boxed")) + `</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`))},
			want:  "Boxed\n\nOuter\n",
		},
		{
			name:  "math text",
			parts: []part{document(p(r("x ") + `<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>a+b</m:t></m:r></m:oMath>`))},
			want:  "x a+b\n",
		},
		{
			name:  "strict OOXML namespace",
			parts: []part{{"word/document.xml", `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>Strict</w:t></w:r></w:p></w:body></w:document>`}},
			want:  "Strict\n",
		},
		{
			name: "main part found through relationships",
			parts: []part{
				{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="doc/main.xml"/></Relationships>`},
				{"doc/_rels/main.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="notes.xml"/></Relationships>`},
				{"doc/main.xml", document(p(r("Moved") + `<w:r><w:footnoteReference w:id="1"/></w:r>`)).body},
				{"doc/notes.xml", footnotes(`<w:footnote w:id="1"><w:p><w:r><w:t>Note.</w:t></w:r></w:p></w:footnote>`).body},
			},
			want: "Moved[^1]\n\n[^1]: Note.\n",
		},
		{
			name:  "empty document",
			parts: []part{document("")},
			want:  "",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, err := readBytes(t, makeZip(t, tc.parts...), tc.opt)
			if err != nil {
				t.Fatal(err)
			}
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
	if len(v.Paragraphs) == 0 && v.Text != "" {
		t.Errorf("text without paragraphs: %q", v.Text)
	}
	prev := 0
	for i, para := range v.Paragraphs {
		if para.Line <= prev || para.Line > len(lines) {
			t.Fatalf("paragraph %d: line %d out of order or range (%d lines)", i, para.Line, len(lines))
		}
		if lines[para.Line-1] == "" {
			t.Errorf("paragraph %d starts on a blank line %d", i, para.Line)
		}
		if para.Line > 1 && lines[para.Line-2] != "" {
			t.Errorf("paragraph %d (line %d) does not follow a blank line", i, para.Line)
		}
		if got := v.Locate(para.Line); got != para {
			t.Errorf("Locate(%d) = %+v, want %+v", para.Line, got, para)
		}
		prev = para.Line
	}
}

func TestParagraphs(t *testing.T) {
	fn := footnotes(`<w:footnote w:id="5"><w:p><w:r><w:t>Note one</w:t><w:br/><w:t>continued.</w:t></w:r></w:p></w:footnote>`)
	en := endnotes(`<w:endnote w:id="1"><w:p><w:r><w:t>End.</w:t></w:r></w:p></w:endnote>`)
	settings := part{"word/settings.xml", `<w:settings ` + wNS + `><w:footnotePr><w:footnote w:id="-1"/></w:footnotePr><w:endnotePr><w:numFmt w:val="lowerRoman"/><w:numStart w:val="2"/></w:endnotePr></w:settings>`}
	b := makeZip(t, document(p(r("First")+`<w:r><w:footnoteReference w:id="5"/></w:r>`)+p(`<w:r><w:t>Second</w:t><w:br/><w:t>two lines</w:t></w:r>`)+p(r("Third")+`<w:r><w:endnoteReference w:id="1"/></w:r>`)), fn, en, settings)
	v, err := readBytes(t, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "First[^1]\n\nSecond\ntwo lines\n\nThird[^e1]\n\n[^1]: Note one continued.\n\n[^e1]: End.\n"
	if v.Text != want {
		t.Fatalf("text:\n got %q\nwant %q", v.Text, want)
	}
	wantParas := []Paragraph{
		{Line: 1, Part: "body", Index: 1, Label: "paragraph 1"},
		{Line: 3, Part: "body", Index: 2, Label: "paragraph 2"},
		{Line: 6, Part: "body", Index: 3, Label: "paragraph 3"},
		{Line: 8, Part: "footnote", Index: 1, Label: "footnote 1", ID: "5"},
		{Line: 10, Part: "endnote", Index: 1, Label: "endnote ii", ID: "1"},
	}
	if len(v.Paragraphs) != len(wantParas) {
		t.Fatalf("paragraphs: got %+v", v.Paragraphs)
	}
	for i := range wantParas {
		if v.Paragraphs[i] != wantParas[i] {
			t.Errorf("paragraph %d: got %+v, want %+v", i, v.Paragraphs[i], wantParas[i])
		}
	}
	for line, want := range map[int]string{0: "", 1: "paragraph 1", 2: "paragraph 1", 4: "paragraph 2", 5: "paragraph 2", 7: "paragraph 3", 9: "footnote 1", 10: "endnote ii", 99: "endnote ii"} {
		if got := v.Locate(line).Label; got != want {
			t.Errorf("Locate(%d) = %q, want %q", line, got, want)
		}
	}
	checkView(t, v)
}

func TestNumbering(t *testing.T) {
	numbering := part{"word/numbering.xml", `<w:numbering ` + wNS + `>` +
		`<w:abstractNum w:abstractNumId="0">` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/><w:suff w:val="space"/></w:lvl>` +
		`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%3"/><w:isLgl/></w:lvl>` +
		`</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1"/><w:suff w:val="nothing"/><w:pStyle w:val="Heading"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>` +
		`<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>` +
		`</w:numbering>`}
	styles := part{"word/styles.xml", `<w:styles ` + wNS + `>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Operative"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Sub"><w:basedOn w:val="Operative"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>` +
		`</w:styles>`}
	np := func(numID, ilvl, text string) string {
		return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr>` + r(text) + `</w:p>`
	}
	sp := func(style, text string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>` + r(text) + `</w:p>`
	}
	body := np("1", "0", "Expresses") + np("1", "1", "first") + np("1", "1", "second") + np("1", "2", "deep") +
		np("1", "0", "Calls") + np("1", "1", "again a") + np("2", "0", "bullet") +
		sp("Operative", "Styled") + sp("Sub", "styled sub") + p(r("Plain")) +
		`<w:p><w:pPr><w:pStyle w:val="Operative"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>` + r("Unnumbered") + `</w:p>` +
		np("3", "0", "Restarted") + np("3", "0", "Next") + np("1", "0", "Continued") +
		sp("Heading", "Heading") + sp("Heading", "Heading")
	v, err := readBytes(t, makeZip(t, document(body), numbering, styles), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1. Expresses", "(a) first", "(b) second", "1.2.1 deep", "2. Calls", "(a) again a", "bullet",
		"3. Styled", "(a) styled sub", "Plain", "Unnumbered", "10. Restarted", "11. Next", "12. Continued", "IIIHeading", "IVHeading"}
	if got := strings.Split(strings.TrimSuffix(v.Text, "\n"), "\n\n"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{4, "decimal", "4"}, {4, "decimalZero", "04"}, {14, "lowerRoman", "xiv"}, {1999, "upperRoman", "MCMXCIX"},
		{1, "lowerLetter", "a"}, {27, "lowerLetter", "aa"}, {28, "upperLetter", "BB"}, {2, "chicago", "†"},
		{5, "chicago", "**"}, {11, "ordinal", "11th"}, {22, "ordinal", "22nd"}, {3, "decimalEnclosedParen", "(3)"},
	}
	for _, tc := range tests {
		if got, ok := FormatNumber(tc.n, tc.format); !ok || got != tc.want {
			t.Errorf("FormatNumber(%d, %q) = %q, %v; want %q", tc.n, tc.format, got, ok, tc.want)
		}
	}
	if _, ok := FormatNumber(1, "japaneseCounting"); ok {
		t.Error("unknown format accepted")
	}
}
