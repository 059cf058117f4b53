#!/usr/bin/env bash
# Builds an event store from the bundled example corpus, starts `dyad serve`
# on it on free loopback ports (once open, once behind a token), runs the
# browser tests against them with node's test runner, and stops the servers.
#   run_browser_tests.sh DYAD_BINARY ARTIFACT_DIR
set -euo pipefail
dyad=$1
artifacts=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "tests/web/node_modules is missing: run 'npm ci --prefix tests/web' (scripts/test.sh does)" >&2
  exit 1
fi
# The dashboard's bundle, rebuilt when web/src changed (quick when it did not).
bash "$root/scripts/build-web.sh"

work=$(mktemp -d)
server_pids="$work/servers"
cleanup() {
  if [ -f "$server_pids" ]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done <"$server_pids"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A fixed report date for documents without one keeps the store the same every day.
"$dyad" ingest --quiet --db "$work/examples.db" --date 2026-02-12 "$root/examples/news.jsonl"

# start_server LOG ARGS...: starts `dyad serve` on a free port and prints its
# address. (It runs in a command substitution: the pid goes through a file.)
start_server() {
  local log=$1
  shift
  "$dyad" serve --port 0 --web-root "$root/web" "$@" >/dev/null 2>"$log" &
  local pid=$!
  echo "$pid" >>"$server_pids"
  local address=""
  for _ in $(seq 1 100); do
    address=$(grep -o 'http://[0-9.]*:[0-9]*/' "$log" || true)
    [ -n "$address" ] && break
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  if [ -z "$address" ]; then
    echo "dyad serve $* did not start:" >&2
    cat "$log" >&2
    return 1
  fi
  echo "$address"
}

url=$(start_server "$work/serve.log" --db "$work/examples.db")
# The same store behind a token, as a server bound to a public address needs.
token_url=$(start_server "$work/serve-token.log" --db "$work/examples.db" --token browser-test-token)

mkdir -p "$artifacts"
cd "$here"
DYAD_URL=$url DYAD_TOKEN_URL=$token_url DYAD_TOKEN=browser-test-token DYAD_ARTIFACTS=$artifacts \
  node --test ./*.test.mjs
