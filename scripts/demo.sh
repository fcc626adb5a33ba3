#!/usr/bin/env bash
# Sets everything up, builds the release preset into build/ and runs the main
# demo: a bare-metal RV64 "hello" program on the standalone ISS runner.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh

# A build/ made by hand with another generator cannot be reused by the Ninja
# preset: start its cache afresh (build/debug, build/asan, ... are untouched).
fresh=()
if [ -f build/CMakeCache.txt ] && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' build/CMakeCache.txt; then
  fresh=(--fresh)
fi
cmake --preset release "${fresh[@]}"
cmake --build --preset release -j"$(nproc)"

elf=build/examples/hello/hello-rv64.elf
if [ ! -f "$elf" ]; then
  echo "demo: $elf was not built (is RVTLM_BUILD_GUESTS off in build/CMakeCache.txt?)" >&2
  exit 1
fi
echo "demo: build/iss/rvtlm-iss $elf"
exec build/iss/rvtlm-iss "$elf"
