//go:build linux || darwin || freebsd || netbsd || openbsd

package engine

import (
	"errors"
	"io/fs"
	"syscall"
)

// readFile reads a whole file, into a buffer from alloc, with four system calls (open, fstat, read,
// close). os.Open costs two more per file (it stats the file to decide on
// the poller, and the size needs another), which shows on archives of
// small files.
func readFile(path string, limit int64, alloc func(int) []byte) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT == syscall.S_IFDIR {
		return nil, errors.New("is a directory")
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size <= 0 || st.Size > limit {
		// Pipes, devices, files that say they are empty or too large:
		// the portable path reads them to the end (or the limit).
		return readFileOS(path, limit)
	}
	buf := alloc(int(st.Size))
	n := 0
	for n < len(buf) {
		m, err := syscall.Read(fd, buf[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if m == 0 {
			break
		}
		n += m
	}
	return buf[:n], nil
}
