//go:build !unix

package pdftext

import "os/exec"

// ownGroup leaves cmd as it is: without process groups, cancellation
// kills the process itself (exec's default), and WaitDelay bounds the
// wait for whatever it started.
func ownGroup(cmd *exec.Cmd) {}

// killGroup kills the process.
func killGroup(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	return cmd.Process.Kill()
}
