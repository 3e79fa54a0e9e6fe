package htmltext

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/citecheck/citecheck/pkg/docx"
)

// renderer writes the text of a DOM subtree as paragraphs.
type renderer struct {
	notes  *notes
	inNote bool // rendering a note: back-links are dropped

	paras   []string
	cur     strings.Builder
	started bool   // cur has text other than white space
	space   bool   // the last thing written to cur is white space
	pre     int    // inside <pre>: white space is kept
	prefix  string // an ordered list item's number, waiting for its text
	// blankLine: inside <pre>, nothing but white space since the last
	// line break, so that another one ends the paragraph.
	blankLine bool
}

func (r *renderer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c)
	}
}

func (r *renderer) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.write(n.Data)
		return
	case html.DocumentNode:
		r.children(n)
		return
	case html.CommentNode:
		r.comment(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	if skipped(n) || (!r.inNote && r.notes.targets[n]) {
		return
	}
	if n.DataAtom == atom.A {
		if ref := r.notes.byAnchor[n]; ref != nil && !r.inNote {
			r.write("[^" + ref.label + "]")
			return
		}
		if r.inNote && r.notes.isBackLink(n) {
			return
		}
	}
	if strings.Contains(attr(n, "style"), "mso-tab-count") {
		// Word writes a tab as a run of no-break spaces in this span.
		r.write(" ")
		return
	}
	switch n.DataAtom {
	case atom.Br:
		r.lineBreak()
	case atom.Pre:
		r.flush()
		r.pre++
		r.blankLine = true
		r.children(n)
		r.pre--
		r.flush()
	case atom.Ol, atom.Ul:
		r.flush()
		r.list(n)
		r.flush()
	default:
		if isBlock(n) {
			r.flush()
			r.children(n)
			r.flush()
			return
		}
		r.children(n)
	}
}

// list writes a list's items, each with its number when the list is
// ordered (<ol start type>, <li value>).
func (r *renderer) list(n *html.Node) {
	ordered := n.DataAtom == atom.Ol
	num := 1
	if v, err := strconv.Atoi(strings.TrimSpace(attr(n, "start"))); err == nil {
		num = v
	}
	format := map[string]string{"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}[attr(n, "type")]
	r.prefix = ""
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li || skipped(c) || (!r.inNote && r.notes.targets[c]) {
			r.node(c)
			continue
		}
		if v, err := strconv.Atoi(strings.TrimSpace(attr(c, "value"))); err == nil {
			num = v
		}
		r.flush()
		if ordered {
			if s, ok := docx.FormatNumber(num, format); ok {
				r.prefix = s + ". "
			}
		}
		r.children(c)
		r.flush()
		r.prefix = ""
		num++
	}
}

// write adds text; outside <pre>, runs of HTML white space become one
// space. Inside, a blank line ends a paragraph, as in plain text (UN pages
// of the 1990s are typed text in <pre>, footnotes below a "-----" line).
func (r *renderer) write(s string) {
	for _, c := range s {
		if r.pre == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			if !r.space {
				r.cur.WriteByte(' ')
				r.space = true
			}
			continue
		}
		if r.pre > 0 {
			switch c {
			case '\n':
				if r.blankLine {
					r.flush()
					continue
				}
				r.blankLine = true
			case ' ', '\t', '\r', '\f':
			default:
				r.blankLine = false
			}
		}
		if !r.started && c != ' ' && c != '\t' && c != '\n' {
			r.started = true
			if r.prefix != "" {
				r.cur.WriteString(r.prefix)
				r.prefix = ""
			}
		}
		r.cur.WriteRune(c)
		r.space = c == ' ' || c == '\t' || c == '\n'
	}
}

func (r *renderer) lineBreak() {
	r.cur.WriteByte('\n')
	r.space = true
}

// flush ends the current paragraph.
// comment keeps citecheck's suppression comments in the text view, where
// the engine reads them as it reads them in Markdown; other comments are
// dropped. One inside a paragraph stays there (disable-line covers that
// paragraph). One between blocks goes at the end of the paragraph before
// it, so that disable-next-line covers the next paragraph, as it reads,
// and the paragraphs keep the numbers a reader sees in the document.
func (r *renderer) comment(data string) {
	if !strings.Contains(data, "citecheck-") || strings.ContainsAny(data, "\n\r") {
		return
	}
	c := "<!--" + data + "-->"
	switch {
	case r.started:
		r.write(" " + c + " ")
	case len(r.paras) > 0:
		r.paras[len(r.paras)-1] += " " + c
	default:
		r.write(c)
		r.flush()
	}
}

func (r *renderer) flush() {
	if r.started {
		r.paras = append(r.paras, r.cur.String())
	}
	r.cur.Reset()
	r.started, r.space = false, false
}

// skipped reports elements whose content is not document text.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Head, atom.Nav, atom.Noscript, atom.Template,
		atom.Iframe, atom.Object, atom.Embed, atom.Svg, atom.Canvas, atom.Select,
		atom.Textarea, atom.Button, atom.Audio, atom.Video, atom.Map:
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			s := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "mso-hide:all") {
				return true
			}
		}
	}
	return false
}

// isBlock reports elements that start and end a paragraph.
func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Caption,
		atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1,
		atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Hr,
		atom.Html, atom.Legend, atom.Li, atom.Main, atom.Menu, atom.Ol, atom.P, atom.Pre,
		atom.Section, atom.Summary, atom.Table, atom.Tbody, atom.Td, atom.Tfoot, atom.Th,
		atom.Thead, atom.Tr, atom.Ul:
		return true
	}
	return false
}

// walk visits n and its descendants in document order; fn returns
// whether to visit a node's children.
func walk(n *html.Node, fn func(*html.Node) bool) {
	if !fn(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// contains reports whether d is n or one of its descendants.
func contains(n, d *html.Node) bool {
	for p := d; p != nil; p = p.Parent {
		if p == n {
			return true
		}
	}
	return false
}

// insideAny reports whether n or one of its ancestors is in set.
func insideAny(n *html.Node, set map[*html.Node]bool) bool {
	for p := n; p != nil; p = p.Parent {
		if set[p] {
			return true
		}
	}
	return false
}
