package docxedit

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/docx"
)

// normText is a text with white space collapsed (and, in the view, note
// markers "[^N]" turned into objRune), with a map back to the original.
type normText struct {
	s string
	// startOf[i] is the original offset of the character norm byte i
	// belongs to; endOf[i] is the original offset just after the
	// character that ends at norm byte i (endOf[0] is the start).
	startOf, endOf []int
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// normalize collapses white space in text[from:to]; markers turns "[^…]"
// into objRune. Offsets are absolute (text's).
func normalize(text string, from, to int, markers bool) *normText {
	n := &normText{}
	var b strings.Builder
	emit := func(s string, start, end int) {
		for range len(s) {
			n.startOf = append(n.startOf, start)
		}
		b.WriteString(s)
		for range len(s) - 1 {
			n.endOf = append(n.endOf, start)
		}
		n.endOf = append(n.endOf, end)
	}
	n.endOf = append(n.endOf, from)
	for i := from; i < to; {
		c := text[i]
		switch {
		case isSpace(c):
			j := i
			for j < to && isSpace(text[j]) {
				j++
			}
			emit(" ", i, j)
			i = j
		case markers && c == '[' && strings.HasPrefix(text[i:to], "[^"):
			if k := strings.IndexByte(text[i:to], ']'); k > 2 && !strings.ContainsAny(text[i:i+k], " \n") {
				emit(string(objRune), i, i+k+1)
				i += k + 1
				continue
			}
			emit("[", i, i+1)
			i++
		default:
			_, size := utf8.DecodeRuneInString(text[i:to])
			emit(text[i:i+size], i, i+size)
			i += size
		}
	}
	n.s = b.String()
	return n
}

// index returns the norm offset of the first character that starts at or
// after original offset off.
func (n *normText) index(off int) int {
	return sort.Search(len(n.startOf), func(i int) bool { return n.startOf[i] >= off })
}

// viewPara is a paragraph of the text view (a note without its "[^N]: ").
type viewPara struct {
	para       docx.Paragraph
	start, end int // its text in View.Text
	norm       *normText
}

// viewParas splits a view into paragraphs.
func viewParas(v *docx.View) []*viewPara {
	var starts []int
	starts = append(starts, 0)
	for i := 0; i < len(v.Text); i++ {
		if v.Text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	lineStart := func(l int) int {
		if l-1 < len(starts) {
			return starts[l-1]
		}
		return len(v.Text)
	}
	var out []*viewPara
	for i, p := range v.Paragraphs {
		start := lineStart(p.Line)
		end := len(v.Text)
		if i+1 < len(v.Paragraphs) {
			end = lineStart(v.Paragraphs[i+1].Line)
		}
		for end > start && v.Text[end-1] == '\n' {
			end--
		}
		if p.Part != "body" && strings.HasPrefix(v.Text[start:end], "[^") {
			if k := strings.Index(v.Text[start:end], "]: "); k > 0 {
				start += k + 3
			}
		}
		vp := &viewPara{para: p, start: start, end: end}
		vp.norm = normalize(v.Text, start, end, true)
		out = append(out, vp)
	}
	return out
}

// paraAt returns the paragraph whose text holds [start, end), or nil.
func paraAt(vps []*viewPara, start, end int) *viewPara {
	i := sort.Search(len(vps), func(i int) bool { return vps[i].end >= end })
	if i < len(vps) && vps[i].start <= start && end <= vps[i].end {
		return vps[i]
	}
	return nil
}

// contexts are the numbers of bytes of context tried on each side of a
// span, longest first: the longest context that occurs as often in the
// document's XML as in its view locates the span.
var contexts = []int{64, 32, 16, 8, 4, 0}

// locate finds the view span [start, end) of paragraph vp in the units
// of a part: it returns the unit and the span's offsets in its text.
// peers are the view paragraphs that correspond to units (all body
// paragraphs, or the one note). ok is false when no context tells the
// span's place for certain.
func locate(vp *viewPara, peers []*viewPara, units []*unit, unorm []*normText, start, end int) (u *unit, xa, xb int, ok bool) {
	a, b := vp.norm.index(start), vp.norm.index(end)
	s := vp.norm.s
	for _, c := range contexts {
		l, r := back(s, a, c), forward(s, b, c)
		pat := s[l:r]
		if pat == "" {
			continue
		}
		ord, vcount := -1, 0
		for _, p := range peers {
			for i := 0; ; {
				k := strings.Index(p.norm.s[i:], pat)
				if k < 0 {
					break
				}
				if p == vp && i+k == l {
					ord = vcount
				}
				vcount++
				i += k + 1
			}
		}
		xcount := 0
		var hit *unit
		var hitNorm *normText
		hitAt := 0
		for j, un := range unorm {
			for i := 0; ; {
				k := strings.Index(un.s[i:], pat)
				if k < 0 {
					break
				}
				if xcount == ord {
					hit, hitNorm, hitAt = units[j], un, i+k
				}
				xcount++
				i += k + 1
			}
		}
		if ord < 0 || xcount != vcount || hit == nil {
			continue
		}
		na, nb := hitAt+(a-l), hitAt+(b-l)
		xa = hitNorm.endOf[na]
		if na < len(hitNorm.startOf) {
			xa = hitNorm.startOf[na]
		}
		return hit, xa, hitNorm.endOf[nb], true
	}
	return nil, 0, 0, false
}

// back moves up to n bytes back from i in s, to a character boundary.
func back(s string, i, n int) int {
	j := min(max(i-n, 0), len(s))
	for j > 0 && j < len(s) && !utf8.RuneStart(s[j]) {
		j--
	}
	return j
}

// forward moves up to n bytes on from i in s, to a character boundary.
func forward(s string, i, n int) int {
	j := min(i+n, len(s))
	for j < len(s) && !utf8.RuneStart(s[j]) {
		j++
	}
	return j
}
