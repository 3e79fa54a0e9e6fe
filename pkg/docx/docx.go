package docx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Read reads a .docx file of the given size from r and returns its text
// view. opt's zero fields take their defaults. Errors are one line and
// say what is wrong with the file: "not a .docx file: zip: not a valid
// zip file", "word/document.xml is missing", "uncompressed size exceeds
// 256 MiB limit (--max-docx-size)", "word/document.xml: XML nested deeper
// than 1000 elements".
func Read(r io.ReaderAt, size int64, opt Options) (*View, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	if size > opt.MaxFileSize {
		return nil, &LimitError{What: "file size", Limit: opt.MaxFileSize, Bytes: true, Flag: sizeFlag}
	}
	if size < 0 {
		return nil, errors.New("not a .docx file: negative size")
	}
	if err := sniff(r, size); err != nil {
		return nil, err
	}
	if err := checkEntryCount(r, size, opt.MaxEntries); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("not a .docx file: %w", err)
	}
	if len(zr.File) > opt.MaxEntries {
		return nil, &LimitError{What: "number of zip entries", Limit: int64(opt.MaxEntries)}
	}
	p := &pkg{
		files:  make(map[string]*zip.File, len(zr.File)),
		budget: budget{left: opt.MaxUncompressed, limit: opt.MaxUncompressed},
		opt:    opt,
	}
	for _, f := range zr.File {
		name := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := p.files[name]; !dup {
			p.files[name] = f
		}
	}
	return p.read()
}

// sniff recognises files that are certainly not .docx and says what
// they are instead.
func sniff(r io.ReaderAt, size int64) error {
	var head [8]byte
	n, _ := r.ReadAt(head[:], 0)
	if n == len(head) && bytes.Equal(head[:], []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) {
		return errors.New("not a .docx file: an OLE compound file (a legacy .doc or a password-protected document); save it as .docx without a password")
	}
	if n >= 5 && string(head[:5]) == "%PDF-" {
		return errors.New("not a .docx file: a PDF file")
	}
	return nil
}

// checkEntryCount counts the zip archive's central directory entries
// before archive/zip allocates one File for each, so that a small file
// with millions of entries is refused cheaply. Archives it cannot parse
// are left for archive/zip to report.
func checkEntryCount(r io.ReaderAt, size int64, max int) error {
	const eocdLen = 22
	if size < eocdLen {
		return nil
	}
	tail := int64(eocdLen + 65535)
	if tail > size {
		tail = size
	}
	buf := make([]byte, tail)
	if _, err := r.ReadAt(buf, size-tail); err != nil && err != io.EOF {
		return nil
	}
	i := bytes.LastIndex(buf, []byte("PK\x05\x06"))
	if i < 0 || len(buf)-i < eocdLen {
		return nil
	}
	eocd := buf[i:]
	records := uint64(binary.LittleEndian.Uint16(eocd[10:]))
	dirOff := uint64(binary.LittleEndian.Uint32(eocd[16:]))
	if records == 0xffff || dirOff == 0xffffffff {
		// Zip64: the locator is the 20 bytes before the end record.
		loc := make([]byte, 20)
		at := size - tail + int64(i) - 20
		if at < 0 {
			return nil
		}
		if _, err := r.ReadAt(loc, at); err != nil || string(loc[:4]) != "PK\x06\x07" {
			return nil
		}
		rec := make([]byte, 56)
		off := binary.LittleEndian.Uint64(loc[8:])
		if off > uint64(size) {
			return nil
		}
		if _, err := r.ReadAt(rec, int64(off)); err != nil || string(rec[:4]) != "PK\x06\x06" {
			return nil
		}
		records = binary.LittleEndian.Uint64(rec[32:])
		dirOff = binary.LittleEndian.Uint64(rec[48:])
	}
	if records > uint64(max) {
		return &LimitError{What: "number of zip entries", Limit: int64(max)}
	}
	// The declared count is only 16 bits wide in plain zip files and
	// archive/zip reads entries until the signatures stop, so count the
	// headers themselves.
	if dirOff >= uint64(size) {
		return nil
	}
	off := int64(dirOff)
	hdr := make([]byte, 46)
	for n := 0; ; n++ {
		if n > max {
			return &LimitError{What: "number of zip entries", Limit: int64(max)}
		}
		if _, err := r.ReadAt(hdr, off); err != nil || string(hdr[:4]) != "PK\x01\x02" {
			return nil
		}
		off += 46 + int64(binary.LittleEndian.Uint16(hdr[28:])) +
			int64(binary.LittleEndian.Uint16(hdr[30:])) +
			int64(binary.LittleEndian.Uint16(hdr[32:]))
	}
}

