package manpage_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/internal/manpage"
	"github.com/citecheck/citecheck/pkg/cli"
)

func TestManWritesPages(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")      // 2026-01-01
	dir := filepath.Join(t.TempDir(), "man", "man1") // created by Write
	if err := manpage.Write(dir, os.Getenv); err != nil {
		t.Fatal(err)
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
	// Only the commands citecheck --help lists get a page.
	if _, err := os.Stat(filepath.Join(dir, "citecheck-man.1")); err == nil {
		t.Errorf("citecheck-man.1 written: citecheck has no man command")
	}
}

func TestManIsReproducible(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := manpage.Write(dir, os.Getenv); err != nil {
			t.Fatal(err)
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

func TestManBadDate(t *testing.T) {
	getenv := func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "yesterday"
		}
		return ""
	}
	err := manpage.Write(t.TempDir(), getenv)
	if err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH") {
		t.Errorf("bad SOURCE_DATE_EPOCH: %v; want an error naming it", err)
	}
}

// TestBinaryHasNoManDependencies: the citecheck binary has no man command
// and does not link cobra/doc and what it renders with (blackfriday's
// initialisation was 30% of checking one draft).
func TestBinaryHasNoManDependencies(t *testing.T) {
	var out bytes.Buffer
	_ = cli.Run([]string{"--help"}, strings.NewReader(""), &out, &out)
	if strings.Contains(out.String(), "\n  man ") {
		t.Errorf("citecheck --help lists a man command:\n%s", out.String())
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	deps, err := exec.Command("go", "list", "-deps", "github.com/citecheck/citecheck/cmd/citecheck").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, p := range strings.Fields(string(deps)) {
		if p == "github.com/spf13/cobra/doc" || strings.Contains(p, "blackfriday") || strings.Contains(p, "go-md2man") {
			t.Errorf("cmd/citecheck depends on %s", p)
		}
	}
}
