package inplace

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// anonymous is a temporary file made with O_TMPFILE: it has no name until
// commit links it into its folder.
type anonymous struct{ f *os.File }

// createAnonymous makes an unnamed file in path's folder; false when the
// file system does not support O_TMPFILE (the caller then names one).
func createAnonymous(path string, perm fs.FileMode) (temp, bool) {
	dir := filepath.Dir(path)
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_RDWR|unix.O_CLOEXEC, uint32(perm.Perm()))
	if err != nil {
		return nil, false
	}
	return &anonymous{f: os.NewFile(uintptr(fd), filepath.Join(dir, "(unnamed)"))}, true
}

func (a *anonymous) file() *os.File { return a.f }

// discard closes the file: with no name, it is gone.
func (a *anonymous) discard() { a.f.Close() }

// commit gives the file a temporary name and at once renames it over
// path. Between the two calls is the only time a killed process can
// leave a temporary file.
func (a *anonymous) commit(path string) error {
	defer a.f.Close()
	name := tempName(path)
	proc := "/proc/self/fd/" + strconv.Itoa(int(a.f.Fd()))
	err := unix.Linkat(unix.AT_FDCWD, proc, unix.AT_FDCWD, name, unix.AT_SYMLINK_FOLLOW)
	if err != nil {
		// No /proc: AT_EMPTY_PATH does the same where permitted.
		if err2 := unix.Linkat(int(a.f.Fd()), "", unix.AT_FDCWD, name, unix.AT_EMPTY_PATH); err2 != nil {
			return &os.LinkError{Op: "link", Old: proc, New: name, Err: errors.Join(err, err2)}
		}
	}
	if err := unix.Rename(name, path); err != nil {
		os.Remove(name)
		return &os.LinkError{Op: "rename", Old: name, New: path, Err: err}
	}
	return nil
}
