#!/usr/bin/env bash
# One benchmark workload at a smoke size (tests/bench/W-N.*, written by ../shared/bench/gen.py):
# runs `maslahat run W-N.rules --facts W-N.toml` and checks the answer with check_answer.sh.
# A test, not a benchmark: nothing is timed. Usage: smoke_test.sh MASLAHAT W-N
set -euo pipefail
maslahat=$1 base=$2
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
cd "$here"
rc=0
"$maslahat" run "$base.rules" --facts "$base.toml" >"$out" || rc=$?
if [ "$rc" -ne 0 ]; then
    echo "$base: maslahat exited with $rc"
    exit 1
fi
echo -n "$base: "
"$here/check_answer.sh" "$here/$base" "$out"
