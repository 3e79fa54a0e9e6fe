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
	RefersBack bool     `json:"refers_back,omitempty"`
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
	// Footnote: the marker a mention carries, or the footnote a citation is in.
	Footnote string `json:"footnote,omitempty"`
	// InFootnote: the footnote a reference is written in.
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

// JSON converts r to its JSON form.
func (r *Reference) JSON(f *source.File) RefJSON {
	s, e := f.Pos(r.Start), f.Pos(r.End)
	j := RefJSON{Path: f.Path, Line: s.Line, Column: s.Col, EndLine: e.Line, EndColumn: e.Col,
		Kind: r.Kind, Text: r.Text, Footnote: r.Footnote}
	if r.InFootnote != r.Footnote {
		j.InFootnote = r.InFootnote
	}
	switch r.Kind {
	case KindTreaty:
		id := ""
		if r.Treaty != nil {
			id = r.Treaty.ID
		}
		j.Treaty = &id
		j.Year, j.ShortForm, j.Embedded, j.RefersBack = r.Year, r.ShortForm, r.Embedded, r.Antecedent != nil
		for _, c := range r.Candidates {
			j.Candidates = append(j.Candidates, c.ID)
		}
		for _, c := range r.Citations {
			for _, t := range c.Treaties() {
				j.CitedAs = append(j.CitedAs, t.ID)
			}
		}
	case KindResolution, KindDecision, KindSymbol:
		if rr := r.Resolution; rr != nil {
			j.Organ, j.Symbol, j.Date, j.Title, j.Doc = rr.Organ, rr.Canonical, rr.Date, rr.Title, rr.Doc
			j.OrganName = rr.OrganName
			if rr.Certainty != resolution.Unknown {
				j.OrganCertainty = rr.Certainty.String()
			}
			j.Number = rr.Number
		}
	case KindUNTS, KindIbid:
		j.Series = r.Series
		for _, v := range r.Volumes {
			j.Volume = append(j.Volume, v.Value)
		}
		for _, n := range r.Numbers {
			j.Numbers = append(j.Numbers, n.Value)
		}
		if len(j.Numbers) > 0 {
			j.Number = j.Numbers[0]
		}
		if len(j.Numbers) < 2 {
			j.Numbers = nil
		}
		j.Page = r.Page
		for _, t := range r.Treaties() {
			j.Treaties = append(j.Treaties, t.ID)
		}
		if r.Ibid {
			lab := ""
			if r.Prev != nil {
				lab = r.Prev.InFootnote
			}
			j.IbidOf = &lab
		}
	}
	return j
}
