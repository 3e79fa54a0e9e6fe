package source

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// TestUTF16: UTF-16 text is named as such, with what to do; other data
// with NUL bytes is binary.
func TestUTF16(t *testing.T) {
	enc := func(s string, big, bom bool) []byte {
		var out []byte
		if bom {
			if big {
				out = append(out, 0xFE, 0xFF)
			} else {
				out = append(out, 0xFF, 0xFE)
			}
		}
		for _, u := range utf16.Encode([]rune(s)) {
			if big {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
		return out
	}
	text := "Recalling the Convention on the Rights of the Child,\n"
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"little-endian with BOM", enc(text, false, true), ErrUTF16},
		{"big-endian with BOM", enc(text, true, true), ErrUTF16},
		{"little-endian without BOM", enc(text, false, false), ErrUTF16},
		{"binary", []byte("PK\x03\x04\x00\x00\x01\x02\x03\x00\x00\xff"), ErrBinary},
	} {
		if _, err := New("x.txt", tc.data); !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, err, tc.want)
		}
	}
	if _, err := New("x.txt", []byte(text)); err != nil {
		t.Errorf("UTF-8: %v", err)
	}
}

// FuzzPos: a position's column is the runes of its line before it, plus
// one, whatever positions were asked before it (Pos counts on from the
// last one on a long line).
func FuzzPos(f *testing.F) {
	f.Add(strings.Repeat("the Convention¹ on Narcotic Drugs — of 1961, ", 200)+"\nnext line ₂\n", uint16(7), uint16(9000), uint16(3000))
	f.Add("short\nline\n", uint16(1), uint16(3), uint16(2))
	f.Fuzz(func(t *testing.T, text string, a, b, c uint16) {
		src, err := New("f.txt", []byte(text))
		if err != nil {
			return
		}
		for _, off := range []int{int(a), int(b), int(c), int(a) + 1, int(b) - 1, len(text)} {
			off = min(max(off, 0), len(text))
			p := src.Pos(off)
			start := src.LineStarts()[p.Line-1]
			if want := utf8.RuneCount(src.Text[start:off]) + 1; p.Col != want {
				t.Fatalf("Pos(%d).Col = %d, want %d", off, p.Col, want)
			}
		}
	})
}
