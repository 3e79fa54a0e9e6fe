package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/citecheck/citecheck/pkg/config"
	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/render"
)

// needPaths is the Args check of the commands that read drafts. Without
// a path it explains how to name one; when standard input is a pipe it
// says to give "-", which is what someone who piped a draft meant (cobra
// would only say "requires at least 1 arg(s)").
func needPaths(e *env) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return nil
		}
		if !isTerminalReader(e.stdin) {
			return usageErr("no file to check: to read standard input, give - as the path (… | citecheck %s -)", cmd.Name())
		}
		return usageErr("no file to check: name files or folders, or - for standard input (see 'citecheck %s --help')", cmd.Name())
	}
}

// argsFor is the Args check of a command that takes between min and max
// arguments (max < 0: any number), what names what they are: cobra would
// only say "requires at least 1 arg(s), only received 0".
func argsFor(min, max int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
		switch {
		case len(args) < min:
			return usageErr("%s: missing %s; see '%s --help'", name, what, cmd.CommandPath())
		case max >= 0 && len(args) > max:
			return usageErr("%s takes %s, not %d arguments; see '%s --help'", name, what, len(args), cmd.CommandPath())
		}
		return nil
	}
}

// warnOutsideConfig says when a path lies outside the configuration's
// folder: its include, exclude and overrides, globs relative to that
// folder, do not apply there, which someone who named a configuration in
// another folder (--config cfg/c.yaml docs) would not guess.
func warnOutsideConfig(e *env, cfg *config.Config, args []string) {
	if cfg == nil || cfg.Path == "" || !cfg.HasGlobs() {
		return
	}
	for _, a := range args {
		if a != "-" && !cfg.Covers(a) {
			fmt.Fprintf(e.stderr, "citecheck: warning: %s is not in the folder of %s (%s), so its include, exclude and overrides, globs relative to that folder, do not apply to it\n",
				render.Printable(a), render.Printable(cfg.Path), render.Printable(cfg.Dir))
			return
		}
	}
}

// isTerminalReader reports whether r is a terminal. Anything that is not
// an *os.File (a test's strings.Reader) counts as a pipe.
func isTerminalReader(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && isTerminalFd(f.Fd())
}

// checkPaths finds path arguments that name nothing to check: a path that
// does not exist (a misspelt folder), or a folder in which the walk found
// no file citecheck reads. Either is a usage error (exit 2), reported
// before anything is checked, so that a CI job whose path is wrong fails
// at once, even with --fail-on never, instead of passing with "0 files
// checked". Paths that exist but cannot be read are left to the run
// (exit 3).
func checkPaths(args []string, inputs []engine.Input) error {
	var msgs []string
	for _, a := range args {
		if a == "-" {
			continue
		}
		st, err := os.Stat(a)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			msgs = append(msgs, fmt.Sprintf("%s: no such file or folder", a))
		case err == nil && st.IsDir() && !walkFound(a, inputs):
			msgs = append(msgs, fmt.Sprintf("%s: no file to check in this folder (citecheck reads %s)", a, strings.Join(engine.Extensions, " ")))
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return usageErr("%s", strings.Join(msgs, "\ncitecheck: "))
}

// walkFound reports whether inputs hold a file found by walking dir. The
// walk names files filepath.Join(dir, …), which cleans dir, so they all
// begin with the cleaned dir and a slash ("." adds no prefix).
func walkFound(dir string, inputs []engine.Input) bool {
	prefix := filepath.ToSlash(filepath.Clean(dir))
	for _, in := range inputs {
		switch {
		case prefix == ".":
			if !filepath.IsAbs(in.Path) && !strings.HasPrefix(in.Path, "../") && in.Path != "-" {
				return true
			}
		case strings.HasPrefix(in.Path, strings.TrimSuffix(prefix, "/")+"/"):
			return true
		}
	}
	return false
}
