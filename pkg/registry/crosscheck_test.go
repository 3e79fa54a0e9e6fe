package registry

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// sharedTreaty is one verified entry of testdata/registry/treaties.yaml, the
// hand-verified ground truth the embedded registry is checked against. Only
// the verified fields are read: unverified_fields and unverified_treaties
// hold values recalled from memory and are deliberately ignored.
type sharedTreaty struct {
	ID                 string           `yaml:"id"`
	Title              string           `yaml:"title"`
	TitleBase          string           `yaml:"title_base"`
	Adopted            string           `yaml:"adopted"`
	Concluded          string           `yaml:"concluded"`
	OpenedForSignature string           `yaml:"opened_for_signature"`
	CitedYear          int              `yaml:"cited_year"`
	UNTS               []sharedCitation `yaml:"unts"`
	LNTS               []sharedCitation `yaml:"lnts"`
	Confidence         string           `yaml:"confidence"`
}

type sharedCitation struct {
	Volume string `yaml:"volume"`
	Number string `yaml:"number"`
}

// volume drops the arabic gloss the shared data adds to roman LNTS volumes
// ("LX (60)" → "LX").
func (c sharedCitation) volume() string {
	v, _, _ := strings.Cut(c.Volume, " ")
	return v
}

func loadShared(t *testing.T) []sharedTreaty {
	t.Helper()
	data, err := os.ReadFile("../../testdata/registry/treaties.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Treaties []sharedTreaty `yaml:"treaties"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("testdata/registry/treaties.yaml: %v", err)
	}
	if len(doc.Treaties) < 100 {
		t.Fatalf("testdata/registry/treaties.yaml: only %d treaties read", len(doc.Treaties))
	}
	return doc.Treaties
}

func defaultRegistry(t *testing.T) *Registry {
	t.Helper()
	r, err := Default()
	if err != nil {
		t.Fatalf("embedded registry does not load:\n%v", err)
	}
	return r
}

// sameDate reports whether two sourced dates agree. A bare year agrees with
// a full date in that year: one source may give only the year.
func sameDate(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) == 4 || len(b) == 4 {
		return a[:4] == b[:4]
	}
	return false
}

func hasCitation(cs []Citation, vol, num string) bool {
	return slices.ContainsFunc(cs, func(c Citation) bool { return c.Volume == vol && c.Number == num })
}

// TestCrossCheckShared checks every verified treaty of the shared ground
// truth against the embedded registry entry with the same ID.
func TestCrossCheckShared(t *testing.T) {
	reg := defaultRegistry(t)
	for _, s := range loadShared(t) {
		if s.Confidence != "verified" {
			continue
		}
		e, ok := reg.Lookup(s.ID)
		if !ok {
			t.Errorf("%s: in testdata/registry/treaties.yaml but not in the registry", s.ID)
			continue
		}
		where := e.File + ":" + strconv.Itoa(e.Line) + ": " + s.ID
		if !titleAgrees(reg, e, s) {
			t.Errorf("%s: title %q (title_base %q), shared data has %q", where, e.Title, e.TitleBase, s.Title)
		}
		for _, d := range []struct{ name, reg, shared string }{
			{"adopted", e.Adopted, s.Adopted},
			{"concluded", e.Concluded, s.Concluded},
			{"opened_for_signature", e.OpenedForSignature, s.OpenedForSignature},
		} {
			if d.reg != "" && d.shared != "" && !sameDate(d.reg, d.shared) {
				t.Errorf("%s: %s %q, shared data has %q", where, d.name, d.reg, d.shared)
			}
		}
		if s.CitedYear != 0 && e.CitedYear != s.CitedYear {
			t.Errorf("%s: cited_year %d, shared data has %d", where, e.CitedYear, s.CitedYear)
		}
		for _, c := range s.UNTS {
			if !hasCitation(e.UNTS, c.volume(), c.Number) {
				t.Errorf("%s: lacks unts vol. %s, No. %s (shared data has it); registry has %v", where, c.volume(), c.Number, e.UNTS)
			}
		}
		for _, c := range s.LNTS {
			if !hasCitation(e.LNTS, c.volume(), c.Number) {
				t.Errorf("%s: lacks lnts vol. %s, No. %s (shared data has it); registry has %v", where, c.volume(), c.Number, e.LNTS)
			}
		}
	}
}

