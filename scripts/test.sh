#!/usr/bin/env bash
# The README's second command: install what is missing, build everything
# (with assertions on) and run every test with CTest.
# DYAD_SANITIZE=1 builds and tests under AddressSanitizer and UBSan instead.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/install-test-deps.sh
build=build/test
flags=(-DCMAKE_BUILD_TYPE=Debug -DDYAD_WERROR=ON)
if [ "${DYAD_SANITIZE:-0}" = 1 ]; then
  build=build/sanitize
  flags=(-DCMAKE_BUILD_TYPE=Debug -DDYAD_SANITIZE=ON -DDYAD_BENCHMARKS=OFF)
fi
cmake -S . -B "$build" -G Ninja "${flags[@]}" >/dev/null
cmake --build "$build"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
