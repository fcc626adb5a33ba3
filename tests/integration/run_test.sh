#!/usr/bin/env bash
# run_test.sh CASE RVTLM BINARY_DIR SOURCE_DIR: one integration test of the
# `rvtlm run` command line on the virt and mcu platforms.
set -u
case_name=$1
rvtlm=$2
bin=$3
src=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

source "$(dirname "${BASH_SOURCE[0]}")/../lib/command_checks.sh"

# run ARGS...: `rvtlm run ARGS` with the console on stdout.
run() { run_command "$rvtlm" run --uart stdio "$@"; }
# expect_out TEXT: stdout is exactly TEXT (the console sends \r\n for \n).
expect_out() {
  local want
  want=$(printf '%s' "$1" | sed 's/$/\r/')
  [ "$out" = "$want" ] || fail "stdout:
$(printf '%s' "$out" | cat -A)
expected:
$(printf '%s' "$want" | cat -A)"
}
smp() {  # smp HARTS ARCH [OPTIONS...]
  local harts=$1 arch=$2
  shift 2
  run --harts "$harts" "$@" "$bin/it-smp-$arch.elf"
  expect_status 0
  local n=$((harts * 2000))
  expect_out "$harts harts: amoadd $n, lr/sc $n, expected $n each
smp ok"
}

hello_rv64=$bin/it-hello-rv64.elf
case $case_name in
  hello-virt)
    run "$hello_rv64"; expect_status 0
    echo "$out" | head -1 | grep -qx $'Hello from hart 0 of rvtlm!\r' || fail "stdout '$out'"
    echo "$out" | tail -1 | grep -qxE $'[0-9]+ instructions retired before this line.\r' || fail "stdout '$out'" ;;
  hello-virt-rv32)
    run --platform virt "$bin/it-hello-rv32.elf"; expect_status 0
    echo "$out" | head -1 | grep -qx $'Hello from hart 0 of rvtlm!\r' || fail "stdout '$out'" ;;
  hello-mcu)
    run --platform mcu "$bin/it-hello-mcu.elf"; expect_status 0
    echo "$out" | head -1 | grep -qx $'Hello from hart 0 of rvtlm!\r' || fail "stdout '$out'" ;;
  mcu-data)
    run --platform mcu "$bin/it-mcu-data.elf"; expect_status 0
    echo "$out" | head -1 | grep -qE '^counter 42, message "from flash" at 0x200[0-9a-f]+, code at 0x200' || fail "stdout '$out'"
    echo "$out" | tail -1 | grep -qx $'store to flash: cause 7\r' || fail "stdout '$out'" ;;
  timer-rv64|timer-rv32)
    run "$bin/it-${case_name}.elf"; expect_status 0
    expect_out "3 timer interrupts, 10000 ticks apart
UART interrupt through the PLIC: source 10" ;;
  sstc)
    # The supervisor timer (stimecmp) interrupts at its deadline, also from
    # wfi and also while the hart is busy, at the same instruction for every
    # quantum.
    for arch in rv64 rv32; do
      run --quantum 1us "$bin/it-sstc-$arch.elf"; expect_status 0
      grep -q "^sstc: 5000 5000 ticks apart, late by 0 0, instret" "$tmp/out" || fail "$arch: $(cat "$tmp/out")"
      first=$(cat "$tmp/out")
      run --quantum 1ms "$bin/it-sstc-$arch.elf"; expect_status 0
      [ "$(cat "$tmp/out")" = "$first" ] || fail "$arch quantum 1ms: $(cat "$tmp/out") vs $first"
    done ;;
  timer-no-deadline)
    # Plain loosely-timed mode: the handler's store to mtimecmp lowers MTIP
    # before the hart's next instruction, so each tick is taken once.
    for arch in rv64 rv32; do
      run --no-deadline "$bin/it-timer-$arch.elf"; expect_status 0
      expect_out "3 timer interrupts, 10000 ticks apart
