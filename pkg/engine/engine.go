// Package engine runs citecheck over inputs: it expands paths, reads each
// file in its format, builds the document model, extracts references, runs
// the checks, and hands each file's findings to the caller in path order,
// with a bounded number of files in flight so memory stays flat however
// many files there are. It never prints.
package engine

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/citecheck/citecheck/pkg/baseline"
	"github.com/citecheck/citecheck/pkg/check"
	"github.com/citecheck/citecheck/pkg/config"
	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/extract"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/render"
	"github.com/citecheck/citecheck/pkg/source"
)

// Options configure an Engine.
type Options struct {
	// Registry holds the treaties, resolutions and decisions.
	Registry *registry.Registry
	// Checks to run; nil means check.All().
	Checks []check.Check
	// Config sets rule levels per path (nil: defaults).
	Config *config.Config
	// Baseline holds known findings, which are not reported (nil: none).
	Baseline *baseline.Baseline
	// Keep, when set, drops the findings it returns false for, after the
	// configuration, suppressions and baseline (check --new-from-rev keeps
	// those on lines changed since a revision).
	Keep func(d *diag.Diagnostic) bool
	// Jobs is the number of files checked at once; 0 means twice the
	// number of cores.
	Jobs int
	// Stdin is read for the input "-"; StdinName names it in output.
	Stdin     io.Reader
	StdinName string
	// Limits bound what reading one file may cost; zero fields take
	// their defaults (DefaultLimits). Limits.Format forces a format.
	Limits Limits
	// Reader, if set, reads every file instead of the format table
	// (tests).
	Reader Reader
	// ReuseBuffers lets Run read later files into the buffers of plain-text
	// files already reported: a FileReport, its Source and its Refs are
	// then valid only until emit returns. (Allocating and zeroing a new
	// buffer for every file was a few percent of a run.)
	ReuseBuffers bool
}

// Loaded is a file read into its text view.
type Loaded struct {
	File *source.File
	// buf is the pooled buffer File.Text lies in, if any.
	buf *[]byte
	// Locate names the place in the original document that a line of the
	// text view comes from ("paragraph 12", "footnote 3"), for formats
	// such as .docx where the view's line numbers mean little to the
	// reader. nil for plain text.
	Locate func(line int) string
	// Notes names the notes of the text view as the document shows them,
	// by their label in the view: "e1" → "endnote i", "3" → "footnote 3".
	// nil for plain text, whose labels are what the reader sees.
	Notes map[string]string
	// Comments are the document's comments that may suppress findings
	// (Word comments reading "citecheck-ignore RULE: reason").
	Comments []Comment
}

// Comment is a comment of the original document anchored on the bytes
// [Start, End) of the text view.
type Comment struct {
	Start, End int
	Text       string
}

// Reader turns a file's bytes into its text view.
type Reader func(path string, data []byte) (*Loaded, error)

// ErrNoText is returned by a Reader for a file that was read but holds no
// text (an empty or blank file, a .docx of blank pages). It is a notice,
// not a failure: the file is reported as holding no text and counts as
// checked, not as unreadable.
var ErrNoText = errors.New("holds no text")

// ReadText reads plain text and Markdown.
func ReadText(path string, data []byte) (*Loaded, error) {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))) == 0 {
		return nil, ErrNoText
	}
	f, err := source.New(path, data)
	if err != nil {
		return nil, err
	}
	return &Loaded{File: f}, nil
}

// Engine checks documents. It is safe for concurrent use.
type Engine struct {
	opts  Options
	x     *extract.Extractor
	rules []string
	// optIn are the rules that report nothing unless configured.
	optIn map[string]bool
}

