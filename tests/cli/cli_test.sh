#!/usr/bin/env bash
# cli_test.sh CASE RVTLM_ISS BINARY_DIR: one test of the rvtlm-iss command line.
set -u
case_name=$1
iss=$2
bin=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

source "$(dirname "${BASH_SOURCE[0]}")/../lib/command_checks.sh"

# run ARGS...: runs rvtlm-iss.
run() { run_command "$iss" "$@"; }

basic=$bin/cli-basic-rv64.elf
case $case_name in
  missing-file) run "$tmp/none.elf"; expect_error "none\.elf: No such file" ;;
  empty-file) : >"$tmp/empty.elf"; run "$tmp/empty.elf"; expect_error "empty\.elf: not an ELF file" ;;
  truncated-elf)
    head -c 100 "$basic" >"$tmp/cut.elf"; run "$tmp/cut.elf"; expect_error "cut\.elf: truncated" ;;
  not-riscv) run /bin/true; expect_error "/bin/true: not a RISC-V ELF file" ;;
  wrong-class) run --xlen 64 "$bin/cli-basic-rv32.elf"; expect_error "cli-basic-rv32\.elf: wrong ELF class" ;;
  outside-ram) run "$bin/cli-low-rv64.elf"; expect_error "cli-low-rv64\.elf: segment at 0x40000000 .* outside RAM" ;;
  unknown-option) run --bogus "$basic"; expect_error "unknown option '--bogus'" ;;
  bad-harts) run --harts 0 "$basic"; expect_error "--harts must be between 1 and 64" ;;
  bad-xlen) run --xlen 16 "$basic"; expect_error "--xlen must be 32 or 64, not '16'" ;;
  bad-memory) run --memory 12Q "$basic"; expect_error "--memory: expected a multiple of 4K .*not '12Q'" ;;
  bad-misaligned) run --misaligned maybe "$basic"; expect_error "--misaligned must be trap or emulate, not 'maybe'" ;;
  no-program) run --stats; expect_error "no program given" ;;
  two-programs) run "$basic" "$basic"; expect_error "more than one program given" ;;
  console-and-exit)
    run "$basic"; expect_status 5; [ "$out" = "ok" ] || fail "stdout '$out'" ;;
  htif-exit) run "$bin/cli-htif-rv64.elf"; expect_status 7 ;;
  unmapped-access) run "$bin/cli-unmapped-rv64.elf"; expect_status 133 ;;
  top-of-memory) run "$bin/cli-top-rv64.elf"; expect_status 135 ;;
  illegal-instruction) run "$bin/cli-illegal-rv64.elf"; expect_status 130 ;;
  max-insns)
    run --max-insns 1000 "$bin/cli-spin-rv64.elf"; expect_status 124
    grep -q "stopped after 1000 instructions (--max-insns)" "$tmp/err" || fail "stderr '$err'" ;;
  trace)
    # The same option and format as rvtlm run: time, hart, count, pc, encoding, disassembly.
    run --trace insn "$tmp/trace" "$basic"; expect_status 5
    [ "$(wc -l <"$tmp/trace")" -eq 11 ] || fail "trace has $(wc -l <"$tmp/trace") lines, expected 11"
    grep -qxE "0 ns hart0 0 0x0000000080000000 \(0x[0-9a-f]+\) lui t0,0x10000" "$tmp/trace" || fail "first line: $(head -1 "$tmp/trace")"
    sed -n 3p "$tmp/trace" | grep -qxE "2 ns hart0 2 0x0000000080000008 \(0x00628023\) sb t1,0\(t0\)" || fail "third line: $(sed -n 3p "$tmp/trace")"
    tail -1 "$tmp/trace" | grep -qE "sw t1,0\(t0\)$" || fail "last line: $(tail -1 "$tmp/trace")"
    run --trace tlm "$tmp/trace" "$basic"; expect_error "--trace tlm: rvtlm-iss has no TLM transactions" ;;
  options-after-program)
    run "$basic" --stats --max-insns=1000; expect_status 5
    grep -qE "^rvtlm-iss: instructions=11 " "$tmp/err" || fail "stderr '$err'"
    run -- "$basic"; expect_status 5 ;;
  quantum-time)
    # The quantum is a time, as for rvtlm run (1 ns per instruction here).
    run --quantum 10us --harts 2 "$basic"; expect_status 5
    run --quantum 10 "$basic"; expect_status 5
    run --quantum 10xs "$basic"; expect_error "--quantum: expected a time such as 10us" ;;
  version)
    run --version; expect_status 0
    echo "$out" | grep -qxE "rvtlm-iss [0-9]+\.[0-9]+\.[0-9]+" || fail "stdout '$out'" ;;
  stats)
    run --stats "$basic"; expect_status 5
    grep -qE "^rvtlm-iss: instructions=11 seconds=[0-9.]+ mips=[0-9.]+$" "$tmp/err" || fail "stderr '$err'" ;;
  fifo-program) mkfifo "$tmp/fifo.elf"; run_command timeout 10 "$iss" "$tmp/fifo.elf"; expect_error "fifo\.elf: not a regular file \(a FIFO\)" ;;
  huge-segment)
    make_huge_segment_elf "$basic" "$tmp/huge.elf"; run "$tmp/huge.elf"
    expect_error "huge\.elf: segment at 0x80000000 \(41875931136 bytes\) outside RAM" ;;
  lockup)
    run "$bin/cli-lockup-rv64.elf"; expect_status 1
    head -1 "$tmp/err" | grep -qE "^rvtlm-iss: hart 0: lockup: .*\(the first: cause 2 at pc 0x80000004, tval 0x0\)$" || fail "stderr '$err'"
    tail -1 "$tmp/err" | grep -qx "rvtlm-iss: stopped: hart 0 locked up" || fail "stderr '$err'" ;;
  guest-status-collision)
    run "$bin/cli-exit2-rv64.elf"; expect_status 2
    [ "$err" = "rvtlm-iss: exit status 2 is the guest's own exit code" ] || fail "stderr '$err'"
    run "$bin/cli-exit300-rv64.elf"; expect_status 255
    [ "$err" = "rvtlm-iss: the guest's exit code 300 does not fit an exit status: 255" ] || fail "stderr '$err'" ;;
  help) run --help; expect_status 0; grep -q "Usage: rvtlm-iss" "$tmp/out" || fail "no usage text" ;;
  *) fail "unknown case" ;;
esac
echo "PASS ($case_name)"
