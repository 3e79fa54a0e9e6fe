package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// benchDocx are the .docx files the benchmarks read: the fixtures here and
// those of testdata/fix and testdata/drafts, or the folder named by
// $CITECHECK_BENCH_DOCX.
func benchDocx(b *testing.B) [][]byte {
	b.Helper()
	globs := []string{"testdata/*.docx", "../../testdata/fix/*.docx", "../../testdata/drafts/*.docx"}
	if d := os.Getenv("CITECHECK_BENCH_DOCX"); d != "" {
		globs = []string{filepath.Join(d, "*.docx")}
	}
	var files [][]byte
	for _, g := range globs {
		paths, _ := filepath.Glob(g)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			files = append(files, data)
		}
	}
	if len(files) == 0 {
		b.Skip("no .docx files")
	}
	return files
}

// BenchmarkRead guards the .docx target: reading a file into its text view
// (read) should take at most twice inflating the parts it reads (inflate).
// Both report the bytes inflated as their throughput.
func BenchmarkRead(b *testing.B) {
	files := benchDocx(b)
	inflated := int64(0)
	for _, data := range files {
		inflated += inflateParts(b, data)
	}
	b.Run("inflate", func(b *testing.B) {
		b.SetBytes(inflated)
		for b.Loop() {
			for _, data := range files {
				inflateParts(b, data)
			}
		}
	})
	b.Run("read", func(b *testing.B) {
		b.SetBytes(inflated)
		for b.Loop() {
			for _, data := range files {
				if _, err := Read(bytes.NewReader(data), int64(len(data)), Options{}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// benchParts are the parts Read reads, by their usual names.
var benchParts = []string{"_rels/.rels", "word/_rels/document.xml.rels", "word/settings.xml", "word/styles.xml",
	"word/numbering.xml", "word/comments.xml", "word/footnotes.xml", "word/endnotes.xml", "word/document.xml"}

// inflateParts inflates the parts of a .docx that Read reads and returns
// their size.
func inflateParts(b *testing.B, data []byte) int64 {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		b.Fatal(err)
	}
	n := int64(0)
	for _, f := range zr.File {
		for _, name := range benchParts {
			if strings.EqualFold(f.Name, name) {
				rc, err := f.Open()
				if err != nil {
					b.Fatal(err)
				}
				m, _ := io.Copy(io.Discard, rc)
				rc.Close()
				n += m
			}
		}
	}
	return n
}

// normalize is appendNormalized on its own.
func normalize(s string) string { return string(appendNormalized(nil, s)) }

// normalizeRef is normalize as first written, its definition.
func normalizeRef(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	b.Grow(len(s))
	spaces, pendingBreak, visible := 0, false, false
	for _, r := range s {
		switch {
		case isMark(r):
			b.WriteRune(r)
			continue
		case r == '\n':
			pendingBreak = true
			spaces = 0
			continue
		case r < 0x20 || r == 0x7f || r == ' ':
			if !pendingBreak {
				spaces++
			}
			continue
		}
		if visible {
			if pendingBreak {
				b.WriteByte('\n')
			} else {
				b.WriteString(strings.Repeat(" ", spaces))
			}
		}
		spaces, pendingBreak, visible = 0, false, true
		b.WriteRune(r)
	}
	return b.String()
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", " a  b\t\tc \n\n d ", "\x7f\x01x", "a\u00a0b", "\ufdd0\ufdef x \ufdd1", "bad \xff\xfe utf", "\xef\xb7", "é  ü\n\n\nz", "a\r\nb", "  lead", "trail  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normalize(s), normalizeRef(s); got != want {
			t.Errorf("normalize(%+q) = %+q, want %+q", s, got, want)
		}
	})
}

func FuzzHasMark(f *testing.F) {
	for _, s := range []string{"", "abc", "\ufdd0", "x\ufdef", "\ufdcf\ufdf0", "\xef\xb7", "\xe2\xef\xb7\x90", "\xef\xef\xb7\xa0z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasMark(s), strings.ContainsFunc(s, isMark); got != want {
			t.Errorf("hasMark(%+q) = %v", s, got)
		}
	})
}
