package docx

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// View is a document's text view: the Markdown-like plain text that
// citecheck's text parser reads, and a map from its lines back to the
// paragraphs of the original document.
type View struct {
	// Text is the text view: paragraphs separated by one blank line,
	// footnote references as "[^N]", then one "[^N]: text" paragraph per
	// footnote and one "[^eN]: text" paragraph per endnote. It is valid
	// UTF-8 and ends with a newline unless it is empty.
	Text string
	// Paragraphs has one entry per paragraph of Text, in order.
	Paragraphs []Paragraph
	// Comments are the Word comments that mention citecheck
	// ("citecheck-ignore …"), with the text they are anchored on; nil
	// for other formats.
	Comments []Comment
}

// Paragraph describes one paragraph of a View's Text.
type Paragraph struct {
	// Line is the 1-based line of Text where the paragraph starts.
	Line int
	// Part is "body", "footnote" or "endnote".
	Part string
	// Index is the 1-based paragraph number within the body, or the
	// footnote's or endnote's number (0 for a note with a custom mark).
	Index int
	// Label names the paragraph for people: "paragraph 12", "footnote 3",
	// "endnote ii".
	Label string
	// ID is a note's w:id in footnotes.xml or endnotes.xml ("" for the
	// body), for tools that write the note back (package docxedit).
	ID string
}

// Locate returns the paragraph that contains the given 1-based line of
// Text. A blank line between two paragraphs belongs to the one before it.
// It returns the zero Paragraph when line is before the first paragraph.
func (v *View) Locate(line int) Paragraph {
	i := sort.Search(len(v.Paragraphs), func(i int) bool { return v.Paragraphs[i].Line > line })
	if i == 0 {
		return Paragraph{}
	}
	return v.Paragraphs[i-1]
}

// NewView lays out paragraphs as a text view. texts[i] is the text of
// paras[i]. Each text is normalised: tabs and other control characters
// become spaces, runs of line breaks become one (so a paragraph never
// contains a blank line), spaces around line breaks and at either end are
// trimmed, and invalid UTF-8 is replaced. Paragraphs with nothing but
// white space (no-break spaces included) are left out. NewView sets Line,
// and numbers the "body" paragraphs that remain (Index 1, 2, … and Label
// "paragraph N"); other paragraphs keep the Index and Label given.
//
// NewView is exported so that other readers (package htmltext) produce
// the same kind of View.
func NewView(paras []Paragraph, texts []string) *View {
	v := &View{}
	// The paragraphs are normalised into one buffer made to size, each
	// after the line break that ends the one before (taken back if it is
	// blank): a string each, copied into a growing builder, was a sixth
	// of reading a .docx.
	size := 0
	for _, t := range texts {
		size += len(t) + 1
	}
	buf := make([]byte, 0, size)
	line, body := 1, 0
	for i, p := range paras {
		mark := len(buf)
		if len(v.Paragraphs) > 0 {
			buf = append(buf, '\n')
		}
		from := len(buf)
		buf = appendNormalized(buf, texts[i])
		t := buf[from:]
		if len(bytes.TrimFunc(t, func(r rune) bool { return unicode.IsSpace(r) || isMark(r) })) == 0 {
			buf = buf[:mark]
			continue
		}
		if len(v.Paragraphs) > 0 {
			line++
		}
		p.Line = line
		if p.Part == "body" {
			body++
			p.Index, p.Label = body, "paragraph "+strconv.Itoa(body)
		}
		v.Paragraphs = append(v.Paragraphs, p)
		buf = append(buf, '\n')
		line += 1 + bytes.Count(t, []byte{'\n'})
	}
	v.Text = string(buf)
	return v
}

// appendNormalized appends one paragraph's text to b, cleaned; see
// NewView. It works on bytes, copying runs of visible ASCII and any rune
// above it whole: a rune at a time through a strings.Builder, it was a
// quarter of reading a .docx.
// FuzzNormalize holds it equal to that first version.
func appendNormalized(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	spaces, pendingBreak, visible := 0, false, false
	for i := 0; i < len(s); {
		c := s[i]
		n := 1
		switch {
		case c >= utf8.RuneSelf:
			_, n = utf8.DecodeRuneInString(s[i:])
			if isMarkBytes(s[i:]) {
				// Position markers (package annot) take no room:
				// written at once, before any pending space.
				b = append(b, s[i:i+n]...)
				i += n
				continue
			}
		case c == '\n':
			pendingBreak = true
			spaces = 0
			i++
			continue
		case c < 0x20 || c == 0x7f || c == ' ':
			if !pendingBreak {
				spaces++
			}
			i++
			continue
		}
		if visible {
			if pendingBreak {
				b = append(b, '\n')
			} else {
				for ; spaces > 0; spaces-- {
					b = append(b, ' ')
				}
			}
		}
		spaces, pendingBreak, visible = 0, false, true
		// This rune, and the visible ASCII after it, with the single
		// spaces between its words.
		j := i + n
		for j < len(s) {
			if c := s[j]; c > ' ' && c < 0x7f {
				j++
			} else if c == ' ' && j+1 < len(s) && s[j+1] > ' ' && s[j+1] < 0x7f {
				j += 2
			} else {
				break
			}
		}
		b = append(b, s[i:j]...)
		i = j
	}
	return b
}

// isMarkBytes reports whether s starts with a position marker (isMark),
// U+FDD0–U+FDEF: EF B7 90 to EF B7 AF.
func isMarkBytes(s string) bool {
	return len(s) >= 3 && s[0] == 0xEF && s[1] == 0xB7 && s[2] >= 0x90 && s[2] <= 0xAF
}

// flatten turns a multi-paragraph note into one line.
func flatten(parts []string) string {
	s := strings.Join(parts, " ")
	return strings.ReplaceAll(s, "\n", " ")
}
