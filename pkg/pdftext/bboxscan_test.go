package pdftext

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// bboxSeeds are outputs of pdftotext's shape with what scanBBox must get
// right or leave to encoding/xml.
var bboxSeeds = []string{
	`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
<head>
<title></title>
<meta name="Author" content="A &amp; B &lt;x&gt; &quot;q&quot; &apos;a&apos;"/>
</head>
<body>
<doc>
  <page width="612.000000" height="792.000000">
    <flow>
      <block xMin="482.080000" yMin="38.657820" xMax="552.238251" yMax="60.775680">
        <line xMin="482.080000" yMin="38.657820" xMax="552.238251" yMax="60.775680">
          <word xMin="482.080000" yMin="38.657820" xMax="496.831578" yMax="60.775680">A</word>
          <word xMin="497.080000" yMin="47.532180" xMax="552.238251" yMax="58.624320">/RES/80/101</word>
          <word xMin="10" yMin="20" xMax="5" yMax="1">R&amp;D&lt;&gt;</word>
          <word xMin="1" yMin="2" xMax="3" yMax="4">  </word>
          <word xMin="1" yMin="2" xMax="3" yMax="4"/>
          <word xMin="x" xMin="7">Vienna</word>
        </line>
      </block>
    </flow>
  </page>
  <page width="1" height="2"/>
</doc>
</body>
</html>
`,
	`<word xMin="1" yMin="2" xMax="3" yMax="4">before any page</word><page width="1e2" height="-inf"><word>a<!DOCTYPE x>b</word></page>`,
	`<page><word xMin="1">a<b>c</b></word></page>`,
	`<page><word>&#65;&nbsp;&foo;</word></page>`,
	`<page><word>a]]>b</word></page>`,
	"<page><word>a\rb</word></page>",
	"<page><word>a\r\nb</word></page>",
	"<page><word>\x01</word></page>",
	`<page><word>ok</page></word>`,
	`<page><word>unclosed`,
	`<!-- c --><page/>`,
	`<?xml version="1.0"?><page/>`,
	`<page><![CDATA[<word>x</word>]]></page>`,
	`<x:page width="3"><word>w</word></x:page>`,
	`<page width='3'><word>w</word></page>`,
	`<page width=3><word>w</word></page>`,
	`<page a="1"b="2"/>`,
	"<page><word>caf\xc3\xa9 \xff</word></page>",
	"<page><word>\uFFFE</word></page>",
	`<page width="1&amp;2" height="&#51;"/>`,
	`<page w="<"/>`,
	`<page w=">"/>`,
	`</page>`,
	`< page/>`,
	`<page / >`,
}

// FuzzScanBBox: wherever scanBBox answers, it answers as parseBBox does.
func FuzzScanBBox(f *testing.F) {
	for _, s := range bboxSeeds {
		f.Add([]byte(s))
	}
	for _, out := range fixtureOutputs(f) {
		f.Add(out[:min(len(out), 20000)])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := scanBBox(bytes.NewReader(data))
		if errors.Is(err, errUnsupported) {
			return
		}
		want, werr := parseBBox(bytes.NewReader(data))
		if err != nil || werr != nil {
			t.Fatalf("scanBBox: %v; parseBBox: %v", err, werr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("scanBBox and parseBBox differ:\n%+v\n%+v", got, want)
		}
	})
}

// TestScanBBoxSeeds: the seeds pdftotext could write are read, not left to
// encoding/xml.
func TestScanBBoxSeeds(t *testing.T) {
	for i, s := range bboxSeeds[:2] {
		if _, err := scanBBox(strings.NewReader(s)); err != nil {
			t.Errorf("seed %d: %v", i, err)
		}
	}
}

// TestScanBBoxFixtures: scanBBox reads what pdftotext writes for the
// fixtures and the corpus PDFs, and finds what encoding/xml finds.
func TestScanBBoxFixtures(t *testing.T) {
	outs := fixtureOutputs(t)
	if len(outs) == 0 {
		t.Skip("pdftotext not installed")
	}
	for name, out := range outs {
		got, err := scanBBox(bytes.NewReader(out))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		want, err := parseBBox(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: scanBBox and parseBBox differ", name)
		}
	}
}

// fixtureOutputs runs pdftotext on the test PDFs (and those of
// ../shared/corpus/ga-80-pdf when present); nil without pdftotext.
func fixtureOutputs(tb testing.TB) map[string][]byte {
	tb.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return nil
	}
	files, _ := filepath.Glob("testdata/*.pdf")
	more, _ := filepath.Glob("../../../shared/corpus/ga-80-pdf/*.pdf")
	if len(more) > 8 {
		more = more[:8]
	}
	outs := map[string][]byte{}
	for _, p := range append(files, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		var out []byte
		err = run(context.Background(), Options{}, data, []string{"-enc", "UTF-8", "-bbox-layout", "-", "-"}, func(r io.Reader) error {
			var buf bytes.Buffer
			_, err := buf.ReadFrom(r)
			out = buf.Bytes()
			return err
		})
		if err != nil {
			tb.Fatalf("%s: %v", p, err)
		}
		outs[filepath.Base(p)] = out
	}
	return outs
}

func BenchmarkScanBBox(b *testing.B) {
	benchBBox(b, scanBBox)
}

func BenchmarkParseBBoxXML(b *testing.B) {
	benchBBox(b, parseBBox)
}

func benchBBox(b *testing.B, parse func(r io.Reader) ([]page, error)) {
	outs := fixtureOutputs(b)
	if len(outs) == 0 {
		b.Skip("pdftotext not installed")
	}
	n := 0
	for _, out := range outs {
		n += len(out)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, out := range outs {
			if _, err := parse(bytes.NewReader(out)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"482.080000", "-0.000000", "0", "12", "1.5", ".5", "5.", "1e3", "123456789012345.0", "1234567890123456", "0.000000000000001", "9007199254740993", "-", "", "1..2", "0x1p3", "1_000", "+1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseDecimal([]byte(s))
		if !ok {
			return
		}
		want, err := strconv.ParseFloat(s, 64)
		if err != nil || math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("parseDecimal(%q) = %v, ParseFloat: %v, %v", s, got, want, err)
		}
	})
}

// BenchmarkRead guards the PDF target: reading a PDF into its text view
// (read: pdftotext, then the scanner and the layout) should take at most
// 1.2 times running pdftotext alone (pdftotext). Wall time, so compare the
// two in one run; the corpus PDFs are read too when present.
func BenchmarkRead(b *testing.B) {
	needPdftotext(b)
	files, _ := filepath.Glob("testdata/*.pdf")
	more, _ := filepath.Glob("../../../shared/corpus/ga-80-pdf/*.pdf")
	var pdfs [][]byte
	for _, p := range append(files, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pdfs = append(pdfs, data)
	}
	args := []string{"-enc", "UTF-8", "-bbox-layout", "-", "-"}
	b.Run("pdftotext", func(b *testing.B) {
		for b.Loop() {
			for _, data := range pdfs {
				err := run(context.Background(), Options{}, data, args, func(r io.Reader) error {
					_, err := io.Copy(io.Discard, r)
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			for _, data := range pdfs {
				if _, err := Read(context.Background(), data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
