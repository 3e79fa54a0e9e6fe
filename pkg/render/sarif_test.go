package render

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/source"
)

var sarifSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	// testdata/sarif-schema-2.1.0.json: see testdata/README.md for where
	// it came from.
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // check "uri" and "uri-reference" values too
	if err := c.AddResource(sarifSchemaURI, doc); err != nil {
		return nil, err
	}
	return c.Compile(sarifSchemaURI)
})

// validateSARIF checks out against the OASIS SARIF 2.1.0 schema.
func validateSARIF(t *testing.T, out []byte) {
	t.Helper()
	sch, err := sarifSchema()
	if err != nil {
		t.Fatalf("loading the SARIF schema: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("output does not match the SARIF 2.1.0 schema: %v\n%s", err, out)
	}
}

// TestSARIFSchema validates the fixture's log, an empty log, and a log
// with a base directory and absolute paths against the official schema.
func TestSARIFSchema(t *testing.T) {
	fx := newFixture(t)
	t.Run("fixture", func(t *testing.T) { validateSARIF(t, fx.run(t, &SARIF{})) })
	t.Run("empty", func(t *testing.T) {
		validateSARIF(t, fixture{}.run(t, &SARIF{}))
	})
	t.Run("base dir", func(t *testing.T) {
		base := t.TempDir()
		abs := filepath.ToSlash(filepath.Join(base, "sub dir", "x.txt"))
		out := fixture{files: []*FileResult{
			{Path: abs, Diagnostics: []diag.Diagnostic{{Path: abs, Span: oneLine(1, 1, 3), Rule: "r", Severity: diag.Error, Message: "m"}}},
			{Path: "/elsewhere/y.txt", Diagnostics: []diag.Diagnostic{{Path: "/elsewhere/y.txt", Rule: "r", Severity: diag.Warning, Message: "whole file"}}},
		}}.run(t, &SARIF{BaseDir: base})
		validateSARIF(t, out)
		if !bytes.Contains(out, []byte(`"uri": "sub%20dir/x.txt"`)) {
			t.Errorf("a path inside BaseDir is not relative:\n%s", out)
		}
	})
}

func oneLine(line, start, end int) source.Span {
	return source.Span{Start: source.Pos{Line: line, Col: start}, End: source.Pos{Line: line, Col: end}}
}

// sarifLog is the part of a SARIF log the tests read.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				Rules   []struct {
					ID                   string `json:"id"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		ColumnKind  string            `json:"columnKind"`
		Results     []sarifResult     `json:"results"`
		Invocations []sarifInvocation `json:"invocations"`
	} `json:"runs"`
}

func parseSARIF(t *testing.T, out []byte) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return log
}

// TestSARIFContent checks what GitHub code scanning relies on, beyond the
// schema: rule indexes, levels, locations, fingerprints, snippets, fixes
// and the notification for an unreadable file.
func TestSARIFContent(t *testing.T) {
	fx := newFixture(t)
	log := parseSARIF(t, fx.run(t, &SARIF{Version: "ignored: Meta has one"}))
	run := log.Runs[0]
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	t.Run("header", func(t *testing.T) {
		if log.Version != "2.1.0" || log.Schema != sarifSchemaURI {
			t.Errorf("version %q, $schema %q", log.Version, log.Schema)
		}
		if run.ColumnKind != "unicodeCodePoints" {
			t.Errorf("columnKind = %q", run.ColumnKind)
		}
		d := run.Tool.Driver
		if d.Name != "citecheck" || d.Version != "1.2.3-test" {
			t.Errorf("driver %q %q", d.Name, d.Version)
		}
		if !slices.IsSorted(ids) || len(ids) != len(fx.meta.Rules) {
			t.Errorf("rules %q: want all %d, sorted by ID", ids, len(fx.meta.Rules))
		}
	})
	t.Run("results", func(t *testing.T) {
		var want []diag.Diagnostic
		for _, f := range fx.files {
			want = append(want, f.Diagnostics...)
		}
		if len(run.Results) != len(want) {
			t.Fatalf("%d results, want %d", len(run.Results), len(want))
		}
		for i, r := range run.Results {
			checkSARIFResult(t, i, r, want[i], ids)
		}
	})
	t.Run("first result in full", func(t *testing.T) {
		// The fixture's first finding: snippet and fix.
		first := run.Results[0]
		if got := first.Locations[0].PhysicalLocation.Region.Snippet.Text; got != "1962" {
			t.Errorf("snippet = %q, want 1962", got)
		}
		rep := first.Fixes[0].ArtifactChanges[0].Replacements[0]
		if rep.InsertedContent.Text != "1961" || rep.DeletedRegion.StartColumn != 54 || rep.DeletedRegion.EndColumn != 58 {
			t.Errorf("fix = %+v", rep)
		}
	})
	t.Run("invocation", func(t *testing.T) {
		if len(run.Invocations) != 1 {
			t.Fatalf("%d invocations", len(run.Invocations))
		}
		inv := run.Invocations[0]
		if inv.ExecutionSuccessful {
			t.Error("executionSuccessful with an unreadable file")
		}
		// The file that holds no text is a note; the unreadable one an error.
		notes := inv.ToolExecutionNotifications
		if len(notes) != 2 ||
			notes[0].Level != "note" || notes[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "drafts/c-blank.md" ||
			notes[1].Level != "error" || notes[1].Locations[0].PhysicalLocation.ArtifactLocation.URI != "drafts/missing.txt" {
			t.Errorf("notifications = %+v", notes)
		}
	})
	t.Run("a note alone", func(t *testing.T) {
		// A note alone does not make the run unsuccessful.
		one := fixture{files: []*FileResult{{Path: "blank.md", Notice: "holds no text"}}, summary: Summary{Files: 1, NoText: 1}}
		if inv := parseSARIF(t, one.run(t, &SARIF{})).Runs[0].Invocations[0]; !inv.ExecutionSuccessful {
			t.Error("executionSuccessful false for a run whose only note is a file that holds no text")
		}
	})
}

// checkSARIFResult checks result i, r, against the diagnostic w it was
// written for; ids are the driver's rule IDs, in order.
func checkSARIFResult(t *testing.T, i int, r sarifResult, w diag.Diagnostic, ids []string) {
	t.Helper()
	if r.RuleID != w.Rule || r.RuleIndex == nil || ids[*r.RuleIndex] != w.Rule {
		t.Errorf("result %d: ruleId %q ruleIndex %v, want %q", i, r.RuleID, r.RuleIndex, w.Rule)
	}
	if r.Level != sarifLevel(w.Severity) || r.Message.Text != w.Message {
		t.Errorf("result %d: level %q message %q", i, r.Level, r.Message.Text)
	}
	if r.PartialFingerprints.V1 != w.Fingerprint() {
		t.Errorf("result %d: fingerprint %q, want %q", i, r.PartialFingerprints.V1, w.Fingerprint())
	}
	if len(r.Locations) != 1 {
		t.Fatalf("result %d: %d locations", i, len(r.Locations))
	}
	pl := r.Locations[0].PhysicalLocation
	if pl.ArtifactLocation.URIBaseID != "%SRCROOT%" || strings.ContainsAny(pl.ArtifactLocation.URI, " é") {
		t.Errorf("result %d: artifact %+v", i, pl.ArtifactLocation)
	}
	reg := pl.Region
	if reg == nil || reg.StartLine != w.Span.Start.Line || reg.StartColumn != w.Span.Start.Col ||
		reg.EndLine != w.Span.End.Line || reg.EndColumn != w.Span.End.Col {
		t.Errorf("result %d: region %+v, want span %+v", i, reg, w.Span)
	}
	if reg != nil && (reg.Snippet == nil || reg.Snippet.Text == "") {
		t.Errorf("result %d: no snippet", i)
	}
	if (w.Fix != nil) != (len(r.Fixes) == 1) {
		t.Errorf("result %d: fixes %+v for fix %+v", i, r.Fixes, w.Fix)
	}
}

// TestSARIFSnippetNeedsOffsets checks that a span whose offsets do not
// match its line:column (a diagnostic built by hand) gets no snippet
// rather than the wrong text.
func TestSARIFSnippetNeedsOffsets(t *testing.T) {
	src, err := source.New("a.txt", []byte("one two three\n"))
	if err != nil {
		t.Fatal(err)
	}
	good := src.Span(4, 7)
	bad := oneLine(1, 5, 8) // offsets left at 0
	f := &FileResult{Path: "a.txt", Source: src, Diagnostics: []diag.Diagnostic{
		{Path: "a.txt", Span: good, Rule: "r", Severity: diag.Error, Message: "good"},
		{Path: "a.txt", Span: bad, Rule: "r", Severity: diag.Error, Message: "bad"},
	}}
	log := parseSARIF(t, fixture{files: []*FileResult{f}}.run(t, &SARIF{}))
	res := log.Runs[0].Results
	if s := res[0].Locations[0].PhysicalLocation.Region.Snippet; s == nil || s.Text != "two" {
		t.Errorf("good span: snippet %+v, want \"two\"", s)
	}
	if s := res[1].Locations[0].PhysicalLocation.Region.Snippet; s != nil {
		t.Errorf("span without offsets: snippet %+v, want none", s)
	}
	// A rule missing from Meta.Rules still reports, without ruleIndex.
	if res[0].RuleIndex != nil {
		t.Errorf("ruleIndex %d for a rule not in Meta.Rules", *res[0].RuleIndex)
	}
}

// TestSARIFStreams checks that each result is written by the File call
// that carries it, not held until Finish.
func TestSARIFStreams(t *testing.T) {
	fx := newFixture(t)
	r := &SARIF{}
	var b bytes.Buffer
	if err := r.Start(&b, fx.meta); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(b.Bytes(), []byte(`"results": [`)) {
		t.Fatalf("Start should end by opening results:\n%s", b.Bytes())
	}
	for _, f := range fx.files {
		before := b.Len()
		if err := r.File(&b, f); err != nil {
			t.Fatal(err)
		}
		written := b.Bytes()[before:]
		if got := bytes.Count(written, []byte(`"ruleId"`)); got != len(f.Diagnostics) {
			t.Errorf("%s: File wrote %d results, want %d", f.Path, got, len(f.Diagnostics))
		}
	}
	if err := r.Finish(&b, fx.summary); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, b.Bytes())
}

func TestSARIFBaseURI(t *testing.T) {
	abs := t.TempDir()
	got, err := baseURI(abs)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got, "file:///") || !strings.HasSuffix(got, "/") {
		t.Errorf("baseURI(%q) = %q", abs, got)
	}
	log := parseSARIF(t, fixture{}.run(t, &SARIF{BaseDir: abs}))
	if u := log.Runs[0].OriginalURIBaseIDs["%SRCROOT%"].URI; u != got {
		t.Errorf("originalUriBaseIds = %q, want %q", u, got)
	}
}

func TestSARIFURIs(t *testing.T) {
	tests := []struct{ path, uri, base string }{
		{"drafts/a.txt", "drafts/a.txt", "%SRCROOT%"},
		{"a:b.txt", "a%3Ab.txt", "%SRCROOT%"},
		{"50% #1?.txt", "50%25%20%231%3F.txt", "%SRCROOT%"},
		{"ré/儿.txt", "r%C3%A9/%E5%84%BF.txt", "%SRCROOT%"},
		{"-", "-", "%SRCROOT%"},
		{"/abs/a b.txt", "file:///abs/a%20b.txt", ""},
		{"C:/Users/x.txt", "file:///C:/Users/x.txt", ""},
		{"//host/share/x.txt", "file://host/share/x.txt", ""},
	}
	r := &SARIF{}
	for _, tt := range tests {
		got := r.artifact(tt.path)
		if got.URI != tt.uri || got.URIBaseID != tt.base {
			t.Errorf("artifact(%q) = %+v, want %q base %q", tt.path, got, tt.uri, tt.base)
		}
	}
}

func TestPascalCase(t *testing.T) {
	for in, want := range map[string]string{
		"treaty-year": "TreatyYear", "registry": "Registry", "a--b-": "AB", "": "",
	} {
		if got := pascalCase(in); got != want {
			t.Errorf("pascalCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSARIFSchemaRejects makes sure the schema check has teeth: a wrong
// level, a missing message and an invalid URI must all fail.
func TestSARIFSchemaRejects(t *testing.T) {
	sch, err := sarifSchema()
	if err != nil {
		t.Fatal(err)
	}
	good := string(newFixture(t).run(t, &SARIF{}))
	for name, bad := range map[string]string{
		"level":   strings.Replace(good, `"level": "warning"`, `"level": "serious"`, 1),
		"message": strings.Replace(good, `"message": {`, `"note": {`, 1),
		"uri":     strings.Replace(good, `"uri": "drafts/a.txt"`, `"uri": "http://[bad"`, 1),
		"version": strings.Replace(good, `"version": "2.1.0"`, `"version": "2.2"`, 1),
	} {
		if bad == good {
			t.Fatalf("%s: replacement did not apply", name)
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("%s: the schema accepted an invalid log", name)
		}
	}
}
