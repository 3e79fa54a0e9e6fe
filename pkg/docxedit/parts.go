package docxedit

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Relationship and content types of a comments part.
const (
	relComments       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	relCommentsStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"
	ctComments        = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
	nsRels            = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsCT              = "http://schemas.openxmlformats.org/package/2006/content-types"
)

// relationships reads a relationships part: internal targets by type (the
// type's last path segment), resolved against base.
func (pk *pkgFiles) relationships(name, base string) (map[string]string, error) {
	out := map[string]string{}
	raw, err := pk.read(name)
	if err != nil || raw == nil {
		return out, err
	}
	root, err := parseTree(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, k := range root.kids {
		if k.chars || k.name.Local != "Relationship" || k.attrVal("TargetMode") == "External" {
			continue
		}
		typ, target := k.attrVal("Type"), k.attrVal("Target")
		typ = typ[strings.LastIndex(typ, "/")+1:]
		if _, seen := out[typ]; seen || target == "" {
			continue
		}
		if strings.HasPrefix(target, "/") {
			target = path.Clean(target)[1:]
		} else {
			target = path.Join(base, target)
		}
		out[typ] = target
	}
	return out, nil
}

type commentText struct {
	id   int
	text string
}

// addComments writes comments into the comments part, creating it (and
// its relationship and content type) when the document has none.
func (pk *pkgFiles) addComments(changed map[string][]byte, cs []commentText, opt Options) error {
	mainEd := pk.editors[pk.main]
	if mainEd == nil {
		if _, err := pk.scan(pk.main, false); err != nil {
			return err
		}
		mainEd = pk.editors[pk.main]
	}
	prefix, ns := mainEd.p.prefix, mainEd.p.ns
	name := pk.rels["comments"]
	var raw []byte
	if name != "" {
		var err error
		if raw, err = pk.read(name); err != nil {
			return err
		}
	}
	if raw != nil {
		root, err := parseTree(raw)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		cprefix := ""
		for _, a := range root.attr {
			if a.Name.Space == "xmlns" && (a.Value == nsW || a.Value == nsWStrict) {
				cprefix = a.Name.Local
			}
		}
		if cprefix == "" {
			return fmt.Errorf("%s: the root element binds no prefix to the WordprocessingML namespace", name)
		}
		body := commentsXML(cprefix, cs, opt)
		var b bytes.Buffer
		if root.tagEnd == root.end {
			// <w:comments …/>: open it.
			tag := string(raw[root.start:root.tagEnd])
			b.Write(raw[:root.start])
			b.WriteString(strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(tag, ">")), "/") + ">")
			b.WriteString(body)
			b.WriteString("</" + qname(tag) + ">")
			b.Write(raw[root.end:])
		} else {
			b.Write(raw[:root.endStart])
			b.WriteString(body)
			b.Write(raw[root.endStart:])
		}
		changed[strings.ToLower(name)] = b.Bytes()
		return nil
	}

	// A new comments part beside the main part.
	dir := path.Dir(pk.main)
	name = path.Join(dir, "comments.xml")
	for i := 2; pk.file(name) != nil; i++ {
		name = path.Join(dir, "comments"+strconv.Itoa(i)+".xml")
	}
	changed[strings.ToLower(name)] = []byte(xml.Header[:len(xml.Header)-1] + "\n" +
		`<` + prefix + `:comments xmlns:` + prefix + `="` + ns + `">` + commentsXML(prefix, cs, opt) + `</` + prefix + `:comments>`)

	relType := relComments
	if ns == nsWStrict {
		relType = relCommentsStrict
	}
	rels, err := pk.read(pk.relsRaw)
	if err != nil {
		return err
	}
	target := path.Base(name)
	if rels == nil {
		rels = []byte(xml.Header + `<Relationships xmlns="` + nsRels + `"></Relationships>`)
	}
	rels, err = addRelationship(rels, relType, target)
	if err != nil {
		return fmt.Errorf("%s: %w", pk.relsRaw, err)
	}
	changed[strings.ToLower(pk.relsRaw)] = rels

	ct, err := pk.read("[Content_Types].xml")
	if err != nil {
		return err
	}
	if ct == nil {
		return fmt.Errorf("[Content_Types].xml is missing")
	}
	ct, err = addOverride(ct, "/"+name, ctComments)
	if err != nil {
		return fmt.Errorf("[Content_Types].xml: %w", err)
	}
	changed["[content_types].xml"] = ct
	return nil
}

// commentsXML renders comments as w:comment elements.
func commentsXML(prefix string, cs []commentText, opt Options) string {
	q := func(local string) string { return prefix + ":" + local }
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, `<%s %s="%d" %s="%s" %s="%s"`, q("comment"), q("id"), c.id, q("author"), escapeAttr(opt.Author), q("initials"), escapeAttr(opt.Initials))
		if opt.Date != "" {
			fmt.Fprintf(&b, ` %s="%s"`, q("date"), escapeAttr(opt.Date))
		}
		b.WriteString(">")
		for i, line := range strings.Split(c.text, "\n") {
			b.WriteString("<" + q("p") + ">")
			if i == 0 {
				b.WriteString("<" + q("r") + "><" + q("annotationRef") + "/></" + q("r") + ">")
			}
			b.WriteString("<" + q("r") + "><" + q("t") + ` xml:space="preserve">` + escape(line) + "</" + q("t") + "></" + q("r") + ">")
			b.WriteString("</" + q("p") + ">")
		}
		b.WriteString("</" + q("comment") + ">")
	}
	return b.String()
}

// addRelationship adds a relationship with a fresh id before the end of
// the Relationships element.
func addRelationship(raw []byte, typ, target string) ([]byte, error) {
	root, err := parseTree(raw)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, k := range root.kids {
		if !k.chars {
			ids = append(ids, k.attrVal("Id"))
		}
	}
	id := "rIdCitecheck1"
	for i := 2; slices.Contains(ids, id); i++ {
		id = "rIdCitecheck" + strconv.Itoa(i)
	}
	rel := `<Relationship Id="` + id + `" Type="` + typ + `" Target="` + escapeAttr(target) + `"/>`
	return insertBeforeEnd(raw, root, rel), nil
}

// addOverride adds a content type override for a part.
func addOverride(raw []byte, partName, contentType string) ([]byte, error) {
	root, err := parseTree(raw)
	if err != nil {
		return nil, err
	}
	for _, k := range root.kids {
		if !k.chars && k.name.Local == "Override" && strings.EqualFold(k.attrVal("PartName"), partName) {
			return raw, nil
		}
	}
	return insertBeforeEnd(raw, root, `<Override PartName="`+escapeAttr(partName)+`" ContentType="`+contentType+`"/>`), nil
}

// insertBeforeEnd inserts markup as the last child of the root element
// (opening a self-closed root). Unprefixed markup is in the root's
// default namespace, as relationships and content types are.
func insertBeforeEnd(raw []byte, root *node, markup string) []byte {
	var b bytes.Buffer
	if root.tagEnd == root.end {
		tag := string(raw[root.start:root.tagEnd])
		b.Write(raw[:root.start])
		b.WriteString(strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(tag, ">")), "/") + ">")
		b.WriteString(markup)
		b.WriteString("</" + qname(tag) + ">")
		b.Write(raw[root.end:])
		return b.Bytes()
	}
	b.Write(raw[:root.endStart])
	b.WriteString(markup)
	b.Write(raw[root.endStart:])
	return b.Bytes()
}

func sortedKeys(m map[string][]byte) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
