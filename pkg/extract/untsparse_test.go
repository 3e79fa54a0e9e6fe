package extract

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// citeRE makes a pattern of the citation parsers from a regexp written with
// \s: they read no-break spaces (U+00A0, U+202F, U+2009) where \s reads
// space, and a registration number may carry the part of the register
// ("I-14668").
func citeRE(p string) *regexp.Regexp {
	p = strings.ReplaceAll(p, `\s`, `[\s\x{00A0}\x{202F}\x{2009}]`)
	p = strings.ReplaceAll(p, `NUM`, `(?:II?-)?\d+`)
	return regexp.MustCompile(p)
}

// volList is a list of volumes, arabic or roman.
var volList = `(?:\d+|[IVXLCDM]+)(?:\s*(?:,\s*and|,|and|&)\s*(?:\d+|[IVXLCDM]+)\b)*`

// citeNumList is a list of registration numbers and ranges, NUM for each.
var citeNumList = `NUM(?:\s*[-–]\s*\d+)?(?:\s*(?:,\s*and|,|and|&)\s*NUM(?:\s*[-–]\s*\d+)?)*`

// untsRE is the pattern parseUNTS implements by hand; the fuzz test keeps
// them in agreement.
var untsRE = citeRE(`^Treaty\s+Series\*?\s*[,.]?\s*(?:[Vv]ols?\s*[.,]?|[Vv]olumes?)\s*(` + volList + `)(?:\s*\(\d{4}\))?` + `(?:\s*[,.]?\s*(?:Nos?\s*\.?|Nos)\s*(` + citeNumList + `))?(?:\s*,?\s*pp?\.\s*(\d+))?`)

// ibidRE is the pattern of parseIbid. The comma before "vol." may be left
// out ("Ibid. vol. 660, No. 9464").
var ibidRE = citeRE(`^(?:See\s+)?\*?Ibid\b\.?\*?(?:\s*,?\s*(?:[Vv]ols?\s*\.?\s*(` + volList + `)(?:\s*\(\d{4}\))?))?(?:\s*[,.]?\s*(?:Nos?\s*\.?)\s*(` + citeNumList + `))?(?:\s*,?\s*pp?\.\s*(\d+))?`)

func FuzzParseIbid(f *testing.F) {
	for _, s := range []string{"Ibid., vol. 976, No. 14152.", "*Ibid.*, vol. 1019, No. 14956.", "Ibid. vol. 660, No. 9464", "Ibid., vol.\u00a0999, No.\u202fI-14668", "See Ibid., vols. 2225 and 2237, Nos. 970–973, p. 5", "Ibid.", "Ibid., vol. I (NPT/CONF.2010/50 (Vol. I))", "Ibid., No. 5", "Ibidem"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := parseIbid(s), ibidRE.FindStringSubmatchIndex(s)
		if !slices.Equal(got, want) {
			t.Errorf("%q: parseIbid %v, regexp %v", s, got, want)
		}
	})
}

func parseUNTSIndexes(s string) []int {
	end, vs, ve, ns, ne, ps, pe, ok := parseUNTS(s, 0)
	if !ok {
		return nil
	}
	return []int{0, end, vs, ve, ns, ne, ps, pe}
}

func TestParseUNTS(t *testing.T) {
	for _, s := range []string{
		"Treaty Series, vol. 976, No. 14152.",
		"Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.",
		"Treaty Series, vol. 75 (1950), Nos. 970-973).",
		"Treaty Series, vol. 75, Nos. 970–973.",
		"Treaty Series, vol, 75, No. 973.",
		"Treaty Series, vol. 75. Nos. 970-973.",
		"Treaty Series*, vol. 520, No. 7515, p. 151.",
		"Treaty Series, vol. XCIV (1929), No. 2138, p. 65",
		"Treaty Series, vol. 75, p. 287.",
		"Treaty\nSeries, vol. 1577, No 27531",
		"Treaty Series, volume 1, and more",
		"Treaty Series are many",
	} {
		got, want := parseUNTSIndexes(s), untsRE.FindStringSubmatchIndex(s)
		if !slices.Equal(got, want) {
			t.Errorf("%q: parseUNTS %v, regexp %v", s, got, want)
		}
	}
}

func FuzzParseUNTS(f *testing.F) {
	f.Add("Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.")
	f.Add("Treaty Series, vol. 75 (1950), Nos. 970- 973, p. 5")
	f.Add("Treaty Series, vol. XCIV, No. 2138 & 12")
	f.Add("Treaty\u00a0Series, vol.\u00a0976, No.\u2009I-14152 and II-12")
	f.Fuzz(func(t *testing.T, s string) {
		if !strings.HasPrefix(s, "Treaty") {
			s = "Treaty Series, vol. " + s
		}
		got, want := parseUNTSIndexes(s), untsRE.FindStringSubmatchIndex(s)
		if !slices.Equal(got, want) {
			t.Errorf("%q: parseUNTS %v, regexp %v", s, got, want)
		}
	})
}
