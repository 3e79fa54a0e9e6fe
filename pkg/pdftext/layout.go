package pdftext

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/docx"
)

// Rule is the line written before each page's footnotes, the shape
// pkg/document recognises as a footnote separator.
const Rule = "__________________"

// row is one line of a page: words whose boxes share a band of the page,
// sorted left to right.
type row struct {
	words      []word
	super      []bool  // super[i]: words[i] is a superscript number
	raised     []bool  // raised[i]: words[i] is digits set small and raised (super, or longer)
	yMin, yMax float64 // the band
	h          float64 // height of the row's text (its superscripts aside)
	segs       [][]int // runs of word indexes separated by wide gaps
}

// text of the words ids of the row, joined as on the page; marker, if
// not nil, says how a word is written and whether it is a footnote marker.
func (r *row) join(ids []int, marker func(i int) (string, bool)) string {
	var b strings.Builder
	prevMarker := false
	for k, i := range ids {
		w := &r.words[i]
		s, isMarker := w.text, false
		if marker != nil {
			s, isMarker = marker(i)
		}
		if k > 0 {
			gap := w.xMin - r.words[ids[k-1]].xMax
			glue := gap < 0.12*r.h
			if isMarker {
				glue = true
			} else if prevMarker {
				c, _ := utf8.DecodeRuneInString(s)
				glue = glue && !unicode.IsLetter(c) && !unicode.IsDigit(c)
			}
			if !glue {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s)
		prevMarker = isMarker
	}
	return b.String()
}

// rows groups a page's words into rows: a word joins the row whose band it
// overlaps by at least half of the lower of the two heights, so that a
// superscript joins the line it is raised above.
func rows(p *page) []*row {
	ws := slices.Clone(p.words)
	sort.SliceStable(ws, func(i, j int) bool {
		if ws[i].yMin != ws[j].yMin {
			return ws[i].yMin < ws[j].yMin
		}
		return ws[i].xMin < ws[j].xMin
	})
	// The words come top to bottom, so a row that ends above a word's
	// top (yMax <= yMin) overlaps no word from then on: it leaves the
	// rows compared (live), which keeps their order. Comparing each word
	// with every row of the page was a fifth of reading a PDF. (Only while
	// the tops do grow: NaN coordinates leave them unsorted.)
	var rs, live []*row
	sorted := true
	for i, w := range ws {
		if i > 0 && !(ws[i-1].yMin <= w.yMin) {
			sorted = false
		}
		if sorted {
			k := 0
			for _, r := range live {
				if !(r.yMax <= w.yMin) {
					live[k] = r
					k++
				}
			}
			live = live[:k]
		} else {
			live = rs
		}
		best := bestRow(w, live)
		if best == nil {
			r := &row{words: []word{w}, yMin: w.yMin, yMax: w.yMax}
			rs = append(rs, r)
			if sorted {
				live = append(live, r)
			}
			continue
		}
		best.words = append(best.words, w)
		best.yMin, best.yMax = math.Min(best.yMin, w.yMin), math.Max(best.yMax, w.yMax)
	}
	for _, r := range rs {
		sort.SliceStable(r.words, func(i, j int) bool { return r.words[i].xMin < r.words[j].xMin })
		r.measure()
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].yMin < rs[j].yMin })
	return rs
}

// bestRow returns the row of rs that w overlaps most, by at least half of
// the lower of the two heights (the first of equals), or nil.
func bestRow(w word, rs []*row) *row {
	var best *row
	bestRatio := 0.0
	for _, r := range rs {
		ov := math.Min(w.yMax, r.yMax) - math.Max(w.yMin, r.yMin)
		lo := math.Min(w.height(), r.yMax-r.yMin)
		if ov <= 0 || lo <= 0 {
			continue
		}
		if ratio := ov / lo; ratio >= 0.5 && ratio > bestRatio {
			best, bestRatio = r, ratio
		}
	}
	return best
}

