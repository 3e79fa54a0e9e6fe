// Package docxedit writes fixes and comments into Word .docx files, as
// citecheck check --fix and --annotate do.
//
// It changes as little as it can. A fix rewrites only the characters that
// differ ("1954" → "1961" rewrites "54") inside the w:t elements that hold
// them; with Options.Tracked it is written as a tracked change instead
// (the old text in w:del, the new in w:ins, by Options.Author). A comment
// is anchored on the cited words with w:commentRangeStart/End and a
// w:commentReference, and its text goes to word/comments.xml, which is
// created, with its relationship and content type, when the document has
// none. Runs are split only where a change or comment begins or ends, and
// the pieces keep the run's properties. Every zip entry that does not
// change is copied raw, byte for byte, compressed data included.
//
// Findings are located by their text, not by counting elements: the
// words of a finding and their surroundings in citecheck's text view
// (package docx) are looked up in the XML of the part they come from,
// with the longest context that occurs as often in the XML as in the
// view. A fix that cannot be placed for certain is not applied, and says
// why. Finally the result is read back with package docx and must give
// the expected text view — the old one with exactly the applied fixes —
// or nothing is returned.
package docxedit

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/citecheck/citecheck/pkg/docx"
)

// Edit replaces the text view's bytes [Start, End) with New.
type Edit struct {
	Start, End int
	New        string
}

// Comment is a comment to anchor on the text view's bytes [Start, End).
type Comment struct {
	Start, End int
	// Text is the comment; each line becomes a paragraph.
	Text string
}

// Options say how edits are written.
type Options struct {
	// Tracked writes edits as tracked changes.
	Tracked bool
	// Author and Initials sign tracked changes and comments ("citecheck").
	Author, Initials string
	// Date, when set, dates them (ISO 8601, "2026-12-06T10:00:00Z").
	Date string
	// Read reads a .docx into its text view, with the options the view
	// given to Rewrite was read with; Rewrite reads its result back with
	// it to check it. nil means docx.Read with default options.
	Read func(data []byte) (*docx.View, error)
}

// Result is a rewritten document.
type Result struct {
	// Data is the new .docx; nil when nothing changed.
	Data []byte
	// EditErrs[i] says why edits[i] was not applied (nil: applied).
	EditErrs []error
	// CommentErrs[i] says why comments[i] was not anchored.
	CommentErrs []error
	// View is the text view of Data.
	View *docx.View
}

// Applied counts the edits applied.
func (r *Result) Applied() int {
	n := 0
	for _, e := range r.EditErrs {
		if e == nil {
			n++
		}
	}
	return n
}

// Rewrite applies edits and anchors comments in the .docx raw, whose text
// view (read with accepted revisions) is v. Edits must not overlap.
func Rewrite(raw []byte, v *docx.View, edits []Edit, comments []Comment, opt Options) (*Result, error) {
	opt = opt.withDefaults()
	pk, err := openPackage(raw)
	if err != nil {
		return nil, err
	}
	res := &Result{EditErrs: make([]error, len(edits)), CommentErrs: make([]error, len(comments))}
	rw := &rewriter{pk: pk, v: v, opt: opt, vps: viewParas(v)}
	rw.peers = peersByNote(rw.vps)
	if rw.ids, err = pk.maxAnnotationID(); err != nil {
		return nil, err
	}
	applied := rw.applyEdits(edits, res.EditErrs)
	added := rw.anchorComments(comments, res.CommentErrs)
	if len(applied) == 0 && len(added) == 0 {
		return res, nil
	}
	out, err := pk.rewrite(added, opt)
	if err != nil {
		return nil, err
	}
	back, err := opt.Read(out)
	if err != nil {
		return nil, fmt.Errorf("internal error: the rewritten document cannot be read back: %v", err)
	}
	if back.Text != withEdits(v.Text, applied) {
		return nil, errors.New("internal error: the rewritten document does not read back as expected; nothing written")
	}
	res.Data, res.View = out, back
	return res, nil
}

