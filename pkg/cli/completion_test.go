package cli_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/cli"
)

func cliRun(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cli.Run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// The release archives and docs/recipes.md rely on cobra's default
// completion command; a later change (a custom completion command, or
// CompletionOptions.DisableDefaultCmd) must not drop it silently.
func TestCompletionScripts(t *testing.T) {
	for _, tc := range []struct{ shell, want string }{
		{"bash", "__start_citecheck"},
		{"zsh", "#compdef citecheck"},
		{"fish", "complete -c citecheck"},
		{"powershell", "Register-ArgumentCompleter"},
	} {
		t.Run(tc.shell, func(t *testing.T) {
			code, stdout, stderr := cliRun(t, "completion", tc.shell)
			if code != cli.ExitOK {
				t.Fatalf("citecheck completion %s: exit %d: %s", tc.shell, code, stderr)
			}
			if !strings.Contains(stdout, tc.want) {
				t.Errorf("citecheck completion %s: no %q in the script:\n%.300s", tc.shell, tc.want, stdout)
			}
		})
	}
}
