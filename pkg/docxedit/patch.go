package docxedit

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// patch replaces the raw bytes [start, end) of a part with text (an
// insertion when start == end).
type patch struct {
	start, end int
	text       string
	rank       int // order of insertions at one offset
	seq        int
}

// Ranks of insertions at one offset: what closes a range comes before
// what opens one, and a tracked change after the comment that covers it.
const (
	rankEnd = iota
	rankStart
	rankChange
)

// editor collects the patches of one part.
type editor struct {
	p        *part
	patches  []patch
	preserve map[*node]bool // w:t start tags to give xml:space="preserve"
	// splits groups the markup inserted at one raw offset inside a run.
	splits map[int]*split
	seq    int
}

// split is markup inserted inside a run: the run is closed before it and
// opened again after it.
type split struct {
	r      *run
	inText *node // the w:t it cuts, or nil between two children
	items  []item
}

type item struct {
	rank, seq int
	text      string
}

func newEditor(p *part) *editor {
	return &editor{p: p, preserve: map[*node]bool{}, splits: map[int]*split{}}
}

// q qualifies a WordprocessingML name with the part's prefix.
func (e *editor) q(local string) string { return e.p.prefix + ":" + local }

// qname returns the qualified name a raw start tag opens with.
func qname(startTag string) string {
	s := strings.TrimPrefix(startTag, "<")
	if i := strings.IndexAny(s, " \t\r\n/>"); i >= 0 {
		return s[:i]
	}
	return s
}

var errNotText = errors.New("the cited words are not plain text of the document (a field, a list number, an equation?)")

// insert places markup at unit offset x: before the character there
// (open) or after the one before it (!open), splitting a run if x falls
// inside one.
func (e *editor) insert(u *unit, x int, open bool, rank int, markup string) error {
	e.seq++
	at := x
	if !open {
		at = x - 1
	}
	if at < 0 || at >= len(u.pos) {
		return errNotText
	}
	sp := u.pos[at]
	s := u.segs[sp.seg]
	off := sp.off
	if !open {
		off++
	}
	if s.kind == segJoin {
		return errNotText
	}
	if s.run == nil {
		return errNotText
	}
	r := s.run
	if s.kind == segText && off > 0 && off < len(s.text) {
		pos := s.rawOff[off]
		e.preserve[s.el] = true
		e.addSplit(pos, r, s.el, rank, markup)
		return nil
	}
	if s.kind != segText && off > 0 && off < len(s.text) {
		return errNotText
	}
	if open {
		if r.first(s.el) {
			e.patches = append(e.patches, patch{start: r.n.start, end: r.n.start, text: markup, rank: rank, seq: e.seq})
		} else {
			e.addSplit(s.el.start, r, nil, rank, markup)
		}
		return nil
	}
	if r.last(s.el) {
		e.patches = append(e.patches, patch{start: r.n.end, end: r.n.end, text: markup, rank: rank, seq: e.seq})
	} else {
		e.addSplit(s.el.end, r, nil, rank, markup)
	}
	return nil
}

func (e *editor) addSplit(pos int, r *run, inText *node, rank int, markup string) {
	sp := e.splits[pos]
	if sp == nil {
		sp = &split{r: r, inText: inText}
		e.splits[pos] = sp
	}
	sp.items = append(sp.items, item{rank: rank, seq: e.seq, text: markup})
}

// textRange checks that unit offsets [a, b) are editable text and returns
// the pieces of each w:t they cover.
func textRange(u *unit, a, b int) ([]piece, error) {
	var ps []piece
	for i := a; i < b; {
		sp := u.pos[i]
		s := u.segs[sp.seg]
		if s.kind != segText {
			return nil, errNotText
		}
		n := min(len(s.text)-sp.off, b-i)
		ps = append(ps, piece{s: s, from: sp.off, to: sp.off + n, at: i})
		i += n
	}
	return ps, nil
}

