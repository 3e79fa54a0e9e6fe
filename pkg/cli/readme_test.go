package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/internal/golden"
	"github.com/citecheck/citecheck/pkg/cli"
	"github.com/citecheck/citecheck/pkg/config"
	"github.com/citecheck/citecheck/pkg/render"
)

func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func runOut(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := cli.Run(args, strings.NewReader(""), &out, &errb); code != cli.ExitOK {
		t.Fatalf("citecheck %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
	return out.String()
}

// TestREADMERules: the README's rule table is `citecheck rules --format
// markdown`, byte for byte, between its markers.
func TestREADMERules(t *testing.T) {
	r := readme(t)
	begin := strings.Index(r, "<!-- rules:begin")
	end := strings.Index(r, "<!-- rules:end -->")
	if begin < 0 || end < begin {
		t.Fatal("README.md has no <!-- rules:begin … --> … <!-- rules:end --> block")
	}
	table := r[strings.Index(r[begin:], "\n")+begin+1 : end]
	if want := runOut(t, "rules", "--format", "markdown"); table != want {
		t.Errorf("README.md's rule table differs from citecheck rules --format markdown (paste that output between the markers):\n%s",
			golden.Diff(table, want))
	}
}

// TestREADMEFacts checks the README against the code where they used to
// drift apart: the formats, the commands, init's file, the install path,
// the screenshot.
func TestREADMEFacts(t *testing.T) {
	r := readme(t)

	// The --format row lists every format, and only those.
	m := regexp.MustCompile("(?m)^\\| `-f, --format` \\| `text` \\| (.*) \\|$").FindStringSubmatch(r)
	if m == nil {
		t.Fatal("README.md: no --format row in the check flags table")
	}
	var listed []string
	for _, f := range regexp.MustCompile("`([a-z]+)`").FindAllStringSubmatch(m[1], -1) {
		listed = append(listed, f[1])
	}
	slices.Sort(listed)
	if !slices.Equal(listed, render.Formats()) {
		t.Errorf("README.md lists formats %q, citecheck has %q", listed, render.Formats())
	}
	for _, f := range render.Formats() {
		if !strings.Contains(r, "**"+f+"**") {
			t.Errorf("README.md's Output formats section does not describe **%s**", f)
		}
	}

	// Every visible command is in the commands table; the hidden man
	// command is mentioned.
	help := runOut(t, "--help")
	cmds := regexp.MustCompile(`(?m)^  ([a-z]+)\s{2,}`).FindAllStringSubmatch(help[strings.Index(help, "Available Commands:"):], -1)
	if len(cmds) < 8 {
		t.Fatalf("could not read the commands from citecheck --help:\n%s", help)
	}
	for _, c := range cmds {
		if c[1] == "help" {
			continue
		}
		if !strings.Contains(r, "| `citecheck "+c[1]) {
			t.Errorf("README.md's commands table lacks citecheck %s", c[1])
		}
	}
	if !strings.Contains(r, "`go run ./internal/manpage/cmd/manpages DIR`") {
		t.Error("README.md does not say how the man pages are written")
	}

	// The configuration block is what citecheck init writes.
	if !strings.Contains(r, "```yaml\n"+config.Default+"```\n") {
		t.Error("README.md's configuration block is not config.Default (what citecheck init writes)")
	}

	// No install path that cannot work.
	if strings.Contains(r, "@latest") || regexp.MustCompile(`go (install|run) github\.com/citecheck/citecheck/cmd/citecheck@v`).MatchString(r) {
		t.Error("README.md installs with go install …@version; the module is not published")
	}

	// The screenshot is there, and small.
	if !strings.Contains(r, "(docs/html-report.png)") {
		t.Error("README.md does not show docs/html-report.png")
	}
	if st, err := os.Stat(filepath.Join("..", "..", "docs", "html-report.png")); err != nil || st.Size() > 250<<10 {
		t.Errorf("docs/html-report.png: %v (size %d; keep it under 250 kB)", err, sizeOf(st))
	}

	// Every exit code of the CLI is in the exit status table.
	for _, code := range []int{cli.ExitOK, cli.ExitFindings, cli.ExitUsage, cli.ExitIO} {
		if !regexp.MustCompile(`(?m)^\| ` + string(rune('0'+code)) + ` \| `).MatchString(r) {
			t.Errorf("README.md's exit status table lacks %d", code)
		}
	}
}

func sizeOf(st os.FileInfo) int64 {
	if st == nil {
		return 0
	}
	return st.Size()
}
