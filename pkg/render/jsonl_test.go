package render

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestJSONLLinesParse checks that every line is one JSON object and that
// the findings and unreadable files come back out unchanged.
func TestJSONLLinesParse(t *testing.T) {
	fx := newFixture(t)
	out := fx.run(t, &JSONL{})
	if !bytes.HasSuffix(out, []byte("\n")) {
		t.Fatal("output does not end in a newline")
	}
	lines := bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n"))

	var want []any // JSONDiagnostic, jsonlError or jsonlNotice, in order
	for _, f := range fx.files {
		if f.Err != nil {
			want = append(want, jsonlError{Path: f.Path, Error: f.Err.Error()})
		}
		if f.Notice != "" {
			want = append(want, jsonlNotice{Path: f.Path, Notice: f.Notice})
		}
		for i := range f.Diagnostics {
			want = append(want, ToJSON(f.Diagnostics[i]))
		}
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, line := range lines {
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		switch w := want[i].(type) {
		case jsonlError:
			var got jsonlError
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("line %d: %v: %s", i+1, err, line)
			}
			if got != w {
				t.Errorf("line %d = %+v, want %+v", i+1, got, w)
			}
		case jsonlNotice:
			var got jsonlNotice
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("line %d: %v: %s", i+1, err, line)
			}
			if got != w {
				t.Errorf("line %d = %+v, want %+v", i+1, got, w)
			}
		case JSONDiagnostic:
			var got JSONDiagnostic
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("line %d: %v: %s", i+1, err, line)
			}
			gj, _ := json.Marshal(got)
			wj, _ := json.Marshal(w)
			if !bytes.Equal(gj, wj) {
				t.Errorf("line %d = %s, want %s", i+1, gj, wj)
			}
		}
	}
}

// TestJSONLFields pins the optional fields: fix and context appear only
// when set, and found/expected/treaty always appear, so consumers can rely
// on their presence.
func TestJSONLFields(t *testing.T) {
	fx := newFixture(t)
	out := fx.run(t, &JSONL{})
	lines := bytes.Split(bytes.TrimSpace(out), []byte("\n"))
	var first, info map[string]any
	if err := json.Unmarshal(lines[0], &first); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(lines[2], &info); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "found", "expected", "treaty", "fingerprint", "fix", "context"} {
		if _, ok := first[k]; !ok {
			t.Errorf("first finding lacks %q", k)
		}
	}
	fix, _ := first["fix"].(map[string]any)
	for _, k := range []string{"line", "column", "end_line", "end_column", "replacement"} {
		if _, ok := fix[k]; !ok {
			t.Errorf("fix lacks %q", k)
		}
	}
	for _, k := range []string{"fix", "context"} {
		if _, ok := info[k]; ok {
			t.Errorf("info finding has %q though it is unset", k)
		}
	}
	for _, k := range []string{"found", "expected", "treaty"} {
		if _, ok := info[k]; !ok {
			t.Errorf("info finding lacks %q", k)
		}
	}
	if info["severity"] != "info" {
		t.Errorf("severity = %v, want info", info["severity"])
	}
	// No HTML escaping: "<&>" is written as is.
	if !bytes.Contains(out, []byte("<&>")) {
		t.Error("<&> was escaped")
	}
}
