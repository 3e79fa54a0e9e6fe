package extract

import (
	"strings"
	"testing"

	"github.com/citecheck/citecheck/pkg/registry"
)

// FuzzKeyEqual keeps keyEqual equal to comparing appendKey's output.
func FuzzKeyEqual(f *testing.F) {
	for _, s := range [][2]string{{"Convention", "convention"}, {"Ukraine’s", "ukraines"}, {"STATE'S", "states"}, {"Émile", "émile"}, {"Rights", "right"}, {"", ""}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, w, key string) {
		want := string(appendKey(nil, w)) == key
		if got := keyEqual(w, key); got != want {
			t.Fatalf("keyEqual(%q, %q) = %v, want %v", w, key, got, want)
		}
		k := string(appendKey(nil, w))
		if !keyEqual(w, k) {
			t.Fatalf("keyEqual(%q, its own key %q) = false", w, k)
		}
	})
}

// slowMatch is Matcher.match with every step taken the long way (nextWord
// and child): the reference the in-place comparison of step is fuzzed
// against.
func slowMatch(text string, w word, n0 *node) (word, *node) {
	n := n0
	var last word
	var lastNode *node
	if n.ti != 0 && (!n.upper || w.upper) {
		last, lastNode = w, n
	}
	for at := w.end; n.hasKids(); {
		cur, c, _ := n.slowStep(text, at, nil)
		if c == nil {
			break
		}
		n, at = c, cur.end
		if n.ti != 0 && (!n.upper || w.upper) {
			last, lastNode = cur, n
		}
	}
	return last, lastNode
}

func FuzzMatchStep(f *testing.F) {
	reg, err := registry.Default()
	if err != nil {
		f.Fatal(err)
	}
	x := New(reg)
	for _, t := range reg.Treaties() {
		f.Add("the " + t.Title + ", 19" + t.ID + "’s")
		for _, a := range t.Aliases {
			f.Add(strings.ToUpper(a) + "'s Protocol")
		}
	}
	for _, s := range []string{
		"the Convention on the Rights of the Child's Optional Protocol",
		"International Covenant on Civil and Political Rights, 1966",
		"Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing",
		"Convention relating to the Status of Refugees’ 1951",
		"United Nations Convention against Transnational Organized Crime1 and",
		"Convention on the Elimination of All Forms of Discrimination against WOMEN'S",
		"Convention on the Privileges and Immunities of the Spécialized Agencies",
		"Geneva Convention relative to the Protection of Civilian Persons in Time of War, of 12 August 1949",
		"Treaty on the NonProliferation of Nuclear Weapons and the TreatyOn",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var key []byte
		for i := 0; i < len(text); i++ {
			if !startsWord(text, i) || !isAlnumByte(text[i]) {
				continue
			}
			w := wordAt(text, i)
			key = appendKey(key[:0], text[w.start:w.end])
			n0 := x.m.first(key)
			if n0 == nil {
				continue
			}
			last, n, _ := x.m.match(text, w, n0, key)
			wantLast, wantN := slowMatch(text, w, n0)
			if last != wantLast || n != wantN {
				t.Fatalf("match(%q at %d) = %+v %p, want %+v %p", text, i, last, n, wantLast, wantN)
			}
		}
	})
}
