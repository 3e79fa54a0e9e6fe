package render

import (
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
)

// HTML writes one self-contained page for an editor auditing an archive:
// a summary drawn as bar charts (findings by severity, rule and treaty,
// the documents with most findings), then every finding in a table that
// filters by rule, severity, treaty and path and sorts by any column, each
// row with its excerpt, a caret under the cited text, and a link to the
// file. Everything is inline — style, script, no font or image — so the
// file can be mailed or kept as a CI artifact and opened offline.
//
// It streams like the other formats: the page head is written at Start,
// one table row per finding as each file is reported, and the summary at
// Finish. Only counts (per treaty, and the ten documents with most
// findings) and the list of unreadable files are held, so memory stays
// flat however large the run. The summary comes last in the file and is
// shown first by CSS (flex order), which needs no script.
//
// Escaping is html/template's: no text reaches the page without it. The
// script (about 2 kB) only filters and sorts rows already on the page; the
// filter and sort are kept in the URL's fragment (#rule=treaty-year&sort=
// treaty), so a filtered view can be shared as a link.
type HTML struct {
	// ReportDir is the folder the page is written into: links to the
	// checked files are relative to it. "" is the working directory.
	ReportDir string
	// Version is citecheck's version, shown in the page's header.
	Version string

	tmpl     *template.Template
	treaties map[string]int
	top      []docCount // at most topDocs, most findings first
	errs     []htmlFileError
	files    int
	baseAbs  string
}

var _ Renderer = (*HTML)(nil)

// topDocs is how many documents the "most findings" chart shows.
const topDocs = 10

type docCount struct {
	Path string
	N    int
}

type htmlFileError struct {
	Path, Href, Err string
}

//go:embed html.tmpl
var htmlTemplate string

//go:embed html.js
var htmlScript string

//go:embed html.css
var htmlStyle string

// htmlRow is one finding as the row template sees it.
type htmlRow struct {
	Path, Href        string
	Line, Col         int
	Sev, Rule, Treaty string
	Message           string
	Context           string
	Fix               string
	Excerpt           *excerpt
	Pad               string // the excerpt's line-number gutter
	Caret             string // spaces, then the marks
}

// htmlBar is one bar of a chart.
type htmlBar struct {
	Label  string
	N      int
	Pct    int    // of the chart's largest bar, 1–100
	Filter string // "rule:treaty-year", set on click; "" for none
	Class  string
}

type htmlChart struct {
	Title string
	Bars  []htmlBar
	More  int // findings in bars left out
}

type htmlSummary struct {
	Files, Findings, Errors, Warnings, Infos, Unreadable, NoText int
	Charts                                                       []htmlChart
	Rules, Treaties                                              []string
	Unreadables                                                  []htmlFileError
	Script                                                       template.JS
}

// Start implements Renderer.
func (h *HTML) Start(w io.Writer, m Meta) error {
	h.tmpl = template.Must(template.New("html").Funcs(template.FuncMap{"plural": plural, "count": Count}).Parse(htmlTemplate))
	h.treaties = map[string]int{}
	h.top, h.errs, h.files = nil, nil, 0
	h.baseAbs = ""
	if dir, err := filepath.Abs(cmp.Or(h.ReportDir, ".")); err == nil {
		h.baseAbs = dir
	}
	version := cmp.Or(m.Version, h.Version)
	return h.tmpl.ExecuteTemplate(w, "head", struct {
		Version string
		Style   template.CSS
	}{version, template.CSS(htmlStyle)})
}

// href links to a checked file from the report's folder, with the line as
// a fragment (#L9) that forges' file views understand.
func (h *HTML) href(p string, line int) string {
	if p == "-" || p == "" {
		return ""
	}
	target := filepath.FromSlash(p)
	if h.baseAbs != "" {
		if abs, err := filepath.Abs(target); err == nil {
			if rel, err := filepath.Rel(h.baseAbs, abs); err == nil {
				target = rel
			}
		}
	}
	u := (&url.URL{Path: filepath.ToSlash(target)}).String()
	if filepath.IsAbs(target) {
		u = (&url.URL{Scheme: "file", Path: filepath.ToSlash(target)}).String()
	}
	if line > 0 {
		u += fmt.Sprintf("#L%d", line)
	}
	return u
}

