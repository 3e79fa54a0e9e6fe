package docx

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// noteKind tells footnotes from endnotes.
type noteKind int

const (
	footnote noteKind = iota
	endnote
)

func (k noteKind) String() string {
	if k == endnote {
		return "endnote"
	}
	return "footnote"
}

// noteRef is a note as referenced from the body, in reference order.
type noteRef struct {
	id    string
	label string // what goes inside "[^…]"
	index int    // sequential number, 0 for a custom mark
	shown string // the mark Word shows: "3", "ii", "*"
}

// notePr is a note kind's numbering (w:footnotePr, w:endnotePr).
type notePr struct {
	format string
	start  int
}

// state carries what one Read collects across parts.
type state struct {
	opt      Options
	original bool
	num      *numbering
	notePr   [2]notePr
	notes    [2]map[string]string // normal notes' flattened text, by w:id
	refs     [2][]noteRef
	refByID  [2]map[string]string // w:id → label already given
	count    [2]int
	body     []string
	size     int64 // bytes of paragraph text so far
	// comments holds the text of the comments that mention citecheck,
	// by w:id; commentIDs numbers those anchored in the text.
	comments   map[string]string
	commentIDs []string
	// noteRefs are the NOTEREF fields met, in order; bookmarks maps a
	// bookmark around a note reference to the note's "[^…]" label.
	noteRefs  []*crossRef
	bookmarks map[string]string
}

func newState(opt Options) *state {
	return &state{
		opt:       opt,
		original:  opt.Revisions == RevisionsOriginal,
		num:       newNumbering(),
		notePr:    [2]notePr{{"decimal", 1}, {"lowerRoman", 1}},
		notes:     [2]map[string]string{{}, {}},
		refByID:   [2]map[string]string{{}, {}},
		comments:  map[string]string{},
		bookmarks: map[string]string{},
	}
}

// parseSettings reads the footnote and endnote number formats.
func (st *state) parseSettings(d *decoder) error {
	return walkAll(d, func(se startElement) error {
		var k noteKind
		switch se.Name.Local {
		case "footnotePr":
			k = footnote
		case "endnotePr":
			k = endnote
		default:
			return d.skip()
		}
		return d.children(func(se startElement) error {
			switch se.Name.Local {
			case "numFmt":
				if _, ok := FormatNumber(1, se.attr("val")); ok {
					st.notePr[k].format = se.attr("val")
				}
			case "numStart":
				if n, ok := atoi(se.attr("val")); ok {
					st.notePr[k].start = n
				}
			}
			return d.skip()
		})
	})
}

// parseNotes reads footnotes.xml or endnotes.xml: the text of every
// normal note (separators and continuation notices are not text).
func (st *state) parseNotes(d *decoder, kind noteKind) error {
	return walkAll(d, func(se startElement) error {
		if se.Name.Local != kind.String() {
			return d.skip()
		}
		if t := se.attr("type"); t != "" && t != "normal" {
			return d.skip()
		}
		w := &walker{st: st, d: d, inNote: true}
		if err := w.children(); err != nil {
			return err
		}
		w.flushCarry()
		id := se.attr("id")
		if _, dup := st.notes[kind][id]; !dup {
			st.notes[kind][id] = flatten(w.paras)
		}
		return nil
	})
}

// parseBody reads document.xml.
func (st *state) parseBody(d *decoder) error {
	w := &walker{st: st, d: d}
	if err := walkAll(d, w.element); err != nil {
		return err
	}
	w.flushCarry()
	st.body = w.paras
	return nil
}

// ParagraphBytes is what a paragraph counts against the text view limit
// beyond its text: its record of where it comes from, about 180 bytes held
// until the view is made, so that the limit bounds memory for a document
// of nothing but empty paragraphs (88 KB of <w:p/> took 1.8 GB before its
// text, ten million blank lines, was measured). Eight bytes: a 2,000-page
// report of dense tables (568,000 cells, each a paragraph, 4.9 MiB of
// text) stays well within the default limit; the empty ones are refused
// after 2 million paragraphs.
const ParagraphBytes = 8

// grow counts n more bytes of text against the uncompressed-size limit:
// the text view is never larger than the parts read, whatever list
// numbers add.
func (st *state) grow(n int) error {
	st.size += int64(n)
	if st.size > st.opt.MaxText {
		return &LimitError{What: fmt.Sprintf("text view size (each paragraph counting %d bytes more)", ParagraphBytes), Limit: st.opt.MaxText, Bytes: true, Flag: sizeFlag}
	}
	return nil
}