// withDefaults fills in the author, initials and reader left unset.
func (opt Options) withDefaults() Options {
	if opt.Author == "" {
		opt.Author = "citecheck"
	}
	if opt.Initials == "" {
		opt.Initials = "cc"
	}
	if opt.Read == nil {
		opt.Read = func(data []byte) (*docx.View, error) {
			return docx.Read(bytes.NewReader(data), int64(len(data)), docx.DefaultOptions())
		}
	}
	return opt
}

// rewriter is one Rewrite's state: the package, the text view it was read
// as, and the last annotation id used.
type rewriter struct {
	pk    *pkgFiles
	v     *docx.View
	opt   Options
	vps   []*viewPara
	peers map[string][]*viewPara // by noteKey
	ids   int
}

// noteKey names the paragraphs a paragraph is matched among: those of
// the body, or of one note ("footnote/3").
func noteKey(p docx.Paragraph) string {
	if p.Part == "body" {
		return "body"
	}
	return p.Part + "/" + p.ID
}

// peersByNote groups the view's paragraphs by noteKey.
func peersByNote(vps []*viewPara) map[string][]*viewPara {
	peers := map[string][]*viewPara{}
	for _, vp := range vps {
		key := noteKey(vp.para)
		peers[key] = append(peers[key], vp)
	}
	return peers
}

// maxAnnotationID is the largest annotation id in use: every part that
// holds annotation ids counts towards the next id.
func (pk *pkgFiles) maxAnnotationID() (int, error) {
	ids := 0
	for _, name := range []string{pk.main, pk.rels["footnotes"], pk.rels["endnotes"], pk.rels["comments"]} {
		if name == "" || pk.file(name) == nil {
			continue
		}
		p, err := pk.scan(name, name != pk.main)
		if err != nil {
			return 0, err
		}
		ids = max(ids, p.maxID)
	}
	return ids, nil
}

// where finds the unit and unit offsets of the view span [start, end).
func (rw *rewriter) where(start, end int) (*editor, *unit, int, int, error) {
	v, pk := rw.v, rw.pk
	if start < 0 || end > len(v.Text) || start > end {
		return nil, nil, 0, 0, errors.New("span outside the text view")
	}
	vp := paraAt(rw.vps, start, end)
	if vp == nil {
		return nil, nil, 0, 0, errors.New("the span is not within one paragraph")
	}
	name, key := pk.main, "body"
	switch vp.para.Part {
	case "footnote", "endnote":
		name, key = pk.rels[vp.para.Part+"s"], noteKey(vp.para)
	}
	if name == "" {
		return nil, nil, 0, 0, fmt.Errorf("the document has no %ss part", vp.para.Part)
	}
	ed, err := pk.editor(name, vp.para.Part != "body")
	if err != nil {
		return nil, nil, 0, 0, err
	}
	units, norms := ed.p.units, pk.norms[name]
	if key != "body" {
		units, norms = nil, nil
		for i, u := range ed.p.units {
			if u.id == vp.para.ID {
				units, norms = append(units, u), append(norms, pk.norms[name][i])
			}
		}
	}
	u, xa, xb, ok := locate(vp, rw.peers[key], units, norms, start, end)
	if !ok {
		return nil, nil, 0, 0, fmt.Errorf("cannot tell for certain where %q is in the %s", v.Text[start:end], vp.para.Label)
	}
	return ed, u, xa, xb, nil
}

// applyEdits applies each edit it can place, plainly or as a tracked
// change, sets errs[i] to why edits[i] was not applied, and returns those
// applied, in order.
func (rw *rewriter) applyEdits(edits []Edit, errs []error) []Edit {
	var applied []Edit
	for i, e := range edits {
		errs[i] = rw.applyEdit(e)
		if errs[i] == nil {
			applied = append(applied, e)
		}
	}
	return applied
}

