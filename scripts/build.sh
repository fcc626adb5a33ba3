#!/usr/bin/env bash
# Sets everything up and builds the release preset into build/ (used by
# demo.sh and test.sh).
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
