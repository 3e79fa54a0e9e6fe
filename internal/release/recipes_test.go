package release_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/citecheck/citecheck/pkg/render"
)

type codeBlock struct {
	lang, text string
	line       int
}

func recipeBlocks(t *testing.T) []codeBlock {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "docs", "recipes.md"))
	if err != nil {
		t.Fatal(err)
	}
	var (
		blocks []codeBlock
		cur    *codeBlock
	)
	for i, l := range strings.Split(string(b), "\n") {
		switch {
		case cur == nil && strings.HasPrefix(l, "```"):
			cur = &codeBlock{lang: strings.TrimPrefix(l, "```"), line: i + 1}
		case cur != nil && l == "```":
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			cur.text += l + "\n"
		}
	}
	if cur != nil {
		t.Fatalf("docs/recipes.md:%d: unclosed code block", cur.line)
	}
	return blocks
}

// TestRecipesUseRealFlags checks every `citecheck check` command line in
// docs/recipes.md against `citecheck check --help`: flags, formats and
// --fail-on values.
func TestRecipesUseRealFlags(t *testing.T) {
	checkCmd := regexp.MustCompile(`(?:citecheck|\$\(CITECHECK\)) check\b(.*)`)
	n := 0
	for _, b := range recipeBlocks(t) {
		for _, m := range checkCmd.FindAllStringSubmatch(b.text, -1) {
			n++
			words, err := shellWords(m[1])
			if err != nil {
				t.Fatal(err)
			}
			checkArgs(t, b.line, words)
		}
	}
	if n < 3 { // GitHub, GitLab, Makefile
		t.Errorf("found %d citecheck check commands in docs/recipes.md; the test has lost track of them", n)
	}
}

// checkArgs checks arguments of `citecheck check` against its --help:
// flags, formats and --fail-on values.
func checkArgs(t *testing.T, line int, words []string) {
	t.Helper()
	long, short := checkFlags(t)
	formats := render.Formats()
	levels := failOnLevels(t)
	for i, w := range words {
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(w, "-"), "=")
		if !hasVal {
			val = next
		}
		switch {
		case strings.HasPrefix(w, "--"):
			if !long[name] {
				t.Errorf("docs/recipes.md:%d: citecheck check has no flag --%s", line, name)
			}
		case strings.HasPrefix(w, "-") && len(w) == 2:
			if !short[name] {
				t.Errorf("docs/recipes.md:%d: citecheck check has no flag -%s", line, name)
			}
		default:
			continue
		}
		switch name {
		case "format", "f":
			if !slices.Contains(formats, val) {
				t.Errorf("docs/recipes.md:%d: --format %s is not one of %v", line, val, formats)
			}
		case "output", "o":
			if f, _, _ := strings.Cut(val, "="); !slices.Contains(formats, f) || !strings.Contains(val, "=") {
				t.Errorf("docs/recipes.md:%d: --output %s is not FORMAT=FILE with a format of %v", line, val, formats)
			}
		case "fail-on":
			if !slices.Contains(levels, val) {
				t.Errorf("docs/recipes.md:%d: --fail-on %s is not one of %v", line, val, levels)
			}
		}
	}
}

// TestRecipesMatchTheRepository checks the snippets parse and name what
// this repository provides: the install path, the action's inputs, the
// pre-commit hook id.
func TestRecipesMatchTheRepository(t *testing.T) {
	inputs := loadAction(t).Inputs
	hookID := loadHook(t).ID
	for _, b := range recipeBlocks(t) {
		checkInstall(t, "docs/recipes.md", b.line, b.text)
		switch b.lang {
		case "make":
			for _, l := range strings.Split(b.text, "\n") {
				if strings.HasPrefix(l, "  ") && strings.Contains(l, "$(") {
					t.Errorf("docs/recipes.md:%d: Makefile recipe line indented with spaces, not a tab: %q", b.line, l)
				}
			}
		case "yaml":
			text := b.text
			if strings.HasPrefix(text, "      - id:") {
				// A fragment of the .pre-commit-config.yaml above.
				text = "repos:\n  - repo: https://github.com/citecheck/citecheck\n    hooks:\n" + text
			}
			var doc any
			if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
				t.Errorf("docs/recipes.md:%d: invalid YAML: %v", b.line, err)
				continue
			}
			checkRecipeYAML(t, b.line, doc, inputs, hookID)
		}
	}
}