func (rw *rewriter) applyEdit(e Edit) error {
	ed, u, xa, xb, err := rw.where(e.Start, e.End)
	if err != nil {
		return err
	}
	if u.text.String()[xa:xb] != rw.v.Text[e.Start:e.End] {
		return errNotText
	}
	if e.Start == e.End && !sameAround(u.text.String(), xa, rw.v.Text, e.Start) {
		// An insertion between characters the unit and the view do not
		// share (white space the view collapses) has no certain place.
		return errNotText
	}
	if rw.opt.Tracked {
		return ed.track(u, xa, xb, e.New, &rw.ids, rw.opt.Author, rw.opt.Date)
	}
	return ed.replace(u, xa, xb, e.New)
}

// sameAround reports whether the characters right before and after
// offset x of ut are those right before and after offset v of vt.
func sameAround(ut string, x int, vt string, v int) bool {
	before := func(s string, i int) byte {
		if i == 0 {
			return 0
		}
		return s[i-1]
	}
	after := func(s string, i int) byte {
		if i >= len(s) {
			return 0
		}
		return s[i]
	}
	return before(ut, x) == before(vt, v) && (after(ut, x) == after(vt, v) || x == len(ut))
}

// anchorComments anchors each comment it can place, sets errs[i] to why
// comments[i] was not anchored, and returns the texts of those anchored.
func (rw *rewriter) anchorComments(comments []Comment, errs []error) []commentText {
	var added []commentText
	for i, c := range comments {
		var ct commentText
		ct, errs[i] = rw.anchorComment(c)
		if errs[i] == nil {
			added = append(added, ct)
		}
	}
	return added
}

func (rw *rewriter) anchorComment(c Comment) (commentText, error) {
	v := rw.v
	start, end := c.Start, c.End
	if start == end && end < len(v.Text) {
		end++ // a comment needs something to cover
	}
	text := c.Text
	var ed *editor
	var u *unit
	var xa, xb int
	var err error
	if vp := paraAt(rw.vps, start, end); vp != nil && vp.para.Part != "body" {
		// A comment in a footnote stops LibreOffice (7.4) from
		// opening the document at all: anchor it on the note's
		// mark in the text instead, and say where it points.
		ed, u, xa, xb, err = rw.pk.noteMark(vp.para.Part, vp.para.ID)
		text = fmt.Sprintf("In %s, %q: %s", vp.para.Label, v.Text[start:end], text)
	} else {
		ed, u, xa, xb, err = rw.where(start, end)
	}
	if err != nil {
		return commentText{}, err
	}
	rw.ids++
	if err := ed.comment(u, xa, xb, rw.ids); err != nil {
		return commentText{}, err
	}
	return commentText{id: rw.ids, text: text}, nil
}

// withEdits returns text with the edits applied (in order, not
// overlapping): what the rewritten document must read back as.
func withEdits(text string, applied []Edit) string {
	want := []byte(text)
	for i := len(applied) - 1; i >= 0; i-- {
		e := applied[i]
		want = append(want[:e.Start:e.Start], append([]byte(e.New), want[e.End:]...)...)
	}
	return string(want)
}

// rewrite writes the package with the parts the editors changed and the
// comments added.
func (pk *pkgFiles) rewrite(added []commentText, opt Options) ([]byte, error) {
	changed := map[string][]byte{}
	for name, ed := range pk.editors {
		if len(ed.patches) == 0 && len(ed.splits) == 0 && len(ed.preserve) == 0 {
			continue
		}
		b, err := ed.apply()
		if err != nil {
			return nil, err
		}
		changed[strings.ToLower(name)] = b
	}
	if len(added) > 0 {
		if err := pk.addComments(changed, added, opt); err != nil {
			return nil, err
		}
	}
	return pk.write(changed)
}

