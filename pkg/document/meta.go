package document

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// Meta is what a document says about itself: its symbol, the organ that
// issues it and its date, read from Markdown front matter, a symbol or
// "Distr.:" block at the top of a UN document, a resolution heading
// ("Resolution adopted by the General Assembly on 19 September 2025",
// "Resolution 271 (1969) of 15 September 1969"). Fields are "" when the
// document does not say.
type Meta struct {
	Symbol string
	// Organ is "GA", "SC", "ECOSOC" or "HRC" (from the symbol or heading).
	Organ string
	// Date is YYYY-MM-DD.
	Date string
}

// Compiled at their first use, each only when a document has what it
// reads (front matter, a "Resolution adopted by" heading, a "Distr." block),
// and only for documents that cite resolutions (Extract reads Meta then).
var (
	metaDateRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\s*(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) ((?:19|20)\d\d)\s*$`)
	})
	adoptedOnRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`Resolution adopted by the (General Assembly|Security Council|Economic and Social Council|Human Rights Council) on (\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) ((?:19|20)\d\d)`)
	})
	scHeadingRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\A\s*Resolution \d+ \(\d{4}\)\s+of (\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) ((?:19|20)\d\d)`)
	})
	frontMatterRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^(symbol|date):\s*"?([^"\n]*?)"?\s*$`) })
	isoDateRE     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`) })
)

var monthNum = map[string]int{"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
	"July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12}

func isoDate(day, month, year string) string {
	var d int
	fmt.Sscan(day, &d)
	return fmt.Sprintf("%s-%02d-%02d", year, monthNum[month], d)
}

// Meta reads what the document says about itself from its first lines.
func (d *Document) Meta() Meta {
	var m Meta
	text := d.File.Text
	head := text[:min(len(text), 3000)]
	if bytes.HasPrefix(head, []byte("---")) {
		if end := bytes.Index(head[3:], []byte("\n---")); end > 0 {
			for _, kv := range frontMatterRE().FindAllSubmatch(head[:end+3], -1) {
				switch string(kv[1]) {
				case "symbol":
					m.Symbol = string(kv[2])
				case "date":
					if isoDateRE().Match(kv[2]) {
						m.Date = string(kv[2])
					}
				}
			}
		}
	}
	if m.Symbol == "" {
		m.Symbol = symbolLine(head[:min(len(head), 400)])
	}
	if !bytes.Contains(head, []byte("Resolution ")) {
		// no heading to read
	} else if a := adoptedOnRE().FindSubmatch(head); a != nil {
		m.Organ = map[string]string{"General Assembly": "GA", "Security Council": "SC",
			"Economic and Social Council": "ECOSOC", "Human Rights Council": "HRC"}[string(a[1])]
		if m.Date == "" {
			m.Date = isoDate(string(a[2]), string(a[3]), string(a[4]))
		}
	}
	if !bytes.HasPrefix(bytes.TrimSpace(head), []byte("Resolution ")) {
		// not a Security Council heading
	} else if s := scHeadingRE().FindSubmatch(head); s != nil {
		m.Organ = "SC"
		if m.Date == "" {
			m.Date = isoDate(string(s[1]), string(s[2]), string(s[3]))
		}
	}
	if m.Date == "" && m.Symbol != "" {
		// A draft: "Distr.: Limited" then the date on a line of its own.
		lines := strings.Split(string(head[:min(len(head), 600)]), "\n")
		for i, l := range lines {
			if strings.Contains(l, "Distr.") {
				for _, n := range lines[i:min(len(lines), i+3)] {
					if dm := metaDateRE().FindStringSubmatch(n); dm != nil {
						m.Date = isoDate(dm[1], dm[2], dm[3])
						break
					}
				}
				break
			}
		}
	}
	if m.Organ == "" && m.Symbol != "" {
		switch {
		case strings.HasPrefix(m.Symbol, "A/HRC/"):
			m.Organ = "HRC"
		case strings.HasPrefix(m.Symbol, "A/"):
			m.Organ = "GA"
		case strings.HasPrefix(m.Symbol, "S/"):
			m.Organ = "SC"
		case strings.HasPrefix(m.Symbol, "E/"):
			m.Organ = "ECOSOC"
		}
	}
	return m
}

// symbolLine returns the first line of head that is a document symbol
// alone ("A/C.3/80/L.4", "S/RES/2719 (2023)").
func symbolLine(head []byte) string {
	for len(head) > 0 {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		l := bytes.TrimSpace(line)
		if len(l) < 3 || (l[0] != 'A' && l[0] != 'S' && l[0] != 'E') || l[1] != '/' {
			continue
		}
		sym, year, _ := bytes.Cut(l, []byte(" "))
		ok := true
		for _, c := range sym {
			if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '/') {
				ok = false
			}
		}
		if len(year) > 0 && !(len(year) == 6 && year[0] == '(' && year[5] == ')' && isDigits(year[1:5])) {
			ok = false
		}
		if ok {
			return string(l)
		}
	}
	return ""
}
