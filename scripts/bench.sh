#!/usr/bin/env bash
# Side-by-side benchmark against ripgrep (and Vale where installed), using
# the shared harness, then a recall/precision score that reads citecheck's
# JSON ({"diagnostics": [...]}).
#
#   scripts/bench.sh [SIZE ...]          e.g. scripts/bench.sh 10MB 100MB
#   WRAP=90 scripts/bench.sh 100MB       hard-wrapped, PDF-like lines
#
# Needs: ripgrep, hyperfine, python3, /usr/bin/time (apt-get install -y
# ripgrep hyperfine time) and ../shared/bench (or BENCH=dir). Not run by CI.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH:-$here/../shared/bench}
WORK=${WORK:-/tmp/citecheck-bench}
[ -x "$BENCH/run.sh" ] || { echo "bench.sh: $BENCH/run.sh not found (set BENCH=)" >&2; exit 1; }
go build -o "$WORK/citecheck" "$here/cmd/citecheck"
if [ -z "${TOOLS:-}" ]; then
  TOOLS="cat rg-count rg citecheck"
  command -v vale >/dev/null 2>&1 && TOOLS="$TOOLS vale"
fi
export TOOLS WORK CITECHECK="$WORK/citecheck"
"$BENCH/run.sh" "$@"
# Score citecheck's findings of severity error against the injected errors.
for d in "$WORK"/*; do
  [ -f "$d/results/citecheck.out" ] || continue
  python3 - "$d/truth.jsonl" "$d/results/citecheck.out" <<'PY'
import json, sys
truth = {}
for line in open(sys.argv[1]):
    t = json.loads(line)
    truth[(t["file"], t["line"])] = t
out = json.load(open(sys.argv[2]))
found = {(d["path"].split("/")[-1], d["line"]) for d in out["diagnostics"]
         if d["severity"] == "error" and d["rule"] in ("treaty-year", "unts-citation")}
tp = len(found & truth.keys())
print("%s: %d injected errors, %d treaty findings, recall %.3f, precision %.3f"
      % (sys.argv[1].split("/")[-2] or "corpus", len(truth), len(found), tp / max(1, len(truth)), tp / max(1, len(found))))
PY
done
