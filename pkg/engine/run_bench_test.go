package engine_test

import (
	"context"
	"os"
	"testing"

	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/registry"
)

// BenchmarkRun runs the engine over the regression corpus (or
// $CITECHECK_BENCH_CORPUS) as check does, with one worker (in the calling
// goroutine: no handoffs) and with the default two per core. Its MB/s is
// the files' bytes; compare the CPU of the two with -cpu or perf stat, not
// their wall time, on a loaded machine.
func BenchmarkRun(b *testing.B) {
	reg, err := registry.Default()
	if err != nil {
		b.Fatal(err)
	}
	dir := corpusDir
	if d := os.Getenv("CITECHECK_BENCH_CORPUS"); d != "" {
		dir = d
	}
	inputs := engine.Expand([]string{dir})
	size := int64(0)
	for _, in := range inputs {
		if st, err := os.Stat(in.Path); err == nil {
			size += st.Size()
		}
	}
	for _, tc := range []struct {
		name string
		jobs int
	}{{"j1", 1}, {"jN", 0}} {
		b.Run(tc.name, func(b *testing.B) {
			eng := engine.New(engine.Options{Registry: reg, Jobs: tc.jobs, ReuseBuffers: true})
			b.SetBytes(size)
			for b.Loop() {
				if _, err := eng.Run(context.Background(), inputs, func(*engine.FileReport) error { return nil }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
