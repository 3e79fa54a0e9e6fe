package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/citecheck/citecheck/pkg/engine"
)

func TestHumanDuration(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0.0 ms"},
		{400 * time.Microsecond, "0.4 ms"},
		{12 * time.Millisecond, "12 ms"},
		{3900 * time.Millisecond, "3.9 s"},
		{65 * time.Second, "1m05s"},
		{114 * time.Second, "1m54s"},
	} {
		if got := humanDuration(c.d); got != c.want {
			t.Errorf("humanDuration(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 10000: "10,000", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestProgressStall replays the run the issue describes: one large file
// early in the order holds the in-order report back, then the rest goes
// by quickly. Counting files, the old bar said 3% and "2m47s left" five
// seconds into a seven-second run. Counting bytes, the large file's share
// shows once it is reported, and no time is promised before a tenth of the
// bytes is done.
func TestProgressStall(t *testing.T) {
	dir := t.TempDir()
	var inputs []engine.Input
	for i := range 300 {
		size := 10_000
		if i == 100 {
			size = 6_000_000 // two thirds of all the bytes
		}
		p := filepath.Join(dir, fmt.Sprintf("r%03d.txt", i))
		if err := os.WriteFile(p, bytes.Repeat([]byte("x"), size), 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, engine.Input{Path: p})
	}
	var out bytes.Buffer
	start := time.Unix(1000, 0)
	clock := start
	p := &progress{w: &out, start: start, show: start, total: len(inputs), now: func() time.Time { return clock }}
	p.measure(inputs)

	// 100 small files in the first 0.1 s, then the large one holds the
	// report back until 5 s.
	for range 100 {
		clock = clock.Add(time.Millisecond)
		p.step()
	}
	if f := p.fraction(); f > 0.12 {
		t.Errorf("after the 100 small files: fraction %.2f, want their share of the bytes, about 0.11", f)
	}
	clock = start.Add(5 * time.Second)
	p.step() // the large file
	frame := p.frame(clock)
	if !strings.Contains(frame, " 78% ") && !strings.Contains(frame, " 77% ") {
		t.Errorf("after the large file: %q, want about 78%% (its bytes and those before it)", frame)
	}
	if !strings.Contains(frame, "101/300 files") || !strings.Contains(frame, "5.0 s") {
		t.Errorf("frame %q lacks the count or the elapsed time", frame)
	}
	if !strings.Contains(frame, "about 1 s left") {
		t.Errorf("frame %q: want about 1 s left (5 s for 78%%)", frame)
	}

	// Early on, no estimate at all.
	q := &progress{w: &out, start: start, show: start, total: 1000, now: func() time.Time { return clock }}
	q.done = 50
	if frame := q.frame(start.Add(3 * time.Second)); strings.Contains(frame, "left") {
		t.Errorf("5%% done: %q promises a time; want none before a tenth", frame)
	}
}

func TestTimeLeft(t *testing.T) {
	for _, c := range []struct {
		f       float64
		elapsed time.Duration
		want    string // "" for none
	}{
		{0.05, 3 * time.Second, ""},
		{0.1, 1 * time.Second, "9 s"},
		{0.5, 2 * time.Second, "2 s"},
		{0.99, 10 * time.Second, "1 s"},
		{0.25, 40 * time.Second, "2m00s"},
		{1, 3 * time.Second, ""},
	} {
		d, ok := timeLeft(c.f, c.elapsed)
		got := ""
		if ok {
			got = leftDuration(d)
		}
		if got != c.want {
			t.Errorf("timeLeft(%.2f, %v) = %q, want %q", c.f, c.elapsed, got, c.want)
		}
	}
}

func TestProgressDrawsAfterASecond(t *testing.T) {
	var out bytes.Buffer
	start := time.Unix(1000, 0)
	clock := start
	p := &progress{w: &out, start: start, show: start.Add(time.Second), total: 10, now: func() time.Time { return clock }}
	clock = start.Add(500 * time.Millisecond)
	p.step()
	if out.Len() != 0 || p.finish() {
		t.Fatalf("drew before a second had passed: %q", out.String())
	}
	clock = start.Add(1500 * time.Millisecond)
	p.step()
	if !strings.HasPrefix(out.String(), "\rchecking  20% |") {
		t.Errorf("frame %q", out.String())
	}
	if !p.finish() || !strings.HasSuffix(out.String(), "\r\x1b[K") {
		t.Errorf("finish did not clear the bar: %q", out.String())
	}
	var nilp *progress
	nilp.step()
	if nilp.finish() {
		t.Error("a nil progress reports a frame")
	}
}
