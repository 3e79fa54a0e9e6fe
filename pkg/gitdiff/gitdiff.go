// Package gitdiff says which lines of which files changed since a git
// revision, for check --new-from-rev: findings on other lines are old and
// not reported (golangci-lint's new-from-rev).
//
// It runs git: `git diff -U0 REV` (the working tree against REV, staged
// and unstaged changes alike) for changed lines, and `git ls-files
// --others --exclude-standard` for untracked files, which are new
// throughout. A file git shows as binary (a .docx, a PDF) counts as
// changed throughout when it changed at all.
package gitdiff

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Changes are the lines changed since a revision, by file.
type Changes struct {
	// Root is the repository's top folder (absolute, links resolved).
	Root string
	// files maps a path relative to Root (slash-separated) to its change.
	files map[string]*File

	mu   sync.Mutex
	dirs map[string]string // folder as given → absolute, links resolved
}

// File is how one file changed.
type File struct {
	// Whole is set for a file that is new (untracked or added) or binary:
	// every line counts as changed.
	Whole bool
	// Lines are the changed line ranges of the new file, [From, To]
	// inclusive, in order.
	Lines []Range
}

// Range is a run of lines, 1-based, inclusive.
type Range struct{ From, To int }

// Has reports whether line n is in one of f's ranges (or f is changed
// throughout).
func (f *File) Has(n int) bool {
	if f.Whole {
		return true
	}
	_, found := slices.BinarySearchFunc(f.Lines, n, func(r Range, n int) int {
		switch {
		case r.To < n:
			return -1
		case r.From > n:
			return 1
		}
		return 0
	})
	return found
}

// Since asks git, run in dir, what changed since rev. A revision git
// cannot resolve, or a dir outside a repository, is an error that says so.
func Since(ctx context.Context, dir, rev string) (*Changes, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, errors.New("git is not installed (it is needed to find the lines changed)")
	}
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("not in a git repository: %w", err)
	}
	if _, err := git(ctx, dir, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("unknown revision %q (a commit, branch or tag git can resolve; in CI, fetch enough history)", rev)
	}
	root := strings.TrimSpace(string(top))
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	c := &Changes{Root: root, files: map[string]*File{}, dirs: map[string]string{}}
	// From the top folder, so that paths are relative to it; no external
	// diff drivers or textconv, which would change what "binary" means.
	diff, err := git(ctx, root, "-c", "core.quotepath=off", "diff", "--no-color", "--no-ext-diff", "--no-textconv", "-U0", rev, "--")
	if err != nil {
		return nil, err
	}
	if err := c.parse(diff); err != nil {
		return nil, err
	}
	others, err := git(ctx, root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	for _, p := range strings.Split(string(others), "\x00") {
		if p != "" {
			c.files[p] = &File{Whole: true}
		}
	}
	return c, nil
}

func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("git %s: %s", args[0], firstLine(msg))
		}
		return nil, fmt.Errorf("git %s: %w", args[0], err)
	}
	return out, nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// parse reads a unified diff with no context (-U0).
func (c *Changes) parse(diff []byte) error {
	var cur *File
	var curName string
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "diff --git "):
			// The new name, from the header; "+++ " below repeats it for a
			// text change, but a binary or a mode-only change has no "+++".
			name, ok := headerNewName(strings.TrimPrefix(line, "diff --git "))
			cur, curName = nil, ""
			if ok {
				cur, curName = &File{}, name
				c.files[name] = cur
			}
		case cur == nil:
		case strings.HasPrefix(line, "+++ "):
			name, ok := diffName(strings.TrimPrefix(line, "+++ "), "b/")
			if name != curName {
				// "+++" is authoritative where the header is ambiguous
				// (names with " b/" in them); a deleted file has none.
				delete(c.files, curName)
				curName = name
				if ok {
					c.files[name] = cur
				}
			}
			if !ok {
				cur = nil // deleted: nothing of it is left to check
			}
		case strings.HasPrefix(line, "Binary files ") || strings.HasPrefix(line, "new file mode "):
			cur.Whole = true
		case strings.HasPrefix(line, "@@ "):
			r, ok, err := hunkRange(line)
			if err != nil {
				return err
			}
			if ok {
				cur.Lines = append(cur.Lines, r)
			}
		}
	}
	return sc.Err()
}

// hunkRange reads "@@ -a,b +c,d @@": the new lines are c … c+d-1 (d
// defaults to 1; d = 0 is a pure deletion, no new line).
func hunkRange(line string) (Range, bool, error) {
	fields := strings.Fields(line)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return Range{}, false, fmt.Errorf("git diff: malformed hunk header %q", line)
	}
	start, count, hasCount := strings.Cut(fields[2][1:], ",")
	c, err := strconv.Atoi(start)
	if err != nil {
		return Range{}, false, fmt.Errorf("git diff: malformed hunk header %q", line)
	}
	n := 1
	if hasCount {
		if n, err = strconv.Atoi(count); err != nil {
			return Range{}, false, fmt.Errorf("git diff: malformed hunk header %q", line)
		}
	}
	if n == 0 {
		return Range{}, false, nil
	}
	return Range{From: c, To: c + n - 1}, true, nil
}

// headerNewName takes the "b/…" name out of `a/x b/x` (either may be
// quoted).
func headerNewName(s string) (string, bool) {
	if strings.HasSuffix(s, `"`) {
		// The new name is quoted: find its opening quote.
		for i := len(s) - 2; i >= 0; i-- {
			if s[i] == '"' && (i == 0 || s[i-1] == ' ') {
				return diffName(s[i:], "b/")
			}
		}
		return "", false
	}
	i := strings.LastIndex(s, " b/")
	if i < 0 {
		return "", false
	}
	return diffName(s[i+1:], "b/")
}

// diffName unquotes a diff path (git quotes names with unusual bytes in C
// style) and strips its prefix; /dev/null is no name.
func diffName(s, prefix string) (string, bool) {
	s = strings.TrimSuffix(s, "\t")
	if strings.HasPrefix(s, `"`) {
		u, err := strconv.Unquote(s)
		if err != nil {
			return "", false
		}
		s = u
	}
	if s == "/dev/null" || !strings.HasPrefix(s, prefix) {
		return "", false
	}
	return strings.TrimPrefix(s, prefix), true
}

// Lookup returns how the file at path (relative to the working directory,
// or absolute) changed, or nil when it did not change since the revision
// (or is outside the repository).
func (c *Changes) Lookup(path string) *File {
	native := filepath.FromSlash(path)
	abs := filepath.Join(c.resolve(filepath.Dir(native)), filepath.Base(native))
	rel, err := filepath.Rel(c.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil
	}
	return c.files[filepath.ToSlash(rel)]
}

func (c *Changes) resolve(dir string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.dirs[dir]; ok {
		return r
	}
	r := dir
	if abs, err := filepath.Abs(dir); err == nil {
		r = abs
	}
	if e, err := filepath.EvalSymlinks(r); err == nil {
		r = e
	}
	c.dirs[dir] = r
	return r
}
