// Package baseline records known findings so that later runs report only
// new ones. Findings are matched by fingerprint (path, rule, text found and
// expected, treaty), not by line, so a baseline survives edits that move
// lines; identical findings in one file are counted.
//
// Paths are stored relative to the baseline file's folder, and a finding's
// path is made relative to that folder before it is matched, so a baseline
// matches however the files are named on the command line: "draft.txt",
// "./draft.txt", an absolute path, or "sub/draft.txt" from the parent
// folder.
package baseline

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/citecheck/citecheck/pkg/diag"
)

// Version is the baseline file format version. Version 1 stored paths as
// they were given on the command line; files of that version are still
// read, and match only paths spelt the same way.
const Version = 2

// Entry is one known finding (Count identical ones).
type Entry struct {
	// Path is relative to the baseline file's folder, slash-separated.
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

// Baseline is a loaded baseline, safe for concurrent use.
type Baseline struct {
	counts map[string]int
	paths  *relPaths // nil for a version 1 file: paths as given
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
	b := &Baseline{counts: map[string]int{}}
	switch f.Version {
	case 1:
	case Version:
		if b.paths, err = newRelPaths(path); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("%s: baseline version %d, expected %d (write it again with 'citecheck baseline')", path, f.Version, Version)
	}
	for _, e := range f.Findings {
		b.counts[e.Fingerprint] += max(e.Count, 1)
	}
	return b, nil
}

// key is the fingerprint d is recorded under: its own, computed with the
// path relative to the baseline's folder.
func (p *relPaths) key(d diag.Diagnostic) string {
	if p != nil {
		d.Path = p.rel(d.Path)
	}
	return d.Fingerprint()
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
		fp := b.paths.key(d)
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
	paths *relPaths
	byFP  map[string]*Entry
}

// NewWriter returns a Writer for a baseline file to be written at path:
// the paths it records are relative to path's folder.
func NewWriter(path string) (*Writer, error) {
	p, err := newRelPaths(path)
	if err != nil {
		return nil, err
	}
	return &Writer{paths: p, byFP: map[string]*Entry{}}, nil
}

// Add records findings.
func (w *Writer) Add(ds []diag.Diagnostic) {
	for _, d := range ds {
		fp := w.paths.key(d)
		if e, ok := w.byFP[fp]; ok {
			e.Count++
			continue
		}
		w.byFP[fp] = &Entry{Path: w.paths.rel(d.Path), Rule: d.Rule, Fingerprint: fp, Count: 1, Message: d.Message}
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

// relPaths turns paths as given (relative to the working directory, or
// absolute) into paths relative to the baseline file's folder. Symbolic
// links in folders are resolved on both sides, so /tmp and /private/tmp
// agree; resolved folders are cached, since every file of a run asks.
type relPaths struct {
	base string // the baseline's folder: absolute, links resolved

	mu    sync.Mutex
	cache map[string]string // folder as given → absolute, links resolved
}

func newRelPaths(file string) (*relPaths, error) {
	p := &relPaths{cache: map[string]string{}}
	dir, err := filepath.Abs(filepath.Dir(file))
	if err != nil {
		return nil, err
	}
	p.base = p.resolve(dir)
	return p, nil
}

// resolve returns dir, absolute, with its symbolic links resolved when it
// exists (as given otherwise).
func (p *relPaths) resolve(dir string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r, ok := p.cache[dir]; ok {
		return r
	}
	r := dir
	if abs, err := filepath.Abs(dir); err == nil {
		r = abs
	}
	if e, err := filepath.EvalSymlinks(r); err == nil {
		r = e
	}
	p.cache[dir] = r
	return r
}

// rel returns path relative to the baseline's folder, slash-separated.
// Standard input ("-") stays as it is.
func (p *relPaths) rel(path string) string {
	if p == nil || path == "-" {
		return path
	}
	native := filepath.FromSlash(path)
	abs := filepath.Join(p.resolve(filepath.Dir(native)), filepath.Base(native))
	r, err := filepath.Rel(p.base, abs)
	if err != nil {
		return path
	}
	return filepath.ToSlash(r)
}
