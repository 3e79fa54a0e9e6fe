package release_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/cli"
)

type actionStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	Shell string            `yaml:"shell"`
	Run   string            `yaml:"run"`
	With  map[string]string `yaml:"with"`
	Env   map[string]string `yaml:"env"`
}

type action struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Inputs      map[string]struct {
		Description string `yaml:"description"`
		Required    bool   `yaml:"required"`
		Default     string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

func loadAction(t *testing.T) action {
	t.Helper()
	var a action
	decodeFile(t, "action.yml", &a)
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using %q, want composite", a.Runs.Using)
	}
	return a
}

// step returns the first step matching ok, failing the test without one.
func step(t *testing.T, a action, what string, ok func(actionStep) bool) actionStep {
	t.Helper()
	i := slices.IndexFunc(a.Runs.Steps, ok)
	if i < 0 {
		t.Fatalf("action.yml: no step that %s", what)
	}
	return a.Runs.Steps[i]
}

func TestActionInputs(t *testing.T) {
	a := loadAction(t)
	if a.Name == "" || a.Description == "" {
		t.Error("action.yml needs a name and a description (the Marketplace requires both)")
	}
	// fail-on defaults to empty: an input that is always passed would
	// override fail-on in the user's .citecheck.yaml.
	want := map[string]string{"paths": ".", "args": "", "sarif": "true", "fail-on": ""}
	if got := sortedKeys(a.Inputs); !slices.Equal(got, sortedKeys(want)) {
		t.Errorf("inputs %v, want %v", got, sortedKeys(want))
	}
	for name, def := range want {
		in, ok := a.Inputs[name]
		if !ok {
			continue
		}
		if in.Default != def || in.Required {
			t.Errorf("input %s: default %q required %v, want default %q, optional", name, in.Default, in.Required, def)
		}
		if in.Description == "" {
			t.Errorf("input %s has no description", name)
		}
	}
	if !strings.Contains(a.Inputs["fail-on"].Description, ".citecheck.yaml") {
		t.Error("the fail-on description does not say that empty leaves it to .citecheck.yaml")
	}
	for _, l := range failOnLevels(t) {
		if !strings.Contains(a.Inputs["fail-on"].Description, l) {
			t.Errorf("the fail-on description does not list %q", l)
		}
	}

	// Every input is used, and nothing reads an input that is not declared.
	b, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`inputs\.([\w-]+)`).FindAllStringSubmatch(string(b), -1) {
		used[m[1]] = true
	}
	for name := range used {
		if _, ok := a.Inputs[name]; !ok {
			t.Errorf("action.yml reads inputs.%s, which is not declared", name)
		}
	}
	for name := range a.Inputs {
		if !used[name] {
			t.Errorf("input %s is declared but never used", name)
		}
	}
}

