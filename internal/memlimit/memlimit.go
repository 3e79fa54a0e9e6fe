// Package memlimit paces Go's collector for citecheck's runs: lazy while
// the live heap is small, never thrashing when one large file makes it
// large.
//
// citecheck holds a few files at a time, so checking an archive keeps a few
// MB live while it allocates several times the text it reads. A lazy
// collector (GOGC=1000) trades a few MB for much less GC work, and a soft
// limit of 48 MiB keeps the heap flat however large the archive: peak RSS
// 53–60 MB at 10 MB, 100 MB and 1 GB (scripts/rss.sh). But a fixed limit
// is below the live heap of one large file (a 50 MB text keeps about 150
// MB live), and the collector then runs back to back: 18 s for that file
// where 5.6 s do without the limit. So the limit follows the live heap:
// after each collection it is set to what the collection found live plus
// a headroom, or the base, whichever is more — the lazy pacing and flat
// memory of an archive run, and for a large file at worst GOGC=100's
// pacing. The headroom is the live heap itself while that is small, then
// 96 MiB, then a quarter of the live heap: the densest 16 MiB text (the
// default --max-text-size) keeps about 330 MB live, and a headroom of
// the whole live heap peaked at 509–567 MB (scripts/hostile-rss.sh), 96 MiB at
// 412–458 MB; a quarter keeps a file far over the default limits from
// collecting back to back (200 MB of text: 3.2 s of CPU, 2.2 s with
// twice the live heap, 6.4 s with a fixed limit).
package memlimit

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Base is the soft memory limit while the live heap is under half of it.
const Base = 48 << 20

// Headroom is what the heap may grow past its live part before the
// collector runs, once the live heap is over it and under four times it.
const Headroom = 96 << 20

// gcPercent is GOGC while the limit paces the collector.
const gcPercent = 1000

// Start sets the collector's pacing: GOGC=1000 unless GOGC is set, and,
// unless GOMEMLIMIT is set, a soft limit that follows the live heap
// (Limit), updated after every collection.
func Start() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(Base)
	arm()
}

// sample reads the live heap; it is reused (only the finalizer goroutine
// reads it).
var (
	mu     sync.Mutex
	sample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
)

// Limit returns the soft memory limit for a live heap of live bytes:
// live + min(live, max(Headroom, live/4)), and at least Base.
func Limit(live uint64) int64 {
	if live > math.MaxInt64/4 {
		return math.MaxInt64
	}
	l := int64(live)
	return max(Base, l+min(l, max(Headroom, l/4)))
}

// tick is allocated for its finalizer, which runs after the collection
// that finds it unreachable: once per collection, as each run arms the
// next. (It holds a pointer so that it is not a tiny allocation, whose
// finalizer could wait on its neighbours.)
type tick struct{ _ *int }

func arm() {
	runtime.SetFinalizer(&tick{}, func(*tick) {
		adjust()
		arm()
	})
}

func adjust() {
	mu.Lock()
	defer mu.Unlock()
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	debug.SetMemoryLimit(Limit(sample[0].Value.Uint64()))
}
