#!/usr/bin/env bash
# check_answer.sh must reject wrong answers: a seating with a seat missing, a guest seated twice,
# two neighbours of the same sex, and a wrong count. Usage: checker_self_test.sh MASLAHAT
set -euo pipefail
maslahat=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$here"
"$maslahat" run manners-16.rules --facts manners-16.toml >"$work/good" 2>/dev/null
"$here/check_answer.sh" "$here/manners-16" "$work/good" >/dev/null ||
    { echo "the real seating is rejected"; exit 1; }
seat() { awk -v s="$1" '$1 == "seat" && $2 == s {print $3}' "$work/good"; }
s1=$(seat 1) s2=$(seat 2) s3=$(seat 3)
grep -v "^seat 5 " "$work/good" >"$work/missing"
sed "s/^seat 2 $s2\$/seat 2 $s1/" "$work/good" >"$work/twice"
sed -e "s/^seat 2 $s2\$/seat 2 TMP/" -e "s/^seat 3 $s3\$/seat 3 $s2/" \
    -e "s/^seat 2 TMP\$/seat 2 $s3/" "$work/good" >"$work/same_sex"  # seats 1 and 3 share a sex
failed=0
for bad in missing twice same_sex; do
    if "$here/check_answer.sh" "$here/manners-16" "$work/$bad" >/dev/null; then
        echo "manners: a seating with '$bad' was accepted"
        failed=1
    fi
done
"$maslahat" run closure-50.rules --facts closure-50.toml 2>/dev/null |
    sed 's/^paths \([0-9]*\)/paths 1\1/' >"$work/count"
if "$here/check_answer.sh" "$here/closure-50" "$work/count" >/dev/null; then
    echo "closure: a wrong count was accepted"
    failed=1
fi
[ "$failed" -eq 0 ] && echo "check_answer.sh rejects every wrong answer"
exit "$failed"
