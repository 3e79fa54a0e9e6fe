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
)

// Options control Read.
type Options struct {
	// Pdftotext is the path of the pdftotext program; "" looks up
	// "pdftotext" on PATH.
	Pdftotext string
	// Timeout bounds the pdftotext run; 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxPages reads only the first MaxPages pages; 0 reads them all.
	MaxPages int
}

// DefaultTimeout is the time pdftotext may take when Options.Timeout is 0.
const DefaultTimeout = 2 * time.Minute

// maxOutput caps what pdftotext may write (its XHTML is about 40 KB a
// page): a PDF that expands past it is refused rather than read into
// memory without bound.
const maxOutput = 256 << 20

// ErrNoPdftotext is returned (wrapped) when the pdftotext program cannot
// be found.
var ErrNoPdftotext = errors.New("pdftotext not found: install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler)")

// ErrNotPDF is returned for input that does not start like a PDF file.
var ErrNotPDF = errors.New("not a PDF file (no %PDF- header)")

// Read returns the text view of the PDF file data, in UTF-8: the body
// lines of each page with running headers, footers and page furniture
// left out, and each page's footnotes after a "__________________" line
// where the page ends, one footnote a paragraph ("5  United Nations,
// Treaty Series, …"). Footnote markers in the body are Unicode
// superscript digits where the PDF sets them as superscripts and a
// footnote with that label exists, and digits glued to the preceding word
// otherwise.
func Read(ctx context.Context, data []byte, opt Options) (string, error) {
	if !looksLikePDF(data) {
		return "", ErrNotPDF
	}
	args := []string{"-enc", "UTF-8", "-bbox-layout"}
	if opt.MaxPages > 0 {
		args = append(args, "-l", strconv.Itoa(opt.MaxPages))
	}
	args = append(args, "-", "-")
	out, err := run(ctx, opt, data, args)
	if err != nil {
		return "", err
	}
	pages, err := parseBBox(out)
	if err != nil {
		return "", err
	}
	return render(pages), nil
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

// run runs pdftotext with args, data on its standard input, and returns
// its standard output. No shell is involved.
func run(ctx context.Context, opt Options, data []byte, args []string) ([]byte, error) {
	prog, err := lookPdftotext(opt.Pdftotext)
	if err != nil {
		return nil, err
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, prog, args...)
	cmd.Stdin = bytes.NewReader(data)
	stdout := &limitedBuffer{max: maxOutput}
	stderr := &limitedBuffer{max: 4 << 10, truncate: true}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = 5 * time.Second
	err = cmd.Run()
	switch {
	case stdout.over:
		return nil, fmt.Errorf("pdftotext: output exceeds %d MiB; read fewer pages (MaxPages)", maxOutput>>20)
	case ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded):
		return nil, fmt.Errorf("pdftotext: timed out after %v", timeout)
	case ctx.Err() != nil:
		return nil, fmt.Errorf("pdftotext: %w", ctx.Err())
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, exec.ErrNotFound):
		return nil, fmt.Errorf("%w (tried %q)", ErrNoPdftotext, prog)
	case err != nil:
		msg := pdftotextError(stderr.String())
		if msg == "" {
			return nil, fmt.Errorf("pdftotext: %w", err)
		}
		return nil, fmt.Errorf("pdftotext: %s (%w)", msg, err)
	}
	return stdout.Bytes(), nil
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

// limitedBuffer collects up to max bytes. Past that it refuses more, so
// that pdftotext is stopped (by a broken pipe) instead of filling memory,
// or, with truncate, drops the rest.
type limitedBuffer struct {
	bytes.Buffer
	max      int
	truncate bool
	over     bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); len(p) > room {
		if b.truncate {
			b.Buffer.Write(p[:max(room, 0)])
			return len(p), nil
		}
		b.over = true
		return 0, io.ErrShortWrite
	}
	return b.Buffer.Write(p)
}
