#!/bin/sh
# Formatting of the C++ sources: every tracked .cpp/.h under the product, test, bench and fuzz folders must
# equal clang-format's output for the repository's .clang-format.
#   tests/format_check.sh [--fix] [clang-format] [source dir]
# Without --fix it lists the files that differ and fails; with --fix it rewrites them (what `make format` does).
set -eu
fix=0
if [ "${1:-}" = "--fix" ]; then fix=1; shift; fi
clang_format=${1:-clang-format}
src=${2:-$(dirname "$0")/..}
cd "$src"

# Tracked files; with --fix also the new ones git does not ignore, so they are formatted before their first commit.
list_files() {
  for d in driver sql net graph oauth schema emulator tests bench fuzz; do
    git ls-files -z "$@" -- "$d/*.cpp" "$d/*.h"
  done
}

if [ "$fix" = 1 ]; then
  list_files --cached --others --exclude-standard | xargs -0 -r "$clang_format" -i
  exit 0
fi
# One clang-format run over all files; its diagnostics name each file that differs.
status=0
out=$(list_files | xargs -0 -r "$clang_format" --dry-run -Werror 2>&1 >/dev/null) || status=$?
bad=$(printf '%s\n' "$out" | sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
if [ -z "$bad" ] && [ "$status" != 0 ]; then bad="clang-format failed ($status): $out"; fi
if [ -n "$bad" ]; then
  echo "These files differ from $("$clang_format" --version | head -n 1) output (run \`make format\`):"
  echo "$bad"
  exit 1
fi
echo "$(list_files | tr '\0' '\n' | wc -l) files formatted"
