// Package resolution is the grammar of United Nations resolution and
// decision symbols: their forms ("64/182", "2200 A (XXI)", "1325 (2000)",
// "2009/23", "S-26/2", "WHA77.1", "GC(68)/RES/9"), the organs that adopt
// them and the symbols of their documents, sessions and their years,
// Roman numerals and ordinals, and dates.
//
// It finds nothing in a document and checks nothing: package extract
// finds references with this grammar, package registry records what is
// known of each resolution, and the resolution rules of package check
// compare the two. It imports nothing of citecheck's, so that every stage
// may use it.
package resolution
