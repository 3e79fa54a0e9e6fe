//go:build !linux

package inplace

import (
	"errors"
	"io/fs"
)

// createAnonymous is only possible on Linux (O_TMPFILE).
func createAnonymous(string, fs.FileMode, *Helper) (temp, bool) { return nil, false }

var errNoHelper = errors.New("no commit helper outside Linux")

var errHelperGone = errNoHelper