// ref records a reference to a note and returns its "[^…]" label.
func (st *state) ref(kind noteKind, id, mark string) string {
	if label, ok := st.refByID[kind][id]; ok {
		return label
	}
	r := noteRef{id: id}
	if mark != "" {
		r.label, r.shown = mark, mark
	} else {
		st.count[kind]++
		r.index = st.count[kind]
		pr := st.notePr[kind]
		r.shown, _ = FormatNumber(pr.start+r.index-1, pr.format)
		r.label = r.shown
		if kind == endnote {
			r.label = "e" + strconv.Itoa(r.index)
		}
	}
	st.refByID[kind][id] = r.label
	st.refs[kind] = append(st.refs[kind], r)
	return r.label
}

// view lays out the body and the notes.
func (st *state) view() *View {
	var paras []Paragraph
	var texts []string
	for _, t := range st.body {
		paras = append(paras, Paragraph{Part: "body"})
		texts = append(texts, st.resolveNoteRefs(t))
	}
	for k := footnote; k <= endnote; k++ {
		for _, r := range st.refs[k] {
			text, ok := st.notes[k][r.id]
			if !ok {
				continue
			}
			text = strings.TrimLeft(text, " \t\n")
			if r.index == 0 {
				// Word and LibreOffice write a custom mark in the note
				// as plain text where an automatic one is a w:footnoteRef;
				// a document LibreOffice saved has it twice ("aa United
				// Nations, …"), which the note's text is not.
				if twice := r.shown + r.shown; strings.HasPrefix(text, twice) && !startsLetter(text[len(twice):]) {
					text = text[len(r.shown):]
				}
				text = strings.TrimLeft(strings.TrimPrefix(text, r.shown), " \t\n")
			}
			paras = append(paras, Paragraph{Part: k.String(), Index: r.index, Label: k.String() + " " + r.shown, ID: r.id})
			texts = append(texts, "[^"+r.label+"]: "+text)
		}
	}
	v := NewView(paras, texts)
	v.Text, v.Comments = st.takeComments(v.Text)
	return v
}

// walker turns the paragraphs of one part (the body or one note) into
// text.
type walker struct {
	st     *state
	d      *decoder
	inNote bool

	paras     []string          // finished paragraphs
	open      []*paragraph      // open paragraphs (text boxes nest them)
	fields    []*field          // open fields, innermost last
	bookmarks map[string]string // open bookmarks: w:id → name
	hidden    bool              // in a w:vanish run
	custom    *customMark       // a note reference waiting for its custom mark
	carry     *strings.Builder  // paragraphs whose mark was removed, waiting to join the next
}

type paragraph struct {
	b     strings.Builder
	props paraProps
}

// field is an open field: its instructions until "separate", then its
// result. A NOTEREF field's result becomes a note mark (ref).
type field struct {
	inResult bool
	instr    strings.Builder
	ref      *crossRef
}

type customMark struct {
	kind noteKind
	id   string
	b    strings.Builder
}

// visible reports whether text at this point is shown: not hidden and not
// inside a field's instructions.
func (w *walker) visible() bool {
	if w.hidden {
		return false
	}
	for _, f := range w.fields {
		if !f.inResult {
			return false
		}
	}
	return true
}

// write adds shown text to the open paragraph (or to a pending custom
// note mark).
func (w *walker) write(s string) {
	if !w.visible() || len(w.open) == 0 {
		return
	}
	s = noMarks(s)
	for i := len(w.fields) - 1; i >= 0; i-- {
		if r := w.fields[i].ref; r != nil {
			// A NOTEREF's result stands for a note mark: kept aside,
			// in case its bookmark holds no note.
			r.result.WriteString(s)
			return
		}
	}
	if w.custom != nil {
		w.custom.b.WriteString(s)
		return
	}
	w.open[len(w.open)-1].b.WriteString(s)
}

// children walks the children of the element just started.
func (w *walker) children() error { return w.d.children(w.element) }

// element handles one element and its content.
func (w *walker) element(se startElement) error {
	switch se.Name.Space {
	case nsW, nsWStrict:
		return w.wordElement(se)
	case nsMC:
		if se.Name.Local == "AlternateContent" {
			return w.alternateContent()
		}
	case nsM, nsMStrict:
		if se.Name.Local == "t" {
			return w.text(true)
		}
	}
	// Other namespaces (markup compatibility, math, drawings, …): their
	// text is in their children.
	return w.children()
}

// alternateContent handles mc:AlternateContent: only the first choice;
// the others, and the fallback, repeat the same content for other
// consumers.
func (w *walker) alternateContent() error {
	first := true
	return w.d.children(func(se startElement) error {
		if first {
			first = false
			return w.children()
		}
		return w.d.skip()
	})
}

