// Package baseline records known findings so that later runs report only
// new ones. Findings are matched by fingerprint (path, rule, text found and
// expected, treaty), not by line, so a baseline survives edits that move
// lines; identical findings in one file are counted.
package baseline

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/citecheck/citecheck/pkg/diag"
)

// Version is the baseline file format version.
const Version = 1

// Entry is one known finding (Count identical ones).
type Entry struct {
	Path        string `json:"path"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	Count       int    `json:"count"`
	// Message is informative only (for people reading the file).
	Message string `json:"message"`
}

// File is a baseline file.
type File struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
}

// Baseline is a loaded baseline, safe for concurrent use (it is read-only).
type Baseline struct {
	counts map[string]int
}

// Read loads a baseline file.
func Read(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: not a citecheck baseline: %v", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("%s: baseline version %d, expected %d (write it again with 'citecheck baseline')", path, f.Version, Version)
	}
	b := &Baseline{counts: map[string]int{}}
	for _, e := range f.Findings {
		b.counts[e.Fingerprint] += max(e.Count, 1)
	}
	return b, nil
}

// Filter returns the findings of one file that the baseline does not
// already hold. ds must all be of one file.
func (b *Baseline) Filter(ds []diag.Diagnostic) []diag.Diagnostic {
	if b == nil {
		return ds
	}
	used := map[string]int{}
	out := ds[:0]
	for _, d := range ds {
		fp := d.Fingerprint()
		if used[fp] < b.counts[fp] {
			used[fp]++
			continue
		}
		out = append(out, d)
	}
	return out
}

// Writer accumulates findings into a baseline.
type Writer struct {
	byFP map[string]*Entry
}

// Add records findings.
func (w *Writer) Add(ds []diag.Diagnostic) {
	if w.byFP == nil {
		w.byFP = map[string]*Entry{}
	}
	for _, d := range ds {
		fp := d.Fingerprint()
		if e, ok := w.byFP[fp]; ok {
			e.Count++
			continue
		}
		w.byFP[fp] = &Entry{Path: d.Path, Rule: d.Rule, Fingerprint: fp, Count: 1, Message: d.Message}
	}
}

// Len reports the number of findings recorded.
func (w *Writer) Len() int {
	n := 0
	for _, e := range w.byFP {
		n += e.Count
	}
	return n
}

// WriteTo writes the baseline as JSON, entries sorted by path, rule and
// fingerprint.
func (w *Writer) WriteTo(out io.Writer) (int64, error) {
	f := File{Version: Version, Tool: "citecheck", Findings: []Entry{}}
	for _, e := range w.byFP {
		f.Findings = append(f.Findings, *e)
	}
	slices.SortFunc(f.Findings, func(a, b Entry) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		return strings.Compare(a.Fingerprint, b.Fingerprint)
	})
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return 0, err
	}
	n, err := out.Write(append(data, '\n'))
	return int64(n), err
}
