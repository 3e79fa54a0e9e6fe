package registry

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func TestPackRoundTrip(t *testing.T) {
	rs := []*Resolution{
		{Symbol: "A/RES/64/182", Organ: "GA", Date: "2009-12-18", Title: "International cooperation", Sources: []string{"A/RES/80/1: “64/182 of 18 December 2009”", "UN Digital Library"}, File: "rules/resolutions/ga.yaml", Line: 12},
		{Symbol: "S/RES/1325 (2000)", Organ: "SC", Date: "2000-10-31", File: "rules/resolutions/sc.yaml", Line: 3},
		{Symbol: "A/DEC/79/573 B", Organ: "GA", Date: "", Sources: []string{""}, File: "x.yaml", Line: 0},
	}
	text, ends, err := pack(rs)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(text, "\n") != len(rs) || len(ends) != len(rs) {
		t.Fatalf("%d lines, %d ends for %d entries", strings.Count(text, "\n"), len(ends), len(rs))
	}
	p := &packedResolutions{text: text, ends: ends}
	for k, want := range rs {
		if got := p.at(k); !reflect.DeepEqual(got, want) {
			t.Errorf("record %d: got %+v, want %+v", k, got, want)
		}
		if !symbolIs(p, k, want.Symbol) || symbolIs(p, k, want.Symbol[:len(want.Symbol)-1]) || symbolIs(p, k, want.Symbol+"x") {
			t.Errorf("record %d: symbolIs does not match its symbol exactly", k)
		}
	}
	if got := p.resolutions(); !reflect.DeepEqual(got, rs) || got[1] != p.at(1) {
		t.Errorf("resolutions() = %v", got)
	}
}

// A field the packed text cannot hold fails the generator, naming the
// entry, instead of compiling a registry that reads back wrong.
func TestPackRejects(t *testing.T) {
	for _, bad := range []string{"a\tb", "a\nb", "a\rb", "a`b", "a\x00b", "a\ufeffb", "a\xffb"} {
		_, _, err := pack([]*Resolution{{Symbol: "A/RES/1/1", Title: bad, File: "ga.yaml", Line: 4}})
		if err == nil || !strings.Contains(err.Error(), "ga.yaml:4: resolution A/RES/1/1") {
			t.Errorf("title %q: err = %v", bad, err)
		}
	}
}

// Lookups from the engine's workers unpack each record once, and every
// caller gets the same pointer.
func TestPackedConcurrent(t *testing.T) {
	reg, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	p := &packedResolutions{text: generatedResolutions.text, ends: generatedResolutions.ends}
	reg.res.packed = p
	syms := []string{}
	for k := 0; k < p.len(); k += 97 {
		syms = append(syms, unpackRecord(p.record(k)).Symbol)
	}
	got := make([][]*Resolution, 8)
	var wg sync.WaitGroup
	for w := range got {
		wg.Go(func() {
			for _, s := range syms {
				e, ok := reg.LookupSymbol(s)
				if !ok {
					t.Errorf("%s not found", s)
				}
				got[w] = append(got[w], e)
			}
		})
	}
	wg.Wait()
	for w := range got {
		for i := range got[w] {
			if got[w][i] != got[0][i] {
				t.Fatalf("worker %d got another pointer for %s", w, syms[i])
			}
		}
	}
}

func FuzzPackRecord(f *testing.F) {
	f.Add("A/RES/64/182", "2009-12-18", "A title", "a source", "another", 7)
	f.Add("", "", "", "", "", 0)
	f.Fuzz(func(t *testing.T, symbol, date, title, s1, s2 string, line int) {
		e := &Resolution{Symbol: symbol, Organ: "GA", Date: date, Title: title, Sources: []string{s1, s2}, File: "f.yaml", Line: line}
		rec, err := packRecord(e)
		if err != nil {
			if !slices.ContainsFunc([]string{symbol, date, title, s1, s2}, func(f string) bool {
				return strings.ContainsAny(f, "\t\n\r`\x00\ufeff") || !utf8.ValidString(f)
			}) {
				t.Fatalf("rejected a record with no tab, line break or backquote: %v", err)
			}
			return
		}
		if got := unpackRecord(rec); !reflect.DeepEqual(got, e) {
			t.Fatalf("round trip: got %+v, want %+v", got, e)
		}
	})
}
