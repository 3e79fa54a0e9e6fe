//go:build !unix

package cli

import "os"

// raise ends the process: without POSIX signals to send again, it is
// killed, as an interrupted process would be.
func raise(os.Signal) {
	if p, err := os.FindProcess(os.Getpid()); err == nil {
		_ = p.Kill()
	}
}

// processAlive reports whether process pid exists.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