// New makes an Engine.
func New(opts Options) *Engine {
	if opts.Checks == nil {
		opts.Checks = check.All()
	}
	if opts.Jobs <= 0 {
		// Twice the cores: while one worker waits on a file read, another
		// checks. Measured on 2 cores over 9,780 files: -j 4 takes 0.95 s
		// where -j 2 takes 1.21 s, with the same output.
		opts.Jobs = 2 * runtime.GOMAXPROCS(0)
	}
	if opts.StdinName == "" {
		opts.StdinName = "-"
	}
	opts.Limits = opts.Limits.withDefaults()
	e := &Engine{opts: opts, x: extract.New(opts.Registry)}
	e.x.MaxResolutions(int(opts.Limits.MaxTextSize / ResolutionBytes))
	for _, c := range opts.Checks {
		e.rules = append(e.rules, c.ID())
		if check.IsOptIn(c) {
			if e.optIn == nil {
				e.optIn = map[string]bool{}
			}
			e.optIn[c.ID()] = true
		}
	}
	return e
}

// RuleInfos documents every rule the engine can report — the checks' and
// the suppression rule — sorted by ID, for the output formats that list
// rules (SARIF).
func RuleInfos(checks []check.Check) []render.RuleInfo {
	var out []render.RuleInfo
	for _, c := range checks {
		out = append(out, render.RuleInfo{ID: c.ID(), Severity: c.DefaultSeverity(), Short: c.Doc(), Long: c.Explain(),
			HelpURI: "https://github.com/citecheck/citecheck#rule-" + c.ID()})
	}
	out = append(out, render.RuleInfo{ID: SuppressionRule, Severity: diag.Warning,
		Short:   "A citecheck suppression comment has no reason, names an unknown rule, or suppresses nothing.",
		Long:    "A suppression comment with no reason, naming an unknown rule, or suppressing nothing. Give the reason after a colon (`<!-- citecheck-disable-next-line treaty-year: quoted verbatim -->`), name a rule `citecheck rules` lists, or remove the comment.",
		HelpURI: "https://github.com/citecheck/citecheck#suppressions"})
	slices.SortFunc(out, func(a, b render.RuleInfo) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// RuleIDs returns the IDs of every rule the engine can report, sorted:
// the checks' and the suppression rule's.
func RuleIDs(checks []check.Check) []string {
	ids := []string{SuppressionRule}
	for _, c := range checks {
		ids = append(ids, c.ID())
	}
	slices.Sort(ids)
	return ids
}

// Extractor returns the engine's extractor.
func (e *Engine) Extractor() *extract.Extractor { return e.x }

// Input is one file to check: a path, or "-" for standard input.
type Input struct {
	// Path is the file's path as the user will see it.
	Path string
	// Err is set when the input could not be listed (an unreadable
	// directory entry); the file is then reported as unreadable.
	Err error
}

// Expand turns command-line arguments into inputs: files as given,
// directories walked recursively for files with one of Extensions (hidden
// entries skipped), "-" for standard input. The result is sorted by path,
// each path once.
//
// Symbolic links named on the command line are followed, to a file or a
// folder, as rg and git do; inside a walk none is followed (so a link
// cannot make the walk loop), and nothing but regular files is listed:
// a named pipe in a folder would block the run.
func Expand(args []string) []Input { return ExpandConfig(args, nil) }

// ExpandConfig is Expand with the configuration's include and exclude
// globs applied: a folder walk keeps only included files; a file named on
// the command line is dropped only when excluded.
func ExpandConfig(args []string, cfg *config.Config) []Input {
	var out []Input
	for _, a := range args {
		if a == "-" {
			out = append(out, Input{Path: "-"})
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			out = append(out, Input{Path: filepath.ToSlash(a), Err: err})
			continue
		}
		if !st.IsDir() {
			if cfg == nil || !cfg.Excluded(a) {
				out = append(out, Input{Path: filepath.ToSlash(a)})
			}
			continue
		}
		out = append(out, walk(a, cfg)...)
	}
	// One total order whatever the order of the arguments, each file once.
	slices.SortStableFunc(out, func(a, b Input) int { return strings.Compare(a.Path, b.Path) })
	return slices.CompactFunc(out, func(a, b Input) bool { return a.Path == b.Path })
}

// walk lists the files of folder dir to check. When dir is itself a
// symbolic link (the user named it), its target is walked and the paths
// are shown under the name given.
func walk(dir string, cfg *config.Config) []Input {
	root := dir
	if lst, err := os.Lstat(dir); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		if target, err := filepath.EvalSymlinks(dir); err == nil {
			root = target
		}
	}
	shown := func(p string) string {
		if root == dir {
			return p
		}
		if p == root {
			return dir
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return p
		}
		return filepath.Join(dir, rel)
	}
	var files []Input
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		top := p == root
		p = shown(p)
		if err != nil {
			files = append(files, Input{Path: filepath.ToSlash(p), Err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if !top && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if !top && cfg != nil && cfg.Excluded(p) {
				return fs.SkipDir
			}
			return nil
		}
		// Symbolic links, named pipes, devices, sockets: not followed,
		// not read.
		if !d.Type().IsRegular() {
			return nil
		}
		if cfg != nil && !cfg.Included(p) {
			return nil
		}
		if slices.Contains(Extensions, strings.ToLower(filepath.Ext(name))) {
			files = append(files, Input{Path: filepath.ToSlash(p)})
		}
		return nil
	})
	return files
}

// FileReport is what checking one file produced.
type FileReport struct {
	render.FileResult
	// Refs are the references extracted (nil for unreadable files).
	Refs *extract.Result
	// buf is the pooled buffer the file was read into (ReuseBuffers).
	buf *[]byte
	// share is the file's share of Run's budget, given back once
	// reported.
	share *fileShare
}

// fileShare is what one input holds of Run's budget.
type fileShare struct {
	b *budget
	i int   // the input's index
	n int64 // bytes taken
}

// bufPool holds read buffers for ReuseBuffers: most files of an archive
// are drafts of a few tens of KB.
var bufPool sync.Pool

const (
	pooledMin = 64 << 10 // a pooled buffer holds at least this much
	pooledMax = 1 << 20  // larger files get a buffer of their own
)

// pooledBuf returns a buffer of n bytes from the pool (contents
// undefined), and the pool entry to give back.
func pooledBuf(n int) ([]byte, *[]byte) {
	if n > pooledMax {
		return make([]byte, n), nil
	}
	if p, _ := bufPool.Get().(*[]byte); p != nil && cap(*p) >= n {
		return (*p)[:n], p
	}
	b := make([]byte, n, max(n, pooledMin))
	return b, &b
}

// Load reads one input and parses it into a document.
func (e *Engine) Load(in Input) (*Loaded, *document.Document, error) {
	return e.load(in, nil)
}

// load is Load; reserve, if not nil, is told the size of the file once
// it is known to be within the limits, before it is read (Run's budget).
func (e *Engine) load(in Input, reserve func(path string, size int64, head func() []byte)) (*Loaded, *document.Document, error) {
	if in.Err != nil {
		return nil, nil, in.Err
	}
	check := e.checkSize
	if reserve != nil {
		check = func(path string, size int64, head func() []byte) error {
			if err := e.checkSize(path, size, head); err != nil {
				return err
			}
			reserve(path, size, head)
			return nil
		}
	}
	var data []byte
	var err error
	var pooled *[]byte
	path := in.Path
	lim := &e.opts.Limits
	if path == "-" {
		path = e.opts.StdinName
		if e.opts.Stdin == nil {
			return nil, nil, errors.New("no standard input")
		}
		data, err = e.readStdin(path)
		if err == nil {
			err = check(path, int64(len(data)), func() []byte { return data })
		}
	} else {
		alloc := func(n int) []byte { return make([]byte, n) }
		if e.opts.ReuseBuffers {
			alloc = func(n int) []byte {
				var b []byte
				b, pooled = pooledBuf(n)
				return b
			}
		}
		data, err = readFile(in.Path, check, lim.MaxFileSize, alloc)
	}
	if err != nil {
		return nil, nil, err
	}
	l, err := e.read(path, data)
	if err != nil {
		return nil, nil, err
	}
	// Only a plain-text view lies in the buffer (its end is the file's);
	// other formats' views are built apart and may keep who knows what.
	if pooled != nil && len(data) > 0 && len(l.File.Text) > 0 && &data[len(data)-1] == &l.File.Text[len(l.File.Text)-1] {
		l.buf = pooled
	}
	return l, e.Parse(l.File), nil
}

// Parse builds the document model of f as the engine reads it: a word of a
// registered title that a converter hyphenated at a line's end is joined
// (document.Options.Word). Callers of CheckDoc parse with it.
func (e *Engine) Parse(f *source.File) *document.Document {
	return document.ParseOptions(f, document.Options{Word: e.x.TitleWord})
}

// read turns a file's bytes into its text view: Options.Reader, else the
// reader of its format.
func (e *Engine) read(path string, data []byte) (*Loaded, error) {
	if e.opts.Reader != nil {
		return e.opts.Reader(path, data)
	}
	return e.detect(path, data).Read(path, data, &e.opts.Limits)
}

// detect chooses the format of a file: --input-format, else by its name
// and first bytes.
func (e *Engine) detect(path string, head []byte) *Format {
	if f := FormatByName(e.opts.Limits.Format); f != nil {
		return f
	}
	return Detect(path, head)
}

// readStdin reads standard input, named path, up to the limit its format
// has: its first bytes tell the format, and text is read no further than
// --max-text-size allows (it was read to --max-file-size first, 64 MiB
// held to refuse 17). A standard input over its limit is refused, its size
// unknown.
func (e *Engine) readStdin(path string) ([]byte, error) {
	lim := &e.opts.Limits
	head, err := io.ReadAll(io.LimitReader(e.opts.Stdin, 4096))
	if err != nil {
		return nil, err
	}
	limit, flag := lim.MaxFileSize, "--max-file-size"
	if lim.MaxTextSize < limit && e.detect(path, head).TextSized {
		limit, flag = lim.MaxTextSize, "--max-text-size"
	}
	data := head
	if int64(len(head)) == 4096 {
		rest, err := io.ReadAll(io.LimitReader(e.opts.Stdin, limit+1-int64(len(head))))
		if err != nil {
			return nil, err
		}
		data = append(head, rest...)
	}
	if int64(len(data)) > limit {
		return nil, &LimitError{What: "standard input", Limit: limit, Bytes: true, Flag: flag}
	}
	return data, nil
}

// checkSize refuses a file by its size, before it is read: larger than
// --max-file-size, or, for formats whose text view is the size of the
// file, larger than --max-text-size. head returns the file's first bytes
// (read only when the format matters).
func (e *Engine) checkSize(path string, size int64, head func() []byte) error {
	lim := &e.opts.Limits
	if size > lim.MaxFileSize {
		return &LimitError{What: "file", Size: size, Limit: lim.MaxFileSize, Bytes: true, Flag: "--max-file-size"}
	}
	if size > lim.MaxTextSize && e.detect(path, head()).TextSized {
		return &LimitError{What: "file", Size: size, Limit: lim.MaxTextSize, Bytes: true, Flag: "--max-text-size"}
	}
	return nil
}

// sizeCheck is Engine.checkSize: it refuses a file of this size (head
// gives its first bytes).
type sizeCheck func(path string, size int64, head func() []byte) error

// readFileOS reads a file through package os (the portable path). Only
// regular files are read: a named pipe would block, and a device has no
// end.
func readFileOS(path string, check sizeCheck, limit int64) ([]byte, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return nil, notRegular(st.Mode())
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, notRegular(st.Mode())
	}
	if n := st.Size(); n > 0 {
		if err := check(path, n, func() []byte { return readHead(fh) }); err != nil {
			return nil, err
		}
		// One allocation of the right size; ReadFull stops at EOF.
		buf := make([]byte, n)
		m, err := io.ReadFull(fh, buf)
		if err != nil && err != io.ErrUnexpectedEOF {
			return nil, err
		}
		return buf[:m], nil
	}
	// A regular file that says it is empty may not be (/proc): read it
	// to the limit.
	data, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err != nil {
		return nil, err
	}
	return data, check(path, int64(len(data)), func() []byte { return data })
}

