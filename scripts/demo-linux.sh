#!/usr/bin/env bash
# Sets everything up, builds rvtlm and the Linux guest (build/linux/), then
# boots Debian's OpenSBI and our Linux kernel on the virt platform with four
# harts, to an interactive shell on this terminal (type `poweroff` to end).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh
bash scripts/build-linux.sh
fw=/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin
cmd=(build/rvtlm run --harts 4 --bios "$fw" --kernel build/linux/Image
     --initrd build/linux/initramfs-shell.cpio --append "console=ttyS0 quiet" --stats)
echo "demo: ${cmd[*]}"
exec "${cmd[@]}"
