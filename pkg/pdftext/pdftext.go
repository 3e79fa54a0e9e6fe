package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/citecheck/citecheck/pkg/docx"
)

// Options control Read.
type Options struct {
	// Pdftotext is the path of the pdftotext program; "" looks up
	// "pdftotext" on PATH.
	Pdftotext string
	// Timeout bounds the pdftotext run; 0 means DefaultTimeout. When it
	// expires pdftotext's whole process group is killed.
	Timeout time.Duration
	// MaxPages reads only the first MaxPages pages; 0 reads them all.
	MaxPages int
	// MaxOutput caps what pdftotext may write, in bytes; 0 means
	// DefaultMaxOutput.
	MaxOutput int64
}

// DefaultTimeout is the time pdftotext may take when Options.Timeout is 0.
const DefaultTimeout = 2 * time.Minute

// DefaultMaxOutput caps what pdftotext may write when Options.MaxOutput is
// 0. Its XHTML is about 55 KB a page (1,356 UN pages: 75 MB), so 128 MiB
// is some 2,400 pages. The output is parsed as it streams, never held
// whole; the words and lines built from it peak at about 1.6 times its
// size (1,356 pages: 176 MB of RSS, 39 MB of it the PDF itself).
const DefaultMaxOutput = 128 << 20

// maxStderr caps what is kept of pdftotext's standard error: enough for
// its first errors.
const maxStderr = 4 << 10

// ErrNoPdftotext is returned (wrapped) when the pdftotext program cannot
// be found.
var ErrNoPdftotext = errors.New("pdftotext not found: install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler)")

// ErrNotPDF is returned for input that does not start like a PDF file.
var ErrNotPDF = errors.New("not a PDF file (no %PDF- header)")

// OutputError is returned when pdftotext writes more than Options.MaxOutput.
type OutputError struct{ Limit int64 }

func (e *OutputError) Error() string {
	return fmt.Sprintf("pdftotext: output exceeds the limit of %s (--max-pdf-output)", docx.FormatBytes(e.Limit))
}

// View is the text view of a PDF file, one Paragraph per page: Line is
// the first line of the page's text, Part is "page", Index the page's
// number in the file and Label "page N". See docx.View.
type View = docx.View

// Read returns the text view of the PDF file data, in UTF-8: the body
// lines of each page with running headers, footers and page furniture
// left out, and each page's footnotes after a "__________________" line
// where the page ends, one footnote a paragraph ("5  United Nations,
// Treaty Series, …"). Footnote markers in the body are Unicode
// superscript digits where the PDF sets them as superscripts and a
// footnote with that label exists, and digits glued to the preceding word
// otherwise. The view's places are the pages.
func Read(ctx context.Context, data []byte, opt Options) (*View, error) {
	if !looksLikePDF(data) {
		return nil, ErrNotPDF
	}
	args := []string{"-enc", "UTF-8", "-bbox-layout"}
	if opt.MaxPages > 0 {
		args = append(args, "-l", strconv.Itoa(opt.MaxPages))
	}
	args = append(args, "-", "-")
	var pages []page
	err := run(ctx, opt, data, args, func(r io.Reader) error {
		var err error
		pages, err = scanBBox(r)
		return err
	})
	if errors.Is(err, errUnsupported) {
		// Output scanBBox does not read (none of pdftotext's so far):
		// again, through encoding/xml.
		err = run(ctx, opt, data, args, func(r io.Reader) error {
			var err error
			pages, err = parseBBox(r)
			return err
		})
	}
	if err != nil {
		return nil, err
	}
	return renderView(pages), nil
}

// looksLikePDF reports whether data has a %PDF- header in its first
// kilobyte (where readers look for it).
func looksLikePDF(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	return bytes.Contains(head, []byte("%PDF-"))
}

