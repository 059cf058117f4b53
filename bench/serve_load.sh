#!/usr/bin/env bash
# Load benchmark of `dyad serve`: wrk (Debian's package) on loopback against
# /api/series (a cached answer) and /api/events (a page of a dyad's events,
# also cached) on a store of synthetic events; requests/s and p50/p99
# latency at 1, 16 and 64 connections, and the server's peak memory.
#
#   bash bench/serve_load.sh [MILLIONS_OF_EVENTS (default 1)] [SECONDS_PER_RUN (default 10)]
#
# Builds Release (build/release) and the synthetic store
# (/tmp/dyad-serve-<N>m.db, reused by later runs). Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
millions=${1:-1}
seconds=${2:-10}
port=${DYAD_BENCH_PORT:-18427}

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release --target dyad store_bench >/dev/null

store=/tmp/dyad-serve-${millions}m.db
build/release/bench/store_bench --synthetic-only "$store" "$millions"

build/release/dyad serve --db "$store" --port "$port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break
  sleep 0.1
done
echo "store: $(curl -s "http://127.0.0.1:$port/api/stats")"
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

run() {  # NAME PATH
  local name=$1 path=$2
  # The first answer is computed (and fills the cache); wrk then measures
  # cached answers, what a dashboard's repeated views get.
  echo "$name: first (uncached) answer in $(curl -sf -o /dev/null -w '%{time_total}' \
    "http://127.0.0.1:$port$path") s"
  printf '%-8s %-5s %12s %10s %10s\n' endpoint conns "requests/s" p50 p99
  for connections in 1 16 64; do
    local threads=$((connections < 2 ? 1 : 2))
    local out
    out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency \
      "http://127.0.0.1:$port$path")
    local rps p50 p99
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    printf '%-8s %-5s %12s %10s %10s\n' "$name" "$connections" "$rps" "$p50" "$p99"
    if grep -q "Non-2xx" <<<"$out"; then grep "Non-2xx" <<<"$out"; fi
  done
  echo
}
run series "/api/series?actor=USA&other=CHN&by=month"
run events "/api/events?dyad=VEN,COL&limit=50"
echo "server peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)"
