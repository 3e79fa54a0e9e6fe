package render

import (
	"bytes"
	"testing"
)

func FuzzAppendJSON(f *testing.F) {
	f.Add("a/b.txt", "treaty-year", "the Convention is of 1961, not 1954 <&>", "1954", "\"x\"\\\n\t\x01\x7f\u2028\u2029\xff", 3, true)
	f.Fuzz(func(t *testing.T, path, rule, msg, found, ctx string, n int, fix bool) {
		d := JSONDiagnostic{Path: path, Line: n, Column: -n, EndLine: n / 2, EndColumn: 7, Rule: rule,
			Severity: "error", Message: msg, Found: found, Expected: ctx + found, Treaty: rule, Context: ctx, Fingerprint: msg}
		if fix {
			d.Fix = &JSONFix{Line: n, Column: 1, EndLine: 2, EndColumn: 3, Replacement: found + ctx}
		}
		want, err := marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSON(nil, &d); !bytes.Equal(got, want) {
			t.Fatalf("appendJSON:\n got %s\nwant %s", got, want)
		}
	})
}
