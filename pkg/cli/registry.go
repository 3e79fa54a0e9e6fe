package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/resolution"
)

// registryKinds are the arguments of registry list.
var registryKinds = []string{"all", "decisions", "resolutions", "treaties"}

func newRegistryCmd(e *env) *cobra.Command {
	var format string
	var paths []string
	cmd := &cobra.Command{
		Use:   "registry",
		Short: "Browse, search and validate the registry of treaties, resolutions and decisions",
	}
	cmd.PersistentFlags().StringVarP(&format, "format", "f", "text", "output format: text, json")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion("text", "json"))
	cmd.PersistentFlags().StringArrayVar(&paths, "registry", nil, "add or override registry entries from a YAML file or folder (repeatable)")
	load := func() (*registry.Registry, error) {
		if format != "text" && format != "json" {
			return nil, usageErr("invalid --format %q (expected one of \"json\", \"text\")", format)
		}
		return loadRegistry(paths)
	}
	list := &cobra.Command{
		Use:       "list [treaties|resolutions|decisions|all]",
		Short:     "List the registered treaties (the default), resolutions or decisions",
		Args:      argsFor(0, 1, "one kind: treaties, resolutions, decisions or all"),
		ValidArgs: registryKinds,
		RunE: func(cmd *cobra.Command, args []string) error {
			kind := "treaties"
			if len(args) == 1 {
				kind = args[0]
			}
			if !slices.Contains(registryKinds, kind) {
				return usageErr("invalid kind %q (expected one of %s)", kind, quoteList(registryKinds))
			}
			reg, err := load()
			if err != nil {
				return err
			}
			var es entries
			if kind == "treaties" || kind == "all" {
				es.treaties = reg.Treaties()
			}
			for _, r := range reg.Resolutions() {
				if kind == "all" || kind == r.Kind()+"s" {
					es.resolutions = append(es.resolutions, r)
				}
			}
			return es.print(e.stdout, format, false)
		},
	}
	show := &cobra.Command{
		Use:               "show ID|SYMBOL...",
		ValidArgsFunction: registryIDCompletion,
		Short:             "Show registry entries in full: treaties by ID, resolutions and decisions by symbol (\"A/RES/64/182\", \"64/182\", \"1325 (2000)\")",
		Args:              argsFor(1, -1, "a treaty ID or a resolution or decision symbol (\"npt\", \"64/182\")"),
		RunE: func(cmd *cobra.Command, args []string) error {
			reg, err := load()
			if err != nil {
				return err
			}
			var es entries
			for _, id := range args {
				if t, ok := reg.Lookup(id); ok {
					es.treaties = append(es.treaties, t)
					continue
				}
				if rs := lookupSymbol(reg, id); len(rs) > 0 {
					es.resolutions = append(es.resolutions, rs...)
					continue
				}
				hint := ""
				if found := reg.Search(id); len(found) > 0 {
					hint = fmt.Sprintf(" (did you mean %q?)", found[0].ID)
				}
				return usageErr("no registry entry %q%s; 'citecheck registry search TEXT' finds entries by title, alias, symbol, volume or number", id, hint)
			}
			return es.print(e.stdout, format, true)
		},
	}
	search := &cobra.Command{
		Use:   "search TEXT",
		Short: "Find entries by title fragment, alias, ID, symbol, volume or registration number",
		Args:  argsFor(1, -1, "the text to search for"),
		RunE: func(cmd *cobra.Command, args []string) error {
			reg, err := load()
			if err != nil {
				return err
			}
			q := strings.Join(args, " ")
			es := entries{treaties: reg.Search(q), resolutions: searchResolutions(reg, q)}
			if len(es.treaties)+len(es.resolutions) == 0 && format == "text" {
				fmt.Fprintf(e.stderr, "citecheck: no entry matches %q\n", q)
				return &exitError{code: ExitFindings}
			}
			return es.print(e.stdout, format, false)
		},
	}
	validate := &cobra.Command{
		Use:   "validate [FILE|DIR...]",
		Short: "Validate registry files (the embedded registry when none is given)",
		RunE: func(cmd *cobra.Command, args []string) error {
			reg, err := loadRegistry(append(paths, args...))
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "registry OK: %d entries (%d treaties, %d resolutions and decisions)\n", reg.Len()+len(reg.Resolutions()), reg.Len(), len(reg.Resolutions()))
			return nil
		},
	}
	cmd.AddCommand(list, show, search, validate)
	return cmd
}

