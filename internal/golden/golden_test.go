package golden

import "testing"

func TestDiff(t *testing.T) {
	for _, tc := range []struct{ got, want, diff string }{
		{"a\nb\nc", "a\nx\nc", "line 2 of 3 (want 3):\n got \"b\"\nwant \"x\""},
		{"a\nb", "a\nb\nc", "line 3 of 2 (want 3):\n got \"\"\nwant \"c\""},
		{"a", "a", "(same lines)"},
	} {
		if d := Diff(tc.got, tc.want); d != tc.diff {
			t.Errorf("Diff(%q, %q) = %q, want %q", tc.got, tc.want, d, tc.diff)
		}
	}
}
