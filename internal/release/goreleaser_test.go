package release_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/internal/manpage"
	"github.com/citecheck/citecheck/pkg/cli"
)

// goreleaserConfig is the part of .goreleaser.yaml the tests read.
type goreleaserConfig struct {
	Version     int    `yaml:"version"`
	ProjectName string `yaml:"project_name"`
	Before      struct {
		Hooks []string `yaml:"hooks"`
	} `yaml:"before"`
	Builds []struct {
		ID      string              `yaml:"id"`
		Main    string              `yaml:"main"`
		Binary  string              `yaml:"binary"`
		Env     []string            `yaml:"env"`
		Flags   []string            `yaml:"flags"`
		Ldflags []string            `yaml:"ldflags"`
		Goos    []string            `yaml:"goos"`
		Goarch  []string            `yaml:"goarch"`
		Ignore  []map[string]string `yaml:"ignore"`
	} `yaml:"builds"`
	Archives []struct {
		Formats         []string `yaml:"formats"`
		FormatOverrides []struct {
			Goos    string   `yaml:"goos"`
			Formats []string `yaml:"formats"`
		} `yaml:"format_overrides"`
		Files []string `yaml:"files"`
	} `yaml:"archives"`
	Checksum *struct {
		NameTemplate string `yaml:"name_template"`
		Algorithm    string `yaml:"algorithm"`
		Disable      bool   `yaml:"disable"`
	} `yaml:"checksum"`
	Changelog struct {
		Sort    string `yaml:"sort"`
		Disable bool   `yaml:"disable"`
	} `yaml:"changelog"`
}

func loadGoreleaser(t *testing.T) goreleaserConfig {
	t.Helper()
	var c goreleaserConfig
	decodeFile(t, ".goreleaser.yaml", &c)
	return c
}

func TestGoreleaserBuild(t *testing.T) {
	c := loadGoreleaser(t)
	if c.Version != 2 {
		t.Errorf("version: %d, want 2 (goreleaser v2 schema)", c.Version)
	}
	if len(c.Builds) != 1 {
		t.Fatalf("%d builds, want 1", len(c.Builds))
	}
	b := c.Builds[0]
	if b.Main != "./cmd/citecheck" || b.Binary != "citecheck" {
		t.Errorf("build main %q binary %q, want ./cmd/citecheck and citecheck", b.Main, b.Binary)
	}
	if _, err := os.Stat(filepath.Join(root, b.Main, "main.go")); err != nil {
		t.Errorf("build main: %v", err)
	}
	if !slices.Contains(b.Env, "CGO_ENABLED=0") {
		t.Errorf("build env %q lacks CGO_ENABLED=0 (static binaries, no cross C toolchain)", b.Env)
	}
	if !slices.Contains(b.Flags, "-trimpath") {
		t.Errorf("build flags %q lack -trimpath", b.Flags)
	}
	goos, goarch := slices.Sorted(slices.Values(b.Goos)), slices.Sorted(slices.Values(b.Goarch))
	if !slices.Equal(goos, []string{"darwin", "linux", "windows"}) || !slices.Equal(goarch, []string{"amd64", "arm64"}) {
		t.Errorf("targets %v × %v, want darwin, linux, windows × amd64, arm64", goos, goarch)
	}
	if len(b.Ignore) > 0 {
		t.Errorf("build ignores %v: every target should ship", b.Ignore)
	}

	words := ldflagWords(strings.Join(b.Ldflags, " "))
	for _, f := range []string{"-s", "-w"} {
		if !slices.Contains(words, f) {
			t.Errorf("ldflags lack %s", f)
		}
	}
	set := checkLinkerVars(t, "build ldflags", words)
	if want := []string{"commit", "date", "version"}; !slices.Equal(sortedKeys(set), want) {
		t.Errorf("ldflags set %v, want %v", sortedKeys(set), want)
	}
	for name, tmpl := range map[string]string{"version": "{{.Version}}", "commit": "{{.Commit}}", "date": "{{.Date}}"} {
		if v, ok := set[name]; ok && v != tmpl {
			t.Errorf("ldflags set %s to %q, want %s", name, v, tmpl)
		}
	}
}

