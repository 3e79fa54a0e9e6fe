package registry

import (
	"reflect"
	"testing"
)

// TestGeneratedMatchesYAML: zz_generated.go is rules/treaties and
// rules/resolutions compiled; run `go generate ./pkg/registry` after
// editing the YAML.
func TestGeneratedMatchesYAML(t *testing.T) {
	srcs, err := EmbeddedSources()
	if err != nil {
		t.Fatal(err)
	}
	reg, err := Load(srcs)
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
	if len(generatedResolutions) != len(reg.Resolutions()) {
		t.Fatalf("zz_generated.go has %d resolutions, rules/resolutions %d: run go generate ./pkg/registry", len(generatedResolutions), len(reg.Resolutions()))
	}
	for i, want := range reg.Resolutions() {
		if got := generatedResolutions[i]; !reflect.DeepEqual(got, want) {
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

func BenchmarkBuildGenerated(b *testing.B) {
	for b.Loop() {
		build(append([]*Treaty(nil), generated...), append([]*Resolution(nil), generatedResolutions...))
	}
}
