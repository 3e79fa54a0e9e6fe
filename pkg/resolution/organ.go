package resolution

import (
	"sort"
	"strings"
)

// Organs maps the names of the organs citecheck knows, as texts write
// them before or after "resolution", to their codes: "GA", "SC",
// "ECOSOC", "HRC", "CND", … A reference is attributed to the organ it
// names and checked only against what is known of that organ's numbering
// (Fits, AnnualSessionYear, ReadAs and the registry's prefixes); a body
// not listed here is named but not known, and nothing is claimed about
// its resolutions.
var Organs = map[string]string{
	"General Assembly":             "GA",
	"Security Council":             "SC",
	"Economic and Social Council":  "ECOSOC",
	"ECOSOC":                       "ECOSOC",
	"Human Rights Council":         "HRC",
	"Commission on Narcotic Drugs": "CND",
	"Commission on Crime Prevention and Criminal Justice":                         "CCPCJ",
	"Commission on the Status of Women":                                           "CSW",
	"Commission on Human Rights":                                                  "CHR",
	"Commission for Social Development":                                           "CSocD",
	"Commission on Population and Development":                                    "CPD",
	"Commission on Sustainable Development":                                       "CSD",
	"Commission on Science and Technology for Development":                        "CSTD",
	"Trusteeship Council":                                                         "TC",
	"Assembly":                                                                    "GA",
	"Sub-Commission on Prevention of Discrimination and Protection of Minorities": "SUBCOM",
	"Sub-Commission on the Promotion and Protection of Human Rights":              "SUBCOM",
	// The other functional commissions of the Economic and Social Council.
	"Statistical Commission":          "StatCom",
	"United Nations Forum on Forests": "UNFF",
	// Its regional commissions.
	"Economic Commission for Africa":                          "ECA",
	"Economic Commission for Europe":                          "ECE",
	"Economic Commission for Latin America and the Caribbean": "ECLAC",
	"Economic and Social Commission for Asia and the Pacific": "ESCAP",
	"Economic and Social Commission for Western Asia":         "ESCWA",
	// Organs of other bodies of the United Nations system, whose
	// resolutions the General Assembly cites.
	"United Nations Environment Assembly":                                             "UNEA",
	"United Nations Environment Assembly of the United Nations Environment Programme": "UNEA",
	"Environment Assembly":                                                            "UNEA",
	"FAO Conference":                                                                  "FAO",
	"Conference of FAO":                                                               "FAO",
	"Conference of the Food and Agriculture Organization":                             "FAO",
	"Conference of the Food and Agriculture Organization of the United Nations":       "FAO",
	"World Health Assembly":                                                           "WHA",
	"IAEA General Conference":                                                         "IAEA",
	"General Conference of the IAEA":                                                  "IAEA",
	"General Conference of the International Atomic Energy Agency":                    "IAEA",
	"International Atomic Energy Agency General Conference":                           "IAEA",
}

// prefixes gives the registry symbol prefix of each organ's resolutions and
// decisions. The General Assembly, Security Council, ECOSOC and Human Rights
// Council prefixes are the UN's own (A/RES/64/182, S/RES/1325 (2000),
// E/RES/2009/23, A/HRC/RES/5/1). The functional commissions' resolutions are
// printed in their reports rather than issued under their own symbols, so
// citecheck files them under the commission's document series
// (E/CN.7/RES/52/1 for the Commission on Narcotic Drugs).
var prefixes = map[string][2]string{
	"GA":     {"A/RES/", "A/DEC/"},
	"SC":     {"S/RES/", ""},
	"ECOSOC": {"E/RES/", "E/DEC/"},
	"HRC":    {"A/HRC/RES/", "A/HRC/DEC/"},
	"CND":    {"E/CN.7/RES/", "E/CN.7/DEC/"},
	"CCPCJ":  {"E/CN.15/RES/", "E/CN.15/DEC/"},
	"CSW":    {"E/CN.6/RES/", "E/CN.6/DEC/"},
	"CHR":    {"E/CN.4/RES/", "E/CN.4/DEC/"},
	"CSocD":  {"E/CN.5/RES/", "E/CN.5/DEC/"},
	"CPD":    {"E/CN.9/RES/", "E/CN.9/DEC/"},
	"CSD":    {"E/CN.17/RES/", "E/CN.17/DEC/"},
	"CSTD":   {"E/CN.16/RES/", "E/CN.16/DEC/"},
	"SUBCOM": {"E/CN.4/Sub.2/RES/", "E/CN.4/Sub.2/DEC/"},
	"TC":     {"T/RES/", ""},
}

