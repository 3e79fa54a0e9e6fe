#!/usr/bin/env bash
# archive-run.sh [N] — citecheck over a whole archive of N small
# resolution-like files (default 10000). Not run in CI: it takes a minute and
# ~120 MB under $TMPDIR. See docs/archive.md for what it shows.
#
#   (a) under a pseudo-terminal, so the progress bar and the closing summary
#       appear on standard error;
#   (b) piped, as in CI: no bar, no stderr summary;
#   (c) with /usr/bin/time -v over N/4, N/2 and N files (2,500, 5,000 and
#       10,000 by default), to show that peak RSS stays flat.
#
# Environment:
#   CITECHECK=path   the binary to run (default: built from this checkout)
#   GEN_CORPUS=path  the generator (default: ../shared/bench/gen_corpus.py
#                    beside the checkout; without it the regression corpus in
#                    testdata/corpus is replicated up to N files instead)
#   WORK=dir         where the archive goes (default: $TMPDIR/citecheck-archive-N);
#                    an archive already there is reused
#   KEEP=1           keep WORK at the end
#   REPEAT=n         runs per measurement in (c), the median is shown (default 3)
#
# Needs bash, python3, GNU time (/usr/bin/time, Debian package "time") and
# script(1) from util-linux/bsdutils (python3's pty module is used without it).
set -euo pipefail

N=${1:-10000}
case $N in '' | *[!0-9]*) echo "usage: $0 [N]   (N files, default 10000)" >&2; exit 2 ;; esac
if [ "$N" -lt 4 ]; then echo "$0: N must be at least 4" >&2; exit 2; fi

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-${TMPDIR:-/tmp}/citecheck-archive-$N}
GEN_CORPUS=${GEN_CORPUS:-$ROOT/../shared/bench/gen_corpus.py}
TIME=/usr/bin/time
REPEAT=${REPEAT:-3}
mkdir -p "$WORK"
cleanup() { if [ "${KEEP:-}" != 1 ]; then rm -rf "$WORK"; fi; }
trap cleanup EXIT

if [ ! -x "$TIME" ]; then
	echo "$0: $TIME not found (apt-get install time)" >&2
	exit 2
fi

# The binary.
if [ -z "${CITECHECK:-}" ]; then
	CITECHECK=$WORK/citecheck
	(cd "$ROOT" && go build -o "$CITECHECK" ./cmd/citecheck)
fi
echo "citecheck: $CITECHECK ($("$CITECHECK" version | head -n1))"
echo "cores: $(nproc), GOMAXPROCS default; work dir: $WORK"

