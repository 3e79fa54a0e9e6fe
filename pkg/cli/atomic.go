package cli

import (
	"os"
	"path/filepath"
)

// atomicFile is an output file written to a temporary file beside it and
// renamed into place on commit, so that a run that fails half-way never
// leaves a truncated report behind.
type atomicFile struct {
	*os.File
	path string
	done bool
}

func createAtomic(path string) (*atomicFile, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, err
	}
	return &atomicFile{File: f, path: path}, nil
}

// commit flushes the file to disk and moves it into place.
func (a *atomicFile) commit() error {
	if a.done {
		return nil
	}
	a.done = true
	if err := a.Sync(); err != nil {
		a.Close()
		os.Remove(a.Name())
		return err
	}
	if err := a.Close(); err != nil {
		os.Remove(a.Name())
		return err
	}
	if err := os.Chmod(a.Name(), 0o644); err != nil {
		os.Remove(a.Name())
		return err
	}
	if err := os.Rename(a.Name(), a.path); err != nil {
		os.Remove(a.Name())
		return err
	}
	return nil
}

// abort removes the temporary file unless commit ran.
func (a *atomicFile) abort() {
	if !a.done {
		a.done = true
		a.Close()
		os.Remove(a.Name())
	}
}
