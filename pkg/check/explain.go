package check

// The treaty rules' explanations, one paragraph each ('citecheck explain
// RULE', 'citecheck rules', and the README's rule table, which a test keeps
// equal to 'citecheck rules --format markdown'). A rule in a file of its
// own explains itself there (resolution_*.go).

func (treatyYear) Explain() string {
	return `A registered treaty given a year that is not its own ("… of 1954"). The message gives the registry's date and, where the mention's footnote cites the same instrument, says so. Carries a fix. Years that belong to a larger title ("Memorandum … on Accession to the Treaty on the Non-Proliferation of Nuclear Weapons of 1994", "the Amendments on the crime of aggression to the Rome Statute … of 11 June 2010", "the adjustments to the Montreal Protocol … of 2007"), to a meeting of the parties when later than the treaty ("the Review Conference of the Parties to the Treaty … of 2010"), or to a list given out "respectively" ("…, of 1985 and 1987, respectively") are not read as the treaty's. Treaties cited by a year other than their adoption year (the Chemical Weapons Convention "of 1993") are recorded as ` + "`cited_year`" + ` and accepted. So is the year an amended form of the treaty was adopted ("the Protocol on … Booby-Traps and Other Devices of 1996": its form as amended on 3 May 1996).`
}

func (untsCitation) Explain() string {
	return `A *Treaty Series* volume/number pair that belongs to no registered instrument while its number does ("vol. 977, No. 14152": No. 14152 is in vol. 976) — an error where the volume is a slip away from one of that number's (a digit changed, dropped, added or two swapped, a count off by 1, 10 or 100), below the first of them, or holds another registered instrument (two citations mixed), a warning otherwise, since the UN registers protocols and amendments under their treaty's number in volumes of their own and the registry may not hold them all ("vol. 1522, No. 26369; and vol. 2054, No. 26369": the Montreal Protocol and its 1997 amendment); a footnote that cites another registered treaty than the one its mention names; the footnote of several titles under one marker that leaves a title without its citation, citing another instrument in its place; a footnote that gives the treaty's own volume with a wrong number (for a collection registered under several numbers in one volume, such as the Geneva Conventions of 1949, vol. 75, Nos. 970–973: a number that is none of them, with no fix). Says which treaty the citation belongs to; carries a fix where one replacement is certain. A protocol's citation under its parent convention (and the reverse) is not a mismatch, unless the text names the two apart, each with its own footnote ("the 1951 Convention¹ and the 1967 Protocol thereto²"): then a footnote on the convention that cites only the protocol has taken the protocol's citation. So has one that cites alone a protocol registered under a number of its own (the 1972 Protocol amending the Single Convention, vol. 976, No. 14151; the 1967 Protocol relating to the Status of Refugees, vol. 606, No. 8791) under the treaty's full title, unless the clause names a protocol or an amendment ("… and the Optional Protocol thereto", "as amended"); and so is the reverse, such a protocol's full title footnoted with its treaty's pair alone ("the Montreal Protocol …" with the Vienna Convention's vol. 1513, No. 26164), unless the clause names another instrument.`
}

func (yearInconsistent) Explain() string {
	return `One document gives the same treaty two different years where the registry has no year to decide between them. Check which year the treaty's own text or the UN Treaty Collection gives, and use it throughout.`
}

func (ibidUnresolved) Explain() string {
	return `An *Ibid.* footnote with no footnote before it to refer to (the first footnote of a text whose numbering starts at 1). Replace it with the full citation.`
}

func (footnoteRepeated) Explain() string {
	return `A footnote indicator used a second time. The current UN Editorial Manual: "numbered footnote indicators are no longer repeated in resolutions. When a reference must be repeated, a new footnote with the identical text should be inserted". Older documents followed the earlier rule; set ` + "`editorial-manual: legacy`" + ` for them.`
}
