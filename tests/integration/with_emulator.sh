#!/usr/bin/env bash
# Runs one test command against a fresh emulator: starts instagram-emulator on a free loopback port, writes a
# private unixODBC configuration (driver + DSN "InstagramTest") and exports where everything is, then runs the
# command and stops the emulator. Nothing outside a temporary folder is touched.
#   with_emulator.sh EMULATOR DRIVER_SO -- command args...
set -euo pipefail
emulator=$1
driver=$2
shift 2
[ "${1:-}" = "--" ] && shift

work=$(mktemp -d "${TMPDIR:-/tmp}/igodbc-test.XXXXXX")
"$emulator" --port 0 --request-log "$work/requests.jsonl" ${EMULATOR_ARGS:-} >"$work/emulator.out" 2>"$work/emulator.err" &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -n "${KEEP_TEST_DIR:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

url=""
for _ in $(seq 200); do
  url=$(head -n 1 "$work/emulator.out" 2>/dev/null || true)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
if [ -z "$url" ]; then
  echo "with_emulator: the emulator did not start" >&2
  cat "$work/emulator.err" >&2
  exit 1
fi

cat >"$work/odbcinst.ini" <<INI
[Instagram ODBC Driver]
Driver=$driver
INI
cat >"$work/odbc.ini" <<INI
[InstagramTest]
Driver=Instagram ODBC Driver
GraphURL=$url
OAuthAccessToken=demo-token
INI
"$emulator" --dump-json "$work/dataset.json"

export ODBCSYSINI=$work ODBCINI=$work/odbc.ini
export EMULATOR_URL=$url REQUEST_LOG=$work/requests.jsonl DATASET_JSON=$work/dataset.json
export IGODBC_DRIVER=$driver IGODBC_TEST_DIR=$work EMULATOR_BIN=$emulator
"$@"