// wordElement handles one WordprocessingML element and its content.
func (w *walker) wordElement(se startElement) error {
	switch se.Name.Local {
	case "p":
		return w.paragraph()
	case "r":
		return w.run()
	case "t":
		return w.text(true)
	case "delText":
		return w.text(w.st.original)
	case "tab", "ptab":
		w.write(" ")
	case "br", "cr":
		w.write("\n")
	case "noBreakHyphen":
		w.write("-")
	case "pPr":
		if len(w.open) > 0 {
			return w.paraProps(&w.open[len(w.open)-1].props)
		}
	case "ins", "moveTo":
		return w.revision(false)
	case "del", "moveFrom":
		return w.revision(true)
	case "fldChar":
		w.fieldChar(se.attr("fldCharType"))
	case "instrText":
		return w.instrText()
	case "fldSimple":
		return w.simpleField(se.attr("instr"))
	case "bookmarkStart":
		w.bookmarkStart(se.attr("id"), se.attr("name"))
	case "bookmarkEnd":
		delete(w.bookmarks, se.attr("id"))
	case "commentRangeStart":
		w.commentAnchor(markCommentStart, se.attr("id"))
	case "commentRangeEnd":
		w.commentAnchor(markCommentEnd, se.attr("id"))
	case "footnoteReference":
		w.noteRef(footnote, se.attr("id"), se.attr("customMarkFollows"))
	case "endnoteReference":
		w.noteRef(endnote, se.attr("id"), se.attr("customMarkFollows"))
	case "tbl":
		return w.table()
	case "rPr", "sdtPr", "sdtEndPr", "delInstrText", "sym", "softHyphen",
		"commentReference", "annotationRef", "footnoteRef", "endnoteRef", "separator",
		"continuationSeparator", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "tblPrEx",
		"rPrChange", "pPrChange", "customXmlPr", "smartTagPr", "fldData", "background",
		"lastRenderedPageBreak":
		// Properties, marks, separators and the like: skipped whole.
	default:
		// Body, tables, rows, cells, hyperlinks, fields, content
		// controls, smart tags, custom XML, bidi wrappers, drawings (for
		// their text boxes) and anything unknown: their text is in their
		// children.
		return w.children()
	}
	return w.d.skip()
}

// revision handles a tracked change: w:ins and w:moveTo (deleted false),
// w:del and w:moveFrom (deleted true). The view shows the deleted text
// with the original revisions, the inserted text otherwise.
func (w *walker) revision(deleted bool) error {
	if deleted == w.st.original {
		return w.children()
	}
	return w.d.skip()
}

// fieldChar handles w:fldChar: a field begins, its result begins after
// its instructions, or it ends. A NOTEREF field's result in the body
// becomes a note mark.
func (w *walker) fieldChar(typ string) {
	switch typ {
	case "begin":
		w.fields = append(w.fields, &field{})
	case "separate":
		if n := len(w.fields); n > 0 && !w.fields[n-1].inResult {
			f := w.fields[n-1]
			f.inResult = true
			if bm := crossRefBookmark(f.instr.String()); bm != "" && !w.inNote {
				f.ref = w.startNoteRef(bm)
			}
		}
	case "end":
		if len(w.fields) > 0 {
			w.fields = w.fields[:len(w.fields)-1]
		}
	}
}

// instrText handles w:instrText: the instructions of the innermost open
// field, until its result begins.
func (w *walker) instrText() error {
	s, err := w.d.text()
	if n := len(w.fields); n > 0 && !w.fields[n-1].inResult {
		w.fields[n-1].instr.WriteString(s)
	}
	return err
}

// simpleField handles w:fldSimple, a field with its instructions in an
// attribute: a NOTEREF in the body is a field whose result is a note
// mark; any other shows its children.
func (w *walker) simpleField(instr string) error {
	bm := crossRefBookmark(instr)
	if bm == "" || w.inNote {
		return w.children()
	}
	w.fields = append(w.fields, &field{inResult: true, ref: w.startNoteRef(bm)})
	err := w.children()
	w.fields = w.fields[:len(w.fields)-1]
	return err
}

// bookmarkStart opens a bookmark in the body (a NOTEREF may name one
// around a note reference).
func (w *walker) bookmarkStart(id, name string) {
	if w.inNote {
		return
	}
	if w.bookmarks == nil {
		w.bookmarks = map[string]string{}
	}
	w.bookmarks[id] = name
}

// table handles w:tbl: paragraphs joined by a removed mark do not join
// across a table's edges.
func (w *walker) table() error {
	w.flushCarry()
	err := w.children()
	w.flushCarry()
	return err
}

