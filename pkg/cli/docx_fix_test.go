package cli_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/citecheck/citecheck/pkg/docx"
)

// fixtures are the Word documents of testdata/fix (corpus texts with
// errors injected, made by scripts/make-fix-fixtures.sh) and the seed
// draft's.
func fixtures(t *testing.T) []string {
	t.Helper()
	fs, err := filepath.Glob("../../testdata/fix/*.docx")
	if err != nil || len(fs) < 10 {
		t.Fatalf("testdata/fix holds %d .docx files, want 10 (scripts/make-fix-fixtures.sh)", len(fs))
	}
	return append(fs, "../../testdata/drafts/ccpcj-draft-links-crime-terrorism.docx")
}

// copyTo copies files into dir and returns the copies' paths.
func copyTo(t *testing.T, dir string, files ...string) []string {
	t.Helper()
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.Base(f))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

func view(t *testing.T, path, revisions string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := docx.Read(bytes.NewReader(b), int64(len(b)), docx.Options{Revisions: revisions})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v.Text
}

// injected reads testdata/fix/truth.jsonl: what was injected, per file.
func injected(t *testing.T) map[string][]map[string]any {
	t.Helper()
	f, err := os.Open("../../testdata/fix/truth.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]map[string]any{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		out[m["file"].(string)] = append(out[m["file"].(string)], m)
	}
	return out
}

// TestFixDocx runs --diff, --fix, --fix --track-changes and --annotate on
// the ten injected .docx and the seed draft's.
func TestFixDocx(t *testing.T) {
	dir := t.TempDir()
	files := copyTo(t, dir, fixtures(t)...)
	before := checkJSON(t, dir)
	fixable := map[string]int{}
	all := map[string]int{}
	perFile := map[string]int{}
	for _, f := range before {
		all[f.key()]++
		perFile[f.Path]++
		if f.Fix != nil {
			fixable[f.key()]++
		}
	}
	if len(fixable) < 15 {
		t.Fatalf("only %d findings with a fix in the fixtures", len(fixable))
	}
	views := map[string]string{}
	for _, f := range files {
		views[filepath.ToSlash(f)] = view(t, f, "")
	}

	// --diff: a diff of each file's text view; nothing changes.
	code, diff, _ := run(t, "check", "--no-config", "--diff", dir)
	if code != 1 || strings.Count(diff, "--- a/") != len(files) {
		t.Errorf("--diff: exit %d, %d files in the diff; want 1 and %d", code, strings.Count(diff, "--- a/"), len(files))
	}

	// --annotate: a comment per finding, the text unchanged.
	for _, f := range files {
		out := f + ".reviewed.docx"
		code, _, errs := run(t, "check", "--no-config", "-q", "--annotate="+out, f)
		if code != 1 || !strings.Contains(errs, "wrote "+out) || strings.Contains(errs, "no comment") {
			t.Errorf("--annotate %s: exit %d: %s", f, code, errs)
			continue
		}
		if got := view(t, out, ""); got != views[filepath.ToSlash(f)] {
			t.Errorf("%s: the reviewed copy reads differently", f)
		}
		comments := zipPart(t, out, "word/comments.xml")
		if n := strings.Count(comments, "<w:comment "); n != perFile[filepath.ToSlash(f)] {
			t.Errorf("%s: %d comments for %d findings", out, n, perFile[filepath.ToSlash(f)])
		}
		os.Remove(out)
	}

	// --fix --track-changes on copies: accepted, the fixed text; original,
	// the old one.
	tdir := t.TempDir()
	tracked := copyTo(t, tdir, files...)
	// Exit 1: two findings have no certain fix.
	if code, _, errs := run(t, "check", "--no-config", "-q", "--fix", "--track-changes", tdir); code != 1 {
		t.Errorf("--fix --track-changes: exit %d: %s", code, errs)
	}
	for i, f := range tracked {
		if got := view(t, f, "original"); got != views[filepath.ToSlash(files[i])] {
			t.Errorf("%s: the text before the tracked changes is not the old text", f)
		}
	}

	// --fix in place.
	code, _, errs := run(t, "check", "--no-config", "-q", "--fix", dir)
	if code != 1 || strings.Contains(errs, "not applied") {
		t.Errorf("--fix: exit %d: %s", code, errs)
	}
	after := checkJSON(t, dir)
	for _, f := range after {
		if f.Fix != nil || fixable[f.key()] > 0 && fixable[f.key()] == all[f.key()] {
			t.Errorf("left with a fix: %s:%d: %s", f.Path, f.Line, f.Message)
		}
		if all[f.key()] == 0 {
			t.Errorf("new finding: %s:%d: %s", f.Path, f.Line, f.Message)
		}
		all[f.key()]--
	}
	for i, f := range tracked {
		if got, want := view(t, f, ""), view(t, files[i], ""); got != want {
			t.Errorf("%s: the tracked fix and the plain fix read differently", f)
		}
	}
	// The injected errors are undone: the original citations are back.
	restored, total := 0, 0
	for name, ms := range injected(t) {
		v := view(t, filepath.Join(dir, name+".docx"), "")
		for _, m := range ms {
			total++
			if orig := m["original"].(string); strings.Contains(v, orig[strings.Index(orig, " ")+1:]) && !strings.Contains(v, m["mutated"].(string)) {
				restored++
			}
		}
	}
	t.Logf("%d files: %d findings (%d with a fix) before, %d after; %d of %d injected errors undone", len(files), len(before), len(fixable), len(after), restored, total)
}

