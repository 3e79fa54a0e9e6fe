package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/citecheck/citecheck/pkg/diag"
)

// GitLab writes a GitLab Code Quality report (a subset of the Code Climate
// issue format), which a merge request shows in its Code Quality widget
// and in the changed files:
//
//	[{"description": "…", "check_name": "treaty-year", "fingerprint": "…",
//	  "severity": "major", "location": {"path": "drafts/a.txt",
//	  "positions": {"begin": {"line": 9, "column": 225}, "end": {…}}}}]
//
// Severities map error → major, warning → minor, info → info. GitLab
// shows only the first issue of each fingerprint, so the fingerprint is
// the finding's own (position-free, so an issue survives edits that move
// it) extended with its occurrence number within the file. Paths are
// relative to the working directory — run citecheck from the repository
// root — without "./". An unreadable file is an issue of check_name
// "unreadable" on its line 1, so that it is not silent.
type GitLab struct {
	n    int
	seen map[string]int // per file: occurrences of each fingerprint
}

var _ Renderer = (*GitLab)(nil)

type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path      string          `json:"path"`
	Positions gitlabPositions `json:"positions"`
}

type gitlabPositions struct {
	Begin gitlabPos  `json:"begin"`
	End   *gitlabPos `json:"end,omitempty"`
}

type gitlabPos struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

// Start implements Renderer.
func (g *GitLab) Start(w io.Writer, _ Meta) error {
	g.n = 0
	_, err := io.WriteString(w, "[")
	return err
}

// File implements Renderer.
func (g *GitLab) File(w io.Writer, f *FileResult) error {
	g.seen = map[string]int{}
	p := gitlabPath(f.Path)
	var b strings.Builder
	add := func(is gitlabIssue) error {
		j, err := marshal(is)
		if err != nil {
			return err
		}
		if g.n == 0 {
			b.WriteString("\n  ")
		} else {
			b.WriteString(",\n  ")
		}
		g.n++
		b.Write(j)
		return nil
	}
	if f.Err != nil {
		if err := add(gitlabIssue{Description: "could not be read: " + f.Err.Error(), CheckName: "unreadable",
			Fingerprint: g.fingerprint(diag.Diagnostic{Path: f.Path, Rule: "unreadable"}), Severity: "major",
			Location: gitlabLocation{Path: p, Positions: gitlabPositions{Begin: gitlabPos{Line: 1}}}}); err != nil {
			return err
		}
	}
	for i := range f.Diagnostics {
		d := &f.Diagnostics[i]
		is := gitlabIssue{Description: d.Message, CheckName: d.Rule, Fingerprint: g.fingerprint(*d),
			Severity: gitlabSeverity(d.Severity), Location: gitlabLocation{Path: p}}
		is.Location.Positions.Begin = gitlabPos{Line: max(1, d.Span.Start.Line)}
		if hasPos(d.Span.Start) {
			is.Location.Positions.Begin.Column = col(d.Span.Start)
		}
		if hasEnd(d.Span) {
			is.Location.Positions.End = &gitlabPos{Line: d.Span.End.Line, Column: col(d.Span.End)}
		}
		if err := add(is); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// fingerprint is d's fingerprint, made unique within its file by the
// number of earlier findings that share it.
func (g *GitLab) fingerprint(d diag.Diagnostic) string {
	fp := d.Fingerprint()
	k := g.seen[fp]
	g.seen[fp]++
	if k == 0 {
		return fp
	}
	h := sha256.Sum256([]byte(fmt.Sprintf("%s#%d", fp, k)))
	return hex.EncodeToString(h[:16])
}

// Finish implements Renderer.
func (g *GitLab) Finish(w io.Writer, _ Summary) error {
	end := "]\n"
	if g.n > 0 {
		end = "\n]\n"
	}
	_, err := io.WriteString(w, end)
	return err
}

func gitlabSeverity(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "major"
	case diag.Warning:
		return "minor"
	}
	return "info"
}

// gitlabPath is a path as GitLab wants it: relative to the repository
// root (taken to be the working directory), slash-separated, no "./".
func gitlabPath(p string) string {
	if filepath.IsAbs(p) {
		if wd, err := filepath.Abs("."); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
		}
	}
	p = filepath.ToSlash(filepath.Clean(p))
	return strings.TrimPrefix(p, "./")
}
