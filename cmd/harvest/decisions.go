package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/citecheck/citecheck/pkg/resolution"
)

// The General Assembly decisions record (-decisions FILE) is a TSV export of
// the UN iGov decisions database: one row per decision, or per group of its
// parts ("71/405 A and B"), with the dates of the plenary meetings at which
// it was adopted ("2016-11-10;2017-03-08") and the first 300 characters of
// its text.
//
// What the registry can say about a decision:
//   - a decision (or part) whose rows give one meeting date was adopted on
//     that date: "decision 71/401" of 13 September 2016. Every part of a
//     one-date row shares its date ("71/413 A and B", 21 November 2016).
//   - a decision whose rows give several dates was adopted over several
//     meetings and has no single date of adoption: neither it nor a part
//     the record dates several times gets a date, from the record or from
//     texts that cite it. Such decisions are listed, not entered.
//   - a date outside the years of the decision's session (the database's
//     empty date, 1969-12-31) is not a meeting date and is dropped.
//   - where the record's own text gives the Assembly's action another date
//     than its date field ("on 3 October 2016, the General Assembly"), the
//     record disagrees with itself: listed as a conflict, not entered.
//
// The record's text is also read like any other text for the resolutions
// and decisions it cites with their dates.

// decisionRow is one row of the decisions record.
type decisionRow struct {
	line    int
	written string   // the number as the record writes it: "71/405 A and B"
	base    string   // "71/405"
	session int      // 71
	letters []string // "A", "B"
	dates   []string // meeting dates within the session's years
	dropped []string // dates outside them
	text    string   // the record's text, cut back to whole words
}

var (
	decNumberRE = regexp.MustCompile(`^(\d{2})/(\d{3})(?:\s+(.+))?$`)
	decDatesRE  = regexp.MustCompile(`^\d{4}-\d\d-\d\d(?:;\d{4}-\d\d-\d\d)*$`)
	// "on 13 September 2016, the General Assembly", "On 13 April 2020, the
	// General Assembly", "held on 28 November 2018, the General Assembly".
	decActionRE = regexp.MustCompile(`\b[Oo]n\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4}),?\s+the\s+General\s+Assembly\b`)
)

// parseLetters reads "A and B", "A, B and C", "A-C", "B, C and D", "A".
func parseLetters(s string) ([]string, bool) {
	s = strings.TrimSpace(s)
	if m := regexp.MustCompile(`^([A-Z])\s*-\s*([A-Z])$`).FindStringSubmatch(s); m != nil && m[1] < m[2] {
		var out []string
		for c := m[1][0]; c <= m[2][0]; c++ {
			out = append(out, string(c))
		}
		return out, true
	}
	var out []string
	for _, p := range regexp.MustCompile(`\s*(?:,\s*and|,|\band\b)\s*`).Split(s, -1) {
		if len(p) != 1 || p[0] < 'A' || p[0] > 'Z' || slices.Contains(out, p) {
			return nil, false
		}
		out = append(out, p)
	}
	return out, len(out) > 0
}

// readDecisions reads the decisions record. Rows that cannot be read are
// reported and skipped.
func readDecisions(path string) ([]decisionRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	name := filepath.Base(path)
	var rows []decisionRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	header := false
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if !header {
			header = true
			if fields[0] == "number" {
				continue
			}
		}
		if len(fields) < 3 {
			warnf("%s:%d: %d fields; skipped", name, ln, len(fields))
			continue
		}
		r := decisionRow{line: ln, written: strings.Join(strings.Fields(strings.TrimRight(strings.TrimSpace(fields[0]), ".")), " ")}
		m := decNumberRE.FindStringSubmatch(r.written)
		if m == nil {
			warnf("%s:%d: number %q not read; skipped", name, ln, fields[0])
			continue
		}
		r.base = m[1] + "/" + m[2]
		fmt.Sscanf(m[1], "%d", &r.session)
		if m[3] != "" {
			ls, ok := parseLetters(m[3])
			if !ok {
				warnf("%s:%d: parts %q not read; skipped", name, ln, m[3])
				continue
			}
			r.letters = ls
		}
		// The date is the second field; in a few rows blank fields come
		// first and shift it.
		var dateField string
		for _, f := range fields[1:] {
			if f = strings.TrimSpace(f); f != "" {
				if decDatesRE.MatchString(f) {
					dateField = f
				}
				break
			}
		}
		lo, hi := resolution.SessionYears(r.session)
		for _, d := range strings.Split(dateField, ";") {
			if d == "" || slices.Contains(r.dates, d) || slices.Contains(r.dropped, d) {
				continue
			}
			y := 0
			fmt.Sscanf(d, "%4d", &y)
			if !resolution.ValidDate(d) || y < lo || y > hi {
				r.dropped = append(r.dropped, d)
				continue
			}
			r.dates = append(r.dates, d)
		}
		slices.Sort(r.dates)
		r.text = strings.Join(strings.Fields(fields[len(fields)-1]), " ")
		if utf8.RuneCountInString(fields[len(fields)-1]) >= 300 {
			// The record keeps the first 300 characters: the last
			// word may be cut ("of 17 June 201").
			if i := strings.LastIndexByte(r.text, ' '); i > 0 {
				r.text = r.text[:i]
			}
		}
		rows = append(rows, r)
	}
	return rows, sc.Err()
}

