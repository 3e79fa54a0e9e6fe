package render

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/citecheck/citecheck/pkg/diag"
)

// gitlabSchema is testdata/gitlab-codequality.schema.json, written from
// GitLab's documentation of the format (its $comment says where from).
var gitlabSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	const id = "https://citecheck.invalid/testdata/gitlab-codequality.schema.json"
	f, err := os.Open(filepath.Join("testdata", "gitlab-codequality.schema.json"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(id, doc); err != nil {
		return nil, err
	}
	return c.Compile(id)
})

func validateGitLab(t *testing.T, out []byte) {
	t.Helper()
	sch, err := gitlabSchema()
	if err != nil {
		t.Fatalf("loading the schema: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("does not match GitLab's Code Quality format: %v\n%s", err, out)
	}
}

func TestGitLabSchema(t *testing.T) {
	t.Run("fixture", func(t *testing.T) { validateGitLab(t, newFixture(t).run(t, &GitLab{})) })
	t.Run("empty", func(t *testing.T) { validateGitLab(t, fixture{}.run(t, &GitLab{})) })
	// The schema itself rejects what GitLab rejects, so that the test
	// above can fail.
	for _, bad := range []string{
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"error","location":{"path":"a.txt","lines":{"begin":1}}}]`,
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"major","location":{"path":"./a.txt","lines":{"begin":1}}}]`,
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"major","location":{"path":"a.txt"}}]`,
		`[{"description":"d","fingerprint":"f","severity":"major","location":{"path":"a.txt","lines":{"begin":1}}}]`,
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"major","location":{"path":"a.txt","positions":{"begin":{"line":0}}}}]`,
	} {
		sch, err := gitlabSchema()
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("the schema accepts %s", bad)
		}
	}
}

// TestGitLabContent reads the report back: one issue per finding and per
// unreadable file, fingerprints unique (GitLab shows only the first of
// each), severities mapped, positions kept.
func TestGitLabContent(t *testing.T) {
	fx := newFixture(t)
	// Two identical findings in one file share diag's fingerprint.
	a := fx.files[0]
	a.Diagnostics = append(a.Diagnostics, a.Diagnostics[0])
	out := fx.run(t, &GitLab{})
	validateGitLab(t, out)
	var issues []gitlabIssue
	if err := json.Unmarshal(out, &issues); err != nil {
		t.Fatal(err)
	}
	want := 1 // the unreadable file
	for _, f := range fx.files {
		want += len(f.Diagnostics)
	}
	if len(issues) != want {
		t.Fatalf("%d issues, want %d", len(issues), want)
	}
	seen := map[string]bool{}
	for _, is := range issues {
		if seen[is.Fingerprint] {
			t.Errorf("fingerprint %s used twice", is.Fingerprint)
		}
		seen[is.Fingerprint] = true
	}
	first := issues[0]
	if first.CheckName != "treaty-year" || first.Severity != "major" || first.Location.Path != "drafts/a.txt" ||
		first.Location.Positions.Begin != (gitlabPos{Line: 1, Column: 54}) || first.Fingerprint != a.Diagnostics[0].Fingerprint() {
		t.Errorf("first issue %+v", first)
	}
	var unreadable int
	for _, is := range issues {
		if is.CheckName == "unreadable" {
			unreadable++
			if is.Location.Path != "drafts/missing.txt" || is.Severity != "major" {
				t.Errorf("unreadable issue %+v", is)
			}
		}
	}
	if unreadable != 1 {
		t.Errorf("%d unreadable issues, want 1", unreadable)
	}
}

func TestGitLabPath(t *testing.T) {
	wd, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"./drafts/a.txt":                     "drafts/a.txt",
		"drafts//a.txt":                      "drafts/a.txt",
		filepath.Join(wd, "drafts", "a.txt"): "drafts/a.txt",
	} {
		if got := gitlabPath(in); got != want {
			t.Errorf("gitlabPath(%q) = %q, want %q", in, got, want)
		}
	}
	if got := gitlabSeverity(diag.Info); got != "info" {
		t.Errorf("info → %q", got)
	}
}
