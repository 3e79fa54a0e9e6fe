package resolution

import (
	"sort"
	"strings"
)

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
// without its prefix ("64/182").
func OrganOfSymbol(sym string) (organ, kind, rest string) {
	for _, p := range prefixList {
		if strings.HasPrefix(sym, p.prefix) {
			return p.organ, p.kind, sym[len(p.prefix):]
		}
	}
	return "", "", ""
}

// RegistryKeys returns the registry symbols that r names when adopted by
// organ: one per letter ("3411 A and B (XXX)" names A/RES/3411 A (XXX) and
// A/RES/3411 B (XXX)). It returns nil if the organ has no symbols of r's
// kind.
func RegistryKeys(r *Ref, organ string) []string {
	return appendRegistryKeys(nil, r, organ)
}

// appendRegistryKeys appends RegistryKeys(r, organ) to dst.
func appendRegistryKeys(dst []string, r *Ref, organ string) []string {
	pre, ok := registryPrefix(r, organ)
	if !ok {
		return dst
	}
	form := r.Form()
	if len(r.Letters) <= 1 {
		return append(dst, prefixedCanonical(pre, form, r.Number, r.Session, r.Letters, r.Year))
	}
	for _, l := range r.Letters {
		dst = append(dst, prefixedCanonical(pre, form, r.Number, r.Session, []string{l}, r.Year))
	}
	return dst
}

// registryPrefix returns the prefix of r's registry keys when adopted by
// organ ("A/RES/"), or false when there are none.
func registryPrefix(r *Ref, organ string) (string, bool) {
	p, ok := organPrefixes(organ)
	if !ok || r.Symbol == "" {
		return "", false
	}
	pre := p[0]
	if r.Kind == "decision" {
		pre = p[1]
	}
	return pre, pre != ""
}

// organPrefixes is prefixes[organ], by a switch: Check asks for every
// reference, and the common organs come first.
func organPrefixes(organ string) ([2]string, bool) {
	switch organ {
	case "GA":
		return [2]string{"A/RES/", "A/DEC/"}, true
	case "SC":
		return [2]string{"S/RES/", ""}, true
	case "ECOSOC":
		return [2]string{"E/RES/", "E/DEC/"}, true
	}
	p, ok := prefixes[organ]
	return p, ok
}

// appendEntries appends the registry entry of each of RegistryKeys(r,
// organ) that reg holds, in order. The keys are built in a buffer on the
// stack and looked up without becoming strings.
func (reg *Registry) appendEntries(es []*Entry, r *Ref, organ string) []*Entry {
	pre, ok := registryPrefix(r, organ)
	if !ok {
		return es
	}
	form := r.Form()
	var buf [64]byte
	if len(r.Letters) <= 1 {
		if e, ok := reg.lookupBytes(appendCanonical(append(buf[:0], pre...), form, r.Number, r.Session, r.Letters, r.Year)); ok {
			es = append(es, e)
		}
		return es
	}
	for i := range r.Letters {
		if e, ok := reg.lookupBytes(appendCanonical(append(buf[:0], pre...), form, r.Number, r.Session, r.Letters[i:i+1], r.Year)); ok {
			es = append(es, e)
		}
	}
	return es
}

// lookupBytes is Lookup(string(key)), without the string.
func (reg *Registry) lookupBytes(key []byte) (*Entry, bool) {
	if reg == nil {
		return nil, false
	}
	i, ok := reg.bySymbol[string(key)]
	if !ok {
		return nil, false
	}
	return &reg.entries[i], true
}

// Certainty says how sure ResolveOrgan is of a reference's organ.
type Certainty int

// Degrees of certainty.
const (
	// Unknown: no organ can be told.
	Unknown Certainty = iota
	// Guess: the symbol's shape suggests the organ, but other bodies use
	// the same shape ("resolution 52/1" may be the Commission on Narcotic
	// Drugs'). Facts should be compared only when they fit the guess.
	Guess
	// Sure: the text names the organ, or only that organ uses the shape.
	Sure
)

// ResolveOrgan says which organ adopted r and how sure that is. docOrgan
// is the organ of the document ("GA" for A/… documents, "SC" for S/…), or
// "" if unknown; it resolves "its resolution …".
func (r *Ref) ResolveOrgan(docOrgan string) (string, Certainty) {
	form := r.Form()
	if form == FormNone {
		return "", Unknown
	}
	if r.OrganName != "" {
		if r.Organ == "" {
			return "", Unknown
		}
		return r.Organ, Sure
	}
	organ, cert := r.shapeOrgan()
	if docOrgan != "" && docOrgan != organ && (r.Its || cert == Unknown) && fits(docOrgan, form, r.Session) {
		// "its resolution 5/1" in a Human Rights Council text, a bare
		// "resolution 87 (LIX)" in a General Assembly text. The clause may
		// still speak of another body, so this is a guess.
		return docOrgan, Guess
	}
	return organ, cert
}

// shapeOrgan guesses the organ from the symbol's shape alone.
func (r *Ref) shapeOrgan() (string, Certainty) {
	form := r.Form()
	switch form {
	case FormSecurityCouncil:
		return "SC", Sure
	case FormYear:
		if r.Its {
			return "ECOSOC", Guess
		}
		return "ECOSOC", Sure
	case FormSpecial:
		if strings.HasPrefix(r.Session, "ES-") {
			return "GA", Sure
		}
		return "GA", Guess // the Human Rights Council holds special sessions too
	case FormRoman:
		if strings.HasPrefix(r.Session, "ES-") || strings.HasPrefix(r.Session, "S-") {
			return "GA", Sure
		}
		if v, ok := sessionValue(r.Session); ok && v <= 30 {
			return "GA", Guess // ECOSOC and the Trusteeship Council used this form too
		}
		return "", Unknown
	case FormSession:
		// Commissions and councils number a few dozen resolutions a
		// session; only the General Assembly reaches the hundreds.
		if n := atoi(r.Number); n > 60 {
			return "GA", Sure
		}
		return "GA", Guess
	}
	return "", Unknown
}

// fits reports whether organ used symbols of this form.
func fits(organ string, form Form, session string) bool {
	switch organ {
	case "GA":
		return form == FormSession || form == FormSpecial || form == FormRoman
	case "SC":
		return form == FormSecurityCouncil
	case "ECOSOC", "CHR":
		return form == FormYear || form == FormRoman
	case "HRC":
		return form == FormSession || form == FormSpecial && strings.HasPrefix(session, "S-")
	case "CND", "CCPCJ", "CSW", "CSocD", "CPD", "CSD", "CSTD":
		return form == FormSession || form == FormRoman
	}
	return false
}

// SessionYears returns the years in which the General Assembly's regular
// session n adopted resolutions: a session opens in September and may be
// resumed until the next one opens.
func SessionYears(n int) (int, int) { return 1945 + n, 1946 + n }
