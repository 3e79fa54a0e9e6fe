package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/citecheck/citecheck/pkg/resolution"
)

// seedEntry is one item of the "resolutions:" section of a curated data
// file in the form of the shared ground truth (data/treaties.yaml): each
// value with the UN documents or pages it was seen in.
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
// it is verified; a title only when the whole entry is verified ("verified",
// not "date verified" or "title per content", which infers the title from
// what the resolution did) and nothing marks the title unverified.
//
// The facts are credited to the UN documents and pages the data file says
// they were seen in, never to the data file itself: a registry source names
// where a reader can check the fact.
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
	name := filepath.Base(path)
	var out []statement
	for _, e := range doc.Resolutions {
		organ, _, _ := resolution.OrganOfSymbol(e.Symbol)
		if organ == "" {
			warnf("%s: %s: unknown symbol prefix; skipped", name, e.Symbol)
			continue
		}
		srcs := seedSources(e.Sources)
		if len(srcs) == 0 {
			warnf("%s: %s: no source named; skipped", name, e.Symbol)
			continue
		}
		conf := strings.ToLower(strings.TrimSpace(e.Confidence))
		if e.Date != "" && strings.Contains(conf, "verified") && !strings.Contains(conf, "date unverified") {
			if !resolution.ValidDate(e.Date) {
				warnf("%s: %s: bad date %q; skipped", name, e.Symbol, e.Date)
			} else {
				for _, src := range srcs {
					out = append(out, statement{symbol: e.Symbol, organ: organ, field: "date", value: e.Date, seed: true, source: src})
				}
			}
		}
		titleOK := e.Title != "" && conf == "verified"
		for _, u := range e.UnverifiedFields {
			if strings.Contains(strings.ToLower(u), "title") {
				titleOK = false
			}
		}
		if titleOK {
			for _, src := range srcs {
				out = append(out, statement{symbol: e.Symbol, organ: organ, field: "title", value: e.Title, seed: true, source: src})
			}
		}
	}
	return out, nil
}

// seedSources returns the sources of a seed entry that name a UN document
// or page and say what was read in it (quoted words, or a description in
// parentheses); when none says, the first that names a UN document or
// page. Copies on other sites count when they name the UN document
// ("A/RES/72/198 (… copy)"); a page that names none does not.
func seedSources(srcs []string) []string {
	var un []string
	for _, s := range srcs {
		if s = strings.TrimSpace(s); unSourceRE.MatchString(s) {
			un = append(un, s)
		}
	}
	var out []string
	for _, s := range un {
		if strings.ContainsAny(s, "\"“(") {
			out = append(out, s)
		}
	}
	if len(out) == 0 && len(un) > 0 {
		out = un[:1]
	}
	return out
}

// unSourceRE matches a source that names a UN document (A/RES/78/210,
// A/C.3/80/L.5, "GA resolution 52/164", the Multilateral Treaties
// Deposited with the Secretary-General) or a UN page.
var unSourceRE = regexp.MustCompile(`\b[AES]/(?:RES/|C\.\d/|CN\.\d+/)?\d|\bGA resolution \d|\bMTDSG\b|\bUNTC\b|(?:^|[/.])(?:un\.org|unodc\.org|refworld\.org)/`)
