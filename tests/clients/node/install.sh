#!/usr/bin/env bash
# Installs Node's `odbc` package from npm into a cache folder (the build folder), built from source against
# the system unixODBC; does nothing when the built module is already there, so CI builds it once.
#   install.sh CACHE_DIR
set -euo pipefail
cache=${1:?usage: install.sh CACHE_DIR}
version=2.6.0
module="$cache/node_modules/odbc"
if ls "$module"/lib/bindings/*/odbc.node >/dev/null 2>&1; then
  exit 0
fi
mkdir -p "$cache"
cd "$cache"
[ -f package.json ] || echo '{"name":"igodbc-node-client-cache","private":true}' >package.json
# The package's install script would try to download a prebuilt binary: skip it, then build from source.
npm install --no-audit --no-fund --ignore-scripts "odbc@$version" >npm-install.log 2>&1 || {
  cat npm-install.log >&2
  exit 1
}
cd "$module"
PATH="$cache/node_modules/.bin:$PATH" node-pre-gyp rebuild --build-from-source --nodedir=/usr >"$cache/build.log" 2>&1 || {
  tail -40 "$cache/build.log" >&2
  exit 1
}
