package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/internal/mutate"
	"github.com/citecheck/citecheck/pkg/cli"
)

// jsonFinding is a finding of check --format json.
type jsonFinding struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Rule     string `json:"rule"`
	Found    string `json:"found"`
	Expected string `json:"expected"`
	Treaty   string `json:"treaty"`
	Message  string `json:"message"`
	Fix      *struct {
		Replacement string `json:"replacement"`
	} `json:"fix"`
}

// key identifies a finding independently of its position and wording.
func (f jsonFinding) key() string {
	return strings.Join([]string{f.Path, f.Rule, f.Found, f.Expected, f.Treaty}, "\x00")
}

// run runs citecheck in process and returns its exit code and outputs.
func run(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func checkJSON(t testing.TB, args ...string) []jsonFinding {
	t.Helper()
	code, out, errs := run(t, append([]string{"check", "--no-config", "--format", "json"}, args...)...)
	if code > 1 {
		t.Fatalf("check %v: exit %d: %s", args, code, errs)
	}
	var r struct {
		Diagnostics []jsonFinding `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("check %v: %v", args, err)
	}
	return r.Diagnostics
}

// TestFixCorpus injects errors into the regression corpus as
// ../shared/eval/mutate.py does, fixes the copy, and checks the result:
// no finding that had a fix is left, and no finding is new. Files are
// changed only on the lines of their fixes, and keep their line endings.
func TestFixCorpus(t *testing.T) {
	truth, err := mutate.LoadTruth("../../testdata/registry/treaties.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := "../../testdata/corpus"
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(7, 14))
	orig := map[string]string{}
	mutated := map[string]string{}
	muts := map[string][]mutate.Mutation{}
	kinds := map[string]int{}
	n := 0
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".md")) {
			return err
		}
		n++
		if testing.Short() && n%8 != 0 {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		out, ms := truth.Inject(string(b), rng, 2)
		dst := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.WriteFile(dst, []byte(out), 0o644); err != nil {
			return err
		}
		key := filepath.ToSlash(dst)
		orig[key], mutated[key], muts[key] = string(b), out, ms
		for _, m := range ms {
			kinds[m.Kind]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	before := checkJSON(t, "-j", "2", dir)
	fixable := map[string]int{}
	all := map[string]int{}
	nfix := 0
	for _, f := range before {
		all[f.key()]++
		if f.Fix != nil {
			fixable[f.key()]++
			nfix++
		}
	}
	code, report, errs := run(t, "check", "--no-config", "--format", "json", "--fix", "-j", "2", dir)
	if code > 1 {
		t.Fatalf("check --fix: exit %d: %s", code, errs)
	}
	after := checkJSON(t, "-j", "2", dir)
	var rep struct {
		Diagnostics []jsonFinding `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(report), &rep); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(rep.Diagnostics) != fmt.Sprint(after) {
		t.Errorf("check --fix reported other findings than check on the fixed files")
	}
	for _, f := range after {
		if f.Fix != nil {
			t.Errorf("left with a fix: %s:%d: %s", f.Path, f.Line, f.Message)
		}
		if fixable[f.key()] > 0 && fixable[f.key()] == all[f.key()] {
			t.Errorf("a fixed finding is back: %s:%d: %s", f.Path, f.Line, f.Message)
		}
		if all[f.key()] == 0 {
			t.Errorf("new finding: %s:%d: %s [%s]", f.Path, f.Line, f.Message, f.Rule)
		}
		all[f.key()]--
	}

	// The files: only the lines of fixes change; endings stay.
	fixLines := map[string]map[int]bool{}
	for _, f := range before {
		if f.Fix != nil {
			if fixLines[f.Path] == nil {
				fixLines[f.Path] = map[int]bool{}
			}
			fixLines[f.Path][f.Line] = true
		}
	}
	restored := map[string]int{}
	changedFiles := 0
	for path, old := range mutated {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		now := string(b)
		if now == old {
			if len(fixLines[path]) > 0 {
				t.Errorf("%s: has fixes but was not changed", path)
			}
			continue
		}
		changedFiles++
		ol, nl := strings.SplitAfter(old, "\n"), strings.SplitAfter(now, "\n")
		if len(ol) != len(nl) {
			t.Errorf("%s: %d lines became %d", path, len(ol), len(nl))
			continue
		}
		for i := range ol {
			if ol[i] != nl[i] && !fixLines[path][i+1] {
				t.Errorf("%s:%d changed without a fix:\n-%q\n+%q", path, i+1, ol[i], nl[i])
			}
			if strings.HasSuffix(ol[i], "\r\n") != strings.HasSuffix(nl[i], "\r\n") {
				t.Errorf("%s:%d: line ending changed", path, i+1)
			}
		}
		// How many injected errors the fixes undid exactly.
		origLines := strings.SplitAfter(orig[path], "\n")
		for _, m := range muts[path] {
			if nl[m.Line-1] == origLines[m.Line-1] {
				restored[m.Kind]++
			}
		}
	}
	t.Logf("%d files, %d injected errors %v; %d findings before (%d with a fix), %d after; %d files fixed; injected errors undone exactly: %v",
		len(mutated), kinds[mutate.Year]+kinds[mutate.UNTS]+kinds[mutate.Swap], kinds, len(before), nfix, len(after), changedFiles, restored)
	if nfix == 0 || changedFiles == 0 {
		t.Fatal("nothing was fixed: the test proves nothing")
	}
	if !strings.Contains(errs, fmt.Sprintf("fixed %d finding", nfix)) {
		t.Errorf("stderr %q, want %d findings fixed", errs, nfix)
	}
}

// TestFixKeepsBytes: --fix changes the characters of the fix and nothing
// else — byte order mark, line endings, the rest of the text.
func TestFixKeepsBytes(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/drafts/ccpcj-draft-links-crime-terrorism.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	variants := map[string][]byte{
		"lf.txt":       seed,
		"crlf.md":      bytes.ReplaceAll(seed, []byte("\n"), []byte("\r\n")),
		"bom-crlf.txt": append([]byte("\xEF\xBB\xBF"), bytes.ReplaceAll(seed, []byte("\n"), []byte("\r\n"))...),
		"no-eol.txt":   bytes.TrimRight(seed, "\n"),
	}
	for name, b := range variants {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o640); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, errs := run(t, "check", "--no-config", "-q", "--fix", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for name, b := range variants {
		got, _ := os.ReadFile(filepath.Join(dir, name))
		want := bytes.Replace(b, []byte("Narcotic Drugs of 1954"), []byte("Narcotic Drugs of 1961"), 1)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: not the original with only the fix applied", name)
		}
		if st, _ := os.Stat(filepath.Join(dir, name)); st.Mode().Perm() != 0o640 {
			t.Errorf("%s: mode %v, want 0640", name, st.Mode().Perm())
		}
	}
}