// piece is the part [from, to) of a w:t's text, at unit offset at.
type piece struct {
	s        *segment
	from, to int
	at       int
}

// replace rewrites unit offsets [a, b) (old text) as repl, changing only
// the characters that differ.
func (e *editor) replace(u *unit, a, b int, repl string) error {
	old := u.text.String()[a:b]
	pre, suf := commonAffixes(old, repl)
	ma, mb := a+pre, b-suf
	mid := repl[pre : len(repl)-suf]
	if ma == mb {
		// A pure insertion: at the end of the character before, or the
		// start of the one after.
		if len(u.pos) == 0 {
			return errNotText
		}
		var s *segment
		var off int
		if ma > a || ma == len(u.pos) {
			// (At the end of the unit there is no character after.)
			sp := u.pos[ma-1]
			s, off = u.segs[sp.seg], sp.off+1
		} else {
			sp := u.pos[ma]
			s, off = u.segs[sp.seg], sp.off
		}
		if s.kind != segText {
			return errNotText
		}
		e.patches = append(e.patches, patch{start: s.rawOff[off], end: s.rawOff[off], text: escape(mid), rank: rankChange})
		e.needPreserve(s, mid)
		return nil
	}
	ps, err := textRange(u, ma, mb)
	if err != nil {
		return err
	}
	for i, p := range ps {
		t := ""
		if i == 0 {
			t = escape(mid)
			e.needPreserve(p.s, mid)
		}
		e.patches = append(e.patches, patch{start: p.s.rawOff[p.from], end: p.s.rawOff[p.to], text: t, rank: rankChange})
	}
	return nil
}

func (e *editor) needPreserve(s *segment, text string) {
	if !s.preserve && (strings.HasPrefix(text, " ") || strings.HasSuffix(text, " ")) {
		e.preserve[s.el] = true
	}
}

// track rewrites unit offsets [a, b) as a tracked change: the old text in
// a w:del, repl in a w:ins after it, both by opt.Author.
func (e *editor) track(u *unit, a, b int, repl string, ids *int, author, date string) error {
	if a == b {
		return e.trackInsert(u, a, repl, ids, author, date)
	}
	ps, err := textRange(u, a, b)
	if err != nil {
		return err
	}
	for _, p := range ps {
		if p.s.run.inIns {
			return errors.New("the cited words are inside another tracked change; accept or reject it first")
		}
	}
	for i, p := range ps {
		r := p.s.run
		*ids++
		m := "<" + e.q("del") + revAttrs(e, *ids, author, date) + ">" +
			r.startTag + r.rPr + "<" + e.q("delText") + ` xml:space="preserve">` + escape(p.s.text[p.from:p.to]) + "</" + e.q("delText") + "></" + qname(r.startTag) + ">" +
			"</" + e.q("del") + ">"
		if i == len(ps)-1 {
			*ids++
			m += "<" + e.q("ins") + revAttrs(e, *ids, author, date) + ">" +
				r.startTag + r.rPr + "<" + e.q("t") + ` xml:space="preserve">` + escape(repl) + "</" + e.q("t") + "></" + qname(r.startTag) + ">" +
				"</" + e.q("ins") + ">"
		}
		if err := e.insert(u, p.at, true, rankChange, m); err != nil {
			return err
		}
		e.patches = append(e.patches, patch{start: p.s.rawOff[p.from], end: p.s.rawOff[p.to], rank: rankChange})
	}
	return nil
}

// trackInsert inserts repl at unit offset a as a tracked insertion: a
// w:ins after the character before a (or before the first character), in
// that character's run's formatting.
func (e *editor) trackInsert(u *unit, a int, repl string, ids *int, author, date string) error {
	at, open := a-1, false
	if a == 0 {
		at, open = 0, true
	}
	if at >= len(u.pos) {
		return errNotText
	}
	s := u.segs[u.pos[at].seg]
	if s.kind != segText || s.run == nil {
		return errNotText
	}
	r := s.run
	if r.inIns {
		return errors.New("the cited words are inside another tracked change; accept or reject it first")
	}
	*ids++
	m := "<" + e.q("ins") + revAttrs(e, *ids, author, date) + ">" +
		r.startTag + r.rPr + "<" + e.q("t") + ` xml:space="preserve">` + escape(repl) + "</" + e.q("t") + "></" + qname(r.startTag) + ">" +
		"</" + e.q("ins") + ">"
	return e.insert(u, a, open, rankChange, m)
}

