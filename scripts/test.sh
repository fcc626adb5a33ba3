#!/usr/bin/env bash
# Sets everything up, builds the release preset into build/ and runs the whole
# test suite. Extra arguments go to ctest (e.g. -R isa, -L unit).
# The exit status is ctest's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh
exec ctest --preset release "$@"