var templateAction = regexp.MustCompile(`\{\{\s*(.*?)\s*\}\}`)

// ldflagWords splits an ldflags string into words, keeping a template
// action such as {{ .Version }} in one word (as {{.Version}}).
func ldflagWords(s string) []string {
	return strings.Fields(templateAction.ReplaceAllStringFunc(s, func(a string) string {
		return "{{" + strings.Join(strings.Fields(a[2:len(a)-2]), "") + "}}"
	}))
}

// checkLinkerVars checks each -X in an ldflags word list: it must name a
// package-level string variable of pkg/cli that exists, or the linker
// silently ignores it and the release reports version "devel". It returns
// the variables set and their values.
func checkLinkerVars(t *testing.T, where string, words []string) map[string]string {
	t.Helper()
	const pkg = "github.com/citecheck/citecheck/pkg/cli"
	vars := stringVars(t, filepath.Join(root, "pkg", "cli"))
	set := map[string]string{}
	for i, w := range words {
		var x string
		switch {
		case w == "-X" && i+1 < len(words):
			x = words[i+1]
		case strings.HasPrefix(w, "-X="):
			x = strings.TrimPrefix(w, "-X=")
		default:
			continue
		}
		sym, val, ok := strings.Cut(x, "=")
		dot := strings.LastIndex(sym, ".")
		if !ok || dot < 0 {
			t.Errorf("%s: malformed -X %q (want importpath.name=value)", where, x)
			continue
		}
		if sym[:dot] != pkg {
			t.Errorf("%s: -X %s: package %s, want %s", where, sym, sym[:dot], pkg)
			continue
		}
		name := sym[dot+1:]
		if !vars[name] {
			t.Errorf("%s: -X %s: pkg/cli has no package-level string variable %q", where, sym, name)
		}
		set[name] = val
	}
	return set
}

// stringVars returns the package-level variables of the Go package in dir
// that -X can set: declared with type string, or initialised with a string
// literal.
func stringVars(t *testing.T, dir string) map[string]bool {
	t.Helper()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]bool{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				for i, n := range vs.Names {
					isString := false
					if id, ok := vs.Type.(*ast.Ident); ok && id.Name == "string" {
						isString = true
					} else if vs.Type == nil && i < len(vs.Values) {
						lit, ok := vs.Values[i].(*ast.BasicLit)
						isString = ok && lit.Kind == token.STRING
					}
					if isString {
						vars[n.Name] = true
					}
				}
			}
		}
	}
	return vars
}

func TestGoreleaserArchivesAndChecksums(t *testing.T) {
	c := loadGoreleaser(t)
	if len(c.Archives) != 1 {
		t.Fatalf("%d archives, want 1", len(c.Archives))
	}
	a := c.Archives[0]
	if !slices.Equal(a.Formats, []string{"tar.gz"}) {
		t.Errorf("archive formats %v, want [tar.gz]", a.Formats)
	}
	if len(a.FormatOverrides) != 1 || a.FormatOverrides[0].Goos != "windows" || !slices.Equal(a.FormatOverrides[0].Formats, []string{"zip"}) {
		t.Errorf("archive format_overrides %+v, want zip on windows", a.FormatOverrides)
	}
	for _, want := range []string{"LICENSE", "README.md", "completions/*", "manpages/*"} {
		if !slices.Contains(a.Files, want) {
			t.Errorf("archive files %q lack %q", a.Files, want)
		}
	}
	// LICENSE and README.md are named without a glob, so that goreleaser
	// fails ("globbing failed … file does not exist") rather than shipping
	// an archive without them; they must therefore exist.
	for _, name := range []string{"LICENSE", "README.md"} {
		if _, err := os.Stat(filepath.Join(root, name)); err != nil {
			t.Errorf("the archives carry %s: %v", name, err)
		}
	}
	if b, err := os.ReadFile(filepath.Join(root, "LICENSE")); err == nil && !strings.HasPrefix(string(b), "MIT License\n") {
		t.Errorf("LICENSE does not open with \"MIT License\":\n%.80s", b)
	}
	if c.Checksum == nil || c.Checksum.Disable || c.Checksum.NameTemplate == "" {
		t.Errorf("checksum: %+v, want a checksum file", c.Checksum)
	} else if c.Checksum.Algorithm != "" && c.Checksum.Algorithm != "sha256" {
		t.Errorf("checksum algorithm %q, want sha256", c.Checksum.Algorithm)
	}
	if c.Changelog.Disable || (c.Changelog.Sort != "asc" && c.Changelog.Sort != "desc") {
		t.Errorf("changelog %+v, want it sorted", c.Changelog)
	}
}