// text handles w:t, w:delText and m:t.
func (w *walker) text(show bool) error {
	s, err := w.d.text()
	if err == nil && show {
		w.write(s)
	}
	return err
}

// run handles w:r: its properties say whether it is hidden.
func (w *walker) run() error {
	saved := w.hidden
	err := w.d.children(func(se startElement) error {
		if se.w() && se.Name.Local == "rPr" {
			return w.d.children(func(se startElement) error {
				if se.w() && se.Name.Local == "vanish" && onOff(se.attr("val")) {
					w.hidden = true
				}
				return w.d.skip()
			})
		}
		return w.element(se)
	})
	w.hidden = saved
	if w.custom != nil && w.custom.b.Len() > 0 {
		w.endCustomMark()
	}
	return err
}

// noteRef handles a footnote or endnote reference.
func (w *walker) noteRef(kind noteKind, id, customMarkFollows string) {
	if w.inNote || !w.visible() || len(w.open) == 0 {
		return
	}
	if customMarkFollows != "" && onOff(customMarkFollows) {
		w.endCustomMark()
		w.custom = &customMark{kind: kind, id: id}
		return
	}
	w.write("[^" + w.noteLabel(w.st.ref(kind, id, "")) + "]")
}

// noteLabel records that the open bookmarks hold the note labelled label
// (for NOTEREF fields that name them), and returns label.
func (w *walker) noteLabel(label string) string {
	for _, name := range w.bookmarks {
		if _, ok := w.st.bookmarks[name]; !ok {
			w.st.bookmarks[name] = label
		}
	}
	return label
}

// endCustomMark writes a pending custom-mark reference, with the mark
// text that followed it.
func (w *walker) endCustomMark() {
	c := w.custom
	if c == nil {
		return
	}
	w.custom = nil
	mark := strings.Map(func(r rune) rune {
		switch r {
		case '[', ']', ' ', '\t', '\n', '\r', '\u00a0':
			return -1
		}
		return r
	}, c.b.String())
	if mark == "" {
		mark = "*"
	}
	if len(mark) > 32 {
		mark = mark[:32]
		mark = strings.ToValidUTF8(mark, "")
	}
	w.write("[^" + w.noteLabel(w.st.ref(c.kind, c.id, mark)) + "]")
}

// paragraph handles w:p.
func (w *walker) paragraph() error {
	p := &paragraph{}
	w.open = append(w.open, p)
	err := w.children()
	w.endCustomMark()
	w.open = w.open[:len(w.open)-1]
	if err != nil {
		return err
	}
	text := p.b.String()
	if !w.inNote {
		// The label advances the list counters even when it is not
		// shown (the paragraph joins one before it).
		if label := w.st.num.label(p.props); w.carry == nil {
			text = label + text
		}
	}
	if err := w.st.grow(len(text) + ParagraphBytes); err != nil {
		return err
	}
	if len(w.open) > 0 {
		// A paragraph in a text box: its own paragraph, before the one
		// that holds the text box.
		w.paras = append(w.paras, text)
		return nil
	}
	if p.props.markRemoved {
		if w.carry == nil {
			w.carry = &strings.Builder{}
		}
		w.carry.WriteString(text)
		return nil
	}
	if w.carry != nil {
		text = w.carry.String() + text
		w.carry = nil
	}
	w.paras = append(w.paras, text)
	return nil
}

// flushCarry ends paragraphs joined by a removed paragraph mark when no
// paragraph follows to join them to.
func (w *walker) flushCarry() {
	if w.carry != nil {
		w.paras = append(w.paras, w.carry.String())
		w.carry = nil
	}
}

// paraProps reads w:pPr: style, numbering and paragraph-mark revisions.
func (w *walker) paraProps(pp *paraProps) error {
	d := w.d
	return d.children(func(se startElement) error {
		if !se.w() {
			return d.skip()
		}
		switch se.Name.Local {
		case "pStyle":
			pp.style = se.attr("val")
		case "numPr":
			return d.children(func(se startElement) error {
				switch se.Name.Local {
				case "numId":
					pp.numID, pp.hasNumID = se.attr("val"), true
				case "ilvl":
					pp.ilvl, pp.hasIlvl = atoi(se.attr("val"))
				}
				return d.skip()
			})
		case "rPr":
			return d.children(func(se startElement) error {
				switch se.Name.Local {
				case "del", "moveFrom":
					pp.markRemoved = pp.markRemoved || !w.st.original
				case "ins", "moveTo":
					pp.markRemoved = pp.markRemoved || w.st.original
				}
				return d.skip()
			})
		}
		return d.skip()
	})
}

// startsLetter reports whether s starts with a letter.
func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}