# The archive: WORK/all holds N files r000000.txt … (at least N; the first N
# in name order are used).
ALL=$WORK/all
count() { find "$1" -maxdepth 1 -type f | wc -l; }
if [ ! -d "$ALL" ] || [ "$(count "$ALL")" -lt "$N" ]; then
	rm -rf "$ALL" "$WORK/gen"
	mkdir -p "$ALL"
	if [ -f "$GEN_CORPUS" ]; then
		# ~10 kB a document; ask for 10% more than N of them. --jobs 1:
		# with a worker pool the generator sometimes hangs at exit (Pool.terminate
		# while a worker is blocked writing a result it no longer reads).
		size=$((N * 11000))
		while :; do
			python3 "$GEN_CORPUS" --out "$WORK/gen" --size "$size" --force --jobs 1 | tail -n1
			[ "$(count "$WORK/gen/corpus")" -ge "$N" ] && break
			size=$((size * 5 / 4))
		done
		mv "$WORK/gen/corpus"/* "$ALL"/
		rm -rf "$WORK/gen"
	else
		echo "no $GEN_CORPUS: replicating testdata/corpus"
		python3 - "$ROOT/testdata/corpus" "$ALL" "$N" <<-'EOF'
			import os, sys
			src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
			files = sorted(os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs
			               if f.endswith((".txt", ".md")))
			for i in range(n):
			    with open(files[i % len(files)], "rb") as f, open(os.path.join(dst, "r%06d.txt" % i), "wb") as g:
			        g.write(f.read())
		EOF
	fi
fi

# Subsets of the first K files, hard-linked.
subset() {
	local k=$1 dir=$WORK/n$1
	if [ ! -d "$dir" ] || [ "$(count "$dir")" -ne "$k" ]; then
		rm -rf "$dir"
		mkdir -p "$dir"
		(cd "$ALL" && find . -maxdepth 1 -type f -printf '%f\n' | sort | head -n "$k" | xargs cp -l -t "$dir")
	fi
	echo "$dir"
}
ARCHIVE=$(subset "$N")
MB=$(du -sm --apparent-size "$ARCHIVE" | cut -f1)
echo "archive: $N files, $MB MB in $ARCHIVE"

# (a) Under a pseudo-terminal: standard error is a terminal, so --progress
# auto shows the bar once the run has lasted a second, and the closing
# summary follows. Standard output (the findings) goes to a file.
echo
echo "== (a) on a terminal: citecheck check $ARCHIVE > findings.txt"
PTYLOG=$WORK/pty.log
cmd="cd '$WORK' && '$CITECHECK' check '$ARCHIVE' > '$WORK/findings.txt'"
if command -v script > /dev/null; then
	script -qfec "$cmd" /dev/null < /dev/null > "$PTYLOG" || true
else
	python3 -c 'import pty, sys; pty.spawn(["sh", "-c", sys.argv[1]])' "$cmd" < /dev/null > "$PTYLOG" || true
fi
# The bar redraws itself with \r; show the first, a middle and the last
# frame, then the summary.
frames=$(tr '\r' '\n' < "$PTYLOG" | sed 's/[[:space:]]*$//' | grep -a '^checking' || true)
nframes=$(printf '%s\n' "$frames" | grep -c . || true)
if [ "$nframes" -gt 0 ]; then
	echo "progress bar: $nframes frames on stderr; first, middle, last:"
	printf '%s\n' "$frames" | sed -n "1p;$(((nframes + 1) / 2))p;${nframes}p" | sed 's/^/    /'
else
	echo "progress bar: none (the run took under a second; --progress always forces it)"
fi
summary=$(tr '\r' '\n' < "$PTYLOG" | sed 's/[[:space:]]*$//' | grep -av '^checking' | grep -a . || true)
echo "closing summary on stderr:"
printf '%s\n' "${summary:-(none)}" | sed 's/^/    /'
echo "last line of standard output:"
tail -n1 "$WORK/findings.txt" | sed 's/^/    /'

# (b) Piped: no bar, no summary on stderr; the text format's own count line
# closes standard output.
echo
echo "== (b) piped: citecheck check $ARCHIVE 2> stderr.txt | tail -n1"
status=0
"$CITECHECK" check "$ARCHIVE" 2> "$WORK/stderr.txt" | tail -n1 | sed 's/^/    /' || status=$?
echo "standard error: $(wc -c < "$WORK/stderr.txt") bytes"

# (c) Peak RSS against archive size.
echo
echo "== (c) /usr/bin/time -v citecheck check -q [-f sarif] DIR > /dev/null; medians of $REPEAT runs"
rss() { # rss FORMAT DIR -> "wall_s user_s rss_MB max_rss_MB": medians of REPEAT runs, and the largest RSS
	local i
	for ((i = 0; i < REPEAT; i++)); do
		"$TIME" -v -o "$WORK/time.txt" "$CITECHECK" check -q -f "$1" "$2" > /dev/null 2>&1 || true
		awk -F': ' '
			/Maximum resident set size/ { rss = $2 / 1024 }
			/User time/ { user = $2 }
			/Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = p[n] + (n > 1 ? p[n-1] * 60 : 0) + (n > 2 ? p[n-2] * 3600 : 0) }
			END { printf "%.2f %.2f %.1f\n", wall, user, rss }' "$WORK/time.txt"
	done | awk '{ w[NR] = $1; u[NR] = $2; r[NR] = $3 }
		function median(a, n,   i, j, t) {
			for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
			return a[int((n + 1) / 2)]
		}
		END { printf "%s %s %s %s\n", median(w, NR), median(u, NR), median(r, NR), r[NR] }'
}
printf '\n| files | MB | text: wall s | user s | peak RSS MB (max) | sarif: wall s | peak RSS MB (max) |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|\n'
for k in $((N / 4)) $((N / 2)) "$N"; do
	dir=$(subset "$k")
	mb=$(du -sm --apparent-size "$dir" | cut -f1)
	read -r tw tu tr tm < <(rss text "$dir")
	read -r sw _ sr sm < <(rss sarif "$dir")
	printf '| %d | %d | %s | %s | %s (%s) | %s | %s (%s) |\n' "$k" "$mb" "$tw" "$tu" "$tr" "$tm" "$sw" "$sr" "$sm"
done
