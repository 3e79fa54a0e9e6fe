package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/citecheck/citecheck/internal/inplace"
	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/docx"
	"github.com/citecheck/citecheck/pkg/docxedit"
	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/fix"
	"github.com/citecheck/citecheck/pkg/render"
)

// fixOptions are check's flags that change files or show how they would
// change: --fix, --diff, --annotate, --track-changes.
type fixOptions struct {
	fix      bool
	diff     bool
	annotate string
	track    bool
}

func (o *fixOptions) register(fs *pflag.FlagSet) {
	fs.BoolVar(&o.fix, "fix", false, "apply every certain fix in place (text, Markdown and .docx files); report what remains")
	fs.BoolVar(&o.diff, "diff", false, "print a unified diff of what --fix would change, change nothing (exit status as check)")
	fs.StringVar(&o.annotate, "annotate", "", "write a copy of the one .docx input to `OUT.docx` with each finding as a Word comment (with --fix, the fixes as tracked changes)")
	fs.BoolVar(&o.track, "track-changes", false, ".docx: write fixes as tracked changes (author \"citecheck\") for the drafter to accept or reject")
}

func (o *fixOptions) active() bool { return o.fix || o.diff || o.annotate != "" }

// validate checks the flags against each other and the inputs.
func (o *fixOptions) validate(args []string) error {
	if o.fix && o.diff {
		return usageErr("--fix and --diff cannot be used together (--diff shows what --fix would do)")
	}
	if o.track && !o.fix && !o.diff {
		return usageErr("--track-changes needs --fix (or --diff)")
	}
	if o.annotate != "" {
		if o.diff {
			return usageErr("--annotate and --diff cannot be used together")
		}
		if len(args) != 1 || args[0] == "-" {
			return usageErr("--annotate takes exactly one .docx file (got %d inputs)", len(args))
		}
		if st, err := os.Stat(args[0]); err == nil && st.IsDir() {
			return usageErr("--annotate takes one .docx file, not the folder %s", args[0])
		}
		if same, _ := sameFile(o.annotate, args[0]); same {
			return usageErr("--annotate writes a copy: %s is the input itself (use --fix --track-changes to change the file in place)", o.annotate)
		}
	}
	if (o.fix || o.annotate != "") && countOf(args, "-") > 0 {
		return usageErr("--fix and --annotate cannot rewrite standard input (use --diff)")
	}
	return nil
}

func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb), nil
}

// fixer applies, shows or annotates fixes file by file, as the run
// reports them (one at a time, in path order).
type fixer struct {
	o      *fixOptions
	in     *inputOptions
	eng    *engine.Engine
	stdout io.Writer
	stderr io.Writer

	// Totals for the closing line.
	fixed, files int
	failed       bool
	// Changes to the run's summary: findings removed by fixing and those
	// the fixed file still has.
	delta render.Summary

	stop    atomic.Bool
	signals chan os.Signal
	// now dates tracked changes and comments.
	now string
	// stdinName is the name standard input is reported under.
	stdinName string
	// w writes files; its helper is started with the first write.
	w          inplace.Writer
	selfHelper bool
	helperTry  bool
}

func newFixer(e *env, o *fixOptions, in *inputOptions, eng *engine.Engine, stdout io.Writer, stdinName string) *fixer {
	f := &fixer{o: o, in: in, eng: eng, stdout: stdout, stderr: e.stderr, delta: render.Summary{ByRule: map[string]int{}},
		stdinName: stdinName, now: time.Now().UTC().Format("2006-01-02T15:04:05Z"), selfHelper: e.selfHelper}
	if v := e.getenv("SOURCE_DATE_EPOCH"); v != "" {
		// Reproducible builds' convention: the time to stamp.
		if sec, err := strconv.ParseInt(v, 10, 64); err == nil {
			f.now = time.Unix(sec, 0).UTC().Format("2006-01-02T15:04:05Z")
		}
	}
	if o.fix || o.annotate != "" {
		// An interrupt stops the run between two files, never in the
		// middle of writing one.
		f.signals = make(chan os.Signal, 1)
		signal.Notify(f.signals, os.Interrupt, syscall.SIGTERM)
		go func() {
			if _, ok := <-f.signals; ok {
				f.stop.Store(true)
			}
		}()
	}
	return f
}

// close restores the default signal handling and ends the commit helper.
func (f *fixer) close() {
	if f.signals != nil {
		signal.Stop(f.signals)
		close(f.signals)
	}
	f.w.Helper.Close()
}

