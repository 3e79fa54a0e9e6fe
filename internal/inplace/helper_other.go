//go:build !linux

package inplace

import "os"

// HelperEnv is the environment variable that makes a process a commit
// helper (Linux only; elsewhere there is nothing for a helper to do).
const HelperEnv = "CITECHECK_INPLACE_HELPER"

// Helper is a no-op outside Linux, where temporary files have a name from
// the start.
type Helper struct{}

// StartHelper returns an error: there is no helper outside Linux.
func StartHelper(string) (*Helper, error) { return nil, errNoHelper }

// Close does nothing.
func (h *Helper) Close() error { return nil }

func (h *Helper) commit(*os.File, string) error { return errHelperGone }

// ServeHelper returns at once.
func ServeHelper() {}