// prefixList is prefixes flattened, longest prefix first.
var prefixList = func() []struct{ prefix, organ, kind string } {
	var l []struct{ prefix, organ, kind string }
	for o, p := range prefixes {
		for k, pre := range p {
			if pre != "" {
				l = append(l, struct{ prefix, organ, kind string }{pre, o, [2]string{"resolution", "decision"}[k]})
			}
		}
	}
	sort.Slice(l, func(i, j int) bool {
		if len(l[i].prefix) != len(l[j].prefix) {
			return len(l[i].prefix) > len(l[j].prefix)
		}
		return l[i].prefix < l[j].prefix
	})
	return l
}()

// OrganOfSymbol returns the organ code and kind ("resolution" or
// "decision") of a registry symbol such as "A/RES/64/182", and the symbol
// without its prefix ("64/182"); "" when the prefix is not known.
func OrganOfSymbol(sym string) (organ, kind, rest string) {
	for _, p := range prefixList {
		if strings.HasPrefix(sym, p.prefix) {
			return p.organ, p.kind, sym[len(p.prefix):]
		}
	}
	return "", "", ""
}

// Prefix returns the prefix of the registry symbols of an organ's
// resolutions or decisions (kind "decision"; any other kind is a
// resolution): "A/RES/" for the General Assembly's resolutions. It is
// false when the organ issues no such symbols (Security Council
// decisions) or is not known.
func Prefix(organ, kind string) (string, bool) {
	var p [2]string
	switch organ { // the common organs without the map
	case "GA":
		p = [2]string{"A/RES/", "A/DEC/"}
	case "SC":
		p = [2]string{"S/RES/", ""}
	case "ECOSOC":
		p = [2]string{"E/RES/", "E/DEC/"}
	default:
		var ok bool
		if p, ok = prefixes[organ]; !ok {
			return "", false
		}
	}
	pre := p[0]
	if kind == "decision" {
		pre = p[1]
	}
	return pre, pre != ""
}

// SymbolOrgan returns the organ whose documents a document symbol's first
// letter marks: "GA" for A/…, "SC" for S/…, "ECOSOC" for E/…, else "".
func SymbolOrgan(symbol string) string {
	if symbol == "" {
		return ""
	}
	switch symbol[0] {
	case 'A':
		return "GA"
	case 'S':
		return "SC"
	case 'E':
		return "ECOSOC"
	}
	return ""
}

// Certainty says how sure an attribution of a reference to an organ is.
type Certainty int

// Degrees of certainty.
const (
	// Unknown: no organ can be told; nothing may be claimed about the
	// reference's date or numbering.
	Unknown Certainty = iota
	// Guess: the symbol's shape or the document suggests the organ, but
	// other bodies use the same shape ("resolution 52/1" may be the
	// Commission on Narcotic Drugs'). Facts are compared only when they
	// fit the guess.
	Guess
	// Sure: the text names the organ, or only that organ uses the shape.
	Sure
)

// String returns "unknown", "guess" or "sure".
func (c Certainty) String() string {
	switch c {
	case Guess:
		return "guess"
	case Sure:
		return "sure"
	}
	return "unknown"
}

// ShapeOrgan guesses the organ of a symbol from its shape alone. kind is
// "resolution" or "decision"; its is set for "its resolution …", where the
// organ is the document's.
func ShapeOrgan(s *Symbol, kind string, its bool) (string, Certainty) {
	switch s.Form {
	case FormDotted:
		if s.Series == "WHA" {
			return "WHA", Sure
		}
		return "", Unknown // "12.20" is a conference of parties' too
	case FormAgency:
		return "IAEA", Sure
	case FormSecurityCouncil:
		return "SC", Sure
	case FormYear:
		if its {
			return "ECOSOC", Guess
		}
		return "ECOSOC", Sure
	case FormSpecial:
		if strings.HasPrefix(s.Session, "ES-") {
			return "GA", Sure
		}
		return "GA", Guess // the Human Rights Council holds special sessions too
	case FormRoman:
		if strings.HasPrefix(s.Session, "ES-") || strings.HasPrefix(s.Session, "S-") {
			// The Assembly numbered its special sessions' resolutions in
			// its one series ("105 (S-1)", "3362 (S-VII)"); a small number
			// is another body's ("resolution 1 (S-IX)" of the Commission
			// on Narcotic Drugs, 1986).
			if Atoi(s.Number) >= 100 {
				return "GA", Sure
			}
			return "", Unknown
		}
		if s.SessionNum > 0 && s.SessionNum <= 30 {
			return "GA", Guess // ECOSOC and the Trusteeship Council used this form too
		}
		return "", Unknown
	case FormSession:
		return sessionShapeOrgan(s, kind)
	}
	return "", Unknown
}

