package cli_test

import (
	"archive/zip"
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
