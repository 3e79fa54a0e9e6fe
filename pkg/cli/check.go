package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/citecheck/citecheck/pkg/baseline"
	"github.com/citecheck/citecheck/pkg/check"
	"github.com/citecheck/citecheck/pkg/config"
	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/render"
)

// runOptions are the flags every command that reads drafts shares.
type runOptions struct {
	// keep, when set, filters findings (--new-from-rev); not a flag here.
	keep          func(*diag.Diagnostic) bool
	input         inputOptions
	registries    []string
	configPath    string
	noConfig      bool
	jobs          int
	stdinFilename string
}

func (o *runOptions) register(fs *pflag.FlagSet) {
	fs.StringVar(&o.configPath, "config", "", "configuration file (default: .citecheck.yaml in the working directory or a parent)")
	fs.BoolVar(&o.noConfig, "no-config", false, "ignore any .citecheck.yaml")
	fs.StringArrayVar(&o.registries, "registry", nil, "add or override registry entries from a YAML file or folder (repeatable)")
	fs.IntVarP(&o.jobs, "jobs", "j", 0, "files checked at once (default: twice the number of cores)")
	fs.StringVar(&o.stdinFilename, "stdin-filename", "", "the name shown for standard input, the path - (default \"-\"); its extension chooses the format")
	o.input.register(fs)
}

// setup is what a run needs: the configuration, the registry, the engine.
type setup struct {
	cfg *config.Config
	reg *registry.Registry
	eng *engine.Engine
}

func (o *runOptions) setup(e *env, bl *baseline.Baseline) (*setup, error) {
	if o.jobs < 0 {
		return nil, usageErr("invalid --jobs %d (expected 0 for twice the number of cores, or more)", o.jobs)
	}
	if err := o.input.validate(); err != nil {
		return nil, err
	}
	if o.configPath != "" && o.noConfig {
		return nil, usageErr("--config %s and --no-config contradict each other: give one", o.configPath)
	}
	s := &setup{}
	path := o.configPath
	if path == "" && !o.noConfig {
		path = config.Find(".")
	}
	if path != "" && !o.noConfig {
		cfg, err := config.Load(path, engine.RuleIDs(check.All()))
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				return nil, usageErr("--config %s: %v", path, pe.Err)
			}
			return nil, &exitError{code: ExitUsage, err: listErr("invalid configuration", err)}
		}
		s.cfg = cfg
	}
	regs := o.registries
	if s.cfg != nil {
		for _, r := range s.cfg.Registry {
			if !filepath.IsAbs(r) {
				r = filepath.Join(s.cfg.Dir, r)
			}
			regs = append(regs, r)
		}
	}
	reg, err := loadRegistry(regs)
	if err != nil {
		return nil, err
	}
	s.reg = reg
	s.eng = engine.New(engine.Options{Registry: reg, Jobs: o.jobs, Stdin: e.stdin, StdinName: stdinName(o.stdinFilename),
		Limits: o.input.limits, Config: s.cfg, Baseline: bl, Keep: o.keep,
		// check, refs and baseline are done with a report when their
		// emit returns (diagnostics hold copies, not views of the text).
		ReuseBuffers: true})
	return s, nil
}

type checkOptions struct {
	runOptions
	format   string
	outputs  []string
	color    string
	failOn   string
	baseline string
	newFrom  string
	quiet    bool
	progress string
	cpuprof  string
	memprof  string
	fx       fixOptions
}

