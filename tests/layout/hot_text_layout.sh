#!/usr/bin/env bash
# Checks the hot-text layout of the release binary (docs/design/0007):
#  1. the order file is not stale: at least 90 % of its functions exist in the binary
#     (renamed or removed code on the run path: rerun scripts/update-hot-text);
#  2. the linker applied it: the listed functions lie together, in at most 1.5 times as many
#     64 KiB pieces of text as their total size fills, plus 8 (the kernel maps code in such
#     pieces; scattered over the whole text they touch about 3 times as many).
# Usage: hot_text_layout.sh NM MASLAHAT_BINARY ORDER_FILE
set -euo pipefail
nm_tool=$1 binary=$2 order=$3
"$nm_tool" --defined-only -S "$binary" | awk -v order="$order" '
    function hex(s,    i, n) {  # mawk has no strtonum
        n = 0
        for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
        return n
    }
    BEGIN {
        while ((getline line < order) > 0) {
            if (line ~ /^\.text\.startup\./ || line !~ /^\.text\./) continue
            name = substr(line, 7)
            listed[name] = 1
            wanted++
        }
    }
    NF == 4 && $3 ~ /^[tTwW]$/ && ($4 in listed) {
        if (!($4 in found)) { found[$4] = 1; present++ }
        if (seen_addr[$1]++) next  # aliases (C1/C2, D1/D2) share their code
        start = hex($1); size = hex($2)
        for (c = int(start / 65536); c <= int((start + size) / 65536); c++)
            if (!(c in chunk)) { chunk[c] = 1; chunks++ }
        total += size
    }
    END {
        if (wanted == 0) { print "hot-text: " order " lists no function"; exit 1 }
        printf "hot-text: %d of %d listed functions in the binary: %d bytes in %d pieces of 64 KiB\n",
               present, wanted, total, chunks
        if (present * 10 < wanted * 9) {
            print "hot-text: the order file is stale: run scripts/update-hot-text"; exit 1
        }
        if (chunks > total / 65536 * 1.5 + 8) {
            print "hot-text: the listed functions are scattered: the order file was not applied"
            exit 1
        }
    }'
