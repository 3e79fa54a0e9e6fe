#!/usr/bin/env bash
# html-report-screenshot.sh — regenerate docs/html-report.png, the
# screenshot of the HTML report that the README shows: the report of the
# regression corpus plus the synthetic benchmark sample (whose injected
# errors fill the per-treaty chart), opened in headless Chromium.
#
# Needs chromium (Debian package "chromium"); CHROMIUM=path overrides.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$CHROMIUM" ]; then
	echo "$0: no chromium (apt-get install chromium, or set CHROMIUM)" >&2
	exit 2
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
go build -o "$WORK/citecheck" ./cmd/citecheck
# Exit 1 (findings) is expected.
"$WORK/citecheck" check --no-config -q -o "html=$WORK/report.html" testdata/corpus testdata/synthetic/flat > /dev/null || [ $? -eq 1 ]
"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$WORK/profile" --hide-scrollbars --window-size=1200,900 \
	--screenshot="$ROOT/docs/html-report.png" "file://$WORK/report.html" 2> /dev/null
ls -l "$ROOT/docs/html-report.png"
