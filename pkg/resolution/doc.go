// Package resolution finds and checks references to United Nations
// resolutions, decisions and document symbols in the text of a draft.
//
// Find reads references such as "General Assembly resolution 64/182 of
// 18 December 2009", "its resolutions 1261 (1999) of 25 August 1999 and
// 1314 (2000) of 11 August 2000", "resolutions 3411 A and B (XXX)",
// "decision 31/308" and document symbols such as "A/C.3/80/L.4/Rev.1".
// Its input is one string in which line wraps have been joined into single
// spaces and footnote markers removed; footnote bodies go through Find one at
// a time.
//
// A Registry holds the adoption dates (and some titles) of resolutions,
// harvested from real resolution texts by cmd/harvest and stored under
// rules/resolutions. Check compares references with it and with the rules of
// the UN Editorial Manual for resolution symbols:
//
//   - resolution-form (warning): a symbol in a form its organ never used in
//     that era, an impossible date, a malformed document symbol;
//   - resolution-date (error): a date that is not the registry's date;
//   - resolution-title (warning): a quoted title that differs from the
//     registered one beyond typography;
//   - resolution-future (error): a resolution dated after the document.
//
// Check reports a date as wrong only when it is sure which organ adopted the
// resolution: "resolution 52/1" may be a General Assembly or a Commission on
// Narcotic Drugs resolution, and a wrong guess would be a false alarm. A
// guessed organ is trusted only when the stated date fits it (session 52 of
// the General Assembly met in 1997–1998). CheckWith also takes the
// document's own organ (Options.DocOrgan: "GA" for A/… texts, "HRC" for
// A/HRC/…, "SC" for S/…), which resolves "its resolution …".
//
// DefaultRegistry is built from Go data generated from rules/resolutions
// (go generate ./pkg/resolution), because decoding the YAML takes tens of
// milliseconds; TestEmbeddedMatchesYAML keeps the two in step.
package resolution
