// Package inplace replaces a file's content atomically: a reader of the
// path sees the old bytes or the new ones, never a mixture, whatever
// happens to the writing process.
//
// Replace writes the new content to a temporary file in the file's own
// folder, gives it the file's mode (and owner, where permitted), flushes
// it to disk, checks that the file still holds what the caller read, and
// renames the temporary file over it; then it flushes the folder so the
// rename itself survives a crash.
//
// On Linux the temporary file is made with O_TMPFILE: it has no name while
// it is written and flushed, so a process killed then (SIGKILL included)
// leaves nothing behind. It gets a name only to be renamed, by linkat
// immediately followed by rename(2); those two calls are the one moment a
// killed process could leave a temporary file, so a Writer with a Helper
// has them made by a helper process, which finishes them whatever happens
// to this one. Elsewhere (and on Linux file systems without O_TMPFILE)
// the temporary file is named from the start; a failed Replace removes
// it, and callers that want signals to leave nothing behind stop on
// SIGINT and SIGTERM between files (as citecheck check --fix does).
//
// Temporary names are ".NAME.citecheck-PID-N~" beside NAME.
package inplace

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"syscall"
)

// ErrChanged is returned when the file no longer holds what the caller
// read: someone else wrote it in the meantime.
var ErrChanged = errors.New("changed since it was read; not rewritten (run again)")

// TempPrefix and TempSuffix bracket the names of temporary files: a
// temporary file for NAME is "." + NAME + TempPrefix + … + TempSuffix.
const (
	TempPrefix = ".citecheck-"
	TempSuffix = "~"
)

var seq atomic.Int64

// tempName returns a fresh temporary name for path, in its folder.
func tempName(path string) string {
	dir, base := filepath.Split(path)
	return filepath.Join(dir, "."+base+TempPrefix+strconv.Itoa(os.Getpid())+"-"+strconv.FormatInt(seq.Add(1), 10)+TempSuffix)
}

// IsTemp reports whether name (a base name) is one of Replace's temporary
// files.
func IsTemp(name string) bool {
	return len(name) > 0 && name[0] == '.' && bytes.Contains([]byte(name), []byte(TempPrefix)) && name[len(name)-1] == TempSuffix[0]
}

// Writer replaces files with the guarantees of this package. Its zero
// value commits in this process; with a Helper (Linux), the last two
// system calls of each commit run in the helper process, so that even
// killing this process cannot leave a temporary file behind.
type Writer struct {
	Helper *Helper
}

// Replace is Writer.Replace for a zero Writer.
func Replace(path string, old, data []byte) error { return (&Writer{}).Replace(path, old, data) }

// Write is Writer.Write for a zero Writer.
func Write(path string, data []byte, perm fs.FileMode) error {
	return (&Writer{}).Write(path, data, perm)
}

// Replace makes the file at path hold data, provided it still holds old.
// A symbolic link is followed: the file it points to is replaced. The
// file keeps its permission bits (and owner and group when the process
// may set them). It returns ErrChanged, and writes nothing, when the file
// no longer holds old.
func (w *Writer) Replace(path string, old, data []byte) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	before, err := readStat(real, old)
	if err != nil {
		return err
	}
	t, err := createTemp(real, 0o600, w.Helper)
	if err != nil {
		return err
	}
	// From here every failure must leave no temporary file.
	if err := t.fill(data, before); err != nil {
		t.discard()
		return err
	}
	// The last check before the rename: the file is the one compared
	// with old above, unchanged since (same inode, size and time).
	if now, err := os.Stat(real); err != nil || !sameFile(before, now) {
		t.discard()
		if err != nil {
			return err
		}
		return ErrChanged
	}
	if err := t.commit(real); err != nil {
		return err
	}
	return syncDir(filepath.Dir(real))
}

// readStat opens path, checks that it holds old, and returns its stat.
func readStat(path string, old []byte) (fs.FileInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	if st.Size() != int64(len(old)) {
		return nil, ErrChanged
	}
	cur, err := io.ReadAll(io.LimitReader(f, int64(len(old))+1))
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(cur, old) {
		return nil, ErrChanged
	}
	return st, nil
}

// sameFile reports whether two stats describe the same, unchanged file.
func sameFile(a, b fs.FileInfo) bool {
	return os.SameFile(a, b) && a.Size() == b.Size() && a.ModTime().Equal(b.ModTime()) && a.Mode() == b.Mode()
}

// named is a temporary file that has a name from the start (the portable
// path).
type named struct {
	f    *os.File
	name string
}

func createNamed(path string, perm fs.FileMode) (*named, error) {
	for range 100 {
		name := tempName(path)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		return &named{f: f, name: name}, nil
	}
	return nil, errors.New("cannot make a temporary file name")
}

func (n *named) file() *os.File { return n.f }

func (n *named) discard() {
	n.f.Close()
	os.Remove(n.name)
}

func (n *named) commit(path string) error {
	if err := n.f.Close(); err != nil {
		os.Remove(n.name)
		return err
	}
	if err := os.Rename(n.name, path); err != nil {
		os.Remove(n.name)
		return err
	}
	return nil
}

// temp is a temporary file on its way to replacing a file.
type temp interface {
	file() *os.File
	discard()
	commit(path string) error
}

// tempFile wraps a temp with the steps common to both kinds.
type tempFile struct{ temp }

// fill writes data, sets mode and owner from st (when not nil), and
// flushes to disk.
func (t tempFile) fill(data []byte, st fs.FileInfo) error {
	f := t.file()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if st == nil {
		return f.Sync()
	}
	if err := f.Chmod(st.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)); err != nil {
		return err
	}
	chown(f, st)
	return f.Sync()
}

// createTemp makes a temporary file for path with permissions perm (less
// the umask).
func createTemp(path string, perm fs.FileMode, h *Helper) (tempFile, error) {
	if t, ok := createAnonymous(path, perm, h); ok {
		return tempFile{t}, nil
	}
	n, err := createNamed(path, perm)
	if err != nil {
		return tempFile{}, err
	}
	return tempFile{n}, nil
}

// syncDir flushes a folder, so that a rename in it is on disk. Only an
// I/O error fails it: some systems cannot open or flush a folder (Windows,
// some file systems answer EINVAL), and the rename has happened anyway.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	if err := d.Sync(); errors.Is(err, syscall.EIO) {
		return err
	}
	return nil
}

// Write makes the file at path hold data, whether it exists or not, with
// the same guarantees as Replace except the check of its old content: an
// existing file keeps its mode; a new one gets perm (less the umask).
func (w *Writer) Write(path string, data []byte, perm fs.FileMode) error {
	real := path
	if r, err := filepath.EvalSymlinks(path); err == nil {
		real = r
	}
	st, err := os.Stat(real)
	switch {
	case err == nil && !st.Mode().IsRegular():
		return fmt.Errorf("not a regular file")
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	case err != nil:
		st = nil // a new file: perm, less the umask
	}
	t, err := createTemp(real, perm, w.Helper)
	if err != nil {
		return err
	}
	if err := t.fill(data, st); err != nil {
		t.discard()
		return err
	}
	if err := t.commit(real); err != nil {
		return err
	}
	return syncDir(filepath.Dir(real))
}