// checkRecipeYAML walks a parsed snippet: a step that uses the action may
// only pass declared inputs; a pre-commit repo entry must name our hook.
func checkRecipeYAML[V any](t *testing.T, line int, node any, inputs map[string]V, hookID string) {
	switch n := node.(type) {
	case map[string]any:
		if uses, _ := n["uses"].(string); strings.HasPrefix(uses, "citecheck/citecheck@") {
			with, _ := n["with"].(map[string]any)
			for k := range with {
				if _, ok := inputs[k]; !ok {
					t.Errorf("docs/recipes.md:%d: the action has no input %q", line, k)
				}
			}
		}
		if repo, _ := n["repo"].(string); repo == "https://github.com/citecheck/citecheck" {
			hooks, _ := n["hooks"].([]any)
			for _, h := range hooks {
				hook, _ := h.(map[string]any)
				if id, _ := hook["id"].(string); id != hookID {
					t.Errorf("docs/recipes.md:%d: hook id %q, want %q", line, id, hookID)
				}
				if args, ok := hook["args"].([]any); ok {
					var words []string
					for _, a := range args {
						words = append(words, fmt.Sprint(a))
					}
					checkArgs(t, line, words)
				}
			}
		}
		for _, v := range n {
			checkRecipeYAML(t, line, v, inputs, hookID)
		}
	case []any:
		for _, v := range n {
			checkRecipeYAML(t, line, v, inputs, hookID)
		}
	}
}

// checkInstall checks one snippet's way of installing citecheck: never
// `go install`/`go run` of the module (it is not published: the proxy
// answers 403) and never @latest; a release download names the archive as
// goreleaser does and verifies it against the release's checksum file.
func checkInstall(t *testing.T, file string, line int, text string) {
	t.Helper()
	mod := modulePath(t)
	if regexp.MustCompile(`go (?:install|run|get) ` + regexp.QuoteMeta(mod)).MatchString(text) {
		t.Errorf("%s:%d: installs %s with the go command; the module is not published (build from a clone, or use a release archive)", file, line, mod)
	}
	if strings.Contains(text, "@latest") {
		t.Errorf("%s:%d: @latest; pin a version", file, line)
	}
	if !strings.Contains(text, "/releases/download/") {
		return
	}
	c := loadGoreleaser(t)
	if !strings.Contains(text, "https://github.com/citecheck/citecheck/releases/download/v") {
		t.Errorf("%s:%d: downloads a release from elsewhere than citecheck/citecheck's releases", file, line)
	}
	if c.Checksum == nil || !strings.Contains(text, c.Checksum.NameTemplate) || !regexp.MustCompile(`sha256sum [^\n]*-c\b|shasum -a 256 [^\n]*-c\b`).MatchString(text) {
		t.Errorf("%s:%d: downloads a release archive without checking it against %s (sha256sum -c)", file, line, c.Checksum.NameTemplate)
	}
	// The archive's name, as .goreleaser.yaml's name_template makes it,
	// with the snippet's variables for version, system and architecture.
	var forms []string
	for _, v := range [][3]string{
		{"${CITECHECK_VERSION}", "linux", "amd64"},
		{"$(CITECHECK_VERSION)", "$(CITECHECK_OS)", "$(CITECHECK_ARCH)"},
	} {
		forms = append(forms, archiveName(t, v[0], v[1], v[2]))
	}
	if !slices.ContainsFunc(forms, func(f string) bool { return strings.Contains(text, f) }) {
		t.Errorf("%s:%d: the archive name is none of %q (.goreleaser.yaml's name_template)", file, line, forms)
	}
}

// archiveName renders the archive's name_template for a version, OS and
// architecture (tar.gz: the format outside Windows).
func archiveName(t *testing.T, version, goos, goarch string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*name_template:\s*"(\{\{ \.ProjectName \}\}[^"]*)"`).FindSubmatch(b)
	if m == nil {
		t.Fatal(".goreleaser.yaml: no archive name_template")
	}
	name := string(m[1])
	for k, v := range map[string]string{"ProjectName": loadGoreleaser(t).ProjectName, "Version": version, "Os": goos, "Arch": goarch} {
		name = regexp.MustCompile(`\{\{\s*\.`+k+`\s*\}\}`).ReplaceAllString(name, strings.ReplaceAll(v, "$", "$$"))
	}
	if strings.Contains(name, "{{") {
		t.Fatalf("archive name_template %q: the test does not know every field", name)
	}
	return name + ".tar.gz"
}