func newCheckCmd(e *env) *cobra.Command {
	var o checkOptions
	cmd := &cobra.Command{
		Use:   "check [flags] PATH... | -",
		Short: "Check the citations in drafts (files, folders, or - for stdin)",
		Long: `Check the citations in drafts: plain text and Markdown files, Word .docx, HTML
and PDF files, folders (walked recursively for those), or - for standard input.
Findings are reported as path:line:col: severity: message [rule].

--diff shows what --fix would change; --fix applies every certain fix in
place (text, Markdown, Word); --annotate=OUT.docx writes a reviewed copy of
a Word document with each finding as a comment.

Exit status: 0 no finding at or above --fail-on; 1 findings; 2 bad usage,
configuration or registry; 3 a file could not be read, or not rewritten (the
other files are still checked and reported). With --fix, the status is that
of the fixed files.`,
		Example: `  citecheck check draft.txt
  citecheck check --format json drafts/
  citecheck check --format github --output sarif=citecheck.sarif .
  citecheck check --diff draft.docx notes.md
  citecheck check --fix drafts/
  citecheck check --annotate=reviewed.docx draft.docx
  cat draft.md | citecheck check --stdin-filename draft.md -`,
		Args: needPaths(e),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(e, &o, args, cmd.Flags().Changed("fail-on"))
		},
	}
	fs := cmd.Flags()
	fs.SortFlags = false
	fs.StringVarP(&o.format, "format", "f", "text", "output format: "+strings.Join(render.Formats(), ", "))
	fs.StringArrayVarP(&o.outputs, "output", "o", nil, "also write FORMAT to FILE (FORMAT=FILE; repeatable)")
	fs.StringVar(&o.color, "color", "auto", "colour the text output: auto, always, never (NO_COLOR is honoured)")
	fs.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding is at least this severe: error, warning, info, never")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings not recorded in this baseline file (see 'citecheck baseline')")
	fs.StringVar(&o.newFrom, "new-from-rev", "", "report only findings on lines changed since this git revision (whole files for .docx, HTML, PDF)")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "text format: no closing summary line")
	fs.StringVar(&o.progress, "progress", "auto", "progress bar on standard error: auto (a terminal, runs over a second), always, never")
	fs.StringVar(&o.cpuprof, "cpuprofile", "", "write a CPU profile to FILE (for performance work)")
	fs.StringVar(&o.memprof, "memprofile", "", "write a heap profile to FILE at the end (for performance work)")
	o.fx.register(fs)
	_ = fs.MarkHidden("cpuprofile")
	_ = fs.MarkHidden("memprofile")
	o.runOptions.register(fs)
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(render.Formats()...))
	_ = cmd.RegisterFlagCompletionFunc("output", outputCompletion)
	_ = cmd.RegisterFlagCompletionFunc("fail-on", fixedCompletion(failOnValues...))
	_ = cmd.RegisterFlagCompletionFunc("color", fixedCompletion("auto", "always", "never"))
	_ = cmd.RegisterFlagCompletionFunc("progress", fixedCompletion("auto", "always", "never"))
	registerInputCompletion(cmd)
	return cmd
}

// failOnValues are --fail-on's values, most severe first.
var failOnValues = []string{"error", "warning", "info", "never"}

// loadRegistry loads the embedded registry plus user files.
func loadRegistry(paths []string) (*registry.Registry, error) {
	if len(paths) == 0 {
		reg, err := registry.Default()
		if err != nil {
			return nil, &exitError{code: ExitUsage, err: fmt.Errorf("embedded registry: %w", err)}
		}
		return reg, nil
	}
	srcs, err := registry.EmbeddedSources()
	if err != nil {
		return nil, &exitError{code: ExitUsage, err: err}
	}
	for _, p := range paths {
		us, err := registry.ReadUser(p)
		if err != nil {
			return nil, usageErr("registry %s: %v", p, unwrapPath(err))
		}
		srcs = append(srcs, us...)
	}
	reg, err := registry.Load(srcs)
	if err != nil {
		return nil, &exitError{code: ExitUsage, err: listErr("invalid registry", err)}
	}
	return reg, nil
}