// titleAgrees accepts the same title, or a registry title_base that with
// one of the entry's years gives the shared title ("… of 1961").
func titleAgrees(reg *Registry, e *Treaty, s sharedTreaty) bool {
	if e.Title == s.Title {
		return true
	}
	if s.TitleBase != "" && s.TitleBase == e.TitleBase {
		return true
	}
	if e.TitleBase == "" {
		return false
	}
	for _, y := range reg.Years(e) {
		if e.TitleBase+" of "+strconv.Itoa(y) == s.Title {
			return true
		}
	}
	return false
}

func TestRegistrySize(t *testing.T) {
	reg := defaultRegistry(t)
	if n := reg.Len(); n < 150 {
		t.Errorf("registry has %d entries, want at least 150", n)
	}
}

// TestEverySourced checks that every entry names at least one source, and
// that none is blank.
func TestEverySourced(t *testing.T) {
	reg := defaultRegistry(t)
	for _, e := range reg.Treaties() {
		if len(e.Sources) == 0 {
			t.Errorf("%s:%d: %s has no sources", e.File, e.Line, e.ID)
		}
		for _, s := range e.Sources {
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s:%d: %s has a blank source", e.File, e.Line, e.ID)
			}
		}
	}
}

// TestNoYearOnlyAliases guards against short forms such as "1988 Convention"
// or "1967 Protocol": they name different instruments in different
// resolutions and are resolved from context by the checks, not by the
// registry.
func TestNoYearOnlyAliases(t *testing.T) {
	reg := defaultRegistry(t)
	for _, e := range reg.Treaties() {
		for _, a := range e.Aliases {
			f := strings.Fields(a)
			if len(f) == 2 && len(f[0]) == 4 && strings.Trim(f[0], "0123456789") == "" {
				t.Errorf("%s:%d: %s: alias %q is a year-only short form", e.File, e.Line, e.ID, a)
			}
		}
	}
}

// TestLinksAreTyped checks the link structure the checks rely on: an
// amended form names its base, protocols name their parent, and no entry
// links to itself.
func TestLinksAreTyped(t *testing.T) {
	reg := defaultRegistry(t)
	for _, e := range reg.Treaties() {
		for k, id := range map[string]string{"protocol_to": e.ProtocolTo, "amends": e.Amends, "amended_form_of": e.AmendedFormOf, "amended_by": e.AmendedBy, "supersedes": e.Supersedes} {
			if id == e.ID {
				t.Errorf("%s:%d: %s: %s names the entry itself", e.File, e.Line, e.ID, k)
			}
		}
		if strings.HasPrefix(e.Title, "Optional Protocol to ") && e.ProtocolTo == "" {
			t.Errorf("%s:%d: %s: an optional protocol needs protocol_to", e.File, e.Line, e.ID)
		}
	}
	for _, c := range []struct{ a, b string }{
		{"single_convention_1961_as_amended", "protocol_1972_single_convention"},
		{"untoc_firearms_protocol", "untoc"},
		{"crc_opac", "crc"},
		{"kyoto_protocol", "unfccc"},
	} {
		a, okA := reg.Lookup(c.a)
		b, okB := reg.Lookup(c.b)
		if !okA || !okB {
			t.Errorf("missing %s or %s", c.a, c.b)
			continue
		}
		if !reg.Related(a, b) {
			t.Errorf("%s and %s should be related", c.a, c.b)
		}
	}
	a, _ := reg.Lookup("psychotropic_substances_1971")
	b, _ := reg.Lookup("illicit_traffic_1988")
	if a != nil && b != nil && reg.Related(a, b) {
		t.Errorf("psychotropic_substances_1971 and illicit_traffic_1988 should not be related")
	}
}
