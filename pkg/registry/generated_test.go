package registry

import (
	"reflect"
	"testing"
)

// TestGeneratedMatchesYAML: zz_generated.go is rules/treaties and
// rules/resolutions compiled; run `go generate ./pkg/registry` after
// editing the YAML.
func TestGeneratedMatchesYAML(t *testing.T) {
	reg, err := EmbeddedYAML()
	if err != nil {
		t.Fatal(err)
	}
	if len(generated) != reg.Len() {
		t.Fatalf("zz_generated.go has %d entries, rules/treaties %d: run go generate ./pkg/registry", len(generated), reg.Len())
	}
	for i, want := range reg.Treaties() {
		if got := generated[i]; !reflect.DeepEqual(got, want) {
			t.Errorf("entry %s differs from rules/treaties (%s:%d): run go generate ./pkg/registry", want.ID, want.File, want.Line)
		}
	}
	if generatedResolutions.len() != len(reg.Resolutions()) {
		t.Fatalf("zz_generated.go has %d resolutions, rules/resolutions %d: run go generate ./pkg/registry", generatedResolutions.len(), len(reg.Resolutions()))
	}
	for i, want := range reg.Resolutions() {
		if got := generatedResolutions.at(i); !reflect.DeepEqual(got, want) {
			t.Errorf("entry %s differs from rules/resolutions (%s:%d): run go generate ./pkg/registry", want.Symbol, want.File, want.Line)
		}
	}
}

func BenchmarkLoadYAML(b *testing.B) {
	srcs, err := EmbeddedSources()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Load(srcs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildGenerated indexes the generated entries as a loaded
// registry is indexed.
func BenchmarkBuildGenerated(b *testing.B) {
	for b.Loop() {
		build(append([]*Treaty(nil), generated...), append([]*Resolution(nil), generatedResolutions.resolutions()...))
	}
}

// BenchmarkEmbedded is the registry's share of start-up: the embedded
// registry as a run gets it. Before the resolution index was generated it
// took as long as BenchmarkBuildGenerated (3 ms, 12M instructions).
func BenchmarkEmbedded(b *testing.B) {
	for b.Loop() {
		if _, err := Embedded(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGeneratedIndex: the resolution index compiled into zz_generated.go
// is the one buildResolutions works out, and finds every symbol.
func TestGeneratedIndex(t *testing.T) {
	want := buildResolutions(append([]*Resolution(nil), generatedResolutions.resolutions()...))
	got := generatedIndex
	got.resolutions = want.resolutions
	if !reflect.DeepEqual(got, want) {
		t.Fatal("generatedIndex differs from buildResolutions(generatedResolutions): run go generate ./pkg/registry")
	}
	reg, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range reg.Resolutions() {
		if got, ok := reg.LookupSymbol(e.Symbol); !ok || got != e {
			t.Errorf("LookupSymbol(%q) = %v, %v", e.Symbol, got, ok)
		}
		if got, ok := reg.LookupSymbolBytes([]byte(e.Symbol)); !ok || got != e {
			t.Errorf("LookupSymbolBytes(%q) = %v, %v", e.Symbol, got, ok)
		}
		for _, miss := range []string{e.Symbol + " ", e.Symbol[:len(e.Symbol)-1], "x" + e.Symbol} {
			if got, ok := reg.LookupSymbol(miss); ok && got.Symbol != miss {
				t.Errorf("LookupSymbol(%q) = %s", miss, got.Symbol)
			}
		}
	}
	if _, ok := reg.LookupSymbol(""); ok {
		t.Error(`LookupSymbol("") found something`)
	}
}