// run runs pdftotext with args, data on its standard input, and hands its
// standard output to parse as it streams. No shell is involved. The
// program runs in a process group of its own, killed whole on timeout or
// when parse stops early, so that a wrapper's children do not outlive it.
func run(ctx context.Context, opt Options, data []byte, args []string, parse func(io.Reader) error) error {
	prog, err := lookPdftotext(opt.Pdftotext)
	if err != nil {
		return err
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	maxOut := opt.MaxOutput
	if maxOut <= 0 {
		maxOut = DefaultMaxOutput
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, prog, args...)
	cmd.Stdin = bytes.NewReader(data)
	stderr := &cappedWriter{max: maxStderr}
	cmd.Stderr = stderr
	ownGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("pdftotext: %w", err)
	}
	if err := cmd.Start(); err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			// The time was up before the program started (a timeout
			// of a few microseconds).
			return fmt.Errorf("pdftotext: timed out after %v (--pdf-timeout)", timeout)
		}
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, exec.ErrNotFound) {
			return fmt.Errorf("%w (tried %q)", ErrNoPdftotext, prog)
		}
		return fmt.Errorf("pdftotext: %w", err)
	}
	out := &cappedReader{r: pipe, left: maxOut}
	perr := parse(out)
	if perr != nil {
		// Stop pdftotext (and whatever it started) before waiting: it
		// may be blocked writing output nobody reads.
		_ = killGroup(cmd)
	} else {
		// Drain what follows the document, so that pdftotext exits.
		_, perr = io.Copy(io.Discard, out)
	}
	err = cmd.Wait()
	switch {
	case out.over:
		return &OutputError{Limit: maxOut}
	case ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("pdftotext: timed out after %v (--pdf-timeout)", timeout)
	case ctx.Err() != nil:
		return fmt.Errorf("pdftotext: %w", ctx.Err())
	case errors.Is(perr, errUnsupported):
		// pdftotext was stopped (killed) when the scanner gave up: its
		// exit status says nothing.
		return perr
	case err != nil && pdftotextError(string(stderr.buf)) != "":
		return fmt.Errorf("pdftotext: %s (%w)", pdftotextError(string(stderr.buf)), err)
	case perr != nil:
		return perr
	case err != nil:
		return fmt.Errorf("pdftotext: %w", err)
	}
	return nil
}

// lookPdftotext resolves the program to run.
func lookPdftotext(path string) (string, error) {
	if path == "" {
		p, err := exec.LookPath("pdftotext")
		if err != nil {
			return "", fmt.Errorf("%w (not on PATH)", ErrNoPdftotext)
		}
		return p, nil
	}
	if _, err := exec.LookPath(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, exec.ErrNotFound) {
			return "", fmt.Errorf("%w (tried %q)", ErrNoPdftotext, path)
		}
		return "", fmt.Errorf("pdftotext %q: %w", path, err)
	}
	return path, nil
}

// pdftotextError picks the most telling line of pdftotext's standard
// error: its errors rather than its warnings.
func pdftotextError(stderr string) string {
	var first, errLine string
	for _, l := range strings.Split(stderr, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if first == "" {
			first = l
		}
		if errLine == "" && strings.Contains(l, "Error") {
			errLine = l
		}
	}
	if errLine != "" {
		return errLine
	}
	return first
}

// cappedWriter keeps the first max bytes written to it and drops the
// rest, so that a program that floods its standard error neither fills
// memory nor blocks. It has only a Write method: exec copies into it
// with io.Copy, which would hand an io.ReaderFrom (a bytes.Buffer) the
// whole stream with no cap at all.
type cappedWriter struct {
	buf []byte
	max int
}

func (w *cappedWriter) Write(p []byte) (int, error) {
	if room := w.max - len(w.buf); room > 0 {
		w.buf = append(w.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// cappedReader reads from r until left bytes have been read, then fails:
// the output of a runaway pdftotext is refused, not read without bound.
type cappedReader struct {
	r    io.Reader
	left int64
	over bool
}

// errOutputCap stops the parse when the output cap is reached.
var errOutputCap = errors.New("pdftotext output over the limit")

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// One byte more says whether there is more.
		var one [1]byte
		if n, _ := c.r.Read(one[:]); n > 0 {
			c.over = true
			return 0, errOutputCap
		}
		return c.r.Read(p)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}
