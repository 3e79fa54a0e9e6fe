package inplace

import (
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// anonymous is a temporary file made with O_TMPFILE: it has no name until
// commit links it into its folder.
type anonymous struct {
	f *os.File
	h *Helper
}

// createAnonymous makes an unnamed file in path's folder; false when the
// file system does not support O_TMPFILE (the caller then names one).
func createAnonymous(path string, perm fs.FileMode, h *Helper) (temp, bool) {
	dir := filepath.Dir(path)
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_RDWR|unix.O_CLOEXEC, uint32(perm.Perm()))
	if err != nil {
		return nil, false
	}
	return &anonymous{f: os.NewFile(uintptr(fd), filepath.Join(dir, "(unnamed)")), h: h}, true
}

func (a *anonymous) file() *os.File { return a.f }

// discard closes the file: with no name, it is gone.
func (a *anonymous) discard() { a.f.Close() }

// commit gives the file its name: through the helper when there is one
// (so that killing this process cannot leave the file half-committed),
// else here, by linkat immediately followed by rename(2).
func (a *anonymous) commit(path string) error {
	defer a.f.Close()
	if a.h != nil {
		if err := a.h.commit(a.f, path); err != errHelperGone {
			return err
		}
	}
	return linkRename(a.f, path)
}