// sessionShapeOrgan guesses the organ of a "64/182" symbol. Commissions
// and councils number a few dozen resolutions a session; only the General
// Assembly reaches the hundreds, and its decisions are numbered from 401
// (the Human Rights Council's from 101, the Statistical Commission's
// too: "decision 56/115"). The Assembly wrote "64/182" only from its
// thirty-first session; an earlier session with a number in the hundreds
// is the Assembly's symbol written in the wrong form ("21/2200"), but a
// year in place of the number is another body's numbering (the FAO
// Conference's "7/2025"), and a small number anyone's.
func sessionShapeOrgan(s *Symbol, kind string) (string, Certainty) {
	n := Atoi(s.Number)
	many := n > 60
	if kind == "decision" {
		many = n >= 300
	}
	switch {
	case s.SessionNum >= 31 && many:
		return "GA", Sure
	case s.SessionNum >= 31:
		return "GA", Guess
	case yearLike(s.Number):
		return "", Unknown
	case many:
		return "GA", Sure
	}
	return "", Unknown
}

// Fits reports whether organ used symbols of s's form.
func Fits(organ string, s *Symbol) bool {
	form := s.Form
	switch organ {
	case "GA":
		// "64/182" only from the thirty-first session (1976).
		return form == FormSession && s.SessionNum >= 31 || form == FormSpecial || form == FormRoman
	case "SC":
		return form == FormSecurityCouncil
	case "ECOSOC", "CHR":
		return form == FormYear || form == FormRoman
	case "HRC":
		return form == FormSession || form == FormSpecial && strings.HasPrefix(s.Session, "S-")
	case "CND", "CCPCJ", "CSW", "CSocD", "CPD", "CSD", "CSTD", "StatCom", "UNFF", "UNEA":
		return form == FormSession || form == FormRoman
	case "ECA", "ECE", "ECLAC", "ESCAP", "ESCWA":
		return form == FormSession || form == FormRoman
	case "FAO":
		return form == FormNumberYear || form == FormSession && yearLike(s.Number)
	case "WHA":
		return form == FormDotted
	case "IAEA":
		return form == FormAgency
	}
	return false
}

// organNames are the names messages give the organs, by code.
var organNames = map[string]string{
	"GA": "General Assembly", "SC": "Security Council", "ECOSOC": "Economic and Social Council",
	"HRC": "Human Rights Council", "WHA": "World Health Assembly", "IAEA": "IAEA General Conference",
	"FAO": "FAO Conference", "UNEA": "United Nations Environment Assembly",
}

// OrganName returns the name of the organ with code, for messages ("World
// Health Assembly"), or the code itself.
func OrganName(code string) string {
	if n, ok := organNames[code]; ok {
		return n
	}
	return code
}

// AnnualSessionYear returns the year in which organ held its session n,
// for the organs that meet once a year under a running number: the World
// Health Assembly (its first in 1948, the seventy-seventh in 2024) and the
// IAEA General Conference (its first in 1957, GC(68) in 2024).
func AnnualSessionYear(organ string, n int) (int, bool) {
	if n < 1 {
		return 0, false
	}
	switch organ {
	case "WHA":
		return 1947 + n, true
	case "IAEA":
		return 1956 + n, true
	}
	return 0, false
}

// SessionYears returns the years in which the General Assembly's regular
// session n adopted resolutions: a session opens in September and may be
// resumed until the next one opens.
func SessionYears(n int) (int, int) { return 1945 + n, 1946 + n }
