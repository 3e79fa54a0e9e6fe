package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/cli"
)

func manRun(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cli.Run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestManWritesPages(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")      // 2026-01-01
	dir := filepath.Join(t.TempDir(), "man", "man1") // created by the command
	code, stdout, stderr := manRun(t, "man", dir)
	if code != cli.ExitOK {
		t.Fatalf("citecheck man: exit %d, stderr:\n%s", code, stderr)
	}
	if stdout != "" {
		t.Errorf("citecheck man printed %q; want nothing", stdout)
	}
	for _, tc := range []struct{ file, th, want string }{
		{"citecheck.1", `.TH "CITECHECK" "1" "Jan 2026"`, "citecheck-check(1)"},
		{"citecheck-check.1", `.TH "CITECHECK-CHECK" "1" "Jan 2026"`, `\fB--fail-on\fP`},
	} {
		b, err := os.ReadFile(filepath.Join(dir, tc.file))
		if err != nil {
			t.Errorf("%s: %v", tc.file, err)
			continue
		}
		page := string(b)
		if !strings.Contains(page, tc.th) {
			t.Errorf("%s: no %q header in:\n%.300s", tc.file, tc.th, page)
		}
		if !strings.Contains(page, tc.want) {
			t.Errorf("%s: does not mention %q", tc.file, tc.want)
		}
		if strings.Contains(page, "Auto generated") {
			t.Errorf("%s: carries cobra's dated auto-generated footer", tc.file)
		}
	}
	// The man command is an implementation detail of the release: hidden
	// from help, and without a page of its own.
	if _, err := os.Stat(filepath.Join(dir, "citecheck-man.1")); err == nil {
		t.Errorf("citecheck-man.1 written; the man command should be hidden")
	}
	if _, help, _ := manRun(t, "--help"); strings.Contains(help, "\n  man ") {
		t.Errorf("citecheck --help lists the hidden man command:\n%s", help)
	}
}

func TestManIsReproducible(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if code, _, stderr := manRun(t, "man", dir); code != cli.ExitOK {
			t.Fatalf("citecheck man %s: exit %d: %s", dir, code, stderr)
		}
	}
	entries, err := os.ReadDir(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		x, _ := os.ReadFile(filepath.Join(a, e.Name()))
		y, err := os.ReadFile(filepath.Join(b, e.Name()))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs (err %v)", e.Name(), err)
		}
	}
}

func TestManUsage(t *testing.T) {
	if code, _, _ := manRun(t, "man"); code != cli.ExitUsage {
		t.Errorf("citecheck man without DIR: exit %d, want %d", code, cli.ExitUsage)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	code, _, stderr := manRun(t, "man", t.TempDir())
	if code != cli.ExitUsage || !strings.Contains(stderr, "SOURCE_DATE_EPOCH") {
		t.Errorf("bad SOURCE_DATE_EPOCH: exit %d, stderr %q; want %d and a message naming it", code, stderr, cli.ExitUsage)
	}
}

// The release archives and docs/recipes.md rely on cobra's default
// completion command; a later change (a custom completion command, or
// CompletionOptions.DisableDefaultCmd) must not drop it silently.
func TestCompletionScripts(t *testing.T) {
	for _, tc := range []struct{ shell, want string }{
		{"bash", "__start_citecheck"},
		{"zsh", "#compdef citecheck"},
		{"fish", "complete -c citecheck"},
		{"powershell", "Register-ArgumentCompleter"},
	} {
		t.Run(tc.shell, func(t *testing.T) {
			code, stdout, stderr := manRun(t, "completion", tc.shell)
			if code != cli.ExitOK {
				t.Fatalf("citecheck completion %s: exit %d: %s", tc.shell, code, stderr)
			}
			if !strings.Contains(stdout, tc.want) {
				t.Errorf("citecheck completion %s: no %q in the script:\n%.300s", tc.shell, tc.want, stdout)
			}
		})
	}
}
