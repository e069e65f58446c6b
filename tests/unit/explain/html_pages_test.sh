#!/usr/bin/env bash
# The other HTML pages of issue 6 on the shipped knowledge base: `explain --why`,
# `explain --why-not`, `sweep` and `compare` with --format html. Each must parse with balanced
# tags, hold its landmarks, load nothing from the network, and render to a non-blank
# screenshot in headless Chromium (exit 77, ctest SKIP, when chromium cannot be had).
# Usage: html_pages_test.sh MASLAHAT SOURCE_DIR
set -euo pipefail
maslahat=$1
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$2
if ! command -v chromium >/dev/null 2>&1; then
    echo "chromium not available: skipped"
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$source_dir"
"$maslahat" explain --why D --format html -o "$work/why.html"
"$maslahat" explain --why-not A --subject Germany --format html -o "$work/why_not.html"
"$maslahat" sweep --param large_remittances_bn=20 --param high_remittances=10..20:2 --format html \
    -o "$work/sweep.html"
"$maslahat" compare facts/uzbekistan.toml --subject Germany --subject Kazakhstan --format html \
    -o "$work/compare.html"
check() {  # FILE LANDMARK...
    python3 "$here/html_check.py" "$@"
    timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --window-size=1000,1400 --screenshot="$1.png" "file://$1" >/dev/null 2>&1
    python3 "$here/png_not_blank.py" "$1.png"
}
check "$work/why.html" "<h1>Why D for Uzbekistan</h1>" "facts/uzbekistan.toml:" "class=\"fact derived\""
check "$work/why_not.html" "<h1>Why not A for Germany</h1>" "fails at condition" "class=\"failure\""
check "$work/sweep.html" "<h1>Sweep of high_remittances from 10 to 20 for Uzbekistan</h1>" \
    "switches off between high_remittances = 12 and 14"
check "$work/compare.html" "<th>Uzbekistan</th><th>Germany</th><th>Kazakhstan</th>" \
    "<tr class=\"quadrant s\">" "<tr class=\"quadrant w\">" "<tr class=\"quadrant o\">" \
    "<tr class=\"quadrant t\">"
