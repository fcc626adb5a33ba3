#!/usr/bin/env bash
# run_boot_test.sh CASE RVTLM SOURCE_DIR LINUX_DIR: boots Debian's OpenSBI and
# U-Boot and our Linux build on the virt platform and checks the console
# text and the exit status.
set -u
case_name=$1 rvtlm=$2 src=$3 linux=$4
# shellcheck source=../lib/command_checks.sh
. "$src/tests/lib/command_checks.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

opensbi=/usr/lib/riscv64-linux-gnu/opensbi/generic
uboot=/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
shell_check="$src/scripts/linux-shell-check.py"
need() { for f in "$@"; do [ -e "$f" ] || fail "missing $f (scripts/setup.sh installs the firmware, scripts/build-linux.sh builds Linux)"; done; }
# expect_line TEXT: stdout holds TEXT as a whole line (the UART sends \r\n).
expect_line() { tr -d '\r' <"$tmp/out" | grep -qxF -- "$1" || fail "no line '$1' in:
$(tr -d '\r' <"$tmp/out" | tail -n 40)"; }
boot_linux() {  # boot_linux INITRD [OPTIONS...]
  local initrd=$1; shift
  run_command "$rvtlm" run --uart stdio --bios "$opensbi/fw_jump.bin" --kernel "$linux/Image" \
    --initrd "$linux/$initrd" --append "console=ttyS0 quiet" --timeout 10s "$@"
}
init_lines=(
  "rvtlm-init: hello from user space"
  "rvtlm-init: getpid() = 1"
  "rvtlm-init: mount(proc, /proc) = 0"
  "rvtlm-init: nanosleep(10 ms) = 0"
  "rvtlm-init: monotonic clock advanced by 10 ms or more: yes"
  "rvtlm-init: read() = 48: this line was read from a file of the initramfs"
  "rvtlm-init: all 17 checks passed"
  "rvtlm-init: powering off")
expect_init() {
  expect_status 0
  for l in "${init_lines[@]}"; do expect_line "$l"; done
  tr -d '\r' <"$tmp/out" | grep -q "FAILED" && fail "a check of the init failed"
  expect_line "rvtlm-init: uname: sysname=Linux release=$(tr -d '\r' <"$tmp/out" | sed -n 's/.*release=\([^ ]*\) machine=riscv64/\1/p' | head -n1) machine=riscv64"
}

case "$case_name" in
  opensbi-fw-jump)
    need "$opensbi/fw_jump.bin"
    # No payload: OpenSBI prints its banner, jumps to an empty kernel slot.
    run_command "$rvtlm" run --uart stdio --bios "$opensbi/fw_jump.bin" --timeout 50ms
    expect_status 124
    expect_line "Platform Name             : rvtlm,virt"
    expect_line "Platform HART Count       : 1"
    expect_line "Platform IPI Device       : aclint-mswi"
    expect_line "Platform Timer Device     : aclint-mtimer @ 10000000Hz"
    expect_line "Platform Console Device   : uart8250"
    expect_line "Platform Shutdown Device  : sifive_test"
    expect_line "Domain0 Next Address      : 0x0000000080200000"
    expect_line "Domain0 Next Mode         : S-mode"
    expect_line "Boot HART Base ISA        : rv64imafdc"
    expect_line "Boot HART ISA Extensions  : time,sstc"
    expect_line "Boot HART PMP Count       : 16"
    expect_line "Boot HART MIDELEG         : 0x0000000000000222" ;;
  opensbi-fw-dynamic-4)
    need "$opensbi/fw_dynamic.bin" "$uboot"
    # fw_dynamic finds the payload's address in the info block a2 points to.
    run_command "$rvtlm" run --uart stdio --harts 4 --bios "$opensbi/fw_dynamic.bin" \
      --kernel "$uboot" --timeout 100ms
    expect_status 124
    expect_line "Platform HART Count       : 4"
    expect_line "Domain0 HARTs             : 0*,1*,2*,3*"
    expect_line "Domain0 Next Address      : 0x0000000080200000"
    tr -d '\r' <"$tmp/out" | grep -q "^U-Boot 2023.01" || fail "U-Boot did not start: $(tail -n 5 "$tmp/out")" ;;
  uboot-prompt)
    need "$opensbi/fw_jump.bin" "$uboot"
    # U-Boot as OpenSBI's payload: a command typed at its prompt, then
    # poweroff through the SBI system reset and the test finisher.
    python3 "$shell_check" --quiet --log "$tmp/log" --prompt "=> " --send version \
      --send poweroff --expect "U-Boot 2023\.01.*" --expect "poweroff \.\.\." --timeout 200 -- \
      sh -c 'exec "$@" 2>"$0"' "$tmp/err" \
      "$rvtlm" run --uart stdio --bios "$opensbi/fw_jump.bin" --kernel "$uboot" --timeout 60s \
      >"$tmp/check" || fail "U-Boot session: $(cat "$tmp/check"; tail -n 20 "$tmp/log"; cat "$tmp/err")" ;;
  uboot-reset)
    need "$opensbi/fw_jump.bin" "$uboot"
    # U-Boot's reset: the SBI system reset writes 0x7777 to the finisher, the
    # platform loads its images again and restarts every hart: OpenSBI and
    # U-Boot come up a second time (their banner after the typed line).
    python3 "$shell_check" --quiet --log "$tmp/log" --prompt "=> " --send reset --send version \
      --send poweroff --expect "resetting \.\.\." --expect "OpenSBI v1\.1" \
      --expect "Platform Name *: rvtlm,virt" --expect "poweroff \.\.\." --timeout 250 -- \
      sh -c 'exec "$@" 2>"$0"' "$tmp/err" \
      "$rvtlm" run --uart stdio --bios "$opensbi/fw_jump.bin" --kernel "$uboot" --timeout 120s \
      >"$tmp/check" || fail "U-Boot session: $(cat "$tmp/check"; tail -n 20 "$tmp/log"; cat "$tmp/err")" ;;
  linux-1)
    need "$opensbi/fw_jump.bin" "$linux/Image" "$linux/initramfs.cpio"
    boot_linux initramfs.cpio
    expect_init
    [ "$(tr -d '\r' <"$tmp/out" | grep -c '^processor')" = 1 ] || fail "cpuinfo: $(grep processor "$tmp/out")"
    expect_line "isa		: rv64imafdc_sstc_zihintpause"
    expect_line "mmu		: sv48" ;;
  linux-4)
    need "$opensbi/fw_jump.bin" "$linux/Image" "$linux/initramfs.cpio"
    boot_linux initramfs.cpio --harts 4
    expect_init
    [ "$(tr -d '\r' <"$tmp/out" | grep -c '^processor')" = 4 ] || fail "cpuinfo: $(grep processor "$tmp/out")"
    expect_line "0-3" ;;
  linux-fw-dynamic)
    need "$opensbi/fw_dynamic.bin" "$linux/Image" "$linux/initramfs.cpio"
    run_command "$rvtlm" run --uart stdio --harts 2 --bios "$opensbi/fw_dynamic.bin" \
      --kernel "$linux/Image" --initrd "$linux/initramfs.cpio" --append "console=ttyS0 quiet" --timeout 10s
    expect_init ;;
  linux-dmi-off)
    # Without DMI every access, the page-table walks' included, is a TLM
    # transaction.
    need "$opensbi/fw_jump.bin" "$linux/Image" "$linux/initramfs.cpio"
    boot_linux initramfs.cpio --dmi off
    expect_init ;;
  linux-shell)
    need "$opensbi/fw_jump.bin" "$linux/Image" "$linux/initramfs-shell.cpio"
    # rvtlm's own messages go to a file, not into the console's lines.
    python3 "$shell_check" --quiet --log "$tmp/log" --timeout 200 -- \
      sh -c 'exec "$@" 2>"$0"' "$tmp/err" \
      "$rvtlm" run --uart stdio --harts 4 --bios "$opensbi/fw_jump.bin" --kernel "$linux/Image" \
      --initrd "$linux/initramfs-shell.cpio" --append "console=ttyS0 quiet" --timeout 60s \
      >"$tmp/check" || fail "shell session: $(cat "$tmp/check"; tail -n 20 "$tmp/log"; cat "$tmp/err")" ;;
  linux-determinism)
    need "$opensbi/fw_jump.bin" "$linux/Image" "$linux/initramfs.cpio"
    # The same console text and power-off time on every run; one hart gives
    # the same for every quantum. (The last [rvtlm] line is the final
    # statistics; earlier ones are progress, printed by host time.)
    for q in 1us 1ms 1ms; do
      boot_linux initramfs.cpio --quantum "$q" --stats
      expect_init
      cp "$tmp/out" "$tmp/out-$q"
      grep '^\[rvtlm\]' "$tmp/err" | tail -n 1 | sed 's/, [0-9.]* MIPS//' >"$tmp/time-$q"
    done
    cmp -s "$tmp/out-1us" "$tmp/out-1ms" || fail "console text differs between quanta"
    cmp -s "$tmp/time-1us" "$tmp/time-1ms" || fail "power-off time differs: $(cat "$tmp/time-1us") / $(cat "$tmp/time-1ms")"
    for q in 1ms 1ms; do
      boot_linux initramfs.cpio --harts 4 --quantum "$q" --stats
      expect_init
      grep '^\[rvtlm\]' "$tmp/err" | tail -n 1 | sed 's/, [0-9.]* MIPS//' >>"$tmp/time-smp"
      tr -d '\r' <"$tmp/out" >>"$tmp/out-smp"
    done
    [ "$(sort -u "$tmp/time-smp" | wc -l)" = 1 ] || fail "4 harts: power-off time differs: $(cat "$tmp/time-smp")" ;;
  *) fail "unknown case $case_name" ;;
esac
echo "PASS ($case_name)"
