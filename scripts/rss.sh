#!/usr/bin/env bash
# Peak memory of a whole-archive run, at several corpus sizes: it must stay
# flat (under 64 MB) however large the archive is.
#
#   scripts/rss.sh [SIZE ...]        default: 10MB 100MB 1GB
#
# Builds deterministic corpora with ../shared/bench/gen_corpus.py under
# $WORK (default /tmp/citecheck-rss; 1GB needs ~1 GB of disk and a few
# minutes) and runs `citecheck check --format json` under /usr/bin/time -v.
# Not run by CI.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH:-$here/../shared/bench}
WORK=${WORK:-/tmp/citecheck-rss}
mkdir -p "$WORK"
go build -o "$WORK/citecheck" "$here/cmd/citecheck"
[ $# -gt 0 ] || set -- 10MB 100MB 1GB
printf '%-8s %8s %10s %10s %10s\n' size files seconds "peak RSS" findings
for size in "$@"; do
  dir="$WORK/$size"
  python3 "$BENCH/gen_corpus.py" --out "$dir" --size "$size" >/dev/null
  set +e
  /usr/bin/time -v -o "$dir/time.txt" "$WORK/citecheck" check --format json "$dir/corpus" > "$dir/out.json"
  set -e
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f MB", $2/1024}' "$dir/time.txt")
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/time.txt")
  files=$(find "$dir/corpus" -type f | wc -l)
  findings=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print(s["errors"]+s["warnings"]+s["infos"])' "$dir/out.json")
  printf '%-8s %8s %10s %10s %10s\n' "$size" "$files" "$secs" "$rss" "$findings"
done
