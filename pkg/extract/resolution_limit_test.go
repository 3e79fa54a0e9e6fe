package extract

import "testing"

// TestMaxResolutions: past the cap, the references of a document stop,
// across its streams, and the result says so; at the cap, nothing is cut.
func TestMaxResolutions(t *testing.T) {
	text := "Recalling resolutions 70/1, 70/2 and 70/3 and A/RES/70/4,1 and resolution 70/5\n\n1 A/RES/70/6 and A/RES/70/7.\n"
	for _, tc := range []struct {
		max, want int
		over      bool
	}{
		{0, 7, false},
		{7, 7, false},
		{6, 6, true},
		{4, 4, true},
		{2, 2, true},
	} {
		x := testExtractor(t)
		x.MaxResolutions(tc.max)
		_, res := run(t, x, text)
		if len(res.Resolutions) != tc.want || res.TooManyResolutions != tc.over {
			t.Errorf("max %d: %d references, over %v; want %d, %v", tc.max, len(res.Resolutions), res.TooManyResolutions, tc.want, tc.over)
		}
	}
}
