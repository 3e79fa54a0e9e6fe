package extract

import (
	"strings"
	"testing"
)

// links describes which footnote each body mention is linked to and what
// that footnote cites: "crc fn4 cited=crc".
func links(res *Result) string {
	var out []string
	for _, r := range res.Mentions {
		if r.InFootnote != "" {
			continue
		}
		id := "-"
		if r.Treaty != nil {
			id = r.Treaty.ID
		}
		s := id
		if r.Antecedent != nil {
			s += " «" + r.Text + "»"
		}
		if r.Footnote != "" {
			s += " fn" + r.Footnote
		}
		for _, c := range r.Citations {
			s += " cited=" + ids(c.Treaties())
		}
		out = append(out, s)
	}
	return strings.Join(out, "\n")
}

// notes is a footnote block citing the given pairs, one footnote each,
// numbered from 1.
func notes(pairs ...string) string {
	var b strings.Builder
	b.WriteString("\n_______________\n\n")
	for i, p := range pairs {
		b.WriteString(strings.Repeat(" ", 0))
		b.WriteString(string(rune('1' + i)))
		b.WriteString(" United Nations, Treaty Series, " + p + ".\n\n")
	}
	return b.String()
}

// docNote is a footnote block of one footnote, numbered 1, that cites no
// Treaty Series.
func docNote(text string) string {
	return "\n_______________\n\n1 " + text + "\n"
}