// File implements Renderer.
func (h *HTML) File(w io.Writer, f *FileResult) error {
	h.files++
	if f.Err != nil {
		h.errs = append(h.errs, htmlFileError{Path: f.Path, Href: h.href(f.Path, 0), Err: f.Err.Error()})
		return nil
	}
	if len(f.Diagnostics) == 0 {
		return nil
	}
	h.count(f.Path, len(f.Diagnostics))
	var sl splitLine
	for i := range f.Diagnostics {
		d := &f.Diagnostics[i]
		h.treaties[d.Treaty]++
		row := htmlRow{Path: d.Path, Href: h.href(d.Path, d.Span.Start.Line), Line: d.Span.Start.Line, Col: col(d.Span.Start),
			Sev: d.Severity.String(), Rule: d.Rule, Treaty: d.Treaty, Message: d.Message, Context: d.Context}
		if d.Fix != nil {
			old, ok := spanText(f.Source, d.Fix.Span)
			if !ok {
				old = d.Found
			}
			row.Fix = fmt.Sprintf("replace %q with %q", old, d.Fix.Replacement)
		}
		if ex, ok := makeExcerpt(f.Source, d, 60, &sl); ok {
			row.Excerpt = &ex
			row.Pad = strings.Repeat(" ", len(fmt.Sprint(ex.Line)))
			row.Caret = strings.Repeat(" ", ex.Lead) + ex.Marks
		}
		if err := h.tmpl.ExecuteTemplate(w, "row", row); err != nil {
			return err
		}
	}
	return nil
}

// count keeps the topDocs documents with most findings; ties go to the
// path first in order, which is the one reported first.
func (h *HTML) count(p string, n int) {
	i, _ := slices.BinarySearchFunc(h.top, n, func(d docCount, n int) int { return cmp.Compare(n, d.N) })
	// Insert after the equal counts, so earlier paths stay first.
	for i < len(h.top) && h.top[i].N == n {
		i++
	}
	if i >= topDocs {
		return
	}
	h.top = slices.Insert(h.top, i, docCount{p, n})
	if len(h.top) > topDocs {
		h.top = h.top[:topDocs]
	}
}

// Finish implements Renderer.
func (h *HTML) Finish(w io.Writer, s Summary) error {
	c := s.Counts
	sum := htmlSummary{
		Files: s.Files, Findings: c.Errors + c.Warnings + c.Infos, Errors: c.Errors, Warnings: c.Warnings, Infos: c.Infos,
		Unreadable: s.Unreadable, NoText: s.NoText, Unreadables: h.errs, Script: template.JS(htmlScript),
	}
	if s.Files == 0 {
		sum.Files = h.files
	}
	sum.Charts = append(sum.Charts, chart("Findings by severity", []htmlBar{
		{Label: "error", N: c.Errors, Filter: "sev:error", Class: "error"},
		{Label: "warning", N: c.Warnings, Filter: "sev:warning", Class: "warning"},
		{Label: "info", N: c.Infos, Filter: "sev:info", Class: "info"},
	}, 0))
	var rules []htmlBar
	for id, n := range s.ByRule {
		rules = append(rules, htmlBar{Label: id, N: n, Filter: "rule:" + id})
		sum.Rules = append(sum.Rules, id)
	}
	sum.Charts = append(sum.Charts, chart("Findings by rule", byCount(rules), 0))
	var treaties []htmlBar
	for id, n := range h.treaties {
		label, filter := id, "treaty:"+id
		if id == "" {
			label, filter = "(no treaty: resolutions, symbols)", "treaty:-"
		} else {
			sum.Treaties = append(sum.Treaties, id)
		}
		treaties = append(treaties, htmlBar{Label: label, N: n, Filter: filter})
	}
	sum.Charts = append(sum.Charts, chart("Findings by treaty", byCount(treaties), 15))
	var docs []htmlBar
	for _, d := range h.top {
		docs = append(docs, htmlBar{Label: d.Path, N: d.N, Filter: "path:" + d.Path})
	}
	sum.Charts = append(sum.Charts, chart("Documents with most findings", docs, 0))
	slices.Sort(sum.Rules)
	slices.Sort(sum.Treaties)
	return h.tmpl.ExecuteTemplate(w, "foot", sum)
}

// byCount sorts bars by count, largest first, then by label.
func byCount(bars []htmlBar) []htmlBar {
	slices.SortFunc(bars, func(a, b htmlBar) int {
		return cmp.Or(cmp.Compare(b.N, a.N), strings.Compare(a.Label, b.Label))
	})
	return bars
}

// chart scales bars to the largest; with limit > 0 it keeps that many and
// counts the findings of the rest in More.
func chart(title string, bars []htmlBar, limit int) htmlChart {
	ch := htmlChart{Title: title}
	if limit > 0 && len(bars) > limit {
		for _, b := range bars[limit:] {
			ch.More += b.N
		}
		bars = bars[:limit]
	}
	top := 0
	for _, b := range bars {
		top = max(top, b.N)
	}
	for i := range bars {
		if top > 0 {
			bars[i].Pct = max(1, bars[i].N*100/top)
		}
		if bars[i].N == 0 {
			bars[i].Pct = 0
		}
	}
	ch.Bars = bars
	return ch
}