// readHead reads the first bytes of a file, for its format.
func readHead(r io.ReaderAt) []byte {
	head := make([]byte, sniffLen)
	n, _ := r.ReadAt(head, 0)
	return head[:n]
}

// notRegular says what a file that is not a regular file is.
func notRegular(m fs.FileMode) error {
	what := "not a regular file"
	switch {
	case m.IsDir():
		return errors.New("is a directory")
	case m&fs.ModeNamedPipe != 0:
		what += " (a named pipe)"
	case m&fs.ModeCharDevice != 0:
		what += " (a character device)"
	case m&fs.ModeDevice != 0:
		what += " (a device)"
	case m&fs.ModeSocket != 0:
		what += " (a socket)"
	}
	return errors.New(what)
}

// CheckDoc extracts and checks one parsed document, then applies the
// configuration's rule levels, the document's suppression comments and the
// baseline. A document with more references to resolutions than the text
// limit allows (ResolutionBytes) is not checked: no findings, and the
// result's TooManyResolutions says why.
func (e *Engine) CheckDoc(f *source.File, d *document.Document) ([]diag.Diagnostic, *extract.Result) {
	return e.checkDoc(f, d, nil)
}

// checkDoc is CheckDoc with the document's Word comments, which may
// suppress findings.
func (e *Engine) checkDoc(f *source.File, d *document.Document, comments []Comment) ([]diag.Diagnostic, *extract.Result) {
	refs := e.x.Extract(d)
	if refs.TooManyResolutions {
		return nil, refs // refused (tooManyRefs): not checked in part
	}
	manual := ""
	if e.opts.Config != nil {
		manual = e.opts.Config.EditorialManual
	}
	ds := check.Run(&check.Context{File: f, Doc: d, Refs: refs, Registry: e.opts.Registry, Manual: manual}, e.opts.Checks)
	ds = applySuppressions(f, ds, e.rules)
	ds = applyComments(f, ds, comments, e.rules)
	c := e.opts.Config
	out := ds[:0]
	for _, dg := range ds {
		l, ok := config.Level{}, false
		if c != nil {
			l, ok = c.LevelFor(dg.Rule, f.Path)
		}
		switch {
		case ok && l.Off:
			continue
		case ok:
			dg.Severity = l.Severity
		case e.optIn[dg.Rule]:
			// Off unless the configuration sets a level.
			continue
		}
		out = append(out, dg)
	}
	ds = out
	ds = e.opts.Baseline.Filter(ds)
	if e.opts.Keep != nil {
		ds = slices.DeleteFunc(ds, func(d diag.Diagnostic) bool { return !e.opts.Keep(&d) })
	}
	return ds, refs
}

