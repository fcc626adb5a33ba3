#!/usr/bin/env bash
# Sets everything up, builds the release preset into build/ and the Linux
# guest into build/linux/, and runs the whole test suite. Extra arguments go
# to ctest (e.g. -R isa, -L unit).
# The exit status is ctest's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh
# The Linux guest of the boot tests (skipped when build/linux is up to date).
bash scripts/build-linux.sh
exec ctest --preset release "$@"
