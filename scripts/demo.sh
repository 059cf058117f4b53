#!/usr/bin/env bash
# The README's first command: install what is missing, build a Release dyad,
# and code the bundled example corpus into a table and a per-dyad summary.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/build-web.sh  # the dashboard's script for `dyad serve`: web/dist/ (npm ci + esbuild)
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
echo "Building build/release/dyad ..."
if ! cmake --build build/release --target dyad >build/release/build.log 2>&1; then
  cat build/release/build.log
  exit 1
fi
echo
echo "== dyad code examples/news.jsonl --format table --summary"
build/release/dyad code examples/news.jsonl --format table --summary