// pkg is an open .docx package.
type pkg struct {
	files  map[string]*zip.File // by lower-case part name
	budget budget
	opt    Options
}

// part opens a part for streaming, or returns (nil, nil) if it is absent.
func (p *pkg) part(name string) (io.ReadCloser, error) {
	f := p.files[strings.ToLower(name)]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > uint64(p.budget.left) {
		return nil, &LimitError{What: "uncompressed size", Limit: p.budget.limit, Bytes: true, Flag: sizeFlag}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{p.budget.reader(rc), rc}, nil
}

// parse streams one part through fn. A missing optional part is not an
// error; a missing required part is.
func (p *pkg) parse(name string, required bool, fn func(d *decoder) error) error {
	rc, err := p.part(name)
	if err != nil {
		return err
	}
	if rc == nil {
		if required {
			return fmt.Errorf("%s is missing", name)
		}
		return nil
	}
	defer rc.Close()
	d := newDecoder(rc, p.opt.MaxDepth, p.opt.MaxText)
	defer d.s.release()
	if err := fn(d); err != nil {
		var le *LimitError
		if errors.As(err, &le) {
			return le
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Relationship types, by their last path segment (transitional and strict
// OOXML share it).
const (
	relOfficeDocument = "officeDocument"
	relFootnotes      = "footnotes"
	relEndnotes       = "endnotes"
	relNumbering      = "numbering"
	relStyles         = "styles"
	relSettings       = "settings"
	relComments       = "comments"
)

// rels reads a relationships part and returns the target part names of
// internal relationships, keyed by relationship type (last segment).
// base is the directory targets are relative to.
func (p *pkg) rels(name, base string) (map[string]string, error) {
	out := map[string]string{}
	err := p.parse(name, false, func(d *decoder) error {
		for {
			err := d.next()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			se := d.se
			if d.kind != tokStart || se.Name.Local != "Relationship" {
				continue
			}
			typ, target := se.attr("Type"), se.attr("Target")
			if se.attr("TargetMode") == "External" || target == "" {
				continue
			}
			typ = typ[strings.LastIndex(typ, "/")+1:]
			if _, seen := out[typ]; seen {
				continue
			}
			if strings.HasPrefix(target, "/") {
				target = path.Clean(target)[1:]
			} else {
				target = path.Join(base, target)
			}
			out[typ] = target
		}
	})
	return out, err
}

// read reads the parts that make the text view.
func (p *pkg) read() (*View, error) {
	root, err := p.rels("_rels/.rels", "")
	if err != nil {
		return nil, err
	}
	docName := root[relOfficeDocument]
	if docName == "" || p.files[strings.ToLower(docName)] == nil {
		docName = "word/document.xml"
	}
	dir, file := path.Split(docName)
	parts, err := p.rels(dir+"_rels/"+file+".rels", strings.TrimSuffix(dir, "/"))
	if err != nil {
		return nil, err
	}
	partName := func(rel, def string) string {
		if n := parts[rel]; n != "" {
			return n
		}
		return def
	}
	if p.files[strings.ToLower(docName)] == nil {
		if p.isOpenDocument() {
			return nil, errors.New("not a .docx file: an OpenDocument file; save it as .docx")
		}
		return nil, fmt.Errorf("%s is missing (is this a Word document?)", docName)
	}

	st := newState(p.opt)
	if err := p.parse(partName(relSettings, "word/settings.xml"), false, st.parseSettings); err != nil {
		return nil, err
	}
	if err := p.parse(partName(relStyles, "word/styles.xml"), false, st.num.parseStyles); err != nil {
		return nil, err
	}
	if err := p.parse(partName(relNumbering, "word/numbering.xml"), false, st.num.parseNumbering); err != nil {
		return nil, err
	}
	if err := p.parse(partName(relComments, "word/comments.xml"), false, st.parseComments); err != nil {
		return nil, err
	}
	if err := p.parse(partName(relFootnotes, "word/footnotes.xml"), false, func(d *decoder) error {
		return st.parseNotes(d, footnote)
	}); err != nil {
		return nil, err
	}
	if err := p.parse(partName(relEndnotes, "word/endnotes.xml"), false, func(d *decoder) error {
		return st.parseNotes(d, endnote)
	}); err != nil {
		return nil, err
	}
	if err := p.parse(docName, true, st.parseBody); err != nil {
		return nil, err
	}
	return st.view(), nil
}

// isOpenDocument reports whether the archive is an OpenDocument file
// (.odt), which people may take for a Word document.
func (p *pkg) isOpenDocument() bool {
	f := p.files["mimetype"]
	if f == nil || f.UncompressedSize64 > 100 {
		return false
	}
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 100))
	return strings.HasPrefix(string(b), "application/vnd.oasis.opendocument")
}
