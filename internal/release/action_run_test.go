package release_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runStep runs one composite step's script as the runner does (bash -e
// -o pipefail), in dir, with the runner's variables in env and the step's
// env: entries resolved from inputs.
func runStep(t *testing.T, s actionStep, dir string, env []string, inputs map[string]string) (int, string) {
	t.Helper()
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s.Run)
	cmd.Dir = dir
	cmd.Env = append([]string{}, env...)
	for k, v := range s.Env {
		switch {
		case strings.HasPrefix(v, "${{ inputs."):
			v = inputs[strings.TrimSuffix(strings.TrimPrefix(v, "${{ inputs."), " }}")]
		case v == "${{ runner.temp }}/citecheck.sarif":
			v = filepath.Join(envValue(env, "RUNNER_TEMP"), "citecheck.sarif")
		case strings.Contains(v, "${{"):
			t.Fatalf("step %q: env %s=%s: the test cannot resolve it", s.Name, k, v)
		}
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), out.String()
	}
	if err != nil {
		t.Fatalf("step %q: %v", s.Name, err)
	}
	return 0, out.String()
}

func envValue(env []string, key string) string {
	for _, kv := range env {
		if k, v, _ := strings.Cut(kv, "="); k == key {
			return v
		}
	}
	return ""
}

// TestActionRuns runs the action's own scripts for real, as a runner
// would after setup-go: the build step compiles citecheck from this
// checkout (GITHUB_ACTION_PATH) with the pinned ref stamped, puts it on
// GITHUB_PATH, and the check step runs it on a workspace with a finding,
// with fail-on empty (the workspace's .citecheck.yaml decides) and set.
// .github/workflows/action-test.yml does the same on GitHub.
func TestActionRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds citecheck (-short)")
	}
	for _, tool := range []string{"bash", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s", tool)
		}
	}
	a := loadAction(t)
	build := step(t, a, "builds citecheck", func(s actionStep) bool { return strings.Contains(s.Run, "go build") })
	check := step(t, a, "runs citecheck check", func(s actionStep) bool { return s.ID == "check" })

	tmp := t.TempDir()
	runnerTemp := filepath.Join(tmp, "runner")
	workspace := filepath.Join(tmp, "workspace")
	for _, d := range []string{runnerTemp, workspace} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	ghPath := filepath.Join(tmp, "github_path")
	ghOutput := filepath.Join(tmp, "github_output")
	env := append(os.Environ(),
		"GITHUB_ACTION_PATH="+root, "GITHUB_ACTION_REF=v9.9.9-test", "RUNNER_TEMP="+runnerTemp,
		"GITHUB_PATH="+ghPath, "GITHUB_OUTPUT="+ghOutput)

	code, out := runStep(t, build, workspace, env, nil)
	if code != 0 {
		t.Fatalf("build step: exit %d\n%s", code, out)
	}
	if !strings.Contains(out, "citecheck v9.9.9-test") {
		t.Errorf("the built binary does not report the pinned ref:\n%s", out)
	}
	added, err := os.ReadFile(ghPath)
	if err != nil {
		t.Fatal(err)
	}
	bin := strings.TrimSpace(string(added))
	if _, err := os.Stat(filepath.Join(bin, "citecheck")); err != nil {
		t.Fatalf("GITHUB_PATH names %q, which holds no citecheck: %v", bin, err)
	}
	// Later steps see GITHUB_PATH's folders first on PATH.
	env = append(env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))

	draft := "Recalling the Single Convention on Narcotic Drugs of 1954,\n"
	if err := os.WriteFile(filepath.Join(workspace, "draft.txt"), []byte(draft), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(workspace, ".citecheck.yaml"), []byte("fail-on: never\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		failOn, sarif string
		want          int
	}{
		{"", "true", 0},       // .citecheck.yaml's never
		{"error", "false", 1}, // the input wins
	} {
		_ = os.Remove(ghOutput)
		inputs := map[string]string{"paths": ".", "args": "", "sarif": c.sarif, "fail-on": c.failOn}
		code, out := runStep(t, check, workspace, env, inputs)
		if code != c.want {
			t.Errorf("fail-on %q: check step exit %d, want %d\n%s", c.failOn, code, c.want, out)
		}
		if !strings.Contains(out, "::error file=draft.txt,line=1,col=") {
			t.Errorf("fail-on %q: no annotation for the finding:\n%s", c.failOn, out)
		}
		outputs, _ := os.ReadFile(ghOutput)
		if got := strings.Contains(string(outputs), "sarif-file="); got != (c.sarif == "true") {
			t.Errorf("sarif %s: GITHUB_OUTPUT %q", c.sarif, outputs)
		}
	}
}

// TestActionlint lints the workflows with actionlint (which also checks
// that a `uses: ./` step passes only inputs action.yml declares, and runs
// shellcheck on run: scripts when it is installed). It looks for
// actionlint on PATH, then in $(go env GOPATH)/bin; without it the test
// skips: `go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12`.
func TestActionlint(t *testing.T) {
	bin, err := exec.LookPath("actionlint")
	if err != nil {
		gopath, _ := exec.Command("go", "env", "GOPATH").Output()
		bin = filepath.Join(strings.TrimSpace(string(gopath)), "bin", "actionlint")
		if _, err := os.Stat(bin); err != nil {
			t.Skip("no actionlint (go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12)")
		}
	}
	workflows, err := filepath.Glob(filepath.Join(root, ".github", "workflows", "*.yml"))
	if err != nil || len(workflows) == 0 {
		t.Fatalf("no workflows in .github/workflows (%v)", err)
	}
	cmd := exec.Command(bin, append([]string{"-no-color"}, workflows...)...)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("actionlint: %v\n%s", err, out)
	}
}
