#!/usr/bin/env bash
# Installs the Debian packages the build, the demo and the test suite need. Idempotent: when everything is
# present it does nothing (no apt-get update, no root needed).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  unixodbc unixodbc-dev odbcinst
  libcurl4-openssl-dev rapidjson-dev libssl-dev libsqlite3-dev
  catch2 libcpp-httplib-dev zlib1g-dev
  python3 python3-pyodbc python3-pytest clang-format clang-tidy
  curl
)
# The client matrix (tests/clients): pandas for pyodbc, Perl DBI, PHP odbc_*/PDO_ODBC, Ruby odbc, R RODBC.
# Node's odbc comes from npm (tests/clients/node/install.sh, cached in the build folder); node itself is on the
# machine, and npm with it.
packages+=(python3-pandas libdbi-perl libdbd-odbc-perl php-cli php-odbc ruby-odbc r-base-core r-cran-rodbc)
# The sanitizer build and the fuzzers use clang's runtime.
packages+=(clang libclang-rt-14-dev)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
