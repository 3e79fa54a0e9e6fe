package docxedit

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/docx"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

type zpart struct{ name, body string }

func makeZip(t testing.TB, parts ...zpart) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

const rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

const docRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`

// wordDoc builds a package from body XML and footnotes XML.
func wordDoc(t testing.TB, body, notes string, extra ...zpart) []byte {
	parts := []zpart{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"word/_rels/document.xml.rels", docRels},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS +
			` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` + body + `</w:body></w:document>`},
		{"word/footnotes.xml", `<w:footnotes ` + wNS + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` + notes + `</w:footnotes>`},
	}
	return makeZip(t, append(parts, extra...)...)
}

func read(t testing.TB, b []byte, rev string) *docx.View {
	t.Helper()
	v, err := docx.Read(bytes.NewReader(b), int64(len(b)), docx.Options{Revisions: rev})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func entry(t testing.TB, b []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			s, _ := io.ReadAll(rc)
			return string(s)
		}
	}
	return ""
}

// editAt makes an edit of the first occurrence of old after marker in v.
func editAt(t testing.TB, v *docx.View, after, old, repl string) Edit {
	t.Helper()
	i := strings.Index(v.Text, after)
	if i < 0 {
		t.Fatalf("%q not in view %q", after, v.Text)
	}
	k := strings.Index(v.Text[i:], old)
	if k < 0 {
		t.Fatalf("%q not after %q", old, after)
	}
	return Edit{Start: i + k, End: i + k + len(old), New: repl}
}

