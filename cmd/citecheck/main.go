// Command citecheck checks treaty and resolution citations in United
// Nations resolution drafts. See README.md, or run citecheck --help.
package main

import (
	"os"
	"runtime/debug"

	"github.com/citecheck/citecheck/pkg/cli"
)

func main() {
	// citecheck holds a few files at a time, so its live heap stays at a
	// few MB while it allocates several times the text it reads. A lazy
	// collector (GOGC=1000) trades a few MB for much less GC work (7% of
	// all instructions at GOGC=400, measured with callgrind), and a soft
	// limit keeps the heap under 48 MiB however large the archive (the
	// list of paths grows with it), so in practice the limit paces the
	// collector: 1 GB of drafts runs in 56 MB of RSS, 10% less CPU than
	// under 40 MiB (47 MB). GOGC and GOMEMLIMIT in the environment still
	// win.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(1000)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(48 << 20)
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
