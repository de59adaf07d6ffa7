#!/bin/sh
# clang-tidy over the product sources with the repository's .clang-tidy: any finding fails.
#   tests/tidy_check.sh <build dir with compile_commands.json> [source dir] [run-clang-tidy]
# The product folders only; tests, benchmarks and fuzzers are left to the compiler's warnings.
set -eu
build=$1
src=${2:-$(dirname "$0")/..}
runner=${3:-run-clang-tidy}
cd "$src"
src=$(pwd)
if [ ! -f "$build/compile_commands.json" ]; then
  echo "no $build/compile_commands.json: configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON" >&2
  exit 1
fi
jobs=$(nproc 2>/dev/null || echo 2)
# run-clang-tidy takes regular expressions matched against the database's absolute file names.
out=$("$runner" -p "$build" -j "$jobs" -quiet "^$src/(driver|sql|net|graph|oauth|schema|emulator)/" 2>&1) || status=$?
findings=$(printf '%s\n' "$out" | sed 's/\x1b\[[0-9;]*m//g' | grep -E ': (warning|error): ' | sort -u || true)
if [ -n "$findings" ] || [ "${status:-0}" != 0 ]; then
  echo "clang-tidy findings (checks in .clang-tidy):"
  if [ -n "$findings" ]; then printf '%s\n' "$findings"; else printf '%s\n' "$out" | tail -n 40; fi
  exit 1
fi
echo "clang-tidy: $(grep -cE "\"file\": \"$src/(driver|sql|net|graph|oauth|schema|emulator)/" "$build/compile_commands.json") files clean"
