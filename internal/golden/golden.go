// Package golden helps tests compare output with golden files.
package golden

import (
	"fmt"
	"strings"
)

// Diff shows the first line where got and want differ, for a failing
// comparison with a golden file.
func Diff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d of %d (want %d):\n got %q\nwant %q", i+1, len(g), len(w), gl, wl)
		}
	}
	return "(same lines)"
}
