package htmltext

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/docx"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A note reference found in the body.
type ref struct {
	a      *html.Node // the <a> element
	target *html.Node // the note's block element
	kind   string     // "footnote" or "endnote"
	label  string     // what goes inside "[^…]"
	shown  string     // the mark as displayed: "3", "i"
	index  int        // the number, or 0 when the mark is not one
}

// noteFrag matches the fragment identifiers of note targets written by
// Word (_ftn3, _edn3), pandoc (fn3), markdown-it (fn3, fn:3) and hand
// editors (footnote-3, note3, ftn3).
var noteFrag = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^_?(ftn|edn|fn|footnote|note|endnote|en)[-_:]?[0-9ivx]+$`)
})

// wordNoteID matches the id of the <div> that Word (ftn3) and LibreOffice
// (sdfootnote3) wrap each note in.
var wordNoteID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^(_?ftn|_?edn|sdfootnote|sdendnote)[0-9]+$`) })

// endnoteFrag matches the fragments of endnote targets: _edn3, en3,
// endnote-3, sdendnote3sym.
var endnoteFrag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)(^_?edn[0-9]|^en[-_:]?[0-9]|endnote)`) })

// notes finds the note references of a document and their targets.
type notes struct {
	refs     []*ref
	byAnchor map[*html.Node]*ref // reference <a> → its note
	targets  map[*html.Node]bool // note blocks, taken out of the body
	anchors  map[*html.Node]bool // every reference <a>, for back-links
	byID     map[string]*html.Node
	byName   map[string]*html.Node
}

func findNotes(doc *html.Node) *notes {
	ns := &notes{
		byAnchor: map[*html.Node]*ref{},
		targets:  map[*html.Node]bool{},
		anchors:  map[*html.Node]bool{},
		byID:     map[string]*html.Node{},
		byName:   map[string]*html.Node{},
	}
	var candidates []*ref
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if skipped(n) {
			return false
		}
		if id := attr(n, "id"); id != "" {
			if _, dup := ns.byID[id]; !dup {
				ns.byID[id] = n
			}
		}
		if n.DataAtom == atom.A {
			if name := attr(n, "name"); name != "" {
				if _, dup := ns.byName[name]; !dup {
					ns.byName[name] = n
				}
			}
			candidates = append(candidates, &ref{a: n})
		}
		return true
	})
	// Keep the anchors that look like note references and whose target
	// is a separate block.
	var kept []*ref
	for _, c := range candidates {
		frag, ok := strings.CutPrefix(attr(c.a, "href"), "#")
		if !ok || frag == "" {
			continue
		}
		t := ns.byID[frag]
		if t == nil {
			t = ns.byName[frag]
		}
		if t == nil || !isNoteRef(c.a, frag) {
			continue
		}
		c.target = noteBlock(t)
		if c.target == nil || contains(c.target, c.a) {
			continue
		}
		c.kind = "footnote"
		if endnoteFrag().MatchString(frag) || strings.Contains(strings.ToLower(attr(c.a, "class")), "endnote") {
			c.kind = "endnote"
		}
		ns.anchors[c.a] = true
		kept = append(kept, c)
	}
	// References inside notes are not body references. The first body
	// reference to a note numbers it; later ones repeat its label.
	for _, c := range kept {
		ns.targets[c.target] = true
	}
	seen := map[*html.Node]*ref{}
	counts := map[string]int{}
	for _, c := range kept {
		if insideAny(c.a, ns.targets) {
			continue
		}
		if prev := seen[c.target]; prev != nil {
			ns.byAnchor[c.a] = prev
			continue
		}
		seen[c.target] = c
		counts[c.kind]++
		c.shown = refText(c.a)
		if c.shown == "" || utf8.RuneCountInString(c.shown) > 8 || strings.ContainsAny(c.shown, " \t\n") {
			c.shown = strconv.Itoa(counts[c.kind])
		}
		if n, err := strconv.Atoi(c.shown); err == nil {
			c.index = n
		}
		c.label = c.shown
		if c.kind == "endnote" {
			c.index = counts[c.kind]
			c.label = "e" + strconv.Itoa(c.index)
		}
		ns.byAnchor[c.a] = c
		ns.refs = append(ns.refs, c)
	}
	// Targets only referenced from inside other notes stay where they are.
	ns.targets = map[*html.Node]bool{}
	for _, c := range ns.refs {
		ns.targets[c.target] = true
	}
	return ns
}

// isNoteRef decides whether an <a href="#frag"> is a note reference.
func isNoteRef(a *html.Node, frag string) bool {
	class := strings.ToLower(attr(a, "class"))
	role := attr(a, "role")
	switch {
	case role == "doc-noteref":
		return true
	case role == "doc-backlink", strings.Contains(class, "footnote-back"), strings.Contains(class, "backref"):
		return false
	case strings.Contains(class, "footnote-ref"), strings.Contains(class, "noteref"), strings.Contains(class, "fnref"):
		return true
	case noteFrag().MatchString(frag):
		// Not a link back from a note to its reference (_ftnref3, fnref3).
		return !strings.Contains(strings.ToLower(frag), "ref")
	}
	// A superscript link to something named like a note.
	lf := strings.ToLower(frag)
	if inSup(a) && (strings.Contains(lf, "fn") || strings.Contains(lf, "ftn") || strings.Contains(lf, "note") || strings.Contains(lf, "foot")) {
		return !strings.Contains(lf, "ref")
	}
	return false
}

func inSup(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.DataAtom == atom.Sup {
			return true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Sup {
			return true
		}
	}
	return false
}

// noteBlock returns the block that holds a note, given the element its
// reference points to: the element itself when it is a block, else its
// nearest block ancestor, widened to Word's <div id="ftn3"> that wraps a
// multi-paragraph note.
func noteBlock(t *html.Node) *html.Node {
	b := t
	for b != nil && b.Type == html.ElementNode && !isBlock(b) {
		b = b.Parent
	}
	if b == nil || b.Type != html.ElementNode || b.DataAtom == atom.Body || b.DataAtom == atom.Html {
		return nil
	}
	if p := b.Parent; b != t && p != nil && p.DataAtom == atom.Div && p != t {
		style := strings.ToLower(attr(p, "style"))
		if strings.Contains(style, "mso-element:footnote") || strings.Contains(style, "mso-element:endnote") ||
			wordNoteID().MatchString(attr(p, "id")) {
			if !strings.Contains(style, "-list") {
				return p
			}
		}
	}
	return b
}

// refText is the mark a reference shows, without brackets: "[3]" → "3".
func refText(a *html.Node) string {
	var b strings.Builder
	walk(a, func(n *html.Node) bool {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		return true
	})
	return strings.Trim(strings.TrimSpace(b.String()), "[]() \u00a0")
}

// isBackLink reports whether an <a> inside a note links back to its
// reference (or is the note's own anchor, as Word writes it).
func (ns *notes) isBackLink(a *html.Node) bool {
	class := strings.ToLower(attr(a, "class"))
	if attr(a, "role") == "doc-backlink" || strings.Contains(class, "footnote-back") || strings.Contains(class, "backref") {
		return true
	}
	frag, ok := strings.CutPrefix(attr(a, "href"), "#")
	if !ok || frag == "" {
		return false
	}
	t := ns.byID[frag]
	if t == nil {
		t = ns.byName[frag]
	}
	if t == nil {
		return false
	}
	for p := t; p != nil; p = p.Parent {
		if ns.anchors[p] {
			return true
		}
	}
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if ns.anchors[c] {
			return true
		}
	}
	return false
}

// extract renders a parsed document as a text view.
func extract(doc *html.Node) *View {
	ns := findNotes(doc)
	body := &renderer{notes: ns}
	body.node(doc)
	body.flush()
	var paras []Paragraph
	var texts []string
	for _, t := range body.paras {
		paras = append(paras, Paragraph{Part: "body"})
		texts = append(texts, t)
	}
	for _, kind := range []string{"footnote", "endnote"} {
		for _, r := range ns.refs {
			if r.kind != kind {
				continue
			}
			nr := &renderer{notes: ns, inNote: true}
			nr.children(r.target)
			nr.flush()
			text := strings.ReplaceAll(strings.Join(nr.paras, " "), "\n", " ")
			// A back-link written as "[<a>3</a>]" leaves its brackets.
			text = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), "[]"))
			paras = append(paras, Paragraph{Part: kind, Index: r.index, Label: kind + " " + r.shown})
			texts = append(texts, "[^"+r.label+"]: "+text)
		}
	}
	return docx.NewView(paras, texts)
}
