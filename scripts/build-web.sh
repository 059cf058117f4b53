#!/usr/bin/env bash
# Builds the dashboard's script: installs web/'s npm packages exactly as
# web/package-lock.json pins them (d3 modules, esbuild) and bundles
# web/src/ into web/dist/dashboard.js, which web/index.html loads.
# Idempotent and quick when nothing changed: `npm ci` runs again only when the
# lock file changed, the bundle only when a source is newer than it.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing: nodejs npm" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

stamp=web/node_modules/.dyad-lock
if [ ! -f "$stamp" ] || ! cmp -s web/package-lock.json "$stamp"; then
  echo "Installing the dashboard's npm packages (web/package-lock.json) ..." >&2
  npm ci --prefix web --no-audit --no-fund --loglevel=error >/dev/null
  cp web/package-lock.json "$stamp"
  rm -f web/dist/dashboard.js
fi

bundle=web/dist/dashboard.js
if [ ! -f "$bundle" ] ||
   [ -n "$(find web/src web/build.mjs web/package-lock.json data/cameo.tsv -newer "$bundle" -print -quit)" ]; then
  node web/build.mjs
fi
