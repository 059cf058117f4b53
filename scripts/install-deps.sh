#!/usr/bin/env bash
# Installs the Debian packages dyad builds and tests with. Idempotent: when
# everything is already installed it prints nothing and touches nothing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libsimdjson-dev      # JSON Lines input, iso-codes
  libcli11-dev         # command line
  libfmt-dev           # formatting output
  libutf8proc-dev      # Unicode: validation, NFC, case folding
  libxml2-dev          # HTML parser (SAX) for web pages
  zlib1g-dev           # gzip: WARC.gz files and compressed HTTP bodies
  libsqlite3-dev       # the event store (dyad ingest, query, export)
  libgtest-dev libgmock-dev libbenchmark-dev
  iso-codes            # ISO 3166 country list, read at start-up
  libcpp-httplib-dev   # HTTP server of `dyad serve`
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
