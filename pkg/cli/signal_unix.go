//go:build unix

package cli

import (
	"os"
	"syscall"
)

// raise sends sig to the process again; its handler is reset, so the
// process ends as the signal says (status 128+N to the shell).
func raise(sig os.Signal) {
	if s, ok := sig.(syscall.Signal); ok {
		_ = syscall.Kill(syscall.Getpid(), s)
	}
}

// processAlive reports whether process pid exists.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}
