package engine_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/check"
	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/registry"
)

// panicky panics on any file that mentions "boom", as a bug would.
type panicky struct{}

func (panicky) ID() string                     { return "panicky" }
func (panicky) Doc() string                    { return "panics" }
func (panicky) Explain() string                { return "panics" }
func (panicky) DefaultSeverity() diag.Severity { return diag.Error }
func (panicky) Run(c *check.Context) []diag.Diagnostic {
	if strings.Contains(string(c.File.Text), "boom") {
		var s []int
		_ = s[len(c.File.Text)]
	}
	return nil
}

// A bug hit by one file is that file's error; the other files are checked.
func TestInternalError(t *testing.T) {
	t.Setenv("CITECHECK_PANIC", "")
	reg, err := registry.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.txt": "the Convention on the Rights of the Child of 1954\n",
		"b.txt": "boom\n",
		"c.txt": "the Convention on the Rights of the Child of 1954\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	checks := append(check.All(), panicky{})
	eng := engine.New(engine.Options{Registry: reg, Checks: checks, Jobs: 2})
	got := map[string]*engine.FileReport{}
	sum, err := eng.Run(context.Background(), engine.Expand([]string{dir}), func(fr *engine.FileReport) error {
		got[filepath.Base(fr.Path)] = fr
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var ie *engine.InternalError
	if b := got["b.txt"]; b == nil || !errors.As(b.Err, &ie) || len(b.Diagnostics) != 0 {
		t.Fatalf("b.txt: want an InternalError and no findings, got %+v", b)
	}
	if msg := got["b.txt"].Err.Error(); !strings.Contains(msg, "index out of range") || !strings.Contains(msg, "please report") {
		t.Errorf("message %q should say what happened and what to do", msg)
	}
	for _, name := range []string{"a.txt", "c.txt"} {
		if fr := got[name]; fr == nil || fr.Err != nil || len(fr.Diagnostics) == 0 {
			t.Errorf("%s: want its findings, got %+v", name, fr)
		}
	}
	if sum.Unreadable != 1 {
		t.Errorf("summary counts %d files not checked, want 1", sum.Unreadable)
	}
	if fr := eng.CheckData("d.txt", []byte("boom")); !errors.As(fr.Err, &ie) {
		t.Errorf("CheckData: want an InternalError, got %v", fr.Err)
	}
}
