package registry

import (
	"sync"

	"github.com/citecheck/citecheck/rules"
)

var defaultOnce = sync.OnceValues(func() (*Registry, error) {
	srcs, err := EmbeddedSources()
	if err != nil {
		return nil, err
	}
	return Load(srcs)
})

// EmbeddedSources returns the registry files compiled into the binary.
func EmbeddedSources() ([]Source, error) {
	return LoadFS(rules.FS, "treaties", "rules")
}

// Default returns the embedded registry, loaded once.
func Default() (*Registry, error) { return defaultOnce() }
