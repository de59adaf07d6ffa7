#!/usr/bin/env bash
# Runs every scenario of golden_odbc and compares its output with SCENARIO.out beside this script.
# UPDATE_GOLDEN=1 rewrites the .out files instead (review the diff before committing!).
#   run_golden_c.sh GOLDEN_ODBC_BINARY
set -uo pipefail
bin=${1:?usage: run_golden_c.sh GOLDEN_ODBC_BINARY}
dir=$(cd "$(dirname "$0")" && pwd)
pass=0
fail=0
for name in catalog3 catalog2 truncation getinfo typeinfo3 typeinfo2 diagnostics3 diagnostics2; do
  actual=$("$bin" "$name" 2>&1)
  status=$?
  # A scenario stops early (exit 1) on an unexpected failure: never accept that as the expected output.
  if [ "$status" -ne 0 ]; then
    fail=$((fail + 1))
    printf '%s\n' "$actual" | tail -5
    echo "FAIL $name: golden_odbc exited with status $status"
    continue
  fi
  if [ -n "${UPDATE_GOLDEN:-}" ]; then
    printf '%s\n' "$actual" >"$dir/$name.out"
    echo "updated $name"
    continue
  fi
  if diff -u "$dir/$name.out" <(printf '%s\n' "$actual"); then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name"
  fi
done
echo "golden_c: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
