package engine_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/registry"
)

// checkOne checks one input, failing the test if that takes more than a
// few seconds (a named pipe used to block the run for ever).
func checkOne(t *testing.T, eng *engine.Engine, in engine.Input) *engine.FileReport {
	t.Helper()
	done := make(chan *engine.FileReport, 1)
	go func() { done <- eng.CheckOne(in) }()
	select {
	case r := <-done:
		return r
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: still reading after 10 s", in.Path)
		return nil
	}
}

func limitedEngine(t *testing.T, lim engine.Limits) *engine.Engine {
	reg, err := registry.Default()
	if err != nil {
		t.Fatal(err)
	}
	return engine.New(engine.Options{Registry: reg, Limits: lim})
}

// TestOversizedRefusedUnread: a file over a size limit is refused by its
// size, before it is read (it used to be read to the limit first), and
// the error says how large it is, the limit and the flag that raises it.
func TestOversizedRefusedUnread(t *testing.T) {
	dir := t.TempDir()
	sparse := func(name string, size int64) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString("Recalling"); err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		path string
		lim  engine.Limits
		want string
	}{
		{sparse("huge.docx", 300<<20), engine.Limits{}, "file of 300 MiB exceeds the limit of 64 MiB (--max-file-size)"},
		{sparse("big.txt", 20<<20), engine.Limits{}, "file of 20 MiB exceeds the limit of 16 MiB (--max-text-size)"},
		{sparse("big.html", 20<<20), engine.Limits{}, "file of 20 MiB exceeds the limit of 16 MiB (--max-text-size)"},
		{sparse("small.txt", 1500), engine.Limits{MaxFileSize: 1000}, "file of 1.5 KiB exceeds the limit of 1000 bytes (--max-file-size)"},
	}
	for _, tt := range tests {
		eng := limitedEngine(t, tt.lim)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		r := checkOne(t, eng, engine.Input{Path: tt.path})
		runtime.ReadMemStats(&after)
		if r.Err == nil || r.Err.Error() != tt.want {
			t.Errorf("%s: err = %v, want %q", filepath.Base(tt.path), r.Err, tt.want)
		}
		if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
			t.Errorf("%s: allocated %d KB to refuse it", filepath.Base(tt.path), got>>10)
		}
	}
}

// TestNotRegular: a named pipe or a device given by name is reported as
// unreadable at once, not opened for reading and waited on.
func TestNotRegular(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes in the file system")
	}
	fifo := filepath.Join(t.TempDir(), "p.txt")
	if err := mkfifo(fifo); err != nil {
		t.Skip(err)
	}
	eng := limitedEngine(t, engine.Limits{})
	for path, want := range map[string]string{
		fifo:         "not a regular file (a named pipe)",
		"/dev/null":  "not a regular file (a character device)",
		os.TempDir(): "is a directory",
	} {
		r := checkOne(t, eng, engine.Input{Path: path})
		if r.Err == nil || !strings.Contains(r.Err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", path, r.Err, want)
		}
	}
}

// TestTextLimits: --max-text-size bounds every format's text view, and an
// HTML file's tags (each costs about 130 bytes of parsed tree: 20 MB of
// "<i>a</i>" took 668 MB); the errors name the flag.
func TestTextLimits(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		path string
		want string
	}{
		{write("tags.html", "<html><body><p>"+strings.Repeat("<br>x", 150)+"</p></body></html>"), "HTML with 156 tags exceeds the limit of 100 (--max-text-size)"},
		{write("long.txt", strings.Repeat("Recalling ", 200)), "file of 2.0 KiB exceeds the limit of 1.6 KiB (--max-text-size)"},
		{"../../testdata/drafts/ccpcj-draft-links-crime-terrorism.docx", "text view size (each paragraph counting 8 bytes more) exceeds 1.6 KiB limit (--max-text-size)"},
	}
	eng := limitedEngine(t, engine.Limits{MaxTextSize: 1600})
	for _, tt := range tests {
		r := checkOne(t, eng, engine.Input{Path: tt.path})
		if r.Err == nil || r.Err.Error() != tt.want {
			t.Errorf("%s: err = %v, want %q", filepath.Base(tt.path), r.Err, tt.want)
		}
	}
}
