package resolution

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func defaultReg(t testing.TB) *Registry {
	t.Helper()
	reg, err := DefaultRegistry()
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// expect is one expected finding: its rule, severity and the text it
// covers; msg, if set, must equal the message.
type expect struct {
	rule, severity, text, msg, replacement string
}

func TestCheck(t *testing.T) {
	reg := defaultReg(t)
	tests := []struct {
		name, in, docDate string
		want              []expect
	}{
		{"right date", "Recalling General Assembly resolution 64/182 of 18 December 2009,", "", nil},
		{"wrong date", "Recalling General Assembly resolution 64/182 of 19 December 2009,", "",
			[]expect{{RuleDate, "error", "19 December 2009", "resolution 64/182 is dated 18 December 2009 in the registry, not 19 December 2009", "18 December 2009"}}},
		{"wrong date its", "Recalling its resolution 64/182 of 18 November 2009,", "",
			[]expect{{rule: RuleDate, severity: "error", text: "18 November 2009"}}},
		{"wrong day only", "General Assembly resolutions 2253 (ES-V) and 2254 (ES-V) of 5 and 14 July 1967, respectively", "",
			[]expect{{RuleDate, "error", "5", "resolution 2253 (ES-V) is dated 4 July 1967 in the registry, not 5 July 1967", "4"}}},
		{"sc wrong date", "Recalling its resolution 271 (1969) of 16 September 1969,", "",
			[]expect{{rule: RuleDate, severity: "error", text: "16 September 1969", replacement: "15 September 1969"}}},
		{"sc date outside year", "resolution 1325 (2000) of 31 October 2001", "",
			[]expect{{rule: RuleDate, severity: "error", text: "31 October 2001"}}},
		{"ga date outside session", "General Assembly resolution 70/202 of 22 December 2025", "",
			[]expect{{rule: RuleDate, severity: "error", text: "22 December 2025"}}},
		{"ecosoc year", "Economic and Social Council resolution 2009/23 of 30 July 2011", "",
			[]expect{{rule: RuleDate, severity: "error", text: "30 July 2011"}}},
		{"impossible date", "resolution 64/182 of 31 April 2009", "",
			[]expect{{RuleForm, "warning", "31 April 2009", `impossible date "31 April 2009": April has 30 days`, ""}}},
		{"not a leap year", "resolution 77/1 of 29 February 2023", "",
			[]expect{{RuleForm, "warning", "29 February 2023", `impossible date "29 February 2023": 2023 was not a leap year`, ""}}},
		{"old form after 1975", "General Assembly resolution 182 (LXIV)", "",
			[]expect{{rule: RuleForm, severity: "warning", text: "182 (LXIV)"}}},
		{"new form before 1976", "General Assembly resolution 21/2200", "",
			[]expect{{rule: RuleForm, severity: "warning", text: "21/2200"}}},
		{"bare new form before 1976", "resolution 21/2200", "",
			[]expect{{rule: RuleForm, severity: "warning", text: "21/2200"}}},
		{"hrc small session is fine", "Human Rights Council resolution 5/1 of 18 June 2007", "", nil},
		{"old special session form", "General Assembly resolution S-5/2", "",
			[]expect{{rule: RuleForm, severity: "warning", text: "S-5/2"}}},
		{"old emergency form", "resolution ES-3/1", "",
			[]expect{{rule: RuleForm, severity: "warning", text: "ES-3/1"}}},
		{"new emergency as roman", "resolution 2253 (ES-VI)", "",
			[]expect{{rule: RuleForm, severity: "warning", text: "2253 (ES-VI)"}}},
		{"ga number does not fit session", "General Assembly resolution 1514 (XXV)", "",
			[]expect{{rule: RuleForm, severity: "warning", text: "1514 (XXV)"}}},
		{"ga number fits", "General Assembly resolution 1514 (XV) of 14 December 1960", "", nil},
		{"sc year does not fit number", "Security Council resolution 271 (1975)", "",
			[]expect{{RuleForm, "warning", "271 (1975)", `resolution "271 (1975)" does not fit the Security Council's numbering: resolution 271 was adopted in 1969, not 1975`, ""}}},
		{"sc year before 1946", "resolution 12 (1945)", "",
			[]expect{{rule: RuleForm, severity: "warning", text: "12 (1945)"}}},
		{"ga symbol with a year", "General Assembly resolution 1514 (1960)", "",
			[]expect{{rule: RuleForm, severity: "warning", text: "1514 (1960)"}}},
		{"title differs", "its resolution 44/25 of 20 November 1989, entitled “Convention on the Rights of Children”,", "",
			[]expect{{RuleTitle, "warning", "Convention on the Rights of Children", `title "Convention on the Rights of Children" differs from the title of resolution 44/25 in the registry, "Convention on the Rights of the Child"`, "Convention on the Rights of the Child"}}},
		{"title typography", `its resolution 44/25 of 20 November 1989, entitled "convention on the rights of the child",`, "", nil},
		{"future stated", "resolution 60/288 of 8 September 2006", "2005-01-01",
			[]expect{{rule: RuleFuture, severity: "error", text: "8 September 2006"}}},
		{"future registry", "General Assembly resolution 60/288", "2005-01-01",
			[]expect{{rule: RuleFuture, severity: "error", text: "60/288"}}},
		{"future session", "General Assembly resolution 95/1", "2025-10-01",
			[]expect{{rule: RuleFuture, severity: "error", text: "95/1"}}},
		{"future sc year", "Security Council resolution 2900 (2030)", "2025-10-01",
			[]expect{{rule: RuleFuture, severity: "error", text: "2900 (2030)"}}},
		{"not future", "resolution 60/288 of 8 September 2006", "2025-10-01", nil},
		// Other bodies use the General Assembly's session/number shape;
		// their dates must not be compared with its registry.
		{"cnd", "Commission on Narcotic Drugs resolution 52/1 of 20 March 2009", "", nil},
		{"bare commission resolution", "resolution 52/1 of 20 March 2009", "", nil},
		{"environment assembly", "the United Nations Environment Assembly at its resumed fifth session, in its resolution 5/14 of 2 March 2022,", "", nil},
		{"annex resolution", "A/56/1026-S/2002/932, annex II, resolution 14/221.", "", nil},
		{"doc symbol missing dot", "draft resolution A/64/L5", "",
			[]expect{{RuleForm, "warning", "A/64/L5", `malformed document symbol "A/64/L5": "L5" lacks the full stop ("L.5")`, "A/64/L.5"}}},
		{"doc symbol lower case", "A/C.3/80/L.4/rev.1", "",
			[]expect{{rule: RuleForm, severity: "warning", text: "A/C.3/80/L.4/rev.1", replacement: "A/C.3/80/L.4/Rev.1"}}},
		{"no seventh committee", "A/C.7/80/L.4", "",
			[]expect{{rule: RuleForm, severity: "warning", text: "A/C.7/80/L.4"}}},
		{"records mismatch", "Official Records of the General Assembly, Sixty-fourth Session, Supplement No. 49 (A/65/49).", "",
			[]expect{{rule: RuleForm, severity: "warning", text: "A/65/49"}}},
		{"records match", "Official Records of the General Assembly, Sixty-fourth Session, Supplement No. 49 (A/64/49).", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(Find(tt.in), reg, tt.docDate)
			if len(got) != len(tt.want) {
				t.Fatalf("%d findings, want %d:\n%s", len(got), len(tt.want), dump(tt.in, got))
			}
			for i, w := range tt.want {
				f := got[i]
				if f.Rule != w.rule || f.Severity != w.severity || tt.in[f.Start:f.End] != w.text {
					t.Errorf("finding %d = %s %s %q, want %s %s %q", i, f.Severity, f.Rule, tt.in[f.Start:f.End], w.severity, w.rule, w.text)
				}
				if w.msg != "" && f.Message != w.msg {
					t.Errorf("message\n  %s\nwant\n  %s", f.Message, w.msg)
				}
				if w.replacement != "" && f.Replacement != w.replacement {
					t.Errorf("replacement %q, want %q", f.Replacement, w.replacement)
				}
			}
		})
	}
}

