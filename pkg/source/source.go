// Package source holds an input file's text and converts between byte
// offsets and 1-based line:column positions (columns count Unicode code
// points).
package source

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"sync"
	"unicode/utf8"
)

// Pos is a point in a source file. Line and Col are 1-based; Col counts
// Unicode code points; Offset is a byte offset into File.Text.
type Pos struct {
	Offset int
	Line   int
	Col    int
}

// Span is a half-open range [Start, End) of a source file.
type Span struct {
	Start, End Pos
}

// File is one input document as text.
type File struct {
	// Path is the name shown to users (slash-separated, "-" for stdin).
	Path string
	// Text is the document text, UTF-8, with any byte order mark removed.
	// Line endings are kept as they were (LF or CRLF).
	Text []byte
	// lineStarts[i] is the byte offset where line i+1 starts.
	lineStarts []int
	// marks are the rune counts Pos reads long lines by, made at their
	// first position (see runesBefore).
	marks struct {
		sync.Mutex
		byLine map[int][]runeMark
	}
}

// runeMark is a point of a long line: its byte offset, on a character's
// start, and the runes of the line before it.
type runeMark struct{ off, runes int }

// markEvery is the bytes between the marks of a long line.
const markEvery = 1024

// ErrBinary is returned by New for input that is not text.
var ErrBinary = errors.New("binary file (contains NUL bytes)")

// ErrUTF16 is returned by New for UTF-16 text (with its byte order mark,
// or with a NUL byte beside every ASCII letter), which Word and Notepad
// save as "Unicode".
var ErrUTF16 = errors.New("UTF-16 text: citecheck reads UTF-8; save the file as UTF-8 (in Notepad: Save as, Encoding UTF-8)")

// InvalidUTF8Error is returned by New for input that is not valid UTF-8.
type InvalidUTF8Error struct{ Line, Col int }

func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("invalid UTF-8 at line %d, column %d (convert the file to UTF-8)", e.Line, e.Col)
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// New makes a File from raw bytes: it strips a UTF-8 byte order mark and
// rejects binary and non-UTF-8 input with a descriptive error.
func New(path string, data []byte) (*File, error) {
	data = bytes.TrimPrefix(data, bom)
	if bytes.IndexByte(data, 0) >= 0 {
		if isUTF16(data) {
			return nil, ErrUTF16
		}
		return nil, ErrBinary
	}
	f := &File{Path: path, Text: data}
	f.index()
	if off := InvalidUTF8(data); off >= 0 {
		p := f.Pos(off)
		return nil, &InvalidUTF8Error{Line: p.Line, Col: p.Col}
	}
	return f, nil
}

// InvalidUTF8 returns the offset of the first byte of data that is not
// UTF-8, or -1 when data is valid UTF-8.
func InvalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	off := 0
	for off < len(data) {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	return off
}

// isUTF16 reports whether data looks like UTF-16 text: a byte order mark,
// or (without one) a NUL byte in every other place of its first bytes, as
// ASCII text in UTF-16 has.
func isUTF16(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return true
	}
	n := min(len(data), 512) &^ 1
	if n < 8 {
		return false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	return even*10 >= half*9 && odd == 0 || odd*10 >= half*9 && even == 0
}

func (f *File) index() {
	n := bytes.Count(f.Text, []byte{'\n'})
	f.lineStarts = make([]int, 1, n+1)
	for i := 0; ; {
		k := bytes.IndexByte(f.Text[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
		f.lineStarts = append(f.lineStarts, i)
	}
}

// LineStarts returns the byte offset where each line starts (the first is
// 0; a file that ends in a newline ends with an empty line). The slice is
// the file's own: do not modify it.
func (f *File) LineStarts() []int { return f.lineStarts }

// Lines reports the number of lines in the file.
func (f *File) Lines() int { return len(f.lineStarts) }

// Pos converts a byte offset into a position. Offsets out of range are
// clamped to the file.
func (f *File) Pos(off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(f.Text) {
		off = len(f.Text)
	}
	i := sort.Search(len(f.lineStarts), func(i int) bool { return f.lineStarts[i] > off }) - 1
	return Pos{Offset: off, Line: i + 1, Col: f.runesBefore(i+1, off) + 1}
}

// runesBefore returns the runes of line n (1-based) before off. A long
// line is counted once, at its first position, with a mark every
// markEvery bytes, and a position counts on from the mark before it: a
// line that holds thousands of findings (a file of one line) made a check
// quadratic when each counted from the line's start (2 minutes for 1 MB
// and 21,800 findings). Marks stand on a character's start, so counting on
// adds as counting from the line's start does.
func (f *File) runesBefore(n, off int) int {
	start := f.lineStarts[n-1]
	if off-start < 2*markEvery {
		return utf8.RuneCount(f.Text[start:off])
	}
	f.marks.Lock()
	ms, ok := f.marks.byLine[n]
	if !ok {
		end := len(f.Text)
		if n < len(f.lineStarts) {
			end = f.lineStarts[n]
		}
		ms = []runeMark{{start, 0}}
		for at := start; at+markEvery < end; {
			next := at + markEvery
			for next < end && !utf8.RuneStart(f.Text[next]) {
				next++
			}
			ms = append(ms, runeMark{next, ms[len(ms)-1].runes + utf8.RuneCount(f.Text[at:next])})
			at = next
		}
		if f.marks.byLine == nil {
			f.marks.byLine = map[int][]runeMark{}
		}
		f.marks.byLine[n] = ms
	}
	f.marks.Unlock()
	k := sort.Search(len(ms), func(i int) bool { return ms[i].off > off }) - 1
	return ms[k].runes + utf8.RuneCount(f.Text[ms[k].off:off])
}

// Span converts a byte range into a Span.
func (f *File) Span(start, end int) Span {
	return Span{Start: f.Pos(start), End: f.Pos(end)}
}

// Line returns the text of 1-based line n without its line ending.
func (f *File) Line(n int) string {
	if n < 1 || n > len(f.lineStarts) {
		return ""
	}
	start := f.lineStarts[n-1]
	end := len(f.Text)
	if n < len(f.lineStarts) {
		end = f.lineStarts[n] - 1
	}
	return string(bytes.TrimRight(f.Text[start:end], "\r"))
}
