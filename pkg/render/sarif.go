package render

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/citecheck/citecheck/pkg/diag"
	"github.com/citecheck/citecheck/pkg/source"
)

// SARIF writes a SARIF 2.1.0 log with one run, in the shape GitHub code
// scanning accepts (upload it with github/codeql-action/upload-sarif).
//
// The log streams: Start writes everything up to the opening of
// runs[0].results, File writes that file's results, and Finish closes the
// array and writes runs[0].invocations. Only the notifications for
// unreadable files are kept until Finish.
//
// Columns count Unicode code points (run.columnKind), endColumn is
// exclusive, and each result carries partialFingerprints["citecheck/v1"]
// (diag.Fingerprint) so that GitHub tracks a finding across line moves.
type SARIF struct {
	// Version is citecheck's version, used when Meta.Version is empty.
	Version string
	// BaseDir, when set, is recorded as the %SRCROOT% base; absolute
	// paths inside it are written relative to it.
	BaseDir string

	results   int
	ruleIndex map[string]int
	notes     []sarifNotification
	failed    int // unreadable files among notes
}

var _ Renderer = (*SARIF)(nil)

const (
	sarifVersion = "2.1.0"
	// sarifSchemaURI is the $id of the OASIS SARIF 2.1.0 (errata 01)
	// schema, the one in testdata/sarif-schema-2.1.0.json.
	sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// sarifSrcRoot is the uriBaseId of relative paths; GitHub resolves it
	// to the repository checkout.
	sarifSrcRoot = "%SRCROOT%"
	// sarifFingerprintKey versions the fingerprint: bump it if
	// diag.Fingerprint changes, so GitHub does not match old and new.
	sarifFingerprintKey = "citecheck/v1"
	toolName            = "citecheck"
	toolInformationURI  = "https://github.com/citecheck/citecheck"
)

