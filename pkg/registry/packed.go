package registry

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// packedResolutions holds the embedded registry's resolutions as text, one
// line each, instead of as Go values. As values (3,500 structs, their
// strings and their sources) they made 590 KB of the binary's pointer data,
// and the runtime reads a bitmap of every word of that at start-up:
// runtime.runGCProg took 637K of the 4.74M instructions of checking one
// draft (callgrind), 194K without them. As text they are read-only bytes
// that cost nothing until a check looks one up.
type packedResolutions struct {
	// text is one record a line: symbol, organ, date, title, file, line
	// and the sources, separated by tabs (packRecord).
	text string
	// ends[k] is the offset of record k's newline.
	ends []uint32

	// chunks[k/chunkLen][k%chunkLen] is record k once unpacked. A chunk
	// is made when one of its records is first looked up: a draft looks
	// up a few, and a cache of all 3,500 made at once is 7 fresh pages
	// (page faults are half of a draft's run time).
	once   sync.Once
	chunks []atomic.Pointer[[chunkLen]atomic.Pointer[Resolution]]
	all    sync.Once
	list   []*Resolution
}

const chunkLen = 64

// packFields is the number of fields of a record before its sources.
const packFields = 6

// packRecord returns e as a record of packedResolutions.text, without its
// newline. It fails when a field holds what the record or its Go raw
// string literal cannot: a tab, a line break, a backquote, a NUL, a byte
// order mark or bytes that are not UTF-8.
func packRecord(e *Resolution) (string, error) {
	fields := append([]string{e.Symbol, e.Organ, e.Date, e.Title, e.File, strconv.Itoa(e.Line)}, e.Sources...)
	for _, f := range fields {
		if strings.ContainsAny(f, "\t\n\r`\x00\ufeff") || !utf8.ValidString(f) {
			return "", fmt.Errorf("%s:%d: resolution %s: a field holds a tab, a line break, a backquote, a NUL, a byte order mark or bytes that are not UTF-8: %q", e.File, e.Line, e.Symbol, f)
		}
	}
	return strings.Join(fields, "\t"), nil
}

// unpackRecord is the inverse of packRecord. Its strings share rec's bytes.
func unpackRecord(rec string) *Resolution {
	f := strings.SplitN(rec, "\t", packFields+1)
	for len(f) < packFields {
		f = append(f, "")
	}
	line, _ := strconv.Atoi(f[5])
	e := &Resolution{Symbol: f[0], Organ: f[1], Date: f[2], Title: f[3], File: f[4], Line: line}
	if len(f) > packFields {
		e.Sources = strings.Split(f[packFields], "\t")
	}
	return e
}

// pack packs rs, checking that every record unpacks to its entry.
func pack(rs []*Resolution) (text string, ends []uint32, err error) {
	var b bytes.Buffer
	for _, e := range rs {
		rec, err := packRecord(e)
		if err != nil {
			return "", nil, err
		}
		if got := unpackRecord(rec); !reflect.DeepEqual(got, e) {
			return "", nil, fmt.Errorf("%s:%d: resolution %s does not survive packing", e.File, e.Line, e.Symbol)
		}
		b.WriteString(rec)
		ends = append(ends, uint32(b.Len()))
		b.WriteByte('\n')
	}
	return b.String(), ends, nil
}

func (p *packedResolutions) len() int { return len(p.ends) }

// record returns record k's text.
func (p *packedResolutions) record(k int) string {
	start := 0
	if k > 0 {
		start = int(p.ends[k-1]) + 1
	}
	return p.text[start:p.ends[k]]
}

// symbolIs reports whether record k's symbol is s, without unpacking it.
func symbolIs[S string | []byte](p *packedResolutions, k int, s S) bool {
	rec := p.record(k)
	return len(rec) > len(s) && rec[len(s)] == '\t' && rec[:len(s)] == string(s)
}

// at returns record k unpacked, the same pointer every time.
func (p *packedResolutions) at(k int) *Resolution {
	p.once.Do(func() {
		p.chunks = make([]atomic.Pointer[[chunkLen]atomic.Pointer[Resolution]], (len(p.ends)+chunkLen-1)/chunkLen)
	})
	c := &p.chunks[k/chunkLen]
	if c.Load() == nil {
		c.CompareAndSwap(nil, new([chunkLen]atomic.Pointer[Resolution]))
	}
	slot := &c.Load()[k%chunkLen]
	if e := slot.Load(); e != nil {
		return e
	}
	slot.CompareAndSwap(nil, unpackRecord(p.record(k)))
	return slot.Load()
}

// resolutions returns every record unpacked, in order.
func (p *packedResolutions) resolutions() []*Resolution {
	p.all.Do(func() {
		p.list = make([]*Resolution, p.len())
		for k := range p.list {
			p.list[k] = p.at(k)
		}
	})
	return p.list
}
