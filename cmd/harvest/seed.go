package main

import (
	"fmt"
	"os"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/citecheck/citecheck/pkg/resolution"
)

// seedEntry is one item of the "resolutions:" section of the curated data
// file (shared data/treaties.yaml).
type seedEntry struct {
	Symbol           string   `yaml:"symbol"`
	Date             string   `yaml:"date"`
	Title            string   `yaml:"title"`
	Confidence       string   `yaml:"confidence"`
	Sources          []string `yaml:"sources"`
	UnverifiedFields []string `yaml:"unverified_fields"`
	Notes            string   `yaml:"notes"`
}

// seedStatements reads the verified facts of the data file's
// "resolutions:" section. A date is taken when the entry's confidence says
// it is verified; a title only when nothing marks it unverified.
func seedStatements(path string) ([]statement, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Resolutions []seedEntry `yaml:"resolutions"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	name := "data/treaties.yaml"
	var out []statement
	for _, e := range doc.Resolutions {
		organ, _, _ := resolution.OrganOfSymbol(e.Symbol)
		if organ == "" {
			warnf("%s: %s: unknown symbol prefix; skipped", name, e.Symbol)
			continue
		}
		conf := strings.ToLower(e.Confidence)
		src := func() string {
			s := name + " (" + e.Confidence + ")"
			if len(e.Sources) > 0 {
				s += ": " + e.Sources[0]
			}
			return s
		}
		if e.Date != "" && strings.Contains(conf, "verified") && !strings.Contains(conf, "date unverified") {
			if !resolution.ValidDate(e.Date) {
				warnf("%s: %s: bad date %q; skipped", name, e.Symbol, e.Date)
			} else {
				out = append(out, statement{symbol: e.Symbol, organ: organ, field: "date", value: e.Date, seed: true, source: src()})
			}
		}
		titleOK := e.Title != "" && !strings.Contains(conf, "title unverified")
		for _, u := range e.UnverifiedFields {
			if strings.Contains(strings.ToLower(u), "title") {
				titleOK = false
			}
		}
		if titleOK {
			out = append(out, statement{symbol: e.Symbol, organ: organ, field: "title", value: e.Title, seed: true, source: src()})
		}
	}
	return out, nil
}