// CheckOne reads and checks one input.
func (e *Engine) CheckOne(in Input) *FileReport { return e.checkOne(in, nil) }

// checkOne is CheckOne; share, if not nil, holds the file's share of
// Run's budget: it is taken when the file's size is known, before it is
// read, and resized to its text view once read.
func (e *Engine) checkOne(in Input, share *fileShare) (r *FileReport) {
	r = &FileReport{share: share}
	r.Path = in.Path
	if in.Path == "-" {
		r.Path = e.opts.StdinName
	}
	defer internalError(r)
	var reserve func(string, int64, func() []byte)
	if share != nil {
		reserve = func(path string, size int64, _ func() []byte) {
			// By the name alone, which costs no read: the view of a
			// .docx or PDF is known only once read, so it takes the
			// largest allowed until then. (A .docx named .txt takes
			// its size, and the rest once read.)
			if !e.detect(path, nil).TextSized {
				size = e.opts.Limits.MaxTextSize
			}
			share.n = share.b.take(share.i, size)
		}
	}
	l, d, err := e.load(in, reserve)
	if errors.Is(err, ErrNoText) {
		r.Notice = ErrNoText.Error()
		return r
	}
	if err != nil {
		r.Err = cleanErr(err)
		return r
	}
	if share != nil {
		share.n = share.b.resize(share.n, int64(len(l.File.Text)))
	}
	r.Source = l.File
	r.buf = l.buf
	r.Diagnostics, r.Refs = e.checkDoc(l.File, d, l.Comments)
	if e.tooManyRefs(r) {
		return r
	}
	located(l, r.Diagnostics)
	return r
}

