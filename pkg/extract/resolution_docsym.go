package extract

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/citecheck/citecheck/pkg/resolution"
)

// findDocSymbols finds document symbols of the General Assembly (A/…), the
// Security Council (S/…) and the Economic and Social Council (E/…).
func (p *resParser) findDocSymbols() {
	s := p.s
	var compBuf [8]string // scanDocSymbol's components, reused
	for i := 0; i+2 < len(s) && !p.over; i++ {
		// Symbols are rare; jump to the next "/" and look at the byte
		// before it.
		k := strings.IndexByte(s[i+1:], '/')
		if k < 0 {
			return
		}
		i += k
		c := s[i]
		if (c != 'A' && c != 'S' && c != 'E') || s[i+1] != '/' {
			continue
		}
		if i > 0 && (isAlnumByte(s[i-1]) || s[i-1] == '/' || s[i-1] == '.' || s[i-1] == '_' || letterBefore(s, i)) {
			continue
		}
		end, comps := scanDocSymbol(s, i, compBuf[:0])
		if end == 0 {
			continue
		}
		r := &p.refs[p.grow()] // written in place, not copied in
		*r = Resolution{Start: i, End: end, Kind: KindSymbol, NumStart: i, NumEnd: end, Doc: docText(s[i:end], comps)}
		r.Organ = resolution.SymbolOrgan(s[i:end])
		resolutionFromDoc(r, comps)
		recordsBefore(s, r)
		i = end - 1
	}
}

// docText is strings.Join(comps, "/"), the text itself where the symbol is
// written so (nearly always), without building it again.
func docText(text string, comps []string) string {
	n := len(comps) - 1
	for _, c := range comps {
		n += len(c)
	}
	if n == len(text) {
		k := 0
		for i, c := range comps {
			if i > 0 {
				if text[k] != '/' {
					return strings.Join(comps, "/")
				}
				k++
			}
			if text[k:k+len(c)] != c {
				return strings.Join(comps, "/")
			}
			k += len(c)
		}
		return text
	}
	return strings.Join(comps, "/")
}

// scanDocSymbol reads the symbol at i and returns its end and components
// (appended to buf), or 0 if there is none. "A/79/552-S/2024/767" is read
// as two symbols.
func scanDocSymbol(s string, i int, buf []string) (int, []string) {
	comps := append(buf, s[i:i+1])
	j := i + 1
	for j < len(s) && s[j] == '/' {
		k := j + 1
		for k < len(s) {
			c := s[k]
			if isAlnumByte(c) || c == '.' {
				k++
				continue
			}
			// ES-10, S-26 inside a symbol; a hyphen before another symbol
			// ("A/79/552-S/2024/767") ends this one.
			if c == '-' && k+1 < len(s) && isDigit(s[k+1]) && (s[j+1:k] == "ES" || s[j+1:k] == "S") {
				k++
				continue
			}
			break
		}
		comp := s[j+1 : k]
		// A trailing full stop ends the sentence, not the symbol.
		for strings.HasSuffix(comp, ".") {
			comp = comp[:len(comp)-1]
			k--
		}
		if comp == "" {
			break
		}
		comps = append(comps, comp)
		j = k
	}
	if len(comps) < 3 {
		return 0, nil
	}
	digit := false
	for _, c := range comps[1:] {
		if strings.ContainsAny(c, "0123456789") {
			digit = true
		}
	}
	if !digit {
		return 0, nil
	}
	// S/RES/1325 (2000)
	if comps[0] == "S" && len(comps) == 3 && comps[1] == "RES" && allDigits(comps[2]) {
		k := skipSpace(s, j)
		if k-j <= 1 && k+6 <= len(s) && s[k] == '(' && s[k+5] == ')' && allDigits(s[k+1:k+5]) {
			comps[2] += " " + s[k:k+6]
			j = k + 6
		}
	}
	// A/RES/2200(XXI) and A/RES/2200 (XXI)
	if comps[0] == "A" && len(comps) == 3 && comps[1] == "RES" && allDigits(comps[2]) {
		k := skipSpace(s, j)
		if k-j <= 1 && k < len(s) && s[k] == '(' {
			if e := strings.IndexByte(s[k:min(len(s), k+10)], ')'); e > 0 {
				inner := s[k+1 : k+e]
				body := strings.TrimPrefix(strings.TrimPrefix(inner, "E"), "S-")
				if _, ok := resolution.ParseRoman(body); ok {
					comps[2] += " " + s[k:k+e+1]
					j = k + e + 1
				}
			}
		}
	}
	return j, comps
}

// The parts of a resolution's document symbol, read by hand rather than
// by regexps compiled at every start (TestDocSymbolParts holds them to the
// patterns they replace).

// isDocNum: `^[1-9][0-9]{0,3}$`, a resolution's number.
func isDocNum(s string) bool {
	return len(s) >= 1 && len(s) <= 4 && s[0] != '0' && allDigits(s)
}

