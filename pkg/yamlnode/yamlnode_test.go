package yamlnode

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, in string
		err      string // "" for none
		empty    bool
	}{
		{"mapping", "a: 1\n", "", false},
		{"explicit start", "---\na: 1\n", "", false},
		{"explicit end", "a: 1\n...\n", "", false},
		{"empty", "", "", true},
		{"comments only", "# nothing\n", "", true},
		// The column is where the parser stopped, not always 1.
		{"mapping in a value", "a: b: c\n", "f.yaml:1:5: mapping values are not allowed in this context", false},
		{"bad indentation", "a: 1\n  b: 2\n", "f.yaml:2:4: mapping values are not allowed in this context", false},
		{"unclosed flow", "- id: x\n  title: [a\n", "f.yaml:3:1: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 2, column 10)", false},
		{"tab", "a:\n\t- x\n", "f.yaml:2:1: found character that cannot start any token", false},
		{"second document", "a: 1\n---\nb: 2\n", `f.yaml:2:1: a second YAML document ("---"); a file holds one document`, false},
		{"empty second document", "a: 1\n---\n", `f.yaml:2:1: a second YAML document ("---"); a file holds one document`, false},
		{"broken second document", "a: 1\n---\nb: [\n", "f.yaml:4:1: did not find expected node content", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Parse("f.yaml", []byte(tt.in))
			if tt.err == "" {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				if (n == nil) != tt.empty {
					t.Fatalf("root %v, want empty %v", n, tt.empty)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T), want an *Error", err, err)
			}
			if err.Error() != tt.err {
				t.Errorf("error\n  %s\nwant\n  %s", err, tt.err)
			}
		})
	}
}

func TestErrorWithoutLine(t *testing.T) {
	if got := (&Error{File: "f.yaml", Msg: "unreadable"}).Error(); got != "f.yaml: unreadable" {
		t.Errorf("got %q", got)
	}
}

// FuzzParse: Parse never panics, and every error it returns is an *Error
// whose position lies inside the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"a: 1\n", "a: b: c\n", "- [\n", "a: 1\n---\nb: 2\n", "\t", "{a: 1, a: 2}", "&x a: *x\n", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, err := Parse("f.yaml", []byte(s))
		if err == nil {
			return
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v (%T) is not an *Error", err, err)
		}
		// YAML breaks lines at \n, \r, NEL, LS and PS: count each as a
		// line, an upper bound.
		lines := 1
		for _, r := range s {
			switch r {
			case '\n', '\r', '\u0085', '\u2028', '\u2029':
				lines++
			}
		}
		if e.Line < 0 || e.Line > lines+1 || e.Col < 0 || (e.Line > 0 && e.Col < 1) {
			t.Fatalf("position %d:%d outside the %d lines of %q", e.Line, e.Col, lines, s)
		}
	})
}

// TestNotUTF8 checks that a file in another encoding is refused at the
// first byte that is not UTF-8, with its line and column (the library
// says only "invalid leading UTF-8 octet"), and that UTF-16 with a byte
// order mark, which YAML allows, is left to the library.
func TestNotUTF8(t *testing.T) {
	_, err := Parse("l.yaml", []byte("a: 1\nb: caf\xe9 au lait\n"))
	if err == nil || err.Error() != "l.yaml:2:7: not UTF-8 text (byte 0xE9): save the file as UTF-8" {
		t.Errorf("Latin-1: got %v", err)
	}
	utf16 := []byte{0xFF, 0xFE, 'a', 0, ':', 0, ' ', 0, '1', 0, '\n', 0}
	n, err := Parse("u.yaml", utf16)
	if err != nil || n == nil || len(n.Content) != 2 || n.Content[1].Value != "1" {
		t.Errorf("UTF-16 with a BOM: got %v, %v", n, err)
	}
}