// measure finds the row's text height, its superscript numbers and its
// segments.
func (r *row) measure() {
	// The reference is the tallest word that is not a bare number;
	// superscripts are numbers set smaller and raised above its baseline.
	var ref *word
	for i := range r.words {
		w := &r.words[i]
		if isNumberWord(w.text) {
			continue
		}
		if ref == nil || w.height() > ref.height() {
			ref = w
		}
	}
	r.super = make([]bool, len(r.words))
	r.raised = make([]bool, len(r.words))
	if ref == nil {
		for i := range r.words {
			r.h = math.Max(r.h, r.words[i].height())
		}
	} else {
		r.h = ref.height()
		for i := range r.words {
			w := &r.words[i]
			r.raised[i] = isDigits(w.text) && w.height() < 0.8*r.h && w.yMax < ref.yMax-0.15*r.h
			r.super[i] = r.raised[i] && len(w.text) <= 3
		}
	}
	// Segments: a gap wider than a few text heights separates columns
	// (the page header's symbol and title, "Distr.: General").
	split := math.Max(3.5*r.h, 30)
	start := 0
	for i := 1; i <= len(r.words); i++ {
		if i == len(r.words) || r.words[i].xMin-r.words[i-1].xMax > split {
			seg := make([]int, 0, i-start)
			for k := start; k < i; k++ {
				seg = append(seg, k)
			}
			r.segs = append(r.segs, seg)
			start = i
		}
	}
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isNumberWord(s string) bool {
	return isDigits(strings.Trim(s, ".,;:()"))
}

func isRuleText(s string) bool {
	return len(s) >= 5 && strings.Trim(s, "_") == ""
}

// isFurniture recognises the page furniture of UN documents: job numbers
// ("25-16618 (E)    171025"), bar codes ("*2516618*"), page numbers
// ("2/7"), and, at the top or foot of a page (edge), a document symbol
// alone ("A/RES/80/129"): elsewhere that is a line of text, such as a
// footnote's "A/80/387." wrapped to a line of its own.
//
// Each test is a regexp written out by hand (FuzzFurniture holds them
// equal): the four regexps, run on every segment of every row, were a
// fifth of laying out a PDF's pages.
func isFurniture(s string, edge bool) bool {
	s = strings.TrimSpace(s)
	return isJobNumber(s) || isBarcode(s) || isPageNumber(s) || edge && isSymbolLine(s)
}

// mayBeFurniture reports whether a segment whose text starts with c can
// be furniture: all of it starts with a digit, "*" or a symbol's organ.
func mayBeFurniture(c byte) bool {
	return '0' <= c && c <= '9' || c == '*' || c == 'A' || c == 'S' || c == 'E'
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// isRE2Space is \s of RE2: [\t\n\f\r ].
func isRE2Space(c byte) bool { return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ' }

// isJobNumber is ^\d\d-\d{5}(\s.*)?$.
func isJobNumber(s string) bool {
	if len(s) < 8 || !isDigitByte(s[0]) || !isDigitByte(s[1]) || s[2] != '-' || !isDigits(s[3:8]) {
		return false
	}
	// "." is any character but a newline.
	return len(s) == 8 || isRE2Space(s[8]) && strings.IndexByte(s[9:], '\n') < 0
}

// isBarcode is ^\*\d{5,}\*$.
func isBarcode(s string) bool {
	return len(s) >= 7 && s[0] == '*' && s[len(s)-1] == '*' && isDigits(s[1:len(s)-1])
}

// isPageNumber is ^\d{1,3}/\d{1,3}$.
func isPageNumber(s string) bool {
	a, b, ok := strings.Cut(s, "/")
	return ok && len(a) >= 1 && len(a) <= 3 && isDigits(a) && len(b) >= 1 && len(b) <= 3 && isDigits(b)
}

// isSymbolLine is ^[ASE]/\S+$.
func isSymbolLine(s string) bool {
	if len(s) < 3 || s[0] != 'A' && s[0] != 'S' && s[0] != 'E' || s[1] != '/' {
		return false
	}
	for i := 2; i < len(s); i++ {
		if isRE2Space(s[i]) {
			return false
		}
	}
	return true
}

// normalise makes running headers and footers that differ only in their
// numbers compare equal.
func normalise(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '#'
		}
		return r
	}, s)
}

// bodyHeight is the text height most of the document's characters have.
func bodyHeight(pages []page) float64 {
	count := map[int]int{}
	for _, p := range pages {
		for _, w := range p.words {
			count[int(math.Round(w.height()*2))] += utf8.RuneCountInString(w.text)
		}
	}
	best, n := 0, -1
	for h, c := range count {
		if c > n || c == n && h < best {
			best, n = h, c
		}
	}
	return float64(best) / 2
}