// isDocYear: `^(19[4-9][0-9]|20[0-9][0-9])$`, a year from 1940 to 2099.
func isDocYear(s string) bool {
	return len(s) == 4 && allDigits(s) && (s[:2] == "19" && s[2] >= '4' || s[:2] == "20")
}

// isDocSession: `^([1-9][0-9]?|S-[1-9][0-9]?|ES-[1-9][0-9]?)$`, a session,
// special ("S-") or emergency special ("ES-").
func isDocSession(s string) bool {
	if t, ok := strings.CutPrefix(s, "ES-"); ok {
		s = t
	} else if t, ok := strings.CutPrefix(s, "S-"); ok {
		s = t
	}
	return len(s) >= 1 && len(s) <= 2 && s[0] != '0' && allDigits(s)
}

// resolutionFromDoc fills the resolution fields of a symbol such as
// "A/RES/64/182", "A/RES/ES-10/1", "S/RES/1325 (2000)", "E/RES/2009/23" or
// "A/HRC/RES/5/1".
func resolutionFromDoc(r *Resolution, comps []string) {
	body := comps[1:]
	organ := r.Organ
	if comps[0] == "A" && len(body) > 0 && body[0] == "HRC" {
		organ, body = "HRC", body[1:]
	}
	if len(body) < 2 || (body[0] != "RES" && body[0] != "DEC") {
		return
	}
	rest := body[1:]
	switch {
	case organ == "SC" && len(rest) == 1:
		num, yr, ok := strings.Cut(rest[0], " (")
		if !ok || !isDocNum(num) {
			return
		}
		r.Symbol = resolution.NewSymbol(resolution.FormSecurityCouncil, num, "", nil, resolution.Atoi(strings.TrimSuffix(yr, ")")), r.Doc)
	case organ == "GA" && len(rest) == 1:
		num, sess, ok := strings.Cut(rest[0], " (")
		if !ok || !isDocNum(num) {
			return
		}
		r.Symbol = resolution.NewSymbol(resolution.FormRoman, num, strings.TrimSuffix(sess, ")"), nil, 0, r.Doc)
	case len(rest) == 2 && isDocYear(rest[0]) && isDocNum(rest[1]):
		r.Symbol = resolution.NewSymbol(resolution.FormYear, rest[1], "", nil, resolution.Atoi(rest[0]), r.Doc)
	case len(rest) == 2 && isDocSession(rest[0]) && isDocNum(rest[1]):
		form := resolution.FormSession
		if strings.Contains(rest[0], "-") {
			form = resolution.FormSpecial
		}
		r.Symbol = resolution.NewSymbol(form, rest[1], rest[0], nil, 0, r.Doc)
	default:
		return
	}
	r.Organ = organ
}

// recordsRE matches "Official Records of the General Assembly, Sixty-fourth
// Session, Supplement No. 49 (" and "Ibid., Forty-seventh Session,
// Supplement No. 27 and corrigendum (" before a symbol.
const recordsRE = `(?:General Assembly|Ibid\.),\s+([A-Z][a-z]+(?:-[a-z]+)?)\s+(Special\s+|Emergency\s+Special\s+)?Session,\s+Supplement\s+No\.\s+(\d+)((?:\s+and\s+(?:corrigend(?:um|a)|addend(?:um|a)))?)\s*\($`

// recordsAnchoredRE is recordsRE anchored at the start: recordsSubmatch
// knows where a match must begin, and unanchored the backtracker would
// retry at every later byte of the 160 before a symbol. Compiled at its
// first use, as few documents cite the Official Records.
var recordsAnchoredRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^` + recordsRE) })

// recordsSubmatch is recordsRE.FindStringSubmatch(before). recordsRE has
// no literal prefix, so the regexp would try to match at every byte of
// before; but a match can only start at the last "General Assembly" or
// "Ibid.", since the rest of the pattern holds neither, and it is run from
// there, anchored: no match starts later, for the pattern begins with one
// of the two and neither occurs after from.
func recordsSubmatch(before string) []string {
	from := max(strings.LastIndex(before, "General Assembly"), strings.LastIndex(before, "Ibid."))
	if from < 0 {
		return nil
	}
	return recordsAnchoredRE().FindStringSubmatch(before[from:])
}

// recordsBefore fills RecordsSession and RecordsSupplement of a symbol
// cited as the supplement of the Official Records of the General Assembly.
func recordsBefore(s string, r *Resolution) {
	if r.Doc == "" || r.Doc[0] != 'A' {
		return
	}
	before := s[max(0, r.Start-160):r.Start]
	if !strings.Contains(before, "Supplement") {
		return
	}
	m := recordsSubmatch(before)
	if m == nil {
		return
	}
	n, ok := resolution.ParseOrdinal(m[1])
	if !ok {
		return
	}
	switch {
	case strings.HasPrefix(m[2], "Emergency"):
		r.RecordsSession = fmt.Sprintf("ES-%d", n)
	case m[2] != "":
		r.RecordsSession = fmt.Sprintf("S-%d", n)
	default:
		r.RecordsSession = fmt.Sprint(n)
	}
	r.RecordsSupplement = m[3]
}
