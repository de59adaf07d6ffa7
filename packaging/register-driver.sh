#!/usr/bin/env bash
# Registers the installed driver with unixODBC as "Instagram ODBC Driver" (odbcinst keeps a usage count, so
# running this again is harmless).
set -euo pipefail
lib=${1:?usage: register-driver.sh /path/to/libinstagramodbc.so}
[ -f "$lib" ] || { echo "register-driver: $lib does not exist" >&2; exit 1; }
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
cat > "$tmp" <<INI
[Instagram ODBC Driver]
Description=Instagram Graph API ODBC driver (instagram-odbc)
Driver=$lib
Setup=
UsageCount=1
INI
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo odbcinst -i -d -r -f "$tmp" >/dev/null 2>&1 || $sudo odbcinst -i -d -f "$tmp" >/dev/null
echo "Registered 'Instagram ODBC Driver' -> $lib in $(odbcinst -j | sed -n 's/^DRIVERS\.*: //p')"