// note is one footnote: its label and its lines.
type note struct {
	label string
	lines []string
}

// pageView is what a page contributes to the view.
type pageView struct {
	body  []bodyLine
	notes []*note
	// rule says the page had a footnote area, even if empty.
	rule bool
}

type bodyLine struct {
	r       *row
	seg     []int
	blankUp bool // a blank line goes before it
}

// render builds the text of the view of the pages.
func render(pages []page) string { return renderView(pages).Text }

// renderView builds the text view of the pages, with a place per page.
// Each step is its own function: page furniture and the footnote rule
// (keepRows), running headers and footers (runningLines, trimRunning),
// body and footnote area (splitFootnotes, readNotes), markers and the
// lines of the view (writePage), words broken at line ends
// (joinHyphenated).
func renderView(pages []page) *View {
	H := bodyHeight(pages)
	kept, ruleAt := keepRows(pages)
	running := runningLines(pages, kept, ruleAt)
	views := make([]pageView, len(pages))
	ns := &noteState{labels: map[string]bool{}, pageLabels: make([]map[string]bool, len(pages))}
	for pi := range pages {
		rs := trimRunning(pi, pages[pi].height, kept[pi], ruleAt[pi], running, H)
		body, area := splitFootnotes(rs, H)
		if ruleAt[pi] < 0 && ns.open(pi) {
			body, area = continuedNote(body, area, H)
		}
		views[pi].body = bodyLines(body, H)
		if area != nil {
			views[pi].rule = true
			views[pi].notes = ns.read(pi, area)
		}
	}
	var w viewWriter
	for pi := range views {
		w.page(pi, &views[pi], ns)
	}
	return w.view()
}

// keepRows groups each page's words into rows, drops page furniture, and
// finds each page's footnote rule (-1: none). The pages' words are let
// go: the rows hold them.
func keepRows(pages []page) (kept [][]*row, ruleAt []int) {
	kept = make([][]*row, len(pages))
	ruleAt = make([]int, len(pages))
	for pi := range pages {
		for _, r := range rows(&pages[pi]) {
			edge := zone(r, pages[pi].height) != ""
			r.segs = slices.DeleteFunc(r.segs, func(seg []int) bool {
				// Joining the words costs more than the test: most
				// segments start with a letter no furniture starts with.
				return mayBeFurniture(r.words[seg[0]].text[0]) && isFurniture(r.join(seg, nil), edge)
			})
			r.compact()
			if len(r.segs) > 0 {
				kept[pi] = append(kept[pi], r)
			}
		}
		pages[pi].words = nil
		ruleAt[pi] = findRule(kept[pi])
	}
	return kept, ruleAt
}

// trimRunning drops running headers from the top of page pi down and,
// above the footnote area, running footers from its foot up, each as far
// as the first line that is not one; and, after the first page, the
// lines at the top set smaller than the body (a running header too).
func trimRunning(pi int, height float64, rs []*row, ruleAt int, running *runningSet, H float64) []*row {
	end := len(rs)
	if ruleAt >= 0 {
		end = ruleAt
	}
	drop := func(r *row, z string) bool {
		n := len(r.segs)
		r.segs = slices.DeleteFunc(r.segs, func(seg []int) bool {
			return running.has(z, r.join(seg, nil), r.yMin)
		})
		r.compact()
		return len(r.segs) < n && len(r.segs) == 0
	}
	top := 0
	if pi > 0 { // the first page's masthead is no running header
		for top < end && zone(rs[top], height) == "t" && drop(rs[top], "t") {
			top++
		}
	}
	bottom := end
	if ruleAt < 0 {
		for bottom > top && zone(rs[bottom-1], height) == "b" && drop(rs[bottom-1], "b") {
			bottom--
		}
	}
	rs = append(slices.Clone(rs[top:bottom]), rs[end:]...)
	if pi > 0 {
		for len(rs) > 0 && zone(rs[0], height) == "t" && rs[0].h < 0.95*H && !isRuleRow(rs[0]) {
			rs = rs[1:]
		}
	}
	return rs
}

// bodyLines lays out a page's body rows, one line per segment, with a
// blank line before a row set more than a line below the one before.
func bodyLines(body []*row, H float64) []bodyLine {
	var out []bodyLine
	var prev *row
	for _, r := range body {
		for si, seg := range r.segs {
			bl := bodyLine{r: r, seg: seg}
			if si == 0 && prev != nil && r.yMin-prev.yMax > 0.8*H {
				bl.blankUp = true
			}
			out = append(out, bl)
		}
		prev = r
	}
	return out
}

