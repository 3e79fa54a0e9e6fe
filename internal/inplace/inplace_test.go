package inplace

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// noTemps fails the test if dir holds a temporary file.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if IsTemp(e.Name()) {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func TestReplace(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "draft.txt")
	old := []byte("\xEF\xBB\xBFof 1954\r\n")
	if err := os.WriteFile(p, old, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := Replace(p, old, []byte("\xEF\xBB\xBFof 1961\r\n")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	if string(got) != "\xEF\xBB\xBFof 1961\r\n" {
		t.Errorf("content %q", got)
	}
	st, _ := os.Stat(p)
	if st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
	noTemps(t, dir)
}

func TestReplaceRefusesChangedFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "draft.txt")
	if err := os.WriteFile(p, []byte("edited by someone else"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, old := range []string{"what citecheck read", "edited by someone ELSE"} {
		err := Replace(p, []byte(old), []byte("fixed"))
		if !errors.Is(err, ErrChanged) {
			t.Errorf("old %q: err %v, want ErrChanged", old, err)
		}
	}
	got, _ := os.ReadFile(p)
	if string(got) != "edited by someone else" {
		t.Errorf("file rewritten: %q", got)
	}
	noTemps(t, dir)
}

func TestReplaceFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.md", link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := Replace(link, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("target holds %q", got)
	}
	noTemps(t, dir)
}

func TestReplaceMissingFolder(t *testing.T) {
	if err := Replace(filepath.Join(t.TempDir(), "no", "such.txt"), nil, []byte("x")); err == nil {
		t.Error("no error for a missing file")
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "reviewed.docx")
	if err := Write(p, []byte("one"), 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("two"), 0o666); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(got) != "two" || st.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v, want \"two\" 0600", got, st.Mode().Perm())
	}
	if err := Write(dir, []byte("x"), 0o666); err == nil {
		t.Error("no error writing over a folder")
	}
	noTemps(t, dir)
}

func TestIsTemp(t *testing.T) {
	for name, want := range map[string]bool{
		".draft.txt.citecheck-12-3~": true,
		"draft.txt":                  false,
		".draft.txt":                 false,
		"draft.txt~":                 false,
	} {
		if IsTemp(name) != want {
			t.Errorf("IsTemp(%q) = %v", name, !want)
		}
	}
	if n := filepath.Base(tempName("/x/draft.txt")); !IsTemp(n) {
		t.Errorf("tempName gives %q, which IsTemp rejects", n)
	}
}

// TestMain lets the test binary serve as its own commit helper.
func TestMain(m *testing.M) {
	ServeHelper()
	os.Exit(m.Run())
}