// tooManyRefs reports, as r's error, a document whose references to
// resolutions are more than the text limit allows (ResolutionBytes).
func (e *Engine) tooManyRefs(r *FileReport) bool {
	if r.Refs == nil || !r.Refs.TooManyResolutions {
		return false
	}
	r.Err = &LimitError{What: fmt.Sprintf("the number of references to resolutions and documents (one per %d bytes of the text limit)", ResolutionBytes), Limit: e.opts.Limits.MaxTextSize / ResolutionBytes, Flag: "--max-text-size"}
	r.Diagnostics, r.Refs = nil, nil
	return true
}

// CheckData checks data as the content of the file at path, without
// reading the file: citecheck check --fix uses it to check a fixed file
// before (and instead of) reading it back.
func (e *Engine) CheckData(path string, data []byte) (r *FileReport) {
	r = &FileReport{}
	r.Path = path
	defer internalError(r)
	l, err := e.read(path, data)
	if err != nil {
		r.Err = cleanErr(err)
		return r
	}
	r.Source = l.File
	r.Diagnostics, r.Refs = e.checkDoc(l.File, e.Parse(l.File), l.Comments)
	if e.tooManyRefs(r) {
		return r
	}
	located(l, r.Diagnostics)
	return r
}

// located words findings on a document read into a text view (.docx,
// HTML) as the document shows them: the place and the words around it
// (Context), and in messages, notes by the mark the reader sees
// ("endnote i", not the view's "footnote e1") and places by paragraph,
// not by a line of the view.
func located(l *Loaded, ds []diag.Diagnostic) {
	if l.Locate == nil {
		return
	}
	for i := range ds {
		ds[i].Context = quoteContext(l, ds[i])
		ds[i].Message = wordMessage(l, ds[i].Message)
	}
}