// noteState carries the footnotes read so far across pages.
type noteState struct {
	labels     map[string]bool   // every footnote label of the document
	pageLabels []map[string]bool // each page's footnote labels
	lastNum    int               // the last numeric label
	lastNote   *note             // the footnote a label-less row continues
	lastPage   int               // the page of lastNote's last row
}

// open reports whether the last footnote read, on the page before page
// pi, ends mid-sentence (no full stop or closing bracket): the page ended
// it, and it goes on at the foot of page pi.
func (ns *noteState) open(pi int) bool {
	if ns.lastNote == nil || len(ns.lastNote.lines) == 0 || ns.lastPage != pi-1 {
		return false
	}
	l := strings.TrimSpace(ns.lastNote.lines[len(ns.lastNote.lines)-1])
	return l != "" && !strings.HasSuffix(l, ".") && !strings.HasSuffix(l, ")") && !strings.HasSuffix(l, "]")
}

// continuedNote moves into a page's footnote area the rows set smaller
// than the body at the foot of its body that start with no label: the
// rest of the last page's last footnote, which Word and LibreOffice set
// above the page's own footnotes, under a drawn rule (noteState.read gives
// them to that footnote).
func continuedNote(body, area []*row, H float64) ([]*row, []*row) {
	i := len(body)
	for i > 0 && body[i-1].h < 0.92*H && len(body[i-1].words) > 0 && !startsWithLabel(body[i-1]) {
		i--
	}
	if i == len(body) || i == 0 {
		return body, area
	}
	return body[:i], append(slices.Clone(body[i:]), area...)
}

// read reads the footnotes of page pi's footnote area.
func (ns *noteState) read(pi int, area []*row) []*note {
	var notes []*note
	hasSuper := false
	left := math.Inf(1)
	for _, r := range area {
		if !isRuleRow(r) {
			hasSuper = hasSuper || r.super[0]
			left = math.Min(left, r.words[0].xMin)
		}
	}
	for _, r := range area {
		if isRuleRow(r) {
			continue
		}
		lab := noteLabel(r, hasSuper, left, ns.lastNum)
		if lab == "" {
			if ns.lastNote == nil {
				// Text in the footnote area with no footnote to
				// continue: keep it as a note without a label.
				ns.lastNote = &note{}
				notes = append(notes, ns.lastNote)
			}
			ns.lastNote.lines = append(ns.lastNote.lines, r.join(allWords(r), nil))
			ns.lastPage = pi
			continue
		}
		text := r.join(allWords(r)[1:], nil)
		if w := r.words[0].text; len(w) > len(lab) && !r.super[0] {
			// A label glued to its text (gluedLabel).
			text = strings.TrimSpace(w[len(lab):] + " " + text)
		}
		ns.lastNote = &note{label: lab, lines: []string{noteLine(lab, text)}}
		ns.lastPage = pi
		notes = append(notes, ns.lastNote)
		ns.labels[lab] = true
		if ns.pageLabels[pi] == nil {
			ns.pageLabels[pi] = map[string]bool{}
		}
		ns.pageLabels[pi][lab] = true
		if n, err := strconv.Atoi(lab); err == nil {
			ns.lastNum = n
		}
	}
	return notes
}

// viewWriter writes the lines of the view, remembering the page each
// comes from.
type viewWriter struct {
	out    []string
	pageOf []int
}

func (w *viewWriter) add(pi int, s string) {
	w.out = append(w.out, s)
	w.pageOf = append(w.pageOf, pi)
}

// lastIsText reports whether the last line written is not blank.
func (w *viewWriter) lastIsText() bool { return len(w.out) > 0 && w.out[len(w.out)-1] != "" }