func dump(src string, fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + f.Severity + " " + f.Rule + " " + src[f.Start:f.End] + ": " + f.Message + "\n")
	}
	return b.String()
}

func TestCheckDocOrgan(t *testing.T) {
	reg := defaultReg(t)
	// "its resolution 52/1" in a text of the Commission on Narcotic Drugs is
	// not the General Assembly's 52/1.
	in := "Recalling its resolution 52/1 of 20 March 2009,"
	if got := CheckWith(Find(in), reg, Options{DocOrgan: "CND"}); len(got) != 0 {
		t.Errorf("CND text: %s", dump(in, got))
	}
	// In a General Assembly text, "its resolution 1514 (XXV)" is the
	// Assembly's, so the form check applies only if the organ is sure.
	in = "General Assembly resolution 64/182 of 17 December 2009"
	if got := CheckWith(Find(in), reg, Options{DocOrgan: "GA"}); len(got) != 1 || got[0].Rule != RuleDate {
		t.Errorf("GA text: %s", dump(in, got))
	}
}

func TestCheckNilRegistry(t *testing.T) {
	in := "resolution 64/182 of 19 December 2009 and resolution 1325 (2000) of 31 October 2001"
	got := Check(Find(in), nil, "")
	if len(got) != 1 || got[0].Rule != RuleDate || in[got[0].Start:got[0].End] != "31 October 2001" {
		t.Errorf("got %s", dump(in, got))
	}
}

