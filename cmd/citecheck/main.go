// Command citecheck checks treaty and resolution citations in United
// Nations resolution drafts. See README.md, or run citecheck --help.
package main

import (
	"os"

	"github.com/citecheck/citecheck/pkg/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
