#!/bin/sh
# Regenerates the LibreOffice fixture PDFs of pkg/pdftext from their flat
# ODT sources (draft.fodt, continued.fodt: real footnotes, a running
# header, job and page numbers in the footer, a sentence and a footnote
# area broken across pages), then the golden text views.
#
# Needs soffice (apt-get install libreoffice-writer) and pdftotext
# (apt-get install poppler-utils). The official PDFs beside them
# (A_RES_80_*.pdf) are copies from shared/corpus/ga-80-pdf, not generated.
set -eu
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for f in draft continued; do
	soffice --headless --convert-to pdf --outdir "$out" "$f.fodt" >/dev/null
	cp "$out/$f.pdf" "$f.pdf"
done
cd ..
go test -run 'TestGolden' -update .
