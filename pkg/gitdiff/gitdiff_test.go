package gitdiff

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	diff := `diff --git a/drafts/a.txt b/drafts/a.txt
index 1111111..2222222 100644
--- a/drafts/a.txt
+++ b/drafts/a.txt
@@ -3 +3 @@ Recalling
-old
+new
@@ -10,0 +11,3 @@ more
+x
+y
+z
@@ -20,2 +23,0 @@ gone
-p
-q
diff --git a/drafts/old name.md b/drafts/new name.md
similarity index 90%
rename from drafts/old name.md
rename to drafts/new name.md
index 3333333..4444444 100644
--- a/drafts/old name.md
+++ b/drafts/new name.md
@@ -1 +1 @@
-a
+b
diff --git a/drafts/b.docx b/drafts/b.docx
index 5555555..6666666 100644
Binary files a/drafts/b.docx and b/drafts/b.docx differ
diff --git a/drafts/new.txt b/drafts/new.txt
new file mode 100644
index 0000000..7777777
--- /dev/null
+++ b/drafts/new.txt
@@ -0,0 +1,2 @@
+one
+two
diff --git a/drafts/gone.txt b/drafts/gone.txt
deleted file mode 100644
index 8888888..0000000
--- a/drafts/gone.txt
+++ /dev/null
@@ -1 +0,0 @@
-bye
diff --git "a/drafts/r\303\251solution \"1\".txt" "b/drafts/r\303\251solution \"1\".txt"
index 9999999..aaaaaaa 100644
--- "a/drafts/r\303\251solution \"1\".txt"
+++ "b/drafts/r\303\251solution \"1\".txt"
@@ -5,0 +6 @@
+added
`
	c := &Changes{files: map[string]*File{}}
	if err := c.parse([]byte(diff)); err != nil {
		t.Fatal(err)
	}
	want := map[string]File{
		"drafts/a.txt":              {Lines: []Range{{3, 3}, {11, 13}}},
		"drafts/new name.md":        {Lines: []Range{{1, 1}}},
		"drafts/b.docx":             {Whole: true},
		"drafts/new.txt":            {Whole: true, Lines: []Range{{1, 2}}},
		`drafts/résolution "1".txt`: {Lines: []Range{{6, 6}}},
	}
	var got []string
	for k := range c.files {
		got = append(got, k)
	}
	slices.Sort(got)
	var names []string
	for k := range want {
		names = append(names, k)
	}
	slices.Sort(names)
	if !slices.Equal(got, names) {
		t.Fatalf("files %q, want %q", got, names)
	}
	for name, w := range want {
		f := c.files[name]
		if f.Whole != w.Whole || !slices.Equal(f.Lines, w.Lines) {
			t.Errorf("%s: %+v, want %+v", name, *f, w)
		}
	}
	a := c.files["drafts/a.txt"]
	for n, want := range map[int]bool{2: false, 3: true, 4: false, 10: false, 11: true, 13: true, 14: false, 23: false} {
		if a.Has(n) != want {
			t.Errorf("drafts/a.txt line %d: Has = %v, want %v", n, !want, want)
		}
	}
}

func TestParseMalformed(t *testing.T) {
	c := &Changes{files: map[string]*File{}}
	if err := c.parse([]byte("diff --git a/x b/x\n@@ -1 +z @@\n")); err == nil {
		t.Error("a malformed hunk header parsed")
	}
}

// TestSince runs git for real: a repository with a committed draft, then
// an edit, a new untracked file and a commit of a binary change.
func TestSince(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t",
			"GIT_COMMITTER_EMAIL=t@example.org", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", "-q")
	write("drafts/a.txt", "one\ntwo\nthree\nfour\n")
	write("drafts/b.docx", "PK\x03\x04\x00binary\x00")
	write("drafts/same.txt", "unchanged\n")
	run("add", ".")
	run("commit", "-q", "-m", "first")
	write("drafts/a.txt", "one\nTWO\nthree\nfour\nfive\n")
	write("drafts/b.docx", "PK\x03\x04\x00other\x00")
	write("drafts/c.md", "new\n")

	t.Chdir(filepath.Join(dir, "drafts"))
	c, err := Since(context.Background(), ".", "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if f := c.Lookup("a.txt"); f == nil || f.Whole || !slices.Equal(f.Lines, []Range{{2, 2}, {5, 5}}) {
		t.Errorf("a.txt: %+v", f)
	}
	for _, p := range []string{"b.docx", "c.md", filepath.Join(dir, "drafts", "c.md"), "../drafts/c.md"} {
		if f := c.Lookup(p); f == nil || !f.Whole {
			t.Errorf("%s: %+v, want changed throughout", p, f)
		}
	}
	if f := c.Lookup("same.txt"); f != nil {
		t.Errorf("same.txt: %+v, want unchanged", f)
	}
	if f := c.Lookup("/elsewhere/a.txt"); f != nil {
		t.Errorf("a file outside the repository: %+v", f)
	}
	if _, err := Since(context.Background(), ".", "no-such-branch"); err == nil || !strings.Contains(err.Error(), `unknown revision "no-such-branch"`) {
		t.Errorf("unknown revision: %v", err)
	}
	if _, err := Since(context.Background(), t.TempDir(), "HEAD"); err == nil || !strings.Contains(err.Error(), "not in a git repository") {
		t.Errorf("outside a repository: %v", err)
	}
}
