#!/usr/bin/env bash
# Renders `maslahat run --format html` of the shipped knowledge base in headless Chromium and
# checks that the HTML parses with balanced tags, has the four SWOT quadrants, and that the
# screenshot is not blank. Installs Debian's chromium when missing (as root); exit 77 (ctest
# SKIP) when it cannot be had. Usage: html_chromium_test.sh MASLAHAT SOURCE_DIR
set -euo pipefail
maslahat=$1
source_dir=$2
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null 2>&1 || true
        apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 || true
    fi
    if ! command -v chromium >/dev/null 2>&1; then
        echo "chromium not available: skipped"
        exit 77
    fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$source_dir" && "$maslahat" run --format html -o "$work/report.html")
python3 - "$work/report.html" <<'PY'
import sys
from html.parser import HTMLParser
text = open(sys.argv[1], encoding="utf-8").read()
void = {"meta", "br", "img", "hr", "input", "link"}
class Check(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.errors = [], []
    def handle_starttag(self, tag, attrs):
        if tag not in void:
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append((tag, self.getpos()))
        else:
            self.stack.pop()
c = Check()
c.feed(text)
c.close()
assert not c.errors and not c.stack, (c.errors[:3], c.stack)
for q in ("Strengths", "Weaknesses", "Opportunities", "Threats"):
    assert "<h3>%s</h3>" % q in text, q
assert "<script" not in text and "http://" not in text and "https://" not in text
print("html ok")
PY
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size=1000,1400 --screenshot="$work/report.png" "file://$work/report.html" \
    >/dev/null 2>&1
python3 - "$work/report.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + length]
    pos += 12 + length
raw = zlib.decompress(idat)
distinct = len(set(raw))
assert distinct > 32, "screenshot looks blank (%d distinct byte values)" % distinct
print("screenshot ok: %d bytes, %d distinct byte values" % (len(raw), distinct))
PY
