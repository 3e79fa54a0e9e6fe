package cli

import (
	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/source"
)

// readAny reads a file in the format its name and content show.
func readAny(path string, data []byte) (*source.File, error) {
	return engine.ReadText(path, data)
}