// TestGoreleaserHooks runs the before-hooks in a scratch directory: the
// citecheck ones in-process through cli.Run (so a renamed or removed
// subcommand fails here), mkdir and rm for real. It then checks the files
// they make land in the archives.
func TestGoreleaserHooks(t *testing.T) {
	c := loadGoreleaser(t)
	if len(c.Before.Hooks) == 0 {
		t.Fatal("no before.hooks: the archives would ship without completions and man pages")
	}
	work := t.TempDir()
	t.Chdir(work)
	ranMan := false
	for _, hook := range c.Before.Hooks {
		words, err := shellWords(expandTemplate(t, hook))
		if err != nil {
			t.Fatal(err)
		}
		// GoReleaser runs hooks without a shell: a redirection or pipe
		// outside sh -c would reach the program as an argument.
		if len(words) >= 3 && words[0] == "sh" && words[1] == "-c" {
			if len(words) != 3 {
				t.Errorf("hook %q: sh -c takes one script argument", hook)
				continue
			}
			if words, err = shellWords(words[2]); err != nil {
				t.Fatal(err)
			}
		} else {
			for _, w := range words {
				if strings.ContainsAny(w, "<>|&;") {
					t.Errorf("hook %q: %q needs a shell; wrap the command in sh -c", hook, w)
				}
			}
		}
		env, args, stdout := splitRedirect(t, hook, words)
		if len(args) == 0 {
			t.Errorf("hook %q: no command", hook)
			continue
		}
		switch args[0] {
		case "go":
			if len(args) < 2 || args[1] != "run" {
				continue // go mod download, go generate …
			}
			prog, sub, ldflags := goRunArgs(t, hook, args[2:])
			if ldflags != "" {
				checkLinkerVars(t, "hook "+hook, ldflagWords(ldflags))
			}
			for k, v := range env {
				t.Setenv(k, v)
			}
			if prog == manpagesProgram {
				if len(sub) != 1 {
					t.Errorf("hook %q: %s takes one folder, got %q", hook, prog, sub)
				} else if err := manpage.Write(sub[0], os.Getenv); err != nil {
					t.Errorf("hook %q: %v", hook, err)
				} else {
					ranMan = true
				}
				continue
			}
			if prog == "" {
				continue
			}
			code, out, errs := runCLI(sub...)
			if code != cli.ExitOK {
				t.Errorf("hook %q: citecheck %s: exit %d: %s", hook, strings.Join(sub, " "), code, errs)
				continue
			}
			if stdout != "" {
				if out == "" {
					t.Errorf("hook %q: citecheck printed nothing into %s", hook, stdout)
				}
				if err := os.WriteFile(stdout, []byte(out), 0o644); err != nil {
					t.Errorf("hook %q: %v (does an earlier hook make the folder?)", hook, err)
				}
			}
		case "mkdir", "rm":
			for _, p := range args[1:] {
				if strings.HasPrefix(p, "-") {
					continue
				}
				if !filepath.IsLocal(p) {
					t.Fatalf("hook %q: %s outside the repository: %s", hook, args[0], p)
				}
				if args[0] == "mkdir" {
					err = os.MkdirAll(p, 0o755)
				} else {
					err = os.RemoveAll(p)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		default:
			t.Errorf("hook %q: unexpected program %q (the test knows go, mkdir, rm, sh -c)", hook, args[0])
		}
	}
	if !ranMan {
		t.Error("no hook runs " + manpagesProgram + ": the archives would ship without man pages")
	}

	// Everything the hooks made must be in the archives.
	globs := c.Archives[0].Files
	var made []string
	err := filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			made = append(made, filepath.ToSlash(p))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"completions/citecheck.bash", "completions/_citecheck", "completions/citecheck.fish", "manpages/citecheck.1", "manpages/citecheck-check.1"} {
		if !slices.Contains(made, want) {
			t.Errorf("the hooks did not make %s (made %q)", want, made)
		}
	}
	for _, p := range made {
		if !slices.ContainsFunc(globs, func(g string) bool { ok, _ := path.Match(g, p); return ok }) {
			t.Errorf("hook output %s is in none of the archive files %q", p, globs)
		}
	}
}

// templateValues stand in for the fields GoReleaser fills in.
var templateValues = map[string]string{
	".Version":         "1.2.3",
	".Tag":             "v1.2.3",
	".Commit":          "0123456789abcdef0123456789abcdef01234567",
	".ShortCommit":     "0123456",
	".Date":            "2026-01-01T00:00:00Z",
	".CommitDate":      "2026-01-01T00:00:00Z",
	".CommitTimestamp": "1767225600",
	".ProjectName":     "citecheck",
}

// expandTemplate fills in a hook's template actions as GoReleaser does
// before it splits the command into words.
func expandTemplate(t *testing.T, s string) string {
	t.Helper()
	return templateAction.ReplaceAllStringFunc(s, func(a string) string {
		field := strings.TrimSpace(a[2 : len(a)-2])
		v, ok := templateValues[field]
		if !ok {
			t.Errorf("hook %q: the test does not know the template %s", s, a)
		}
		return v
	})
}

var envAssign = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*=`)

// splitRedirect takes the leading VAR=value words and a trailing "> file"
// off a command.
func splitRedirect(t *testing.T, hook string, words []string) (env map[string]string, args []string, stdout string) {
	t.Helper()
	env = map[string]string{}
	for len(words) > 0 && envAssign.MatchString(words[0]) {
		k, v, _ := strings.Cut(words[0], "=")
		env[k] = v
		words = words[1:]
	}
	for i, w := range words {
		switch {
		case w == ">" && i == len(words)-2:
			return env, words[:i], words[i+1]
		case strings.HasPrefix(w, ">") && len(w) > 1 && i == len(words)-1:
			return env, words[:i], w[1:]
		case strings.ContainsAny(w, "<>|&;"):
			t.Errorf("hook %q: the test understands only a trailing > FILE, not %q", hook, w)
		}
	}
	return env, words, ""
}

// manpagesProgram is the program that writes the man pages (package
// manpage), apart from the citecheck binary.
const manpagesProgram = "./internal/manpage/cmd/manpages"

// goRunArgs reads `go run [build flags] PROG ARGS…`, PROG ./cmd/citecheck
// or manpagesProgram, and returns PROG ("" for another), ARGS and the
// -ldflags value.
func goRunArgs(t *testing.T, hook string, words []string) (prog string, sub []string, ldflags string) {
	t.Helper()
	i := 0
	for ; i < len(words) && strings.HasPrefix(words[i], "-"); i++ {
		flag, val, hasVal := strings.Cut(words[i], "=")
		switch flag {
		case "-ldflags", "-tags", "-gcflags", "-C", "-mod", "-o":
			if !hasVal {
				i++
				if i < len(words) {
					val = words[i]
				}
			}
		}
		if flag == "-ldflags" {
			ldflags = val
		}
	}
	if i == len(words) || (words[i] != "./cmd/citecheck" && words[i] != manpagesProgram) {
		t.Errorf("hook %q: go run builds %q, want ./cmd/citecheck or %s", hook, words[i:], manpagesProgram)
		return "", nil, ldflags
	}
	return words[i], words[i+1:], ldflags
}
