package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/citecheck/citecheck/pkg/engine"
)

// progress shows a bar on standard error for runs that last over a second,
// when standard error is a terminal (or --progress always):
//
//	checking  54% |████████████████          | 1,636/3,000 files, 6.1 s, about 2 s left
//
// The fraction is of bytes, not files: an archive's files differ in size
// by a factor of a thousand, and a run that meets one large file stalls on
// it (files are reported in order). Counting files, the bar said "3%" and
// "2m47s left" five seconds into a seven-second run. The sizes come from a
// stat of every input, made in the background while the run starts; until
// they are in, the bar counts files. The time left is the whole run's
// average rate applied to what remains, and is shown only once a tenth of
// the bytes is done: before that it is more noise than estimate.
type progress struct {
	w     io.Writer
	start time.Time
	show  time.Time // nothing is drawn before show
	total int       // files
	now   func() time.Time

	sizes      []int64 // by input index, once sized is set
	totalBytes int64
	sized      atomic.Bool

	mu        sync.Mutex
	done      int   // files reported; they are reported in input order
	doneBytes int64 // the sizes of the first counted inputs
	counted   int
	last      time.Time // last frame drawn
	shown     bool      // a frame was drawn
}

// progressWidth is the bar's width in cells.
const progressWidth = 26

func newProgress(e *env, mode string, inputs []engine.Input) *progress {
	if mode == "never" || (mode == "auto" && !isTerminal(e.stderr)) || len(inputs) == 0 {
		return nil
	}
	p := &progress{w: e.stderr, start: time.Now(), total: len(inputs), now: time.Now}
	p.show = p.start.Add(time.Second)
	if mode == "always" {
		p.show = p.start
	}
	go p.measure(inputs)
	return p
}

// measure stats every input (standard input and unreadable ones count as
// empty) and publishes the sizes.
func (p *progress) measure(inputs []engine.Input) {
	sizes := make([]int64, len(inputs))
	var total int64
	for i, in := range inputs {
		if in.Path == "-" || in.Err != nil {
			continue
		}
		if st, err := os.Stat(in.Path); err == nil && st.Mode().IsRegular() {
			sizes[i] = st.Size()
			total += st.Size()
		}
	}
	p.mu.Lock()
	p.sizes, p.totalBytes = sizes, total
	p.mu.Unlock()
	p.sized.Store(true)
}

// step records that the next input was reported, and redraws at most
// every 100 ms.
func (p *progress) step() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	now := p.now()
	if now.Before(p.show) || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	p.shown = true
	fmt.Fprintf(p.w, "\r%s\x1b[K", p.frame(now))
}

// fraction is how much of the run is done: by bytes once the sizes are
// known (and the inputs have any), else by files.
func (p *progress) fraction() float64 {
	if p.sized.Load() && p.totalBytes > 0 {
		for ; p.counted < p.done && p.counted < len(p.sizes); p.counted++ {
			p.doneBytes += p.sizes[p.counted]
		}
		return min(1, float64(p.doneBytes)/float64(p.totalBytes))
	}
	return float64(p.done) / float64(p.total)
}

// frame renders one line of the bar.
func (p *progress) frame(now time.Time) string {
	f := p.fraction()
	elapsed := now.Sub(p.start)
	filled := int(f * progressWidth)
	bar := strings.Repeat("█", filled) + strings.Repeat(" ", progressWidth-filled)
	s := fmt.Sprintf("checking %3d%% |%s| %s/%s files, %s", int(f*100), bar, thousands(p.done), thousands(p.total), humanDuration(elapsed))
	if left, ok := timeLeft(f, elapsed); ok {
		s += ", about " + leftDuration(left) + " left"
	}
	return s
}

// timeLeft extrapolates the whole run's average rate to what remains,
// once a tenth of the run is done.
func timeLeft(f float64, elapsed time.Duration) (time.Duration, bool) {
	if f < 0.1 || f >= 1 {
		return 0, false
	}
	left := time.Duration(float64(elapsed) * (1 - f) / f)
	// Round to what a reader needs: whole seconds, at least one.
	return max(time.Second, left.Round(time.Second)), true
}

// leftDuration renders a time left in whole seconds: "4 s", "1m54s".
func leftDuration(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%d s", int(d.Seconds()))
	}
	return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
}

// finish clears the bar. It reports whether a frame was drawn.
func (p *progress) finish() bool {
	if p == nil {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
	return p.shown
}

// thousands writes n with comma separators: 10000 → "10,000".
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
