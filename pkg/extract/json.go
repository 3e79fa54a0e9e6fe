package extract

import (
	"github.com/citecheck/citecheck/pkg/resolution"
	"github.com/citecheck/citecheck/pkg/source"
)

// RefJSON is the JSON form of a reference (citecheck refs --format json).
type RefJSON struct {
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Kind      string `json:"kind"`
	Text      string `json:"text"`
	// Treaty mentions.
	Treaty    *string `json:"treaty,omitempty"`
	Year      int     `json:"year,omitempty"`
	ShortForm bool    `json:"short_form,omitempty"`
	Embedded  bool    `json:"embedded,omitempty"`
	// RefersBack: the words refer back to a title named before, whose
	// treaty Treaty is ("that Convention", "the Protocols thereto").
	RefersBack bool `json:"refers_back,omitempty"`
	// ListedWith are the treaties of the titles listed before this one
	// under its marker ("the Covenant, the Convention … and the
	// Convention …,1"), which its footnote may cite too.
	ListedWith []string `json:"listed_with,omitempty"`
	Candidates []string `json:"candidates,omitempty"`
	// UNTS citations.
	Series   string   `json:"series,omitempty"`
	Volume   []string `json:"volume,omitempty"`
	Number   string   `json:"number,omitempty"`
	Numbers  []string `json:"numbers,omitempty"`
	Page     string   `json:"page,omitempty"`
	Treaties []string `json:"treaties,omitempty"`
	// IbidOf is the label of the footnote an Ibid. refers to.
	IbidOf *string `json:"ibid_of,omitempty"`
	// Footnote: the marker a treaty mention carries.
	Footnote string `json:"footnote,omitempty"`
	// InFootnote: the footnote a reference of any kind is written in.
	InFootnote string `json:"in_footnote,omitempty"`
	// Documented: the registry IDs the footnote of a mention cites.
	CitedAs []string `json:"cited_as,omitempty"`
	// Resolutions, decisions and document symbols: the organ the
	// reference is attributed to, how sure that is ("sure", "guess";
	// omitted when unknown) and the organ as the text names it.
	Organ          string `json:"organ,omitempty"`
	OrganCertainty string `json:"organ_certainty,omitempty"`
	OrganName      string `json:"organ_name,omitempty"`
	Symbol         string `json:"symbol,omitempty"`
	Date           string `json:"date,omitempty"`
	Title          string `json:"title,omitempty"`
	Doc            string `json:"doc,omitempty"`
}

// refJSON fills the fields every kind has.
func refJSON(f *source.File, start, end int, kind, text string) RefJSON {
	s, e := f.Pos(start), f.Pos(end)
	return RefJSON{Path: f.Path, Line: s.Line, Column: s.Col, EndLine: e.Line, EndColumn: e.Col, Kind: kind, Text: text}
}

// JSON converts m to its JSON form.
func (m *Mention) JSON(f *source.File) RefJSON {
	j := refJSON(f, m.Start, m.End, KindTreaty, m.Text)
	j.Footnote = m.Footnote
	if m.InFootnote != m.Footnote {
		j.InFootnote = m.InFootnote
	}
	id := ""
	if m.Treaty != nil {
		id = m.Treaty.ID
	}
	j.Treaty = &id
	j.Year, j.ShortForm, j.Embedded, j.RefersBack = m.Year, m.ShortForm, m.Embedded, m.Antecedent != nil
	for _, c := range m.Candidates {
		j.Candidates = append(j.Candidates, c.ID)
	}
	for _, w := range m.With {
		if w.Treaty != nil { // (not a short form left unresolved)
			j.ListedWith = append(j.ListedWith, w.Treaty.ID)
		}
	}
	for _, c := range m.Citations {
		for _, t := range c.Treaties() {
			j.CitedAs = append(j.CitedAs, t.ID)
		}
	}
	return j
}

// JSON converts c to its JSON form.
func (c *Citation) JSON(f *source.File) RefJSON {
	j := refJSON(f, c.Start, c.End, c.kind, c.Text)
	j.InFootnote = c.Footnote
	j.Series = c.Series
	for _, v := range c.Volumes {
		j.Volume = append(j.Volume, v.Value)
	}
	for _, n := range c.Numbers {
		j.Numbers = append(j.Numbers, n.Value)
	}
	if len(j.Numbers) > 0 {
		j.Number = j.Numbers[0]
	}
	if len(j.Numbers) < 2 {
		j.Numbers = nil
	}
	j.Page = c.Page
	for _, t := range c.Treaties() {
		j.Treaties = append(j.Treaties, t.ID)
	}
	if c.Ibid {
		lab := ""
		if c.Prev != nil {
			lab = c.Prev.Footnote
		}
		j.IbidOf = &lab
	}
	return j
}

// JSON converts r to its JSON form.
func (r *Resolution) JSON(f *source.File) RefJSON {
	j := refJSON(f, r.Start, r.End, r.Kind, r.Text)
	j.InFootnote = r.InFootnote
	j.Organ, j.Symbol, j.Date, j.Title, j.Doc = r.Organ, r.Canonical, r.Date, r.Title, r.Doc
	j.OrganName = r.OrganName
	if r.Certainty != resolution.Unknown {
		j.OrganCertainty = r.Certainty.String()
	}
	j.Number = r.Number
	return j
}
