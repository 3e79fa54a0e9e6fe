package bytescan

import "testing"

func slowPair(text string, a, b byte, from int) int {
	for i := max(from, 0); i+1 < len(text); i++ {
		if text[i] == a && text[i+1] == b {
			return i
		}
	}
	return -1
}

func TestIndexPair(t *testing.T) {
	for n := 0; n < 70; n++ {
		for pos := -1; pos < n-1; pos++ {
			b := make([]byte, n)
			for k := range b {
				b[k] = 'l' // many a's, no b's
			}
			if pos >= 0 {
				b[pos+1] = 'u'
			}
			s := string(b)
			for from := 0; from <= n; from++ {
				if got, want := IndexPair(s, 'l', 'u', from), slowPair(s, 'l', 'u', from); got != want {
					t.Fatalf("IndexPair(%q, %d) = %d, want %d", s, from, got, want)
				}
			}
		}
	}
}

func FuzzIndexPair(f *testing.F) {
	f.Add("the resolution of the Council and its decision", byte('l'), byte('u'))
	f.Add("llllllllllllllllllllllllllllllllu", byte('l'), byte('u'))
	f.Fuzz(func(t *testing.T, s string, a, b byte) {
		for from := -1; from <= len(s)+1; from++ {
			if got, want := IndexPair(s, a, b, from), slowPair(s, a, b, from); got != want {
				t.Fatalf("IndexPair(%q, %q, %q, %d) = %d, want %d", s, a, b, from, got, want)
			}
		}
	})
}
