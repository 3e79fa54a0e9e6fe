package main

// A text is one input file, cleaned for extract.FindResolutions.
type text struct {
	path   string // as given on the command line, slash-separated
	short  string // folder/file, for sources ("sc-gold/S_RES_0271_1969.txt")
	doc    string // the document's own symbol ("A/RES/80/11", "A/C.3/80/L.4")
	name   string // how sources name it, when not by doc
	organ  string // organ of the document: "GA", "SC", "ECOSOC" or ""
	rank   int    // preference among files of the same document (lower wins)
	ocr    bool   // an OCR transcription (the Security Council volumes), not born digital
	raw    string // the file as read
	body   string // main text, line wraps joined
	notes  []string
	meta   map[string]string // front matter
	family int               // independent-source group, set by groupFamilies
}

// clean prepares the file for Find.
func (t *text) clean() {
	p := Plain(t.raw, len(t.path) > 3 && t.path[len(t.path)-3:] == ".md")
	t.body, t.notes, t.meta = p.Body, p.Notes, p.Meta
}

// sourceName is how a source names the text: its symbol, or its name when
// it has no document symbol of its own (a record of the decisions database).
func (t *text) sourceName() string {
	if t.name != "" {
		return t.name
	}
	return t.doc
}
