package registry

import (
	"sync"

	"github.com/citecheck/citecheck/rules"
)

//go:generate go run ../../internal/genregistry -o zz_generated.go -matcher ../extract/zz_matcher.go

var defaultOnce = sync.OnceValues(Embedded)

// Embedded builds the embedded registry afresh (Default caches it).
func Embedded() (*Registry, error) {
	if len(generated) > 0 {
		// rules/ compiled to Go by genregistry: no YAML to parse and no
		// resolution index to build at start-up. TestGeneratedMatchesYAML
		// keeps it in step. The generated values are shared, not copied:
		// a Registry never changes them.
		r := buildTreaties(append([]*Treaty(nil), generated...))
		r.res = generatedIndex
		r.res.packed = &generatedResolutions
		r.generated = true
		return r, nil
	}
	return EmbeddedYAML()
}

// EmbeddedYAML loads the embedded registry from rules/'s YAML, not from
// its compiled copy: what genregistry compiles, and what the tests hold
// the compiled copies to.
func EmbeddedYAML() (*Registry, error) {
	srcs, err := EmbeddedSources()
	if err != nil {
		return nil, err
	}
	return Load(srcs)
}

// EmbeddedSources returns the registry files compiled into the binary:
// rules/treaties/*.yaml and rules/resolutions/*.yaml.
func EmbeddedSources() ([]Source, error) {
	return LoadFS(rules.FS, ".", "rules")
}

// Default returns the embedded registry, loaded once.
func Default() (*Registry, error) { return defaultOnce() }
