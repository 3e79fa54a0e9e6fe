// Command formateq is the helper of scripts/format-equivalence.sh.
//
//	formateq fodt -o DIR FILE...
//
// writes DIR/FOLDER__NAME.fodt for each text FILE (FOLDER is the folder
// it is in), a flat OpenDocument text with real footnotes (see
// formateq.FODT), and prints one line of statistics per file.
//
//	formateq compare [-show N] [-diffs DIR] DOCS WORK
//
//	formateq view FILE...
//
// prints the text view citecheck reads from each .docx or PDF FILE.
//
// compare reads WORK/{text,docx,pdf}.{check,refs}.json (the output of citecheck
// check and refs --format json on the text files and on the .docx and PDF
// made from them) and compares, for each document named in DOCS (the
// statistics printed by fodt), the .docx and PDF results with the text
// results: findings by rule, found, expected and treaty, references by
// kind and what they cite. It prints a summary per format and the first N
// differences, and writes every difference to DIR/FORMAT.diff. It exits 1
// when a document differs.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/citecheck/citecheck/internal/formateq"
	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/source"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	switch os.Args[1] {
	case "fodt":
		os.Exit(fodt(os.Args[2:]))
	case "compare":
		os.Exit(compare(os.Args[2:]))
	case "view":
		os.Exit(view(os.Args[2:]))
	}
	usage()
}

// view prints the text view citecheck reads from a .docx or PDF file.
func view(args []string) int {
	status := 0
	for _, p := range args {
		data, err := os.ReadFile(p)
		var text string
		if err == nil {
			// The engine's format table, as citecheck reads the file.
			lim := engine.DefaultLimits()
			var l *engine.Loaded
			if l, err = engine.Detect(p, data).Read(p, data, &lim); err == nil {
				text = string(l.File.Text)
			}
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "formateq: %s: %v\n", p, err)
			status = 1
			continue
		}
		fmt.Print(text)
	}
	return status
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: formateq fodt -o DIR FILE... | formateq compare [-show N] [-diffs DIR] DOCS WORK")
	os.Exit(2)
}

// Name is the document name of a text file: FOLDER__STEM.
func name(p string) string {
	return filepath.Base(filepath.Dir(p)) + "__" + formateq.Stem(p)
}

func fodt(args []string) int {
	fs := flag.NewFlagSet("fodt", flag.ExitOnError)
	out := fs.String("o", ".", "output folder")
	_ = fs.Parse(args)
	status := 0
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, p := range fs.Args() {
		data, err := os.ReadFile(p)
		if err == nil {
			var f *source.File
			if f, err = source.New(p, data); err == nil {
				b, st := formateq.FODT(f)
				n := name(p)
				if err = os.WriteFile(filepath.Join(*out, n+".fodt"), b, 0o644); err == nil {
					fmt.Fprintf(w, "%s\t%s\tfootnotes=%d linked=%d unlinked=%d repeated=%d dangling=%d joined=%d\n",
						n, p, st.Footnotes, st.Linked, st.Unlinked, st.Repeated, st.Dangling, st.Joined)
				}
			}
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "formateq: %s: %v\n", p, err)
			status = 1
		}
	}
	return status
}

func compare(args []string) int {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	show := fs.Int("show", 5, "differing documents shown per format")
	diffs := fs.String("diffs", "", "folder for the full differences (FORMAT.diff)")
	_ = fs.Parse(args)
	if fs.NArg() != 2 {
		usage()
	}
	docsFile, work := fs.Arg(0), fs.Arg(1)
	docs, src, stats, err := readDocs(docsFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "formateq:", err)
		return 2
	}
	load := func(format string, name func(string) string) (map[string]*formateq.Result, error) {
		res := map[string]*formateq.Result{}
		for _, kind := range []string{"check", "refs"} {
			f, err := os.Open(filepath.Join(work, format+"."+kind+".json"))
			if err != nil {
				return nil, err
			}
			if kind == "check" {
				err = formateq.ReadCheck(f, name, res)
			} else {
				err = formateq.ReadRefs(f, name, res)
			}
			f.Close()
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", format, kind, err)
			}
		}
		return res, nil
	}
	text, err := load("text", name)
	if err != nil {
		fmt.Fprintln(os.Stderr, "formateq:", err)
		return 2
	}
	status := 0
	for _, format := range []string{"docx", "pdf"} {
		got, err := load(format, formateq.Stem)
		if err != nil {
			fmt.Fprintln(os.Stderr, "formateq:", err)
			return 2
		}
		var differing []string
		var full strings.Builder
		findings, refs := 0, 0
		for _, d := range docs {
			want, g := text[d], got[d]
			if want == nil {
				want = &formateq.Result{}
			}
			if g == nil {
				g = &formateq.Result{}
			}
			findings += len(want.Findings)
			refs += len(want.Refs)
			if diff := formateq.Diff(want, g); len(diff) > 0 {
				differing = append(differing, d)
				fmt.Fprintf(&full, "== %s (%s; %s)\n%s\n", d, src[d], stats[d], strings.Join(diff, "\n"))
			}
		}
		fmt.Printf("%-5s %d documents compared (%d findings, %d refs in the text versions): %d identical, %d differing\n",
			format, len(docs), findings, refs, len(docs)-len(differing), len(differing))
		if *diffs != "" {
			if err := os.WriteFile(filepath.Join(*diffs, format+".diff"), []byte(full.String()), 0o644); err != nil {
				fmt.Fprintln(os.Stderr, "formateq:", err)
				return 2
			}
		}
		sort.Strings(differing)
		for i, d := range differing {
			if i == *show {
				fmt.Printf("  … %d more", len(differing)-i)
				if *diffs != "" {
					fmt.Printf(" (all in %s)", filepath.Join(*diffs, format+".diff"))
				}
				fmt.Println()
				break
			}
			diff := formateq.Diff(orEmpty(text[d]), orEmpty(got[d]))
			fmt.Printf("  %s (%s)\n", src[d], stats[d])
			for j, l := range diff {
				if j == 6 {
					fmt.Printf("      … %d more lines\n", len(diff)-j)
					break
				}
				fmt.Printf("      %s\n", l)
			}
		}
		if len(differing) > 0 {
			status = 1
		}
	}
	return status
}

func orEmpty(r *formateq.Result) *formateq.Result {
	if r == nil {
		return &formateq.Result{}
	}
	return r
}

// readDocs reads the statistics fodt printed: name, source path, stats.
func readDocs(file string) (docs []string, src, stats map[string]string, err error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, nil, err
	}
	src, stats = map[string]string{}, map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.SplitN(l, "\t", 3)
		if len(f) != 3 {
			continue
		}
		docs = append(docs, f[0])
		src[f[0]], stats[f[0]] = f[1], f[2]
	}
	sort.Strings(docs)
	return docs, src, stats, nil
}
