#!/usr/bin/env bash
# What the tests need beyond the build: Debian's chromium (the browser tests
# drive a real browser), the npm packages of tests/web (playwright-core) and
# the dashboard's bundle (web/dist/, scripts/build-web.sh).
# Idempotent and quiet when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci again only when the lock file changed since the last install.
stamp=tests/web/node_modules/.dyad-lock
if [ ! -f "$stamp" ] || ! cmp -s tests/web/package-lock.json "$stamp"; then
  npm ci --prefix tests/web --no-audit --no-fund --loglevel=error >/dev/null
  cp tests/web/package-lock.json "$stamp"
fi

# The dashboard the browser tests open: web/'s packages and bundle.
bash scripts/build-web.sh
