#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (-DDYAD_FUZZ=ON, ASan and UBSan)
# and runs each for SECONDS (default 30) from its committed seed corpus in
# fuzz/corpus/<target>/. New inputs go to build/fuzz/found/<target>/ (not
# the committed corpus); a crash stops the script with its reproducer in
# build/fuzz/ and a non-zero exit.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]    targets: warc html gzip jsonl
# DYAD_FUZZ_SEED=N makes a run repeatable (CI uses a fixed seed, so a
# submission fails only on an input it can reproduce).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(warc html gzip jsonl)

command -v clang++ >/dev/null || {
  echo "fuzz.sh: clang++ is needed (apt-get install clang)" >&2
  exit 2
}
build=build/fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDYAD_FUZZ=ON -DBUILD_TESTING=OFF -DDYAD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" --target "${targets[@]/%/_fuzzer}"

for target in "${targets[@]}"; do
  found="$build/found/$target"
  mkdir -p "$found"
  echo "== ${target}_fuzzer: ${seconds} s"
  seed_flag=()
  [ -n "${DYAD_FUZZ_SEED:-}" ] && seed_flag=(-seed="$DYAD_FUZZ_SEED")
  (cd "$build" && "./fuzz/${target}_fuzzer" "${seed_flag[@]}" -max_total_time="$seconds" -max_len=262144 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "found/$target" \
    "../../fuzz/corpus/$target" 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)" || true
   exit "${PIPESTATUS[0]}")
done