// Compiled on first use: only findings in .docx and HTML are reworded.
var (
	noteWordRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\bfootnote( indicator)? ([^\s,;:()]+)`) })
	lineWordRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\bat line (\d+)\b`) })
)

// wordMessage rewrites a message's note labels and view lines.
func wordMessage(l *Loaded, msg string) string {
	if l.Notes != nil && strings.Contains(msg, "footnote") {
		msg = noteWordRE().ReplaceAllStringFunc(msg, func(m string) string {
			sub := noteWordRE().FindStringSubmatch(m)
			name, ok := l.Notes[sub[2]]
			if !ok {
				return m
			}
			kind, shown, _ := strings.Cut(name, " ")
			return kind + sub[1] + " " + shown
		})
	}
	if strings.Contains(msg, "at line ") {
		msg = lineWordRE().ReplaceAllStringFunc(msg, func(m string) string {
			n, err := strconv.Atoi(m[len("at line "):])
			if err != nil {
				return m
			}
			if where := l.Locate(n); where != "" {
				return "in " + where
			}
			return m
		})
	}
	return msg
}

// quoteContext says where a finding is in the original document and quotes
// the words around it, so that it can be found with the word processor's
// search: `paragraph 4: "…Narcotic Drugs of 1954 as amended…"`.
func quoteContext(l *Loaded, d diag.Diagnostic) string {
	where := l.Locate(d.Span.Start.Line)
	text := l.File.Text
	start, end := d.Span.Start.Offset, d.Span.End.Offset
	if start < 0 || end > len(text) || start > end {
		return where
	}
	from := wordBoundary(text, start, -30)
	to := wordBoundary(text, end, 30)
	q := strings.Join(strings.Fields(markerRE().ReplaceAllString(string(text[from:to]), "")), " ")
	// A note's paragraph opens "[^N]: ": the quote starts at its text.
	q = strings.TrimPrefix(q, ": ")
	if where == "" {
		return fmt.Sprintf("%q", q)
	}
	return fmt.Sprintf("%s: %q", where, q)
}

// wordBoundary moves about n bytes from off (back when n < 0) without
// crossing a line break, and stops at a space so words stay whole: going
// back, at the start of a word; going forward, at the space after one
// (an exclusive end). Either way it stops on a rune boundary.
func wordBoundary(text []byte, off, n int) int {
	i := off
	if n < 0 {
		for steps := 0; i > 0 && text[i-1] != '\n'; steps++ {
			if steps >= -n && text[i-1] == ' ' {
				break
			}
			i--
		}
		return i
	}
	for steps := 0; i < len(text) && text[i] != '\n'; steps++ {
		if steps >= n && text[i] == ' ' {
			break
		}
		i++
	}
	return i
}

