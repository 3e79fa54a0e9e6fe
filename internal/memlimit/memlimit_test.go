package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestLimit(t *testing.T) {
	for _, tc := range []struct {
		live uint64
		want int64
	}{
		{0, Base},
		{5 << 20, Base},
		{Base / 2, Base},
		{Base/2 + 1, Base + 2},
		{90 << 20, 180 << 20},
		{150 << 20, 150<<20 + Headroom},
		{4 * Headroom, 5 * Headroom},
		{1 << 30, 1<<30 + 1<<28},
		{math.MaxUint64, math.MaxInt64},
	} {
		if got := Limit(tc.live); got != tc.want {
			t.Errorf("Limit(%d) = %d, want %d", tc.live, got, tc.want)
		}
	}
}

// sink keeps what TestFollowsLiveHeap allocates live.
var sink [][]byte

// TestFollowsLiveHeap: after a collection that finds a large heap live, the
// limit is that heap plus its headroom; once it is freed, the base again.
func TestFollowsLiveHeap(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	Start()
	for range 100 {
		sink = append(sink, make([]byte, 1<<20))
	}
	waitLimit(t, func(l int64) bool { return l >= 100<<20+Headroom })
	sink = nil
	waitLimit(t, func(l int64) bool { return l == Base })
}

func waitLimit(t *testing.T, ok func(int64) bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the finalizer goroutine runs adjust
		if ok(debug.SetMemoryLimit(-1)) {
			return
		}
	}
	t.Fatalf("memory limit %d after 10 s of collections", debug.SetMemoryLimit(-1))
}
