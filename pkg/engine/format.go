package engine

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/citecheck/citecheck/pkg/docx"
	"github.com/citecheck/citecheck/pkg/htmltext"
	"github.com/citecheck/citecheck/pkg/pdftext"
	"github.com/citecheck/citecheck/pkg/source"
)

// A Format is one kind of input: the names and content that identify it,
// the reader that turns it into the text view, and the limits that bound
// that reader. Formats lists them all; adding an input format is one
// package (the reader) and one row there.
type Format struct {
	// Name is the format's --input-format value.
	Name string
	// Extensions (lower case, with the dot) choose the format by file
	// name, and are what a folder walk picks up.
	Extensions []string
	// Magic, if set, recognises the format by its first bytes whatever
	// the file's name (a .docx saved as .txt is still a .docx).
	Magic func(head []byte) bool
	// Guess, if set, recognises the format by its first bytes when the
	// name has no known extension (standard input, "README").
	Guess func(head []byte) bool
	// Read turns the file's bytes into the text view and its places.
	Read func(path string, data []byte, lim *Limits) (*Loaded, error)
	// TextSized says the text view is about as large as the file (text,
	// Markdown, HTML), so that --max-text-size bounds the file too: a
	// larger one is refused by its size, before it is read.
	TextSized bool
	// Limits names the flags that bound this format's reader, for the
	// documentation (the README's table is checked against it).
	Limits []string
}

// Formats are the input formats. Detection tries every row's magic bytes
// first, then the extensions, then the guesses; text reads whatever no
// row claims. The order is the order of Extensions.
var Formats = []*Format{
	{
		Name: "text", Extensions: []string{".txt", ".text"},
		Read:      readPlain,
		TextSized: true,
		Limits:    []string{"--max-text-size"},
	},
	{
		Name: "markdown", Extensions: []string{".md", ".markdown"},
		Read:      readPlain,
		TextSized: true,
		Limits:    []string{"--max-text-size"},
	},
	{
		Name: "docx", Extensions: []string{".docx"},
		// A zip archive, or an OLE compound file: a legacy Word .doc (or
		// a password-protected .docx), which the .docx reader names and
		// says how to convert, where the text reader could only say
		// "binary file".
		Magic: func(h []byte) bool {
			return bytes.HasPrefix(h, []byte("PK\x03\x04")) || bytes.HasPrefix(h, oleMagic)
		},
		Read:   readDocx,
		Limits: []string{"--max-file-size", "--max-text-size", "--max-docx-uncompressed", "--max-docx-entries", "--max-xml-depth"},
	},
	{
		Name: "html", Extensions: []string{".html", ".htm", ".xhtml"},
		Guess:     looksLikeHTML,
		Read:      readHTML,
		TextSized: true,
		Limits:    []string{"--max-text-size"},
	},
	{
		Name: "pdf", Extensions: []string{".pdf"},
		Magic:  func(h []byte) bool { return bytes.HasPrefix(h, []byte("%PDF-")) },
		Read:   readPDF,
		Limits: []string{"--max-file-size", "--max-text-size", "--max-pdf-output", "--pdf-timeout"},
	},
}

// FormatNames returns the --input-format values, sorted.
func FormatNames() []string {
	var names []string
	for _, f := range Formats {
		names = append(names, f.Name)
	}
	slices.Sort(names)
	return names
}

