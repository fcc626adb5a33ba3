#!/usr/bin/env bash
# Sets everything up, builds the release preset into build/ and runs the main
# demo: the virt platform (SystemC/TLM-2.0) booting a bare-metal RV64 "hello"
# program that prints over the 16550 UART.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh

elf=build/examples/hello/hello-rv64.elf
if [ ! -f "$elf" ]; then
  echo "demo: $elf was not built (is RVTLM_BUILD_GUESTS off in build/CMakeCache.txt?)" >&2
  exit 1
fi
echo "demo: build/rvtlm run --platform virt --stats $elf"
exec build/rvtlm run --platform virt --stats "$elf"