UART interrupt through the PLIC: source 10"
    done ;;
  boot-registers)
    run --harts 2 "$bin/it-boot-rv64.elf"; expect_status 0
    echo "$out" | head -1 | grep -qE $'^a0 0, dtb magic 0xd00dfeed, [0-9]+ bytes, 2 harts\r$' || fail "stdout '$out'"
    echo "$out" | tail -1 | grep -qx $'hart 1: a0 1\r' || fail "stdout '$out'"
    run --xlen 32 --harts 1 "$bin/it-boot-rv32.elf"; expect_status 0 ;;
  smp-2-rv64) smp 2 rv64 ;;
  smp-4-rv64) smp 4 rv64 ;;
  smp-8-rv64) smp 8 rv64 ;;
  smp-2-rv32) smp 2 rv32 ;;
  smp-4-rv32) smp 4 rv32 ;;
  smp-8-rv32) smp 8 rv32 ;;
  smp-8-small-quantum) smp 8 rv64 --quantum 50ns ;;
  smp-lockstep) smp 2 rv64 --sync lockstep ;;
  htif-exit) run "$bin/it-htif-rv64.elf"; expect_status 7 ;;
  bios-binary)
    # Firmware as a raw binary at the start of RAM, as QEMU's -bios.
    riscv64-unknown-elf-objcopy -O binary "$bin/it-basic-rv64.elf" "$tmp/fw.bin" || fail "objcopy"
    run --bios "$tmp/fw.bin"; expect_status 5; [ "$out" = ok ] || fail "stdout '$out'" ;;
  kernel-elf)
    run --kernel "$bin/it-htif-rv64.elf"; expect_status 7 ;;
  timeout)
    run --timeout 2ms "$bin/it-spin-rv64.elf"; expect_status 124
    grep -q "timeout after 2 ms" "$tmp/err" || fail "stderr '$err'" ;;
  timeout-beyond-next-event)
    # The next event (the first sync) lies beyond the timeout: still 124, and
    # with --stats (progress in slices) no endless loop.
    for opts in "--icount-shift 20" "--quantum 10ms" "--icount-shift 20 --stats"; do
      run_command timeout 60 "$rvtlm" run $opts --timeout 1ps "$bin/it-spin-rv64.elf"
      expect_status 124
      grep -q "timeout after 1 ps" "$tmp/err" || fail "$opts: stderr '$err'"
      ! grep -q "W571" "$tmp/err" || fail "$opts: stderr '$err'"
    done ;;
  stalled)
    run "$bin/it-stall-rv64.elf"; expect_status 1
    [ "$err" = "rvtlm: deadlock at 1 ns: the harts wait for an interrupt and nothing is left to simulate" ] ||
      fail "stderr '$err'" ;;
  lockup)
    run "$bin/it-lockup-rv64.elf"; expect_status 1
    [ "$(wc -l <"$tmp/err")" -eq 2 ] || fail "stderr '$err'"
    # The report names the fault that started the loop: the illegal
    # instruction, not the fetch faults at mtvec that followed.
    head -1 "$tmp/err" | grep -qE "^rvtlm: platform\.hart0: lockup: .*\(the first: cause 2 at pc 0x80000004, tval 0x0\)$" || fail "stderr '$err'"
    tail -1 "$tmp/err" | grep -qx "rvtlm: stopped: hart 0 locked up at 1 ns" || fail "stderr '$err'" ;;
  guest-status-collision)
    run "$bin/it-exit2-rv64.elf"; expect_status 2
    [ "$err" = "rvtlm: exit status 2 is the guest's own exit code" ] || fail "stderr '$err'"
    run "$bin/it-exit300-rv64.elf"; expect_status 255
    [ "$err" = "rvtlm: the guest's exit code 300 does not fit an exit status: 255" ] || fail "stderr '$err'"
    run "$bin/it-htif-rv64.elf"; expect_status 7
    [ -z "$err" ] || fail "stderr '$err'" ;;
  device-tree)
    "$rvtlm" run --harts 4 --memory 256M --dump-dtb "$tmp/virt.dtb" || fail "--dump-dtb failed"
    [ "$(fdtget -t s "$tmp/virt.dtb" /chosen stdout-path)" = /soc/serial@10000000 ] || fail "stdout-path"
    [ "$(fdtget -t x "$tmp/virt.dtb" /memory@80000000 reg)" = "0 80000000 0 10000000" ] || fail "memory reg: $(fdtget -t x "$tmp/virt.dtb" /memory@80000000 reg)"
    [ "$(fdtget -l "$tmp/virt.dtb" /cpus | tr '\n' ' ')" = "cpu@0 cpu@1 cpu@2 cpu@3 " ] || fail "cpus: $(fdtget -l "$tmp/virt.dtb" /cpus)"
    [ "$(fdtget -t s "$tmp/virt.dtb" /cpus/cpu@0 riscv,isa)" = rv64imafdc_zicond_zicsr_zifencei_zihintpause_zba_zbb_zbs_sdtrig_sstc ] || fail "isa"
    [ "$(fdtget -t s "$tmp/virt.dtb" /cpus/cpu@0 mmu-type)" = riscv,sv48 ] || fail "mmu-type"
    [ "$(fdtget -t u "$tmp/virt.dtb" /cpus timebase-frequency)" = 10000000 ] || fail "timebase"
    [ "$(fdtget -t u "$tmp/virt.dtb" /soc/plic@c000000 riscv,ndev)" = 95 ] || fail "ndev"
    # 4 harts x (M, S) contexts: <intc 11 intc 9> each.
    [ "$(fdtget -t u "$tmp/virt.dtb" /soc/plic@c000000 interrupts-extended | wc -w)" = 16 ] || fail "plic contexts"
    [ "$(fdtget -t u "$tmp/virt.dtb" /soc/serial@10000000 interrupts)" = 10 ] || fail "uart irq"
    plic=$(fdtget -t u "$tmp/virt.dtb" /soc/plic@c000000 phandle)
    [ "$(fdtget -t u "$tmp/virt.dtb" /soc/serial@10000000 interrupt-parent)" = "$plic" ] || fail "interrupt-parent"
    [ "$(fdtget -t s "$tmp/virt.dtb" /soc/clint@2000000 compatible | head -c 13)" = "sifive,clint0" ] || fail "clint"
    "$rvtlm" run --platform mcu --dump-dtb "$tmp/mcu.dtb" || fail "mcu --dump-dtb failed"
    [ "$(fdtget -t s "$tmp/mcu.dtb" /cpus/cpu@0 riscv,isa)" = rv32imac_zicsr_zifencei ] || fail "mcu isa"
    [ "$(fdtget -t u "$tmp/mcu.dtb" /soc/plic@c000000 interrupts-extended | wc -w)" = 2 ] || fail "mcu contexts"
    # The mcu's read-only flash is on the bus as a memory-mapped ROM.
    [ "$(fdtget -t s "$tmp/mcu.dtb" /soc/flash@20000000 compatible)" = mtd-rom ] || fail "mcu flash"
    [ "$(fdtget -t x "$tmp/mcu.dtb" /soc/flash@20000000 reg)" = "0 20000000 0 100000" ] || fail "mcu flash reg"
    # dtc finds nothing to warn about.
    for dtb in virt mcu; do
      dtc -I dtb -O dts -o "$tmp/$dtb.dts" "$tmp/$dtb.dtb" 2>"$tmp/dtc.err" || fail "dtc $dtb"
      [ ! -s "$tmp/dtc.err" ] || fail "dtc warns on $dtb: $(cat "$tmp/dtc.err")"
    done
    # --isa: the string the harts get, and no S context without S-mode.
    "$rvtlm" run --isa rv64imac_zicsr_zifencei --dump-dtb "$tmp/m.dtb" || fail "--isa --dump-dtb failed"
    [ "$(fdtget -t s "$tmp/m.dtb" /cpus/cpu@0 riscv,isa)" = rv64imac_zicsr_zifencei ] || fail "--isa string"
    [ "$(fdtget -t u "$tmp/m.dtb" /soc/plic@c000000 interrupts-extended | wc -w)" = 2 ] || fail "--isa contexts"
    ! fdtget "$tmp/m.dtb" /cpus/cpu@0 mmu-type 2>/dev/null || fail "mmu-type without S"
    "$rvtlm" run --isa rv64imaq --dump-dtb "$tmp/bad.dtb" 2>"$tmp/err"; [ $? = 2 ] || fail "--isa rv64imaq status"
    grep -q "unsupported extension 'q'" "$tmp/err" || fail "--isa message: $(cat "$tmp/err")" ;;
  platform-file)
    # A description of the user's own (not built in): its console UART
    # writes to a file, and the device tree names the model.
    run --platform "$src/custom.json" --uart "file:$tmp/console.txt" "$bin/it-basic-rv64.elf"
    expect_status 5
    [ -z "$out" ] || fail "stdout '$out'"
    [ "$(cat "$tmp/console.txt")" = ok ] || fail "console file: $(cat "$tmp/console.txt")"
    "$rvtlm" run --platform "$src/custom.json" --dump-dtb "$tmp/custom.dtb" || fail "--dump-dtb"
    [ "$(fdtget -t s "$tmp/custom.dtb" / model)" = example,custom ] || fail "model"
    [ "$(fdtget -t x "$tmp/custom.dtb" /memory@80000000 reg)" = "0 80000000 0 1000000" ] || fail "memory" ;;
  uart-file)
    run --uart "file:$tmp/console.txt" "$hello_rv64"; expect_status 0
    [ -z "$out" ] || fail "stdout '$out'"
    head -1 "$tmp/console.txt" | grep -qx $'Hello from hart 0 of rvtlm!\r' || fail "file: $(cat "$tmp/console.txt")" ;;
  time-models)
    # mtime runs at 10 MHz of simulated time: the timer example takes the
    # same instructions whatever the time per instruction, but a different
    # number of them spent waiting.
    for opt in "--ns-per-insn 2" "--icount-shift 3" "--hz 50000000 --ipc 1.5"; do
      run $opt "$bin/it-timer-rv64.elf"; expect_status 0
      expect_out "3 timer interrupts, 10000 ticks apart
