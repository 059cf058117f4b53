#!/usr/bin/env bash
# The README's third command: the analyst's dashboard on the bundled example
# corpus. Installs what is missing, builds a Release dyad and the dashboard's
# script, ingests examples/news.jsonl into a fresh store
# (build/release/examples.db) and serves it on http://127.0.0.1:8427/
# (DYAD_PORT to change) until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/build-web.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
echo "Building build/release/dyad ..."
if ! cmake --build build/release --target dyad >build/release/build.log 2>&1; then
  cat build/release/build.log
  exit 1
fi
store=build/release/examples.db
rm -f "$store" "$store-wal" "$store-shm"
echo
echo "== dyad ingest --db $store examples/news.jsonl"
build/release/dyad ingest --db "$store" examples/news.jsonl
echo
echo "== dyad serve --db $store  (open the address below; Ctrl-C stops)"
exec build/release/dyad serve --db "$store" --port "${DYAD_PORT:-8427}"
