package document

import "testing"

// FuzzTopSqueeze: the squeezed top answers for any prefix what squeeze
// does.
func FuzzTopSqueeze(f *testing.F) {
	for _, s := range []string{
		"Oceans and the law of the sea\nA/RES/80/110\n\n  The General Assembly,\n",
		"TITLE  with\u00a0hard\tspaces\f\nİSTANBUL Ünited \xff\xfe broken\xe2\x80 rune\n",
		"",
		"   \n\n  ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Asked in order, as runningTitles asks, and out of it.
		for _, step := range []int{1, 7, -1} {
			ts := &topSqueeze{top: []byte(s)}
			from := 0
			if step < 0 {
				from = len(s) + 1
			}
			for ; from >= 0 && from <= len(s)+1; from += step {
				want := squeeze([]byte(s)[:min(from, len(s))])
				if got := ts.before(from); string(got) != want {
					t.Fatalf("before(%d) = %q, want %q", from, got, want)
				}
			}
		}
	})
}