func revAttrs(e *editor, id int, author, date string) string {
	s := fmt.Sprintf(` %s="%d" %s="%s"`, e.q("id"), id, e.q("author"), escapeAttr(author))
	if date != "" {
		s += fmt.Sprintf(` %s="%s"`, e.q("date"), escapeAttr(date))
	}
	return s
}

// comment anchors comment id on unit offsets [a, b).
func (e *editor) comment(u *unit, a, b, id int) error {
	if err := e.insert(u, a, true, rankStart, fmt.Sprintf(`<%s %s="%d"/>`, e.q("commentRangeStart"), e.q("id"), id)); err != nil {
		return err
	}
	return e.insert(u, b, false, rankEnd, fmt.Sprintf(`<%s %s="%d"/><%s><%s %s="%d"/></%s>`,
		e.q("commentRangeEnd"), e.q("id"), id, e.q("r"), e.q("commentReference"), e.q("id"), id, e.q("r")))
}

// apply returns the part with every patch applied.
func (e *editor) apply() ([]byte, error) {
	ps := slices.Clone(e.patches)
	for pos, sp := range e.splits {
		slices.SortStableFunc(sp.items, func(a, b item) int { return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.seq, b.seq)) })
		var b strings.Builder
		r := sp.r
		if sp.inText != nil {
			b.WriteString("</" + qname(string(e.p.raw[sp.inText.start:sp.inText.tagEnd])) + ">")
		}
		b.WriteString("</" + qname(r.startTag) + ">")
		for _, it := range sp.items {
			b.WriteString(it.text)
		}
		b.WriteString(r.startTag + r.rPr)
		if sp.inText != nil {
			b.WriteString("<" + qname(string(e.p.raw[sp.inText.start:sp.inText.tagEnd])) + ` xml:space="preserve">`)
		}
		ps = append(ps, patch{start: pos, end: pos, text: b.String(), rank: sp.items[0].rank, seq: sp.items[0].seq})
	}
	for el := range e.preserve {
		tag := string(e.p.raw[el.start:el.tagEnd])
		if strings.Contains(tag, `xml:space="preserve"`) || strings.Contains(tag, `xml:space='preserve'`) {
			continue
		}
		ps = append(ps, patch{start: el.start, end: el.tagEnd, text: "<" + qname(tag) + ` xml:space="preserve">`})
	}
	slices.SortStableFunc(ps, func(a, b patch) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(a.rank, b.rank), cmp.Compare(a.seq, b.seq))
	})
	var out bytes.Buffer
	at := 0
	for _, p := range ps {
		if p.start < at {
			return nil, fmt.Errorf("%s: overlapping changes", e.p.name)
		}
		out.Write(e.p.raw[at:p.start])
		out.WriteString(p.text)
		at = p.end
	}
	out.Write(e.p.raw[at:])
	return out.Bytes(), nil
}

// commonAffixes returns the lengths of the longest common prefix and
// suffix of a and b, on character boundaries, not overlapping.
func commonAffixes(a, b string) (pre, suf int) {
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	for pre > 0 && (pre < len(a) && !utf8.RuneStart(a[pre]) || pre < len(b) && !utf8.RuneStart(b[pre])) {
		pre--
	}
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	for suf > 0 && (!utf8.RuneStart(a[len(a)-suf]) || !utf8.RuneStart(b[len(b)-suf])) {
		suf--
	}
	return pre, suf
}

func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func escapeAttr(s string) string { return escape(s) }
