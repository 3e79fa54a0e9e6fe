package pdftext

import (
	"bytes"
	"math"
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// rowsRef is rows as first written, comparing each word with every row
// (not only the rows still above it): its definition.
func rowsRef(p *page) []*row {
	ws := slices.Clone(p.words)
	sort.SliceStable(ws, func(i, j int) bool {
		if ws[i].yMin != ws[j].yMin {
			return ws[i].yMin < ws[j].yMin
		}
		return ws[i].xMin < ws[j].xMin
	})
	var rs []*row
	for _, w := range ws {
		best := bestRow(w, rs)
		if best == nil {
			rs = append(rs, &row{words: []word{w}, yMin: w.yMin, yMax: w.yMax})
			continue
		}
		best.words = append(best.words, w)
		best.yMin, best.yMax = math.Min(best.yMin, w.yMin), math.Max(best.yMax, w.yMax)
	}
	for _, r := range rs {
		sort.SliceStable(r.words, func(i, j int) bool { return r.words[i].xMin < r.words[j].xMin })
		r.measure()
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].yMin < rs[j].yMin })
	return rs
}

// TestRowsAsDefined: rows groups words as rowsRef does, on the fixtures'
// pages and on random ones (superscripts, overlapping lines, NaN).
func TestRowsAsDefined(t *testing.T) {
	var pages []page
	for _, out := range fixtureOutputs(t) {
		ps, err := scanBBox(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, ps...)
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var p page
		for range rnd.IntN(60) {
			y := float64(rnd.IntN(40)) * 3
			h := 1 + float64(rnd.IntN(12))
			x := float64(rnd.IntN(500))
			w := word{text: "w", xMin: x, xMax: x + 10, yMin: y, yMax: y + h}
			switch rnd.IntN(40) {
			case 0:
				w.yMin = math.NaN()
			case 1:
				w.yMax = math.NaN()
			case 2:
				w.yMax = math.Inf(1)
			}
			p.words = append(p.words, w)
		}
		pages = append(pages, p)
	}
	for i := range pages {
		got, want := rows(&pages[i]), rowsRef(&pages[i])
		if !reflect.DeepEqual(got, want) && !nanEqual(got, want) {
			t.Fatalf("page %d: rows and rowsRef differ", i)
		}
	}
}

// nanEqual compares rows whose coordinates may be NaN (never DeepEqual).
func nanEqual(a, b []*row) bool {
	if len(a) != len(b) {
		return false
	}
	same := func(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) }
	for i := range a {
		if len(a[i].words) != len(b[i].words) || !same(a[i].yMin, b[i].yMin) || !same(a[i].yMax, b[i].yMax) {
			return false
		}
		for j := range a[i].words {
			w, v := a[i].words[j], b[i].words[j]
			if !same(w.xMin, v.xMin) || !same(w.yMin, v.yMin) || !same(w.yMax, v.yMax) {
				return false
			}
		}
	}
	return true
}

func BenchmarkRows(b *testing.B) {
	var pages []page
	for _, out := range fixtureOutputs(b) {
		ps, _ := scanBBox(bytes.NewReader(out))
		pages = append(pages, ps...)
	}
	if len(pages) == 0 {
		b.Skip("pdftotext not installed")
	}
	for b.Loop() {
		for i := range pages {
			rows(&pages[i])
		}
	}
}

// The regexps the furniture tests were written from.
var (
	jobNumberRE = regexp.MustCompile(`^\d\d-\d{5}(\s.*)?$`)
	barcodeRE   = regexp.MustCompile(`^\*\d{5,}\*$`)
	pageNumRE   = regexp.MustCompile(`^\d{1,3}/\d{1,3}$`)
	symbolRE    = regexp.MustCompile(`^[ASE]/\S+$`)
)

func FuzzFurniture(f *testing.F) {
	for _, s := range []string{"25-16618 (E)    171025", "25-16618", "25-16618\n", "25-16618 a\nb", "25-16618x", "*2516618*", "*1234*", "**", "2/7", "123/456", "1234/5", "/7",
		"A/RES/80/129", "A/ RES", "S/", "E/\xff", "A/RES\f", "Convention", "9", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isJobNumber(s), jobNumberRE.MatchString(s); got != want {
			t.Errorf("isJobNumber(%q) = %v", s, got)
		}
		if got, want := isBarcode(s), barcodeRE.MatchString(s); got != want {
			t.Errorf("isBarcode(%q) = %v", s, got)
		}
		if got, want := isPageNumber(s), pageNumRE.MatchString(s); got != want {
			t.Errorf("isPageNumber(%q) = %v", s, got)
		}
		if got, want := isSymbolLine(s), symbolRE.MatchString(s); got != want {
			t.Errorf("isSymbolLine(%q) = %v", s, got)
		}
		if len(s) > 0 && !mayBeFurniture(s[0]) && (isFurniture(s, true) || isFurniture(s, false)) {
			if strings.TrimSpace(s) == s {
				t.Errorf("mayBeFurniture(%q) = false, but it is furniture", s[0])
			}
		}
	})
}
