package resolution

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestLoadRegistryErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string // substrings of the joined error, in order
	}{
		{"not a list", "symbol: A/RES/64/182\n", []string{"t.yaml:1:1: a resolution registry file must be a list"}},
		{"unknown key", "- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  adopted: x\n  sources: [a]\n",
			[]string{`t.yaml:4:3: unknown key "adopted" (expected one of "date", "organ", "sources", "symbol", "title")`}},
		{"duplicate key", "- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  date: \"2009-12-19\"\n  sources: [a]\n",
			[]string{`t.yaml:4:3: duplicate key "date" (first at line 3)`}},
		{"missing", "- symbol: A/RES/64/182\n  organ: GA\n", []string{`t.yaml:1:3: missing key "date"`, `missing key "sources"`}},
		{"bad date", "- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-02-30\"\n  sources: [a]\n",
			[]string{`t.yaml:3:3: date "2009-02-30" is not a valid YYYY-MM-DD date`}},
		{"organ mismatch", "- symbol: S/RES/1325 (2000)\n  organ: GA\n  date: \"2000-10-31\"\n  sources: [a]\n",
			[]string{`t.yaml:2:3: organ "GA" does not match symbol "S/RES/1325 (2000)" (expected "SC")`}},
		{"not canonical", "- symbol: S/RES/1325(2000)\n  organ: SC\n  date: \"2000-10-31\"\n  sources: [a]\n",
			[]string{`t.yaml:1:3: symbol "S/RES/1325(2000)" is not a canonical resolution symbol (expected "S/RES/1325 (2000)")`}},
		{"unknown prefix", "- symbol: X/RES/1\n  organ: GA\n  date: \"2000-10-31\"\n  sources: [a]\n",
			[]string{`t.yaml:1:3: symbol "X/RES/1" does not start with a known prefix`}},
		{"year off", "- symbol: S/RES/1325 (2000)\n  organ: SC\n  date: \"2001-10-31\"\n  sources: [a]\n",
			[]string{`t.yaml:3:3: date 2001-10-31 is not in 2000`}},
		{"session off", "- symbol: A/RES/64/182\n  organ: GA\n  date: \"2019-12-18\"\n  sources: [a]\n",
			[]string{`does not fit session 64 of the General Assembly (2009–2010)`}},
		{"empty sources", "- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  sources: []\n",
			[]string{`t.yaml:4:12: "sources" must be a non-empty list of strings`}},
		{"syntax", "- symbol: [\n", []string{"t.yaml:"}},
		{"duplicate symbol", "- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  sources: [a]\n- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  sources: [b]\n",
			[]string{`t.yaml:5:3: duplicate symbol "A/RES/64/182" (first defined at t.yaml:1:3)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadRegistry(Source{Name: "t.yaml", Data: []byte(tt.yaml)})
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			for _, w := range tt.want {
				i := strings.Index(msg, w)
				if i < 0 {
					t.Fatalf("error %q does not contain %q", msg, w)
				}
				msg = msg[i+len(w):]
			}
			var re *RegistryError
			if !errors.As(err, &re) {
				t.Errorf("error is not a *RegistryError: %T", err)
			}
		})
	}
}

func TestLoadRegistryAcrossFiles(t *testing.T) {
	a := Source{Name: "a.yaml", Data: []byte("- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  sources: [a]\n")}
	b := Source{Name: "b.yaml", Data: []byte("# comment\n\n- symbol: A/RES/64/182\n  organ: GA\n  date: \"2009-12-18\"\n  sources: [b]\n")}
	_, err := LoadRegistry(a, b)
	if err == nil || !strings.Contains(err.Error(), `b.yaml:3:3: duplicate symbol "A/RES/64/182" (first defined at a.yaml:1:3)`) {
		t.Fatalf("err = %v", err)
	}
	reg, err := LoadRegistry(a, Source{Name: "empty.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	e, ok := reg.Lookup("A/RES/64/182")
	if !ok || e.Date != "2009-12-18" || e.File != "a.yaml" || e.Line != 1 {
		t.Errorf("lookup: %+v %v", e, ok)
	}
}

// TestEmbeddedMatchesYAML checks that the generated Go data behind
// DefaultRegistry is the content of rules/resolutions/*.yaml. If it fails,
// run go generate ./pkg/resolution.
func TestEmbeddedMatchesYAML(t *testing.T) {
	srcs, err := EmbeddedSources()
	if err != nil {
		t.Fatal(err)
	}
	fromYAML, err := LoadRegistry(srcs...)
	if err != nil {
		t.Fatal(err)
	}
	def, err := DefaultRegistry()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromYAML.Entries(), def.Entries()) {
		a, b := fromYAML.Entries(), def.Entries()
		t.Errorf("registry_gen.go is stale (%d YAML entries, %d generated); run go generate ./pkg/resolution", len(a), len(b))
		for i := 0; i < min(len(a), len(b)); i++ {
			if !reflect.DeepEqual(a[i], b[i]) {
				t.Errorf("first difference: %+v vs %+v", a[i], b[i])
				break
			}
		}
	}
}

func TestDefaultRegistry(t *testing.T) {
	reg, err := DefaultRegistry()
	if err != nil {
		t.Fatal(err)
	}
	dated, titled := 0, 0
	for _, e := range reg.Entries() {
		if e.Date != "" {
			dated++
		}
		if e.Title != "" {
			titled++
		}
		if len(e.Sources) == 0 {
			t.Errorf("%s has no sources", e.Symbol)
		}
	}
	if dated < 1000 {
		t.Errorf("only %d dated entries", dated)
	}
	t.Logf("%d entries, %d with date, %d with title", reg.Len(), dated, titled)
	for sym, date := range map[string]string{
		"A/RES/60/288":      "2006-09-08",
		"A/RES/44/25":       "1989-11-20",
		"S/RES/271 (1969)":  "1969-09-15",
		"A/RES/2106 A (XX)": "1965-12-21",
	} {
		if e, ok := reg.Lookup(sym); !ok || e.Date != date {
			t.Errorf("Lookup(%q) = %+v, %v; want date %s", sym, e, ok, date)
		}
	}
	// Security Council numbers grow with time: the numbering checks rely
	// on it.
	sc := reg.sc
	for i := 1; i < len(sc.num); i++ {
		if sc.year[i] < sc.year[i-1] {
			t.Errorf("Security Council resolution %d (%d) is registered as earlier than %d (%d)", sc.num[i], sc.year[i], sc.num[i-1], sc.year[i-1])
		}
	}
	ga := reg.gaOld
	for i := 1; i < len(ga.num); i++ {
		if ga.year[i] < ga.year[i-1] {
			t.Errorf("General Assembly resolution %d (%d) is registered as earlier than %d (%d)", ga.num[i], ga.year[i], ga.num[i-1], ga.year[i-1])
		}
	}
}

// BenchmarkDefaultRegistry measures building the embedded registry from
// the generated data, what the first DefaultRegistry call costs.
func BenchmarkDefaultRegistry(b *testing.B) {
	for b.Loop() {
		if _, err := newRegistry(append([]Entry(nil), embeddedEntries...)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadRegistryYAML measures decoding the YAML files, which
// DefaultRegistry avoids.
func BenchmarkLoadRegistryYAML(b *testing.B) {
	srcs, err := EmbeddedSources()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := LoadRegistry(srcs...); err != nil {
			b.Fatal(err)
		}
	}
}
