package registry

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/citecheck/citecheck/pkg/yamlnode"
)

// citedPair is one volume/number pair read from a corpus footnote; Number is
// empty for a volume-and-page citation ("vol. 75, p. 287").
type citedPair struct{ Volume, Number, Page string }

var (
	// "vol. 1125, Nos. 17512 and 17513", "vols. 2225, 2237, 2241 and 2326,
	// No. 39574", "vol. 75 (1950), Nos. 970-973", "vol. XCIV (1929), No.
	// 2138, p. 65", OCR forms "vol, 75" and "vol. 75. No. 973", and the
	// corpus typo "vol. 3175, 612" (for "vol. 3175, No. 612").
	volRE    = regexp.MustCompile(`(?i)\bvols?[.,]?\s*((?:(?:\d+|[IVXLC]+)(?:\s*\(\d{4}\))?(?:\s*,\s*|\s+and\s+)?)+)[.,]?\s*(?:(Nos?\.\s*)?(\d+(?:\s*[-–]\s*\d+|(?:\s*,\s*\d+)*(?:\s+and\s+\d+)?)?)\b(?:,\s*p\.\s*(\d+))?|p\.\s*(\d+))?`)
	volNumRE = regexp.MustCompile(`\d+|\b[IVXLC]+\b`)
	// "Ibid., No. 973" keeps the volume of the footnote before it.
	ibidNoRE  = regexp.MustCompile(`^Ibid\.,\s*No\.\s*(\d+)`)
	bareIbid  = regexp.MustCompile(`^Ibid\.\s*$`)
	yearRefRE = regexp.MustCompile(`\(\d{4}\)`)
	digitsRE  = regexp.MustCompile(`\d+`)
)

// parseFootnote extracts the Treaty Series pairs of one footnote. prev holds
// the pairs of the footnote before it, which "Ibid." continues.
func parseFootnote(text string, prev []citedPair) []citedPair {
	text = strings.TrimSpace(text)
	if bareIbid.MatchString(text) {
		return prev
	}
	if m := ibidNoRE.FindStringSubmatch(text); m != nil && !strings.Contains(text, "vol") {
		if len(prev) == 0 {
			return nil
		}
		return []citedPair{{Volume: prev[len(prev)-1].Volume, Number: m[1]}}
	}
	var out []citedPair
	for _, m := range volRE.FindAllStringSubmatch(text, -1) {
		vols := volNumRE.FindAllString(yearRefRE.ReplaceAllString(m[1], ""), -1)
		var nums []string
		switch spec := m[3]; {
		case spec == "":
		case strings.ContainsAny(spec, "-–"):
			ends := digitsRE.FindAllString(spec, 2)
			lo, _ := strconv.Atoi(ends[0])
			hi, _ := strconv.Atoi(ends[1])
			for n := lo; n <= hi; n++ {
				nums = append(nums, strconv.Itoa(n))
			}
		default:
			nums = digitsRE.FindAllString(spec, -1)
		}
		// Without "No." the list "vol. 3175, 612" is one volume and one
		// number, read by volRE as two volumes.
		if m[2] == "" && len(nums) == 0 && len(vols) == 2 && !strings.Contains(m[1], "and") {
			vols, nums = vols[:1], vols[1:]
		}
		page := m[4] + m[5]
		if len(nums) == 0 {
			for _, v := range vols {
				out = append(out, citedPair{Volume: v, Page: page})
			}
			continue
		}
		for _, v := range vols {
			for _, n := range nums {
				out = append(out, citedPair{Volume: v, Number: n, Page: page})
			}
		}
	}
	return out
}

