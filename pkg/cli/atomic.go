package cli

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// atomicFile is an output file (-o, baseline, init). A regular file is
// written to a temporary file beside it and renamed into place on commit,
// so that a run that fails half-way never leaves a truncated report, and
// an existing report is replaced whole or not at all. A symbolic link is
// written through: its target is replaced, the link kept. A device or a
// pipe (/dev/stdout, a FIFO) is written in place, as a stream; there is
// nothing to replace.
//
// Temporary files are named ".NAME.citecheck-PID-RANDOM.tmp". They are
// removed when citecheck is interrupted (SIGINT, SIGTERM), and a later
// run writing the same file removes those whose process is gone (after a
// kill -9).
type atomicFile struct {
	*os.File
	path   string // the file replaced on commit (a link's target)
	direct bool   // written in place: a device or a pipe
	done   bool   // committed or aborted (guarded by live.mu)
}

func createAtomic(path string) (*atomicFile, error) {
	target, stream, err := outputTarget(path)
	if err != nil {
		return nil, err
	}
	if stream {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		return &atomicFile{File: f, path: path, direct: true}, nil
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	removeStaleTemps(dir, base)
	prefix := "." + base + ".citecheck-" + strconv.Itoa(os.Getpid()) + "-"
	// Created and registered under the lock the signal handler takes, so
	// that no temporary file exists unregistered, even for an instant.
	live.mu.Lock()
	defer live.mu.Unlock()
	f, err := os.OpenFile(filepath.Join(dir, prefix+strconv.FormatUint(rand.Uint64(), 36)+".tmp"), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	a := &atomicFile{File: f, path: target}
	live.addLocked(a)
	return a, nil
}

// outputTarget says where writing path goes: the file that a commit
// replaces (path, or the end of its chain of symbolic links, which may
// not exist yet), or, with stream, path itself, written in place: a
// device, a pipe or a socket, or a descriptor (/dev/stdout, /dev/fd/N:
// links through /proc), whose file must not be replaced under the
// process writing to it.
func outputTarget(path string) (target string, stream bool, err error) {
	st, err := os.Stat(path)
	switch {
	case err == nil && st.IsDir():
		return "", false, errors.New("is a folder")
	case err == nil && !st.Mode().IsRegular():
		return path, true, nil
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return "", false, err
	}
	target = path
	for hops := 0; ; hops++ {
		lst, err := os.Lstat(target)
		if err != nil || lst.Mode()&fs.ModeSymlink == 0 {
			break
		}
		if hops == 40 {
			return "", false, errors.New("too many levels of symbolic links")
		}
		link, err := os.Readlink(target)
		if err != nil {
			return "", false, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(target), link)
		}
		target = link
		if strings.HasPrefix(target, "/proc/") || strings.HasPrefix(target, "/dev/fd/") {
			return path, true, nil
		}
	}
	return target, false, nil
}

// commit flushes the file to disk and moves it into place (or, written in
// place, closes it).
func (a *atomicFile) commit() error {
	if a.direct {
		if a.done {
			return nil
		}
		a.done = true
		return a.Close()
	}
	if a.done {
		return nil
	}
	err := a.Sync()
	if err == nil {
		err = a.Close()
	}
	if err == nil {
		mode := fs.FileMode(0o644)
		if st, serr := os.Stat(a.path); serr == nil && st.Mode().IsRegular() {
			mode = st.Mode().Perm() // a report replaced keeps its permissions
		}
		err = os.Chmod(a.Name(), mode)
	}
	live.mu.Lock()
	defer live.mu.Unlock()
	if a.done { // removed by a signal meanwhile
		return errors.New("interrupted")
	}
	a.done = true
	delete(live.files, a)
	if err == nil {
		err = os.Rename(a.Name(), a.path)
	}
	if err != nil {
		a.Close()
		os.Remove(a.Name())
	}
	live.stopIfIdle()
	return err
}

// abort removes the temporary file unless commit ran.
func (a *atomicFile) abort() {
	if a.direct {
		if !a.done {
			a.done = true
			a.Close()
		}
		return
	}
	live.mu.Lock()
	defer live.mu.Unlock()
	a.removeLocked()
	live.stopIfIdle()
}

// removeLocked closes and removes the temporary file (live.mu held).
func (a *atomicFile) removeLocked() {
	if a.done {
		return
	}
	a.done = true
	delete(live.files, a)
	a.Close()
	os.Remove(a.Name())
}

// live holds the temporary files not yet committed or removed, and
// watches for SIGINT and SIGTERM while there are any: on one, it removes
// them and lets the signal end the process as it would have.
var live tempSet

type tempSet struct {
	mu    sync.Mutex
	files map[*atomicFile]bool
	sigs  chan os.Signal
}

// addLocked registers a temporary file (l.mu held), and starts watching
// for signals if it is the first.
func (l *tempSet) addLocked(a *atomicFile) {
	if l.files == nil {
		l.files = map[*atomicFile]bool{}
	}
	l.files[a] = true
	if l.sigs == nil {
		l.sigs = make(chan os.Signal, 1)
		signal.Notify(l.sigs, os.Interrupt, syscall.SIGTERM)
		go l.watch(l.sigs)
	}
}

// watch removes the temporary files when a signal arrives on sigs, then
// raises it again with its default action. It keeps the lock: no file is
// created or renamed while the process ends.
func (l *tempSet) watch(sigs chan os.Signal) {
	sig, ok := <-sigs
	if !ok {
		return
	}
	l.mu.Lock()
	for a := range l.files {
		a.removeLocked()
	}
	signal.Reset(os.Interrupt, syscall.SIGTERM)
	raise(sig)
	select {} // the signal ends the process
}

// stopIfIdle stops watching for signals when no temporary file is left
// (l.mu held).
func (l *tempSet) stopIfIdle() {
	if len(l.files) == 0 && l.sigs != nil {
		signal.Stop(l.sigs)
		close(l.sigs)
		l.sigs = nil
	}
}

// removeStaleTemps removes the temporary files of earlier runs writing
// dir/base whose process is gone (killed with SIGKILL, or a crash).
func removeStaleTemps(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + ".citecheck-"
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".tmp") || !e.Type().IsRegular() {
			continue
		}
		pid, _, ok := strings.Cut(strings.TrimPrefix(name, prefix), "-")
		n, err := strconv.Atoi(pid)
		if !ok || err != nil || n <= 0 || processAlive(n) {
			continue
		}
		// Best effort: a stale file that cannot be removed is only
		// clutter, and must not stop the run.
		_ = os.Remove(filepath.Join(dir, name))
	}
}
