#!/bin/sh
# Measures pkg/pdftext against a folder of PDFs, beside plain pdftotext
# -layout, reading order and -raw: each text goes through pkg/document,
# which reports how many footnotes it finds, how many a body marker links
# to, and how many "Treaty Series, vol. N, No. M" citations end up in a
# linked footnote (the numbers quoted in pkg/pdftext/doc.go).
#
#   scripts/pdf-compare.sh [PDF-FOLDER [TEXT-VERSIONS-FOLDER [DUMP-FOLDER]]]
#
# PDF-FOLDER defaults to the shared corpus of General Assembly resolutions
# (../shared/corpus/ga-80-pdf beside the repository); TEXT-VERSIONS-FOLDER
# (default ../shared/corpus/ga-80-md) holds Markdown versions whose
# "[^n]:" footnotes are compared; DUMP-FOLDER, if given, receives every
# text (NAME.view.txt, NAME.layout.txt, …) for a look by eye.
# Needs pdftotext (apt-get install poppler-utils).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared/corpus"
CITECHECK_PDF_CORPUS=$(cd "${1:-$shared/ga-80-pdf}" && pwd)
CITECHECK_PDF_TEXTS=${2:-$shared/ga-80-md}
CITECHECK_PDF_DUMP=${3:-}
if [ -n "$CITECHECK_PDF_DUMP" ]; then
	mkdir -p "$CITECHECK_PDF_DUMP"
	CITECHECK_PDF_DUMP=$(cd "$CITECHECK_PDF_DUMP" && pwd)
fi
[ -d "$CITECHECK_PDF_TEXTS" ] && CITECHECK_PDF_TEXTS=$(cd "$CITECHECK_PDF_TEXTS" && pwd)
export CITECHECK_PDF_CORPUS CITECHECK_PDF_TEXTS CITECHECK_PDF_DUMP
cd "$root"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
if ! go test -count=1 -run '^TestCorpus$' -v ./pkg/pdftext/ >"$out" 2>&1; then
	cat "$out"
	exit 1
fi
sed -n 's/^ *corpus_test.go:[0-9]*: //p' "$out"