// decisionName is how sources name a decision of the record.
func decisionName(written string) string {
	return "UN iGov decisions database, decision " + written
}

// decisionTexts turns the record into texts (for the references their
// words make) and statements (the record's dates), and lists the decisions
// it dates several times. Each symbol is "A/DEC/71/405 A".
func decisionTexts(path string, st *stats) ([]*text, []statement, error) {
	rows, err := readDecisions(path)
	if err != nil {
		return nil, nil, err
	}
	name := filepath.Base(path)
	st.decisionRows = len(rows)
	var texts []*text
	var out []statement
	byBase := map[string][]*decisionRow{}
	var bases []string
	for i := range rows {
		r := &rows[i]
		if len(r.dropped) > 0 {
			st.droppedDates++
			warnf("%s:%d: decision %s: date %s is not in the years of session %d; dropped", name, r.line, r.written, strings.Join(r.dropped, ", "), r.session)
		}
		if byBase[r.base] == nil {
			bases = append(bases, r.base)
		}
		byBase[r.base] = append(byBase[r.base], r)
		texts = append(texts, &text{
			path:  fmt.Sprintf("%s:%d", path, r.line),
			short: fmt.Sprintf("%s:%d", name, r.line),
			doc:   "A/DEC/" + r.written,
			name:  "GA decision " + r.written + " (UN iGov decisions database)",
			organ: "GA",
			raw:   r.text,
			body:  r.text,
			rank:  -1,
		})
	}
	for _, base := range bases {
		rs := byBase[base]
		// The parts each row dates, and the dates of the whole decision.
		var all []string
		parts := map[string][]string{}
		var letters []string
		for _, r := range rs {
			for _, d := range r.dates {
				if !slices.Contains(all, d) {
					all = append(all, d)
				}
			}
			for _, l := range r.letters {
				if parts[l] == nil {
					letters = append(letters, l)
				}
				for _, d := range r.dates {
					if !slices.Contains(parts[l], d) {
						parts[l] = append(parts[l], d)
					}
				}
				if len(r.dates) == 0 && parts[l] == nil {
					parts[l] = []string{}
				}
			}
		}
		slices.Sort(all)
		slices.Sort(letters)
		emit := func(symbol string, dates []string, r *decisionRow, part bool) {
			switch {
			case len(dates) == 0:
				st.undated++
				warnf("%s:%d: decision %s: no meeting date; left out", name, r.line, r.written)
			case len(dates) > 1:
				slices.Sort(dates)
				out = append(out, statement{symbol: symbol, organ: "GA", field: "date", record: true, several: dates, part: part,
					source: fmt.Sprintf("%s: %s", decisionName(r.written), strings.Join(dates, ", "))})
			default:
				out = append(out, recordStatements(symbol, dates[0], r)...)
			}
		}
		// The whole decision: every row of it.
		whole := *rs[0]
		for _, r := range rs[1:] {
			whole.written += "; " + r.written
		}
		emit("A/DEC/"+base, all, &whole, false)
		for _, l := range letters {
			// The row that names the part, for its source.
			var row *decisionRow
			for _, r := range rs {
				if slices.Contains(r.letters, l) {
					row = r
					break
				}
			}
			emit("A/DEC/"+base+" "+l, slices.Clone(parts[l]), row, true)
		}
	}
	return texts, out, nil
}

// recordStatements are the record's statements that symbol was adopted on
// date, quoting the record's text where it gives the date of the
// Assembly's action. Each other date the text gives that action is a
// statement too, and conflicts with the date field.
func recordStatements(symbol, date string, r *decisionRow) []statement {
	out := []statement{{symbol: symbol, organ: "GA", field: "date", value: date, record: true,
		source: fmt.Sprintf("%s: %s", decisionName(r.written), date)}}
	quoted := false
	for _, m := range decActionRE.FindAllStringSubmatch(r.text, -1) {
		d, ok := parseDay(strings.Join(strings.Fields(m[1]), " "))
		if !ok {
			continue
		}
		if d == date {
			if !quoted {
				out[0].source = fmt.Sprintf("%s: %s, “%s”", decisionName(r.written), date, m[0])
				quoted = true
			}
			continue
		}
		out = append(out, statement{symbol: symbol, organ: "GA", field: "date", value: d, record: true,
			source: fmt.Sprintf("%s, text: “%s”", decisionName(r.written), m[0])})
	}
	return out
}
