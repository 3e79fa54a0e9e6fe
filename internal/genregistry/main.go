// Command genregistry compiles the embedded registry (rules/treaties and
// rules/resolutions) into Go source, with the resolutions' index worked out,
// so that the binary starts without parsing YAML or building that index:
//
//	go generate ./pkg/registry
//
// TestGeneratedMatchesYAML fails when the generated file is stale.
package main

import (
	"flag"
	"log"
	"os"

	"github.com/citecheck/citecheck/pkg/registry"
)

func main() {
	out := flag.String("o", "zz_generated.go", "output file")
	flag.Parse()
	src, err := registry.GenerateSource()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}
