// Command inject writes copies of resolution texts with citation errors
// injected (package mutate), and each copy as a flat OpenDocument text
// with real footnotes (package formateq) for LibreOffice to turn into a
// .docx. scripts/make-fix-fixtures.sh uses it.
//
//	go run ./internal/mutate/cmd/inject -truth testdata/registry/treaties.yaml -o DIR FILE...
//
// For each FILE it writes DIR/NAME.txt and DIR/NAME.fodt, and one line
// per injected error to DIR/truth.jsonl.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/citecheck/citecheck/internal/formateq"
	"github.com/citecheck/citecheck/internal/mutate"
	"github.com/citecheck/citecheck/pkg/source"
)

func main() {
	truthPath := flag.String("truth", "testdata/registry/treaties.yaml", "verified truth registry")
	out := flag.String("o", ".", "output folder")
	seed := flag.Uint64("seed", 7, "random seed")
	perDoc := flag.Int("per-doc", 3, "errors injected per text, at most")
	flag.Parse()
	truth, err := mutate.LoadTruth(*truthPath)
	if err != nil {
		fail(err)
	}
	rng := rand.New(rand.NewPCG(*seed, 14))
	tf, err := os.Create(filepath.Join(*out, "truth.jsonl"))
	if err != nil {
		fail(err)
	}
	defer tf.Close()
	enc := json.NewEncoder(tf)
	for _, p := range flag.Args() {
		data, err := os.ReadFile(p)
		if err != nil {
			fail(err)
		}
		text, muts := truth.Inject(string(data), rng, *perDoc)
		name := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		f, err := source.New(name, []byte(text))
		if err != nil {
			fail(fmt.Errorf("%s: %w", p, err))
		}
		fodt, _ := formateq.FODT(f)
		if err := os.WriteFile(filepath.Join(*out, name+".txt"), []byte(text), 0o644); err != nil {
			fail(err)
		}
		if err := os.WriteFile(filepath.Join(*out, name+".fodt"), fodt, 0o644); err != nil {
			fail(err)
		}
		for _, m := range muts {
			if err := enc.Encode(map[string]any{"file": name, "line": m.Line, "kind": m.Kind, "original": m.Original, "mutated": m.Mutated}); err != nil {
				fail(err)
			}
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "inject:", err)
	os.Exit(1)
}
