package render

import (
	"strconv"
	"unicode/utf8"
)

// appendJSON appends d as encoding/json (without HTML escaping) would
// write it: the field order of JSONDiagnostic, "context" and "fix" left
// out when empty. The json and jsonl formats write one object per finding
// and this is their hot path: reflection cost three times as much.
// TestAppendJSON and FuzzAppendJSON hold it equal to encoding/json.
func appendJSON(b []byte, d *JSONDiagnostic) []byte {
	b = append(b, `{"path":`...)
	b = appendJSONString(b, d.Path)
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, int64(d.Line), 10)
	b = append(b, `,"column":`...)
	b = strconv.AppendInt(b, int64(d.Column), 10)
	b = append(b, `,"end_line":`...)
	b = strconv.AppendInt(b, int64(d.EndLine), 10)
	b = append(b, `,"end_column":`...)
	b = strconv.AppendInt(b, int64(d.EndColumn), 10)
	b = append(b, `,"rule":`...)
	b = appendJSONString(b, d.Rule)
	b = append(b, `,"severity":`...)
	b = appendJSONString(b, d.Severity)
	b = append(b, `,"message":`...)
	b = appendJSONString(b, d.Message)
	b = append(b, `,"found":`...)
	b = appendJSONString(b, d.Found)
	b = append(b, `,"expected":`...)
	b = appendJSONString(b, d.Expected)
	b = append(b, `,"treaty":`...)
	b = appendJSONString(b, d.Treaty)
	if d.Context != "" {
		b = append(b, `,"context":`...)
		b = appendJSONString(b, d.Context)
	}
	b = append(b, `,"fingerprint":`...)
	b = appendJSONString(b, d.Fingerprint)
	if f := d.Fix; f != nil {
		b = append(b, `,"fix":{"line":`...)
		b = strconv.AppendInt(b, int64(f.Line), 10)
		b = append(b, `,"column":`...)
		b = strconv.AppendInt(b, int64(f.Column), 10)
		b = append(b, `,"end_line":`...)
		b = strconv.AppendInt(b, int64(f.EndLine), 10)
		b = append(b, `,"end_column":`...)
		b = strconv.AppendInt(b, int64(f.EndColumn), 10)
		b = append(b, `,"replacement":`...)
		b = appendJSONString(b, f.Replacement)
		b = append(b, '}')
	}
	return append(b, '}')
}

// appendJSONString appends s as a JSON string the way encoding/json does
// with HTML escaping off: quotes, backslashes and control characters
// escaped, invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
