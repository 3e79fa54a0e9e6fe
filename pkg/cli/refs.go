package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/extract"
	"github.com/citecheck/citecheck/pkg/render"
)

type refsOptions struct {
	runOptions
	format string
}

func newRefsCmd(e *env) *cobra.Command {
	var o refsOptions
	cmd := &cobra.Command{
		Use:   "refs [flags] PATH... | -",
		Short: "List every reference citecheck recognised, and what it resolved to",
		Long: `List every reference citecheck recognised in the files: treaty mentions
with the year read and the registry entry they resolve to, Treaty Series
citations with their volumes and numbers, and Ibid. footnotes with what they
refer to. Use it to audit what was understood.`,
		Args: needPaths(e),
		RunE: func(cmd *cobra.Command, args []string) error { return runRefs(e, &o, args) },
	}
	fs := cmd.Flags()
	fs.StringVarP(&o.format, "format", "f", "text", "output format: text, json")
	o.runOptions.register(fs)
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion("text", "json"))
	registerInputCompletion(cmd)
	return cmd
}

func runRefs(e *env, o *refsOptions, args []string) error {
	if o.format != "text" && o.format != "json" {
		return usageErr("invalid --format %q (expected one of \"json\", \"text\")", o.format)
	}
	s, err := o.setup(e, nil)
	if err != nil {
		return err
	}
	var all []extract.RefJSON
	docs := []footnotesJSON{}
	errs := []fileErrorJSON{}
	unreadable := 0
	inputs := engine.ExpandConfig(args, s.cfg)
	if err := checkPaths(args, inputs); err != nil {
		return err
	}
	warnOutsideConfig(e, s.cfg, args)
	_, err = s.eng.Run(context.Background(), inputs, func(r *engine.FileReport) error {
		if r.Err != nil {
			unreadable++
			fmt.Fprintf(e.stderr, "citecheck: %s: %s\n", render.Printable(r.Path), render.Printable(r.Err.Error()))
			errs = append(errs, fileErrorJSON{Path: r.Path, Error: r.Err.Error()})
			return nil
		}
		if r.Notice != "" {
			fmt.Fprintf(e.stderr, "citecheck: %s: notice: %s\n", render.Printable(r.Path), r.Notice)
			return nil
		}
		for _, ref := range r.Refs.All() {
			j := ref.JSON(r.Source)
			if o.format == "text" {
				if err := writeRefText(e.stdout, j); err != nil {
					return err
				}
				continue
			}
			all = append(all, j)
		}
		sum := footnoteSummary(r)
		if sum == nil {
			return nil
		}
		if o.format == "text" {
			return writeFootnoteSummary(e.stdout, sum)
		}
		docs = append(docs, *sum)
		return nil
	})
	if err != nil {
		return writeErr(err)
	}
	if o.format == "json" {
		if all == nil {
			all = []extract.RefJSON{}
		}
		b, err := json.MarshalIndent(struct {
			References []extract.RefJSON `json:"references"`
			Documents  []footnotesJSON   `json:"documents"`
			Errors     []fileErrorJSON   `json:"errors"`
		}{all, docs, errs}, "", "  ")
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(e.stdout, "%s\n", b); err != nil {
			return writeErr(err)
		}
	}
	if unreadable > 0 {
		return &exitError{code: ExitIO}
	}
	return nil
}

// fileErrorJSON is a file that could not be read, as check's JSON gives
// it ({"path": …, "error": …}).
type fileErrorJSON struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// footnotesJSON says, for a document with footnotes, how many have a
// marker in the text, and which have none.
type footnotesJSON struct {
	Path      string         `json:"path"`
	Footnotes int            `json:"footnotes"`
	Marked    int            `json:"marked"`
	Unmarked  []unmarkedJSON `json:"unmarked"`
}

type unmarkedJSON struct {
	Footnote string `json:"footnote"`
	Line     int    `json:"line"`
}

// footnoteSummary returns the footnotes of a file's document and which
// have no marker, or nil when it has none.
func footnoteSummary(r *engine.FileReport) *footnotesJSON {
	d := r.Refs.Doc
	if d == nil || len(d.Footnotes) == 0 {
		return nil
	}
	un := d.Unmarked()
	sum := &footnotesJSON{Path: r.Path, Footnotes: len(d.Footnotes), Marked: len(d.Footnotes) - len(un), Unmarked: []unmarkedJSON{}}
	for _, f := range un {
		sum.Unmarked = append(sum.Unmarked, unmarkedJSON{Footnote: f.Label, Line: r.Source.Pos(f.Start).Line})
	}
	return sum
}

