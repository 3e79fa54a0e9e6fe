// Command genregistry compiles the embedded registry (rules/treaties and
// rules/resolutions) into Go source, with the resolutions' index worked out,
// so that the binary starts without parsing YAML or building that index,
// and the extractor's index of its titles with it:
//
//	go generate ./pkg/registry
//
// TestGeneratedMatchesYAML (pkg/registry) and TestGeneratedMatcher
// (pkg/extract) fail when a generated file is stale.
package main

import (
	"flag"
	"log"
	"os"

	"github.com/citecheck/citecheck/pkg/extract"
	"github.com/citecheck/citecheck/pkg/registry"
)

func main() {
	out := flag.String("o", "zz_generated.go", "output file for the registry")
	matcher := flag.String("matcher", "", "output file for the extractor's title index (pkg/extract/zz_matcher.go)")
	flag.Parse()
	reg, err := registry.EmbeddedYAML()
	if err != nil {
		log.Fatal(err)
	}
	src, err := registry.GenerateSource(reg)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
	if *matcher == "" {
		return
	}
	msrc, err := extract.GenerateMatcherSource(reg)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*matcher, msrc, 0o644); err != nil {
		log.Fatal(err)
	}
}
