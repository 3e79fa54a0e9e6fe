package formateq

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
)

// Result is what citecheck reported on one document: its findings and its
// references as comparison keys (positions and quoted text left out, since
// they differ between formats), and the error if it could not be read.
type Result struct {
	Findings []string
	Refs     []string
	Err      string
}

// findingFields and refFields are the JSON fields compared.
var (
	findingFields = []string{"rule", "found", "expected", "treaty"}
	refFields     = []string{"kind", "treaty", "year", "series", "volume", "number", "numbers", "page",
		"treaties", "symbol", "date", "doc", "organ", "footnote", "in_footnote", "ibid_of", "cited_as", "embedded"}
)

func key(obj map[string]json.RawMessage, fields []string) string {
	var b strings.Builder
	for _, f := range fields {
		if v, ok := obj[f]; ok {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(f)
			b.WriteByte('=')
			var c bytes.Buffer
			if json.Compact(&c, v) == nil {
				v = c.Bytes()
			}
			b.Write(v)
		}
	}
	return b.String()
}

// ReadCheck adds the output of "citecheck check --format json" (one or
// more runs) to results, by document name (name maps a reported path to
// it).
func ReadCheck(r io.Reader, name func(string) string, results map[string]*Result) error {
	dec := json.NewDecoder(r)
	for dec.More() {
		if err := readCheck(dec, name, results); err != nil {
			return err
		}
	}
	return nil
}

func readCheck(dec *json.Decoder, name func(string) string, results map[string]*Result) error {
	var out struct {
		Diagnostics []map[string]json.RawMessage `json:"diagnostics"`
		Errors      []struct {
			Path  string `json:"path"`
			Error string `json:"error"`
		} `json:"errors"`
	}
	if err := dec.Decode(&out); err != nil {
		return fmt.Errorf("check output: %w", err)
	}
	for _, d := range out.Diagnostics {
		var p string
		if err := json.Unmarshal(d["path"], &p); err != nil {
			return fmt.Errorf("check output: diagnostic without a path")
		}
		res := get(results, name(p))
		res.Findings = append(res.Findings, key(d, findingFields))
	}
	for _, e := range out.Errors {
		get(results, name(e.Path)).Err = e.Error
	}
	return nil
}

// ReadRefs adds the output of "citecheck refs --format json" (one or more
// runs) to results.
func ReadRefs(r io.Reader, name func(string) string, results map[string]*Result) error {
	dec := json.NewDecoder(r)
	for dec.More() {
		if err := readRefs(dec, name, results); err != nil {
			return err
		}
	}
	return nil
}

func readRefs(dec *json.Decoder, name func(string) string, results map[string]*Result) error {
	var out struct {
		References []map[string]json.RawMessage `json:"references"`
	}
	if err := dec.Decode(&out); err != nil {
		return fmt.Errorf("refs output: %w", err)
	}
	for _, d := range out.References {
		var p string
		if err := json.Unmarshal(d["path"], &p); err != nil {
			return fmt.Errorf("refs output: reference without a path")
		}
		res := get(results, name(p))
		res.Refs = append(res.Refs, key(d, refFields))
	}
	return nil
}

func get(m map[string]*Result, k string) *Result {
	r := m[k]
	if r == nil {
		r = &Result{}
		m[k] = r
	}
	return r
}

// Stem names a document by its file name without the extension.
func Stem(p string) string {
	b := path.Base(strings.ReplaceAll(p, "\\", "/"))
	return strings.TrimSuffix(b, path.Ext(b))
}

// Diff lists how got differs from want: findings and references that one
// has more times than the other, each line starting "-" (missing from
// got) or "+" (only in got).
func Diff(want, got *Result) []string {
	var out []string
	if want.Err != got.Err {
		out = append(out, fmt.Sprintf("error: %q, got %q", want.Err, got.Err))
	}
	out = append(out, multisetDiff("finding", want.Findings, got.Findings)...)
	out = append(out, multisetDiff("ref", want.Refs, got.Refs)...)
	return out
}

func multisetDiff(what string, want, got []string) []string {
	n := map[string]int{}
	for _, k := range want {
		n[k]++
	}
	for _, k := range got {
		n[k]--
	}
	var out []string
	for k, c := range n {
		for ; c > 0; c-- {
			out = append(out, fmt.Sprintf("- %s %s", what, k))
		}
		for ; c < 0; c++ {
			out = append(out, fmt.Sprintf("+ %s %s", what, k))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][2:] < out[j][2:] || out[i][2:] == out[j][2:] && out[i] < out[j] })
	return out
}
