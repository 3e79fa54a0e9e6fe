#!/usr/bin/env bash
# Peak memory of one run on hostile and worst-case inputs (issue 13, item
# 8): the issue's cases — a 200 MB one-line text, 200 MB of one-line
# HTML, a .docx whose zip entries all inflate one 200 MiB stream (alone
# and eight copies with -j8) — and the worst inputs within the default
# limits: 16 MiB of the densest references (resolution references, one
# per 42 bytes) as text, HTML and .docx, and an HTML file with a tag
# every 16 bytes.
#
#   scripts/hostile-rss.sh [CASE ...]      default: all
#
# Writes the inputs under $WORK (default /tmp/citecheck-hostile; ~1 GB)
# and runs `citecheck check --format json` on each under /usr/bin/time
# -v. Not run by CI.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/citecheck-hostile}
mkdir -p "$WORK"
go build -o "$WORK/citecheck" "$here/cmd/citecheck"
cd "$WORK"
python3 - <<'PY'
import os, struct, zlib, zipfile
MB = 1000 * 1000
dense = b"resolution 70/1 of 25 September 2015 and "
sent = (b"Recalling the Convention on the Rights of the Child of 1989 and the "
        b"Single Convention on Narcotic Drugs of 1961, ")
def fill(path, unit, n, head=b"", tail=b""):
    if os.path.exists(path):
        return
    with open(path, "wb") as f:
        f.write(head)
        chunk = unit * 1000
        for _ in range(n // len(chunk)):
            f.write(chunk)
        f.write(unit * ((n % len(chunk)) // len(unit)))
        f.write(tail)
fill("oneline-200MB.txt", sent, 200 * MB)
fill("oneline-200MB.html", sent, 200 * MB, b"<html><body><p>", b"</p></body></html>")
if not os.path.exists("overlap.docx"):
    # One deflate stream of a 200 MiB run of text; every part's central
    # directory entry points at it.
    hdr = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://'
           b'schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts, size, crc = [c.compress(hdr)], len(hdr), zlib.crc32(hdr)
    unit = sent * 1000
    while size + len(unit) <= 200 << 20:
        parts.append(c.compress(unit)); size += len(unit); crc = zlib.crc32(unit, crc)
    parts += [c.compress(tail), c.flush()]
    size += len(tail); crc = zlib.crc32(tail, crc)
    data = b"".join(parts)
    names = [b"word/document.xml", b"word/settings.xml", b"word/styles.xml",
             b"word/numbering.xml", b"word/footnotes.xml", b"word/endnotes.xml"]
    with open("overlap.docx", "wb") as f:
        f.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(data), size, len(names[0]), 0) + names[0])
        f.write(data)
        off, cd = f.tell(), b""
        for nm in names:
            cd += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(data), size, len(nm), 0, 0, 0, 0, 0, 0) + nm
        f.write(cd)
        f.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(names), len(names), len(cd), off, 0))
os.makedirs("overlap-x8", exist_ok=True)
for i in range(8):
    p = f"overlap-x8/{i}.docx"
    if not os.path.exists(p):
        os.link("overlap.docx", p)
L = (16 << 20) - 1000
fill("dense-16MiB.txt", dense, L)
if not os.path.exists("dense-16MiB.html"):
    d = (dense * (L // len(dense)))
    body = b"".join(b"<p>" + d[i:i + 2000] + b"</p>\n" for i in range(0, len(d) - 4000, 2000))
    open("dense-16MiB.html", "wb").write(b"<html><body>" + body[:L - 30] + b"</body></html>")
fill("tags-16MiB.html", b"<br>the 1988 Con", L - 100, b"<html><body><p>", b"</p></body></html>")
if not os.path.exists("dense-16MiB.docx"):
    para = (dense * 48).decode()
    n = (L - 300000) // (len(para) + 2)
    body = "".join(f"<w:p><w:r><w:t>{para}</w:t></w:r></w:p>" for _ in range(n))
    with zipfile.ZipFile("dense-16MiB.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://'
                   'schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + "</w:body></w:document>")
PY
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(oneline-200MB.txt oneline-200MB.html overlap.docx "-j8 overlap-x8" dense-16MiB.txt dense-16MiB.html tags-16MiB.html dense-16MiB.docx)
printf '%-24s %9s %10s  %s\n' case seconds "peak RSS" result
for c in "${cases[@]}"; do
  set +e
  # shellcheck disable=SC2086
  /usr/bin/time -v -o time.txt ./citecheck check --format json $c > out.json 2> err.txt
  set -e
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2/1024}' time.txt)
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' time.txt)
  res=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=d["summary"]; e=d["errors"]
print("%d findings" % (s["errors"]+s["warnings"]+s["infos"]) if not e else e[0]["error"][:60] + (" (x%d)" % len(e) if len(e) > 1 else ""))' out.json 2>/dev/null || head -c 60 err.txt)
  printf '%-24s %9s %10s  %s\n' "$c" "$secs" "$rss" "$res"
done
