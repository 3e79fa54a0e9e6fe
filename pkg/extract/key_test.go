package extract

import "testing"

// FuzzKeyEqual keeps keyEqual equal to comparing appendKey's output.
func FuzzKeyEqual(f *testing.F) {
	for _, s := range [][2]string{{"Convention", "convention"}, {"Ukraine’s", "ukraines"}, {"STATE'S", "states"}, {"Émile", "émile"}, {"Rights", "right"}, {"", ""}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, w, key string) {
		want := string(appendKey(nil, w)) == key
		if got := keyEqual(w, key); got != want {
			t.Fatalf("keyEqual(%q, %q) = %v, want %v", w, key, got, want)
		}
		k := string(appendKey(nil, w))
		if !keyEqual(w, k) {
			t.Fatalf("keyEqual(%q, its own key %q) = false", w, k)
		}
	})
}
