package inplace

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"
)

// HelperEnv, set to "1" in a process's environment, makes ServeHelper
// serve the commit helper's socket on file descriptor 3.
const HelperEnv = "CITECHECK_INPLACE_HELPER"

// A Helper is a child process that gives the unnamed temporary files of
// this process their name and renames them over their files: the two
// system calls during which a killed process would leave a temporary file
// behind run in the helper, which finishes them whatever happens to this
// process, then exits when this process is gone.
//
// The file's descriptor travels over a Unix socket (SCM_RIGHTS); until it
// is sent, killing this process just closes the file, which has no name.
type Helper struct {
	mu   sync.Mutex
	sock int
	cmd  *exec.Cmd
	dead bool
	// commits counts the files the helper renamed (for tests).
	commits int
}

// StartHelper starts exe (a program that calls ServeHelper when HelperEnv
// is set, such as citecheck) as the commit helper.
func StartHelper(exe string) (*Helper, error) {
	fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_SEQPACKET|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	child := os.NewFile(uintptr(fds[1]), "helper-socket")
	defer child.Close()
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), HelperEnv+"=1")
	cmd.ExtraFiles = []*os.File{child} // fd 3
	if err := cmd.Start(); err != nil {
		unix.Close(fds[0])
		return nil, err
	}
	return &Helper{sock: fds[0], cmd: cmd}, nil
}

// Close ends the helper (it exits when its socket closes) and waits for it.
func (h *Helper) Close() error {
	if h == nil {
		return nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.sock >= 0 {
		unix.Close(h.sock)
		h.sock = -1
	}
	h.cmd.Wait()
	return nil
}

// errHelperGone says the helper cannot take requests: the caller commits
// in this process instead.
var errHelperGone = errors.New("commit helper gone")

// commit asks the helper to link f at a temporary name beside path and
// rename it over path.
func (h *Helper) commit(f *os.File, path string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.dead || h.sock < 0 {
		return errHelperGone
	}
	rights := unix.UnixRights(int(f.Fd()))
	if err := unix.Sendmsg(h.sock, []byte(path), rights, nil, unix.MSG_NOSIGNAL); err != nil {
		h.dead = true
		return errHelperGone
	}
	buf := make([]byte, 4096)
	n, _, _, _, err := unix.Recvmsg(h.sock, buf, nil, 0)
	if err != nil || n == 0 {
		// The helper died with the request: whether it renamed the
		// file is unknown, so this is an error, not a retry.
		h.dead = true
		return fmt.Errorf("commit helper: no answer for %s", path)
	}
	if n == 1 && buf[0] == 0 {
		h.commits++
		return nil
	}
	return errors.New(string(buf[:n]))
}

// ServeHelper runs the commit helper when HelperEnv is set, and then
// exits; otherwise it returns at once. Call it first thing in main.
func ServeHelper() {
	if os.Getenv(HelperEnv) != "1" {
		return
	}
	// An interrupt is for the parent, which stops between files: the
	// helper finishes what it was given and exits with its socket.
	signal.Ignore(os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	sock := 3
	buf := make([]byte, 4096)
	oob := make([]byte, unix.CmsgSpace(4))
	for {
		n, oobn, _, _, err := unix.Recvmsg(sock, buf, oob, 0)
		if err == unix.EINTR {
			continue
		}
		if err != nil || n == 0 {
			os.Exit(0) // the parent is gone
		}
		path := string(buf[:n])
		msgs, err := unix.ParseSocketControlMessage(oob[:oobn])
		var fds []int
		if err == nil && len(msgs) == 1 {
			fds, err = unix.ParseUnixRights(&msgs[0])
		}
		if err != nil || len(fds) != 1 {
			reply(sock, fmt.Errorf("commit helper: no file descriptor received"))
			continue
		}
		f := os.NewFile(uintptr(fds[0]), filepath.Base(path))
		err = linkRename(f, path)
		f.Close()
		reply(sock, err)
	}
}

func reply(sock int, err error) {
	msg := []byte{0}
	if err != nil {
		msg = []byte(err.Error())
	}
	_ = unix.Sendmsg(sock, msg, nil, nil, unix.MSG_NOSIGNAL)
}

// linkRename gives the unnamed file f a temporary name beside path and
// renames it over path.
func linkRename(f *os.File, path string) error {
	name := tempName(path)
	proc := "/proc/self/fd/" + strconv.Itoa(int(f.Fd()))
	err := unix.Linkat(unix.AT_FDCWD, proc, unix.AT_FDCWD, name, unix.AT_SYMLINK_FOLLOW)
	if err != nil {
		// No /proc: AT_EMPTY_PATH does the same where permitted.
		if err2 := unix.Linkat(int(f.Fd()), "", unix.AT_FDCWD, name, unix.AT_EMPTY_PATH); err2 != nil {
			return &os.LinkError{Op: "link", Old: proc, New: name, Err: errors.Join(err, err2)}
		}
	}
	if err := unix.Rename(name, path); err != nil {
		os.Remove(name)
		return &os.LinkError{Op: "rename", Old: name, New: path, Err: err}
	}
	return nil
}