// FormatByName returns the format called name, or nil.
func FormatByName(name string) *Format {
	for _, f := range Formats {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// Extensions are the file types a folder walk picks up: every format's.
var Extensions = func() []string {
	var exts []string
	for _, f := range Formats {
		exts = append(exts, f.Extensions...)
	}
	return exts
}()

// sniffLen is how much of a file detection looks at.
const sniffLen = 1024

// Detect chooses the format of a file from its name and its first bytes:
// a format whose magic bytes the content has, else the one the extension
// names, else one whose guess the content fits, else text.
func Detect(path string, head []byte) *Format {
	head = head[:min(len(head), sniffLen)]
	for _, f := range Formats {
		if f.Magic != nil && f.Magic(head) {
			return f
		}
	}
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range Formats {
		if slices.Contains(f.Extensions, ext) {
			return f
		}
	}
	for _, f := range Formats {
		if f.Guess != nil && f.Guess(head) {
			return f
		}
	}
	return FormatByName("text")
}

// oleMagic opens an OLE compound file.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

func looksLikeHTML(head []byte) bool {
	head = bytes.ToLower(head[:min(len(head), 512)])
	return bytes.Contains(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<html"))
}

// Limits bound what reading one file may cost. Peak memory for one file
// is about its size plus a small multiple of its text view (README,
// "Limits").
type Limits struct {
	// MaxFileSize is the largest file read, in bytes (--max-file-size):
	// the file is held in memory while it is read.
	MaxFileSize int64
	// MaxTextSize is the largest text view checked, in bytes
	// (--max-text-size): what every later stage's memory is a multiple
	// of. Text, Markdown and HTML files larger than it are refused by
	// their size; an HTML file may hold one tag per HTMLTagBytes of it.
	MaxTextSize int64
	// MaxUncompressed caps the bytes inflated from a .docx's parts.
	MaxUncompressed int64
	// MaxZipEntries caps a .docx's zip entries.
	MaxZipEntries int
	// MaxXMLDepth caps XML nesting in a .docx (at most MaxXMLDepthCap).
	MaxXMLDepth int
	// PDFTimeout bounds one pdftotext run; the whole process group is
	// killed when it expires.
	PDFTimeout time.Duration
	// MaxPDFOutput caps what pdftotext may write for one file.
	MaxPDFOutput int64
	// Revisions reads .docx tracked changes "accepted" or "original".
	Revisions string
	// Format, if set, reads every file in this format (--input-format).
	Format string
}

// HTMLTagBytes: an HTML file may hold one tag per this many bytes of
// MaxTextSize. Each element costs about 130 bytes of parsed tree
// (measured: 20 MB of "<i>a</i>" took 668 MB), so 16 keeps the tree of
// the largest HTML file near 8 times MaxTextSize.
const HTMLTagBytes = 16

// ResolutionBytes: a document may hold one reference to a resolution,
// decision or document per this many bytes of MaxTextSize. Each costs a
// few hundred bytes until the document is reported: a text of nothing but
// bare symbols, one every 13 bytes, held 1.1 GB for 12.6 MB. 40 keeps the
// densest text measured, a reference every 42 bytes, under the limit.
const ResolutionBytes = 40

// MaxXMLDepthCap is the deepest --max-xml-depth accepted: the .docx
// reader recurses once per level (docx.MaxDepthCap).
const MaxXMLDepthCap = docx.MaxDepthCap

// DefaultLimits returns the default limits.
func DefaultLimits() Limits {
	d := docx.DefaultOptions()
	return Limits{
		MaxFileSize:     64 << 20,
		MaxTextSize:     16 << 20,
		MaxUncompressed: d.MaxUncompressed,
		MaxZipEntries:   d.MaxEntries,
		MaxXMLDepth:     d.MaxDepth,
		PDFTimeout:      time.Minute,
		MaxPDFOutput:    pdftext.DefaultMaxOutput,
		Revisions:       docx.RevisionsAccepted,
	}
}

// withDefaults fills zero limits with the defaults.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxFileSize <= 0 {
		l.MaxFileSize = d.MaxFileSize
	}
	if l.MaxTextSize <= 0 {
		l.MaxTextSize = d.MaxTextSize
	}
	if l.MaxUncompressed <= 0 {
		l.MaxUncompressed = d.MaxUncompressed
	}
	if l.MaxZipEntries <= 0 {
		l.MaxZipEntries = d.MaxZipEntries
	}
	if l.MaxXMLDepth <= 0 {
		l.MaxXMLDepth = d.MaxXMLDepth
	}
	if l.PDFTimeout <= 0 {
		l.PDFTimeout = d.PDFTimeout
	}
	if l.MaxPDFOutput <= 0 {
		l.MaxPDFOutput = d.MaxPDFOutput
	}
	if l.Revisions == "" {
		l.Revisions = d.Revisions
	}
	return l
}

// Validate reports limits that cannot be used, naming the flag.
func (l *Limits) Validate() error {
	switch {
	case l.Format != "" && FormatByName(l.Format) == nil:
		return fmt.Errorf("invalid --input-format %q (expected one of %s)", l.Format, quoteAll(FormatNames()))
	case l.Revisions != docx.RevisionsAccepted && l.Revisions != docx.RevisionsOriginal:
		return fmt.Errorf("invalid --revisions %q (expected one of \"accepted\", \"original\")", l.Revisions)
	case l.MaxXMLDepth > MaxXMLDepthCap:
		return fmt.Errorf("invalid --max-xml-depth %d (at most %d)", l.MaxXMLDepth, MaxXMLDepthCap)
	case l.MaxFileSize <= 0 || l.MaxTextSize <= 0 || l.MaxUncompressed <= 0 || l.MaxZipEntries <= 0 ||
		l.MaxXMLDepth <= 0 || l.PDFTimeout <= 0 || l.MaxPDFOutput <= 0:
		return errors.New("the --max-* limits and --pdf-timeout must be positive")
	}
	return nil
}

func quoteAll(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

// LimitError reports a file refused by one of the Limits.
type LimitError struct {
	// What was too large: "file", "text", "HTML tags".
	What string
	// Size is how large it was (0: not known, only that it was over).
	Size int64
	// Limit is the limit; Bytes says it is in bytes (else a count).
	Limit int64
	Bytes bool
	// Flag raises the limit.
	Flag string
}

func (e *LimitError) Error() string {
	size := func(n int64) string {
		if e.Bytes {
			return docx.FormatBytes(n)
		}
		return fmt.Sprint(n)
	}
	if e.Size > 0 {
		return fmt.Sprintf("%s of %s exceeds the limit of %s (%s)", e.What, size(e.Size), size(e.Limit), e.Flag)
	}
	return fmt.Sprintf("%s exceeds the limit of %s (%s)", e.What, size(e.Limit), e.Flag)
}

// readPlain reads plain text and Markdown: the file is its own view.
func readPlain(path string, data []byte, _ *Limits) (*Loaded, error) { return ReadText(path, data) }

func readDocx(path string, data []byte, lim *Limits) (*Loaded, error) {
	v, err := docx.Read(bytes.NewReader(data), int64(len(data)), docx.Options{
		MaxFileSize: lim.MaxFileSize, MaxUncompressed: lim.MaxUncompressed, MaxText: lim.MaxTextSize,
		MaxEntries: lim.MaxZipEntries, MaxDepth: lim.MaxXMLDepth, Revisions: lim.Revisions})
	if err != nil {
		return nil, LimitFlag(err)
	}
	return viewLoaded(path, v, lim)
}

// LimitFlag names, in a .docx reader's limit error, the flag that raises
// the limit.
func LimitFlag(err error) error {
	var le *docx.LimitError
	if errors.As(err, &le) {
		switch le.What {
		case "file size":
			le.Flag = "--max-file-size"
		case "uncompressed size":
			le.Flag = "--max-docx-uncompressed"
		case "number of zip entries":
			le.Flag = "--max-docx-entries"
		case "XML token size":
			le.Flag = "--max-text-size"
		default:
			if strings.HasPrefix(le.What, "text view size") {
				le.Flag = "--max-text-size"
			}
		}
		return err
	}
	var de *docx.DepthError
	if errors.As(err, &de) {
		return fmt.Errorf("%w (--max-xml-depth)", err)
	}
	return err
}

func readHTML(path string, data []byte, lim *Limits) (*Loaded, error) {
	maxTags := lim.MaxTextSize / HTMLTagBytes
	if n := int64(bytes.Count(data, []byte("<"))); n > maxTags {
		return nil, &LimitError{What: "HTML with " + fmt.Sprint(n) + " tags", Limit: maxTags, Flag: "--max-text-size"}
	}
	v, err := htmltext.Read(bytes.NewReader(data), htmltext.Options{MaxSize: lim.MaxTextSize})
	if err != nil {
		var le *docx.LimitError
		if errors.As(err, &le) {
			le.Flag = "--max-text-size"
		}
		return nil, err
	}
	return viewLoaded(path, v, lim)
}

func readPDF(path string, data []byte, lim *Limits) (*Loaded, error) {
	ctx, cancel := context.WithTimeout(context.Background(), lim.PDFTimeout)
	defer cancel()
	v, err := pdftext.Read(ctx, data, pdftext.Options{Timeout: lim.PDFTimeout, MaxOutput: lim.MaxPDFOutput})
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(v.Text) == "" {
		return nil, errors.New("the PDF has no text layer (a scanned image?)")
	}
	return viewLoaded(path, v, lim)
}

// viewLoaded makes a Loaded of a reader's view: its text, where each of
// its lines comes from (the paragraphs of a .docx or HTML file, the pages
// of a PDF), its notes as the document shows them, and its comments.
func viewLoaded(path string, v *docx.View, lim *Limits) (*Loaded, error) {
	if strings.TrimSpace(v.Text) == "" {
		// Blank pages and templates: read, with nothing to check.
		return nil, ErrNoText
	}
	if n := int64(len(v.Text)); n > lim.MaxTextSize {
		return nil, &LimitError{What: "text", Size: n, Limit: lim.MaxTextSize, Bytes: true, Flag: "--max-text-size"}
	}
	f, err := source.New(path, []byte(v.Text))
	if err != nil {
		return nil, err
	}
	notes := map[string]string{}
	starts := f.LineStarts()
	for _, p := range v.Paragraphs {
		if p.Part != "footnote" && p.Part != "endnote" || p.Line < 1 || p.Line > len(starts) {
			continue
		}
		// The paragraph starts "[^label]: ". (Its line is found in the
		// file's index: scanning the text from its start for each note
		// made a document of many notes quadratic, 5.7 s for 16,000.)
		line := f.Text[starts[p.Line-1]:]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		if rest, ok := bytes.CutPrefix(line, []byte("[^")); ok {
			if label, _, ok := bytes.Cut(rest, []byte("]: ")); ok {
				notes[string(label)] = p.Label
			}
		}
	}
	var comments []Comment
	for _, c := range v.Comments {
		comments = append(comments, Comment{Start: c.Start, End: c.End, Text: c.Text})
	}
	return &Loaded{File: f, Locate: func(line int) string { return v.Locate(line).Label }, Notes: notes, Comments: comments}, nil
}
