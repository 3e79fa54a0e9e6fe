package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/citecheck/citecheck/pkg/baseline"
	"github.com/citecheck/citecheck/pkg/config"
	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/render"
)

func newInitCmd(e *env) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented default " + config.FileName + " in the working directory",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := os.Stat(config.FileName); err == nil && !force {
				return usageErr("%s already exists (use --force to overwrite it)", config.FileName)
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return &exitError{code: ExitIO, err: err}
			}
			af, err := createAtomic(config.FileName)
			if err != nil {
				return &exitError{code: ExitIO, err: err}
			}
			defer af.abort()
			if _, err := af.WriteString(config.Default); err != nil {
				return writeErr(err)
			}
			if err := af.commit(); err != nil {
				return &exitError{code: ExitIO, err: err}
			}
			fmt.Fprintf(e.stdout, "wrote %s\n", config.FileName)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}

func newBaselineCmd(e *env) *cobra.Command {
	var o runOptions
	var out string
	cmd := &cobra.Command{
		Use:   "baseline [flags] PATH...",
		Short: "Record the current findings, so that check --baseline reports only new ones",
		Long: `Record the current findings in a baseline file. 'citecheck check --baseline FILE'
then reports only findings that are not in it. Findings are matched by
fingerprint (file, rule, text found and expected, treaty), not by line, so the
baseline still matches after edits move lines. Paths are recorded relative to
the baseline file, so it matches however the files are named later (relative,
absolute, or from another folder).`,
		Example: `  citecheck baseline -o citecheck-baseline.json archive/
  citecheck check --baseline citecheck-baseline.json archive/`,
		Args: needPaths(e),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := o.setup(e, nil)
			if err != nil {
				return err
			}
			w, err := baseline.NewWriter(out)
			if err != nil {
				return &exitError{code: ExitIO, err: fmt.Errorf("%s: %v", out, err)}
			}
			unreadable := 0
			inputs := engine.ExpandConfig(args, s.cfg)
			if err := checkPaths(args, inputs); err != nil {
				return err
			}
			_, err = s.eng.Run(cmd.Context(), inputs, func(r *engine.FileReport) error {
				if r.Err != nil {
					unreadable++
					fmt.Fprintf(e.stderr, "citecheck: %s: %s\n", render.Printable(r.Path), render.Printable(r.Err.Error()))
				}
				if r.Notice != "" {
					fmt.Fprintf(e.stderr, "citecheck: %s: notice: %s\n", render.Printable(r.Path), r.Notice)
				}
				w.Add(r.Diagnostics)
				return nil
			})
			if err != nil {
				return writeErr(err)
			}
			af, err := createAtomic(out)
			if err != nil {
				return &exitError{code: ExitIO, err: fmt.Errorf("%s: %v", out, unwrapPath(err))}
			}
			defer af.abort()
			if _, err := w.WriteTo(af); err != nil {
				return writeErr(err)
			}
			if err := af.commit(); err != nil {
				return &exitError{code: ExitIO, err: err}
			}
			fmt.Fprintf(e.stdout, "wrote %s: %s\n", out, render.Count(w.Len(), "finding"))
			if unreadable > 0 {
				return &exitError{code: ExitIO}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "citecheck-baseline.json", "the baseline file to write")
	o.register(cmd.Flags())
	registerInputCompletion(cmd)
	return cmd
}
