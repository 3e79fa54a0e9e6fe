package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/citecheck/citecheck/pkg/registry"
	"github.com/citecheck/citecheck/pkg/render"
)

// Shell completion (citecheck completion bash|zsh|fish|powershell) offers
// the values of the flags that take a fixed set, rule IDs and registry IDs.

func fixedCompletion(values ...string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// outputCompletion completes -o FORMAT=FILE: the formats with "=", then
// files.
func outputCompletion(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if strings.Contains(toComplete, "=") {
		return nil, cobra.ShellCompDirectiveDefault
	}
	var out []string
	for _, f := range render.Formats() {
		out = append(out, f+"=")
	}
	return out, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
}

func ruleCompletion(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return ruleIDs(), cobra.ShellCompDirectiveNoFileComp
}

// registryIDCompletion completes treaty IDs from the embedded registry,
// with their titles as descriptions.
func registryIDCompletion(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	reg, err := registry.Default()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []string
	for _, t := range reg.Treaties() {
		if strings.HasPrefix(t.ID, toComplete) {
			out = append(out, t.ID+"\t"+t.Title)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// registerInputCompletion completes the flags every command that reads
// drafts shares.
func registerInputCompletion(cmd *cobra.Command) {
	_ = cmd.RegisterFlagCompletionFunc("input-format", fixedCompletion(inputFormats...))
	_ = cmd.RegisterFlagCompletionFunc("revisions", fixedCompletion("accepted", "original"))
	_ = cmd.RegisterFlagCompletionFunc("config", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	})
}
