package main

import (
	"regexp"
	"strings"
)

// PlainText is a corpus text cleaned for Find.
type PlainText struct {
	// Body is the main text with line wraps joined into single spaces and
	// paragraphs separated by blank lines.
	Body string
	// Notes are the footnote bodies of a Markdown text ("[^1]: …").
	Notes []string
	// Meta is the YAML front matter of a Markdown text, flattened
	// ("symbol", "date", …).
	Meta map[string]string
}

var (
	frontMatterRE = regexp.MustCompile(`(?s)\A---\n(.*?)\n---\n`)
	fmLineRE      = regexp.MustCompile(`(?m)^([a-z_]+):\s*"?(.*?)"?\s*$`)
	mdNoteDefRE   = regexp.MustCompile(`(?m)^\[\^(\d+)\]:\s?(.*)$`)
	mdNoteRefRE   = regexp.MustCompile(`\[\^\d+\]`)
	// Page furniture of PDF text: job numbers, page numbers, symbols alone
	// on a line, footnote rules.
	furnitureRE = regexp.MustCompile(`(?m)^[ \t]*(?:\d{2}-\d{5}(?: \(E\))?(?:[ \t]+\d+/\d+)?|\d+/\d+[ \t]+\d{2}-\d{5}|\*\d{7}\*|_{5,}|[AES]/[A-Za-z0-9./\-]+(?:[ \t]+\d+/\d+[ \t]+\d{2}-\d{5}|[ \t]+\d{2}-\d{5}[ \t]+\d+/\d+)?)[ \t]*$`)
	paraRE      = regexp.MustCompile(`\n[ \t\x{a0}]*\n\s*`)
	// A footnote number glued to a word or a closing quote or
	// parenthesis: "Solution;1", "Agreement1", "technologies”,13".
	gluedNoteRE = regexp.MustCompile(`([\p{Ll}”’)])([,;:]?)\d{1,2}([ \t\n]|$)`)
	// A footnote number glued to a year: "of 18 December 20091".
	gluedYearRE = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December)(\s+)((?:19|20)\d\d)\d{1,3}\b`)
)

// Plain cleans a corpus text (PDF extraction or Markdown) roughly the way
// citecheck's document reader does: front
// matter and Markdown footnotes are split off, footnote markers and page
// furniture dropped, footnote numbers glued to years removed, and line wraps
// joined. Footnote numbers glued to words are removed from PDF text. A line ending in a hyphen joins the next without a space
// ("Two-\nState" → "Two-State").
func Plain(raw string, markdown bool) PlainText {
	s := strings.ReplaceAll(raw, "\r\n", "\n")
	p := PlainText{Meta: map[string]string{}}
	if m := frontMatterRE.FindStringSubmatchIndex(s); m != nil {
		for _, kv := range fmLineRE.FindAllStringSubmatch(s[m[2]:m[3]], -1) {
			p.Meta[kv[1]] = kv[2]
		}
		s = s[m[1]:]
	}
	if markdown {
		for _, m := range mdNoteDefRE.FindAllStringSubmatch(s, -1) {
			p.Notes = append(p.Notes, m[2])
		}
		s = mdNoteDefRE.ReplaceAllString(s, "")
		s = mdNoteRefRE.ReplaceAllString(s, "")
	}
	s = furnitureRE.ReplaceAllString(s, "")
	s = gluedYearRE.ReplaceAllString(s, "$1$2$3")
	if !markdown {
		s = gluedNoteRE.ReplaceAllString(s, "$1$2$3")
	}
	p.Body = joinLines(s)
	return p
}

func joinLines(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for pi, para := range paraRE.Split(s, -1) {
		if pi > 0 {
			b.WriteString("\n\n")
		}
		lines := strings.Split(para, "\n")
		for li, l := range lines {
			l = strings.TrimRight(l, " \t\u00a0")
			if li > 0 {
				l = strings.TrimLeft(l, " \t\u00a0")
				prev := strings.TrimRight(lines[li-1], " \t\u00a0")
				if !(strings.HasSuffix(prev, "-") && len(prev) > 1 && prev[len(prev)-2] != ' ') {
					b.WriteByte(' ')
				}
			}
			b.WriteString(l)
		}
	}
	return b.String()
}
