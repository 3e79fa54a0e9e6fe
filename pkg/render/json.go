package render

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/citecheck/citecheck/pkg/diag"
)

// JSONDiagnostic is the JSON form of a finding (formats json and jsonl).
// Its field names are part of citecheck's interface: add fields, never
// rename them.
type JSONDiagnostic struct {
	Path        string   `json:"path"`
	Line        int      `json:"line"`
	Column      int      `json:"column"`
	EndLine     int      `json:"end_line"`
	EndColumn   int      `json:"end_column"`
	Rule        string   `json:"rule"`
	Severity    string   `json:"severity"`
	Message     string   `json:"message"`
	Found       string   `json:"found"`
	Expected    string   `json:"expected"`
	Treaty      string   `json:"treaty"`
	Context     string   `json:"context,omitempty"`
	Fingerprint string   `json:"fingerprint"`
	Fix         *JSONFix `json:"fix,omitempty"`
}

// JSONFix is the JSON form of a fix.
type JSONFix struct {
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column"`
	Replacement string `json:"replacement"`
}

// ToJSON converts a finding to its JSON form.
func ToJSON(d diag.Diagnostic) JSONDiagnostic {
	j := JSONDiagnostic{
		Path: d.Path, Line: d.Span.Start.Line, Column: d.Span.Start.Col,
		EndLine: d.Span.End.Line, EndColumn: d.Span.End.Col,
		Rule: d.Rule, Severity: d.Severity.String(), Message: d.Message,
		Found: d.Found, Expected: d.Expected, Treaty: d.Treaty, Context: d.Context,
		Fingerprint: d.Fingerprint(),
	}
	if d.Fix != nil {
		j.Fix = &JSONFix{Line: d.Fix.Span.Start.Line, Column: d.Fix.Span.Start.Col,
			EndLine: d.Fix.Span.End.Line, EndColumn: d.Fix.Span.End.Col, Replacement: d.Fix.Replacement}
	}
	return j
}

// JSON writes one object: {"diagnostics": [...], "errors": [...],
// "summary": {...}}. Diagnostics stream out as files finish; only the
// (few) unreadable files are held until the end.
type JSON struct {
	n       int
	errs    []jsonFileError
	notices []jsonlNotice
	buf     []byte // reused from file to file
}

type jsonFileError struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

type jsonSummary struct {
	Files      int            `json:"files"`
	Errors     int            `json:"errors"`
	Warnings   int            `json:"warnings"`
	Infos      int            `json:"infos"`
	Unreadable int            `json:"unreadable"`
	NoText     int            `json:"no_text,omitempty"`
	ByRule     map[string]int `json:"by_rule"`
}

// Start implements Renderer.
func (j *JSON) Start(w io.Writer, m Meta) error {
	_, err := io.WriteString(w, `{"diagnostics": [`)
	return err
}

// File implements Renderer.
func (j *JSON) File(w io.Writer, f *FileResult) error {
	if f.Err != nil {
		j.errs = append(j.errs, jsonFileError{f.Path, f.Err.Error()})
		return nil
	}
	if f.Notice != "" {
		j.notices = append(j.notices, jsonlNotice{f.Path, f.Notice})
		return nil
	}
	if len(f.Diagnostics) == 0 {
		return nil
	}
	b := j.buf[:0]
	for _, d := range f.Diagnostics {
		if j.n == 0 {
			b = append(b, "\n  "...)
		} else {
			b = append(b, ",\n  "...)
		}
		j.n++
		jd := ToJSON(d)
		b = appendJSON(b, &jd)
	}
	j.buf = b
	_, err := w.Write(b)
	return err
}

// Finish implements Renderer.
func (j *JSON) Finish(w io.Writer, s Summary) error {
	errs, err := json.Marshal(j.errs)
	if err != nil {
		return err
	}
	if j.errs == nil {
		errs = []byte("[]")
	}
	byRule := s.ByRule
	if byRule == nil {
		byRule = map[string]int{}
	}
	sum, err := json.Marshal(jsonSummary{Files: s.Files, Errors: s.Counts.Errors, Warnings: s.Counts.Warnings,
		Infos: s.Counts.Infos, Unreadable: s.Unreadable, NoText: s.NoText, ByRule: byRule})
	if err != nil {
		return err
	}
	end := "],\n"
	if j.n > 0 {
		end = "\n],\n"
	}
	// "notices" appears only when a file held no text, so that the output
	// of a run without one keeps its earlier shape.
	notices := ""
	if len(j.notices) > 0 {
		b, err := marshal(j.notices)
		if err != nil {
			return err
		}
		notices = ` "notices": ` + string(b) + ",\n"
	}
	_, err = io.WriteString(w, end+` "errors": `+string(errs)+",\n"+notices+` "summary": `+string(sum)+"}\n")
	return err
}

// marshal is json.Marshal without HTML escaping: messages quote "<", ">"
// and "&" as they are.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
