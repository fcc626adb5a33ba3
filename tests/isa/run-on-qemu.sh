#!/bin/sh
# Runs already built ISA test ELFs on QEMU's virt machine, as a cross-check
# of the tests themselves (builds nothing):
#   tests/isa/run-on-qemu.sh build/tests/isa/isa-*.elf
# Prints PASS, DIFF (a known QEMU 7.2 difference: the run stops at the
# expected case) or FAIL per ELF; exits non-zero when any FAIL occurs.
#
# Known differences of QEMU 7.2 (first case that stops the run):
#   csr                 67: mcountinhibit.TM is writable; further down mepc[0]
#                       is kept (250).
#   traps               82: an AMO to an unmapped address raises a load
#                       access fault instead of a store/AMO access fault.
#   counters            10: run with -icount shift=0; QEMU also counts the
#                       instruction that writes minstret, counts trapping
#                       instructions, does not freeze mcycle with
#                       mcountinhibit.CY and counts wfi twice.
#   misaligned-trap     1: QEMU performs misaligned loads/stores, never traps.
#   misaligned-emulate  230: QEMU performs misaligned AMOs and fails an SC to a
#                       misaligned address instead of trapping.
# Building a test with -DQEMU_COMPAT=1 leaves those checks out (see test.h).
# QEMU needs pmu-num=29 so that mhpmcounter3..31 exist (they read zero).

status=0
for elf in "$@"; do
  case "$(od -An -tu1 -j4 -N1 "$elf" | tr -d ' ')" in
    1) xlen=32 ;;
    2) xlen=64 ;;
    *) echo "SKIP $elf (not an ELF)"; continue ;;
  esac
  name=$(basename "$elf" .elf)
  opts=""
  known=""
  case "$name" in
    *multihart*) opts="-smp 2" ;;
    *counters*) opts="-icount shift=0"; known=10 ;;
    *misaligned-trap*) known=1 ;;
    *misaligned-emulate*) known=230 ;;
    *-csr) known=67 ;;
    *-traps) known=82 ;;
  esac
  # shellcheck disable=SC2086
  timeout 10 "qemu-system-riscv$xlen" -M virt -cpu "rv$xlen,pmu-num=29" \
    -bios none -nographic -monitor none -serial null $opts -kernel "$elf" \
    </dev/null >/dev/null 2>&1
  rc=$?
  if [ "$rc" -eq 0 ]; then
    echo "PASS $name"
  elif [ "$rc" = "$known" ]; then
    echo "DIFF $name (stops at case $rc: known QEMU difference)"
  elif [ "$rc" -eq 124 ]; then
    echo "FAIL $name (timeout)"; status=1
  else
    echo "FAIL $name (case $rc)"; status=1
  fi
done
exit $status
