// Package pdftext turns a PDF file into citecheck's plain-text view, the
// shape pkg/document reads: body lines as set on the page, running
// headers, footers and page furniture left out, the body joined across
// page breaks, and each page's footnotes kept together after a
// "__________________" line where the page ends:
//
//	is an integral part of the 2030 Agenda for Sustainable Development,⁴ supports and
//	complements it, helps to contextualize its means of implementation targets with
//	__________________
//
//	1  General Assembly resolution 69/313, annex.
//
//	4  Resolution 70/1.
//
//	concrete policies and actions, and reaffirms the strong political commitment to
//
// Footnote markers set as superscripts come out as Unicode superscript
// digits ("Agenda,⁴"), which pkg/document takes as certain markers; a
// superscript with no footnote of that number ("10⁶ km") stays plain
// digits glued to what precedes it, as text extraction leaves it. Markers
// set side by side, which pdftotext reads as one number ("91011"), are
// split into the page's footnotes that count up by one and written
// "[^9][^10][^11]". A word the page broke after its hyphen is mended
// ("Secretary-" and "General" on the next line become "Secretary-General").
//
// It runs pdftotext (poppler-utils) with -bbox-layout, which gives every
// word's box, and lays out the page itself: words are grouped into lines
// by their vertical overlap (so a raised footnote marker joins its line),
// a number set smaller than its line's text and raised above its baseline
// is a superscript, a wide gap splits a line into columns (the masthead's
// "General Assembly   Distr.: General"), and the footnote area starts at a
// rule of underscores set as text (as in every UN PDF measured) or else at
// the run of lines at the foot of the page set smaller than the body whose
// first line starts with a number (LibreOffice draws its rule as a line).
//
// # Measurement
//
// The choice rests on 60 official PDFs of General Assembly resolutions of
// the eightieth session, all citing the Treaty Series (86 citations
// "Treaty Series, vol. N, No. M" in their pdftotext -raw text), each text
// given to document.Parse and scored by the citations that end in a
// footnote a body marker links to (scripts/pdf-compare.sh reruns it):
//
//	text                         footnotes  linked  Treaty Series cited and linked
//	this package (-bbox-layout)       823     823   86/86   (824 markers, 0 dangling)
//	pdftotext -layout                   0       0    0/86
//	pdftotext (reading order)           0       0    0/86
//	pdftotext -raw                      0       0    0/86
//	-raw, lone labels joined          823     719   76/86
//	ledongthuc/pdf rows, joined       823       3    0/86
//	rsc.io/pdf                          0       0    0/86   (text undecoded)
//
// Against the 45 footnotes of the seven of these resolutions that also
// have a Markdown text version, this package's footnote texts match 44;
// the 45th is the Markdown version's error (it runs the closing
// paragraphs into the last footnote).
//
// What the plain modes do: every footnote label is a superscript that
// pdftotext puts on a line of its own, before its text (-layout, -raw) or
// in a run of labels apart from the texts (reading order), so no "5  text"
// line is left for the parser. Body markers come out as "Agenda, 1 to"
// (-layout and reading order: spaces around, or "resolutions 3on" glued to
// the next word) or glued to their word but often followed by a line break
// (-raw: "Agenda,1\nto"). The rule is text, "_______________", in all 60
// PDFs. Headers, job numbers and page numbers fall in among the footnotes
// and across sentences at each page break. Of the pure-Go readers,
// rsc.io/pdf does not decode these fonts
// (no ToUnicode support: text comes out shifted), and ledongthuc/pdf reads
// the text but puts every marker and label on a row of its own, detached
// from its word; building this package's layout on its glyphs instead
// would trade poppler's mature PDF parser for a far less tried one.
package pdftext
