package render

import (
	"encoding/json"
	"io"
)

// JSONL writes JSON Lines: one object per finding, one per unreadable
// file ({"path": …, "error": …}) and one per file that holds no text
// ({"path": …, "notice": …}), each on its own line. It writes nothing
// at Start or Finish, so the output of several runs can be concatenated and
// a consumer can act on each line as it arrives.
type JSONL struct{}

var _ Renderer = (*JSONL)(nil)

type jsonlError struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

type jsonlNotice struct {
	Path   string `json:"path"`
	Notice string `json:"notice"`
}

// Start implements Renderer; JSON Lines has no header.
func (*JSONL) Start(io.Writer, Meta) error { return nil }

// File implements Renderer.
func (*JSONL) File(w io.Writer, f *FileResult) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if f.Err != nil {
		if err := enc.Encode(jsonlError{Path: f.Path, Error: f.Err.Error()}); err != nil {
			return err
		}
	}
	if f.Notice != "" {
		if err := enc.Encode(jsonlNotice{Path: f.Path, Notice: f.Notice}); err != nil {
			return err
		}
	}
	var b []byte
	for i := range f.Diagnostics {
		jd := ToJSON(f.Diagnostics[i])
		b = append(appendJSON(b, &jd), '\n')
	}
	_, err := w.Write(b)
	return err
}

// Finish implements Renderer; JSON Lines has no trailer.
func (*JSONL) Finish(io.Writer, Summary) error { return nil }
