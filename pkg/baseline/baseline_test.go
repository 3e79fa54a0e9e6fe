package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/citecheck/citecheck/pkg/diag"
)

func finding(path string) diag.Diagnostic {
	return diag.Diagnostic{Path: path, Rule: "treaty-year", Found: "1972", Expected: "1971", Treaty: "psychotropic_substances_1971", Message: "m"}
}

// TestPathSpellings writes a baseline for "drafts/a.txt" from the project
// folder and matches the same finding named every other way.
func TestPathSpellings(t *testing.T) {
	root := t.TempDir()
	proj := filepath.Join(root, "proj")
	if err := os.MkdirAll(filepath.Join(proj, "drafts"), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "link")
	if err := os.Symlink(proj, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	t.Chdir(proj)
	w, err := NewWriter("base.json")
	if err != nil {
		t.Fatal(err)
	}
	w.Add([]diag.Diagnostic{finding("drafts/a.txt"), finding("drafts/a.txt")})
	var buf bytes.Buffer
	if _, err := w.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"path": "drafts/a.txt"`)) || !bytes.Contains(buf.Bytes(), []byte(`"count": 2`)) {
		t.Fatalf("baseline:\n%s", buf.Bytes())
	}
	if err := os.WriteFile("base.json", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct{ cwd, baseline, path string }{
		{proj, "base.json", "drafts/a.txt"},
		{proj, "base.json", "./drafts/a.txt"},
		{proj, "base.json", "drafts//a.txt"},
		{proj, "base.json", filepath.Join(proj, "drafts", "a.txt")},
		{proj, "base.json", filepath.Join(link, "drafts", "a.txt")},
		{filepath.Join(proj, "drafts"), "../base.json", "a.txt"},
		{root, "proj/base.json", "proj/drafts/a.txt"},
		{root, "link/base.json", "proj/drafts/a.txt"},
		{root, filepath.Join(link, "base.json"), "link/drafts/a.txt"},
	} {
		t.Chdir(c.cwd)
		b, err := Read(c.baseline)
		if err != nil {
			t.Fatal(err)
		}
		// Two recorded, three found: one is new.
		if got := b.Filter([]diag.Diagnostic{finding(c.path), finding(c.path), finding(c.path)}); len(got) != 1 {
			t.Errorf("from %s, baseline %s, path %s: %d findings left, want 1", c.cwd, c.baseline, c.path, len(got))
		}
		// Another file's finding is not in the baseline.
		if got := b.Filter([]diag.Diagnostic{finding(filepath.Join(filepath.Dir(c.path), "b.txt"))}); len(got) != 1 {
			t.Errorf("from %s: another file's finding was matched", c.cwd)
		}
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"bad.json":    "not json",
		"future.json": `{"version": 9, "tool": "citecheck", "findings": []}`,
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(p); err == nil {
			t.Errorf("%s: read without error", name)
		}
	}
}
