// Package cli is citecheck's command line: a thin cobra layer that turns
// flags into engine options and errors into exit codes. Only main calls
// os.Exit; everything here returns.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/citecheck/citecheck/internal/inplace"
	"github.com/citecheck/citecheck/pkg/render"
)

// Exit codes.
const (
	ExitOK       = 0 // no finding at or above --fail-on
	ExitFindings = 1 // findings at or above --fail-on
	ExitUsage    = 2 // bad flags, configuration or registry
	ExitIO       = 3 // a file could not be read (the others were checked)
)

// Build information, set with -ldflags "-X github.com/citecheck/citecheck/pkg/cli.version=…".
var (
	version = ""
	commit  = ""
	date    = ""
)

// Version returns citecheck's version: the one stamped at build time, else
// the module version recorded by `go install`, else "devel".
func Version() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// exitError carries an exit code through cobra.
type exitError struct {
	code int
	err  error // printed when not nil
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func usageErr(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, args...)}
}

// env is what commands need of the process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// selfHelper says this process's executable is citecheck, which can
	// serve as its own commit helper (see Main).
	selfHelper bool
}

// Run runs citecheck with args (without the program name) and returns the
// exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return run(&env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}, args)
}

// Main is Run for the citecheck program itself (its main function): when
// it must rewrite files in place (check --fix, --annotate), it starts
// itself again as the helper that commits them (inplace.Helper), and it
// serves as that helper when started so. A program that embeds Run cannot
// be started as the helper, so Run commits in process.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	inplace.ServeHelper() // exits if this process is the helper
	return run(&env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, selfHelper: true}, args)
}

func run(e *env, args []string) int {
	root := newRoot(e)
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &flagError{path: c.CommandPath(), msg: plainFlagError(err.Error())}
	})
	root.InitDefaultCompletionCmd()
	err := unknownSubcommand(root, args)
	if err == nil {
		err = root.Execute()
	}
	if err == nil {
		return ExitOK
	}
	var xe *exitError
	if errors.As(err, &xe) {
		if xe.err != nil {
			fmt.Fprintf(e.stderr, "citecheck: %s\n", printableLines(xe.err.Error()))
		}
		return xe.code
	}
	var fe *flagError
	if errors.As(err, &fe) {
		fmt.Fprintf(e.stderr, "citecheck: %s\nRun '%s --help' for usage.\n", printableLines(fe.msg), fe.path)
		return ExitUsage
	}
	// cobra's own errors: unknown command, bad arguments.
	fmt.Fprintf(e.stderr, "citecheck: %s\n", printableLines(err.Error()))
	if strings.Contains(err.Error(), "unknown command") {
		fmt.Fprintln(e.stderr, "Run 'citecheck --help' for usage.")
	}
	return ExitUsage
}

// flagError is a flag cobra could not parse, with the command whose help
// lists the flags.
type flagError struct{ path, msg string }

func (e *flagError) Error() string { return e.msg }

// plainFlagError rewrites pflag's message for a value it could not parse
// ("invalid argument "abc" for "--max-file-size" flag: strconv.ParseInt:
// parsing "abc": invalid syntax") in words, without Go's function names.
func plainFlagError(msg string) string {
	head, cause, ok := strings.Cut(msg, ": strconv.")
	if !ok {
		if head, _, ok := strings.Cut(msg, ": time: "); ok {
			return head + ": not a duration (write it as 30s, 2m or 1h)"
		}
		return msg
	}
	switch {
	case strings.HasSuffix(cause, "value out of range"):
		return head + ": out of range"
	case strings.HasPrefix(cause, "ParseBool"):
		return head + ": not true or false"
	case strings.HasPrefix(cause, "ParseFloat"):
		return head + ": not a number"
	default:
		return head + ": not a whole number"
	}
}

// unknownSubcommand returns a usage error when args name a command that
// only groups others (registry, completion) and go on with a word that is
// none of them: cobra would print the group's help and exit 0.
func unknownSubcommand(root *cobra.Command, args []string) error {
	c, rest, err := root.Find(args)
	if err != nil || c == root || c.Runnable() || !c.HasSubCommands() {
		return nil
	}
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			if i+1 < len(rest) {
				return usageErr("%q after \"--\" names no command of %q; run '%s --help' for its commands", rest[i+1], c.CommandPath(), c.CommandPath())
			}
			return nil
		}
		if !strings.HasPrefix(a, "-") {
			hint := ""
			if c.SuggestionsMinimumDistance <= 0 {
				c.SuggestionsMinimumDistance = 2 // cobra's default, set where it suggests
			}
			if s := c.SuggestionsFor(a); len(s) > 0 {
				hint = fmt.Sprintf(" (did you mean %q?)", s[0])
			}
			return usageErr("unknown command %q for %q%s; run '%s --help' for its commands", a, c.CommandPath(), hint, c.CommandPath())
		}
		// A flag's value is its next argument unless it is written
		// --flag=value or the flag takes none.
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		var f *pflag.Flag
		if strings.HasPrefix(a, "--") {
			f = c.Flags().Lookup(name)
		} else if len(name) == 1 {
			f = c.Flags().ShorthandLookup(name)
		}
		if f != nil && f.NoOptDefVal == "" {
			i++
		}
	}
	return nil
}

// Root returns citecheck's command tree as the program builds it, for
// documentation (internal/manpage writes the man pages from it).
func Root() *cobra.Command {
	return newRoot(&env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv})
}

func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "citecheck",
		Short: "Check treaty and resolution citations in United Nations drafts",
		Long: `citecheck checks the citations in United Nations resolution drafts: it finds
every treaty mention, Treaty Series footnote and Ibid., cross-checks them against
an embedded registry of treaties, and reports wrong years, wrong volumes and
numbers, and footnotes that cite a different treaty from the one the text names.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       Version(),
	}
	root.SetVersionTemplate("citecheck {{.Version}}\n")
	root.AddCommand(newCheckCmd(e), newRefsCmd(e), newRegistryCmd(e), newInitCmd(e), newBaselineCmd(e), newVersionCmd(e), newRulesCmd(e), newExplainCmd(e))
	return root
}

func newVersionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(e.stdout, "citecheck %s\n", Version())
			if commit != "" {
				fmt.Fprintf(e.stdout, "commit: %s\n", commit)
			}
			if date != "" {
				fmt.Fprintf(e.stdout, "built: %s\n", date)
			}
			return nil
		},
	}
}

// useColor resolves --color: "always", "never", or "auto" (a terminal and
// no NO_COLOR).
func useColor(mode string, w io.Writer, getenv func(string) string) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
			return false, nil
		}
		return isTerminal(w), nil
	}
	return false, usageErr("invalid --color %q (expected one of \"always\", \"auto\", \"never\")", mode)
}

func isTerminalFd(fd uintptr) bool {
	return isatty.IsTerminal(fd) || isatty.IsCygwinTerminal(fd)
}

// printableLines escapes the control characters of each line of a
// message (render.Printable) and keeps its line breaks: file names and
// arguments in messages must not reach the terminal raw.
func printableLines(msg string) string {
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		lines[i] = render.Printable(l)
	}
	return strings.Join(lines, "\n")
}
