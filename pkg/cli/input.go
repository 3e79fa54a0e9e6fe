package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/citecheck/citecheck/pkg/docx"
	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/htmltext"
	"github.com/citecheck/citecheck/pkg/pdftext"
	"github.com/citecheck/citecheck/pkg/source"
)

// inputOptions choose how files are read.
type inputOptions struct {
	format          string // "", "text", "markdown", "docx", "html", "pdf"
	revisions       string
	maxFileSize     int64
	maxUncompressed int64
	maxZipEntries   int
	maxXMLDepth     int
	pdfTimeout      time.Duration
	maxPDFOutput    int64
}

var inputFormats = []string{"docx", "html", "markdown", "pdf", "text"}

func (o *inputOptions) register(fs *pflag.FlagSet) {
	d := docx.DefaultOptions()
	fs.StringVar(&o.format, "input-format", "", "read every input as: text, markdown, docx, html, pdf (default: by file name, confirmed by content)")
	fs.StringVar(&o.revisions, "revisions", "accepted", ".docx tracked changes: accepted (the text with changes accepted) or original (as before them)")
	fs.Int64Var(&o.maxFileSize, "max-file-size", 256<<20, "largest input file read, in bytes")
	fs.Int64Var(&o.maxUncompressed, "max-docx-uncompressed", d.MaxUncompressed, ".docx: largest total uncompressed size of the parts read, in bytes")
	fs.IntVar(&o.maxZipEntries, "max-docx-entries", d.MaxEntries, ".docx: most entries in the zip archive")
	fs.IntVar(&o.maxXMLDepth, "max-xml-depth", d.MaxDepth, ".docx: deepest XML nesting")
	fs.DurationVar(&o.pdfTimeout, "pdf-timeout", time.Minute, "PDF: longest time pdftotext may take for one file")
	fs.Int64Var(&o.maxPDFOutput, "max-pdf-output", pdftext.DefaultMaxOutput, "PDF: most bytes pdftotext may write for one file")
}

func (o *inputOptions) validate() error {
	if o.format != "" && !contains(inputFormats, o.format) {
		return usageErr("invalid --input-format %q (expected one of %s)", o.format, quoted(inputFormats))
	}
	if o.revisions != docx.RevisionsAccepted && o.revisions != docx.RevisionsOriginal {
		return usageErr("invalid --revisions %q (expected one of \"accepted\", \"original\")", o.revisions)
	}
	if o.maxFileSize <= 0 || o.maxUncompressed <= 0 || o.maxZipEntries <= 0 || o.maxXMLDepth <= 0 || o.pdfTimeout <= 0 || o.maxPDFOutput <= 0 {
		return usageErr("the --max-* limits and --pdf-timeout must be positive")
	}
	return nil
}

// reader returns the engine.Reader these options describe: the format is
// chosen by the file name's extension and confirmed by the content (a
// .txt that is really a PDF is read as a PDF), or forced by --input-format.
func (o *inputOptions) reader() engine.Reader {
	return func(path string, data []byte) (*engine.Loaded, error) {
		switch o.detect(path, data) {
		case "docx":
			v, err := docx.Read(bytes.NewReader(data), int64(len(data)), docx.Options{
				MaxFileSize: o.maxFileSize, MaxUncompressed: o.maxUncompressed,
				MaxEntries: o.maxZipEntries, MaxDepth: o.maxXMLDepth, Revisions: o.revisions})
			if err != nil {
				return nil, limitFlag(err)
			}
			return viewLoaded(path, v)
		case "html":
			v, err := htmltext.Read(bytes.NewReader(data), htmltext.Options{MaxSize: o.maxFileSize})
			if err != nil {
				return nil, err
			}
			return viewLoaded(path, v)
		case "pdf":
			ctx, cancel := context.WithTimeout(context.Background(), o.pdfTimeout)
			defer cancel()
			v, err := pdftext.Read(ctx, data, pdftext.Options{Timeout: o.pdfTimeout, MaxOutput: o.maxPDFOutput})
			if err != nil {
				return nil, err
			}
			if strings.TrimSpace(v.Text) == "" {
				return nil, errors.New("the PDF has no text layer (a scanned image?)")
			}
			return viewLoaded(path, v)
		}
		return engine.ReadText(path, data)
	}
}

// limitFlag names, in a .docx limit error, the flag that raises the limit.
func limitFlag(err error) error {
	var le *docx.LimitError
	if errors.As(err, &le) {
		switch le.What {
		case "file size":
			le.Flag = "--max-file-size"
		case "uncompressed size", "text view size", "XML token size":
			le.Flag = "--max-docx-uncompressed"
		case "number of zip entries":
			le.Flag = "--max-docx-entries"
		}
		return err
	}
	var de *docx.DepthError
	if errors.As(err, &de) {
		return fmt.Errorf("%w (--max-xml-depth)", err)
	}
	return err
}

func viewLoaded(path string, v *docx.View) (*engine.Loaded, error) {
	if strings.TrimSpace(v.Text) == "" {
		// Blank pages and templates: read, with nothing to check.
		return nil, engine.ErrNoText
	}
	f, err := source.New(path, []byte(v.Text))
	if err != nil {
		return nil, err
	}
	notes := map[string]string{}
	for _, p := range v.Paragraphs {
		if p.Part == "body" {
			continue
		}
		// The paragraph starts "[^label]: ".
		if rest, ok := strings.CutPrefix(v.Text[lineStart(v.Text, p.Line):], "[^"); ok {
			if label, _, ok := strings.Cut(rest, "]: "); ok {
				notes[label] = p.Label
			}
		}
	}
	var comments []engine.Comment
	for _, c := range v.Comments {
		comments = append(comments, engine.Comment{Start: c.Start, End: c.End, Text: c.Text})
	}
	return &engine.Loaded{File: f, Locate: func(line int) string { return v.Locate(line).Label }, Notes: notes, Comments: comments}, nil
}

// lineStart returns the offset of 1-based line n of text.
func lineStart(text string, n int) int {
	off := 0
	for ; n > 1; n-- {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	return off
}

// oleMagic opens an OLE compound file: Word 97–2003 .doc files, and
// password-protected .docx files.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// detect chooses a format: --input-format, else the content's magic
// bytes, else the extension.
func (o *inputOptions) detect(path string, data []byte) string {
	if o.format != "" {
		if o.format == "markdown" {
			return "text"
		}
		return o.format
	}
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "docx"
	case bytes.HasPrefix(data, oleMagic):
		// A legacy Word .doc (or a password-protected .docx): the .docx
		// reader says what it is and how to convert it, where the text
		// reader could only say "binary file".
		return "docx"
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".docx":
		return "docx"
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".pdf":
		return "pdf"
	case ".txt", ".text", ".md", ".markdown":
		return "text"
	}
	head := bytes.ToLower(data[:min(len(data), 512)])
	if bytes.Contains(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<html")) {
		return "html"
	}
	return "text"
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

func quoted(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}
