package release_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/cli"
	"github.com/citecheck/citecheck/pkg/engine"
)

type preCommitHook struct {
	ID         string   `yaml:"id"`
	Name       string   `yaml:"name"`
	Entry      string   `yaml:"entry"`
	Language   string   `yaml:"language"`
	Files      string   `yaml:"files"`
	Types      []string `yaml:"types"`
	TypesOr    []string `yaml:"types_or"`
	MinVersion string   `yaml:"minimum_pre_commit_version"`
}

func loadHook(t *testing.T) preCommitHook {
	t.Helper()
	var hooks []preCommitHook
	decodeFile(t, ".pre-commit-hooks.yaml", &hooks)
	if len(hooks) != 1 || hooks[0].ID != "citecheck" {
		t.Fatalf(".pre-commit-hooks.yaml: want one hook with id citecheck, got %+v", hooks)
	}
	return hooks[0]
}

// mainPackages lists the directories, relative and slash-separated, that
// hold a main package, as `go install ./...` at the root would find them.
func mainPackages(t *testing.T) []string {
	t.Helper()
	var dirs []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.PackageClauseOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		if rel = filepath.ToSlash(rel); f.Name.Name == "main" && !slices.Contains(dirs, rel) {
			dirs = append(dirs, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(dirs)
	return dirs
}

func TestPreCommitHookInstallsTheBinary(t *testing.T) {
	h := loadHook(t)
	if h.Language != "golang" {
		t.Errorf("language %q, want golang", h.Language)
	}
	entry := strings.Fields(h.Entry)
	if len(entry) < 2 || entry[0] != "citecheck" || entry[1] != "check" {
		t.Fatalf("entry %q, want citecheck check", h.Entry)
	}
	// `go install ./...` names each binary after its package directory.
	var named []string
	mains := mainPackages(t)
	for _, dir := range mains {
		if path.Base(dir) == entry[0] {
			named = append(named, dir)
		}
	}
	if !slices.Equal(named, []string{"cmd/citecheck"}) {
		t.Errorf("main packages %q: want exactly one named citecheck, cmd/citecheck", mains)
	}
	if code, _, errs := runCLI(append(entry[1:], "--help")...); code != cli.ExitOK {
		t.Errorf("%s --help: exit %d: %s", h.Entry, code, errs)
	}
}

// identifyTags are the tags pre-commit's identify library gives files with
// each extension citecheck reads. .docx and .pdf are binary.
var identifyTags = map[string][]string{
	".txt": {"text", "plain-text"}, ".text": {"text"},
	".md": {"text", "markdown"}, ".markdown": {"text", "markdown"},
	".html": {"text", "html"}, ".htm": {"text", "html"}, ".xhtml": {"text", "xml", "html", "xhtml"},
	".docx": {"binary", "docx"}, ".pdf": {"binary", "pdf"},
}

func TestPreCommitHookSelectsDrafts(t *testing.T) {
	h := loadHook(t)
	// pre-commit uses Python's re; this pattern is in the syntax both share.
	files, err := regexp.Compile(h.Files)
	if err != nil {
		t.Fatalf("files %q: %v", h.Files, err)
	}
	if len(h.Types) > 0 {
		t.Errorf("types %q: every listed tag must match, which excludes either text or binary drafts; use types_or", h.Types)
	}
	for _, ext := range engine.Extensions {
		for _, name := range []string{"drafts/a" + ext, "A" + strings.ToUpper(ext)} {
			if !files.MatchString(name) {
				t.Errorf("files %q does not match %s, which citecheck reads", h.Files, name)
			}
		}
		tags, ok := identifyTags[ext]
		if !ok {
			t.Errorf("citecheck reads %s files: add the tags identify gives them to identifyTags", ext)
			continue
		}
		if !slices.ContainsFunc(tags, func(tag string) bool { return slices.Contains(h.TypesOr, tag) }) {
			t.Errorf("types_or %q skips %s files (identify tags them %q)", h.TypesOr, ext, tags)
		}
	}
	for _, name := range []string{"main.go", "go.mod", ".pre-commit-config.yaml", "notes.txt.bak", "logo.png"} {
		if files.MatchString(name) {
			t.Errorf("files %q matches %s, which citecheck does not read", h.Files, name)
		}
	}
}
