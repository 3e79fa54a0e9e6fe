package extract

import (
	"sort"
	"strings"

	"github.com/citecheck/citecheck/pkg/document"
	"github.com/citecheck/citecheck/pkg/resolution"
)

// Resolution is a reference to a resolution or decision ("General
// Assembly resolution 64/182 of 18 December 2009") or a document symbol
// ("A/C.3/80/L.4/Rev.1"), one of a Result's Resolutions. Its offsets are
// byte offsets in the source file (in FindResolutions, in the text given).
type Resolution struct {
	// Symbol is the resolution symbol read ("64/182", "2200 A (XXI)"); its
	// Form is FormNone for a document symbol that names no resolution.
	resolution.Symbol
	// Kind is KindResolution, KindDecision or KindSymbol.
	Kind string
	// Text is the reference as it reads; InFootnote is the label of the
	// footnote it is written in, "" for the body.
	Text, InFootnote string
	// Start and End delimit the whole reference, from the word
	// "resolution(s)"/"decision(s)" (or, for the second and later items
	// of a list, from the symbol) through its date or title:
	// "resolution 64/182 of 18 December 2009".
	Start, End int
	// NumStart and NumEnd delimit the symbol text itself ("64/182").
	NumStart, NumEnd int
	// Organ is the code of the organ the reference is attributed to
	// ("GA", "SC", "ECOSOC", "HRC", "CND", …), and Certainty how sure
	// that is: Sure when the text names the organ or only that organ
	// uses the symbol's shape, Guess when the shape or the document's
	// own organ only suggests it, Unknown (and Organ "") when nothing
	// can be told, as for a body citecheck does not know.
	Organ     string
	Certainty resolution.Certainty
	// OrganName is the organ as written before or after the reference
	// ("General Assembly", "Council", "World Health Assembly"), "" if
	// none.
	OrganName string
	// Its is set for "its resolution …", which the document's own organ
	// adopted unless the clause names another body.
	Its bool
	// Date is the stated date of adoption as YYYY-MM-DD ("2009-12-18")
	// when "of 18 December 2009" follows, "" otherwise. It is built from
	// the written day, month and year even when they make an impossible
	// date (31 April): the rules report those. DateText is the date as
	// written, text[DateStart:DateEnd]; in "of 4 and 14 July 1967,
	// respectively" the first reference's DateText is "4".
	Date               string
	DateStart, DateEnd int
	DateText           string
	// Title is the quoted title after "entitled", without the quotes.
	Title                string
	TitleStart, TitleEnd int
	// Doc is the document symbol of a KindSymbol reference: "A/64/L.5",
	// "E/2009/28", "A/RES/80/1", "S/RES/1325 (2000)". For a resolution's
	// symbol (A/RES/…, S/RES/…, E/RES/…) Symbol and Organ are set too.
	Doc string
	// RecordsSession and RecordsSupplement are set for a symbol cited as
	// "Official Records of the General Assembly, Sixty-fourth Session,
	// Supplement No. 49 (A/64/49)": "64" (or "S-12", "ES-10") and "49".
	RecordsSession, RecordsSupplement string
}

// FindResolutions returns the references to resolutions, decisions and
// document symbols in text, ordered by Start. text is one string in which
// line wraps are joined and footnote markers removed (Extract finds them
// in a document's streams). docOrgan is the organ of the document ("GA"
// for A/… texts, "SC" for S/…, "HRC" for A/HRC/…, "" if unknown): it
// resolves "its resolution …".
func FindResolutions(text, docOrgan string) []Resolution {
	refs := findResolutionRefs(text)
	for i := range refs {
		refs[i].resolveOrgan(docOrgan)
	}
	return refs
}

// resolveOrgan settles Organ and Certainty: what the text names, else
// what the symbol's shape implies, else the document's own organ.
func (r *Resolution) resolveOrgan(docOrgan string) {
	switch {
	case r.Kind == KindSymbol:
		// A document symbol names its organ: A/… the General Assembly.
		r.Certainty = resolution.Unknown
		if r.Organ != "" {
			r.Certainty = resolution.Sure
		}
		return
	case r.Form == resolution.FormNone:
		r.Organ, r.Certainty = "", resolution.Unknown
		return
	case r.OrganName != "" && r.Organ == "" && r.Series != "":
		// "General Conference resolution GC(68)/RES/9": the symbol names
		// its organ where the text's words do not.
		r.Organ, r.Certainty = resolution.ShapeOrgan(&r.Symbol, r.Kind, r.Its)
		return
	case r.OrganName != "":
		r.Certainty = resolution.Sure
		if r.Organ == "" {
			r.Certainty = resolution.Unknown // a body citecheck does not know
		}
		r.readAsOrgan()
		return
	}
	organ, cert := resolution.ShapeOrgan(&r.Symbol, r.Kind, r.Its)
	if docOrgan != "" && docOrgan != organ && (r.Its || cert == resolution.Unknown) && resolution.Fits(docOrgan, &r.Symbol) {
		// "its resolution 5/1" in a Human Rights Council text, a bare
		// "resolution 87 (LIX)" in a General Assembly text. The clause may
		// still speak of another body, so this is a guess.
		organ, cert = docOrgan, resolution.Guess
	}
	r.Organ, r.Certainty = organ, cert
}

