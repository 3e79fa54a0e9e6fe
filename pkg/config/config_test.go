package config

import (
	"errors"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/yamlnode"
)

var ruleIDs = []string{"resolution-form", "treaty-year", "unts-citation"}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // the errors, in order
	}{
		{"rule set twice", "rules:\n  treaty-year: warning\n  treaty-year: off\n",
			[]string{`c.yaml:3:3: rule "treaty-year" is set twice (first at line 2)`}},
		{"rule set twice in an override", "overrides:\n  - files: [a]\n    rules:\n      unts-citation: off\n      unts-citation: error\n",
			[]string{`c.yaml:5:7: rule "unts-citation" is set twice (first at line 4)`}},
		{"second document", "fail-on: error\n---\nfail-on: never\n",
			[]string{`c.yaml:2:1: a second YAML document ("---"); a file holds one document`}},
		{"syntax error column", "rules:\n  treaty-year: warning: x\n",
			[]string{"c.yaml:2:23: mapping values are not allowed in this context"}},
		{"unknown key", "fail_on: error\n",
			[]string{`c.yaml:1:1: unknown key "fail_on" (expected one of "editorial-manual", "exclude", "fail-on", "include", "overrides", "registry", "rules")`}},
		{"duplicate key", "fail-on: error\nfail-on: never\n", []string{`c.yaml:2:1: duplicate key "fail-on"`}},
		{"not a mapping", "- a\n", []string{"c.yaml:1:1: the configuration must be a mapping of keys to values"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.in), ruleIDs)
			if err == nil {
				t.Fatal("no error")
			}
			var e *yamlnode.Error
			if !errors.As(err, &e) {
				t.Errorf("error %T is not a *yamlnode.Error", err)
			}
			if got := strings.Split(err.Error(), "\n"); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestParse(t *testing.T) {
	c, err := Parse("dir/c.yaml", []byte("rules:\n  treaty-year: warning\n  unts-citation: off\nfail-on: never\n"), ruleIDs)
	if err != nil {
		t.Fatal(err)
	}
	if c.Rules["treaty-year"] != (Level{Severity: diag.Warning}) || !c.Rules["unts-citation"].Off || c.FailOn != "never" || c.Dir != "dir" {
		t.Errorf("parsed %+v", c)
	}
	for _, empty := range []string{"", "# nothing\n"} {
		if c, err := Parse("c.yaml", []byte(empty), ruleIDs); err != nil || len(c.Rules) != 0 {
			t.Errorf("%q: %+v, %v", empty, c, err)
		}
	}
}

// FuzzParse: Parse never panics, and its errors are positioned.
func FuzzParse(f *testing.F) {
	for _, s := range []string{Default, "rules:\n  treaty-year: warning\n  treaty-year: off\n", "a: 1\n---\n", "overrides: [{files: [\"[\"], rules: {x: y}}]", "rules: [1]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, err := Parse("c.yaml", []byte(s), ruleIDs)
		if err == nil {
			return
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if !strings.HasPrefix(line, "c.yaml:") {
				t.Fatalf("error line without the file: %q", line)
			}
		}
	})
}
