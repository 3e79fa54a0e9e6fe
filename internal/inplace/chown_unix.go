//go:build unix

package inplace

import (
	"io/fs"
	"os"
	"syscall"
)

// chown gives f the owner and group of st where the process may (root, or
// a group the user belongs to); otherwise the new file keeps the user's.
func chown(f *os.File, st fs.FileInfo) {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		_ = f.Chown(int(s.Uid), int(s.Gid))
	}
}