// readAsOrgan reads the symbol as its organ numbers them, once the organ is
// settled: the FAO Conference's "7/2025" is resolution 7 of 2025.
func (r *Resolution) readAsOrgan() {
	if r.Certainty == resolution.Sure {
		r.Symbol = r.Symbol.ReadAs(r.Organ)
	}
}

// resolutions finds the references to resolutions, decisions and
// documents in d's body and footnotes and adds them to res. It reads the
// document's own organ and date (res.Meta) when it holds a resolution
// symbol, and resolves the organs with them.
func (x *Extractor) resolutions(a *refSlab, d *document.Document, res *Result) {
	limit := func() int {
		if x.maxResolutions <= 0 {
			return -1
		}
		return max(0, x.maxResolutions-len(res.Resolutions))
	}
	res.Resolutions, res.TooManyResolutions = resolutionRefs(a, &d.Body, "", res.Resolutions, limit())
	for _, f := range d.Footnotes {
		if res.TooManyResolutions {
			break
		}
		res.Resolutions, res.TooManyResolutions = resolutionRefs(a, &f.Text, f.Label, res.Resolutions, limit())
	}
	read := false
	for _, r := range res.Resolutions {
		{
			if r.Form == resolution.FormNone && r.Kind == KindSymbol {
				r.resolveOrgan("") // a document symbol needs no context
				continue
			}
			if !read {
				// Meta costs a few regexps over the document's head: read
				// it once, and only for a document that cites resolutions.
				res.Meta, read = d.Meta(), true
			}
			r.resolveOrgan(res.Meta.Organ)
		}
	}
}

// resolutionRefs finds references to resolutions, decisions and document
// symbols in a stream, with every offset mapped to the source, and
// appends them to out: at most limit (-1: any number), and whether there
// were more.
func resolutionRefs(a *refSlab, s *document.Stream, label string, out []*Resolution, limit int) ([]*Resolution, bool) {
	text, back := plainHyphens(s.Text)
	a.rp.limit = limit
	found := a.resolutions(a.rp.find(text))
	for i := range found {
		r := &found[i] // kept by the reference: no copy
		at := func(i int) int { return s.Src(back(i)) }
		end := func(i int) int { return s.SrcEnd(back(i)) }
		raw := s.Text[back(r.Start):back(r.End)]
		r.Start, r.End = at(r.Start), end(r.End)
		r.NumStart, r.NumEnd = at(r.NumStart), end(r.NumEnd)
		if r.DateText != "" {
			r.DateStart, r.DateEnd = at(r.DateStart), end(r.DateEnd)
		}
		if r.Title != "" {
			r.TitleStart, r.TitleEnd = at(r.TitleStart), end(r.TitleEnd)
		}
		r.Text, r.InFootnote = raw, label
		out = append(out, r)
	}
	return out, a.rp.over
}

// nbHyphen is U+2011, the non-breaking hyphen word processors put in
// "S‑10/2"; resolution symbols are read with a plain hyphen.
const nbHyphen = "\u2011"

// plainHyphens returns text with non-breaking hyphens made plain, and a
// function that maps an offset of the result back to text. The text
// between hyphens is copied whole: byte by byte, this cost a third of the
// run on the corpus's Markdown texts, which use U+2011 throughout.
func plainHyphens(text string) (string, func(int) int) {
	i := strings.Index(text, nbHyphen)
	if i < 0 {
		return text, func(i int) int { return i }
	}
	var b strings.Builder
	b.Grow(len(text))
	var cuts []int // offsets in the result after which 2 bytes were dropped
	for ; i >= 0; i = strings.Index(text, nbHyphen) {
		b.WriteString(text[:i])
		b.WriteByte('-')
		cuts = append(cuts, b.Len())
		text = text[i+len(nbHyphen):]
	}
	b.WriteString(text)
	return b.String(), func(i int) int {
		n := sort.SearchInts(cuts, i+1)
		return i + 2*n
	}
}