func TestParseFootnote(t *testing.T) {
	for _, c := range []struct {
		in   string
		prev []citedPair
		want string
	}{
		{"United Nations, Treaty Series, vol. 1249, No. 20378.", nil, "1249/20378"},
		{"United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.", nil, "2225/39574 2237/39574 2241/39574 2326/39574"},
		{"United Nations, Treaty Series, vol. 75, Nos. 970–973.", nil, "75/970 75/971 75/972 75/973"},
		{"United Nations, Treaty Series, vol. 75 (1950), Nos. 970- 973.", nil, "75/970 75/971 75/972 75/973"},
		{"Ibid., vol. 1125, Nos. 17512 and 17513.", nil, "1125/17512 1125/17513"},
		{"Ibid., vol. 2131, No. 20378; and vols. 2171, 2173 and 2983, No. 27531.", nil, "2131/20378 2171/27531 2173/27531 2983/27531"},
		{"League of Nations, Treaty Series, vol. XCIV (1929), No. 2138, p. 65", nil, "XCIV/2138"},
		{"United Nations, Treaty Series, vol, 75, No. 973.", nil, "75/973"},
		{"United Nations, Treaty Series, vol. 75. No. 973.", nil, "75/973"},
		{"Ibid., vol. 3175, 612.", nil, "3175/612"},
		{"United Nations, Treaty Series, vol. 75, p. 287.", nil, "75/"},
		{"Ibid.", []citedPair{{Volume: "1678", Number: "29004"}}, "1678/29004"},
		{"Ibid., No. 973.", []citedPair{{Volume: "75", Number: "970"}, {Volume: "75", Number: "973"}}, "75/973"},
	} {
		var got []string
		for _, p := range parseFootnote(c.in, c.prev) {
			got = append(got, p.Volume+"/"+p.Number)
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("parseFootnote(%q) = %q, want %q", c.in, g, c.want)
		}
	}
}

type omission struct {
	Volume string `yaml:"volume"`
	Number string `yaml:"number"`
	Source string `yaml:"source"`
	Reason string `yaml:"reason"`
}

