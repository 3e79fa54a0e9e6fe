package extract

import "testing"

func FuzzSkipLower(f *testing.F) {
	for _, s := range []string{"", "recalling the convention on", "abcdefghZ", "abcdefghé", "@[`{"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := 0
		for want < len(s) && !capitalOrWide[s[want]] {
			want++
		}
		if got := skipLower(s, 0); got != want {
			t.Fatalf("%q: got %d, want %d", s, got, want)
		}
	})
}