func r(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func p(runs string) string { return `<w:p>` + runs + `</w:p>` }

const noteRef = `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>`
const note1 = `<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> United Nations, </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Treaty Series</w:t></w:r><w:r><w:t>, vol. 977, No. 14152.</w:t></w:r></w:p></w:footnote>`

// TestPlainFixChangesOnlyTheCharacters checks that a fix rewrites just the
// characters that differ, inside the run that holds them, whatever the
// runs look like.
func TestPlainFixChangesOnlyTheCharacters(t *testing.T) {
	tests := []struct {
		name        string
		body, notes string
		after, old  string
		repl        string
		changed     string // the only bytes of the part that change, old → new
		part        string
	}{
		{"one run", p(r("the Single Convention on Narcotic Drugs of 1954 as amended,") + noteRef), note1,
			"Drugs of ", "1954", "1961", "54→61", "word/document.xml"},
		{"year split over two runs", p(r("the Single Convention of 19") + `<w:r><w:rPr><w:b/></w:rPr><w:t>54</w:t></w:r>` + r(" as amended")), note1,
			"Convention of ", "1954", "1961", "54→61", "word/document.xml"},
		{"in a footnote", p(r("the Convention,") + noteRef), note1, "vol. ", "977", "976", "7→6", "word/footnotes.xml"},
		{"after an entity", p(r("Crime &amp; Drugs Convention of 1954")), "", "Drugs Convention of ", "1954", "1961", "54→61", "word/document.xml"},
		{"longer replacement", p(r("vol. 97, No. 14152")), "", "vol. ", "97", "976", "→6", "word/document.xml"},
		{"the same words twice", p(r("Convention of 1954.")) + p(r("Convention of 1954.")), "", "Convention of 1954.\n\nConvention of ", "1954", "1961", "54→61", "word/document.xml"},
		{"list label and tab before", p(`<w:r><w:t>4.</w:t><w:tab/></w:r>` + r("Convention of 1954.")), "", "Convention of ", "1954", "1961", "54→61", "word/document.xml"},
		{"hyperlink and field result", p(`<w:hyperlink><w:r><w:t>Convention</w:t></w:r></w:hyperlink>` + `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> QUOTE 1954 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r(" of 1954") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>`), "",
			"Convention of ", "1954", "1961", "54→61", "word/document.xml"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw := wordDoc(t, tc.body, tc.notes)
			v := read(t, raw, "")
			e := editAt(t, v, tc.after, tc.old, tc.repl)
			res, err := Rewrite(raw, v, []Edit{e}, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.EditErrs[0] != nil {
				t.Fatalf("not applied: %v", res.EditErrs[0])
			}
			before, after := entry(t, raw, tc.part), entry(t, res.Data, tc.part)
			pre, suf := commonAffixes(before, after)
			if got := before[pre:len(before)-suf] + "→" + after[pre:len(after)-suf]; got != tc.changed {
				t.Errorf("%s changed %q, want %q", tc.part, got, tc.changed)
			}
			want := v.Text[:e.Start] + e.New + v.Text[e.End:]
			if got := read(t, res.Data, "").Text; got != want {
				t.Errorf("view after the fix:\n%s\nwant\n%s", got, want)
			}
			rawIdentical(t, raw, res.Data, tc.part)
		})
	}
}

// rawIdentical checks that every entry of b but the changed ones is the
// same entry of a, compressed bytes and all.
func rawIdentical(t *testing.T, a, b []byte, changed ...string) {
	t.Helper()
	za, _ := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	zb, _ := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if len(zb.File) < len(za.File) {
		t.Fatalf("entries lost: %d → %d", len(za.File), len(zb.File))
	}
	for i, fa := range za.File {
		fb := zb.File[i]
		if fa.Name != fb.Name {
			t.Errorf("entry %d: %s became %s", i, fa.Name, fb.Name)
		}
		skip := false
		for _, c := range changed {
			skip = skip || fa.Name == c
		}
		if skip {
			continue
		}
		ra, _ := fa.OpenRaw()
		rb, _ := fb.OpenRaw()
		x, _ := io.ReadAll(ra)
		y, _ := io.ReadAll(rb)
		if !bytes.Equal(x, y) || fa.CRC32 != fb.CRC32 || fa.Method != fb.Method {
			t.Errorf("%s changed", fa.Name)
		}
	}
}

func TestTrackedFix(t *testing.T) {
	raw := wordDoc(t, p(r("the Single Convention of 19")+`<w:r><w:rPr><w:b/></w:rPr><w:t>54</w:t></w:r>`+r(" as amended,")+noteRef), note1)
	v := read(t, raw, "")
	edits := []Edit{editAt(t, v, "Convention of ", "1954", "1961"), editAt(t, v, "vol. ", "977", "976")}
	res, err := Rewrite(raw, v, edits, nil, Options{Tracked: true, Date: "2026-12-06T10:00:00Z"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Applied() != 2 {
		t.Fatalf("applied %d of 2: %v", res.Applied(), res.EditErrs)
	}
	if got, want := read(t, res.Data, "").Text, strings.NewReplacer("1954", "1961", "977", "976").Replace(v.Text); got != want {
		t.Errorf("accepted view:\n%s\nwant\n%s", got, want)
	}
	if got := read(t, res.Data, "original").Text; got != v.Text {
		t.Errorf("original view changed:\n%s\nwant\n%s", got, v.Text)
	}
	doc := entry(t, res.Data, "word/document.xml")
	for _, want := range []string{`<w:del w:id="`, `w:author="citecheck" w:date="2026-12-06T10:00:00Z">`, `<w:delText xml:space="preserve">19</w:delText>`,
		`<w:r><w:rPr><w:b/></w:rPr><w:delText xml:space="preserve">54</w:delText></w:r></w:del><w:ins `, `<w:t xml:space="preserve">1961</w:t>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q:\n%s", want, doc)
		}
	}
	if n := strings.Count(entry(t, res.Data, "word/footnotes.xml"), `w:author="citecheck"`); n != 2 {
		t.Errorf("footnotes.xml has %d revisions by citecheck, want a w:del and a w:ins", n)
	}
	uniqueIDs(t, res.Data)
}

// TestTrackedInsertion: an edit that replaces nothing (Start == End)
// becomes a w:ins alone, in the formatting of the character before it (of
// the one after, at the start); inside another tracked insertion it is
// refused. (Found by FuzzRewrite: it was applied as nothing.)
func TestTrackedInsertion(t *testing.T) {
	tests := []struct {
		name, body, want string
		at               int
		refused          bool
	}{
		{"after a character", p(r("Convention of ") + `<w:r><w:rPr><w:b/></w:rPr><w:t>1961</w:t></w:r>`), `<w:ins w:id="1" w:author="citecheck"><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">, as amended</w:t></w:r></w:ins>`, len("Convention of 1961"), false},
		{"at the start", p(`<w:r><w:rPr><w:i/></w:rPr><w:t>Convention</w:t></w:r>`), `<w:ins w:id="1" w:author="citecheck"><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">, as amended</w:t></w:r></w:ins><w:r><w:rPr><w:i/></w:rPr><w:t>Convention`, 0, false},
		{"inside another tracked insertion", p(r("ab") + `<w:ins w:id="1" w:author="A"><w:r><w:t>1961</w:t></w:r></w:ins>`), "", 4, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw := wordDoc(t, tc.body, "")
			v := read(t, raw, "")
			e := Edit{Start: tc.at, End: tc.at, New: ", as amended"}
			res, err := Rewrite(raw, v, []Edit{e}, nil, Options{Tracked: true})
			if err != nil {
				t.Fatal(err)
			}
			if tc.refused {
				if res.EditErrs[0] == nil || res.Data != nil {
					t.Errorf("applied; want refused")
				}
				return
			}
			if res.Applied() != 1 {
				t.Fatalf("not applied: %v", res.EditErrs)
			}
			if got, want := read(t, res.Data, "").Text, v.Text[:tc.at]+e.New+v.Text[tc.at:]; got != want {
				t.Errorf("accepted view %q, want %q", got, want)
			}
			if got := read(t, res.Data, "original").Text; got != v.Text {
				t.Errorf("original view %q, want %q", got, v.Text)
			}
			if doc := entry(t, res.Data, "word/document.xml"); !strings.Contains(doc, tc.want) {
				t.Errorf("document.xml lacks %q:\n%s", tc.want, doc)
			}
		})
	}
}

// uniqueIDs checks that revision and comment ids are not reused.
func uniqueIDs(t *testing.T, b []byte) {
	t.Helper()
	re := regexp.MustCompile(`<w:(ins|del|commentRangeStart|comment) w:id="(\d+)"`)
	seen := map[string]bool{}
	for _, name := range []string{"word/document.xml", "word/footnotes.xml", "word/comments.xml"} {
		for _, m := range re.FindAllStringSubmatch(entry(t, b, name), -1) {
			key := m[1] + m[2]
			if m[1] == "ins" || m[1] == "del" {
				key = "rev" + m[2]
			}
			if seen[key] {
				t.Errorf("%s: id %s of %s used twice", name, m[2], m[1])
			}
			seen[key] = true
		}
	}
}

func TestComments(t *testing.T) {
	raw := wordDoc(t, p(r("the Single Convention of 1954 as amended,")+noteRef)+p(r("the Convention of 1954 again")), note1)
	v := read(t, raw, "")
	year := editAt(t, v, "Single Convention of ", "1954", "")
	vol := editAt(t, v, "vol. ", "977", "")
	para := editAt(t, v, "the Convention", "the Convention of 1954 again", "")
	cs := []Comment{
		{Start: year.Start, End: year.End, Text: "error: not 1954\nFix: 1961"},
		{Start: vol.Start, End: vol.End, Text: "error: vol. 977"},
		{Start: para.Start, End: para.End, Text: "a whole paragraph & more"},
	}
	res, err := Rewrite(raw, v, nil, cs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range res.CommentErrs {
		if e != nil {
			t.Errorf("comment %d: %v", i, e)
		}
	}
	if got := read(t, res.Data, "").Text; got != v.Text {
		t.Errorf("comments changed the text:\n%s", got)
	}
	doc, comments := entry(t, res.Data, "word/document.xml"), entry(t, res.Data, "word/comments.xml")
	if strings.Count(doc, "<w:commentRangeStart ") != 3 || strings.Count(doc, "<w:commentRangeEnd ") != 3 || strings.Count(doc, "<w:commentReference ") != 3 {
		t.Errorf("document.xml: want 3 anchored comments:\n%s", doc)
	}
	// The year's comment covers exactly "1954".
	if !strings.Contains(doc, `<w:commentRangeStart w:id="2"/><w:r><w:t xml:space="preserve">1954</w:t></w:r><w:commentRangeEnd w:id="2"/>`) {
		t.Errorf("the comment does not cover \"1954\":\n%s", doc)
	}
	// A comment in a footnote stops LibreOffice from opening the file:
	// it goes on the footnote's mark, and says so.
	if strings.Contains(entry(t, res.Data, "word/footnotes.xml"), "comment") {
		t.Error("a comment was anchored inside footnotes.xml")
	}
	for _, want := range []string{`<w:comment w:id="2" w:author="citecheck" w:initials="cc">`, `error: not 1954</w:t>`, `<w:t xml:space="preserve">Fix: 1961</w:t>`,
		`In footnote 1, &#34;977&#34;: error: vol. 977`, `a whole paragraph &amp; more`} {
		if !strings.Contains(comments, want) {
			t.Errorf("comments.xml lacks %q:\n%s", want, comments)
		}
	}
	if ct := entry(t, res.Data, "[Content_Types].xml"); !strings.Contains(ct, `<Override PartName="/word/comments.xml" ContentType="`+ctComments+`"/>`) {
		t.Errorf("content types lack comments.xml:\n%s", ct)
	}
	if rels := entry(t, res.Data, "word/_rels/document.xml.rels"); !strings.Contains(rels, `Type="`+relComments+`" Target="comments.xml"`) {
		t.Errorf("relationships lack comments.xml:\n%s", rels)
	}
	rawIdentical(t, raw, res.Data, "word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels")
	uniqueIDs(t, res.Data)
}

func TestCommentsAddedToExistingPart(t *testing.T) {
	existing := zpart{"word/comments.xml", `<w:comments ` + wNS + `><w:comment w:id="7" w:author="Drafter"><w:p><w:r><w:t>keep me</w:t></w:r></w:p></w:comment></w:comments>`}
	rels := strings.Replace(docRels, `</Relationships>`, `<Relationship Id="rId9" Type="`+relComments+`" Target="comments.xml"/></Relationships>`, 1)
	raw := makeZip(t, zpart{"[Content_Types].xml", contentTypes}, zpart{"_rels/.rels", rootRels}, zpart{"word/_rels/document.xml.rels", rels},
		zpart{"word/document.xml", `<w:document ` + wNS + `><w:body>` + p(`<w:commentRangeStart w:id="7"/>`+r("Convention of 1954")+`<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>`) + `</w:body></w:document>`},
		existing)
	v := read(t, raw, "")
	e := editAt(t, v, "of ", "1954", "1961")
	res, err := Rewrite(raw, v, []Edit{e}, []Comment{{Start: e.Start, End: e.End, Text: "new"}}, Options{Tracked: true})
	if err != nil {
		t.Fatal(err)
	}
	c := entry(t, res.Data, "word/comments.xml")
	if !strings.Contains(c, "keep me") || !strings.Contains(c, `<w:comment w:id="10" w:author="citecheck"`) {
		t.Errorf("comments.xml:\n%s", c)
	}
	if rels := entry(t, res.Data, "word/_rels/document.xml.rels"); strings.Count(rels, `Target="comments.xml"`) != 1 {
		t.Errorf("relationships:\n%s", rels)
	}
	uniqueIDs(t, res.Data)
}

func TestOtherPrefix(t *testing.T) {
	body := `<ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body><ns0:p><ns0:r><ns0:t>Convention of 1954</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>`
	raw := makeZip(t, zpart{"[Content_Types].xml", contentTypes}, zpart{"_rels/.rels", rootRels}, zpart{"word/document.xml", body})
	v := read(t, raw, "")
	e := editAt(t, v, "of ", "1954", "1961")
	res, err := Rewrite(raw, v, []Edit{e}, []Comment{{Start: e.Start, End: e.End, Text: "x"}}, Options{Tracked: true})
	if err != nil {
		t.Fatal(err)
	}
	doc := entry(t, res.Data, "word/document.xml")
	if !strings.Contains(doc, `<ns0:ins ns0:id=`) || strings.Contains(doc, "<w:") {
		t.Errorf("document.xml:\n%s", doc)
	}
	if c := entry(t, res.Data, "word/comments.xml"); !strings.HasPrefix(c, `<?xml`) || !strings.Contains(c, `<ns0:comments xmlns:ns0=`) {
		t.Errorf("comments.xml:\n%s", c)
	}
}

// TestRefusals: a fix is applied only where its place is certain and
// plain text.
func TestRefusals(t *testing.T) {
	tests := []struct {
		name, body, after, old string
	}{
		{"equation", p(r("Convention of ") + `<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>1954</m:t></m:r></m:oMath>`), "of ", "1954"},
		{"inside another tracked insertion", p(r("Convention of ") + `<w:ins w:id="1" w:author="A"><w:r><w:t>1954</w:t></w:r></w:ins>`), "of ", "1954"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw := wordDoc(t, tc.body, "")
			v := read(t, raw, "")
			e := editAt(t, v, tc.after, tc.old, "1961")
			res, err := Rewrite(raw, v, []Edit{e}, nil, Options{Tracked: true})
			if err != nil {
				t.Fatal(err)
			}
			if res.EditErrs[0] == nil || res.Data != nil {
				t.Errorf("applied; want refused")
			}
		})
	}
}

// TestSeedDraft fixes and annotates the seed draft's .docx.
func TestSeedDraft(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/drafts/ccpcj-draft-links-crime-terrorism.docx")
	if err != nil {
		t.Fatal(err)
	}
	v := read(t, raw, "")
	e := editAt(t, v, "Narcotic Drugs of ", "1954", "1961")
	for _, tracked := range []bool{false, true} {
		res, err := Rewrite(raw, v, []Edit{e}, []Comment{{Start: e.Start, End: e.End, Text: "wrong year"}}, Options{Tracked: tracked})
		if err != nil {
			t.Fatal(err)
		}
		if res.Applied() != 1 || res.CommentErrs[0] != nil {
			t.Fatalf("tracked %v: %v %v", tracked, res.EditErrs, res.CommentErrs)
		}
		rawIdentical(t, raw, res.Data, "word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels")
	}
}

func TestCommonAffixes(t *testing.T) {
	for _, tc := range []struct {
		a, b     string
		pre, suf int
	}{
		{"1954", "1961", 2, 0}, {"977", "976", 2, 0}, {"97", "976", 2, 0}, {"1954", "1954", 4, 0},
		{"é1", "è1", 0, 1}, {"", "x", 0, 0},
	} {
		pre, suf := commonAffixes(tc.a, tc.b)
		if pre != tc.pre || suf != tc.suf {
			t.Errorf("commonAffixes(%q, %q) = %d, %d; want %d, %d", tc.a, tc.b, pre, suf, tc.pre, tc.suf)
		}
	}
}

// TestEveryNumber tries a fix and a comment on every number of every
// .docx fixture of the repository, in both modes. Rewrite checks its own
// result (the document must read back as the old text with exactly the
// applied fixes), so an error here is a misplaced change.
func TestEveryNumber(t *testing.T) {
	files := []string{"../../testdata/drafts/ccpcj-draft-links-crime-terrorism.docx", "../docx/testdata/features.docx",
		"../docx/testdata/custommark.docx", "../../testdata/formateq/A_RES_80_1.docx", "../../testdata/formateq/S_RES_0207_1965.docx",
		"../../testdata/formateq/A_C.2_80_L.25.docx"}
	num := regexp.MustCompile(`\b\d{3,4}\b`)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		v := read(t, raw, "")
		applied, refused := 0, 0
		for i, m := range num.FindAllStringIndex(v.Text, -1) {
			if i%3 != 0 && testing.Short() {
				continue
			}
			e := Edit{Start: m[0], End: m[1], New: "1" + v.Text[m[0]+1:m[1]-1] + "9"}
			for _, tracked := range []bool{false, true} {
				res, err := Rewrite(raw, v, []Edit{e}, []Comment{{Start: m[0], End: m[1], Text: "c"}}, Options{Tracked: tracked})
				if err != nil {
					t.Fatalf("%s: %q at %d (tracked %v): %v", f, v.Text[m[0]:m[1]], m[0], tracked, err)
				}
				if res.EditErrs[0] != nil {
					refused++
					t.Logf("%s: %q at %d refused: %v", f, v.Text[m[0]:m[1]], m[0], res.EditErrs[0])
				} else {
					applied++
				}
			}
		}
		t.Logf("%s: %d applied, %d refused", f, applied, refused)
		if applied == 0 {
			t.Errorf("%s: no fix applied", f)
		}
	}
}