// listErr heads err's problems, one a line, with what was invalid: on the
// same line when there is one ("invalid registry: r.yaml:2:3: …"), above
// them when there are several.
func listErr(what string, err error) error {
	if strings.Contains(err.Error(), "\n") {
		return fmt.Errorf("%s:\n%w", what, err)
	}
	return fmt.Errorf("%s: %w", what, err)
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func parseFailOn(s string) (diag.Severity, error) {
	if s == "never" {
		return diag.Error + 1, nil
	}
	sev, err := diag.ParseSeverity(s)
	if err != nil {
		return 0, usageErr("invalid --fail-on %q (expected one of \"error\", \"info\", \"never\", \"warning\")", s)
	}
	return sev, nil
}

// output is one renderer writing to one destination.
type output struct {
	r    render.Renderer
	w    io.Writer
	file *atomicFile
}

func runCheck(e *env, o *checkOptions, args []string, failOnSet bool) error {
	if o.cpuprof != "" {
		stop, err := startCPUProfile(o.cpuprof)
		if err != nil {
			return usageErr("--cpuprofile: %v", err)
		}
		defer stop()
	}
	if o.memprof != "" {
		defer writeHeapProfile(o.memprof)
	}
	color, bl, err := o.validate(e, args)
	if err != nil {
		return err
	}
	s, err := o.setup(e, bl)
	if err != nil {
		return err
	}
	failOnName := o.failOn
	if !failOnSet && s.cfg != nil && s.cfg.FailOn != "" {
		failOnName = s.cfg.FailOn
	}
	failOn, _ := parseFailOn(failOnName)
	main, err := render.New(o.format, render.Options{Color: color, Version: Version(), Summary: !o.quiet})
	if err != nil {
		return usageErr("%v", err)
	}
	// Buffered: an archive run writes thousands of small records. The
	// buffer is flushed when full and at the end.
	stdout := bufio.NewWriterSize(e.stdout, 64<<10)
	defer stdout.Flush()
	var fx *fixer
	if o.fx.active() {
		fx = newFixer(e, &o.fx, &o.input, s.eng, stdout, stdinName(o.stdinFilename))
		defer fx.close()
		if o.fx.diff {
			// Standard output is the diff.
			main = discard{}
		}
	}
	files, err := openOutputs(o.outputs)
	if err != nil {
		return err
	}
	defer abortOutputs(files)
	outs := append([]*output{{r: main, w: stdout}}, files...)
	inputs := engine.ExpandConfig(args, s.cfg)
	if err := checkPaths(args, inputs); err != nil {
		return err
	}
	warnOutsideConfig(e, s.cfg, args)
	meta := render.Meta{Version: Version(), Rules: engine.RuleInfos(check.All())}
	for _, out := range outs {
		if err := out.r.Start(out.w, meta); err != nil {
			return writeErr(err)
		}
	}
	prog := newProgress(e, o.progress, inputs)
	sum, worst, err := checkFiles(s.eng, inputs, outs, fx, prog)
	shown := prog.finish()
	if err != nil {
		return runErr(err)
	}
	if fx != nil {
		fx.adjust(&sum)
		fx.finish()
	}
	if err := finishOutputs(outs, sum); err != nil {
		return err
	}
	if shown || (o.format != "text" && isTerminal(e.stderr)) {
		printSummary(e.stderr, sum)
	}
	return checkStatus(fx, failOnName, failOn, worst, sum)
}

// validate checks the flags that need no configuration, in the order
// their errors are reported, and reads what they name: whether to colour
// the text output, and the baseline. With --new-from-rev it sets o.keep.
func (o *checkOptions) validate(e *env, args []string) (color bool, bl *baseline.Baseline, err error) {
	if _, err := parseFailOn(o.failOn); err != nil {
		return false, nil, err
	}
	if color, err = useColor(o.color, e.stdout, e.getenv); err != nil {
		return false, nil, err
	}
	if countOf(args, "-") > 1 {
		return false, nil, usageErr("standard input (-) given more than once")
	}
	if o.progress != "auto" && o.progress != "always" && o.progress != "never" {
		return false, nil, usageErr("invalid --progress %q (expected one of \"always\", \"auto\", \"never\")", o.progress)
	}
	if o.baseline != "" {
		if bl, err = readBaseline(o.baseline); err != nil {
			return false, nil, err
		}
	}
	if o.newFrom != "" {
		if countOf(args, "-") > 0 {
			return false, nil, usageErr("--new-from-rev cannot be used with standard input (-): git knows nothing of it")
		}
		if o.keep, err = newFromRev(context.Background(), o.newFrom, o.input.limits.Format); err != nil {
			return false, nil, err
		}
	}
	if err := o.fx.validate(args); err != nil {
		return false, nil, err
	}
	if o.fx.active() && o.input.limits.Revisions == "original" {
		return false, nil, usageErr("--fix, --diff and --annotate work on the text with tracked changes accepted (--revisions accepted)")
	}
	return color, bl, nil
}

// readBaseline reads --baseline's file.
func readBaseline(path string) (*baseline.Baseline, error) {
	bl, err := baseline.Read(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return nil, usageErr("--baseline %s: %v", path, pe.Err)
		}
		return nil, usageErr("--baseline: %v", err)
	}
	return bl, nil
}

// openOutputs opens the --output FORMAT=FILE reports, each to a file
// replaced only when the run commits it. On an error, those already
// opened are aborted.
func openOutputs(specs []string) (outs []*output, err error) {
	defer func() {
		if err != nil {
			abortOutputs(outs)
		}
	}()
	for _, spec := range specs {
		format, file, ok := strings.Cut(spec, "=")
		if !ok || file == "" {
			return outs, usageErr("invalid --output %q (expected FORMAT=FILE, e.g. sarif=citecheck.sarif)", spec)
		}
		r, err := render.New(format, render.Options{Version: Version(), Summary: true, ReportDir: filepath.Dir(file)})
		if err != nil {
			return outs, usageErr("--output %s: %v", spec, err)
		}
		if st, err := os.Stat(file); err == nil && st.IsDir() {
			return outs, usageErr("--output %s: %s is a folder", spec, file)
		}
		if _, err := os.Stat(filepath.Dir(file)); errors.Is(err, fs.ErrNotExist) {
			// A misspelt folder, like a misspelt input path: bad usage,
			// found before anything is checked.
			return outs, usageErr("--output %s: no folder %s (citecheck does not create it)", spec, filepath.Dir(file))
		}
		af, err := createAtomic(file)
		if err != nil {
			return outs, &exitError{code: ExitIO, err: fmt.Errorf("--output %s: %v", spec, unwrapPath(err))}
		}
		outs = append(outs, &output{r: r, w: bufio.NewWriterSize(af, 64<<10), file: af})
	}
	return outs, nil
}