func zipPart(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			return string(b)
		}
	}
	return ""
}

// soffice converts files with LibreOffice into out, with a profile of its
// own (instances sharing one lock each other out).
func soffice(t *testing.T, to, out string, files ...string) {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-writer-nogui")
	}
	profile := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--convert-to", to, "--outdir", out}, files...)
	cmd := exec.CommandContext(ctx, bin, args...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	for _, f := range files {
		ext := to[:strings.IndexAny(to+":", ":")]
		p := filepath.Join(out, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+"."+ext)
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("LibreOffice could not open %s (no %s)", f, p)
		}
	}
}

// TestLibreOfficeRoundTrip reopens what citecheck wrote in LibreOffice:
// a fixed .docx gives the original's text but for the fixed characters
// (as text, body only, and saved again as .docx, footnotes included); a
// tracked fix reads as a change LibreOffice keeps; a reviewed copy gives
// the original's text and the same findings.
func TestLibreOfficeRoundTrip(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-writer-nogui")
	}
	if testing.Short() {
		t.Skip("LibreOffice takes tens of seconds")
	}
	origDir, fixedDir, trackedDir, reviewedDir := t.TempDir(), t.TempDir(), t.TempDir(), t.TempDir()
	orig := copyTo(t, origDir, fixtures(t)...)
	fixed := copyTo(t, fixedDir, orig...)
	tracked := copyTo(t, trackedDir, orig...)
	if code, _, errs := run(t, "check", "--no-config", "-q", "--fix", fixedDir); code != 1 {
		t.Fatalf("--fix: exit %d: %s", code, errs)
	}
	if code, _, errs := run(t, "check", "--no-config", "-q", "--fix", "--track-changes", trackedDir); code != 1 {
		t.Fatalf("--fix --track-changes: exit %d: %s", code, errs)
	}
	seed := orig[len(orig)-1]
	reviewed := filepath.Join(reviewedDir, filepath.Base(seed))
	if code, _, errs := run(t, "check", "--no-config", "-q", "--annotate="+reviewed, seed); code != 1 {
		t.Fatalf("--annotate: exit %d: %s", code, errs)
	}

	// As text: body paragraphs (LibreOffice's text export leaves notes out).
	txt := map[string]string{}
	for _, d := range []string{origDir, fixedDir, reviewedDir} {
		out := filepath.Join(d, "txt")
		files, _ := filepath.Glob(filepath.Join(d, "*.docx"))
		soffice(t, "txt:Text", out, files...)
		for _, f := range files {
			b, _ := os.ReadFile(filepath.Join(out, strings.TrimSuffix(filepath.Base(f), ".docx")+".txt"))
			txt[f] = string(b)
		}
	}
	fixedChars := 0
	for i := range orig {
		a, b := txt[orig[i]], txt[fixed[i]]
		want := views(t, orig[i], fixed[i])
		n, err := sameButFixes(a, b, want)
		if err != "" {
			t.Errorf("%s as text: %s", filepath.Base(orig[i]), err)
		}
		fixedChars += n
	}
	if fixedChars == 0 {
		t.Error("no fixed characters in any body text: the comparison proves nothing")
	}
	if txt[reviewed] != txt[seed] {
		t.Errorf("the reviewed copy reads differently in LibreOffice")
	}
	// Re-check what LibreOffice read from the reviewed copy: the same
	// finding as in the draft.
	rt := filepath.Join(reviewedDir, "roundtrip.txt")
	os.WriteFile(rt, []byte(txt[reviewed]), 0o644)
	code, out, _ := run(t, "check", "--no-config", "-q", rt)
	if code != 1 || !strings.Contains(out, "not 1954") {
		t.Errorf("re-check of the reviewed copy as LibreOffice reads it: exit %d\n%s", code, out)
	}

	// Saved again by LibreOffice as .docx: the whole text view, notes
	// included. LibreOffice keeps citecheck's tracked changes as changes.
	for _, set := range [][]string{orig, fixed, tracked} {
		soffice(t, "docx:MS Word 2007 XML", filepath.Join(filepath.Dir(set[0]), "lo"), set...)
	}
	resaved := func(f string) string { return filepath.Join(filepath.Dir(f), "lo", filepath.Base(f)) }
	for i := range orig {
		o, f := view(t, resaved(orig[i]), ""), view(t, resaved(fixed[i]), "")
		if _, err := sameButFixes(o, f, views(t, orig[i], fixed[i])); err != "" {
			t.Errorf("%s saved by LibreOffice: %s", filepath.Base(orig[i]), err)
		}
		if got := view(t, resaved(tracked[i]), ""); got != f {
			t.Errorf("%s: tracked fixes accepted by LibreOffice read differently from plain fixes", filepath.Base(orig[i]))
		}
		if got := view(t, resaved(tracked[i]), "original"); got != o {
			t.Errorf("%s: the text before citecheck's tracked changes is not the original in LibreOffice", filepath.Base(orig[i]))
		}
	}
}

// views returns the (old → new) replacements --fix made in a document,
// read from the two text views.
func views(t *testing.T, before, after string) [][2]string {
	a, b := view(t, before, ""), view(t, after, "")
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out [][2]string
	for i := range al {
		if i < len(bl) && al[i] != bl[i] {
			out = append(out, middle(al[i], bl[i]))
		}
	}
	return out
}

// middle returns what differs between a and b once their common prefix
// and suffix are set aside.
func middle(a, b string) [2]string {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	return [2]string{a[p : len(a)-s], b[p : len(b)-s]}
}

// sameButFixes checks that b is a with only the replacements of fixes:
// the same lines, and each line that differs differs by one of them. It
// returns the number of lines that differ.
func sameButFixes(a, b string, fixes [][2]string) (int, string) {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(al) != len(bl) {
		return 0, "a different number of lines"
	}
	n := 0
	for i := range al {
		if al[i] == bl[i] {
			continue
		}
		n++
		m := middle(al[i], bl[i])
		ok := false
		for _, f := range fixes {
			ok = ok || m == f
		}
		if !ok {
			return n, fmt.Sprintf("line %d differs by %q → %q, which is no fix", i+1, m[0], m[1])
		}
	}
	return n, ""
}
