package render_test

// This file is an external test package because it runs the engine, and
// the engine imports render.

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/citecheck/citecheck/pkg/check"
	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/render"
)

// corpusSchema compiles testdata/sarif-schema-2.1.0.json the way
// sarif_test.go's sarifSchema does (formats asserted), under the URI the
// schema names itself by.
func corpusSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := doc.(map[string]any)["id"].(string)
	if id == "" {
		t.Fatal("the SARIF schema has no id")
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// corpusRules is what the CLI passes as Meta.Rules.
func corpusRules() []render.RuleInfo { return engine.RuleInfos(check.All()) }

// corpusLog is the part of a SARIF log TestSARIFCorpus reads.
type corpusLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID string `json:"id"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex *int   `json:"ruleIndex"`
			Level     string `json:"level"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region *struct {
						StartLine int `json:"startLine"`
						Snippet   *struct {
							Text string `json:"text"`
						} `json:"snippet"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful        bool              `json:"executionSuccessful"`
			ToolExecutionNotifications []json.RawMessage `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

// TestSARIFCorpus runs the engine over the whole regression corpus and
// renders one SARIF log the way the CLI does (paths as given, no base
// directory) and one with absolute paths under a base directory (as in CI
// with --output sarif=… from the repository root), both streamed from the
// same run. Each whole log must match the OASIS SARIF 2.1.0 schema and
// hold exactly the run's findings.
func TestSARIFCorpus(t *testing.T) {
	const corpusDir = "../../testdata/corpus"
	reg, err := registry.Default()
	if err != nil {
		t.Fatal(err)
	}
	eng := engine.New(engine.Options{Registry: reg})
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}

	type output struct {
		name   string
		inputs []engine.Input
		r      render.Renderer
		buf    bytes.Buffer
	}
	newSARIF := func(opt render.Options) render.Renderer {
		r, err := render.New("sarif", opt)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	outs := []*output{
		{name: "relative", inputs: engine.Expand([]string{corpusDir}),
			r: newSARIF(render.Options{Version: "0.0.0-corpus"})},
		{name: "base dir", inputs: engine.Expand([]string{filepath.Join(root, "testdata", "corpus")}),
			r: newSARIF(render.Options{Version: "0.0.0-corpus", BaseDir: root})},
	}
	if len(outs[0].inputs) < 1000 || len(outs[1].inputs) != len(outs[0].inputs) {
		t.Fatalf("corpus: %d and %d files; expected the same ~1,100 texts", len(outs[0].inputs), len(outs[1].inputs))
	}
	sch := corpusSchema(t)
	meta := render.Meta{Version: "0.0.0-corpus", Rules: corpusRules()}
	for _, o := range outs {
		t.Run(o.name, func(t *testing.T) {
			if err := o.r.Start(&o.buf, meta); err != nil {
				t.Fatal(err)
			}
			var want []diag.Diagnostic
			sum, err := eng.Run(context.Background(), o.inputs, func(r *engine.FileReport) error {
				want = append(want, r.Diagnostics...)
				return o.r.File(&o.buf, &r.FileResult)
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := o.r.Finish(&o.buf, sum); err != nil {
				t.Fatal(err)
			}
			if sum.Files != len(o.inputs) || sum.Unreadable != 0 {
				t.Errorf("summary: %d files, %d unreadable; want %d files, none unreadable", sum.Files, sum.Unreadable, len(o.inputs))
			}
			if len(want) == 0 {
				t.Fatal("no findings in the corpus: the log would not exercise results")
			}

			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(o.buf.Bytes()))
			if err != nil {
				t.Fatalf("the log is not JSON: %v", err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Fatalf("the log does not match the SARIF 2.1.0 schema: %v", err)
			}

			var log corpusLog
			if err := json.Unmarshal(o.buf.Bytes(), &log); err != nil {
				t.Fatal(err)
			}
			if len(log.Runs) != 1 {
				t.Fatalf("%d runs, want 1", len(log.Runs))
			}
			run := log.Runs[0]
			if len(run.Results) != len(want) {
				t.Fatalf("%d results for %d findings", len(run.Results), len(want))
			}
			rules := run.Tool.Driver.Rules
			for i, r := range run.Results {
				d := want[i]
				if r.RuleID != d.Rule || r.RuleIndex == nil || *r.RuleIndex >= len(rules) || rules[*r.RuleIndex].ID != d.Rule {
					t.Errorf("result %d (%s:%d): ruleId %q, ruleIndex %v; want %q", i, d.Path, d.Span.Start.Line, r.RuleID, r.RuleIndex, d.Rule)
				}
				if len(r.Locations) != 1 {
					t.Errorf("result %d (%s:%d): %d locations", i, d.Path, d.Span.Start.Line, len(r.Locations))
					continue
				}
				pl := r.Locations[0].PhysicalLocation
				if pl.ArtifactLocation.URIBaseID != "%SRCROOT%" {
					t.Errorf("result %d: artifact %+v is not under %%SRCROOT%%", i, pl.ArtifactLocation)
				}
				wantURI := d.Path
				if o.name == "base dir" {
					rel, err := filepath.Rel(root, d.Path)
					if err != nil {
						t.Fatal(err)
					}
					wantURI = filepath.ToSlash(rel)
				}
				if got, err := url.PathUnescape(pl.ArtifactLocation.URI); err != nil || got != wantURI {
					t.Errorf("result %d: uri %q, want %q", i, pl.ArtifactLocation.URI, wantURI)
				}
				if pl.Region == nil || pl.Region.StartLine != d.Span.Start.Line || pl.Region.Snippet == nil || pl.Region.Snippet.Text == "" {
					t.Errorf("result %d (%s:%d): region %+v, want line %d with a snippet", i, d.Path, d.Span.Start.Line, pl.Region, d.Span.Start.Line)
				}
			}
			if len(run.Invocations) != 1 || !run.Invocations[0].ExecutionSuccessful || len(run.Invocations[0].ToolExecutionNotifications) != 0 {
				t.Errorf("invocations %+v: want one, successful, without notifications", run.Invocations)
			}
			t.Logf("%d files, %d results, %d bytes of SARIF", sum.Files, len(run.Results), o.buf.Len())
		})
	}
}
