// Command citecheck checks treaty and resolution citations in United
// Nations resolution drafts. See README.md, or run citecheck --help.
package main

import (
	"os"

	"github.com/citecheck/citecheck/internal/memlimit"
	"github.com/citecheck/citecheck/pkg/cli"
)

func main() {
	// A lazy collector under a soft limit that follows the live heap;
	// GOGC and GOMEMLIMIT in the environment still win (package memlimit).
	memlimit.Start()
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
