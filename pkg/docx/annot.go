package docx

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Comment is a Word comment that may concern citecheck (its text contains
// "citecheck-"), with the range of the text view it is anchored on.
type Comment struct {
	// Start and End are byte offsets of View.Text: the commented words.
	Start, End int
	// Text is the comment's text, paragraphs joined by newlines.
	Text string
}

// Markers of positions in paragraph text that are resolved once the view
// is laid out. They are Unicode noncharacters, which never occur in
// interchanged text (a document's own are replaced): a marker is an
// opening rune, decimal digits as runes from digit0, and markEnd.
const (
	markCommentStart = '\uFDD0'
	markCommentEnd   = '\uFDD1'
	markEnd          = '\uFDD2'
	markNoteRef      = '\uFDD3'
	digit0           = '\uFDE0'
)

// isMark reports whether r belongs to a marker; package-level text
// normalisation treats such runes as having no width.
func isMark(r rune) bool { return r >= 0xFDD0 && r <= 0xFDEF }

// hasMark is strings.ContainsFunc(s, isMark), by bytes: a marker is EF B7
// 90–AF in UTF-8, and no other rune's encoding holds those bytes (decoding
// runes of every paragraph to look for one was 9% of reading a .docx).
func hasMark(s string) bool {
	for {
		i := strings.IndexByte(s, 0xEF)
		if i < 0 || i+2 >= len(s) {
			return false
		}
		if isMarkBytes(s[i:]) {
			return true
		}
		s = s[i+1:]
	}
}

// mark encodes a marker for index n.
func mark(kind rune, n int) string {
	var b strings.Builder
	b.WriteRune(kind)
	for _, d := range strconv.Itoa(n) {
		b.WriteRune(digit0 + (d - '0'))
	}
	b.WriteRune(markEnd)
	return b.String()
}

// noMarks replaces the document's own noncharacters, so that none is
// taken for a marker.
func noMarks(s string) string {
	if !hasMark(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isMark(r) {
			return utf8.RuneError
		}
		return r
	}, s)
}

// commentAnchor writes a comment range's start or end into the open
// paragraph (never into a pending custom note mark).
func (w *walker) commentAnchor(kind rune, id string) {
	if len(w.open) == 0 {
		return
	}
	n, ok := w.st.commentIndex(id)
	if !ok {
		return
	}
	w.open[len(w.open)-1].b.WriteString(mark(kind, n))
}

// commentIndex returns the index of comment id in st.commentIDs, adding
// it; false for a comment whose text does not concern citecheck.
func (st *state) commentIndex(id string) (int, bool) {
	if _, ok := st.comments[id]; !ok {
		return 0, false
	}
	for i, c := range st.commentIDs {
		if c == id {
			return i, true
		}
	}
	st.commentIDs = append(st.commentIDs, id)
	return len(st.commentIDs) - 1, true
}

// parseComments reads comments.xml: the text of each comment that
// mentions citecheck.
func (st *state) parseComments(d *decoder) error {
	return walkAll(d, func(se startElement) error {
		if !se.w() || se.Name.Local != "comment" {
			return d.skip()
		}
		var paras []string
		var b strings.Builder
		var walk func(se startElement) error
		walk = func(se startElement) error {
			switch {
			case se.w() && (se.Name.Local == "t" || se.Name.Local == "delText"):
				s, err := d.text()
				if se.Name.Local == "t" {
					b.WriteString(s)
				}
				return err
			case se.w() && se.Name.Local == "p":
				err := d.children(walk)
				paras = append(paras, b.String())
				b.Reset()
				return err
			}
			return d.children(walk)
		}
		if err := d.children(walk); err != nil {
			return err
		}
		text := strings.TrimSpace(strings.Join(paras, "\n"))
		if strings.Contains(text, "citecheck-") {
			st.comments[se.attr("id")] = text
		}
		return nil
	})
}

// noteRefRE matches a NOTEREF field's instructions: the bookmark and the
// switches. Only \f (formatted as a note reference) makes the result a
// repeated note mark; without it the result is a plain number in the
// text ("see note 3").
var noteRefRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*NOTEREF\s+(\S+)((?:\s+\\[A-Za-z*]+)*)\s*$`) })

// noteRefField returns the bookmark a field's instructions refer to as a
// note mark, or "".
func crossRefBookmark(instr string) string {
	m := noteRefRE().FindStringSubmatch(instr)
	if m == nil || !strings.Contains(m[2], `\f`) {
		return ""
	}
	return m[1]
}

// crossRef is a NOTEREF field met in the text: the bookmark it names and
// the result Word last showed, used when the bookmark names no note.
type crossRef struct {
	bookmark string
	result   strings.Builder
}

// startNoteRef writes a marker for a NOTEREF field and returns it, to
// collect its shown result.
func (w *walker) startNoteRef(bookmark string) *crossRef {
	n := &crossRef{bookmark: bookmark}
	w.st.noteRefs = append(w.st.noteRefs, n)
	if !w.inNote && len(w.open) > 0 {
		w.open[len(w.open)-1].b.WriteString(mark(markNoteRef, len(w.st.noteRefs)-1))
	}
	return n
}

// resolveNoteRefs replaces NOTEREF markers with the mark of the note
// their bookmark holds ("[^3]"), or with the field's shown result.
func (st *state) resolveNoteRefs(s string) string {
	if !strings.ContainsRune(s, markNoteRef) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexRune(s, markNoteRef)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		n, rest := readMark(s[i+utf8.RuneLen(markNoteRef):])
		s = rest
		if n < 0 || n >= len(st.noteRefs) {
			continue
		}
		r := st.noteRefs[n]
		if label, ok := st.bookmarks[r.bookmark]; ok {
			b.WriteString("[^" + label + "]")
		} else {
			b.WriteString(r.result.String())
		}
	}
}

// readMark reads a marker's digits and end; it returns -1 for a malformed
// marker.
func readMark(s string) (int, string) {
	n, digits := 0, 0
	for {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r >= digit0 && r <= digit0+9:
			n = n*10 + int(r-digit0)
			digits++
			s = s[size:]
			continue
		case r == markEnd && digits > 0:
			return n, s[size:]
		}
		return -1, s
	}
}

// takeComments removes comment markers from the laid-out text and
// returns the comments anchored by both a start and an end.
func (st *state) takeComments(text string) (string, []Comment) {
	if !hasMark(text) {
		return text, nil
	}
	var b strings.Builder
	start := map[int]int{}
	end := map[int]int{}
	for s := text; s != ""; {
		r, size := utf8.DecodeRuneInString(s)
		if r != markCommentStart && r != markCommentEnd {
			if !isMark(r) {
				b.WriteString(s[:size])
			}
			s = s[size:]
			continue
		}
		n, rest := readMark(s[size:])
		s = rest
		if n < 0 {
			continue
		}
		if r == markCommentStart {
			if _, dup := start[n]; !dup {
				start[n] = b.Len()
			}
		} else {
			end[n] = b.Len()
		}
	}
	var cs []Comment
	for n, s := range start {
		e, ok := end[n]
		if !ok || e < s || n >= len(st.commentIDs) {
			continue
		}
		cs = append(cs, Comment{Start: s, End: e, Text: st.comments[st.commentIDs[n]]})
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].Start != cs[j].Start {
			return cs[i].Start < cs[j].Start
		}
		return cs[i].End < cs[j].End
	})
	return b.String(), cs
}
