package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// rawZip builds an archive whose one entry has a declared uncompressed
// size that may lie.
func rawZip(t testing.TB, name string, data []byte, declared uint64) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(data)
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name:               name,
		Method:             zip.Deflate,
		CompressedSize64:   uint64(comp.Len()),
		UncompressedSize64: declared,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return buf.Bytes()
}

// sizedReader pretends to be a file of any size.
type sizedReader struct{}

func (sizedReader) ReadAt(p []byte, off int64) (int, error) { return 0, io.EOF }

func TestHostile(t *testing.T) {
	deep := strings.Repeat("<a>", 100000) + strings.Repeat("</a>", 100000)
	manyEntries := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i := 0; i < 20000; i++ {
			zw.Create(fmt.Sprintf("f%d", i))
		}
		zw.Close()
		return buf.Bytes()
	}
	zeros := make([]byte, 2<<20)
	tests := []struct {
		name string
		data []byte
		size int64 // if not 0, passed as the size instead of len(data)
		opt  Options
		want string
		is   any
	}{
		{name: "not a zip", data: []byte("Recalling its resolution 70/1,\n"), want: "not a .docx file: zip: not a valid zip file"},
		{name: "empty file", data: nil, want: "not a .docx file: zip: not a valid zip file"},
		{name: "legacy doc", data: append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), want: "not a .docx file: an OLE compound file"},
		{name: "pdf", data: []byte("%PDF-1.7\n..."), want: "not a .docx file: a PDF file"},
		{name: "missing document.xml", data: makeZip(t, part{"word/styles.xml", "<w:styles/>"}), want: "word/document.xml is missing"},
		{name: "OpenDocument", data: makeZip(t, part{"mimetype", "application/vnd.oasis.opendocument.text"}, part{"content.xml", "<x/>"}), want: "not a .docx file: an OpenDocument file"},
		{name: "malformed XML", data: makeZip(t, part{"word/document.xml", "<w:document " + wNS + "><w:body><w:p></w:body>"}), want: "word/document.xml: XML syntax error on line 1"},
		{name: "truncated XML", data: makeZip(t, part{"word/document.xml", "<w:document " + wNS + "><w:body><w:p>"}), want: "word/document.xml: XML syntax error on line 1: unexpected EOF"},
		{name: "malformed footnotes", data: makeZip(t, document(p(r("x"))), part{"word/footnotes.xml", "<w:footnotes><"}), want: "word/footnotes.xml: XML syntax error"},
		{name: "UTF-16 declared", data: makeZip(t, part{"word/document.xml", `<?xml version="1.0" encoding="UTF-16"?><w:document/>`}), want: `word/document.xml: xml: opening charset "UTF-16": only UTF-8 is supported`},
		{name: "invalid UTF-8", data: makeZip(t, document(p(r("caf\xe9")))), want: "word/document.xml: XML syntax error on line 1: invalid UTF-8"},
		{name: "100,000-deep XML", data: makeZip(t, part{"word/document.xml", deep}), want: "word/document.xml: XML nested deeper than 1000 elements", is: new(*DepthError)},
		{name: "deep XML in a skipped element", data: makeZip(t, document(`<w:p><w:pPr>`+deep+`</w:pPr></w:p>`)), want: "word/document.xml: XML nested deeper than 1000 elements"},
		{name: "deep XML in styles", data: makeZip(t, document(""), part{"word/styles.xml", deep}), want: "word/styles.xml: XML nested deeper than 1000 elements"},
		{name: "smaller depth limit", data: makeZip(t, document(p(r("x")))), opt: Options{MaxDepth: 4}, want: "word/document.xml: XML nested deeper than 4 elements"},
		{name: "20,000 entries", data: manyEntries(), want: "number of zip entries exceeds the limit of 10000", is: new(*LimitError)},
		{name: "huge declared size", data: rawZip(t, "word/document.xml", []byte("<w:document/>"), 1<<40), want: "uncompressed size exceeds 256 MiB limit (--max-docx-size)", is: new(*LimitError)},
		{name: "declared size smaller than the data", data: rawZip(t, "word/document.xml", zeros, 100), want: "word/document.xml: zip: not a valid zip file"},
		{name: "real bomb over a small limit", data: rawZip(t, "word/document.xml", zeros, uint64(len(zeros))), opt: Options{MaxUncompressed: 1 << 20}, want: "uncompressed size exceeds 1 MiB limit (--max-docx-size)"},
		{name: "limit shared between parts", data: makeZip(t, document(p(r(strings.Repeat("x", 600)))), part{"word/styles.xml", "<w:styles " + wNS + ">" + strings.Repeat(" ", 600) + "</w:styles>"}), opt: Options{MaxUncompressed: 1000}, want: "uncompressed size exceeds 1000 bytes limit"},
		{name: "file too large", size: 100 << 20, want: "file size exceeds 64 MiB limit (--max-docx-size)", is: new(*LimitError)},
		{name: "unknown revisions mode", data: makeZip(t, document("")), opt: Options{Revisions: "final"}, want: `unknown revisions mode "final"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ra io.ReaderAt = bytes.NewReader(tc.data)
			size := int64(len(tc.data))
			if tc.size != 0 {
				ra, size = sizedReader{}, tc.size
			}
			v, err := Read(ra, size, tc.opt)
			if err == nil {
				t.Fatalf("no error; text %q", v.Text)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %q, want prefix %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error has more than one line: %q", err)
			}
			if tc.is != nil && !errors.As(err, tc.is) {
				t.Errorf("error %T is not %T", err, tc.is)
			}
		})
	}
}

func TestTextViewCap(t *testing.T) {
	// A long list label repeated by many short paragraphs must not make
	// the text view larger than the limit on what was read.
	label := strings.Repeat("x", 5000) + "%1"
	numbering := part{"word/numbering.xml", `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:lvlText w:val="` + label + `"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`}
	body := strings.Repeat(`<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:p>`, 2000)
	_, err := readBytes(t, makeZip(t, document(body), numbering), Options{MaxUncompressed: 1 << 20})
	if err == nil || !strings.Contains(err.Error(), "text view size (each paragraph counting 8 bytes more) exceeds 1 MiB limit") {
		t.Fatalf("got %v", err)
	}
}

// TestEmptyParagraphsCap: paragraphs with no text count against the text
// view limit too, so a document of nothing but empty paragraphs (a tiny
// archive: <w:p/> compresses to nothing) is refused before its view is
// made, not after holding hundreds of bytes for each.
func TestEmptyParagraphsCap(t *testing.T) {
	body := strings.Repeat(`<w:p/>`, 150000)
	_, err := readBytes(t, makeZip(t, document(body)), Options{MaxText: 1 << 20})
	if err == nil || !strings.Contains(err.Error(), "text view size (each paragraph counting 8 bytes more) exceeds 1 MiB limit") {
		t.Fatalf("got %v", err)
	}
	// Fewer, under the limit, are read.
	if _, err := readBytes(t, makeZip(t, document(strings.Repeat(`<w:p/>`, 1000)+p(r("text")))), Options{MaxText: 1 << 20}); err != nil {
		t.Fatal(err)
	}
}

func TestBudgetReader(t *testing.T) {
	b := &budget{left: 10, limit: 10}
	got, err := io.ReadAll(b.reader(strings.NewReader("0123456789")))
	if err != nil || string(got) != "0123456789" {
		t.Fatalf("within budget: %q, %v", got, err)
	}
	_, err = io.ReadAll(b.reader(strings.NewReader("x")))
	var le *LimitError
	if !errors.As(err, &le) {
		t.Fatalf("over budget: %v", err)
	}
}

func TestFormatBytes(t *testing.T) {
	for n, want := range map[int64]string{100: "100 bytes", 1024: "1 KiB", 1536: "1.5 KiB", 256 << 20: "256 MiB", 3 << 30: "3 GiB"} {
		if got := FormatBytes(n); got != want {
			t.Errorf("FormatBytes(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestTokenCap: encoding/xml holds a whole token (a run of text, a tag
// with its attributes) before returning it, so a part that is one huge
// run of text used to be read whole into memory, and copied, before the
// text view's limit applied. MaxText caps any one token too, and the
// reader stops at it: reading a 24 MB run of text allocates a few MB.
func TestTokenCap(t *testing.T) {
	huge := strings.Repeat("x", 24<<20)
	tests := []struct {
		name string
		data []byte
	}{
		{"text run", makeZip(t, document(p(r(huge))))},
		{"attribute", makeZip(t, document(`<w:p w:x="`+huge+`"></w:p>`))},
		{"skipped part", makeZip(t, document(p(r("x"))), part{"word/settings.xml", `<w:settings ` + wNS + `>` + huge + `</w:settings>`})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := Read(bytes.NewReader(tc.data), int64(len(tc.data)), Options{MaxText: 1 << 20})
			runtime.ReadMemStats(&after)
			var le *LimitError
			if !errors.As(err, &le) || !strings.Contains(err.Error(), "XML token size exceeds 1 MiB limit") {
				t.Fatalf("err = %v, want the token limit", err)
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > 8<<20 {
				t.Errorf("allocated %d MB to refuse it", got>>20)
			}
		})
	}
}

// TestMaxText: the text view is capped by MaxText, apart from (and
// below) the uncompressed size read.
func TestMaxText(t *testing.T) {
	body := strings.Repeat(p(r(strings.Repeat("x", 1000))), 2000)
	_, err := readBytes(t, makeZip(t, document(body)), Options{MaxText: 1 << 20})
	if err == nil || !strings.Contains(err.Error(), "text view size (each paragraph counting 8 bytes more) exceeds 1 MiB limit") {
		t.Fatalf("got %v", err)
	}
	if _, err := readBytes(t, makeZip(t, document(body)), Options{MaxText: 4 << 20}); err != nil {
		t.Fatalf("under the limit: %v", err)
	}
}

// TestDepthCap: the depth limit cannot be raised past MaxDepthCap (a
// million nested runs under a limit of 5,000,000 overflowed the stack, a
// crash no recover catches), and a document nested to the cap is read.
func TestDepthCap(t *testing.T) {
	_, err := Read(bytes.NewReader(nil), 0, Options{MaxDepth: 5000000})
	if err == nil || !strings.Contains(err.Error(), "over the cap of 10000") {
		t.Fatalf("MaxDepth 5000000: err = %v", err)
	}
	// The root, the body, the paragraph and the text take 4 levels.
	n := MaxDepthCap - 4
	deep := strings.Repeat("<w:r>", n) + "<w:t>deep</w:t>" + strings.Repeat("</w:r>", n)
	v, err := readBytes(t, makeZip(t, document(p(deep))), Options{MaxDepth: MaxDepthCap})
	if err != nil {
		t.Fatal(err)
	}
	if v.Text != "deep\n" {
		t.Errorf("text %q", v.Text)
	}
}
