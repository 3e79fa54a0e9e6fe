package document

import "testing"

func TestSkipPlain(t *testing.T) {
	for _, s := range []string{"", "abc", "abcdefghijklmnop1", "abcdefgh[x", "abcdefghijé", "0", "abcdefgZ9", "ABCDEFGHIJKLMNOPQRSTUVWXYZ/:;@`{|}~ 2"} {
		want := 0
		for want < len(s) && !markerStart[s[want]] {
			want++
		}
		if got := skipPlain([]byte(s), 0, len(s)); got != want {
			t.Errorf("%q: got %d, want %d", s, got, want)
		}
	}
}

func FuzzSkipPlain(f *testing.F) {
	f.Add([]byte("the Convention of 1961, as amended"))
	f.Fuzz(func(t *testing.T, b []byte) {
		want := 0
		for want < len(b) && !markerStart[b[want]] {
			want++
		}
		if got := skipPlain(b, 0, len(b)); got != want {
			t.Fatalf("%q: got %d, want %d", b, got, want)
		}
	})
}