// TestMessages checks the message style: lower case, no trailing period.
func TestMessages(t *testing.T) {
	reg := defaultReg(t)
	in := strings.Join([]string{
		"General Assembly resolution 64/182 of 19 December 2009", "resolution 64/182 of 31 April 2009",
		"General Assembly resolution 182 (LXIV)", "General Assembly resolution 21/2200", "General Assembly resolution S-5/2",
		"resolution ES-3/1", "resolution 2253 (ES-VI)", "General Assembly resolution 1514 (XXV)", "Security Council resolution 271 (1975)",
		"Security Council resolution 270 (1990)", "Security Council resolution 272 (1950)",
		"resolution 12 (1945)", "General Assembly resolution 1514 (1960)", "Security Council resolution 64/182",
		"Economic and Social Council resolution 1975/3", "Economic and Social Council resolution 64/3",
		"its resolution 44/25 of 20 November 1989, entitled “Convention on Children”", "General Assembly resolution 95/1",
		"Security Council resolution 2900 (2030)", "A/64/L5", "A/C.7/80/L.4", "A/80/L.0",
		"Official Records of the General Assembly, Sixty-fourth Session, Supplement No. 49 (A/65/49)",
		"resolution 1325 (2000) of 31 October 2001", "resolution 60/288 of 8 September 2026",
	}, ". ")
	got := Check(Find(in), reg, "2025-10-01")
	rules := map[string]bool{}
	for _, f := range got {
		rules[f.Rule] = true
		r := []rune(f.Message)
		if len(r) == 0 || !unicode.IsLower(r[0]) {
			t.Errorf("message does not start in lower case: %q", f.Message)
		}
		if strings.HasSuffix(f.Message, ".") {
			t.Errorf("message ends with a period: %q", f.Message)
		}
		if f.Severity != "error" && f.Severity != "warning" {
			t.Errorf("severity %q", f.Severity)
		}
		if f.Start < 0 || f.Start > f.End || f.End > len(in) {
			t.Errorf("bad span %d:%d", f.Start, f.End)
		}
	}
	for _, r := range []string{RuleForm, RuleDate, RuleTitle, RuleFuture} {
		if !rules[r] {
			t.Errorf("no %s finding", r)
		}
	}
	if len(got) < 24 {
		t.Errorf("only %d findings:\n%s", len(got), dump(in, got))
	}
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"General Assembly resolution 64/182 of 19 December 2009",
		"its resolutions 271 (1975) of 4 and 14 July 1967, respectively",
		"resolution 2145 (XXII) of 27 October 1966, entitled “x”",
		"A/64/L5 Official Records of the General Assembly, Sixty-fourth Session, Supplement No. 49 (A/65/49)",
		"decision S-3/1 of 31 April 1999; resolution 2009/23 of 1 January 1900",
	} {
		f.Add(s, "2025-10-01", "GA")
	}
	reg := defaultReg(f)
	f.Fuzz(func(t *testing.T, s, docDate, docOrgan string) {
		for _, fd := range CheckWith(Find(s), reg, Options{DocDate: docDate, DocOrgan: docOrgan}) {
			if fd.Start < 0 || fd.Start > fd.End || fd.End > len(s) {
				t.Fatalf("bad span %d:%d", fd.Start, fd.End)
			}
		}
	})
}