// TestLink: what may stand between a title and its marker, and the words
// that refer back to a title, each written from the pattern.
func TestLink(t *testing.T) {
	x := testExtractor(t)
	tests := []struct{ name, in, want string }{
		{"a short name in parentheses",
			"Recalling the United Nations Convention on the Law of the Sea (the Convention), 1 and bearing in mind" + notes("vol. 1833, No. 31363"),
			"unclos fn1 cited=unclos"},
		{"the organization after the number of an ILO convention",
			"the Indigenous and Tribal Peoples Convention, 1989 (No. 169), of the International Labour Organization,1 Recalling" + notes("vol. 1650, No. 28383"),
			"ilo_c169 fn1 cited=ilo_c169"},
		{"a clause on the adoption",
			"the Vienna Convention on the Law of Treaties, adopted on 22 May 1969 by the United Nations Conference on the Law of Treaties,1 Convinced" + notes("vol. 1155, No. 18232"),
			"vclt fn1 cited=vclt"},
		{"the protocols thereto",
			"the United Nations Convention against Transnational Organized Crime and the Protocols thereto;1 Takes note" + notes("vol. 2225, No. 39574"),
			"untoc fn1 cited=untoc"},
		{"a marker inside the words read with the title",
			"the Convention on the Rights of the Child, 1989,1 as amended, and" + notes("vol. 1577, No. 27531"),
			"crc fn1 cited=crc"},
		{"a short name in parentheses after the marker",
			"the Geneva Convention on the Protection of Civilian Persons in Time of War, of 12 August 1949 1 (Fourth Geneva Convention), and stressing" + notes("vol. 75, No. 973"),
			"gc4 fn1 cited=gc4+geneva1949"},
		{"that Convention",
			"the Convention on the Rights of the Child, in particular the appendix to that Convention,1 and" + notes("vol. 1577, No. 27531"),
			"crc\ncrc «that Convention» fn1 cited=crc"},
		{"the Protocol thereto, with its year",
			"Reaffirms the Convention relating to the Status of Refugees1 and the 1967 Protocol thereto2 as the foundation" + notes("vol. 189, No. 2545", "vol. 606, No. 8791"),
			"refugees fn1 cited=refugees\nrefugee_protocol «the 1967 Protocol thereto» fn2 cited=refugee_protocol"},
		{"thereto after \"the Convention\", which is the title before again",
			"Recalling the Convention relating to the Status of Refugees,1 and urging States to accede to the Convention and the 1967 Protocol thereto,2 and" + notes("vol. 189, No. 2545", "vol. 606, No. 8791"),
			"refugees fn1 cited=refugees\nrefugee_protocol «the 1967 Protocol thereto» fn2 cited=refugee_protocol"},
		{"protocols thereto after \"that Convention\"",
			"the Convention on the Rights of the Child,1 calls upon States to ratify that Convention and the Optional Protocols thereto,2 the" + notes("vol. 1577, No. 27531", "vol. 2173, No. 27531"),
			"crc fn1 cited=crc\ncrc «the Optional Protocols thereto» fn2 cited=crc_opac"},
		{"thereto after \"the Convention on …\", another one: no link",
			"the Convention on the Rights of the Child,1 and the Convention on Migratory Species and the Protocol thereto,2 the" + notes("vol. 1577, No. 27531", "vol. 2173, No. 27531"),
			"crc fn1 cited=crc"},
		{"thereto after \"the Protocol\" when the title before is a Convention: no link",
			"the Convention on the Rights of the Child,1 the Protocol and the Amendment thereto,2 the" + notes("vol. 1577, No. 27531", "vol. 2173, No. 27531"),
			"crc fn1 cited=crc"},
		{"the Protocols Additional thereto, as their titles read",
			"the Geneva Conventions of 12 August 1949 1 and the Protocols Additional thereto of 1977,2 the" + notes("vol. 75, No. 970", "vol. 1125, No. 17512"),
			"geneva1949 fn1 cited=?\ngeneva1949 «the Protocols Additional thereto of 1977» fn2 cited=ap1+ap1977"},
		{"the Optional Protocol thereto, with a date after it",
			"the Convention on the Elimination of All Forms of Discrimination against Women1 and the Optional Protocol thereto, of 1999,2 as well as" + notes("vol. 1249, No. 20378", "vol. 2131, No. 20378"),
			"cedaw fn1 cited=cedaw\ncedaw «the Optional Protocol thereto, of 1999» fn2 cited=cedaw_op"},
		{"thereto after two titles refers to both: the nearest's, with the other listed",
			"the Convention on the Elimination of All Forms of Discrimination against Women1 and the Convention on the Rights of the Child,2 and the Optional Protocols thereto,3 as well as" + notes("vol. 1249, No. 20378", "vol. 1577, No. 27531", "vol. 2131, No. 20378"),
			"cedaw fn1 cited=cedaw\ncrc fn2 cited=crc\ncrc «the Optional Protocols thereto» fn3 cited=cedaw_op"},
		{"a protocol, singular, thereto after two titles is the nearest one's",
			"the Convention on the Elimination of All Forms of Discrimination against Women,1 the Convention on the Rights of the Child2 and the Optional Protocol thereto,3 the" + notes("vol. 1249, No. 20378", "vol. 1577, No. 27531", "vol. 2173, No. 27531"),
			"cedaw fn1 cited=cedaw\ncrc fn2 cited=crc\ncrc «the Optional Protocol thereto» fn3 cited=crc_opac"},
		{"its Optional Protocol, described",
			"the Convention on the Rights of the Child1 and its Optional Protocol on the involvement of children in armed conflict,2 the" + notes("vol. 1577, No. 27531", "vol. 2173, No. 27531"),
			"crc fn1 cited=crc\ncrc «its Optional Protocol on the involvement of children in armed conflict» fn2 cited=crc_opac"},
		{"its Amendment, with the date of its adoption",
			"the Convention on the Physical Protection of Nuclear Material, adopted on 26 October 1979,1 as well as its Amendment, adopted on 8 July 2005,2 the" + notes("vol. 1456, No. 24631", "vol. 3132, No. 24631"),
			"cppnm fn1 cited=cppnm\ncppnm «its Amendment, adopted on 8 July 2005» fn2 cited=cppnm_amendment"},
		{"its Amendment, bare",
			"welcomes the Convention on the Physical Protection of Nuclear Material1 and its Amendment,2 and" + notes("vol. 1456, No. 24631", "vol. 3132, No. 24631"),
			"cppnm fn1 cited=cppnm\ncppnm «its Amendment» fn2 cited=cppnm_amendment"},
		{"its Amendments, plural, signed somewhere",
			"the Convention on the Physical Protection of Nuclear Material1 and its Amendments, signed at Vienna on 8 July 2005,2 and" + notes("vol. 1456, No. 24631", "vol. 3132, No. 24631"),
			"cppnm fn1 cited=cppnm\ncppnm «its Amendments, signed at Vienna on 8 July 2005» fn2 cited=cppnm_amendment"},
		{"its Amendment, the footnote citing another treaty (a swap to catch)",
			"the Convention on the Physical Protection of Nuclear Material1 and its Amendment,2 and" + notes("vol. 1456, No. 24631", "vol. 1577, No. 27531"),
			"cppnm fn1 cited=cppnm\ncppnm «its Amendment» fn2 cited=crc"},
		{"the Protocols thereto, with a date of adoption after them",
			"the Geneva Conventions of 12 August 1949 1 and the Protocols Additional thereto, adopted on 8 June 1977,2 the" + notes("vol. 75, No. 970", "vol. 1125, No. 17512"),
			"geneva1949 fn1 cited=?\ngeneva1949 «the Protocols Additional thereto, adopted on 8 June 1977» fn2 cited=ap1+ap1977"},
		{"its 1967 Protocol: the antecedent's protocol of that year",
			"the Convention relating to the Status of Refugees1 and its 1967 Protocol,2 and" + notes("vol. 189, No. 2545", "vol. 606, No. 8791"),
			"refugees fn1 cited=refugees\nrefugee_protocol «its 1967 Protocol» fn2 cited=refugee_protocol"},
		{"its two Optional Protocols",
			"the Convention on the Rights of the Child1 and its two Optional Protocols,2 and" + notes("vol. 1577, No. 27531", "vol. 2173, No. 27531"),
			"crc fn1 cited=crc\ncrc «its two Optional Protocols» fn2 cited=crc_opac"},
		{"the protocols thereto, in lower case",
			"the Convention on the Rights of the Child1 and the optional protocols thereto,2 and" + notes("vol. 1577, No. 27531", "vol. 2173, No. 27531"),
			"crc fn1 cited=crc\ncrc «the optional protocols thereto» fn2 cited=crc_opac"},
		{"its amendment, in lower case",
			"the Convention on the Physical Protection of Nuclear Material1 and its amendment,2 and" + notes("vol. 1456, No. 24631", "vol. 3132, No. 24631"),
			"cppnm fn1 cited=cppnm\ncppnm «its amendment» fn2 cited=cppnm_amendment"},
		{"their Additional Protocols",
			"the Geneva Conventions of 12 August 19491 and their Additional Protocols,2 the" + notes("vol. 75, No. 970", "vol. 1125, No. 17512"),
			"geneva1949 fn1 cited=?\ngeneva1949 «their Additional Protocols» fn2 cited=ap1+ap1977"},
		{"a lower-case convention thereto is no back-reference",
			"the Convention on the Rights of the Child1 and the conventions thereto,2 and" + notes("vol. 1577, No. 27531", "vol. 2173, No. 27531"),
			"crc fn1 cited=crc"},
		{"its Amendment to another instrument is no back-reference",
			"the Kyoto Protocol1 and its Amendment to the Convention on the Rights of the Child,2 and" + notes("vol. 2303, No. 30822", "vol. 1577, No. 27531"),
			"kyoto fn1 cited=kyoto\ncrc fn2 cited=crc"},
		{"a marker inside a title, and one after the title inside it",
			"notes the entry into force of the Doha Amendment1 to the Kyoto Protocol2 on 31 December 2020" + notes("vol. 3260, No. 30822", "vol. 2303, No. 30822"),
			"doha fn1 cited=?\nkyoto fn2 cited=kyoto"},
		{"names that share the instrument word",
			"Stressing the importance of the treaties of Tlatelolco, 1 Rarotonga2 and Pelindaba 3 establishing zones" + notes("vol. 634, No. 9068", "vol. 1445, No. 24592", "vol. 1, No. 1"),
			"tlatelolco fn1 cited=tlatelolco\nrarotonga fn2 cited=rarotonga"},
		{"protocols thereto after a list: the one title with such protocols",
			"the International Covenant on Civil and Political Rights1 and the Convention on the Rights of the Child,2 as well as the Geneva Conventions of 12 August 19493 and the Additional Protocols thereto,4 Recalling" + notes("vol. 999, No. 14668", "vol. 1577, No. 27531", "vol. 75, No. 970", "vol. 1125, No. 17512"),
			"iccpr fn1 cited=iccpr+iccpr_op\ncrc fn2 cited=crc\ngeneva1949 fn3 cited=?\ngeneva1949 «the Additional Protocols thereto» fn4 cited=ap1+ap1977"},
		{"a marker after a title inside a registered title is the larger one's",
			"under article 34 of Additional Protocol I to the Geneva Conventions of 1949;1 and" + notes("vol. 1125, No. 17512"),
			"ap1 fn1 cited=ap1+ap1977\ngeneva1949"},
		{"another instrument between: no link",
			"the Convention on the Rights of the Child and the Global Plan of Action,1 and" + notes("vol. 1577, No. 27531"),
			"crc"},
		{"a new paragraph between: no link",
			"Recalling the Convention on the Rights of the Child, Welcoming the efforts of States,1" + notes("vol. 1577, No. 27531"),
			"crc"},
		{"a resolution between: no link",
			"the Convention on the Rights of the Child and its resolution 64/142,1" + notes("vol. 1577, No. 27531"),
			"crc"},
		{"a paragraph between: no link",
			"Recalling the Convention on the Rights of the Child\n\nIraq:1 draft resolution" + notes("vol. 1577, No. 27531"),
			"crc"},
		{"a marker that ends a paragraph is the paragraph's",
			"the Indigenous and Tribal Peoples Convention, 1989 (No. 169), of the International Labour Organization, [^1]\n\nRecalling the agreed conclusions,\n\n[^1]: United Nations, Treaty Series, vol. 1650, No. 28383.\n",
			"ilo_c169 fn1 cited=ilo_c169"},
		{"a page break is not a paragraph",
			"Recalling the Convention on the Rights of the Child and its appendix, as" + notes("vol. 1577, No. 2753") + "A/RES/80/1\n\n25-20760\n2/7\n\namended,1 and" + notes("vol. 1577, No. 27531"),
			"crc fn1 cited=crc"},
		{"a meeting of the parties to the treaty: the marker further on is the meeting's",
			"recalls decision X/29, adopted at the tenth meeting of the Conference of the Parties to the Convention on the Rights of the Child, held in Nagoya, Japan, from 18 to 29 October 2010, 1 in which" + notes("vol. 1249, No. 20378"),
			"crc"},
		{"a meeting of the treaty's parties, with a footnote on its outcome: the marker is the meeting's",
			"Recalling the Final Document of the 2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons,1 and" + docNote("2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons, Final Document, vol. I (NPT/CONF.2010/50 (Vol. I))."),
			"npt"},
		{"a meeting of the treaty's parties, with a Treaty Series footnote: the treaty's",
			"Recalling the 2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons,1 and" + notes("vol. 729, No. 10485"),
			"npt fn1 cited=npt"},
		{"a meeting of the treaty's parties, with another treaty's citation: linked, so the swap shows",
			"Recalling the 2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons,1 and" + notes("vol. 1577, No. 27531"),
			"npt fn1 cited=crc"},
		{"the Meeting of the Parties to an agreement",
			"the fifth session of the Conference of the Parties serving as the Meeting of the Parties to the Kyoto Protocol;1 Recalling" + docNote("FCCC/KP/CMP/2009/21/Add.1, decision 1/CMP.5."),
			"kyoto"},
		{"parties to the treaty, not a meeting of them: the treaty's",
			"Calls upon States parties to the Convention on the Rights of the Child1 to" + docNote("See resolution 44/25, annex."),
			"crc fn1"},
		{"States becoming parties: the marker past the title's trailer is the treaty's, so the swap shows",
			"2. Calls upon States to consider becoming parties to the Indigenous and Tribal Peoples Convention, 1989 (No. 169), of the International Labour Organization,1 and" + notes("vol. 1577, No. 27531"),
			"ilo_c169 fn1 cited=crc"},
		{"States parties, the same",
			"3. Invites States parties to the Indigenous and Tribal Peoples Convention, 1989 (No. 169), of the International Labour Organization,1 to" + notes("vol. 1650, No. 28383"),
			"ilo_c169 fn1 cited=ilo_c169"},
		{"a Meeting of States Parties: the marker past the title is the meeting's",
			"Welcoming the Fifth Meeting of States Parties to the Convention on the Rights of the Child, held in New York from 2 to 5 September 2014,1 and" + docNote("See CRC/SP/2014/9."),
			"crc"},
		{"the Conference of the States Parties: the same, though a Treaty Series footnote is the meeting's here",
			"Welcoming the Convention on the Elimination of All Forms of Discrimination against Women, adopted at the first session of the Conference of the States Parties to the Convention on the Rights of the Child, held in Geneva,1 and" + notes("vol. 1249, No. 20378"),
			"cedaw\ncrc"},
		{"the Meeting of the High Contracting Parties: the same",
			"Welcoming the Meeting of the High Contracting Parties to the Convention on the Rights of the Child, held in Geneva in 2015,1 and" + notes("vol. 1249, No. 20378"),
			"crc"},
		{"a Meeting of Contracting Parties: the same",
			"Welcoming the Meeting of Contracting Parties to the Convention on the Rights of the Child, held in Geneva in 2015,1 and" + notes("vol. 1249, No. 20378"),
			"crc"},
		{"the obligations of the States parties: States, not a meeting, so the swap shows",
			"Recalling the obligations of the States parties to the Convention on the Rights of the Child, as set out therein,1 and" + notes("vol. 1249, No. 20378"),
			"crc fn1 cited=cedaw"},
		{"the States parties, called upon: the treaty's",
			"Calls upon the States parties to the Indigenous and Tribal Peoples Convention, 1989 (No. 169), of the International Labour Organization,1 to" + notes("vol. 1650, No. 28383"),
			"ilo_c169 fn1 cited=ilo_c169"},
		{"the meeting of the parties: the same",
			"Welcoming the outcome of the meeting of the parties to the Convention on the Rights of the Child, held in Geneva in 2015,1 and" + docNote("See CRC/SP/2015/7."),
			"crc"},
		{"a document entitled with the treaty's name: the marker after the quotation is the document's",
			"its resolution 10/4 of 16 October 2020, entitled “Implementation of the Convention on the Rights of the Child”, adopted by the Conference at its tenth session,1 and" + docNote("See CTOC/COP/2020/10, sect. I.A."),
			"crc"},
		{"a document entitled with the treaty's name, with a Treaty Series footnote: the treaty's",
			"its resolution 10/4, entitled “Implementation of the Convention on the Rights of the Child”,1 and" + notes("vol. 1577, No. 27531"),
			"crc fn1 cited=crc"},
		{"amendments to the treaty, with a footnote on the amending resolution: the amendments'",
			"urges States to implement the amendments to the Convention on the Rights of the Child,1 and" + docNote("International Maritime Organization, resolution MSC.155(78)."),
			"crc"},
		{"amendments to the treaty, with another treaty's citation: linked, so the swap shows",
			"urges States to implement the amendments to the Convention on the Rights of the Child,1 and" + notes("vol. 1249, No. 20378"),
			"crc fn1 cited=cedaw"},
		{"amendments to one treaty and to another: the amendments'",
			"the implementation of the amendments to the Convention on the Rights of the Child1 and to the Convention on the Elimination of All Forms of Discrimination against Women,2 and" + "\n_______________\n\n1 International Maritime Organization, document MSC 78/26/Add.1, annex 5, resolution MSC.155(78).\n\n2 Ibid., annex 3, resolution MSC.153(78).\n",
			"crc\ncedaw"},
		{"a report on the treaty: the report's",
			"Takes note of the report of the Secretary-General on the implementation of resolution 79/207 on the Convention on the Rights of the Child,1" + docNote("A/80/373, sect. II."),
			"crc"},
		{"a report of a treaty's body: the report's",
			"Takes note of the report of the Executive Secretary of the Convention on the Rights of the Child;1" + docNote("A/80/373, sect. III."),
			"crc"},
		{"a report, then a comma and the treaty: the treaty's",
			"Takes note of the report of the Secretary-General, and reaffirms the Convention on the Rights of the Child,1" + docNote("See resolution 44/25, annex."),
			"crc fn1"},
		{"a court case named after the treaty: the case's",
			"Recalling the judgment of the Court in Application of the Convention on the Rights of the Child (Ruritania v. Freedonia),1" + docNote("See Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 4 (A/79/4), chap. V, sect. A."),
			"crc"},
		{"a marker inside a title, with a footnote on a document",
			"notes the entry into force of the Doha Amendment1 to the Kyoto Protocol on 31 December 2020" + docNote("FCCC/KP/CMP/2012/13/Add.1, decision 1/CMP.8."),
			"doha fn1"},
		{"a footnote that explains, with no number: no link",
			"the four core principles recognized in the Convention on the Rights of the Child1 should serve" + docNote("Non-discrimination, the best interests of the child, the right to survival and development, and the right to participation."),
			"crc"},
		{"a footnote that names the treaty's annexes is a citation",
			"under the Convention on the Rights of the Child, as amended,1 as well as" + docNote("Convention on the Rights of the Child, annex IV (Regulations) and annex V (Regulations)."),
			"crc fn1"},
		{"a bare Ibid. is a citation",
			"the Convention on the Rights of the Child,1 and the Convention on the Rights of the Child,2" + "\n_______________\n\n1 See resolution 44/25, annex.\n\n2 Ibid.\n",
			"crc fn1\ncrc fn2 cited=?"},
		{"far from the title, a footnote that cites no Treaty Series is the phrase's",
			"Recognizing the Convention on the Rights of the Child as the cornerstone of the international legal regime governing the rights of children,1 and" + docNote("Resolution 79/1, action 56."),
			"crc"},
		{"far from the title, a Treaty Series footnote is the title's",
			"Recognizing the Convention on the Rights of the Child as the cornerstone of the international legal regime governing the rights of children,1 and" + notes("vol. 1577, No. 27531"),
			"crc fn1 cited=crc"},
		{"far from a convention an agreement was adopted under: the agreement's adopting decision",
			"the Paris Agreement adopted under the United Nations Framework Convention on Climate Change in December 2015 1 and relevant initiatives" + docNote("See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex."),
			"paris fn1\nunfccc"},
		{"a short name with its year in parentheses: the marker is the title's",
			"Recalling the Convention relating to the Status of Refugees (the “1951 Convention”)1 and the Protocol relating to the Status of Refugees (the “1967 Protocol”),2 and" + notes("vol. 189, No. 2545", "vol. 606, No. 8791"),
			"refugees fn1 cited=refugees\nrefugees\nrefugee_protocol fn2 cited=refugee_protocol\nrefugee_protocol"},
		{"an alias in parentheses: the marker is the title's",
			"the Kyoto Protocol to the United Nations Framework Convention on Climate Change (Kyoto Protocol)1 and" + notes("vol. 2303, No. 30822"),
			"kyoto fn1 cited=kyoto\nkyoto"},
		{"the Optional Protocol thereto, described",
			"Recalling the Convention on the Rights of the Child1 and the Optional Protocol thereto on the involvement of children in armed conflict,2 and" + notes("vol. 1577, No. 27531", "vol. 2173, No. 27531"),
			"crc fn1 cited=crc\ncrc «the Optional Protocol thereto on the involvement of children in armed conflict» fn2 cited=crc_opac"},
		{"thereto, then a title: not a description",
			"Recalling the Convention on the Rights of the Child1 and the Optional Protocol thereto on the Convention on the Elimination of All Forms of Discrimination against Women,2 and" + notes("vol. 1577, No. 27531", "vol. 1249, No. 20378"),
			"crc fn1 cited=crc\ncedaw fn2 cited=cedaw"},
		{"thereto, then \"and to\" other instruments: no words that refer back",
			"Calling upon States to become parties to the Convention on the Rights of the Child and the Optional Protocol thereto and to the other relevant instruments,1" + notes("vol. 999, No. 14668"),
			"crc"},
		{"a title in parentheses after the marker, inside a quotation (no panic)",
			"Recalling its resolution 70/1 entitled “Transforming our world,1 (the Convention on the Rights of the Child)”, and other texts," + docNote("See resolution 70/1."),
			"crc fn1"},
		{"overlapping mentions before words that refer back (no panic)",
			"Recalling the Convention on the Rights of the Child of 1989 Protocol and the Convention on the Elimination of All Forms of Discrimination against Women and the Optional Protocols thereto,1" + docNote("See A/79/338."),
			"crc\n-\ncedaw\ncedaw «the Optional Protocols thereto» fn1"},
		{"a quotation not after \"entitled\": the treaty's",
			"the Convention on the Rights of the Child (“the Convention”),1 and" + docNote("See resolution 44/25, annex."),
			"crc fn1"},
		{"an agreement adopted under a convention: the marker is the agreement's",
			"the Paris Agreement adopted under the United Nations Framework Convention on Climate Change,1 and" + notes("vol. 3156, No. 54113"),
			"paris fn1 cited=paris\nunfccc"},
		{"an agreement adopted under a convention, with a footnote on a document",
			"the Paris Agreement, adopted under the United Nations Framework Convention on Climate Change, 1 and" + docNote("See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex."),
			"paris fn1\nunfccc"},
		{"an agreement adopted under a convention, with a footnote on the convention: the convention's",
			"the Paris Agreement adopted under the United Nations Framework Convention on Climate Change,1 and" + notes("vol. 1771, No. 30822"),
			"paris\nunfccc fn1 cited=unfccc"},
		{"an agreement adopted under a convention, with a third treaty's citation: the agreement's, so the swap shows",
			"the Paris Agreement adopted under the United Nations Framework Convention on Climate Change,1 and" + notes("vol. 1577, No. 27531"),
			"paris fn1 cited=crc\nunfccc"},
		{"an agreement with its own marker: the convention's",
			"the Paris Agreement,1 adopted under the United Nations Framework Convention on Climate Change,2 and" + notes("vol. 3156, No. 54113", "vol. 1771, No. 30822"),
			"paris fn1 cited=paris\nunfccc fn2 cited=unfccc"},
		{"a footnote that gives the adopting resolution first, then the Treaty Series",
			"Recalling the Convention on the Rights of the Child,1 and\n_______________\n\n1 Resolution 44/25, annex; United Nations, Treaty Series, vol. 1577, No. 27531.\n",
			"crc fn1 cited=crc"},
		{"the adopting resolution, then \"see\" and the Treaty Series",
			"Recalling the Convention on the Rights of the Child,1 and" + docNote("Resolution 44/25, annex; see United Nations, Treaty Series, vol. 1249, No. 20378."),
			"crc fn1 cited=cedaw"},
		{"a clause on the adoption, then the Treaty Series",
			"Recalling the Convention on the Rights of the Child,1 and" + docNote("Adopted by the General Assembly in its resolution 44/25 of 20 November 1989; see United Nations, Treaty Series, vol. 1249, No. 20378."),
			"crc fn1 cited=cedaw"},
		{"a clause on the adopting resolution and its annex, then the Treaty Series",
			"Recalling the Convention on the Rights of the Child,1 and" + docNote("Adopted by the General Assembly in resolution 44/25 (annex); see United Nations, Treaty Series, vol. 1249, No. 20378."),
			"crc fn1 cited=cedaw"},
		{"a clause on the entry into force or the signature, then the Treaty Series",
			"Recalling the Convention on the Rights of the Child,1 and the Convention on the Elimination of All Forms of Discrimination against Women,2" +
				docNote("Entered into force on 2 September 1990; see United Nations, Treaty Series, vol. 1249, No. 20378.\n2 Signed on 1 March 1980; see United Nations, Treaty Series, vol. 1577, No. 27531."),
			"crc fn1 cited=cedaw\ncedaw fn2 cited=crc"},
		{"a clause on the entry into force that goes on to another instrument: not the title's citation",
			"Recalling the Convention on the Rights of the Child,1 and" + docNote("Entered into force on 2 September 1990; the Convention on the Elimination of All Forms of Discrimination against Women entered into force on 3 September 1981; see United Nations, Treaty Series, vol. 1249, No. 20378."),
			"crc fn1"},
		{"\"For the text, see\" and the Treaty Series",
			"Recalling the Convention on the Rights of the Child,1 and" + docNote("For the text, see United Nations, Treaty Series, vol. 1577, No. 27531."),
			"crc fn1 cited=crc"},
		{"a clause on the adoption that names another treaty in parentheses: not the title's citation",
			"Recalling the Convention on the Rights of the Child,1 and" + docNote("Adopted at the meeting of the parties to the Convention on the Elimination of All Forms of Discrimination against Women (United Nations, Treaty Series, vol. 1249, No. 20378)."),
			"crc fn1"},
		{"a footnote that gives a report first: its citation documents something else",
			"Recalling the Convention on the Rights of the Child,1 and\n_______________\n\n1 See A/80/123, para. 4, annex; United Nations, Treaty Series, vol. 1577, No. 27531.\n",
			"crc fn1"},
		{"a sentence between: no link",
			"the Convention on the Rights of the Child. The States Parties,1" + notes("vol. 1577, No. 27531"),
			"crc"},
		{"a title that ends with another's year, written \"of 1961\" for \", 1961\": the whole title is linked",
			"Recalling the 1972 Protocol Amending the Single Convention on Narcotic Drugs of 1961,1 and" + notes("vol. 1019, No. 14956"),
			"protocol fn1 cited=psychotropic"},
		{"footnotes labelled N/, as until the 1990s: each title linked, Ibid. read, so a swap shows",
			"Recalling the Single Convention on Narcotic Drugs, 1961,1/ the Convention on Psychotropic\nSubstances of 1971, 2/ and the Convention on the Rights of the Child, 3/\n\n" +
				"1/ United Nations, Treaty Series, vol. 520, No. 7515.\n\n2/ Ibid., vol. 1577, No. 27531.\n\n3/ Ibid., vol. 1019, No. 14956.\n",
			"single fn1 cited=single\npsychotropic fn2 cited=crc\ncrc fn3 cited=psychotropic"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, res := run(t, x, tt.in)
			if got := links(res); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestListedWith: the titles listed before a marked title, with no marker
// of their own, share its footnote; one footnoted earlier does not.
func TestListedWith(t *testing.T) {
	x := testExtractor(t)
	tests := []struct{ name, in, want string }{
		{"a list of titles under one marker",
			"Recalling the International Covenant on Civil and Political Rights, the Convention on the Elimination of All Forms of Discrimination against Women and the Convention on the Rights of the Child,1 and" +
				notes("vol. 999, No. 14668; vol. 1249, No. 20378; and vol. 1577, No. 27531"),
			"crc with cedaw iccpr"},
		{"the titles of an elliptic list of protocols",
			"Recalling the Optional Protocols to the International Covenant on Civil and Political Rights, to the Convention on the Elimination of All Forms of Discrimination against Women and to the Convention on the Rights of the Child,1" +
				notes("vol. 999, No. 14668; vol. 2131, No. 20378; and vol. 2173, No. 27531"),
			"crc with cedaw iccpr"},
		{"a title footnoted before is not in the list",
			"Recalling the International Covenant on Civil and Political Rights,1 and reaffirming the International Covenant on Civil and Political Rights and the Convention on the Rights of the Child,2 and" +
				notes("vol. 999, No. 14668", "vol. 1577, No. 27531"),
			""},
		{"an ILO convention's title with the Organization's name, in the list",
			"Taking into account the Indigenous and Tribal Peoples Convention, 1989 (No. 169), of the International Labour Organization and the Convention on the Rights of the Child,1 as well as" +
				notes("vol. 1650, No. 28383; and vol. 1577, No. 27531"),
			"crc with ilo_c169"},
		{"the same across a line, with a comma after the Organization",
			"Taking into account the Indigenous and Tribal Peoples Convention, 1989 (No. 169), of the International Labour\nOrganization, and the Convention on the Rights of the Child,1 as well as" +
				notes("vol. 1650, No. 28383; and vol. 1577, No. 27531"),
			"crc with ilo_c169"},
		{"words between end the list",
			"Recalling the International Covenant on Civil and Political Rights, which entered into force, and the Convention on the Rights of the Child,1 and" +
				notes("vol. 1577, No. 27531"),
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, res := run(t, x, tt.in)
			var got []string
			for _, m := range res.Mentions {
				if len(m.With) == 0 {
					continue
				}
				s := m.Treaty.ID + " with"
				for _, w := range m.With {
					s += " " + w.Treaty.ID
				}
				got = append(got, s)
			}
			if g := strings.Join(got, "\n"); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}
