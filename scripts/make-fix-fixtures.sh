#!/usr/bin/env bash
# make-fix-fixtures.sh — rebuild testdata/fix/: ten Word documents made
# from regression corpus texts with citation errors injected, on which the
# tests of check --fix, --diff and --annotate run (pkg/cli/docx_fix_test.go).
#
#   scripts/make-fix-fixtures.sh
#
# Each text gets up to three errors, injected as ../shared/eval/mutate.py
# does (internal/mutate, seed 7): a treaty's year, one digit of a Treaty
# Series volume or number, a footnote's pair swapped for another treaty's.
# It is then written as a flat OpenDocument text with real footnotes
# (internal/formateq) and converted to .docx by LibreOffice. What was
# injected is in testdata/fix/truth.jsonl.
# Needs soffice (apt-get install -y libreoffice-writer-nogui). LibreOffice
# stamps the time in the files, so their bytes change on every run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/testdata/fix
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-writer-nogui" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Drafts whose injected errors have certain fixes: Treaty Series citations
# in footnotes, and two Security Council resolutions for years in the text.
files=(
  ga-80-drafts/A_C.1_80_L.4.txt ga-80-drafts/A_C.2_80_L.19.txt ga-80-drafts/A_C.3_80_L.19.txt
  ga-80-drafts/A_80_L.9.txt ga-80-drafts/A_C.1_80_L.49.txt ga-80-drafts/A_C.2_80_L.23.txt
  ga-80-drafts/A_C.2_80_L.40.txt ga-80-drafts/A_C.4_80_L.19.txt
  sc-gold/S_RES_0307_1971.txt sc-gold/S_RES_0540_1983.txt
)
cd "$root"
go run ./internal/mutate/cmd/inject -seed 7 -per-doc 3 -o "$work" "${files[@]/#/testdata/corpus/}"
soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir "$work" "$work"/*.fodt >/dev/null 2>&1
mkdir -p "$out"
rm -f "$out"/*.docx
cp "$work"/*.docx "$work"/truth.jsonl "$out"/
ls -l "$out"