func loadOmitted(t *testing.T) map[string]omission {
	t.Helper()
	data, err := os.ReadFile("../../testdata/registry/omitted.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var list []omission
	if err := yaml.Unmarshal(data, &list); err != nil {
		t.Fatalf("omitted.yaml: %v", err)
	}
	m := map[string]omission{}
	for _, o := range list {
		if o.Volume == "" || o.Number == "" || strings.TrimSpace(o.Reason) == "" {
			t.Errorf("omitted.yaml: entry %+v needs volume, number and reason", o)
		}
		m[o.Volume+"/"+o.Number] = o
	}
	return m
}

// TestCorpusFootnotesResolve checks that every Treaty Series pair cited in a
// footnote of the shared corpus resolves to a registry entry, or is a
// deliberate omission listed with its reason in omitted.yaml.
func TestCorpusFootnotesResolve(t *testing.T) {
	reg := defaultRegistry(t)
	omitted := loadOmitted(t)
	f, err := os.Open("../../testdata/registry/unts-footnotes.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var prev []citedPair
	used := map[string]bool{}
	lines, pairs, resolved := 0, 0, 0
	sc := bufio.NewScanner(f)
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("unts-footnotes.txt:%d: want file, TAB, footnote number, TAB, text", ln)
		}
		lines++
		ps := parseFootnote(parts[2], prev)
		if len(ps) == 0 {
			t.Errorf("unts-footnotes.txt:%d: no volume found in %q", ln, parts[2])
		}
		prev = ps
		for _, p := range ps {
			where := fmt.Sprintf("unts-footnotes.txt:%d (%s %s)", ln, parts[0], parts[1])
			if p.Number == "" {
				if !volumePageKnown(reg, p) {
					t.Errorf("%s: no entry in vol. %s at p. %s", where, p.Volume, p.Page)
				}
				continue
			}
			pairs++
			key := p.Volume + "/" + p.Number
			if len(reg.ByUNTS(p.Volume, p.Number)) > 0 {
				resolved++
				if _, ok := omitted[key]; ok {
					t.Errorf("%s: vol. %s, No. %s is listed in omitted.yaml but resolves", where, p.Volume, p.Number)
				}
				continue
			}
			if _, ok := omitted[key]; ok {
				used[key] = true
				continue
			}
			t.Errorf("%s: vol. %s, No. %s resolves to no registry entry and is not in omitted.yaml", where, p.Volume, p.Number)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for k := range omitted {
		if !used[k] {
			t.Errorf("omitted.yaml: %s is not cited in unts-footnotes.txt", k)
		}
	}
	if lines < 200 {
		t.Errorf("only %d footnotes read", lines)
	}
	t.Logf("%d footnotes, %d pair citations, %d resolved, %d omitted", lines, pairs, resolved, pairs-resolved)
}

func volumePageKnown(reg *Registry, p citedPair) bool {
	for _, tr := range reg.ByVolume(p.Volume) {
		for _, c := range tr.UNTS {
			if c.Volume == p.Volume && (p.Page == "" || c.Page == p.Page) {
				return true
			}
		}
	}
	return false
}

// The loader's own tests live with the loader; these check the behaviour
// the registry data relies on.

func loadOne(name, data string) error {
	_, err := Load([]Source{{Name: name, Data: []byte(data)}})
	return err
}

func TestLoadUnknownKey(t *testing.T) {
	err := loadOne("rules/treaties/x.yaml", `- id: x
  title: X Convention
  adopted_on: '1990'
  sources: [test]
`)
	if err == nil {
		t.Fatal("want an error for an unknown key")
	}
	msg := err.Error()
	for _, want := range []string{"rules/treaties/x.yaml:3:3:", `unknown key "adopted_on"`, `"adopted"`, `"unts"`, `"sources"`} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	var e *yamlnode.Error
	if !errors.As(err, &e) || e.Line != 3 || e.Col != 3 {
		t.Errorf("error %v: want a *yamlnode.Error at 3:3", err)
	}
}

func TestLoadDuplicateID(t *testing.T) {
	_, err := Load([]Source{
		{Name: "a.yaml", Data: []byte("- id: x\n  title: X Convention\n  sources: [s]\n")},
		{Name: "b.yaml", Data: []byte("- id: y\n  title: Y Convention\n  sources: [s]\n- id: x\n  title: Other X\n  sources: [s]\n")},
	})
	if err == nil || !strings.Contains(err.Error(), `b.yaml:4:3: duplicate id "x" (first defined at a.yaml:1)`) {
		t.Errorf("got %v, want a duplicate id error at b.yaml:4:3 naming a.yaml:1", err)
	}
}

func TestLoadDuplicateAlias(t *testing.T) {
	err := loadOne("d.yaml", `- id: a
  title: Convention on Things
  aliases: [Things Convention]
  sources: [s]
- id: b
  title: Protocol on Things
  aliases: ["Things  Convention,"]
  sources: [s]
`)
	if err == nil || !strings.Contains(err.Error(), `title or alias "Things  Convention," is also used by "a"`) {
		t.Errorf("got %v, want a duplicate alias error (aliases compare after normalisation)", err)
	}
}

func TestLoadMissingSources(t *testing.T) {
	err := loadOne("m.yaml", "- id: a\n  title: Convention on Things\n")
	if err == nil || !strings.Contains(err.Error(), `missing required key "sources"`) {
		t.Errorf("got %v, want a missing sources error", err)
	}
}

func TestLoadUserOverride(t *testing.T) {
	srcs, err := EmbeddedSources()
	if err != nil {
		t.Fatal(err)
	}
	user := Source{Name: "my.yaml", User: true, Data: []byte(`- id: psychotropic_substances_1971
  aliases: [Psychotropics Convention]
  sources: [my office]
- id: my_local_treaty
  title: Convention on Local Things
  sources: [my office]
`)}
	reg, err := Load(append(srcs, user))
	if err != nil {
		t.Fatal(err)
	}
	e, ok := reg.Lookup("psychotropic_substances_1971")
	if !ok {
		t.Fatal("overridden entry is gone")
	}
	if e.Title != "Convention on Psychotropic Substances of 1971" || len(e.UNTS) == 0 {
		t.Errorf("override lost embedded fields: %+v", e)
	}
	if len(e.Aliases) != 1 || e.Aliases[0] != "Psychotropics Convention" || e.File != "my.yaml" {
		t.Errorf("override not applied: aliases %v, file %s", e.Aliases, e.File)
	}
	if _, ok := reg.Lookup("my_local_treaty"); !ok {
		t.Error("user entry not added")
	}
	def := defaultRegistry(t)
	if reg.Len() != def.Len()+1 {
		t.Errorf("Len() = %d, want %d", reg.Len(), def.Len()+1)
	}
	// Two user files may not set the same entry.
	_, err = Load(append(srcs, user, Source{Name: "other.yaml", User: true, Data: []byte("- id: psychotropic_substances_1971\n  notes: x\n  sources: [s]\n")}))
	if err == nil || !strings.Contains(err.Error(), "also set by my.yaml") {
		t.Errorf("got %v, want a conflict between two user files", err)
	}
}
