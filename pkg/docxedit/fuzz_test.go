package docxedit

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/docx"
)

// FuzzRewrite edits and comments random documents at random places:
// Rewrite must not panic, and what it applies must read back as exactly
// the edit (it checks that itself, and returns an error otherwise).
func FuzzRewrite(f *testing.F) {
	body := `<w:p><w:r><w:t xml:space="preserve">Convention of 19</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>54</w:t><w:tab/></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`
	f.Add(body, 14, 4, false)
	f.Add(`<w:p><w:hyperlink><w:r><w:t>A &amp; B</w:t></w:r></w:hyperlink><w:ins w:id="3" w:author="x"><w:r><w:t>1961</w:t></w:r></w:ins></w:p>`, 4, 2, true)
	f.Add(`<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>X</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>res</w:t><w:fldChar w:fldCharType="end"/></w:r></w:p><w:p><w:r><w:t>two</w:t></w:r></w:p>`, 0, 3, true)
	note := `<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> vol. 977, No. 14152.</w:t></w:r></w:p></w:footnote>`
	f.Fuzz(func(t *testing.T, body string, at, n int, tracked bool) {
		raw := wordDoc(t, body, note)
		v, err := docx.Read(bytes.NewReader(raw), int64(len(raw)), docx.DefaultOptions())
		if err != nil || len(v.Text) == 0 {
			return
		}
		at = (at%len(v.Text) + len(v.Text)) % len(v.Text)
		end := min(at+(n%8+8)%8, len(v.Text))
		for at > 0 && !utf8.RuneStart(v.Text[at]) {
			at--
		}
		for end < len(v.Text) && !utf8.RuneStart(v.Text[end]) {
			end++
		}
		res, err := Rewrite(raw, v, []Edit{{Start: at, End: end, New: "1961"}}, []Comment{{Start: at, End: end, Text: "c"}}, Options{Tracked: tracked})
		if err != nil {
			t.Fatalf("edit [%d, %d) of %q: %v", at, end, v.Text, err)
		}
		_ = res
	})
}
