//go:build unix

package cli_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFixSurvivesSIGKILL kills check --fix at random points of a run over
// a large folder and checks that every file is then the old one or the
// new one, byte for byte, and that no temporary file is left.
func TestFixSurvivesSIGKILL(t *testing.T) {
	bin, err := exec.LookPath("citecheck") // the test binary, installed by testscript.Main
	if err != nil {
		t.Skip("citecheck is not on PATH")
	}
	runs := 50
	if testing.Short() {
		runs = 10
	}
	if n, err := strconv.Atoi(os.Getenv("CITECHECK_KILL_RUNS")); err == nil {
		runs = n // for measuring how rare a stray temporary file is
	}
	seedTxt, err := os.ReadFile("../../testdata/drafts/ccpcj-draft-links-crime-terrorism.txt")
	if err != nil {
		t.Fatal(err)
	}
	seedDocx, err := os.ReadFile("../../testdata/drafts/ccpcj-draft-links-crime-terrorism.docx")
	if err != nil {
		t.Fatal(err)
	}
	// The folder: text with LF and CRLF, with and without a byte order
	// mark, Markdown, and Word documents, every one with a fix.
	files := map[string][]byte{}
	for i := range 150 {
		b := seedTxt
		switch i % 4 {
		case 1:
			b = bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
		case 2:
			b = append([]byte("\xEF\xBB\xBF"), b...)
		}
		ext := ".txt"
		if i%3 == 0 {
			ext = ".md"
		}
		files[filepath.Join("sub"+string(rune('a'+i%5)), "draft"+itoa(i)+ext)] = b
	}
	for i := range 30 {
		files["word"+itoa(i)+".docx"] = seedDocx
	}
	// The expected new content: one complete run.
	fixed := t.TempDir()
	write(t, fixed, files)
	start := time.Now()
	cmd := exec.Command(bin, "check", "--fix", "--no-config", "-q", "--progress", "never", fixed)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("full run: %v\n%s", err, out)
	}
	full := time.Since(start)
	want := map[string][]byte{}
	for name := range files {
		b, _ := os.ReadFile(filepath.Join(fixed, name))
		if bytes.Equal(b, files[name]) {
			t.Fatalf("%s: the full run did not fix it", name)
		}
		want[name] = b
	}

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	var newCounts []int
	for run := range runs {
		dir := t.TempDir()
		write(t, dir, files)
		cmd := exec.Command(bin, "check", "--fix", "--no-config", "-q", "--progress", "never", dir)
		// A process group of its own, to know when all of the run (the
		// commit helper included) has ended.
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// A random point of the run (process start-up included). Only
		// citecheck is killed, as kill -9 PID or the OOM killer would.
		time.Sleep(time.Duration(rng.Int64N(int64(full))))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		waitGroupGone(t, cmd.Process.Pid)
		nNew := 0
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			old, ok := files[rel]
			if !ok {
				t.Errorf("run %d: stray file %s", run, rel)
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			switch {
			case bytes.Equal(b, want[rel]):
				nNew++
			case !bytes.Equal(b, old):
				t.Errorf("run %d: %s is neither the old file nor the new one (%d bytes)", run, rel, len(b))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for name := range files {
			if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
				t.Errorf("run %d: %s is gone: %v", run, name, err)
			}
		}
		newCounts = append(newCounts, nNew)
	}
	t.Logf("%d runs, a full run takes %v; files already fixed when killed (of %d): %v", runs, full.Round(time.Millisecond), len(files), newCounts)
}

func write(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func itoa(i int) string { return fmt.Sprintf("%03d", i) }

// waitGroupGone waits until no process of the process group pgid is left:
// the commit helper finishes the commit it was given, then exits.
func waitGroupGone(t *testing.T, pgid int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for groupAlive(pgid) {
		if time.Now().After(deadline) {
			syscall.Kill(-pgid, syscall.SIGKILL)
			t.Fatalf("process group %d still running 30 s after citecheck was killed", pgid)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// groupAlive reports whether a process of group pgid is running. Where
// /proc lists processes, zombies (exited, not yet reaped by init, as
// happens in containers) do not count.
func groupAlive(pgid int) bool {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return syscall.Kill(-pgid, 0) == nil
	}
	for _, e := range ents {
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid pgrp …; comm may hold spaces.
		f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
		if len(f) > 2 && f[2] == strconv.Itoa(pgid) && f[0] != "Z" {
			return true
		}
	}
	return false
}
