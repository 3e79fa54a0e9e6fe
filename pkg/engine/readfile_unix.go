//go:build linux || darwin || freebsd || netbsd || openbsd

package engine

import (
	"io/fs"
	"syscall"
)

// readFile reads a whole regular file, into a buffer from alloc, with four
// system calls (open, fstat, read, close). os.Open costs two more per
// file (it stats the file to decide on the poller, and the size needs
// another), which shows on archives of small files.
//
// The file is opened without blocking, so that a named pipe with no
// writer does not hang the run, and anything that is not a regular file
// is refused after fstat. check refuses it by its size before anything is
// read.
func readFile(path string, check sizeCheck, limit int64, alloc func(int) []byte) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
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
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, notRegular(unixMode(uint32(st.Mode)))
	}
	if st.Size <= 0 {
		// A regular file that says it is empty may not be (/proc): the
		// portable path reads it to the limit.
		return readFileOS(path, check, limit)
	}
	if err := check(path, st.Size, func() []byte { return preadHead(fd) }); err != nil {
		return nil, err
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

// preadHead reads the first bytes of the file, for its format.
func preadHead(fd int) []byte {
	head := make([]byte, sniffLen)
	for {
		n, err := syscall.Pread(fd, head, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil
		}
		return head[:n]
	}
}

// unixMode turns the file type bits of st_mode into an fs.FileMode.
func unixMode(m uint32) fs.FileMode {
	switch m & syscall.S_IFMT {
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		return fs.ModeDevice
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFLNK:
		return fs.ModeSymlink
	}
	return fs.ModeIrregular
}