// markerRE matches footnote markers of the text view ("[^3]", or a piece
// of one cut by the quote).
var markerRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[\^[^\]\s]*\]?`) })

// InternalError is a file's error when checking it hit a bug in
// citecheck (a panic): that file is reported as not checked, with what
// to send, and the run goes on with the other files.
type InternalError struct {
	Panic any
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("internal error, this file was not checked (%v); this is a citecheck bug: please report it with the file and `citecheck version`", e.Panic)
}

// internalError, deferred, turns a panic while checking the file of r into
// r's error, so that one document cannot end a run of thousands. Set
// CITECHECK_PANIC=1 to let the panic through, with its stack.
func internalError(r *FileReport) {
	if os.Getenv("CITECHECK_PANIC") != "" {
		return
	}
	p := recover()
	if p == nil {
		return
	}
	r.Err = &InternalError{Panic: p}
	r.Notice, r.Source, r.Diagnostics, r.Refs = "", nil, nil, nil
}

// cleanErr drops the path that os errors repeat ("open x: no such file").
func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Summary totals a run.
type Summary = render.Summary

// Run checks inputs with Jobs workers and calls emit for each file in input
// order. At most a few files per worker are held at once. It stops at the
// first error emit returns, or when ctx is done.
func (e *Engine) Run(ctx context.Context, inputs []Input, emit func(*FileReport) error) (Summary, error) {
	start := time.Now()
	sum := Summary{ByRule: map[string]int{}}
	if e.opts.Jobs == 1 || len(inputs) <= 1 {
		err := e.runInline(ctx, inputs, emit, &sum)
		sum.Elapsed = time.Since(start)
		return sum, err
	}
	window := 4 * e.opts.Jobs
	slots := make([]chan *FileReport, window)
	for i := range slots {
		slots[i] = make(chan *FileReport, 1)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	idx := make(chan int)
	sem := make(chan struct{}, window)
	// The text in flight is bounded by Jobs files of the largest size
	// (README, "Limits"), however many are waiting to be reported.
	bud := newBudget(int64(e.opts.Jobs) * e.opts.Limits.MaxTextSize)
	defer bud.close()
	go func() {
		defer close(idx)
		for i := range inputs {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case idx <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for w := 0; w < e.opts.Jobs; w++ {
		go func() {
			for i := range idx {
				select {
				case slots[i%window] <- e.checkOne(inputs[i], &fileShare{b: bud, i: i}):
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	var err error
	for i := range inputs {
		var r *FileReport
		select {
		case r = <-slots[i%window]:
		case <-ctx.Done():
			return sum, ctx.Err()
		}
		if err = report(&sum, r, emit); err != nil {
			return sum, err
		}
		bud.done(i, r.share.n)
		<-sem
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// runInline is Run with one worker, or for one input: the calling
// goroutine reads, checks and reports each file in turn. Handing each file
// to a worker goroutine and its report back woke a thread about twice per
// file (24,000 context switches over 100 MB at -j1, 1.42 s of CPU against
// 1.11 s at -j4), for no overlap: one worker reads and checks in turn
// anyway, and reporting is cheap.
func (e *Engine) runInline(ctx context.Context, inputs []Input, emit func(*FileReport) error, sum *Summary) error {
	bud := newBudget(int64(e.opts.Jobs) * e.opts.Limits.MaxTextSize)
	defer bud.close()
	for i := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		r := e.checkOne(inputs[i], &fileShare{b: bud, i: i})
		if err := report(sum, r, emit); err != nil {
			return err
		}
		bud.done(i, r.share.n)
	}
	return nil
}

// report adds r to the summary, hands it to emit, and gives its buffer
// back.
func report(sum *Summary, r *FileReport, emit func(*FileReport) error) error {
	sum.Add(&r.FileResult)
	if err := emit(r); err != nil {
		return err
	}
	if r.buf != nil {
		bufPool.Put(r.buf)
	}
	return nil
}