// writeFootnoteSummary writes "PATH: 12 footnotes, 11 with a marker in the
// text; none for footnote 6 (line 130)".
func writeFootnoteSummary(w io.Writer, s *footnotesJSON) error {
	line := fmt.Sprintf("%s: %s, %d with a marker in the text", s.Path, render.Count(s.Footnotes, "footnote"), s.Marked)
	if len(s.Unmarked) > 0 {
		var un []string
		for _, u := range s.Unmarked {
			un = append(un, fmt.Sprintf("%s (line %d)", u.Footnote, u.Line))
		}
		line += "; none for footnote " + strings.Join(un, ", ")
	}
	_, err := fmt.Fprintln(w, line)
	return err
}

func writeRefText(w io.Writer, j extract.RefJSON) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: %s %q", j.Path, j.Line, j.Column, j.Kind, j.Text)
	var facts []string
	switch j.Kind {
	case extract.KindTreaty:
		id := "(not in registry)"
		if j.Treaty != nil && *j.Treaty != "" {
			id = *j.Treaty
		} else if len(j.Candidates) > 0 {
			id = "(ambiguous: " + strings.Join(j.Candidates, ", ") + ")"
		}
		facts = append(facts, "→ "+id)
		if j.Year != 0 {
			facts = append(facts, fmt.Sprintf("year %d", j.Year))
		}
		if j.RefersBack {
			facts = append(facts, "refers back to it")
		}
		if j.Embedded {
			facts = append(facts, "inside a longer title")
		}
		if j.Footnote != "" {
			facts = append(facts, "footnote "+j.Footnote)
		}
		if len(j.CitedAs) > 0 {
			facts = append(facts, "footnote cites "+strings.Join(j.CitedAs, ", "))
		}
	case extract.KindResolution, extract.KindDecision, extract.KindSymbol:
		switch {
		case j.Organ != "" && j.OrganCertainty == "guess":
			facts = append(facts, "organ "+j.Organ+" (guessed)")
		case j.Organ != "":
			facts = append(facts, "organ "+j.Organ)
		case j.OrganName != "":
			facts = append(facts, fmt.Sprintf("organ %q (not known)", j.OrganName))
		}
		if j.Symbol != "" {
			facts = append(facts, "symbol "+j.Symbol)
		}
		if j.Doc != "" {
			facts = append(facts, "document "+j.Doc)
		}
		if j.Date != "" {
			facts = append(facts, "dated "+j.Date)
		}
		if j.Title != "" {
			facts = append(facts, fmt.Sprintf("entitled %q", j.Title))
		}
		if j.InFootnote != "" {
			facts = append(facts, "in footnote "+j.InFootnote)
		}
	default:
		if j.IbidOf != nil {
			if *j.IbidOf == "" {
				facts = append(facts, "Ibid. with nothing before it")
			} else {
				facts = append(facts, "Ibid. of footnote "+*j.IbidOf)
			}
		}
		if len(j.Volume) > 0 {
			n := j.Number
			if len(j.Numbers) > 0 {
				n = strings.Join(j.Numbers, ", ")
			}
			f := j.Series + " vol. " + strings.Join(j.Volume, ", ")
			if n != "" {
				f += " No. " + n
			}
			if j.Page != "" {
				f += " p. " + j.Page
			}
			facts = append(facts, f)
		}
		if j.Kind == extract.KindUNTS {
			if len(j.Treaties) > 0 {
				facts = append(facts, "→ "+strings.Join(j.Treaties, ", "))
			} else {
				facts = append(facts, "→ (not in registry)")
			}
		}
		if j.InFootnote != "" {
			facts = append(facts, "in footnote "+j.InFootnote)
		}
	}
	b.WriteString(" " + strings.Join(facts, "; "))
	// The text is quoted (%q) already; the path and the facts read from
	// the document may still hold control characters.
	_, err := io.WriteString(w, render.Printable(b.String())+"\n")
	return err
}
