#!/usr/bin/env bash
# Starts `dyad serve` on a free loopback port, runs the browser tests against
# it with node's test runner, and stops the server.
#   run_browser_tests.sh DYAD_BINARY ARTIFACT_DIR
set -euo pipefail
dyad=$1
artifacts=$2
here=$(cd "$(dirname "$0")" && pwd)

if [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "tests/web/node_modules is missing: run 'npm ci --prefix tests/web' (scripts/test.sh does)" >&2
  exit 1
fi

log=$(mktemp)
"$dyad" serve --port 0 --web-root "$here/../../web" 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT

url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://[0-9.]*:[0-9]*/' "$log" || true)
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "dyad serve did not start:" >&2
  cat "$log" >&2
  exit 1
fi

cd "$here"
DYAD_URL=$url DYAD_ARTIFACTS=$artifacts node --test ./*.test.mjs
