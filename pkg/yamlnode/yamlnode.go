// Package yamlnode reads the YAML files of citecheck's configuration and
// registries as node trees, so that every problem found in them, from a
// syntax error to a value out of range, is reported at file:line:col by
// one error type.
package yamlnode

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/citecheck/citecheck/pkg/source"
)

// Error is a problem in a YAML file. Line and Col are 1-based; Line 0
// means the file as a whole (it could not be read as YAML at all).
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// At returns an Error at the position of n.
func At(file string, n *yaml.Node, format string, args ...any) *Error {
	return &Error{File: file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
}

// Parse reads data as a single YAML document and returns its root node
// (the document's content, not the document node), or nil when the file
// holds no content (empty, or only comments). A syntax error is reported
// where the parser stopped, with its column; a second document ("---")
// is an error, for citecheck would otherwise read only the first and
// silently ignore the rest.
func Parse(file string, data []byte) (*yaml.Node, error) {
	if err := notUTF8(file, data); err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, syntaxError(file, err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, syntaxError(file, err)
	default:
		return nil, &Error{File: file, Line: next.Line, Col: next.Column,
			Msg: `a second YAML document ("---"); a file holds one document`}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// notUTF8 returns an Error where data stops being UTF-8 text, or nil: the
// YAML library says only "invalid leading UTF-8 octet", with no place. A
// file that starts with a UTF-16 byte order mark is left to the library,
// which reads it.
func notUTF8(file string, data []byte) error {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil
	}
	off := source.InvalidUTF8(data)
	if off < 0 {
		return nil
	}
	ls := bytes.LastIndexByte(data[:off], '\n') + 1
	return &Error{File: file, Line: 1 + bytes.Count(data[:off], []byte("\n")), Col: 1 + utf8.RuneCount(data[ls:off]),
		Msg: fmt.Sprintf("not UTF-8 text (byte 0x%02X): save the file as UTF-8", data[off])}
}

// syntaxError turns the YAML library's error into an Error at the place
// the parser stopped.
func syntaxError(file string, err error) error {
	var le *yaml.LoadError
	if errors.As(err, &le) && le.Mark.Line > 0 {
		msg := le.Message
		if le.ContextMsg != "" && le.ContextMark.Line > 0 && le.ContextMark != le.Mark {
			msg += fmt.Sprintf(" (%s that starts at line %d, column %d)", le.ContextMsg, le.ContextMark.Line, le.ContextMark.Column)
		}
		return &Error{File: file, Line: le.Mark.Line, Col: max(le.Mark.Column, 1), Msg: msg}
	}
	return &Error{File: file, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
}

// Quote renders ss as `"a", "b", "c"`, for messages that list the values
// expected.
func Quote(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}