// noteMark finds the reference mark of a note in the main part.
func (pk *pkgFiles) noteMark(kind, id string) (*editor, *unit, int, int, error) {
	ed, err := pk.editor(pk.main, false)
	if err != nil {
		return nil, nil, 0, 0, err
	}
	for _, u := range ed.p.units {
		at := 0
		for _, s := range u.segs {
			if s.kind == segObj && s.el.is(kind+"Reference") && s.el.attrVal("id") == id {
				return ed, u, at, at + len(s.text), nil
			}
			at += len(s.text)
		}
	}
	return nil, nil, 0, 0, fmt.Errorf("the mark of %s %s is not in the text", kind, id)
}

// pkgFiles is an open .docx package.
type pkgFiles struct {
	zr      *zip.Reader
	files   map[string]*zip.File // by lower-case name
	main    string               // the main document part
	rels    map[string]string    // the main part's relationships: type → part
	relsRaw string               // the main part's relationships part name
	editors map[string]*editor
	norms   map[string][]*normText
}

func openPackage(raw []byte) (*pkgFiles, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, fmt.Errorf("not a .docx file: %w", err)
	}
	pk := &pkgFiles{zr: zr, files: map[string]*zip.File{}, editors: map[string]*editor{}, norms: map[string][]*normText{}}
	for _, f := range zr.File {
		name := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := pk.files[name]; !dup {
			pk.files[name] = f
		}
	}
	root, err := pk.relationships("_rels/.rels", "")
	if err != nil {
		return nil, err
	}
	pk.main = root["officeDocument"]
	if pk.main == "" || pk.file(pk.main) == nil {
		pk.main = "word/document.xml"
	}
	if pk.file(pk.main) == nil {
		return nil, fmt.Errorf("%s is missing", pk.main)
	}
	dir, file := path.Split(pk.main)
	pk.relsRaw = dir + "_rels/" + file + ".rels"
	if pk.rels, err = pk.relationships(pk.relsRaw, strings.TrimSuffix(dir, "/")); err != nil {
		return nil, err
	}
	return pk, nil
}

func (pk *pkgFiles) file(name string) *zip.File { return pk.files[strings.ToLower(name)] }

// read returns a part's bytes (nil, nil when absent).
func (pk *pkgFiles) read(name string) ([]byte, error) {
	f := pk.file(name)
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, docx.DefaultMaxUncompressed+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return b, nil
}

func (pk *pkgFiles) scan(name string, notes bool) (*part, error) {
	if ed := pk.editors[name]; ed != nil {
		return ed.p, nil
	}
	raw, err := pk.read(name)
	if err != nil {
		return nil, err
	}
	if raw == nil {
		return nil, fmt.Errorf("%s is missing", name)
	}
	p, err := scanPart(name, raw, notes)
	if err != nil {
		return nil, err
	}
	pk.editors[name] = newEditor(p)
	for _, u := range p.units {
		s := u.text.String()
		pk.norms[name] = append(pk.norms[name], normalize(s, 0, len(s), false))
	}
	return p, nil
}

func (pk *pkgFiles) editor(name string, notes bool) (*editor, error) {
	if _, err := pk.scan(name, notes); err != nil {
		return nil, err
	}
	return pk.editors[name], nil
}

// write writes the package with changed parts replaced (and new ones
// added at the end). Unchanged entries are copied raw.
func (pk *pkgFiles) write(changed map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	done := map[string]bool{}
	for _, f := range pk.zr.File {
		name := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		data, ok := changed[name]
		if !ok || done[name] {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		done[name] = true
		fh := &zip.FileHeader{Name: f.Name, Method: f.Method, Modified: f.Modified, Comment: f.Comment}
		fh.SetMode(f.Mode())
		if fh.Method != zip.Store {
			fh.Method = zip.Deflate
		}
		w, err := zw.CreateHeader(fh)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	for _, name := range sortedKeys(changed) {
		if done[name] {
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(changed[name]); err != nil {
			return nil, err
		}
	}
	if err := zw.SetComment(pk.zr.Comment); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
