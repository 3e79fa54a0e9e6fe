package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/citecheck/citecheck/pkg/check"
	"github.com/citecheck/citecheck/pkg/engine"
	"github.com/citecheck/citecheck/pkg/render"
)

// rules returns every rule citecheck can report, sorted by ID.
func rules() []render.RuleInfo { return engine.RuleInfos(check.All()) }

func ruleIDs() []string { return engine.RuleIDs(check.All()) }

func newRulesCmd(e *env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule with its default severity and what it reports",
		Long: `List every rule citecheck can report, with its default severity and a
paragraph on what it reports. --format markdown prints the table the README
carries; --format json the same as data.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			switch format {
			case "text":
				for i, r := range rules() {
					if i > 0 {
						fmt.Fprintln(e.stdout)
					}
					err = writeRuleText(e.stdout, r)
				}
			case "markdown":
				err = writeRulesMarkdown(e.stdout, rules())
			case "json":
				type ruleJSON struct {
					ID          string `json:"id"`
					Severity    string `json:"severity"`
					Summary     string `json:"summary"`
					Explanation string `json:"explanation"`
					URL         string `json:"url"`
				}
				var out []ruleJSON
				for _, r := range rules() {
					out = append(out, ruleJSON{r.ID, r.Severity.String(), r.Short, r.Long, r.HelpURI})
				}
				b, _ := json.MarshalIndent(out, "", "  ")
				_, err = fmt.Fprintf(e.stdout, "%s\n", b)
			default:
				return usageErr("invalid --format %q (expected one of \"json\", \"markdown\", \"text\")", format)
			}
			if err != nil {
				return writeErr(err)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text, markdown, json")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion("text", "markdown", "json"))
	return cmd
}

func newExplainCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Explain what a rule reports and what to do about it",
		Example: `  citecheck explain treaty-year
  citecheck rules          # every rule`,
		Args:              argsFor(1, 1, "a rule ID ('citecheck rules' lists them)"),
		ValidArgsFunction: ruleCompletion,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, r := range rules() {
				if r.ID == args[0] {
					if err := writeRuleText(e.stdout, r); err != nil {
						return writeErr(err)
					}
					fmt.Fprintf(e.stdout, "\n  Level it in .citecheck.yaml (rules: {%s: error|warning|info|off}), or\n  suppress one finding with <!-- citecheck-disable-next-line %s: reason -->.\n  %s\n", r.ID, r.ID, r.HelpURI)
					return nil
				}
			}
			return usageErr("unknown rule %q (expected one of %s)", args[0], quoted(ruleIDs()))
		},
	}
}

// writeRuleText writes a rule's ID and severity, then its explanation
// wrapped to 78 columns, the Markdown marks dropped.
func writeRuleText(w io.Writer, r render.RuleInfo) error {
	plain := strings.NewReplacer("`", "", "*", "").Replace(r.Long)
	var b strings.Builder
	fmt.Fprintf(&b, "%s (default: %s)\n", r.ID, r.Severity)
	line := ""
	for _, word := range strings.Fields(plain) {
		if line != "" && len([]rune(line))+1+len([]rune(word)) > 76 {
			b.WriteString("  " + line + "\n")
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		b.WriteString("  " + line + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeRulesMarkdown writes the README's rule table.
func writeRulesMarkdown(w io.Writer, rs []render.RuleInfo) error {
	var b strings.Builder
	b.WriteString("| rule | default | reports |\n|---|---|---|\n")
	for _, r := range rs {
		anchor := "rule-" + r.ID
		if r.ID == engine.SuppressionRule {
			anchor = "suppressions"
		}
		fmt.Fprintf(&b, "| <a id=\"%s\"></a>`%s` | %s | %s |\n", anchor, r.ID, r.Severity, strings.ReplaceAll(r.Long, "|", `\|`))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