func TestActionSteps(t *testing.T) {
	a := loadAction(t)
	for _, s := range a.Runs.Steps {
		// ${{ }} in a script is pasted in before bash parses it: an input
		// such as `"; curl … | sh #` would run. Inputs go through env.
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q expands ${{ }} inside run:; pass it through env", s.Name)
		}
		if s.Run != "" && s.Shell != "bash" {
			t.Errorf("step %q: shell %q; composite run steps need an explicit shell, bash for the scripts here", s.Name, s.Shell)
		}
	}

	// Go as go.mod names it, from the action's own checkout.
	setup := a.Runs.Steps[0]
	if setup.Uses != "actions/setup-go@v5" || setup.With["go-version-file"] != "${{ github.action_path }}/go.mod" {
		t.Errorf("first step %+v, want actions/setup-go@v5 with go-version-file ${{ github.action_path }}/go.mod", setup)
	}

	// citecheck is built from the action's checkout, at the ref the
	// workflow pinned: the module is not published, so `go install
	// …@latest` (or @anything) fails with 403 from the proxy.
	b, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "go install") || strings.Contains(string(b), "@latest") {
		t.Error("action.yml installs with go install or @latest; build from $GITHUB_ACTION_PATH instead")
	}
	build := step(t, a, "builds citecheck", func(s actionStep) bool { return strings.Contains(s.Run, "go build") })
	for _, want := range []string{`cd "$GITHUB_ACTION_PATH"`, "./cmd/citecheck", `"$GITHUB_PATH"`, "${GITHUB_ACTION_REF:-devel}"} {
		if !strings.Contains(build.Run, want) {
			t.Errorf("the build step lacks %s:\n%s", want, build.Run)
		}
	}

	check := step(t, a, "runs citecheck check", func(s actionStep) bool { return strings.Contains(s.Run, "citecheck check") })
	if check.ID != "check" {
		t.Errorf("the check step has id %q; the upload step reads steps.check", check.ID)
	}
	if !strings.Contains(check.Run, `exit "$status"`) {
		t.Error("the check step does not end with citecheck's exit status")
	}
	if !strings.Contains(check.Run, `sarif-file=`) || !strings.Contains(check.Run, `"$GITHUB_OUTPUT"`) {
		t.Error("the check step does not report the SARIF file in $GITHUB_OUTPUT")
	}

	upload := step(t, a, "uploads SARIF", func(s actionStep) bool { return strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") })
	if upload.Uses != "github/codeql-action/upload-sarif@v3" {
		t.Errorf("upload step uses %s, want github/codeql-action/upload-sarif@v3", upload.Uses)
	}
	for _, cond := range []string{"always()", "inputs.sarif == 'true'"} {
		if !strings.Contains(upload.If, cond) {
			t.Errorf("upload step if: %q lacks %s (it must run after the check step failed on findings)", upload.If, cond)
		}
	}
	if upload.With["category"] != "citecheck" || upload.With["sarif_file"] != "${{ steps.check.outputs.sarif-file }}" {
		t.Errorf("upload step with: %v, want category citecheck and sarif_file from steps.check.outputs.sarif-file", upload.With)
	}
	isUpload := func(s actionStep) bool { return s.Uses == upload.Uses }
	if slices.IndexFunc(a.Runs.Steps, isUpload) < slices.IndexFunc(a.Runs.Steps, func(s actionStep) bool { return s.ID == "check" }) {
		t.Error("the upload step comes before the check step")
	}
}

// actionArgs turns the check step's citecheck command line into the
// arguments bash would pass, with the inputs at their defaults except
// those in set (by input name), and the paths and SARIF file given.
func actionArgs(t *testing.T, a action, set map[string]string, paths, sarif string) []string {
	t.Helper()
	check := step(t, a, "runs citecheck check", func(s actionStep) bool { return strings.Contains(s.Run, "citecheck check") })
	vars := map[string]string{}
	for k, v := range check.Env {
		if m := regexp.MustCompile(`^\$\{\{ inputs\.([\w-]+) \}\}$`).FindStringSubmatch(v); m != nil {
			vars[k] = a.Inputs[m[1]].Default
			if v, ok := set[m[1]]; ok {
				vars[k] = v
			}
		}
	}
	vars["CITECHECK_PATHS"] = paths
	vars["CITECHECK_SARIF_FILE"] = sarif

	var line string
	for _, l := range strings.Split(check.Run, "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "citecheck check") {
			line = l
		}
	}
	words, err := shellWords(line)
	if err != nil {
		t.Fatal(err)
	}
	var args []string
	for _, w := range words[1:] {
		switch {
		case w == "${sarif[@]}": // the array holds --output sarif=FILE when sarif is "true"
			if vars["CITECHECK_SARIF"] == "true" {
				args = append(args, "--output", "sarif="+sarif)
			}
		case w == "${failon[@]}": // --fail-on LEVEL, only when the input is set
			if v := vars["CITECHECK_FAIL_ON"]; v != "" {
				args = append(args, "--fail-on", v)
			}
		case strings.HasPrefix(w, "$"):
			v, ok := vars[strings.Trim(w, "${}")]
			if !ok {
				t.Fatalf("the check command uses %s, which the test cannot fill in", w)
			}
			// Quoted variables stay one word; shellWords dropped the quotes,
			// so look at the line: unquoted ones split on blanks.
			if strings.Contains(line, `"`+w+`"`) {
				args = append(args, v)
			} else {
				args = append(args, strings.Fields(v)...)
			}
		default:
			args = append(args, w)
		}
	}
	return args
}

// TestActionCommandLine runs the check step's citecheck command line
// in-process, with the inputs at their defaults, so that a renamed flag or
// format breaks this test rather than every user's workflow.
func TestActionCommandLine(t *testing.T) {
	a := loadAction(t)
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.txt")
	text := "Recalling the Single Convention on Narcotic Drugs of 1954,\n"
	if err := os.WriteFile(draft, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	sarif := filepath.Join(dir, "citecheck.sarif")
	args := actionArgs(t, a, nil, draft, sarif)
	for _, want := range []string{"--format", "github"} {
		if !slices.Contains(args, want) {
			t.Errorf("the check command %q lacks %s", args, want)
		}
	}

	code, stdout, stderr := runCLI(args...)
	if code != cli.ExitOK && code != cli.ExitFindings {
		t.Fatalf("citecheck %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	if code == cli.ExitFindings && !strings.Contains(stdout, "::") {
		t.Errorf("--format github printed no workflow command:\n%s", stdout)
	}
	b, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatalf("no SARIF report: %v", err)
	}
	var report struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(b, &report); err != nil || report.Version != "2.1.0" {
		t.Errorf("the SARIF report is not SARIF 2.1.0 (err %v):\n%.300s", err, b)
	}
}

// TestActionFailOn: the fail-on input left empty passes no --fail-on, so
// fail-on in .citecheck.yaml decides; given, it overrides the file.
func TestActionFailOn(t *testing.T) {
	a := loadAction(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "draft.txt"), []byte("Recalling the Single Convention on Narcotic Drugs of 1954,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".citecheck.yaml"), []byte("fail-on: never\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, c := range []struct {
		failOn string
		want   int
	}{
		{"", cli.ExitOK},            // the file's never
		{"error", cli.ExitFindings}, // the input's error
		{"never", cli.ExitOK},
	} {
		args := actionArgs(t, a, map[string]string{"fail-on": c.failOn, "sarif": "false"}, "draft.txt", "")
		if code, _, stderr := runCLI(args...); code != c.want {
			t.Errorf("fail-on %q: citecheck %s: exit %d, want %d %s", c.failOn, strings.Join(args, " "), code, c.want, stderr)
		}
	}
}
