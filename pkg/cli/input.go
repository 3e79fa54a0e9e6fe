package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/citecheck/citecheck/pkg/engine"
)

// inputOptions choose how files are read: the format and the limits of
// the engine's format table.
type inputOptions struct {
	limits engine.Limits
}

// inputFormats are the --input-format values.
var inputFormats = engine.FormatNames()

func (o *inputOptions) register(fs *pflag.FlagSet) {
	d := engine.DefaultLimits()
	l := &o.limits
	fs.StringVar(&l.Format, "input-format", "", "read every input as: "+strings.Join(inputFormats, ", ")+" (default: by file name, confirmed by content)")
	fs.StringVar(&l.Revisions, "revisions", d.Revisions, ".docx tracked changes: accepted (the text with changes accepted) or original (as before them)")
	fs.Int64Var(&l.MaxFileSize, "max-file-size", d.MaxFileSize, "largest input file read, in bytes (refused by its size, unread)")
	fs.Int64Var(&l.MaxTextSize, "max-text-size", d.MaxTextSize, "largest text checked per file, in bytes: text, Markdown and HTML files, and the text of .docx and PDF files")
	fs.Int64Var(&l.MaxUncompressed, "max-docx-uncompressed", d.MaxUncompressed, ".docx: largest total uncompressed size of the parts read, in bytes")
	fs.IntVar(&l.MaxZipEntries, "max-docx-entries", d.MaxZipEntries, ".docx: most entries in the zip archive")
	fs.IntVar(&l.MaxXMLDepth, "max-xml-depth", d.MaxXMLDepth, fmt.Sprintf(".docx: deepest XML nesting (at most %d)", engine.MaxXMLDepthCap))
	fs.DurationVar(&l.PDFTimeout, "pdf-timeout", d.PDFTimeout, "PDF: longest time pdftotext may take for one file")
	fs.Int64Var(&l.MaxPDFOutput, "max-pdf-output", d.MaxPDFOutput, "PDF: most bytes pdftotext may write for one file")
}

func (o *inputOptions) validate() error {
	if err := o.limits.Validate(); err != nil {
		return usageErr("%v", err)
	}
	return nil
}

// detect names the format a file is read in (the engine's table, or
// --input-format), with Markdown as "text": the same text view.
func (o *inputOptions) detect(path string, data []byte) string {
	f := engine.FormatByName(o.limits.Format)
	if f == nil {
		f = engine.Detect(path, data)
	}
	if f.Name == "markdown" {
		return "text"
	}
	return f.Name
}

// limitFlag names, in a .docx limit error, the flag that raises the limit.
func limitFlag(err error) error { return engine.LimitFlag(err) }

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