// writer returns the file writer, with citecheck's commit helper started
// on first use when this process is citecheck (see Main): then not even
// killing this process can leave a temporary file behind.
func (f *fixer) writer() *inplace.Writer {
	if f.selfHelper && !f.helperTry {
		f.helperTry = true
		if exe, err := os.Executable(); err == nil {
			if h, err := inplace.StartHelper(exe); err == nil {
				f.w.Helper = h
			}
		}
	}
	return &f.w
}

// errInterrupted stops a run on SIGINT or SIGTERM.
var errInterrupted = errors.New("interrupted: the files fixed so far are complete, the others untouched")

// file handles one file's report before it is rendered: with --fix it
// rewrites the file and replaces the report with the fixed file's; with
// --diff it writes the diff.
func (f *fixer) file(r *engine.FileReport) error {
	if f.stop.Load() {
		return errInterrupted
	}
	if r.Err != nil || r.Source == nil {
		return nil
	}
	if f.o.annotate != "" {
		return f.annotateFile(r)
	}
	if !hasFix(r.Diagnostics) {
		return nil
	}
	if r.Path == f.stdinName {
		return f.diffStdin(r)
	}
	raw, err := readRaw(r.Path, f.in.limits.MaxFileSize)
	if err != nil {
		return f.fail(r.Path, err)
	}
	var plan *filePlan
	switch f.in.detect(r.Path, raw) {
	case "text":
		plan, err = planText(r, raw)
	case "docx":
		plan, err = f.planDocx(r, raw, f.o.track)
	default:
		f.note(r.Path, "fixes are applied to text, Markdown and .docx files only; apply these by hand")
		return nil
	}
	if err != nil {
		return f.fail(r.Path, err)
	}
	for _, s := range plan.skipped {
		f.note(r.Path, s)
	}
	if len(plan.applied) == 0 {
		return nil
	}
	if f.o.diff {
		f.files++
		f.fixed += len(plan.applied)
		return fix.WriteDiff(f.stdout, plan.diffName, plan.diffOld, plan.diffEdits)
	}
	if err := f.writer().Replace(r.Path, raw, plan.data); err != nil {
		return f.fail(r.Path, err)
	}
	f.files++
	f.fixed += len(plan.applied)
	f.recheck(r, plan.data)
	return nil
}

// recheck replaces r's findings with those of the fixed content.
func (f *fixer) recheck(r *engine.FileReport, data []byte) {
	after := f.eng.CheckData(r.Path, data)
	if after.Err != nil {
		// The fixed file cannot be read back: that is citecheck's bug,
		// and the file is still replaced. Say so.
		f.fail(r.Path, fmt.Errorf("the fixed file cannot be read back: %v", after.Err))
		return
	}
	for _, d := range r.Diagnostics {
		f.count(d, -1)
	}
	for _, d := range after.Diagnostics {
		f.count(d, +1)
	}
	r.Source, r.Diagnostics = after.Source, after.Diagnostics
}

func (f *fixer) count(d diag.Diagnostic, n int) {
	switch d.Severity {
	case diag.Error:
		f.delta.Counts.Errors += n
	case diag.Warning:
		f.delta.Counts.Warnings += n
	case diag.Info:
		f.delta.Counts.Infos += n
	}
	f.delta.ByRule[d.Rule] += n
}

// adjust applies the changes fixing made to the run's summary.
func (f *fixer) adjust(s *render.Summary) {
	s.Counts.Errors += f.delta.Counts.Errors
	s.Counts.Warnings += f.delta.Counts.Warnings
	s.Counts.Infos += f.delta.Counts.Infos
	for k, n := range f.delta.ByRule {
		if s.ByRule[k] += n; s.ByRule[k] == 0 {
			delete(s.ByRule, k)
		}
	}
}

// finish prints the closing line on standard error.
func (f *fixer) finish() {
	switch {
	case f.o.annotate != "":
		// annotateFile said what it wrote.
	case f.o.fix:
		fmt.Fprintf(f.stderr, "citecheck: fixed %s in %s\n", plural(f.fixed, "finding"), plural(f.files, "file"))
	case f.o.diff:
		fmt.Fprintf(f.stderr, "citecheck: --fix would fix %s in %s\n", plural(f.fixed, "finding"), plural(f.files, "file"))
	}
}