// abortOutputs removes the temporary files of outputs not committed, last
// opened first (a no-op for those committed).
func abortOutputs(outs []*output) {
	for i := len(outs) - 1; i >= 0; i-- {
		outs[i].file.abort()
	}
}

// checkFiles runs the engine over inputs, passing each file's report to
// the fixer and every output as it comes, and returns the summary and
// the most severe finding.
func checkFiles(eng *engine.Engine, inputs []engine.Input, outs []*output, fx *fixer, prog *progress) (engine.Summary, diag.Severity, error) {
	worst := diag.Severity(0)
	sum, err := eng.Run(context.Background(), inputs, func(r *engine.FileReport) error {
		prog.step()
		if fx != nil {
			if err := fx.file(r); err != nil {
				return err
			}
		}
		for _, d := range r.Diagnostics {
			worst = max(worst, d.Severity)
		}
		for _, out := range outs {
			if err := out.r.File(out.w, &r.FileResult); err != nil {
				return err
			}
		}
		return nil
	})
	return sum, worst, err
}

// runErr is the exit error for an error that stopped a run: its own exit
// error, an interrupt, or output that could not be written.
func runErr(err error) error {
	var xe *exitError
	if errors.As(err, &xe) {
		return err
	}
	if errors.Is(err, errInterrupted) {
		return &exitError{code: ExitIO, err: err}
	}
	return writeErr(err)
}

// finishOutputs ends every output, flushes it and commits its file.
func finishOutputs(outs []*output, sum engine.Summary) error {
	for _, out := range outs {
		if err := out.r.Finish(out.w, sum); err != nil {
			return writeErr(err)
		}
		if bw, ok := out.w.(*bufio.Writer); ok {
			if err := bw.Flush(); err != nil {
				return writeErr(err)
			}
		}
		if out.file != nil {
			if err := out.file.commit(); err != nil {
				return &exitError{code: ExitIO, err: fmt.Errorf("--output %s: %v", out.file.path, unwrapPath(err))}
			}
		}
	}
	return nil
}

// checkStatus is the exit status of a finished check run.
func checkStatus(fx *fixer, failOnName string, failOn, worst diag.Severity, sum engine.Summary) error {
	switch {
	case fx != nil && fx.failed:
		// A file --fix or --annotate could not write: as a report that
		// could not be written, whatever --fail-on says.
		return &exitError{code: ExitIO}
	case failOnName == "never":
		// Report, never fail: not on findings, not on unreadable files.
		// Only usage errors (above) and a report that could not be
		// written exit non-zero.
	case sum.Unreadable > 0:
		return &exitError{code: ExitIO}
	case worst >= failOn:
		return &exitError{code: ExitFindings}
	}
	return nil
}

// printSummary writes the closing summary of an archive run: files,
// findings per severity and per rule, unreadable files, time taken.
func printSummary(w io.Writer, s engine.Summary) {
	fmt.Fprintf(w, "citecheck: %s, in %s\n", render.CountLine(s), humanDuration(s.Elapsed))
	for _, id := range engine.RuleIDs(check.All()) {
		if n := s.ByRule[id]; n > 0 {
			fmt.Fprintf(w, "  %-20s %d\n", id, n)
		}
	}
}

// humanDuration renders how long a run took: "0.4 ms", "12 ms", "3.9 s",
// "1m05s". Round(time.Millisecond) gave "0s" for fast runs.
func humanDuration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	case d < time.Second:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	case d < time.Minute:
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
	d = d.Round(time.Second)
	return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isTerminalFd(f.Fd())
}

func countOf(xs []string, x string) int {
	n := 0
	for _, y := range xs {
		if y == x {
			n++
		}
	}
	return n
}

func stdinName(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeErr(err error) error {
	return &exitError{code: ExitIO, err: fmt.Errorf("writing output: %w", err)}
}

// discard is a renderer that writes nothing (standard output carries
// --diff's diff instead of findings).
type discard struct{}

func (discard) Start(io.Writer, render.Meta) error       { return nil }
func (discard) File(io.Writer, *render.FileResult) error { return nil }
func (discard) Finish(io.Writer, render.Summary) error   { return nil }
