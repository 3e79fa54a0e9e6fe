package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/citecheck/citecheck/pkg/registry"
)

func newRegistryCmd(e *env) *cobra.Command {
	var format string
	var paths []string
	cmd := &cobra.Command{
		Use:   "registry",
		Short: "Browse, search and validate the treaty registry",
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
		Use:   "list",
		Short: "List every registered treaty",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			reg, err := load()
			if err != nil {
				return err
			}
			return printTreaties(e.stdout, format, reg.Treaties(), false)
		},
	}
	show := &cobra.Command{
		Use:               "show ID...",
		ValidArgsFunction: registryIDCompletion,
		Short:             "Show registry entries in full",
		Args:              cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			reg, err := load()
			if err != nil {
				return err
			}
			var ts []*registry.Treaty
			for _, id := range args {
				t, ok := reg.Lookup(id)
				if !ok {
					hint := ""
					if found := reg.Search(id); len(found) > 0 {
						hint = fmt.Sprintf(" (did you mean %q?)", found[0].ID)
					}
					return usageErr("no registry entry %q%s; 'citecheck registry search TEXT' finds entries by title, alias, volume or number", id, hint)
				}
				ts = append(ts, t)
			}
			return printTreaties(e.stdout, format, ts, true)
		},
	}
	search := &cobra.Command{
		Use:   "search TEXT",
		Short: "Find entries by title fragment, alias, ID, volume or registration number",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			reg, err := load()
			if err != nil {
				return err
			}
			found := reg.Search(strings.Join(args, " "))
			if len(found) == 0 && format == "text" {
				fmt.Fprintf(e.stderr, "citecheck: no entry matches %q\n", strings.Join(args, " "))
				return &exitError{code: ExitFindings}
			}
			return printTreaties(e.stdout, format, found, false)
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
			fmt.Fprintf(e.stdout, "registry OK: %d entries\n", reg.Len())
			return nil
		},
	}
	cmd.AddCommand(list, show, search, validate)
	return cmd
}

func printTreaties(w io.Writer, format string, ts []*registry.Treaty, full bool) error {
	if format == "json" {
		if ts == nil {
			ts = []*registry.Treaty{}
		}
		b, err := json.MarshalIndent(ts, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	}
	var b strings.Builder
	for _, t := range ts {
		if !full {
			var cites []string
			for _, c := range t.UNTS {
				cites = append(cites, c.String())
			}
			fmt.Fprintf(&b, "%-40s %s", t.ID, t.Title)
			if t.Adopted != "" {
				fmt.Fprintf(&b, " (%s)", t.Adopted)
			}
			if len(cites) > 0 {
				fmt.Fprintf(&b, " [UNTS %s]", strings.Join(cites, "; "))
			}
			b.WriteString("\n")
			continue
		}
		fmt.Fprintf(&b, "%s  (%s:%d)\n", t.ID, t.File, t.Line)
		row := func(k, v string) {
			if v != "" {
				fmt.Fprintf(&b, "  %-21s %s\n", k+":", v)
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
	_, err := io.WriteString(w, b.String())
	return err
}
