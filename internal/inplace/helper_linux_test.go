package inplace

import (
	"os"
	"path/filepath"
	"testing"
)

func TestHelper(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	h, err := StartHelper(exe)
	if err != nil {
		t.Skip("no commit helper here:", err)
	}
	w := &Writer{Helper: h}
	dir := t.TempDir()
	p := filepath.Join(dir, "draft.md")
	if err := os.WriteFile(p, []byte("old"), 0o604); err != nil {
		t.Fatal(err)
	}
	if err := w.Replace(p, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(filepath.Join(dir, "new.docx"), []byte("copy"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := w.Replace(filepath.Join(dir, "missing"), nil, []byte("x")); err == nil {
		t.Error("no error for a missing file")
	}
	if h.commits != 2 {
		t.Errorf("the helper made %d commits, want 2", h.commits)
	}
	got, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(got) != "new" || st.Mode().Perm() != 0o604 {
		t.Errorf("got %q, mode %v", got, st.Mode().Perm())
	}
	// A helper that is gone: commits happen here instead.
	h.cmd.Process.Kill()
	h.cmd.Wait()
	if err := w.Replace(p, []byte("new"), []byte("newer")); err != nil {
		t.Fatalf("with the helper gone: %v", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "newer" {
		t.Errorf("got %q", got)
	}
	h.Close()
	noTemps(t, dir)
}