// page writes page pi: its body lines with their markers, then its
// footnotes after the rule.
func (w *viewWriter) page(pi int, v *pageView, ns *noteState) {
	marker := func(r *row, i int) (string, bool) {
		return markerText(r.words[i].text, r.super[i], r.raised[i], ns.pageLabels[pi], ns.labels)
	}
	for _, bl := range v.body {
		ids := bl.seg
		// A marker that wrapped to the start of a line belongs to the
		// word before it.
		for len(ids) > 0 && w.lastIsText() {
			m, ok := marker(bl.r, ids[0])
			if !ok {
				break
			}
			w.out[len(w.out)-1] += m
			ids = ids[1:]
		}
		if len(ids) == 0 {
			continue
		}
		if bl.blankUp && w.lastIsText() {
			w.add(pi, "")
		}
		w.add(pi, bl.r.join(ids, func(i int) (string, bool) { return marker(bl.r, i) }))
	}
	if !v.rule || len(v.notes) == 0 {
		return
	}
	if len(w.out) > 0 && !w.lastIsText() {
		w.out, w.pageOf = w.out[:len(w.out)-1], w.pageOf[:len(w.pageOf)-1]
	}
	w.add(pi, Rule)
	w.add(pi, "")
	for _, n := range v.notes {
		for _, l := range n.lines {
			w.add(pi, l)
		}
		w.add(pi, "")
	}
}

// view ends the text and makes the view: the text, and a place at the
// first line of each page that has one.
func (w *viewWriter) view() *View {
	for len(w.out) > 0 && !w.lastIsText() {
		w.out, w.pageOf = w.out[:len(w.out)-1], w.pageOf[:len(w.pageOf)-1]
	}
	if len(w.out) == 0 {
		return &View{}
	}
	out, pageOf := joinHyphenated(w.out, w.pageOf)
	v := &View{Text: strings.Join(out, "\n") + "\n"}
	for i, pi := range pageOf {
		if i == 0 || pi != pageOf[i-1] {
			v.Paragraphs = append(v.Paragraphs, docx.Paragraph{Line: i + 1, Part: "page", Index: pi + 1, Label: "page " + strconv.Itoa(pi+1)})
		}
	}
	return v
}

// joinHyphenated mends the words the page broke after a hyphen: where a
// line ends in a hyphen after a letter or digit and the next line of the
// same paragraph or footnote starts with a letter or digit, the next
// line's first word moves up ("Secretary-" / "General of" becomes
// "Secretary-General" / "of"), so that "2248 (S-V)" or "resolution
// ES-10/21" read whole. UN documents are set without hyphenation: a
// hyphen at the end of a line is the word's own.
// pageOf[i] is the page of out[i]; it is kept in step.
func joinHyphenated(out []string, pageOf []int) ([]string, []int) {
	for i := 0; i+1 < len(out); i++ {
		for i+1 < len(out) && endsInHyphen(out[i]) && out[i+1] != Rule {
			next := out[i+1]
			c, _ := utf8.DecodeRuneInString(next)
			if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
				break
			}
			w, rest, _ := strings.Cut(next, " ")
			out[i] += w
			if rest = strings.TrimLeft(rest, " "); rest == "" {
				out = slices.Delete(out, i+1, i+2)
				pageOf = slices.Delete(pageOf, i+1, i+2)
			} else {
				out[i+1] = rest
			}
		}
	}
	return out, pageOf
}

