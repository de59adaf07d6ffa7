#!/usr/bin/env bash
# The demo: start the Graph API emulator, write the user DSN "Instagram Demo" pointing at it, and run a few
# queries through isql. The emulator keeps running afterwards so you can try your own queries;
# `make demo-stop` ends it.
set -euo pipefail
state=${XDG_RUNTIME_DIR:-/tmp}/instagram-odbc-demo
pidfile=$state/emulator.pid

stop() {
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill "$(cat "$pidfile")" && echo "Stopped the emulator (pid $(cat "$pidfile"))."
  fi
  rm -f "$pidfile"
}
if [ "${1:-}" = "--stop" ]; then stop; exit 0; fi

emulator=${1:?usage: demo.sh path/to/instagram-emulator [port]}
port=${2:-8765}
mkdir -p "$state"
stop
"$emulator" --port "$port" --request-log "$state/requests.jsonl" >"$state/emulator.out" 2>"$state/emulator.err" &
echo $! >"$pidfile"
for _ in $(seq 100); do
  url=$(head -n 1 "$state/emulator.out" 2>/dev/null || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "${url:-}" ] || { echo "The emulator did not start:" >&2; cat "$state/emulator.err" >&2; exit 1; }
echo "Emulator listening on $url (pid $(cat "$pidfile"); stop it with: make demo-stop)"

dsn=$(mktemp)
trap 'rm -f "$dsn"' EXIT
cat >"$dsn" <<INI
[Instagram Demo]
Description=instagram-odbc against the local Graph API emulator
Driver=Instagram ODBC Driver
GraphURL=$url
Version=v24.0
InitiateOAuth=OFF
OAuthAccessToken=demo-token
INI
odbcinst -u -s -h -n "Instagram Demo" >/dev/null 2>&1 || true
odbcinst -i -s -h -f "$dsn"
echo "Wrote the DSN 'Instagram Demo' ($(odbcinst -j | sed -n 's/^USER DATA SOURCES\.*: //p'))"

run() {
  echo
  echo "isql> $1"
  echo "$1" | isql -b -v "Instagram Demo"
}
run "SELECT Id, Username, FollowersCount, MediaCount FROM Accounts"
run "SELECT Id, MediaType, Timestamp, LikeCount, substr(replace(Caption, char(10), ' '), 1, 40) AS Caption FROM Media LIMIT 10"
run "SELECT MediaType, MediaProductType, COUNT(*) AS Posts, SUM(LikeCount) AS Likes FROM Media GROUP BY 1, 2 ORDER BY 3 DESC"
run "SELECT m.Id, c.Position, c.MediaType FROM Media m JOIN MediaChildren c ON c.MediaId = m.Id WHERE m.MediaType = 'CAROUSEL_ALBUM' LIMIT 6"
# sys_requests shows the Graph calls of the previous statement on the same connection.
run "SELECT COUNT(*) AS Media2026 FROM Media WHERE Timestamp >= '2026-01-01'
SELECT Seq, Method, Status, Rows, ElapsedMs, substr(Url, instr(Url, '/v24.0')) AS Request FROM sys_requests"
