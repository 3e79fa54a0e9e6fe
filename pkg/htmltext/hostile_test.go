package htmltext

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/docx"
)

func TestCharset(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"declared windows-1252", "<meta charset=windows-1252><p>\x93Caf\xe9\x94 \x96 1\xa0000</p>", "“Café” – 1\u00a0000\n"},
		{"declared iso-8859-1 means windows-1252", `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>` + "\x93x\x94</p>", "“x”\n"},
		{"undeclared valid UTF-8", "<p>“Café”</p>", "“Café”\n"},
		{"undeclared invalid UTF-8 is windows-1252", "<p>\x93Caf\xe9\x94</p>", "“Café”\n"},
		{"UTF-8 byte order mark", "\xef\xbb\xbf<p>“Café”</p>", "“Café”\n"},
		{"UTF-16 byte order mark", "\xff\xfe<\x00p\x00>\x00x\x00", "x\n"},
		{"declared UTF-8 but invalid", "<meta charset=utf-8><p>Caf\xe9</p>", "Caf\uFFFD\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := read(t, tc.in).Text; got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestHostile(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opt  Options
		want string
	}{
		{"too deep", strings.Repeat("<div>", 100000), Options{}, "HTML nested deeper than 512 elements, the most the HTML parser reads (no flag raises it)"},
		{"too large", "<p>" + strings.Repeat("x", 2000) + "</p>", Options{MaxSize: 1024}, "HTML file size exceeds 1 KiB limit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.in), tc.opt)
			if err == nil || err.Error() != tc.want {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
	var le *docx.LimitError
	if _, err := Read(strings.NewReader(strings.Repeat("x", 2000)), Options{MaxSize: 1024}); !errors.As(err, &le) {
		t.Errorf("size error is %T", err)
	}
	if _, err := Read(iotest.ErrReader(errors.New("disk on fire")), Options{}); err == nil || err.Error() != "disk on fire" {
		t.Errorf("read error: %v", err)
	}
	// Unclosed elements and nesting short of the parser's limit parse.
	v := read(t, strings.Repeat("<b>", 100)+"bold"+strings.Repeat("<div>", 400)+"deep")
	if !strings.Contains(v.Text, "bold") || !strings.Contains(v.Text, "deep") {
		t.Errorf("got %q", v.Text)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(`<p>Text<sup><a href="#fn1">1</a></sup></p><ol><li id="fn1">Note <a href="#r">↩</a></li></ol>`)
	f.Add(`<p>x<a href="#_ftn1" name="_ftnref1">[1]</a></p><div id=ftn1><p><a href="#_ftnref1" name="_ftn1">[1]</a> Note.</p></div>`)
	f.Add(`<ol start=3 type=i><li value=9>a<ol><li>b</ol></ol><pre>a
 b</pre><table><tr><td>c<br>d</table>`)
	f.Add("<meta charset=windows-1252><p>\x93x\x94</p>")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Read(strings.NewReader(s), Options{MaxSize: 1 << 20})
		if err != nil {
			return
		}
		if !utf8.ValidString(v.Text) {
			t.Fatalf("invalid UTF-8: %q", v.Text)
		}
		checkView(t, v)
	})
}
