#!/usr/bin/env bash
# format-equivalence.sh — show that a document gives citecheck the same
# findings and the same references whatever its format.
#
#   scripts/format-equivalence.sh [N]
#   scripts/format-equivalence.sh --fixtures
#
# For every text file of the regression corpus (testdata/corpus/*/*.txt and
# *.md), or a sample of N of them drawn evenly from its folders, it
#   1. writes a flat OpenDocument text (.fodt) in which each footnote
#      marker citecheck recognises in the text (a superscript ³, a Markdown
#      [^3], digits glued to a word as PDF extraction leaves them) is a real
#      footnote holding that footnote's text, footnote blocks and rules are
#      gone and paragraphs cut by a page break are whole again
#      (internal/formateq, formateq.FODT);
#   2. converts it with LibreOffice to .docx and to PDF;
#   3. runs citecheck check and citecheck refs (--format json) on the text,
#      the .docx and the PDF, and compares the .docx and PDF results with
#      the text's: findings by (rule, found, expected, treaty), references
#      by kind and what they cite (treaty, year, volume, number, symbol,
#      date, footnote …) as multisets. Positions are not compared.
# It prints, per format, the documents compared, identical and differing,
# and the first differences; every difference is in WORK/docx.diff and
# WORK/pdf.diff. Exit status 1 when a document differs.
#
# Needs soffice (apt-get install -y libreoffice-writer) and pdftotext
# (apt-get install -y poppler-utils). Generated files go to WORK
# (default /tmp/citecheck-formateq, emptied first; FORMATEQ_WORK overrides),
# never into the repository. FORMATEQ_JOBS (default 2) LibreOffice
# processes run at once. The whole corpus (1,092 texts) takes about three
# minutes on two cores.
# Not part of CI: internal/formateq's test runs the same comparison on the
# fixtures in testdata/formateq. --fixtures remakes those: it converts the
# texts there (*.txt, *.md) and writes NAME.docx and NAME.pdf beside them
# (LibreOffice stamps the time in them, so their bytes change every run).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$root/testdata/corpus
work=${FORMATEQ_WORK:-/tmp/citecheck-formateq}
jobs=${FORMATEQ_JOBS:-2}
n=${1:-0}
fixtures=
if [ "$n" = --fixtures ]; then
	fixtures=$root/testdata/formateq n=0
fi
case $n in *[!0-9]*) echo "usage: $0 [N | --fixtures]" >&2; exit 2 ;; esac
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-writer" >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "pdftotext not found: apt-get install -y poppler-utils" >&2; exit 2; }
case $work in /|"$root"|"$root"/*) echo "FORMATEQ_WORK must be outside the repository" >&2; exit 2 ;; esac

rm -rf "$work"
mkdir -p "$work/bin" "$work/fodt" "$work/docx" "$work/pdf"
(cd "$root" && go build -o "$work/bin/citecheck" ./cmd/citecheck && go build -o "$work/bin/formateq" ./internal/formateq/cmd/formateq)

# The files: all, or N drawn in turn from each folder (in a fixed
# pseudo-random order within a folder, so a sample is the same every run).
find "${fixtures:-$corpus}" -type f \( -name '*.txt' -o -name '*.md' \) | LC_ALL=C sort >"$work/all.list"
if [ "$n" -gt 0 ]; then
	awk -v seed=1 'BEGIN { srand(seed) } {
		d = $0; sub(/\/[^\/]*$/, "", d); sub(/.*\//, "", d)
		printf "%s\t%.9f\t%s\n", d, rand(), $0 }' "$work/all.list" | LC_ALL=C sort -t "$(printf '\t')" -k1,1 -k2,2 |
		awk -F'\t' '{ print ++i[$1] "\t" $1 "\t" $3 }' | LC_ALL=C sort -n -k1,1 -k2,2 |
		awk -F'\t' -v n="$n" 'NR <= n { print $3 }' | LC_ALL=C sort >"$work/files.list"
else
	cp "$work/all.list" "$work/files.list"
fi
echo "$(wc -l <"$work/files.list") text files; work folder $work"

start=$SECONDS
xargs -a "$work/files.list" -d '\n' "$work/bin/formateq" fodt -o "$work/fodt" >"$work/docs.tsv"

# LibreOffice, in batches, FORMATEQ_JOBS at once, each with its own profile.
export work
find "$work/fodt" -name '*.fodt' | LC_ALL=C sort |
	xargs -d '\n' -n 40 -P "$jobs" --process-slot-var=SLOT bash -c '
		for to in "docx:MS Word 2007 XML:docx" "pdf:writer_pdf_Export:pdf"; do
			timeout 600 soffice -env:UserInstallation="file://$work/profile-$SLOT" --headless \
				--convert-to "${to%:*}" --outdir "$work/${to##*:}" "$@" >>"$work/soffice-$SLOT.log" 2>&1 ||
				echo "soffice failed on a batch (see $work/soffice-$SLOT.log)" >&2
		done' _
echo "converted to .docx and PDF in $((SECONDS - start)) s: $(find "$work/docx" -name '*.docx' | wc -l) .docx, $(find "$work/pdf" -name '*.pdf' | wc -l) PDF"
if [ -n "$fixtures" ]; then
	for f in "$work"/docx/*.docx "$work"/pdf/*.pdf; do
		b=$(basename "$f")
		cp "$f" "$fixtures/${b#formateq__}"
		echo "wrote testdata/formateq/${b#formateq__} ($(wc -c <"$f") bytes)"
	done
fi

# citecheck exits 3 when a file cannot be read: that is reported, not fatal.
cite() { "$work/bin/citecheck" "$@" --no-config --format json || [ $? -eq 3 ]; }
export -f cite
xargs -a "$work/files.list" -d '\n' bash -c 'cite check --fail-on never "$@"' _ >"$work/text.check.json"
xargs -a "$work/files.list" -d '\n' bash -c 'cite refs "$@"' _ >"$work/text.refs.json"
for f in docx pdf; do
	cite check --fail-on never "$work/$f" >"$work/$f.check.json"
	cite refs "$work/$f" >"$work/$f.refs.json"
done
echo "checked in $((SECONDS - start)) s"
"$work/bin/formateq" compare -show "${FORMATEQ_SHOW:-8}" -diffs "$work" "$work/docs.tsv" "$work"
