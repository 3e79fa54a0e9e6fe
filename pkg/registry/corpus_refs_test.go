package registry_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/extract"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/source"
)

// TestCorpusPairsResolve reads every text of the corpus copy in
// testdata/corpus as citecheck does and requires every Treaty Series
// volume/number pair it cites (Ibid. citations included) to resolve to a
// registry entry, unless testdata/registry/omitted.yaml lists the pair with
// its reason. It is what `citecheck refs` reports as "not in registry".
func TestCorpusPairsResolve(t *testing.T) {
	reg, err := registry.Default()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../testdata/registry/omitted.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var omitted []struct {
		Volume string `yaml:"volume"`
		Number string `yaml:"number"`
	}
	if err := yaml.Unmarshal(data, &omitted); err != nil {
		t.Fatal(err)
	}
	skip := map[string]bool{}
	for _, o := range omitted {
		skip[o.Volume+"/"+o.Number] = true
	}
	x := extract.New(reg)
	const dir = "../../testdata/corpus"
	files, pairs := 0, 0
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := filepath.Ext(path); ext != ".txt" && ext != ".md" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := source.New(path, data)
		if err != nil {
			return err
		}
		files++
		for _, r := range x.Extract(document.Parse(f)).Citations {
			if r.RefKind() != extract.KindUNTS {
				continue
			}
			for _, p := range r.Pairs {
				if p.Number.Value == "" {
					continue
				}
				pairs++
				if len(p.Treaties) > 0 || skip[p.Volume.Value+"/"+p.Number.Value] {
					continue
				}
				line := 1 + strings.Count(string(data[:r.Start]), "\n")
				t.Errorf("%s:%d: %s vol. %s, No. %s resolves to no registry entry (%q); register the instrument its footnote annotates, or list the pair in omitted.yaml with the reason",
					strings.TrimPrefix(path, dir+"/"), line, r.Series, p.Volume.Value, p.Number.Value, r.Text)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 1000 || pairs < 250 {
		t.Errorf("only %d files and %d pairs read", files, pairs)
	}
	t.Logf("%d files, %d pairs cited", files, pairs)
}
