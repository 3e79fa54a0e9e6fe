package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/citecheck/citecheck/pkg/check"
	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/render"
)

type checkOptions struct {
	format        string
	outputs       []string
	color         string
	failOn        string
	registries    []string
	jobs          int
	stdinFilename string
	quiet         bool
}

func newCheckCmd(e *env) *cobra.Command {
	var o checkOptions
	cmd := &cobra.Command{
		Use:   "check [flags] PATH... | -",
		Short: "Check the citations in drafts (files, folders, or - for stdin)",
		Long: `Check the citations in drafts: plain text and Markdown files, folders
(walked recursively for .txt, .md, .docx, .html and .pdf files), or - for standard
input. Findings are reported as path:line:col: severity: message [rule].

Exit status: 0 no finding at or above --fail-on; 1 findings; 2 bad usage or
registry; 3 a file could not be read (the other files are still checked).`,
		Example: `  citecheck check draft.txt
  citecheck check --format json drafts/
  pdftotext -layout draft.pdf - | citecheck check --stdin-filename draft.pdf -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runCheck(e, &o, args) },
	}
	fs := cmd.Flags()
	fs.SortFlags = false
	fs.StringVarP(&o.format, "format", "f", "text", "output format: "+strings.Join(render.Formats(), ", "))
	fs.StringArrayVarP(&o.outputs, "output", "o", nil, "also write FORMAT to FILE (FORMAT=FILE; repeatable)")
	fs.StringVar(&o.color, "color", "auto", "colour the text output: auto, always, never (NO_COLOR is honoured)")
	fs.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding is at least this severe: error, warning, info, never")
	fs.StringArrayVar(&o.registries, "registry", nil, "add or override registry entries from a YAML file or folder (repeatable)")
	fs.IntVarP(&o.jobs, "jobs", "j", 0, "files checked at once (default: all cores)")
	fs.StringVar(&o.stdinFilename, "stdin-filename", "", "the name shown for standard input (-)")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "text format: no closing summary line")
	return cmd
}

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
			return nil, usageErr("--registry %s: %v", p, unwrapPath(err))
		}
		srcs = append(srcs, us...)
	}
	reg, err := registry.Load(srcs)
	if err != nil {
		return nil, &exitError{code: ExitUsage, err: fmt.Errorf("invalid registry:\n%w", err)}
	}
	return reg, nil
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

func runCheck(e *env, o *checkOptions, args []string) error {
	failOn, err := parseFailOn(o.failOn)
	if err != nil {
		return err
	}
	color, err := useColor(o.color, e.stdout, e.getenv)
	if err != nil {
		return err
	}
	if o.jobs < 0 {
		return usageErr("invalid --jobs %d (expected 0 for all cores, or more)", o.jobs)
	}
	if n := countOf(args, "-"); n > 1 {
		return usageErr("standard input (-) given more than once")
	}
	var outs []*output
	main, err := render.New(o.format, render.Options{Color: color, Version: Version(), Summary: !o.quiet})
	if err != nil {
		return usageErr("%v", err)
	}
	outs = append(outs, &output{r: main, w: e.stdout})
	for _, spec := range o.outputs {
		format, file, ok := strings.Cut(spec, "=")
		if !ok || file == "" {
			return usageErr("invalid --output %q (expected FORMAT=FILE, e.g. sarif=citecheck.sarif)", spec)
		}
		r, err := render.New(format, render.Options{Version: Version()})
		if err != nil {
			return usageErr("--output %s: %v", spec, err)
		}
		af, err := createAtomic(file)
		if err != nil {
			return &exitError{code: ExitIO, err: fmt.Errorf("--output %s: %v", spec, unwrapPath(err))}
		}
		defer af.abort()
		outs = append(outs, &output{r: r, w: af, file: af})
	}
	reg, err := loadRegistry(o.registries)
	if err != nil {
		return err
	}
	eng := engine.New(engine.Options{Registry: reg, Jobs: o.jobs, Stdin: e.stdin, StdinName: stdinName(o.stdinFilename), Reader: readAny})
	meta := render.Meta{Version: Version(), Rules: ruleInfos()}
	for _, out := range outs {
		if err := out.r.Start(out.w, meta); err != nil {
			return writeErr(err)
		}
	}
	worst := diag.Severity(0)
	sum, err := eng.Run(context.Background(), engine.Expand(args), func(r *engine.FileReport) error {
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
	if err != nil {
		return writeErr(err)
	}
	for _, out := range outs {
		if err := out.r.Finish(out.w, sum); err != nil {
			return writeErr(err)
		}
		if out.file != nil {
			if err := out.file.commit(); err != nil {
				return &exitError{code: ExitIO, err: err}
			}
		}
	}
	switch {
	case sum.Unreadable > 0:
		return &exitError{code: ExitIO}
	case worst >= failOn:
		return &exitError{code: ExitFindings}
	}
	return nil
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

// ruleInfos documents every rule for the formats that list them.
func ruleInfos() []render.RuleInfo {
	var out []render.RuleInfo
	for _, c := range check.All() {
		out = append(out, render.RuleInfo{ID: c.ID(), Severity: c.DefaultSeverity(), Short: c.Doc(),
			HelpURI: "https://github.com/citecheck/citecheck#rule-" + c.ID()})
	}
	return out
}
