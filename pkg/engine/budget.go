package engine

import "sync"

// budget bounds the text held by a run: each file takes a share when its
// size is known, before it is read, and gives it back when it has been
// reported. The share is the file's text view (for .docx and PDF, whose
// view is known only once read, the largest allowed until then), so the
// memory of the files in flight, reading, checking or waiting to be
// reported in order, is at most the memory of Jobs files of the largest
// size. The file the caller waits for next always goes ahead, so a run
// never stalls, and at most one file more is in flight.
type budget struct {
	mu     sync.Mutex
	cond   sync.Cond
	left   int64 // bytes not taken
	max    int64 // the whole budget, and the largest share
	next   int   // index of the input reported next
	closed bool  // the run is over: nobody waits
}

func newBudget(max int64) *budget {
	b := &budget{left: max, max: max}
	b.cond.L = &b.mu
	return b
}

// take waits until n bytes are free, or input i is the one reported next,
// and takes them. It returns what it took.
func (b *budget) take(i int, n int64) int64 {
	n = min(max(n, 0), b.max)
	b.mu.Lock()
	for b.left < n && i != b.next && !b.closed {
		b.cond.Wait()
	}
	b.left -= n
	b.mu.Unlock()
	return n
}

// close ends the run's budget: take no longer waits (a run stopped
// early leaves no worker waiting for ever).
func (b *budget) close() {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	b.cond.Broadcast()
}

// resize gives back, or takes without waiting, the difference between a
// share taken and the bytes now needed (the view of a .docx once read).
func (b *budget) resize(had, now int64) int64 {
	now = min(max(now, 0), b.max)
	if now == had {
		return now
	}
	b.mu.Lock()
	b.left += had - now
	b.mu.Unlock()
	if now < had {
		b.cond.Broadcast()
	}
	return now
}

// done gives back the share of input i, just reported, and lets the
// input after it go ahead.
func (b *budget) done(i int, n int64) {
	b.mu.Lock()
	b.left += n
	b.next = i + 1
	b.mu.Unlock()
	b.cond.Broadcast()
}
