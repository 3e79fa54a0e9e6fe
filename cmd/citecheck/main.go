// Command citecheck checks treaty and resolution citations in United
// Nations resolution drafts. See README.md, or run citecheck --help.
package main

import (
	"os"
	"runtime/debug"

	"github.com/citecheck/citecheck/pkg/cli"
)

func main() {
	// citecheck holds a few files at a time, so its heap stays small; a
	// lazier collector trades a few MB for much less GC work. GOGC in the
	// environment still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