UART interrupt through the PLIC: source 10"
    done ;;
  trace-insn)
    run --trace insn "$tmp/trace" "$bin/it-basic-rv64.elf"; expect_status 5
    [ "$(wc -l <"$tmp/trace")" -eq 11 ] || fail "trace has $(wc -l <"$tmp/trace") lines, expected 11"
    # time, hart, instructions before it, pc, encoding, disassembly
    head -1 "$tmp/trace" | grep -qxE "0 ns hart0 0 0x0000000080000000 \(0x[0-9a-f]+\) lui t0,0x10000" || fail "first line: $(head -1 "$tmp/trace")"
    sed -n 3p "$tmp/trace" | grep -qxE "2 ns hart0 2 0x0000000080000008 \(0x00628023\) sb t1,0\(t0\)" || fail "third line: $(sed -n 3p "$tmp/trace")"
    # Times of a 3 GHz core are fractions of a nanosecond.
    run --hz 3e9 --trace insn "$tmp/trace" "$bin/it-basic-rv64.elf"; expect_status 5
    sed -n 3p "$tmp/trace" | grep -qE "^0\.667 ns hart0 2 " || fail "3 GHz: $(sed -n 3p "$tmp/trace")"
    # Two harts: each line names its hart.
    run --harts 2 --trace insn "$tmp/trace" "$bin/it-smp-rv64.elf"; expect_status 0
    grep -q " hart1 " "$tmp/trace" || fail "no hart1 in the trace" ;;
  trace-tlm)
    run --trace tlm "$tmp/trace" "$bin/it-basic-rv64.elf"; expect_status 5
    # o, k, \n to the UART, then the finisher: each at the time of its
    # instruction (1 ns each; the first store is the third instruction).
    [ "$(wc -l <"$tmp/trace")" -eq 4 ] || fail "trace: $(cat "$tmp/trace")"
    # time, initiator, R/W, address, length, data, target, response
    head -1 "$tmp/trace" | grep -qx "2 ns hart0 W 0x10000000 1 0x6f uart0 TLM_OK_RESPONSE" || fail "first line: $(head -1 "$tmp/trace")"
    tail -1 "$tmp/trace" | grep -qxE "10 ns hart0 W 0x00100000 4 0x53333 finisher TLM_OK_RESPONSE" || fail "last line: $(tail -1 "$tmp/trace")"
    run --harts 2 --trace tlm "$tmp/trace" "$bin/it-two-harts-rv64.elf"; expect_status 0
    grep -qE "^[0-9.]+ ns hart1 [RW] " "$tmp/trace" || fail "no transaction of hart1"
    grep -qE "^[0-9.]+ ns hart0 [RW] " "$tmp/trace" || fail "no transaction of hart0" ;;
  vcd)
    run --vcd "$tmp/waves.vcd" "$bin/it-timer-rv64.elf"; expect_status 0
    grep -q '\$var .* hart0_mtip ' "$tmp/waves.vcd" || fail "no hart0_mtip in the VCD"
    grep -q '\$var .* uart0_tx ' "$tmp/waves.vcd" || fail "no uart0_tx in the VCD"
    grep -q '\$var .* irq10_uart0 ' "$tmp/waves.vcd" || fail "no irq10_uart0 in the VCD"
    # Every byte is recorded, repeated ones too ("ll" in "Hello"): the last
    # value of uart0_tx_count is the number of bytes on the console.
    run --vcd "$tmp/hello.vcd" "$hello_rv64"; expect_status 0
    id=$(sed -n 's/^\$var  *[a-z]*  *[0-9]*  *\([^ ]*\)  *uart0_tx_count .*/\1/p' "$tmp/hello.vcd")
    [ -n "$id" ] || fail "no uart0_tx_count in the VCD"
    last=$(grep -E "^b[01]+ $id\$" "$tmp/hello.vcd" | tail -1 | cut -c2- | cut -d' ' -f1)
    [ "$((2#$last))" -eq "$(wc -c <"$tmp/out")" ] || fail "tx_count $((2#$last)), console $(wc -c <"$tmp/out") bytes"
    # ($dumpvars gives the initial 0 one line too.)
    [ "$(grep -cE "^b[01]+ $id\$" "$tmp/hello.vcd")" -eq "$(($(wc -c <"$tmp/out") + 1))" ] || fail "not one change per byte" ;;
  stats)
    run --stats "$hello_rv64"; expect_status 0
    grep -qE '\[rvtlm\] .* simulated, [0-9]+ instructions, [0-9.]+ MIPS' "$tmp/err" || fail "stderr '$err'" ;;
  determinism)
    for i in 1 2; do
      run --harts 4 --quantum 1us --trace tlm "$tmp/trace$i" "$bin/it-smp-rv64.elf"; expect_status 0
    done
    cmp -s "$tmp/trace1" "$tmp/trace2" || fail "two runs gave different transaction traces"
    [ "$(wc -l <"$tmp/trace1")" -gt 10 ] || fail "trace too short" ;;
  err-special-files)
    # Refused before they are opened for reading (open() of a FIFO blocks,
    # /dev/zero never ends): one line, status 2.
    mkfifo "$tmp/fifo"
    for opt in "" --bios --kernel --platform; do
      if [ "$opt" = --platform ]; then set -- --platform "$tmp/fifo" "$hello_rv64"; else set -- $opt "$tmp/fifo"; fi
      run_command timeout 10 "$rvtlm" run "$@"; expect_error "fifo: not a regular file \(a FIFO\)"
    done
    run_command timeout 10 "$rvtlm" run --platform /dev/zero "$hello_rv64"
    expect_error "/dev/zero: not a regular file \(a character device\)"
    run --bios "$tmp"; expect_error "not a regular file \(a directory\)" ;;
  err-huge-segment)
    make_huge_segment_elf "$bin/it-basic-rv64.elf" "$tmp/huge.elf"
    run "$tmp/huge.elf"; expect_error "huge\.elf: segment at 0x80000000 \(0x9c0000000 bytes\) is outside every memory region" ;;
  err-deep-description)
    # 200,000 nested arrays in a device property.
    { printf '{"name": "x", "memory": "ram", "devices": [{"name": "ram", "type": "memory", "base": "0x80000000", "size": "1M", "deep": '
      head -c 200000 /dev/zero | tr '\0' '['; head -c 200000 /dev/zero | tr '\0' ']'; printf '}]}'; } >"$tmp/deep.json"
    run --platform "$tmp/deep.json" "$hello_rv64"; expect_error "deep\.json: .*nest more than 32 levels"
    head -c $((5 << 20)) /dev/zero | tr '\0' ' ' >"$tmp/big.json"
    run --platform "$tmp/big.json" "$hello_rv64"; expect_error "big\.json: 5242880 bytes, more than the 4194304 allowed" ;;
  err-option-ranges)
    # Values the time model or SystemC's time range cannot represent, and a
    # memory the host cannot reserve: one line before anything runs.
    run --hz 1e30 "$hello_rv64"; expect_error "^rvtlm: --hz 1e\+30: 1e\+30 instructions per second, outside .* to 1e\+12"
    run --hz 1e9 --ipc 1e30 "$hello_rv64"; expect_error "^rvtlm: --hz 1e\+09 --ipc 1e\+30: "
    run --quantum 1e300s "$hello_rv64"; expect_error "^rvtlm: --quantum: 1e300s is beyond SystemC's time range \(at most 1.84467e\+07 s\)"
    run --timeout 1e300s "$hello_rv64"; expect_error "^rvtlm: --timeout: 1e300s is beyond SystemC's time range"
    run --ns-per-insn 1e300 "$hello_rv64"; expect_error "^rvtlm: --ns-per-insn 1e\+300: an instruction takes 1e-12 s"
    run --quantum 0.1ps "$hello_rv64"; expect_error "^rvtlm: --quantum must be at least 1 ps"
    run --memory 16777216G "$hello_rv64"; expect_error "^rvtlm: virt: /devices/4/size \(device ram\): the host cannot reserve 18014398509481984 bytes"
    [ -z "$out" ] || fail "the guest ran: '$out'" ;;
  err-before-elaboration)
    # Found while the platform is built, before the guest runs a single
    # instruction: one line, status 2.
    virt=$(cat "$src/../../platforms/descriptions/virt.json")
    printf '%s' "$virt" | sed 's/"hart_contexts": \["M", "S"\]/"hart_contexts": ["M", "M"]/' >"$tmp/ctx.json"
    run --platform "$tmp/ctx.json" "$hello_rv64"; expect_error "hart_contexts names \"M\" twice"
    printf '%s' "$virt" | sed 's|"devices": \[|"devices": [ {"name": "clint2", "type": "aclint", "base": "0x3000000", "size": "0x10000"},|' >"$tmp/clint.json"
    run --platform "$tmp/clint.json" "$hello_rv64"; expect_error "hart 0's mtip|hart 0's msip"
    grep -q "driven by both" "$tmp/err" || fail "stderr '$err'"
    printf '%s' "$virt" | sed 's|"devices": \[|"devices": [ {"name": "plic2", "type": "plic", "base": "0x20000000", "size": "0x600000"},|' >"$tmp/plic.json"
    run --platform "$tmp/plic.json" "$hello_rv64"; expect_error "hart 0's meip is driven by both plic2 and plic"
    run --vcd /nonexistent/dir/x.vcd "$hello_rv64"; expect_error "^rvtlm: --vcd: cannot write '/nonexistent/dir/x.vcd': No such file or directory"
    ln -s /dev/full "$tmp/full.vcd"
    run --vcd "$tmp/full.vcd" "$hello_rv64"; expect_error "^rvtlm: --vcd: cannot write '.*full.vcd': No space left on device"
    [ -z "$out" ] || fail "the guest ran: '$out'"
    cp "$hello_rv64" "$tmp/prog.elf"
    run --dump-dtb "$tmp/prog.elf"; expect_error "--dump-dtb: '.*prog.elf' is an ELF file; not overwriting it"
    cmp -s "$hello_rv64" "$tmp/prog.elf" || fail "the program was overwritten" ;;
  output-write-errors)
    # The guest runs and exits 0, but what it was asked to write is lost.
    run --trace insn /dev/full "$hello_rv64"; expect_status 125
    grep -qx "rvtlm: --trace insn: cannot write '/dev/full': No space left on device" "$tmp/err" || fail "stderr '$err'"
    run --trace tlm /dev/full "$hello_rv64"; expect_status 125
    grep -qx "rvtlm: --trace tlm: cannot write '/dev/full': No space left on device" "$tmp/err" || fail "stderr '$err'"
    run --uart file:/dev/full "$hello_rv64"; expect_status 125
    grep -qx "rvtlm: UART uart0: /dev/full: No space left on device" "$tmp/err" || fail "stderr '$err'"
    grep -qx "rvtlm: the guest exited with 0" "$tmp/err" || fail "stderr '$err'" ;;
  uart-file-append)
    printf 'old\n' >"$tmp/console.txt"
    run --uart "file:$tmp/console.txt" "$bin/it-basic-rv64.elf"; expect_status 5
    [ "$(cat "$tmp/console.txt")" = ok ] || fail "not truncated: $(cat "$tmp/console.txt")"
    run --uart "file:$tmp/console.txt,append" "$bin/it-basic-rv64.elf"; expect_status 5
    [ "$(cat "$tmp/console.txt")" = "ok
ok" ] || fail "not appended: $(cat "$tmp/console.txt")" ;;
  err-description-checks)
    # The command line shows the description's errors as they are: file,
    # JSON pointer, device, fix; status 2 and nothing run.
    virt=$(cat "$src/../../platforms/descriptions/virt.json")
    printf '%s' "$virt" | sed 's/"frequency": 10000000/"frequncy": 10000000/' >"$tmp/typo.json"
    run --platform "$tmp/typo.json" "$hello_rv64"
    expect_error "typo\.json: /devices/1/frequncy \(device clint\): not a property of aclint; did you mean \"frequency\"\?"
    printf '%s' "$virt" | sed 's/"console": "uart0"/"console": "ram"/' >"$tmp/console.json"
    run --platform "$tmp/console.json" "$hello_rv64"
    expect_error "console\.json: /console: \"ram\" is a memory, not a UART"
    printf '%s' "$virt" | sed 's/"harts": 1,/"harts": 4294967297,/' >"$tmp/harts.json"
    run --platform "$tmp/harts.json" "$hello_rv64"; expect_error "harts\.json: /harts: 4294967297 is more than 64"
    printf '%s' "$virt" | sed 's/"xlen": 64,/"xlen": 64, "ns_per_unitt": 2,/' >"$tmp/key.json"
    run --platform "$tmp/key.json" "$hello_rv64"; expect_error "key\.json: /ns_per_unitt: unknown key; did you mean \"ns_per_insn\"\?"
    [ -z "$out" ] || fail "the guest ran: '$out'" ;;
  err-overlapping-loads)
    # A --bios binary at the start of RAM and a program ELF linked there.
    riscv64-unknown-elf-objcopy -O binary "$bin/it-basic-rv64.elf" "$tmp/fw.bin" || fail "objcopy"
    run --bios "$tmp/fw.bin" "$bin/it-htif-rv64.elf"
    expect_error "fw\.bin \[0x80000000, 0x[0-9a-f]+\] overlaps .*it-htif-rv64\.elf: segment at 0x80000000 \[0x80000000, 0x[0-9a-f]+\]; load them at different addresses"
    # A program that fills RAM up to its top, where the device tree goes.
    local_end=0
    while read -r type _ _ paddr _ memsz _; do
      [ "$type" = LOAD ] && [ $((paddr + memsz)) -gt $local_end ] && local_end=$((paddr + memsz))
    done < <(riscv64-unknown-elf-readelf -lW "$hello_rv64")
    size=$(( (local_end - 0x80000000 + 4095) / 4096 * 4096 ))
    run --memory "$size" "$hello_rv64"
    expect_error "it-hello-rv64\.elf: segment at 0x[0-9a-f]+ \[.*\] overlaps the device tree \[0x[0-9a-f]+, 0x[0-9a-f]+\]; load them at different addresses \(or give more --memory\)" ;;
  err-tohost-on-code)
    run "$bin/it-tohost-code-rv64.elf"
    expect_error "it-tohost-code-rv64\.elf: HTIF's registers at tohost \[0x80000008, 0x8000000f\] lie on code \(section \.text\); put tohost in a data section of its own"
    ;;
  tcp-wait)
    # tcp:0,wait: the port is printed, the guest waits for the client, and
    # the client reads everything from the first byte.
    "$rvtlm" run --uart tcp:0,wait "$hello_rv64" >"$tmp/out" 2>"$tmp/err" </dev/null &
    pid=$!
    port=
    for _ in $(seq 100); do
      port=$(sed -n 's/^rvtlm: console uart0 on 127\.0\.0\.1:\([0-9]*\), waiting for a client$/\1/p' "$tmp/err")
      [ -n "$port" ] && break
      sleep 0.1
    done
    [ -n "$port" ] || { kill "$pid"; fail "no port: $(cat "$tmp/err")"; }
    sleep 0.5
    kill -0 "$pid" 2>/dev/null || fail "rvtlm did not wait for a client: $(cat "$tmp/err")"
    exec 3<>"/dev/tcp/127.0.0.1/$port" || { kill "$pid"; fail "cannot connect"; }
    timeout 20 cat <&3 >"$tmp/console"
    exec 3<&-
    wait "$pid"; status=$?
    [ "$status" -eq 0 ] || fail "exit status $status: $(cat "$tmp/err")"
    head -1 "$tmp/console" | grep -qx $'Hello from hart 0 of rvtlm!\r' || fail "console: $(cat -A "$tmp/console")" ;;
  device-library)
    # A user's device type from a shared library under the stock rvtlm, with
    # its options: traces, VCD, statistics, timeout, --dump-dtb.
    lib=$RVTLM_CHECKSUM_LIBRARY guest=$RVTLM_CHECKSUM_GUEST
    board="$src/../../examples/custom_peripheral/platform.json"
    run --device-library "$lib" --platform "$board" --trace tlm "$tmp/tlm" --vcd "$tmp/w.vcd" --stats \
        --timeout 1s "$guest"
    expect_status 0
    echo "$out" | tail -1 | grep -q "match" || fail "stdout '$out'"
    grep -qE " hart0 W 0x10010000 4 0x[0-9a-f]+ checksum0 TLM_OK_RESPONSE$" "$tmp/tlm" || fail "no access to checksum0 in the trace"
    grep -q 'checksum0_irq' "$tmp/w.vcd" || fail "no checksum0_irq in the VCD"
    grep -q "platform.hart0: instructions" "$tmp/err" || fail "no statistics: $err"
    "$rvtlm" run --device-library "$lib" --platform "$board" --dump-dtb "$tmp/b.dtb" || fail "--dump-dtb"
    [ "$(fdtget -t s "$tmp/b.dtb" /soc/checksum@10010000 compatible)" = example,checksum ] || fail "device tree"
    run --platform "$board" "$guest"
    expect_error "/devices/4/type \(device checksum0\): unknown type \"example,checksum\""
    run --device-library "$tmp/none.so" --platform "$board" "$guest"
    expect_error "none\.so: cannot load the device library: "
    run --device-library "$(ls /lib/*/libm.so.6 | head -1)" --platform "$board" "$guest"
    expect_error "libm\.so\.6: not an rvtlm device library" ;;
  device-reset)
    # A platform reset (the finisher's 0x7777) resets the device registers:
    # the guest's second boot finds the UART's scratch register and a PLIC
    # priority back at 0.
    run "$bin/it-device-reset-rv64.elf"; expect_status 0 ;;
  timebase)
    # After the guest writes mtime, the time CSR reads the same clock.
    run "$bin/it-timebase-rv64.elf"; expect_status 0
    run --hz 3e9 "$bin/it-timebase-rv64.elf"; expect_status 0
    # stimecmp is a deadline on the same clock: after the guest moved mtime
    # forward, the wake-up comes when the time CSR reaches it (not after
    # 100 s, as for an unmoved clock).
    run --timeout 1s "$bin/it-sstc-mtime-rv64.elf"; expect_status 0
    run --timeout 1s --quantum 1ms "$bin/it-sstc-mtime-rv64.elf"; expect_status 0 ;;
  options-after-program)
    # As other tools: options may follow the program, with "=" or a space.
    run "$bin/it-spin-rv64.elf" --timeout 10us; expect_status 124
    run "$bin/it-basic-rv64.elf" --stats --trace=insn "$tmp/trace"; expect_status 5
    [ "$(wc -l <"$tmp/trace")" -eq 11 ] || fail "trace"
    run --timeout=10us -- "$bin/it-spin-rv64.elf"; expect_status 124
    run "$bin/it-basic-rv64.elf" --stats=yes; expect_error "option --stats takes no value" ;;
  version)
    "$rvtlm" --version >"$tmp/out" 2>&1 || fail "--version failed"
    grep -qxE "rvtlm [0-9]+\.[0-9]+\.[0-9]+" "$tmp/out" || fail "$(cat "$tmp/out")"
    "$rvtlm" run --version >"$tmp/out" 2>&1 || fail "run --version failed"
    grep -qxE "rvtlm [0-9]+\.[0-9]+\.[0-9]+" "$tmp/out" || fail "$(cat "$tmp/out")" ;;
  err-unknown-option) run --frobnicate "$hello_rv64"; expect_error "unknown option '--frobnicate'" ;;
  err-no-program) run; expect_error "no program given" ;;
  err-missing-file) run "$tmp/nothing.elf"; expect_error "nothing.elf" ;;
  err-empty-elf) : >"$tmp/empty.elf"; run "$tmp/empty.elf"; expect_error "empty.elf" ;;
  err-bad-quantum) run --quantum 10 "$hello_rv64"; expect_error "--quantum: expected a time such as 10us" ;;
  err-bad-harts) run --harts 9 "$hello_rv64"; expect_error "harts must be 1 to 8" ;;
  err-bad-platform) run --platform nowhere.json "$hello_rv64"; expect_error "nowhere.json" ;;
  err-bad-json)
    printf '{"name": "x", "devices": [ {"name": "ram"} ]}' >"$tmp/bad.json"
    run --platform "$tmp/bad.json" "$hello_rv64"; expect_error "bad.json: /devices/0 \(device ram\): \"type\" is missing"
    printf '{"name": ' >"$tmp/broken.json"
    run --platform "$tmp/broken.json" "$hello_rv64"; expect_error "broken.json: not valid JSON" ;;
  err-unknown-device)
    printf '{"name": "x", "memory": "ram", "devices": [ {"name": "ram", "type": "memory", "base": "0x80000000", "size": "1M"}, {"name": "dev", "type": "warp-drive", "base": 0, "size": 16} ]}' >"$tmp/dev.json"
    run --platform "$tmp/dev.json" "$hello_rv64"; expect_error "dev.json: /devices/1/type \(device dev\): unknown type \"warp-drive\"" ;;
  err-bad-uart) run --uart serial0 "$hello_rv64"; expect_error "serial0" ;;
  err-xlen-mismatch) run --xlen 32 "$hello_rv64"; expect_error "an RV64 ELF on an RV32 platform" ;;
  err-mcu-rv64)
    run --platform mcu "$hello_rv64"; expect_error "it-hello-rv64.elf: an RV64 ELF on mcu, which is RV32 only"
    run --platform mcu --xlen 64 "$bin/it-hello-mcu.elf"; expect_error "mcu, which is RV32 only" ;;
  err-outside-memory) run --memory 4K "$hello_rv64"; expect_error "outside every memory region" ;;
  err-bad-time-model) run --hz 100 --icount-shift 2 "$hello_rv64"; expect_error "choose one of" ;;
  err-unknown-command)
    "$rvtlm" start "$hello_rv64" >"$tmp/out" 2>"$tmp/err"; status=$?; err=$(cat "$tmp/err")
    expect_error "unknown command 'start'" ;;
  *) fail "unknown case" ;;
esac
echo "PASS ($case_name)"
