package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// xmlTokens lists the tokens of a part as decoder.next returns them, and
// the error that ends them (EOF included), read by xmlScanner or, with
// ref, by encoding/xml alone as the reader first did.
func xmlTokens(data []byte, ref bool) []string {
	var out []string
	add := func(kind tokKind, se startElement, ee xml.EndElement, cd []byte) {
		switch kind {
		case tokStart:
			s := fmt.Sprintf("<%s %s", se.Name.Space, se.Name.Local)
			for i, a := range se.Attr {
				s += fmt.Sprintf(" %s %s=%q", a.Name.Space, a.Name.Local, se.value(i))
			}
			out = append(out, s+">")
		case tokEnd:
			out = append(out, fmt.Sprintf("</%s %s>", ee.Name.Space, ee.Name.Local))
		case tokText:
			out = append(out, fmt.Sprintf("%q", cd))
		}
	}
	if ref {
		xd := newXMLDecoder(bytes.NewReader(data))
		for {
			tok, err := xd.Token()
			if err != nil {
				return append(out, "error: "+err.Error())
			}
			switch t := tok.(type) {
			case xml.StartElement:
				add(tokStart, startElement{StartElement: t}, xml.EndElement{}, nil)
			case xml.EndElement:
				add(tokEnd, startElement{}, t, nil)
			case xml.CharData:
				add(tokText, startElement{}, xml.EndElement{}, t)
			}
		}
	}
	s := newXMLScanner(bytes.NewReader(data))
	var d decoder
	for {
		if err := s.next(&d); err != nil {
			return append(out, "error: "+err.Error())
		}
		add(d.kind, d.se, d.ee, d.cd)
	}
}

// xmlSeeds hold what the scanner reads and what it leaves to encoding/xml.
var xmlSeeds = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:document xmlns:w="http://w" xmlns:mc="http://mc" mc:Ignorable="w14"><w:body><w:p w:rsidR="00A1"><w:r><w:t xml:space="preserve">A &amp; B &lt;C&gt; &quot;d&quot; &apos;e&apos;</w:t></w:r><w:r><w:tab/></w:r></w:p></w:body></w:document>`,
	`<a xmlns="http://d"><b xmlns="http://e" x="1"/><c y='2'>t</c></a>`,
	`<a xmlns:p="u1"><p:b xmlns:p="u2"><p:c/></p:b><p:d/></a>`,
	`<p:a><q:b q:c="1"/></p:a>`,
	`<a b="1"c="2" d = "3" ></a >`,
	`<a><!-- comment --><b/></a>`,
	`<a><![CDATA[x<y]]></a>`,
	`<!DOCTYPE a><a/>`,
	`<?xml version="1.1"?><a/>`,
	`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`,
	`<?pi data?><a/>`,
	"<a>\r\n</a>",
	"<a>x&#65;&#x42;&nbsp;</a>",
	"<a>]]></a>",
	"<a>\x01</a>",
	"<a>\xff</a>",
	"<a>\n<b>\n</c></a>",
	"<a>\n\n<b>",
	"<a></b>",
	"</a>",
	"<a b=c/>",
	"<a b/>",
	"<1a/>",
	"<a:b:c/>",
	"<:a/>",
	"<a:/>",
	"<é/>",
	"<a x=\">\"/>",
	"<a x=\"<\"/>",
	"<a\r\nb='1'/>",
	"text only",
	"",
	"<a>unclosed",
	"<a><b></b",
	"<a xmlns:x=\"&amp;&lt;\"><x:b/><!--c--></a>",
	"<a xml:lang=\"fr\" xmlns:xml=\"http://other\"><b xml:space=\"x\"/></a>",
	"<a xmlns=\"\"><b/></a>",
	"<xmlns:a/>",
	"<a xmlns:=\"x\"/>",
	"\ufeff<a/>",
}

func FuzzXMLScanner(f *testing.F) {
	for _, s := range xmlSeeds {
		f.Add([]byte(s))
	}
	for _, part := range docxParts(f, 40) {
		f.Add(part[:min(len(part), 8000)])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, want := xmlTokens(data, false), xmlTokens(data, true)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("xmlScanner and encoding/xml differ on %q:\n%s\n---\n%s", data, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// TestXMLScannerParts: on the parts of the test .docx files, the scanner
// gives encoding/xml's tokens and never hands over to it.
func TestXMLScannerParts(t *testing.T) {
	for i, part := range docxParts(t, 0) {
		if got, want := xmlTokens(part, false), xmlTokens(part, true); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("part %d: tokens differ", i)
		}
		s := newXMLScanner(bytes.NewReader(part))
		var d decoder
		for s.next(&d) == nil {
		}
		if s.xd != nil {
			t.Errorf("part %d: handed over to encoding/xml", i)
		}
	}
}

// docxParts returns the XML parts of the test .docx files (at most max
// bytes of each when max > 0).
func docxParts(tb testing.TB, max int) [][]byte {
	var parts [][]byte
	for _, g := range []string{"testdata/*.docx", "../../testdata/fix/*.docx", "../../testdata/drafts/*.docx"} {
		paths, _ := filepath.Glob(g)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				tb.Fatal(err)
			}
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				tb.Fatal(err)
			}
			for _, f := range zr.File {
				if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
					continue
				}
				rc, err := f.Open()
				if err != nil {
					tb.Fatal(err)
				}
				b, _ := io.ReadAll(rc)
				rc.Close()
				if max > 0 && len(b) > max {
					b = b[:max]
				}
				parts = append(parts, b)
			}
		}
	}
	return parts
}
