package mutate

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestInject(t *testing.T) {
	truth, err := LoadTruth("../../testdata/registry/treaties.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := "Recalling the Single Convention on Narcotic Drugs of 1961,¹\r\n" +
		"and the Convention on Psychotropic Substances of 1971,²\r\n\r\n" +
		"¹ United Nations, Treaty Series, vol. 520, No. 7515.\r\n" +
		"² Ibid., vol. 1019, No. 14956.\r\n"
	kinds := map[string]int{}
	for seed := range uint64(40) {
		out, muts := truth.Inject(text, rand.New(rand.NewPCG(seed, 7)), 3)
		if len(muts) == 0 || len(muts) > 3 {
			t.Fatalf("seed %d: %d mutations", seed, len(muts))
		}
		if strings.Count(out, "\r\n") != strings.Count(text, "\r\n") || len(strings.Split(out, "\n")) != len(strings.Split(text, "\n")) {
			t.Fatalf("seed %d: line structure changed:\n%q", seed, out)
		}
		lines, orig := strings.Split(out, "\n"), strings.Split(text, "\n")
		for _, m := range muts {
			kinds[m.Kind]++
			l := lines[m.Line-1]
			if !strings.Contains(l, m.Mutated[len(m.Mutated)-4:]) || l == orig[m.Line-1] {
				t.Errorf("seed %d: %+v not on line %d: %q", seed, m, m.Line, l)
			}
			if m.Kind == UNTS {
				f := untsRE.FindStringSubmatch(m.Mutated)
				if truth.pairs[[2]string{f[1], f[2]}] {
					t.Errorf("seed %d: %q is a registered pair", seed, m.Mutated)
				}
			}
		}
	}
	for _, k := range []string{Year, UNTS, Swap} {
		if kinds[k] == 0 {
			t.Errorf("no %s mutation in 40 seeds: %v", k, kinds)
		}
	}
}
