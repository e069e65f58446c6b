#!/usr/bin/env bash
# Renders `maslahat run --format html` of the shipped knowledge base in headless Chromium and
# checks that the HTML parses with balanced tags, has the four SWOT quadrants, and that the
# screenshot is not blank. Installs Debian's chromium when missing (as root); exit 77 (ctest
# SKIP) when it cannot be had. Usage: html_chromium_test.sh MASLAHAT SOURCE_DIR
set -euo pipefail
maslahat=$1
here=$(cd "$(dirname "$0")" && pwd)
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
python3 "$here/html_check.py" "$work/report.html" "<h3>Strengths</h3>" "<h3>Weaknesses</h3>" \
    "<h3>Opportunities</h3>" "<h3>Threats</h3>"
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size=1000,1400 --screenshot="$work/report.png" "file://$work/report.html" \
    >/dev/null 2>&1
python3 "$here/png_not_blank.py" "$work/report.png"
