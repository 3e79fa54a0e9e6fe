//go:build !linux

package inplace

import "io/fs"

// createAnonymous is only possible on Linux (O_TMPFILE).
func createAnonymous(string, fs.FileMode) (temp, bool) { return nil, false }
