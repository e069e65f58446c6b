#!/usr/bin/env bash
# Checks an engine's output for a benchmark workload, like ../shared/bench/check.py but with
# bash and awk only (CI machines may have no python3): check_answer.sh DIR/W-N OUTPUT_FILE.
# manners: every seat 1..N is printed once ("seat S NAME") with a distinct guest, neighbours are
# of opposite sex and share a hobby (guests from W-N.guests: "name sex hobby" lines).
# Others: the line of W-N.expect appears in the output. Prints "ok" or the problem; exit 0/1.
set -euo pipefail
base=$1 out=$2
case "$(basename "$base")" in
manners-*)
    awk '
        FNR == NR { if (!($1 in sex)) { n++ }; sex[$1] = $2; hobby[$1, $3] = 1; next }
        { line = $0
          while (match(line, /seat [0-9]+ [^ \t]+/)) {
              split(substr(line, RSTART, RLENGTH), f, " ")
              seat[f[2] + 0] = f[3]
              line = substr(line, RSTART + RLENGTH)
          } }
        END {
            count = 0; problem = ""
            for (s in seat) { count++; if (s + 0 < 1 || s + 0 > n) problem = "seat " s " out of range" }
            if (count != n) problem = "seats printed: " count " of " n
            for (s in seat) { if (seated[seat[s]]++) problem = "a guest is seated twice" }
            for (i = 1; i < n && problem == ""; i++) {
                a = seat[i]; b = seat[i + 1]
                if (a == "" || b == "") continue
                shared = 0
                for (k in hobby) { split(k, p, SUBSEP); if (p[1] == a && ((b, p[2]) in hobby)) shared = 1 }
                if (sex[a] == sex[b] || !shared)
                    problem = "seats " i "," i + 1 ": " a "/" b " do not alternate sex and share a hobby"
            }
            if (problem != "") { print problem; exit 1 }
            print "ok"
        }' "$base.guests" "$out"
    ;;
*)
    want=$(tr -d '\r' <"$base.expect" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//')
    if [ -n "$want" ] && grep -qF -- "$want" "$out"; then
        echo ok
    else
        echo "missing '$want'"
        exit 1
    fi
    ;;
esac