func endsInHyphen(s string) bool {
	r, n := utf8.DecodeLastRuneInString(s)
	if r != '-' && r != '\u2010' && r != '\u2011' {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(s[:len(s)-n])
	return unicode.IsLetter(p) || unicode.IsDigit(p)
}

func allWords(r *row) []int {
	ids := make([]int, len(r.words))
	for i := range ids {
		ids[i] = i
	}
	return ids
}

// runningSet holds the lines that recur in the top or bottom band of the
// pages, by band and text (numbers made alike), with where each stands.
type runningSet struct {
	pages int
	seen  map[string][]occurrence
}

type occurrence struct {
	page int
	y    float64
}

// runningLines collects the lines of the top and bottom bands of the
// pages, footnote areas left out.
func runningLines(pages []page, all [][]*row, ruleAt []int) *runningSet {
	rs := &runningSet{pages: len(pages), seen: map[string][]occurrence{}}
	for pi, rows := range all {
		for i, r := range rows {
			if ruleAt[pi] >= 0 && i >= ruleAt[pi] {
				break
			}
			z := zone(r, pages[pi].height)
			if z == "" || citesTreatySeries(r) {
				continue
			}
			for _, seg := range r.segs {
				k := z + normalise(r.join(seg, nil))
				rs.seen[k] = append(rs.seen[k], occurrence{pi, r.yMin})
			}
		}
	}
	return rs
}

// citesTreatySeries reports whether r is a footnote citing the Treaty
// Series ("10 Ibid., vol. 2303, No. 30822."): a PDF whose footnote rule is
// drawn, not typed, has no rule to end the body above it, and the same
// citation at the foot of half the pages looked like a running footer
// once its digits were masked. No running footer cites a volume.
func citesTreatySeries(r *row) bool {
	if len(r.words) < 3 || !startsWithLabel(r) {
		return false
	}
	for _, w := range r.words[1:] {
		if w.text == "vol." || w.text == "vols." {
			return true
		}
	}
	return false
}

// has reports whether the text, in band z at height y, is a running
// header or footer: the same text at the same height (within 3 points) on
// at least half of the pages, two at least.
func (rs *runningSet) has(z, text string, y float64) bool {
	if isRuleText(text) {
		return false
	}
	pages := map[int]bool{}
	for _, o := range rs.seen[z+normalise(text)] {
		if math.Abs(o.y-y) <= 3 {
			pages[o.page] = true
		}
	}
	return len(pages) >= 2 && 2*len(pages) >= rs.pages
}

// findRule returns the index of the row that is a footnote rule set as
// text, or -1.
func findRule(rs []*row) int {
	for i, r := range rs {
		if i > 0 && isRuleRow(r) {
			return i
		}
	}
	return -1
}

func isRuleRow(r *row) bool {
	ids := allWords(r)
	return len(ids) == 1 && isRuleText(r.words[ids[0]].text)
}

// compact drops the words that are in none of the row's segments.
func (r *row) compact() {
	var words []word
	var super, raised []bool
	var segs [][]int
	for _, seg := range r.segs {
		ns := make([]int, len(seg))
		for k, i := range seg {
			ns[k] = len(words)
			words = append(words, r.words[i])
			super = append(super, r.super[i])
			raised = append(raised, r.raised[i])
		}
		segs = append(segs, ns)
	}
	r.words, r.super, r.raised, r.segs = words, super, raised, segs
}

// zone says whether the row is in the band at the top of the page ("t"),
// at its foot ("b") or neither (""). The bands are a tenth of the page
// (UN documents set their running header in the top 8 %, and begin the
// text below it), or 60 points on small pages.
func zone(r *row, height float64) string {
	band := math.Max(0.1*height, 60)
	switch {
	case r.yMax < band:
		return "t"
	case r.yMin > height-band:
		return "b"
	}
	return ""
}

// splitFootnotes splits a page's rows into body and footnote area. The
// area starts at a rule of underscores set as text (as in UN documents)
// or, failing that, is the run of rows at the foot of the page set
// smaller than the body whose first row starts with a footnote label.
func splitFootnotes(rs []*row, H float64) (body, area []*row) {
	if i := findRule(rs); i >= 0 {
		return rs[:i], rs[i:]
	}
	start := len(rs)
	for start > 0 && rs[start-1].h < 0.92*H {
		start--
	}
	for start < len(rs) {
		r := rs[start]
		if len(r.words) > 1 && (r.super[0] || isLabelText(r.words[0].text)) || len(r.words) > 0 && gluedLabel(r.words[0].text) != "" {
			break
		}
		start++
	}
	if start == len(rs) || start == 0 {
		return rs, nil
	}
	return rs[:start], rs[start:]
}

// startsWithLabel reports whether row r, which has words, starts with what
// may be a footnote's label: a superscript, a number or asterisks
// (isLabelText), or a number glued to the note's first word (gluedLabel).
func startsWithLabel(r *row) bool {
	w := r.words[0].text
	return r.super[0] || isLabelText(w) || gluedLabel(w) != ""
}

func isLabelText(s string) bool {
	return len(s) <= 3 && (isDigits(s) || strings.Trim(s, "*") == "")
}

// gluedLabel returns the label of one to three digits that word w starts
// with, glued to the footnote's first word ("108Ibid.,", "112United"): a
// label too wide for the hanging indent of a footnote set by Word or
// LibreOffice touches its text. The word after the digits must start
// with a capital and go on (not "3D" or "20A"), or be a document symbol
// ("116A/81/196.").
func gluedLabel(w string) string {
	i := 0
	for i < len(w) && i < 4 && isDigitByte(w[i]) {
		i++
	}
	if i == 0 || i > 3 || w[0] == '0' || len(w)-i < 3 {
		return ""
	}
	rest := w[i:]
	c, n := utf8.DecodeRuneInString(rest)
	d, _ := utf8.DecodeRuneInString(rest[n:])
	if !unicode.IsUpper(c) || !(unicode.IsLower(d) || d == '/' || d == '.') {
		return ""
	}
	return w[:i]
}

// noteLabel returns the footnote label that starts the row, or "". A
// superscript number or one to three asterisks are a label. Where the
// area sets no superscript label, a number is one if it continues the
// numbering (or, for the document's first footnote, whatever it is: an
// extract from a volume numbers its footnotes on from the volume's
// earlier ones), stands at the area's left edge (a hanging label, not a
// continuation line's first word) and is followed by what starts a
// footnote rather than "3 May 1999" or "10 countries".
func noteLabel(r *row, hasSuper bool, left float64, lastNum int) string {
	if len(r.words) == 0 {
		return ""
	}
	w := r.words[0].text
	if lab := gluedLabel(w); lab != "" && !hasSuper && !r.super[0] && r.words[0].xMin <= left+2 {
		// (A footnote of one word: "104A/81/504.")
		if n, _ := strconv.Atoi(lab); lastNum == 0 || n == lastNum+1 {
			return lab
		}
		return ""
	}
	if len(r.words) < 2 {
		return ""
	}
	if r.super[0] || len(w) <= 3 && strings.Trim(w, "*") == "" {
		return w
	}
	if hasSuper || !isDigits(w) || len(w) > 3 || r.words[0].xMin > left+2 {
		return ""
	}
	if n, _ := strconv.Atoi(w); n < 1 || lastNum > 0 && n != lastNum+1 {
		return ""
	}
	next := r.words[1].text
	c, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(c) || unicode.IsDigit(c) || months[strings.TrimRight(next, ".,")] {
		return ""
	}
	return w
}

// noteLine writes a footnote's first line, "5  United Nations, …", the
// shape pkg/document reads as a footnote. It takes a plain number for a
// footnote only before text that starts with a capital, a symbol or a
// quote; before "ibid.", "3 May 1999" or "10 countries" the label is
// written in superscript digits, which it takes as certain.
func noteLine(label, text string) string {
	if isDigits(label) {
		c, _ := utf8.DecodeRuneInString(text)
		first, _, _ := strings.Cut(text, " ")
		if unicode.IsLower(c) || unicode.IsDigit(c) || months[strings.TrimRight(first, ".,")] {
			return toSuper(label) + " " + text
		}
	}
	return label + "  " + text
}

var months = map[string]bool{
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true,
	"July": true, "August": true, "September": true, "October": true, "November": true, "December": true,
}

// markerText writes a number set as a superscript in the body: in
// superscript digits if it is the label of a footnote (of its own page
// first, of any page else), as "[^9][^10][^11]" if it is the labels of
// footnotes that count up by one set side by side ("91011", three
// footnotes on one word), and as it is otherwise ("10⁶ km" stays "106").
// The second says whether it is a marker.
func markerText(s string, super, raised bool, page, all map[string]bool) (string, bool) {
	if !raised {
		return s, false
	}
	for _, labels := range []map[string]bool{page, all} {
		if super && labels[s] {
			return toSuper(s), true
		}
		if parts := splitLabels(s, labels); parts != nil {
			var b strings.Builder
			for _, p := range parts {
				b.WriteString("[^" + p + "]")
			}
			return b.String(), true
		}
	}
	return s, false
}

// splitLabels splits the digits s into two or more labels that count up
// by one ("91011" → 9, 10, 11), all of them in labels, or returns nil.
func splitLabels(s string, labels map[string]bool) []string {
	if len(labels) == 0 {
		return nil
	}
	for i := 1; i < len(s) && i <= 3; i++ {
		first := s[:i]
		if first[0] == '0' || !labels[first] {
			continue
		}
		n, _ := strconv.Atoi(first)
		parts, rest := []string{first}, s[i:]
		for rest != "" {
			next := strconv.Itoa(n + len(parts))
			if !strings.HasPrefix(rest, next) || !labels[next] {
				break
			}
			parts = append(parts, next)
			rest = rest[len(next):]
		}
		if rest == "" {
			return parts
		}
	}
	return nil
}

var superDigits = []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")

func toSuper(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(superDigits[s[i]-'0'])
	}
	return b.String()
}
