package extract

import (
	"bytes"
	"os"
	"reflect"
	"sync"
	"testing"

	"github.com/citecheck/citecheck/pkg/registry"
)

// TestGeneratedMatcher: zz_matcher.go is the title index of rules/ as
// NewMatcher builds it; run `go generate ./pkg/registry` after editing
// rules/ or the index.
func TestGeneratedMatcher(t *testing.T) {
	if compiled == nil {
		t.Fatal("zz_matcher.go is missing: run go generate ./pkg/registry")
	}
	yamlReg, err := registry.EmbeddedYAML()
	if err != nil {
		t.Fatal(err)
	}
	want, err := GenerateMatcherSource(yamlReg)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("zz_matcher.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("zz_matcher.go is stale: run go generate ./pkg/registry")
	}

	reg, err := registry.Default()
	if err != nil {
		t.Fatal(err)
	}
	// Several at once, as engines in one process are made (the maps of
	// the big nodes are made once, under -race too).
	ms := make([]*Matcher, 4)
	var wg sync.WaitGroup
	for i := range ms {
		wg.Go(func() { ms[i] = matcherFor(reg) })
	}
	wg.Wait()
	built := NewMatcher(reg)
	for _, m := range ms {
		if m.root != &matcherD0[0] {
			t.Fatal("the embedded registry's index is built at start, not compiled")
		}
		if !reflect.DeepEqual(m, built) {
			t.Fatal("the compiled index differs from NewMatcher's")
		}
	}
	// A registry loaded from YAML, even the same rules, is indexed anew:
	// only Generated says its order is the compiled one.
	if m := matcherFor(yamlReg); m.root == &matcherD0[0] || !reflect.DeepEqual(m, NewMatcher(yamlReg)) {
		t.Error("a loaded registry got the compiled index")
	}
	// And one with other entries never gets it.
	if m := testExtractor(t).m; m.root == &matcherD0[0] {
		t.Error("testdata/registry.yaml got the compiled index")
	}
}

// BenchmarkMatcherFor is the title index's share of start-up: the compiled
// index of the embedded registry (a copy of one struct) against indexing
// the same registry at start, as any other registry is.
func BenchmarkMatcherFor(b *testing.B) {
	reg, err := registry.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("compiled", func(b *testing.B) {
		for b.Loop() {
			matcherFor(reg)
		}
	})
	b.Run("built", func(b *testing.B) {
		for b.Loop() {
			NewMatcher(reg)
		}
	})
}
