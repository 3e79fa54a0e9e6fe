#!/usr/bin/env bash
# make-docx-fixtures.sh — rebuild the .docx test fixtures of pkg/docx with a
# real word processor (LibreOffice), so the reader is tested on files that a
# word processor wrote, not only on hand-written XML.
#
#   scripts/make-docx-fixtures.sh [SEED.txt]
#
# Needs soffice (Debian: apt-get install -y libreoffice-writer) and python3.
# SEED.txt defaults to ../shared/examples/ccpcj-draft-links-crime-terrorism.txt.
# Writes, in pkg/docx/testdata/:
#   seed.docx        the seed draft with real footnotes: each superscript
#                    marker (¹ ² …) becomes a footnote holding the matching
#                    footnote line, footnote blocks at page breaks are
#                    removed and the body paragraphs they cut are joined,
#                    "*…*" becomes italics, "1. " before an operative
#                    paragraph becomes "1.<tab>" as UN drafts type it;
#   features.docx    tracked changes (an insertion, a deletion, a deleted
#                    paragraph mark), a table, a hyperlink, fields, a word
#                    split across runs, smart quotes, dashes, a no-break
#                    space, a superscript that is not a footnote, a line
#                    break, a tab, a comment, an automatic numbered list,
#                    a footnote and an endnote;
#   custommark.docx  footnotes with automatic numbers around one with a
#                    custom mark ("*").
# and, in pkg/htmltext/testdata/, seed-libreoffice.html: seed.docx saved as
# HTML by LibreOffice, whose text view must equal seed.docx's.
# LibreOffice stamps the files with the time, so the bytes change on every
# run while the text views do not.
# Then run: go test ./pkg/docx ./pkg/htmltext -run Golden -update
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
seed=${1:-$root/../shared/examples/ccpcj-draft-links-crime-terrorism.txt}
out=$root/pkg/docx/testdata
htmlout=$root/pkg/htmltext/testdata
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-writer" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 not found" >&2; exit 1; }
[ -r "$seed" ] || { echo "cannot read seed draft $seed" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Everything a .fodt needs before the body; $1 adds automatic styles.
head_fodt() {
cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Footnote" style:family="paragraph" style:class="extra"/>
  <style:style style:name="Endnote" style:family="paragraph" style:class="extra"/>
  <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
  <text:notes-configuration text:note-class="endnote" style:num-format="i" text:start-value="0"/>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
  <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
  $1
 </office:automatic-styles>
 <office:body>
EOF
}
tail_fodt() {
cat <<'EOF'
 </office:body>
</office:document>
EOF
}

# (1) The seed draft, with real footnotes.
python3 - "$seed" >"$work/seed.body" <<'PY'
import re, sys, html

SUP = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
sup_run = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")

def inline(s):
    """Escape s and turn *…* into italic spans."""
    out = []
    for i, part in enumerate(re.split(r"\*([^*]+)\*", s)):
        part = html.escape(part, quote=False)
        out.append(f'<text:span text:style-name="I">{part}</text:span>' if i % 2 else part)
    return "".join(out)

paras = [p.strip() for p in open(sys.argv[1], encoding="utf-8").read().split("\n\n") if p.strip()]
notes, body = {}, []
joinable = False  # the last body paragraph was cut by a footnote block
after_block = False
for p in paras:
    m = re.match(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+) (.*)$", p, re.S)
    if m:
        notes["".join(SUP[c] for c in m.group(1))] = m.group(2)
        after_block = True
        continue
    if after_block and body and re.search(r"[A-Za-z]$", body[-1]):
        body[-1] += " " + p
    else:
        body.append(p)
    after_block = False

out = []
for i, p in enumerate(body):
    style = "Title" if i == 0 else "Standard"
    m = re.match(r"^(\d+)\. (.*)$", p, re.S)
    prefix = ""
    if m:
        prefix, p = m.group(1) + ".<text:tab/>", m.group(2)
    pieces, last = [], 0
    for s in sup_run.finditer(p):
        n = "".join(SUP[c] for c in s.group())
        pieces.append(inline(p[last:s.start()]))
        pieces.append(
            f'<text:note text:id="ftn{n}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation>'
            f'<text:note-body><text:p text:style-name="Footnote">{inline(notes.pop(n))}</text:p></text:note-body></text:note>')
        last = s.end()
    pieces.append(inline(p[last:]))
    out.append(f'<text:p text:style-name="{style}">{prefix}{"".join(pieces)}</text:p>')
if notes:
    sys.exit(f"footnotes without a marker: {sorted(notes)}")
print("  <office:text>\n   " + "\n   ".join(out) + "\n  </office:text>")
PY
{ head_fodt ""; cat "$work/seed.body"; tail_fodt; } >"$work/seed.fodt"

# (2) Word-processor features the reader must handle.
{ head_fodt '<text:list-style style:name="L1">
   <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab"/></style:list-level-properties></text:list-level-style-number>
   <text:list-level-style-number text:level="2" style:num-format="a" style:num-prefix="(" style:num-suffix=")"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab"/></style:list-level-properties></text:list-level-style-number>
  </text:list-style>
  <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard" style:list-style-name="L1"/>
  <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16cm"/></style:style>'
cat <<'EOF'
  <office:text>
   <text:tracked-changes text:track-changes="true">
    <text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>Delegation A</dc:creator><dc:date>2024-04-01T10:00:00</dc:date></office:change-info><text:p>1954</text:p></text:deletion></text:changed-region>
    <text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>Delegation A</dc:creator><dc:date>2024-04-01T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
    <text:changed-region text:id="ct3"><text:insertion><office:change-info><dc:creator>Delegation B</dc:creator><dc:date>2024-04-02T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
    <text:changed-region text:id="ct4"><text:deletion><office:change-info><dc:creator>Delegation B</dc:creator><dc:date>2024-04-02T11:00:00</dc:date></office:change-info><text:p/><text:p/></text:deletion></text:changed-region>
   </text:tracked-changes>
   <text:p text:style-name="Title">Features of a draft resolution</text:p>
   <text:p text:style-name="Standard">Recalling the Single Convention on Narcotic Drugs of <text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>1961<text:change-end text:change-id="ct2"/> as amended by the 1972 Protocol,<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">United Nations, <text:span text:style-name="I">Treaty Series</text:span>, vol. 976, No. 14152.</text:p></text:note-body></text:note> and the <text:change-start text:change-id="ct3"/>United Nations <text:change-end text:change-id="ct3"/>Conven<text:span text:style-name="B">tion</text:span> against Corruption,</text:p>
   <text:p text:style-name="Standard">Taking note of the report entitled “Preventing and combating corrupt practices” — and of its ‘annex’ – of 20 December 2010, with 1&#160;000 pages, 10 m<text:span text:style-name="Sup">2</text:span> of tables and the 1<text:span text:style-name="Sup">st</text:span> edition,<office:annotation><dc:creator>Reviewer</dc:creator><text:p>Check this date.</text:p></office:annotation></text:p>
   <text:p text:style-name="Standard">See the <text:a xlink:type="simple" xlink:href="https://treaties.un.org/">United Nations Treaty Collection</text:a> and page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>1</text:page-count>;<text:line-break/>second line<text:tab/>after a tab.<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p text:style-name="Endnote">An endnote, in General Assembly resolution 65/169.</text:p></text:note-body></text:note></text:p>
   <text:p text:style-name="Standard">Recalling also the <text:change text:change-id="ct4"/>Convention on the Rights of the Child,</text:p>
   <table:table table:name="Parties" table:style-name="Tbl">
    <table:table-column table:number-columns-repeated="2"/>
    <table:table-row><table:table-cell office:value-type="string"><text:p>Instrument</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Treaty Series</text:p></table:table-cell></table:table-row>
    <table:table-row><table:table-cell office:value-type="string"><text:p>Convention on Psychotropic Substances of 1971</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>vol. 1019, No. 14956</text:p><text:p>(second paragraph in a cell)</text:p></table:table-cell></table:table-row>
   </table:table>
   <text:list text:style-name="L1">
    <text:list-item><text:p text:style-name="P1"><text:span text:style-name="I">Expresses</text:span> its concern;</text:p>
     <text:list><text:list-item><text:p text:style-name="P1">first subparagraph;</text:p></text:list-item><text:list-item><text:p text:style-name="P1">second subparagraph;</text:p></text:list-item></text:list>
    </text:list-item>
    <text:list-item><text:p text:style-name="P1"><text:span text:style-name="I">Calls upon</text:span> States to act.</text:p></text:list-item>
   </text:list>
  </office:text>
EOF
tail_fodt; } >"$work/features.fodt"

# (3) A custom footnote mark between numbered footnotes.
{ head_fodt ""
cat <<'EOF'
  <office:text>
   <text:p text:style-name="Standard">The draft<text:note text:id="ftn0" text:note-class="footnote"><text:note-citation text:label="*">*</text:note-citation><text:note-body><text:p text:style-name="Footnote">Reissued for technical reasons on 2 May 2024.</text:p></text:note-body></text:note> recalls the Convention on the Rights of the Child<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">United Nations, <text:span text:style-name="I">Treaty Series</text:span>, vol. 1577, No. 27531.</text:p></text:note-body></text:note> and its Optional Protocols.<text:note text:id="ftn2" text:note-class="footnote"><text:note-citation>2</text:note-citation><text:note-body><text:p text:style-name="Footnote"><text:span text:style-name="I">Ibid.</text:span>, vols. 2171 and 2173, No. 27531.</text:p></text:note-body></text:note></text:p>
  </office:text>
EOF
tail_fodt; } >"$work/custommark.fodt"

for f in seed features custommark; do
	soffice -env:UserInstallation="file://$work/profile" --headless \
		--convert-to 'docx:MS Word 2007 XML' --outdir "$work/out" "$work/$f.fodt" >"$work/soffice.log" 2>&1 ||
		{ cat "$work/soffice.log" >&2; exit 1; }
	[ -s "$work/out/$f.docx" ] || { echo "soffice did not write $f.docx" >&2; cat "$work/soffice.log" >&2; exit 1; }
	cp "$work/out/$f.docx" "$out/$f.docx"
	echo "wrote ${out#"$root"/}/$f.docx ($(wc -c <"$out/$f.docx") bytes)"
done

soffice -env:UserInstallation="file://$work/profile" --headless \
	--convert-to 'html:HTML (StarWriter)' --outdir "$work/html" "$out/seed.docx" >"$work/soffice.log" 2>&1 ||
	{ cat "$work/soffice.log" >&2; exit 1; }
mkdir -p "$htmlout"
cp "$work/html/seed.html" "$htmlout/seed-libreoffice.html"
echo "wrote ${htmlout#"$root"/}/seed-libreoffice.html ($(wc -c <"$htmlout/seed-libreoffice.html") bytes)"