// FuzzDocSuspect compares docSuspect with a test of each component of
// strings.Split.
func FuzzDocSuspect(f *testing.F) {
	for _, s := range []string{"A/64/L5", "A/C.3/80/L.4/Rev.1", "A//rev.1", "A", "A/", "E/CN.4/2000/L.0", "S/RES/1325 (2000)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		want := false
		for i, comp := range strings.Split(doc, "/") {
			if i > 0 && suspectComponent(comp) {
				want = true
			}
		}
		if got := docSuspect(doc); got != want {
			t.Fatalf("docSuspect(%q) = %v, want %v", doc, got, want)
		}
	})
}

// FuzzAppendEntries compares the registry lookup from a stack buffer with
// looking up each of RegistryKeys, as Check did.
func FuzzAppendEntries(f *testing.F) {
	f.Add("resolution", 1, "182", "64", "", "", 0, "GA")
	f.Add("decision", 1, "573", "79", "A", "B", 0, "GA")
	f.Add("resolution", 5, "1325", "", "", "", 2000, "SC")
	f.Add("resolution", 3, "23", "", "", "", 2009, "ECOSOC")
	f.Add("resolution", 4, "3411", "XXX", "A", "B", 0, "GA")
	f.Add("resolution", 4, "2200", "XXI", "A", "", 0, "GA")
	f.Add("decision", 1, "1", "5", "", "", 0, "HRC")
	reg := defaultReg(f)
	f.Fuzz(func(t *testing.T, kind string, form int, number, session, l1, l2 string, year int, organ string) {
		var letters []string
		for _, l := range []string{l1, l2} {
			if l != "" {
				letters = append(letters, l)
			}
		}
		fm := Form((form%6 + 6) % 6)
		r := Ref{Kind: kind, Number: number, Session: session, Letters: letters, Year: year}
		if fm != FormNone {
			r.Symbol = canonical(fm, number, session, letters, year)
		}
		var want []*Entry
		for _, k := range RegistryKeys(&r, organ) {
			if e, ok := reg.Lookup(k); ok {
				want = append(want, e)
			}
		}
		if got := reg.appendEntries(nil, &r, organ); !slices.Equal(got, want) {
			t.Fatalf("appendEntries(%+v, %q) = %v, want %v", r, organ, got, want)
		}
		_, hasKeys := registryPrefix(&r, organ)
		if hasKeys != (len(RegistryKeys(&r, organ)) > 0) {
			t.Fatalf("registryPrefix says %v for %+v, %q", hasKeys, r, organ)
		}
		p, ok := organPrefixes(organ)
		if wp, wok := prefixes[organ]; p != wp || ok != wok {
			t.Fatalf("organPrefixes(%q) = %v, %v", organ, p, ok)
		}
	})
}
