package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/citecheck/citecheck/pkg/cli"
)

// chromium finds a headless-capable Chromium: $CITECHECK_CHROMIUM, else
// chromium, chromium-browser or google-chrome on PATH.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CITECHECK_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on PATH (apt-get install chromium, or set CITECHECK_CHROMIUM): the HTML report is not checked in a browser")
	return ""
}

// dumpDOM loads page in headless Chromium and returns the DOM after the
// page's script has run (--dump-dom prints it once the page has loaded).
func dumpDOM(t *testing.T, browser, page, fragment string) *html.Node {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(page), Fragment: fragment}).String()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--dump-dom", u)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s --dump-dom %s: %v\n%s", browser, u, err, errb.Bytes())
	}
	doc, err := html.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func byID(n *html.Node, id string) *html.Node {
	if n.Type == html.ElementNode && attr(n, "id") == id {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := byID(c, id); m != nil {
			return m
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	return slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == key })
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// findingRows returns the table's finding rows in document order.
func findingRows(doc *html.Node) []*html.Node {
	var rows []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "tr" && hasAttr(n, "data-s") {
			rows = append(rows, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return rows
}

func cells(tr *html.Node) []*html.Node {
	var out []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "td" {
			out = append(out, c)
		}
	}
	return out
}

// TestHTMLReportInBrowser renders the regression corpus as an HTML report
// (and, in the same run, as JSON to compare with), loads it in headless
// Chromium and reads the DOM the page's script leaves: the summary's
// counts, one finding's row, the filter and the sort.
func TestHTMLReportInBrowser(t *testing.T) {
	browser := chromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	var out, errb bytes.Buffer
	code := cli.Run([]string{"check", "--no-config", "-f", "json", "-o", "html=" + page, "../../testdata/corpus"}, strings.NewReader(""), &out, &errb)
	if code > cli.ExitFindings {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var report struct {
		Diagnostics []struct {
			Path, Rule, Severity, Message, Treaty string
			Line, Column                          int
		}
		Summary struct {
			Files                   int
			Errors, Warnings, Infos int
			ByRule                  map[string]int `json:"by_rule"`
		}
	}
	if err := json.Unmarshal(out.Bytes(), &report); err != nil {
		t.Fatal(err)
	}
	if len(report.Diagnostics) < 5 || len(report.Summary.ByRule) < 2 {
		t.Fatalf("the corpus gave %d findings in %d rules; the test needs a few of each", len(report.Diagnostics), len(report.Summary.ByRule))
	}
	st, err := os.Stat(page)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("report: %d findings in %d files, %d bytes", len(report.Diagnostics), report.Summary.Files, st.Size())

	// The page as it opens: the script ran, the counts agree with JSON,
	// every finding has its row.
	doc := dumpDOM(t, browser, page, "")
	if body := findElement(doc, "body"); body == nil || attr(body, "data-ready") != "1" {
		t.Fatal("the page's script did not run (no data-ready on <body>)")
	}
	for id, want := range map[string]int{
		"n-files": report.Summary.Files, "n-findings": len(report.Diagnostics),
		"n-errors": report.Summary.Errors, "n-warnings": report.Summary.Warnings,
	} {
		if n := byID(doc, id); n == nil || strings.TrimSpace(text(n)) != strconv.Itoa(want) {
			t.Errorf("#%s shows %q, want %d", id, text(orEmpty(n)), want)
		}
	}
	rows := findingRows(doc)
	if len(rows) != len(report.Diagnostics) {
		t.Fatalf("%d rows, want %d", len(rows), len(report.Diagnostics))
	}
	// One finding's row, in full: the first one JSON reports.
	d := report.Diagnostics[0]
	loc := d.Path + ":" + strconv.Itoa(d.Line) + ":" + strconv.Itoa(d.Column)
	var row *html.Node
	for _, r := range rows {
		if strings.TrimSpace(text(cells(r)[0])) == loc {
			row = r
		}
	}
	if row == nil {
		t.Fatalf("no row for %s", loc)
	}
	cs := cells(row)
	if got := []string{text(cs[1]), text(cs[2]), text(cs[3])}; !slices.Equal(got, []string{d.Severity, d.Rule, d.Treaty}) {
		t.Errorf("row %s: severity, rule, treaty %q, want %q", loc, got, []string{d.Severity, d.Rule, d.Treaty})
	}
	if !strings.HasPrefix(text(cs[4]), d.Message) {
		t.Errorf("row %s: finding %q, want it to open with %q", loc, text(cs[4]), d.Message)
	}
	mark, pre := findElement(cs[4], "mark"), findElement(cs[4], "pre")
	if mark == nil || pre == nil || !strings.Contains(text(pre), "^") || !strings.Contains(text(pre), strconv.Itoa(d.Line)+" | ") {
		t.Errorf("row %s: no excerpt with a marked citation and a caret:\n%s", loc, text(cs[4]))
	}
	if a := findElement(cs[0], "a"); a == nil || !strings.HasSuffix(attr(a, "href"), "#L"+strconv.Itoa(d.Line)) {
		t.Errorf("row %s: no link to the file and line", loc)
	}

	// The filter, set through the URL's fragment as a shared link would:
	// only the rule's rows stay visible, and the count says so.
	rule := report.Diagnostics[len(report.Diagnostics)-1].Rule
	doc = dumpDOM(t, browser, page, "rule="+rule+"&sort=loc&dir=desc")
	visible := 0
	var locs []string
	for _, r := range findingRows(doc) {
		if hasAttr(r, "hidden") {
			continue
		}
		visible++
		if attr(r, "data-r") != rule {
			t.Errorf("row %s of rule %s is visible with the filter rule=%s", text(cells(r)[0]), attr(r, "data-r"), rule)
		}
		locs = append(locs, text(cells(r)[0]))
	}
	if visible != report.Summary.ByRule[rule] {
		t.Errorf("rule=%s: %d rows visible, want %d", rule, visible, report.Summary.ByRule[rule])
	}
	if c := byID(doc, "count"); c == nil || attr(c, "data-shown") != strconv.Itoa(visible) {
		t.Errorf("the count shows %q, want %d shown", text(orEmpty(c)), visible)
	}
	if sel := byID(doc, "f-rule"); sel == nil {
		t.Error("no rule filter")
	}
	// Sorted by location, descending: paths in reverse order.
	paths := make([]string, len(locs))
	for i, l := range locs {
		paths[i] = l[:strings.Index(l, ":")]
	}
	if !slices.IsSortedFunc(paths, func(a, b string) int { return strings.Compare(b, a) }) {
		t.Errorf("sort=loc&dir=desc: rows not in descending path order: %q", paths)
	}
}

func findElement(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := findElement(c, tag); m != nil {
			return m
		}
	}
	return nil
}

func orEmpty(n *html.Node) *html.Node {
	if n == nil {
		return &html.Node{}
	}
	return n
}