// plural says "1 file", "2 files"; what may give its plural after a
// slash ("fix/fixes").
func plural(n int, what string) string {
	one, many, ok := strings.Cut(what, "/")
	if !ok {
		many = one + "s"
	}
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func (f *fixer) note(path, msg string) {
	fmt.Fprintf(f.stderr, "citecheck: %s: %s\n", render.Printable(path), render.Printable(msg))
}

// fail reports a file that could not be fixed; the run goes on and exits
// with status 3.
func (f *fixer) fail(path string, err error) error {
	f.failed = true
	f.note(path, "not fixed: "+unwrapPath(err).Error())
	return nil
}

func hasFix(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if d.Fix != nil {
			return true
		}
	}
	return false
}

// readRaw reads a file's bytes again, for rewriting.
func readRaw(path string, limit int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("file larger than %s", docx.FormatBytes(limit))
	}
	return b, nil
}

// filePlan is what fixing one file comes to.
type filePlan struct {
	data    []byte   // the new content
	applied []int    // indices (in the report) of findings fixed
	skipped []string // why some fixes are not applied
	// What --diff shows: old text and edits in it.
	diffName  string
	diffOld   []byte
	diffEdits []fix.Edit
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// planText fixes a text or Markdown file: the text view is the file
// without its byte order mark, so offsets shift by its length; line
// endings and everything else stay as they are.
func planText(r *engine.FileReport, raw []byte) (*filePlan, error) {
	bom := 0
	if bytes.HasPrefix(raw, utf8BOM) {
		bom = len(utf8BOM)
	}
	if !bytes.Equal(raw[bom:], r.Source.Text) {
		return nil, inplace.ErrChanged
	}
	edits, conflicts := fix.Edits(r.Source.Text, r.Diagnostics)
	p := &filePlan{diffName: r.Path, diffOld: raw}
	for _, d := range conflicts {
		p.skipped = append(p.skipped, fmt.Sprintf("%d:%d: fix %q not applied: it overlaps another fix", d.Span.Start.Line, d.Span.Start.Col, d.Fix.Replacement))
	}
	p.diffEdits = fix.Shift(edits, bom)
	data, err := fix.Apply(raw, p.diffEdits)
	if err != nil {
		return nil, err
	}
	p.data = data
	for _, e := range edits {
		p.applied = append(p.applied, indexOf(r.Diagnostics, e.Diag))
	}
	return p, nil
}

func indexOf(ds []diag.Diagnostic, d *diag.Diagnostic) int {
	for i := range ds {
		if &ds[i] == d {
			return i
		}
	}
	return -1
}

// diffStdin shows the fixes of standard input as a diff.
func (f *fixer) diffStdin(r *engine.FileReport) error {
	if !f.o.diff {
		return nil
	}
	edits, _ := fix.Edits(r.Source.Text, r.Diagnostics)
	if len(edits) == 0 {
		return nil
	}
	f.files++
	f.fixed += len(edits)
	return fix.WriteDiff(f.stdout, r.Path, r.Source.Text, edits)
}

// docxOptions are the reader options for rewriting: the run's limits,
// tracked changes accepted (fixes apply to the text as it reads).
func (f *fixer) docxOptions() docx.Options {
	o := f.in.limits
	return docx.Options{MaxFileSize: o.MaxFileSize, MaxUncompressed: o.MaxUncompressed, MaxText: o.MaxTextSize,
		MaxEntries: o.MaxZipEntries, MaxDepth: o.MaxXMLDepth, Revisions: docx.RevisionsAccepted}
}

// docxView reads raw and checks that it is the document that was checked.
func (f *fixer) docxView(r *engine.FileReport, raw []byte) (*docx.View, error) {
	v, err := docx.Read(bytes.NewReader(raw), int64(len(raw)), f.docxOptions())
	if err != nil {
		return nil, limitFlag(err)
	}
	if v.Text != string(r.Source.Text) {
		return nil, inplace.ErrChanged
	}
	return v, nil
}

func (f *fixer) rewriteOptions(tracked bool) docxedit.Options {
	opt := f.docxOptions()
	return docxedit.Options{Tracked: tracked, Author: "citecheck", Date: f.now,
		Read: func(data []byte) (*docx.View, error) {
			return docx.Read(bytes.NewReader(data), int64(len(data)), opt)
		}}
}

// planDocx fixes a Word document: each fix changes only the characters
// that differ, inside the runs that hold them (or, tracked, becomes a
// w:del and a w:ins by "citecheck").
func (f *fixer) planDocx(r *engine.FileReport, raw []byte, tracked bool) (*filePlan, error) {
	v, err := f.docxView(r, raw)
	if err != nil {
		return nil, err
	}
	edits, conflicts := fix.Edits(r.Source.Text, r.Diagnostics)
	p := &filePlan{diffName: r.Path + " (text view)", diffOld: r.Source.Text}
	for _, d := range conflicts {
		p.skipped = append(p.skipped, fmt.Sprintf("fix %q not applied: it overlaps another fix", d.Fix.Replacement))
	}
	var des []docxedit.Edit
	for _, e := range edits {
		des = append(des, docxedit.Edit{Start: e.Start, End: e.End, New: e.New})
	}
	res, err := docxedit.Rewrite(raw, v, des, nil, f.rewriteOptions(tracked))
	if err != nil {
		return nil, err
	}
	for i, e := range edits {
		if err := res.EditErrs[i]; err != nil {
			p.skipped = append(p.skipped, fmt.Sprintf("%s: fix %q not applied: %v", where(e.Diag), e.New, err))
			continue
		}
		p.applied = append(p.applied, indexOf(r.Diagnostics, e.Diag))
		p.diffEdits = append(p.diffEdits, e)
	}
	p.data = res.Data
	return p, nil
}

// where names a finding's place for a note on standard error.
func where(d *diag.Diagnostic) string {
	if d.Context != "" {
		return d.Context
	}
	return fmt.Sprintf("%d:%d", d.Span.Start.Line, d.Span.Start.Col)
}

// annotateFile writes the reviewed copy of a .docx: every finding as a
// comment on the cited words and, with --fix, every certain fix as a
// tracked change. The input is left as it is.
func (f *fixer) annotateFile(r *engine.FileReport) error {
	raw, err := readRaw(r.Path, f.in.limits.MaxFileSize)
	if err != nil {
		return f.fail(r.Path, err)
	}
	if f.in.detect(r.Path, raw) != "docx" {
		return usageErr("--annotate writes Word documents: %s is not a .docx file", r.Path)
	}
	v, err := f.docxView(r, raw)
	if err != nil {
		return f.fail(r.Path, err)
	}
	var comments []docxedit.Comment
	for _, d := range r.Diagnostics {
		comments = append(comments, docxedit.Comment{Start: d.Span.Start.Offset, End: d.Span.End.Offset, Text: commentText(d, r.Source.Text)})
	}
	var edits []fix.Edit
	var des []docxedit.Edit
	if f.o.fix {
		edits, _ = fix.Edits(r.Source.Text, r.Diagnostics)
		for _, e := range edits {
			des = append(des, docxedit.Edit{Start: e.Start, End: e.End, New: e.New})
		}
	}
	res, err := docxedit.Rewrite(raw, v, des, comments, f.rewriteOptions(true))
	if err != nil {
		return f.fail(r.Path, err)
	}
	for i, err := range res.CommentErrs {
		if err != nil {
			f.note(r.Path, fmt.Sprintf("%s: no comment for this finding: %v", where(&r.Diagnostics[i]), err))
		}
	}
	for i, err := range res.EditErrs {
		if err != nil {
			f.note(r.Path, fmt.Sprintf("%s: fix %q not applied: %v", where(edits[i].Diag), edits[i].New, err))
		}
	}
	data := res.Data
	if data == nil {
		data = raw // nothing to say: the copy is the document itself
	}
	if err := f.writer().Write(f.o.annotate, data, 0o666); err != nil {
		f.failed = true
		f.note(f.o.annotate, "not written: "+unwrapPath(err).Error())
		return nil
	}
	f.fixed = res.Applied()
	fmt.Fprintf(f.stderr, "citecheck: wrote %s: %s, %s\n", f.o.annotate,
		plural(len(comments)-countErrs(res.CommentErrs), "comment"), plural(f.fixed, "tracked fix/tracked fixes"))
	return nil
}

func countErrs(errs []error) int {
	n := 0
	for _, e := range errs {
		if e != nil {
			n++
		}
	}
	return n
}

// commentText is what a finding's Word comment says: the finding, its
// fix, its rule. text is the text view the finding's offsets count in.
func commentText(d diag.Diagnostic, text []byte) string {
	s := fmt.Sprintf("%s: %s", d.Severity, d.Message)
	if f := d.Fix; f != nil {
		if a, b := f.Span.Start.Offset, f.Span.End.Offset; 0 <= a && a <= b && b <= len(text) {
			s += fmt.Sprintf("\nFix: replace %q with %q.", text[a:b], f.Replacement)
		}
	}
	return s + fmt.Sprintf("\n[citecheck %s]", d.Rule)
}
