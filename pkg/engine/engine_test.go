package engine_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/citecheck/citecheck/pkg/check"
	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/render"
	"github.com/citecheck/citecheck/pkg/source"
)

// TestSeedDraft: the seed draft has exactly one finding, the wrong year of
// the Single Convention on line 9.
func TestSeedDraft(t *testing.T) {
	eng := newEngine(t)
	r := eng.CheckOne(engine.Input{Path: "../../testdata/drafts/ccpcj-draft-links-crime-terrorism.txt"})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if len(r.Diagnostics) != 1 {
		t.Fatalf("got %d findings, want 1: %+v", len(r.Diagnostics), r.Diagnostics)
	}
	d := r.Diagnostics[0]
	if d.Rule != "treaty-year" || d.Span.Start.Line != 9 || d.Found != "1954" || d.Expected != "1961" {
		t.Errorf("got %s at line %d found %q expected %q", d.Rule, d.Span.Start.Line, d.Found, d.Expected)
	}
	// Every Treaty Series citation in its footnotes resolves to an entry.
	n := 0
	for _, ref := range r.Refs.Citations {
		if ref.RefKind() == "unts" {
			n++
			if len(ref.Treaties()) == 0 {
				t.Errorf("citation %q resolves to no registry entry", ref.Text)
			}
		}
	}
	if n != 9 {
		t.Errorf("got %d Treaty Series citations, want the 9 footnotes of the draft that cite it", n)
	}
}

// TestJobsDeterministic: the output is byte-identical whatever -j.
func TestJobsDeterministic(t *testing.T) {
	reg, err := registry.Default()
	if err != nil {
		t.Fatal(err)
	}
	inputs := engine.Expand([]string{corpusDir})
	run := func(jobs int) []byte {
		var buf bytes.Buffer
		eng := engine.New(engine.Options{Registry: reg, Jobs: jobs})
		r := &render.JSON{}
		_ = r.Start(&buf, render.Meta{})
		sum, err := eng.Run(context.Background(), inputs, func(fr *engine.FileReport) error {
			return r.File(&buf, &fr.FileResult)
		})
		if err != nil {
			t.Fatal(err)
		}
		sum.Elapsed = 0
		_ = r.Finish(&buf, sum)
		return buf.Bytes()
	}
	one, many := run(1), run(8)
	if !bytes.Equal(one, many) {
		t.Errorf("-j1 and -j8 outputs differ (%d vs %d bytes)", len(one), len(many))
	}
}

// BenchmarkStages measures each stage over the regression corpus (MB/s), or
// over the folder named by $CITECHECK_BENCH_CORPUS.
func BenchmarkStages(b *testing.B) {
	reg, err := registry.Default()
	if err != nil {
		b.Fatal(err)
	}
	var files [][]byte
	size := int64(0)
	dir := corpusDir
	if d := os.Getenv("CITECHECK_BENCH_CORPUS"); d != "" {
		dir = d // e.g. a corpus made by ../shared/bench/gen_corpus.py
	}
	for _, in := range engine.Expand([]string{dir}) {
		data, err := os.ReadFile(in.Path)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
		size += int64(len(data))
	}
	eng := engine.New(engine.Options{Registry: reg})
	x := eng.Extractor()
	b.Run("source", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, data := range files {
				_, _ = source.New("f", data)
			}
		}
	})
	var srcs []*source.File
	for _, data := range files {
		f, _ := source.New("f", data)
		srcs = append(srcs, f)
	}
	b.Run("document", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, f := range srcs {
				eng.Parse(f)
			}
		}
	})
	var docs []*document.Document
	for _, f := range srcs {
		docs = append(docs, eng.Parse(f))
	}
	b.Run("extract", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, d := range docs {
				x.Extract(d)
			}
		}
	})
	b.Run("check", func(b *testing.B) {
		b.SetBytes(size)
		checks := check.All()
		for b.Loop() {
			for i, d := range docs {
				check.Run(&check.Context{File: srcs[i], Doc: d, Refs: x.Extract(d), Registry: reg}, checks)
			}
		}
	})
	b.Run("all", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, f := range srcs {
				eng.CheckDoc(f, eng.Parse(f))
			}
		}
	})
}

// BenchmarkOneDraft is the latency of checking one draft, registry loading
// included (the embedded registry is built afresh each time).
func BenchmarkOneDraft(b *testing.B) {
	data, err := os.ReadFile("../../testdata/drafts/ccpcj-draft-links-crime-terrorism.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		reg, err := registry.Embedded()
		if err != nil {
			b.Fatal(err)
		}
		eng := engine.New(engine.Options{Registry: reg})
		f, _ := source.New("draft.txt", data)
		eng.CheckDoc(f, document.Parse(f))
	}
}

// TestReuseBuffers: reading files into the buffers of files already
// reported changes nothing, neither what emit sees nor the findings kept
// after it returns (as the baseline command keeps them).
func TestReuseBuffers(t *testing.T) {
	reg, err := registry.Default()
	if err != nil {
		t.Fatal(err)
	}
	inputs := engine.Expand([]string{corpusDir, "../../testdata/synthetic"})
	run := func(reuse bool) (rendered []byte, kept []diag.Diagnostic) {
		var buf bytes.Buffer
		eng := engine.New(engine.Options{Registry: reg, Jobs: 4, ReuseBuffers: reuse})
		r := &render.Text{}
		_ = r.Start(&buf, render.Meta{})
		_, err := eng.Run(context.Background(), inputs, func(fr *engine.FileReport) error {
			kept = append(kept, fr.Diagnostics...)
			if fr.Refs == nil {
				return nil
			}
			for _, ref := range fr.Refs.All() {
				start, _ := ref.Span()
				fmt.Fprintf(&buf, "%s %d %q\n", ref.RefKind(), start, ref.JSON(fr.Source).Text)
			}
			return r.File(&buf, &fr.FileResult)
		})
		if err != nil {
			t.Fatal(err)
		}
		return buf.Bytes(), kept
	}
	want, wantKept := run(false)
	got, gotKept := run(true)
	if !bytes.Equal(got, want) {
		t.Errorf("with ReuseBuffers the output differs (%d vs %d bytes)", len(got), len(want))
	}
	if !reflect.DeepEqual(gotKept, wantKept) {
		t.Errorf("with ReuseBuffers the findings kept after emit differ")
	}
}

// TestParseJoinsTreatySeries: the engine's vocabulary joins "Treaty Se-"
// and "ries" at a footnote's line end, so that the citation is read.
func TestParseJoinsTreatySeries(t *testing.T) {
	reg, err := registry.Default()
	if err != nil {
		t.Fatal(err)
	}
	eng := engine.New(engine.Options{Registry: reg})
	in := "Recalling the Convention on the Rights of the Child,1\n_______________\n1 United Nations, Treaty Se-\nries, vol. 1577, No. 27531.\n"
	f, err := source.New("t.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	d := eng.Parse(f)
	if len(d.Footnotes) != 1 || d.Footnotes[0].Text.Text != "United Nations, Treaty Series, vol. 1577, No. 27531." {
		t.Fatalf("footnotes %+v", d.Footnotes)
	}
}
