#!/usr/bin/env bash
# Sets everything up, builds the release preset into build/ and runs the whole
# test suite. Extra arguments go to ctest (e.g. -R isa, -L unit).
# The exit status is ctest's.
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
exec ctest --preset release "$@"