// Indentation of the streamed parts, matching the skeleton that Start
// and Finish write.
const (
	sarifRunIndent    = "    "
	sarifFieldIndent  = "      "
	sarifResultIndent = "        "
)

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	FullDescription      sarifMessage       `json:"fullDescription"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           *int              `json:"ruleIndex,omitempty"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints sarifFingerprints `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
	Properties          *sarifResultProps `json:"properties,omitempty"`
}

type sarifFingerprints struct {
	V1 string `json:"citecheck/v1"`
}

// sarifResultProps carries what citecheck knows beyond the message.
type sarifResultProps struct {
	Found    string `json:"found,omitempty"`
	Expected string `json:"expected,omitempty"`
	Treaty   string `json:"treaty,omitempty"`
	Context  string `json:"context,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	// Message says where the finding is in the original document when
	// line and column count in a text view (.docx, HTML): the paragraph
	// or footnote, and the words around it.
	Message *sarifMessage `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int           `json:"startLine"`
	StartColumn int           `json:"startColumn"`
	EndLine     int           `json:"endLine,omitempty"`
	EndColumn   int           `json:"endColumn,omitempty"`
	Snippet     *sarifContent `json:"snippet,omitempty"`
}

type sarifContent struct {
	Text string `json:"text"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion  `json:"deletedRegion"`
	InsertedContent sarifContent `json:"insertedContent"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level      string          `json:"level"`
	Message    sarifMessage    `json:"message"`
	Locations  []sarifLocation `json:"locations"`
	Descriptor sarifDescriptor `json:"descriptor"`
}

type sarifDescriptor struct {
	ID string `json:"id"`
}

// Start implements Renderer.
func (r *SARIF) Start(w io.Writer, m Meta) error {
	r.results, r.notes, r.failed = 0, nil, 0
	rules := slices.Clone(m.Rules)
	slices.SortStableFunc(rules, func(a, b RuleInfo) int { return strings.Compare(a.ID, b.ID) })
	r.ruleIndex = make(map[string]int, len(rules))
	driver := sarifDriver{
		Name:           toolName,
		Version:        cmp.Or(m.Version, r.Version),
		InformationURI: toolInformationURI,
		Rules:          make([]sarifRule, 0, len(rules)),
	}
	for _, ri := range rules {
		if _, dup := r.ruleIndex[ri.ID]; dup {
			continue
		}
		r.ruleIndex[ri.ID] = len(driver.Rules)
		desc := cmp.Or(ri.Short, ri.ID)
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   ri.ID,
			Name:                 pascalCase(ri.ID),
			ShortDescription:     sarifMessage{desc},
			FullDescription:      sarifMessage{desc},
			HelpURI:              ri.HelpURI,
			DefaultConfiguration: sarifConfiguration{sarifLevel(ri.Severity)},
			Properties:           sarifRuleProps{Tags: ruleTags(ri.ID)},
		})
	}

	var b bytes.Buffer
	b.WriteString("{\n")
	fmt.Fprintf(&b, "  %q: %s,\n", "$schema", mustJSON(sarifSchemaURI, ""))
	fmt.Fprintf(&b, "  %q: %s,\n", "version", mustJSON(sarifVersion, ""))
	b.WriteString("  \"runs\": [\n" + sarifRunIndent + "{\n")
	if err := sarifField(&b, "tool", sarifTool{driver}); err != nil {
		return err
	}
	if r.BaseDir != "" {
		base, err := baseURI(r.BaseDir)
		if err != nil {
			return err
		}
		if err := sarifField(&b, "originalUriBaseIds", map[string]sarifArtifactLocation{sarifSrcRoot: {URI: base}}); err != nil {
			return err
		}
	}
	if err := sarifField(&b, "columnKind", "unicodeCodePoints"); err != nil {
		return err
	}
	b.WriteString(sarifFieldIndent + `"results": [`)
	_, err := w.Write(b.Bytes())
	return err
}

// File implements Renderer.
func (r *SARIF) File(w io.Writer, f *FileResult) error {
	if f.Err != nil {
		r.failed++
		r.notes = append(r.notes, sarifNotification{
			Level:      "error",
			Message:    sarifMessage{fmt.Sprintf("could not check %s: %v", f.Path, f.Err)},
			Locations:  []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: r.artifact(f.Path)}}},
			Descriptor: sarifDescriptor{ID: "unreadable"},
		})
	}
	if f.Notice != "" {
		r.notes = append(r.notes, sarifNotification{
			Level:      "note",
			Message:    sarifMessage{fmt.Sprintf("%s %s", f.Path, f.Notice)},
			Locations:  []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: r.artifact(f.Path)}}},
			Descriptor: sarifDescriptor{ID: "no-text"},
		})
	}
	var b bytes.Buffer
	for i := range f.Diagnostics {
		if r.results == 0 {
			b.WriteString("\n" + sarifResultIndent)
		} else {
			b.WriteString(",\n" + sarifResultIndent)
		}
		r.results++
		j, err := marshalJSON(r.result(f, &f.Diagnostics[i]), sarifResultIndent)
		if err != nil {
			return err
		}
		b.Write(j)
	}
	_, err := w.Write(b.Bytes())
	return err
}

// Finish implements Renderer.
func (r *SARIF) Finish(w io.Writer, s Summary) error {
	var b bytes.Buffer
	if r.results > 0 {
		b.WriteString("\n" + sarifFieldIndent)
	}
	b.WriteString("],\n")
	inv := sarifInvocation{
		ExecutionSuccessful:        r.failed == 0 && s.Unreadable == 0,
		ToolExecutionNotifications: r.notes,
	}
	j, err := marshalJSON([]sarifInvocation{inv}, sarifFieldIndent)
	if err != nil {
		return err
	}
	b.WriteString(sarifFieldIndent + `"invocations": `)
	b.Write(j)
	b.WriteString("\n" + sarifRunIndent + "}\n  ]\n}\n")
	_, err = w.Write(b.Bytes())
	return err
}

func (r *SARIF) result(f *FileResult, d *diag.Diagnostic) sarifResult {
	loc := sarifPhysicalLocation{ArtifactLocation: r.artifact(d.Path)}
	if reg := sarifSpan(d.Span); reg != nil {
		if text, ok := spanText(f.Source, d.Span); ok {
			reg.Snippet = &sarifContent{Text: text}
		}
		loc.Region = reg
	}
	where := sarifLocation{PhysicalLocation: loc}
	if d.Context != "" {
		where.Message = &sarifMessage{d.Context}
	}
	res := sarifResult{
		RuleID:              d.Rule,
		Level:               sarifLevel(d.Severity),
		Message:             sarifMessage{d.Message},
		Locations:           []sarifLocation{where},
		PartialFingerprints: sarifFingerprints{V1: d.Fingerprint()},
	}
	if i, ok := r.ruleIndex[d.Rule]; ok {
		res.RuleIndex = &i
	}
	if d.Fix != nil {
		if reg := sarifSpan(d.Fix.Span); reg != nil {
			desc := fmt.Sprintf("replace with %q", d.Fix.Replacement)
			if d.Fix.Replacement == "" {
				desc = "delete the text"
			}
			res.Fixes = []sarifFix{{
				Description: sarifMessage{desc},
				ArtifactChanges: []sarifArtifactChange{{
					ArtifactLocation: loc.ArtifactLocation,
					Replacements: []sarifReplacement{{
						DeletedRegion:   *reg,
						InsertedContent: sarifContent{Text: d.Fix.Replacement},
					}},
				}},
			}}
		}
	}
	if p := (sarifResultProps{d.Found, d.Expected, d.Treaty, d.Context}); p != (sarifResultProps{}) {
		res.Properties = &p
	}
	return res
}

// artifact locates a file: relative paths (the usual case) are relative to
// %SRCROOT%; absolute ones become file: URIs, or relative ones when they
// lie inside BaseDir.
func (r *SARIF) artifact(path string) sarifArtifactLocation {
	p := filepath.ToSlash(path)
	if isAbsSlash(p) {
		if r.BaseDir != "" {
			if base, err := filepath.Abs(r.BaseDir); err == nil {
				if rel, err := filepath.Rel(base, filepath.FromSlash(p)); err == nil && filepath.IsLocal(rel) {
					return sarifArtifactLocation{URI: escapeURIPath(filepath.ToSlash(rel)), URIBaseID: sarifSrcRoot}
				}
			}
		}
		return sarifArtifactLocation{URI: fileURI(p)}
	}
	return sarifArtifactLocation{URI: escapeURIPath(p), URIBaseID: sarifSrcRoot}
}

// sarifSpan converts a span to a region, or nil for a span with no
// position (a finding about the whole file).
func sarifSpan(s source.Span) *sarifRegion {
	if !hasPos(s.Start) {
		return nil
	}
	reg := &sarifRegion{StartLine: s.Start.Line, StartColumn: col(s.Start)}
	if hasEnd(s) {
		reg.EndLine, reg.EndColumn = s.End.Line, col(s.End)
	}
	return reg
}

// sarifLevel maps a severity to a SARIF level; an unset severity counts as
// an error.
func sarifLevel(s diag.Severity) string {
	switch s {
	case diag.Warning:
		return "warning"
	case diag.Info:
		return "note"
	}
	return "error"
}

// sarifField writes one `"key": value,` line of the run object.
func sarifField(b *bytes.Buffer, key string, v any) error {
	j, err := marshalJSON(v, sarifFieldIndent)
	if err != nil {
		return err
	}
	fmt.Fprintf(b, "%s%q: %s,\n", sarifFieldIndent, key, j)
	return nil
}

// marshalJSON is json.MarshalIndent without HTML escaping (so "<" stays
// "<" in messages) and without the trailing newline.
func marshalJSON(v any, prefix string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func mustJSON(v any, prefix string) []byte {
	j, err := marshalJSON(v, prefix)
	if err != nil {
		panic(err)
	}
	return j
}

// pascalCase turns a kebab-case rule ID into the SARIF rule name:
// "treaty-year" → "TreatyYear".
func pascalCase(id string) string {
	var b strings.Builder
	for part := range strings.SplitSeq(id, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]))
		b.WriteString(part[1:])
	}
	return b.String()
}

// ruleTags tags a rule for filtering in GitHub's code scanning view: the
// tool's domain and the rule's family (the ID's first word).
func ruleTags(id string) []string {
	tags := []string{"citation"}
	if fam, _, _ := strings.Cut(id, "-"); fam != "" && fam != "citation" {
		tags = append(tags, fam)
	}
	return tags
}

// baseURI turns a directory into an absolute file: URI ending in "/", as
// originalUriBaseIds requires.
func baseURI(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("sarif: base directory %q: %w", dir, err)
	}
	u := fileURI(filepath.ToSlash(abs))
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u, nil
}

// isAbsSlash reports whether a slash path is absolute on Unix ("/x") or
// Windows ("C:/x", "//host/share").
func isAbsSlash(p string) bool {
	if strings.HasPrefix(p, "/") {
		return true
	}
	return len(p) >= 3 && p[1] == ':' && p[2] == '/' && isASCIILetter(p[0])
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// fileURI makes a file: URI from an absolute slash path.
func fileURI(p string) string {
	if strings.HasPrefix(p, "//") { // UNC: //host/share/x → file://host/share/x
		return "file:" + escapeURIPath(p)
	}
	if !strings.HasPrefix(p, "/") { // C:/x → file:///C:/x
		return "file:///" + p[:2] + escapeURIPath(p[2:])
	}
	return "file://" + escapeURIPath(p)
}

// escapeURIPath percent-encodes a slash path for a URI reference: every
// byte but RFC 3986's unreserved characters and "/" is escaped. That
// covers non-ASCII names (UTF-8, byte by byte), spaces, "%", "#", "?",
// and ":" (which would otherwise read as a scheme in "a:b.txt").
func escapeURIPath(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if isASCIILetter(c) || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
