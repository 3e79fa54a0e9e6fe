package docx

import (
	"fmt"
	"io"
)

// Options control how Read works and how much it accepts.
// A zero field means its default (see DefaultOptions).
type Options struct {
	// MaxFileSize is the largest .docx file accepted, in bytes.
	MaxFileSize int64
	// MaxUncompressed caps the uncompressed size of the parts read, in
	// bytes, as declared in the zip directory and as actually read.
	MaxUncompressed int64
	// MaxText caps the text view, and any one XML token (a run of text,
	// a tag with its attributes), in bytes: the XML decoder holds a whole
	// token in memory. Zero means MaxUncompressed.
	MaxText int64
	// MaxEntries caps the number of entries in the zip archive.
	MaxEntries int
	// MaxDepth caps how deeply XML elements may nest.
	MaxDepth int
	// Revisions chooses how tracked changes are shown: "accepted" (the
	// default: insertions kept, deletions dropped) or "original" (the
	// text before the changes).
	Revisions string
}

// Default limits.
const (
	DefaultMaxFileSize     = 64 << 20
	DefaultMaxUncompressed = 256 << 20
	DefaultMaxEntries      = 10000
	DefaultMaxDepth        = 1000
)

// MaxDepthCap is the largest MaxDepth accepted. The reader recurses once
// per level of nesting, and Go stacks stop at 1 GB: a million levels
// (\"--max-xml-depth 5000000\" and a million nested runs) overflowed it,
// which no recover can catch. 10,000 levels take about 8 MB of stack;
// Word itself writes a few dozen.
const MaxDepthCap = 10000

// Revision modes for Options.Revisions.
const (
	RevisionsAccepted = "accepted"
	RevisionsOriginal = "original"
)

// DefaultOptions returns the default options: a 64 MiB file, 256 MiB
// uncompressed, 10,000 zip entries, XML nesting 1000 deep, tracked
// changes accepted.
func DefaultOptions() Options {
	return Options{
		MaxFileSize:     DefaultMaxFileSize,
		MaxUncompressed: DefaultMaxUncompressed,
		MaxEntries:      DefaultMaxEntries,
		MaxDepth:        DefaultMaxDepth,
		Revisions:       RevisionsAccepted,
	}
}

// withDefaults fills zero fields and checks Revisions.
func (o Options) withDefaults() (Options, error) {
	d := DefaultOptions()
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = d.MaxFileSize
	}
	if o.MaxUncompressed <= 0 {
		o.MaxUncompressed = d.MaxUncompressed
	}
	if o.MaxText <= 0 || o.MaxText > o.MaxUncompressed {
		o.MaxText = o.MaxUncompressed
	}
	if o.MaxEntries <= 0 {
		o.MaxEntries = d.MaxEntries
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = d.MaxDepth
	}
	if o.MaxDepth > MaxDepthCap {
		return o, fmt.Errorf("XML depth limit %d is over the cap of %d", o.MaxDepth, MaxDepthCap)
	}
	switch o.Revisions {
	case "":
		o.Revisions = d.Revisions
	case RevisionsAccepted, RevisionsOriginal:
	default:
		return o, fmt.Errorf("unknown revisions mode %q (expected one of \"accepted\", \"original\")", o.Revisions)
	}
	return o, nil
}

// LimitError reports input that exceeds one of the Options limits.
type LimitError struct {
	// What exceeded the limit: "file size", "uncompressed size",
	// "number of zip entries".
	What string
	// Limit is the limit that was exceeded.
	Limit int64
	// Bytes says whether Limit is a size in bytes (else a count).
	Bytes bool
	// Flag, if set, names the command-line flag that raises the limit.
	Flag string
}

func (e *LimitError) Error() string {
	var s string
	if e.Bytes {
		s = fmt.Sprintf("%s exceeds %s limit", e.What, FormatBytes(e.Limit))
	} else {
		s = fmt.Sprintf("%s exceeds the limit of %d", e.What, e.Limit)
	}
	if e.Flag != "" {
		s += " (" + e.Flag + ")"
	}
	return s
}

// sizeFlag is the citecheck flag that raises the .docx size limits.
const sizeFlag = "--max-docx-size"

// DepthError reports XML nested deeper than Options.MaxDepth.
type DepthError struct{ Limit int }

func (e *DepthError) Error() string {
	return fmt.Sprintf("XML nested deeper than %d elements", e.Limit)
}

// FormatBytes writes n as "256 MiB", "1.5 KiB" or "100 bytes", as
// citecheck's messages about sizes and limits do.
func FormatBytes(n int64) string {
	units := []string{"KiB", "MiB", "GiB", "TiB"}
	if n < 1024 {
		return fmt.Sprintf("%d bytes", n)
	}
	f, u := float64(n), ""
	for _, u = range units {
		f /= 1024
		if f < 1024 {
			break
		}
	}
	if f == float64(int64(f)) {
		return fmt.Sprintf("%d %s", int64(f), u)
	}
	return fmt.Sprintf("%.1f %s", f, u)
}

// budget counts the uncompressed bytes read from all parts against
// Options.MaxUncompressed.
type budget struct {
	left  int64
	limit int64
}

// reader wraps r so that reading more than the budget left fails with a
// *LimitError.
func (b *budget) reader(r io.Reader) io.Reader {
	return &budgetReader{r: io.LimitReader(r, b.left+1), b: b}
}

type budgetReader struct {
	r io.Reader
	b *budget
}

func (br *budgetReader) Read(p []byte) (int, error) {
	n, err := br.r.Read(p)
	br.b.left -= int64(n)
	if br.b.left < 0 {
		return 0, &LimitError{What: "uncompressed size", Limit: br.b.limit, Bytes: true, Flag: sizeFlag}
	}
	return n, err
}
