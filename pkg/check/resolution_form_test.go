package check

import (
	"regexp"
	"testing"
)

// FuzzSymbolComponents holds the component readers to the regexps they
// replaced.
func FuzzSymbolComponents(f *testing.F) {
	for _, s := range []string{"Rev1", "Rev.1", "rev.1", "REV.12", "l.3", "L.0", "Add.00", "Add.01", "C.7", "C.3",
		"C.", "C", "CN12", "CONF1", "CONFX1", "Corr", "corr.", "add.x", "WP2a", "L", "", "Rev1 ", "Ré1", "C.1.2"} {
		f.Add(s)
	}
	missingDotRE := regexp.MustCompile(`^(L|Rev|Corr|Add|C|CN|AC|PV|SR|CONF|CRP|WG|WP)(\d+)$`)
	lowerCompRE := regexp.MustCompile(`^(rev|corr|add|l|REV|CORR|ADD)\.(\d+)$`)
	zeroCompRE := regexp.MustCompile(`^(L|Rev|Corr|Add)\.0+$`)
	committeeRE := regexp.MustCompile(`^C\.(\d+)$`)
	f.Fuzz(func(t *testing.T, s string) {
		w, n, ok := missingDot(s)
		if m := missingDotRE.FindStringSubmatch(s); ok != (m != nil) || ok && (w != m[1] || n != m[2]) {
			t.Errorf("missingDot(%q) = %q, %q, %v; regexp %q", s, w, n, ok, m)
		}
		w, n, ok = lowerComp(s)
		if m := lowerCompRE.FindStringSubmatch(s); ok != (m != nil) || ok && (w != m[1] || n != m[2]) {
			t.Errorf("lowerComp(%q) = %q, %q, %v; regexp %q", s, w, n, ok, m)
		}
		if got, want := zeroComp(s), zeroCompRE.MatchString(s); got != want {
			t.Errorf("zeroComp(%q) = %v", s, got)
		}
		n, ok = committee(s)
		if m := committeeRE.FindStringSubmatch(s); ok != (m != nil) || ok && n != m[1] {
			t.Errorf("committee(%q) = %q, %v; regexp %q", s, n, ok, m)
		}
	})
}
