// Package mutate injects known citation errors into real resolution texts,
// as ../shared/eval/mutate.py does, for tests that measure what citecheck
// finds and fixes: a treaty's year changed, one digit of a Treaty Series
// volume or number changed so that the pair names no treaty, and a
// footnote's pair swapped for another registered treaty's.
//
// Mutations are made only where the original is a citation the verified
// truth registry (testdata/registry/treaties.yaml) knows, so a correct
// checker can always tell that the mutated text is wrong.
package mutate

import (
	"fmt"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Truth is what the verified registry says: the registered volume/number
// pairs, and the years each title is cited with.
type Truth struct {
	pairs  map[[2]string]bool
	list   [][2]string // sorted
	vols   map[string]bool
	nos    map[string]bool
	titles []titleYears
}

type titleYears struct {
	re    *regexp.Regexp
	word  string // the title's longest word: texts without it are skipped
	years []string
}

// LoadTruth reads a truth registry (testdata/registry/treaties.yaml).
func LoadTruth(path string) (*Truth, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Treaties []map[string]any `yaml:"treaties"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	t := &Truth{pairs: map[[2]string]bool{}, vols: map[string]bool{}, nos: map[string]bool{}}
	byTitle := map[string][]string{}
	var order []string
	for _, e := range doc.Treaties {
		if us, ok := e["unts"].([]any); ok {
			for _, u := range us {
				m, _ := u.(map[string]any)
				v, n := fmt.Sprint(m["volume"]), fmt.Sprint(m["number"])
				if m["volume"] != nil && m["number"] != nil {
					p := [2]string{v, n}
					if !t.pairs[p] {
						t.pairs[p] = true
						t.list = append(t.list, p)
					}
					t.vols[v], t.nos[n] = true, true
				}
			}
		}
		var years []string
		for _, k := range []string{"adopted", "cited_year", "concluded", "opened_for_signature"} {
			if s := fmt.Sprint(e[k]); e[k] != nil && len(s) >= 4 {
				if _, err := strconv.Atoi(s[:4]); err == nil && !slices.Contains(years, s[:4]) {
					years = append(years, s[:4])
				}
			}
		}
		for _, k := range []string{"title", "title_base"} {
			if s, _ := e[k].(string); s != "" && len(years) > 0 {
				if _, seen := byTitle[s]; !seen {
					order = append(order, s)
				}
				for _, y := range years {
					if !slices.Contains(byTitle[s], y) {
						byTitle[s] = append(byTitle[s], y)
					}
				}
			}
		}
	}
	slices.SortFunc(t.list, func(a, b [2]string) int { return strings.Compare(a[0]+"/"+a[1], b[0]+"/"+b[1]) })
	for _, title := range order {
		var words []string
		for _, w := range strings.Fields(title) {
			words = append(words, regexp.QuoteMeta(w))
		}
		re := regexp.MustCompile(strings.Join(words, `\s+`) + `\s+of\s+(\d{4})\b`)
		long := ""
		for _, w := range strings.Fields(title) {
			if len(w) > len(long) {
				long = w
			}
		}
		t.titles = append(t.titles, titleYears{re: re, word: long, years: byTitle[title]})
	}
	return t, nil
}

// Kinds of mutation.
const (
	Year = "year"
	UNTS = "unts"
	Swap = "swap"
)

// Mutation is one injected error.
type Mutation struct {
	Line              int // 1-based
	Kind              string
	Original, Mutated string
}

var untsRE = regexp.MustCompile(`vol\.\s+(\d{2,4}),\s+No\.\s+(\d{3,6})`)

type cand struct {
	kind  string
	line  int
	m     []int // submatch indexes within the line (unts, swap)
	col   int   // year: column of the year in the line
	year  string
	whole string
	years []string
}

// Inject makes up to perDoc mutations in text (one per line, mixing
// kinds) with rng, and returns the mutated text and what was changed.
// Lines keep their endings.
func (t *Truth) Inject(text string, rng *rand.Rand, perDoc int) (string, []Mutation) {
	lines := strings.SplitAfter(text, "\n")
	var cands []cand
	for i, l := range lines {
		for _, m := range untsRE.FindAllStringSubmatchIndex(l, -1) {
			if t.pairs[[2]string{l[m[2]:m[3]], l[m[4]:m[5]]}] {
				cands = append(cands, cand{kind: UNTS, line: i, m: m}, cand{kind: Swap, line: i, m: m})
			}
		}
	}
	starts := make([]int, len(lines)+1)
	for i, l := range lines {
		starts[i+1] = starts[i] + len(l)
	}
	for _, ty := range t.titles {
		if !strings.Contains(text, ty.word) {
			continue
		}
		for _, m := range ty.re.FindAllStringSubmatchIndex(text, -1) {
			y := text[m[2]:m[3]]
			if !slices.Contains(ty.years, y) {
				continue
			}
			i := 0
			for i+1 < len(starts) && starts[i+1] <= m[2] {
				i++
			}
			cands = append(cands, cand{kind: Year, line: i, col: m[2] - starts[i], year: y, whole: text[m[0]:m[1]], years: ty.years})
		}
	}
	rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	// Round robin over kinds, rarest first, so every document mixes them.
	byKind := map[string][]cand{}
	for _, c := range cands {
		byKind[c.kind] = append(byKind[c.kind], c)
	}
	cands = cands[:0]
	for len(byKind[Year])+len(byKind[Swap])+len(byKind[UNTS]) > 0 {
		for _, k := range []string{Year, Swap, UNTS} {
			if n := len(byKind[k]); n > 0 {
				cands = append(cands, byKind[k][n-1])
				byKind[k] = byKind[k][:n-1]
			}
		}
	}
	used := map[int]bool{}
	var muts []Mutation
	for _, c := range cands {
		if len(muts) >= perDoc {
			break
		}
		if used[c.line] {
			continue
		}
		l := lines[c.line]
		switch c.kind {
		case Year:
			y, _ := strconv.Atoi(c.year)
			ny := y
			steps := []int{-17, -11, -7, -5, -3, -2, -1, 1, 2, 3, 5, 7, 11}
			for ny == y || slices.Contains(c.years, strconv.Itoa(ny)) {
				ny = y + steps[rng.IntN(len(steps))]
			}
			orig := strings.Join(strings.Fields(c.whole), " ")
			lines[c.line] = l[:c.col] + strconv.Itoa(ny) + l[c.col+4:]
			muts = append(muts, Mutation{Line: c.line + 1, Kind: Year, Original: orig, Mutated: orig[:len(orig)-4] + strconv.Itoa(ny)})
		case UNTS:
			m := c.m
			vol, no := l[m[2]:m[3]], l[m[4]:m[5]]
			nv, nn, ok := vol, no, false
			for range 50 {
				if rng.Float64() < 0.5 {
					if nv, nn = otherDigit(rng, vol), no; !t.vols[nv] {
						ok = true
						break
					}
				} else if nv, nn = vol, otherDigit(rng, no); !t.nos[nn] {
					ok = true
					break
				}
			}
			if !ok {
				continue
			}
			orig := l[m[0]:m[1]]
			mut := orig[:m[2]-m[0]] + nv + orig[m[3]-m[0]:m[4]-m[0]] + nn + orig[m[5]-m[0]:]
			lines[c.line] = l[:m[0]] + mut + l[m[1]:]
			muts = append(muts, Mutation{Line: c.line + 1, Kind: UNTS, Original: orig, Mutated: mut})
		case Swap:
			m := c.m
			no := l[m[4]:m[5]]
			var others [][2]string
			for _, p := range t.list {
				if p[1] != no {
					others = append(others, p)
				}
			}
			p := others[rng.IntN(len(others))]
			orig := l[m[0]:m[1]]
			mut := orig[:m[2]-m[0]] + p[0] + orig[m[3]-m[0]:m[4]-m[0]] + p[1] + orig[m[5]-m[0]:]
			lines[c.line] = l[:m[0]] + mut + l[m[1]:]
			muts = append(muts, Mutation{Line: c.line + 1, Kind: Swap, Original: orig, Mutated: mut})
		}
		used[c.line] = true
	}
	return strings.Join(lines, ""), muts
}

func otherDigit(rng *rand.Rand, s string) string {
	i := rng.IntN(len(s))
	var choices []byte
	for d := byte('0'); d <= '9'; d++ {
		if d != s[i] && !(i == 0 && d == '0') {
			choices = append(choices, d)
		}
	}
	return s[:i] + string(choices[rng.IntN(len(choices))]) + s[i+1:]
}
