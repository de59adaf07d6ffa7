#!/usr/bin/env bash
# Golden-output tests for the isql family: each CASE.sql runs through the client named on its first line
# ("-- client: isql" for ODBC 2 isql, "isql -3", or "iusql") against the DSN InstagramTest, and the output
# must equal CASE.out byte for byte. UPDATE_GOLDEN=1 rewrites the .out files instead (review the diff!).
set -uo pipefail
dir=${1:?usage: run_golden.sh DIR}
pass=0
fail=0
for sql in "$dir"/*.sql; do
  name=$(basename "$sql" .sql)
  client=$(sed -n '1s/^-- client: //p' "$sql")
  [ -n "$client" ] || client="isql"
  read -r -a cmd <<<"$client"
  actual=$(grep -v '^--' "$sql" | "${cmd[@]}" InstagramTest -b -v 2>&1)
  if [ -n "${UPDATE_GOLDEN:-}" ]; then
    printf '%s\n' "$actual" >"$dir/$name.out"
    echo "updated $name"
    continue
  fi
  if diff -u "$dir/$name.out" <(printf '%s\n' "$actual") >"${TMPDIR:-/tmp}/golden-$name.diff"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name ($client):"
    cat "${TMPDIR:-/tmp}/golden-$name.diff"
  fi
  rm -f "${TMPDIR:-/tmp}/golden-$name.diff"
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
