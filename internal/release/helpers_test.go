package release_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/citecheck/citecheck/pkg/cli"
)

// root is the repository root, absolute so that tests may t.Chdir.
var root = func() string {
	abs, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		panic(err)
	}
	return abs
}()

// decodeFile decodes a YAML file of the repository into v.
func decodeFile(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// modulePath is the module line of go.mod.
func modulePath(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^module\s+(\S+)`).FindSubmatch(b)
	if m == nil {
		t.Fatal("go.mod: no module line")
	}
	return string(m[1])
}

// runCLI runs citecheck in-process.
func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = cli.Run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

var (
	checkHelpOnce sync.Once
	checkHelp     string
)

// checkFlags returns the long flags of `citecheck check` (without "--"),
// and its short flags (without "-"), read from its --help.
func checkFlags(t *testing.T) (long, short map[string]bool) {
	t.Helper()
	checkHelpOnce.Do(func() {
		code, out, errs := runCLI("check", "--help")
		if code != cli.ExitOK {
			checkHelp = "ERROR: " + errs
			return
		}
		checkHelp = out
	})
	if strings.HasPrefix(checkHelp, "ERROR: ") {
		t.Fatalf("citecheck check --help: %s", checkHelp)
	}
	flags := checkHelp[strings.Index(checkHelp, "\nFlags:"):]
	long, short = map[string]bool{}, map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s+(?:-(\w), )?--([\w-]+)`).FindAllStringSubmatch(flags, -1) {
		if m[1] != "" {
			short[m[1]] = true
		}
		long[m[2]] = true
	}
	if !long["format"] || !long["fail-on"] {
		t.Fatalf("could not read the flags from citecheck check --help:\n%s", checkHelp)
	}
	return long, short
}

// failOnLevels are the values --fail-on accepts, read from its help text
// ("… at least this severe: error, warning, info, never").
func failOnLevels(t *testing.T) []string {
	t.Helper()
	checkFlags(t)
	m := regexp.MustCompile(`--fail-on string\s+.*?:\s*([a-z, ]+)`).FindStringSubmatch(checkHelp)
	if m == nil {
		t.Fatalf("no value list in the --fail-on help:\n%s", checkHelp)
	}
	var levels []string
	for _, l := range strings.Split(m[1], ",") {
		if l = strings.TrimSpace(l); l != "" {
			levels = append(levels, l)
		}
	}
	return levels
}

// shellWords splits s like a POSIX shell does for the subset the
// distribution files use: blanks, single quotes, double quotes with
// backslash escapes. Redirections and operators stay separate words only
// when blank-separated, which is how these files write them.
func shellWords(s string) ([]string, error) {
	var (
		words  []string
		cur    strings.Builder
		inWord bool
	)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, fmt.Errorf("unterminated ' in %q", s)
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(`"\$`+"`", s[i+1]) >= 0 {
					i++
				}
				cur.WriteByte(s[i])
			}
			if i == len(s) {
				return nil, fmt.Errorf("unterminated \" in %q", s)
			}
			inWord = true
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
