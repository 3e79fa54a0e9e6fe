// Command manpages writes citecheck's man pages into DIR (package manpage):
//
//	go run ./internal/manpage/cmd/manpages DIR
//
// The release's goreleaser before-hook runs it, with -ldflags setting
// pkg/cli.version as for the binary and SOURCE_DATE_EPOCH set to the
// commit time.
package main

import (
	"fmt"
	"os"

	"github.com/citecheck/citecheck/internal/manpage"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: manpages DIR")
		os.Exit(2)
	}
	if err := manpage.Write(os.Args[1], os.Getenv); err != nil {
		fmt.Fprintf(os.Stderr, "manpages: %v\n", err)
		os.Exit(1)
	}
}
