#!/usr/bin/env bash
# Runs one client test script with its interpreter; exit 77 (ctest: skipped) when the interpreter or its
# ODBC module is not installed, so a machine without them says so instead of failing obscurely.
#   run_client.sh perl|php|ruby|Rscript SCRIPT
#   run_client.sh node-odbc CACHE_DIR SCRIPT
set -euo pipefail
client=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
skip() {
  echo "SKIPPED: $*" >&2
  exit 77
}
case "$client" in
  perl)
    perl -MDBD::ODBC -e1 2>/dev/null || skip "Perl DBD::ODBC is not installed (libdbd-odbc-perl)"
    exec prove -v "$1"
    ;;
  php)
    php -r 'exit(function_exists("odbc_connect") && in_array("odbc", PDO::getAvailableDrivers()) ? 0 : 1);' \
      2>/dev/null || skip "PHP odbc/PDO_ODBC is not installed (php-cli php-odbc)"
    exec php "$1"
    ;;
  ruby)
    ruby -e 'require "odbc"' 2>/dev/null || skip "Ruby odbc is not installed (ruby-odbc)"
    # Debian's ruby-odbc dlopen()s the driver manager and then cannot allocate an environment
    # ("Cannot allocate SQLHENV") even without our driver; linking unixODBC up front makes it work.
    libdir=$(dirname "$(ldconfig -p | awk '/libodbc\.so\.2 /{print $NF; exit}')")
    LD_PRELOAD="$libdir/libodbc.so.2:$libdir/libodbcinst.so.2" exec ruby "$1"
    ;;
  Rscript)
    Rscript -e 'library(RODBC)' >/dev/null 2>&1 || skip "R RODBC is not installed (r-cran-rodbc)"
    exec Rscript "$1"
    ;;
  node-odbc)
    cache=$1
    command -v node >/dev/null || skip "node is not installed"
    "$here/node/install.sh" "$cache" || skip "npm odbc could not be installed (see the output above)"
    export NODE_PATH="$cache/node_modules"
    exec node --test "$2"
    ;;
esac
echo "run_client.sh: unknown client $client" >&2
exit 2
