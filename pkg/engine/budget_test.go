package engine

import (
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestBudget runs Run's protocol — inputs handed out in order to a few
// workers, each taking its share before it reads and resizing it after,
// reported in order — over shares of every size: it never stalls, and
// the bytes in flight stay within the budget plus the one share of the
// input reported next.
func TestBudget(t *testing.T) {
	const (
		jobs   = 3
		limit  = 1000 // the largest share
		inputs = 2000
	)
	b := newBudget(jobs * limit)
	rng := rand.New(rand.NewPCG(1, 2))
	sizes := make([]int64, inputs)
	views := make([]int64, inputs)
	for i := range sizes {
		sizes[i] = rng.Int64N(limit + 1)
		views[i] = sizes[i]
		if i%7 == 0 { // a .docx: the largest until read, then its view
			sizes[i], views[i] = limit, rng.Int64N(limit+1)
		}
	}
	var inFlight, peak atomic.Int64
	shares := make([]chan int64, inputs)
	for i := range shares {
		shares[i] = make(chan int64, 1)
	}
	idx := make(chan int)
	go func() {
		for i := range inputs {
			idx <- i
		}
		close(idx)
	}()
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				n := b.take(i, sizes[i])
				if v := inFlight.Add(n); v > peak.Load() {
					peak.Store(v)
				}
				m := b.resize(n, views[i])
				inFlight.Add(m - n)
				shares[i] <- m
			}
		}()
	}
	done := make(chan struct{})
	go func() {
		for i := range inputs {
			n := <-shares[i]
			inFlight.Add(-n)
			b.done(i, n)
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the run stalled")
	}
	wg.Wait()
	if p := peak.Load(); p > jobs*limit+limit {
		t.Errorf("peak in flight %d, over the budget %d plus one share", p, jobs*limit)
	}
	if b.left != b.max {
		t.Errorf("%d of %d bytes given back", b.left, b.max)
	}
}

// TestBudgetClose: a worker waiting for its share goes on once the run
// is over.
func TestBudgetClose(t *testing.T) {
	b := newBudget(10)
	b.take(0, 10)
	got := make(chan int64)
	go func() { got <- b.take(1, 5) }()
	select {
	case <-got:
		t.Fatal("took a share with none left")
	case <-time.After(50 * time.Millisecond):
	}
	b.close()
	select {
	case <-got:
	case <-time.After(5 * time.Second):
		t.Fatal("still waiting after close")
	}
}
