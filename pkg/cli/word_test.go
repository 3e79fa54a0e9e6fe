package cli_test

import (
	"archive/zip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// wordFile writes a .docx with the given body, footnotes, endnotes and
// comments (XML inside the parts' root elements) and returns its path.
func wordFile(t *testing.T, name, body, footnotes, endnotes, comments string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	rels := `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>`
	if comments != "" {
		rels += `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>`
	}
	parts := [][2]string{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`},
		{"word/document.xml", `<w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`},
		{"word/footnotes.xml", `<w:footnotes ` + wordNS + `>` + footnotes + `</w:footnotes>`},
		{"word/endnotes.xml", `<w:endnotes ` + wordNS + `>` + endnotes + `</w:endnotes>`},
	}
	if comments != "" {
		parts = append(parts, [2]string{"word/comments.xml", `<w:comments ` + wordNS + `>` + comments + `</w:comments>`})
	}
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

func wr(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func wp(runs string) string { return `<w:p>` + runs + `</w:p>` }
func note(kind, id, text string) string {
	return `<w:` + kind + ` w:id="` + id + `"><w:p><w:r><w:` + kind + `Ref/></w:r>` + wr(" "+text) + `</w:p></w:` + kind + `>`
}

// TestWordNames checks that findings on a .docx name notes and places as
// Word shows them, in every format that carries a message.
func TestWordNames(t *testing.T) {
	mark := `<w:r><w:endnoteReference w:id="1"/></w:r>`
	body := wp(wr("Preamble.")) +
		wp(wr("Recalling the Single Convention on Narcotic Drugs of 1954,")+mark+wr(" and again")+mark)
	doc := wordFile(t, "draft.docx", body, "", note("endnote", "1", "United Nations, Treaty Series, vol. 520, No. 7515."), "")
	code, out, _ := run(t, "check", "--no-config", "-q", doc)
	if code != 1 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for _, want := range []string{"endnote i (vol. 520, No. 7515) cites the same instrument", "endnote indicator i is used again (first in paragraph 2)",
		`= in: paragraph 2: "Convention on Narcotic Drugs of 1954, and again"`} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "error:") || strings.Contains(l, "warning:") {
			if strings.Contains(l, "e1") || strings.Contains(l, "line ") {
				t.Errorf("a message names a note or a place by the text view: %s", l)
			}
		}
	}
	// An Ibid. with nothing before it, in an endnote.
	ibid := wordFile(t, "ibid.docx", wp(wr("Text.")+mark), "", note("endnote", "1", "Ibid., vol. 520, No. 7515."), "")
	if _, out, _ := run(t, "check", "--no-config", "-q", ibid); !strings.Contains(out, `in endnote i has no earlier footnote`) || !strings.Contains(out, `= in: endnote i: "Ibid., vol. 520`) {
		t.Errorf("ibid in an endnote:\n%s", out)
	}
	for format, want := range map[string]string{
		"github":     `(in paragraph 2: "`,
		"checkstyle": `(in paragraph 2: &#34;`,
		"sarif":      `"text": "paragraph 2: \"`,
	} {
		_, out, _ := run(t, "check", "--no-config", "--format", format, doc)
		if !strings.Contains(out, want) {
			t.Errorf("%s output lacks %q:\n%s", format, want, out)
		}
	}
}

// commented anchors a Word comment with id on runs.
func commented(id, runs string) string {
	return `<w:commentRangeStart w:id="` + id + `"/>` + runs + `<w:commentRangeEnd w:id="` + id + `"/><w:r><w:commentReference w:id="` + id + `"/></w:r>`
}

func wordComment(id, text string) string {
	return `<w:comment w:id="` + id + `" w:author="Drafter"><w:p>` + wr(text) + `</w:p></w:comment>`
}

// TestWordSuppressions: a Word comment "citecheck-ignore RULE: reason" on
// the cited words suppresses the finding, as the text form does.
func TestWordSuppressions(t *testing.T) {
	body := wp(wr("Recalling the Single Convention on Narcotic Drugs of ")+commented("1", wr("1954"))+wr(",")) +
		wp(wr("the Convention on Psychotropic Substances of ")+commented("2", wr("1972"))+wr(",")) +
		wp(wr("the ")+commented("3", wr("Convention on the Rights of the Child"))+wr(",")) +
		wp(wr("the Single Convention on Narcotic Drugs of ")+commented("4", wr("1962"))+wr(",")) +
		wp(wr("and the Convention on the Rights of Persons with Disabilities of ")+commented("5", wr("2007"))+wr("."))
	comments := wordComment("1", "citecheck-ignore treaty-year: quoting the 1954 draft verbatim") +
		wordComment("2", "citecheck-ignore treaty-year") +
		wordComment("3", "citecheck-ignore unts-citation: nothing here") +
		wordComment("4", "citecheck-ignore treaty-yera: typo") +
		wordComment("5", "Please check this year (a drafter's comment)")
	doc := wordFile(t, "draft.docx", body, "", "", comments)
	_, out, _ := run(t, "check", "--no-config", "-q", "--format", "jsonl", doc)
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var f jsonFinding
		if err := json.Unmarshal([]byte(l), &f); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		got = append(got, f.Rule+" "+f.Found+" "+f.Message)
	}
	want := []string{
		"suppression  the Word comment citecheck-ignore needs a reason after a colon",
		"treaty-year 1972 ",
		"suppression  unused citecheck-ignore unts-citation",
		"suppression  the Word comment citecheck-ignore names unknown rule \"treaty-yera\"",
		"treaty-year 1962 ",
		"treaty-year 2007 ",
	}
	if len(got) != len(want) {
		t.Fatalf("findings:\n%s\nwant %d", strings.Join(got, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("finding %d: %s\nwant %s…", i, got[i], want[i])
		}
	}
}

// TestWordNoteRef: a footnote mark repeated with a NOTEREF field (Insert >
// Cross-reference > Footnote number (formatted)) is the same footnote's
// mark: it links to the footnote, and footnote-repeated reports it.
func TestWordNoteRef(t *testing.T) {
	ref := `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NOTEREF _Ref1 \f \h </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
	body := wp(wr("Recalling the Convention on Psychotropic Substances of 1971,")+`<w:bookmarkStart w:id="0" w:name="_Ref1"/><w:r><w:footnoteReference w:id="1"/></w:r><w:bookmarkEnd w:id="0"/>`) +
		wp(wr("Reaffirming the Convention on Psychotropic Substances of 1971,")+ref)
	notes := note("footnote", "1", "United Nations, Treaty Series, vol. 1019, No. 14956.")
	doc := wordFile(t, "draft.docx", body, notes, "", "")
	code, out, _ := run(t, "check", "--no-config", "-q", "--fail-on", "warning", doc)
	if code != 1 || !strings.Contains(out, "warning: footnote indicator 1 is used again (first in paragraph 1)") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	_, refs, _ := run(t, "refs", "--no-config", doc)
	if strings.Count(refs, "footnote 1; footnote cites psychotropic_substances_1971") != 2 {
		t.Errorf("the repeated mark does not link to its footnote:\n%s", refs)
	}
}