// lookupSymbol returns the resolutions and decisions a symbol names: a
// full one ("A/RES/64/182"), or one without its prefix ("64/182",
// "1325(2000)"), which may be several organs'.
func lookupSymbol(reg *registry.Registry, sym string) []*registry.Resolution {
	if r, ok := reg.LookupSymbol(sym); ok {
		return []*registry.Resolution{r}
	}
	s, end, ok := resolution.ParseSymbol(sym, 0)
	if !ok || end != len(sym) {
		return nil
	}
	var out []*registry.Resolution
	for _, r := range reg.Resolutions() {
		if r.ShortSymbol() == s.Canonical || len(s.Letters) == 0 && strings.HasPrefix(r.ShortSymbol(), s.Canonical+" ") { // "31/6": "31/6 A" too
			out = append(out, r)
		}
	}
	return out
}

// searchResolutions returns the resolutions and decisions whose symbol
// contains q or whose title contains it (case and punctuation folded).
func searchResolutions(reg *registry.Registry, q string) []*registry.Resolution {
	nq := registry.NormalizeTitle(q)
	var out []*registry.Resolution
	for _, r := range reg.Resolutions() {
		if strings.Contains(r.Symbol, strings.TrimSpace(q)) || nq != "" && r.Title != "" && strings.Contains(registry.NormalizeTitle(r.Title), nq) {
			out = append(out, r)
		}
	}
	return out
}

// entries are registry entries to print: treaties, then resolutions and
// decisions.
type entries struct {
	treaties    []*registry.Treaty
	resolutions []*registry.Resolution
}

// print writes the entries as text (a line each, or in full) or as JSON,
// each object with its "kind": "treaty", "resolution" or "decision".
func (es entries) print(w io.Writer, format string, full bool) error {
	if format == "json" {
		out := []any{}
		for _, t := range es.treaties {
			out = append(out, struct {
				Kind string `json:"kind"`
				*registry.Treaty
			}{"treaty", t})
		}
		for _, r := range es.resolutions {
			out = append(out, struct {
				Kind string `json:"kind"`
				*registry.Resolution
			}{r.Kind(), r})
		}
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	}
	var b strings.Builder
	writeTreaties(&b, es.treaties, full)
	writeResolutions(&b, es.resolutions, full)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeTreaties(b *strings.Builder, ts []*registry.Treaty, full bool) {
	for _, t := range ts {
		if !full {
			var cites []string
			for _, c := range t.UNTS {
				cites = append(cites, c.String())
			}
			fmt.Fprintf(b, "%-40s %s", t.ID, t.Title)
			if t.Adopted != "" {
				fmt.Fprintf(b, " (%s)", t.Adopted)
			}
			if len(cites) > 0 {
				fmt.Fprintf(b, " [UNTS %s]", strings.Join(cites, "; "))
			}
			b.WriteString("\n")
			continue
		}
		fmt.Fprintf(b, "%s  (%s:%d)\n", t.ID, t.File, t.Line)
		row := func(k, v string) {
			if v != "" {
				fmt.Fprintf(b, "  %-21s %s\n", k+":", v)
			}
		}
		row("title", t.Title)
		row("title_base", t.TitleBase)
		row("aliases", strings.Join(t.Aliases, "; "))
		row("adopted", t.Adopted)
		row("concluded", t.Concluded)
		row("opened_for_signature", t.OpenedForSignature)
		row("entry_into_force", t.EntryIntoForce)
		row("place", t.Place)
		if t.CitedYear != 0 {
			row("cited_year", fmt.Sprint(t.CitedYear))
		}
		for _, c := range t.UNTS {
			row("unts", c.String())
		}
		for _, c := range t.LNTS {
			row("lnts", c.String())
		}
		if t.NotInUNTS {
			row("not_in_unts", "true")
		}
		row("footnote_form", t.FootnoteForm)
		row("protocol_to", t.ProtocolTo)
		row("amends", t.Amends)
		row("amended_form_of", t.AmendedFormOf)
		row("amended_by", t.AmendedBy)
		row("supersedes", t.Supersedes)
		for _, s := range t.Sources {
			row("source", s)
		}
		row("notes", t.Notes)
		b.WriteString("\n")
	}
}

func writeResolutions(b *strings.Builder, rs []*registry.Resolution, full bool) {
	for _, r := range rs {
		if !full {
			fmt.Fprintf(b, "%s\n", strings.TrimRight(fmt.Sprintf("%-40s %s %-6s %s", r.Symbol, r.Date, r.Organ, r.Title), " "))
			continue
		}
		fmt.Fprintf(b, "%s  (%s:%d)\n", r.Symbol, r.File, r.Line)
		row := func(k, v string) {
			if v != "" {
				fmt.Fprintf(b, "  %-21s %s\n", k+":", v)
			}
		}
		row("kind", r.Kind())
		row("organ", r.Organ)
		row("date", r.Date)
		row("title", r.Title)
		for _, s := range r.Sources {
			row("source", s)
		}
		b.WriteString("\n")
	}
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
