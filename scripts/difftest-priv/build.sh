#!/bin/sh
# Builds probe-rv64.elf, probe-rv32.elf (every mode) and probe-mu-rv64.elf,
# probe-mu-rv32.elf (M and U only) into the directory given (default:
# the current one). See README.md.
set -e
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-.}
cc=${CC:-riscv64-unknown-elf-gcc}
for xlen in 64 32; do
  if [ $xlen = 64 ]; then arch=rv64imac_zicsr_zifencei; abi=lp64; else arch=rv32imac_zicsr_zifencei; abi=ilp32; fi
  "$cc" -march=$arch -mabi=$abi -mcmodel=medany -O2 -ffreestanding -fno-builtin -nostdlib \
    -static -Wall -Wextra -Werror -T "$here/link.ld" -o "$out/probe-rv$xlen.elf" \
    "$here/crt.S" "$here/support.c" "$here/probe.c"
  # A hart without S-mode (M and U only).
  "$cc" -march=$arch -mabi=$abi -mcmodel=medany -O2 -ffreestanding -fno-builtin -nostdlib \
    -static -Wall -Wextra -Werror -DNO_S -T "$here/link.ld" -o "$out/probe-mu-rv$xlen.elf" \
    "$here/crt.S" "$here/support.c" "$here/probe-mu.c"
done
