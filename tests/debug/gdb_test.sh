#!/usr/bin/env bash
# End-to-end tests of the GDB server: Debian's gdb-multiarch in batch mode
# against `rvtlm run --gdb 0 --gdb-wait` (or the embedder's top level of
# examples/gdb) on the guests of tests/debug/guests.
#
#   gdb_test.sh CASE RVTLM GDB_TOP GUEST_DIR
#
# Each case checks GDB's output line by line (grep -F) and the simulator's
# exit status and console output.
set -uo pipefail

case_name=$1
rvtlm=$2
gdb_top=$3
guests=$4
tmp=$(mktemp -d)
sim_pid=
gdb_pid=
cleanup() {
  [ -n "$gdb_pid" ] && kill -9 "$gdb_pid" 2>/dev/null
  [ -n "$sim_pid" ] && kill -9 "$sim_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
  echo "FAIL ($case_name): $*"
  echo "---- gdb ----"; cat "$tmp/gdb.out" 2>/dev/null
  echo "---- simulator stderr ----"; cat "$tmp/sim.err" 2>/dev/null
  echo "---- simulator stdout ----"; cat "$tmp/sim.out" 2>/dev/null
  exit 1
}

command -v gdb-multiarch >/dev/null || { echo "gdb-multiarch not installed"; exit 1; }

# start_sim PROGRAM ARGS...: starts the simulator in the background and sets
# $port from the line it prints.
start_sim() {
  rm -f "$tmp/sim.err"  # not a stale port from an earlier run
  "$@" >"$tmp/sim.out" 2>"$tmp/sim.err" </dev/null &
  sim_pid=$!
  port=
  for _ in $(seq 100); do
    port=$(grep -o 'gdb server on 127.0.0.1:[0-9]*' "$tmp/sim.err" 2>/dev/null | cut -d: -f2)
    [ -n "$port" ] && return 0
    kill -0 "$sim_pid" 2>/dev/null || fail "the simulator ended before listening"
    sleep 0.05
  done
  fail "no 'gdb server on' line"
}

start_rvtlm() {
  start_sim "$rvtlm" run --gdb 0 --gdb-wait "$@"
}

# run_gdb ELF COMMANDS: GDB in batch mode, connected first; the commands
# come one per line.
run_gdb() {
  local elf=$1
  { echo "target remote :$port"; echo "$2"; } >"$tmp/cmds"
  timeout 60 gdb-multiarch -nx -batch -x "$tmp/cmds" "$elf" >"$tmp/gdb.out" 2>&1
  gdb_status=$?
}

# run_gdb_background ELF COMMANDS: as run_gdb, without waiting.
run_gdb_background() {
  local elf=$1
  { echo "target remote :$port"; echo "$2"; } >"$tmp/cmds"
  gdb-multiarch -nx -batch -x "$tmp/cmds" "$elf" >"$tmp/gdb.out" 2>&1 &
  gdb_pid=$!
}

wait_sim() {
  local waited=0
  while kill -0 "$sim_pid" 2>/dev/null; do
    sleep 0.1
    waited=$((waited + 1))
    [ "$waited" -lt 300 ] || fail "the simulator did not end"
  done
  wait "$sim_pid"
  sim_status=$?
  sim_pid=
}

expect() {
  for pattern in "$@"; do
    grep -qF -- "$pattern" "$tmp/gdb.out" || fail "GDB did not print '$pattern'"
  done
}

expect_not() {
  for pattern in "$@"; do
    ! grep -qF -- "$pattern" "$tmp/gdb.out" || fail "GDB printed '$pattern'"
  done
}

expect_sim_status() {
  wait_sim
  [ "$sim_status" -eq "$1" ] || fail "simulator exit status $sim_status, expected $1"
}

expect_console() {
  grep -qF -- "$1" "$tmp/sim.out" || fail "console lacks '$1'"
}

# frame PAYLOAD: a packet with its checksum.
frame() {
  local p=$1 sum=0 i
  for ((i = 0; i < ${#p}; i++)); do
    sum=$(((sum + $(printf '%d' "'${p:i:1}")) % 256))
  done
  printf '$%s#%02x' "$p" "$sum"
}

# The value GDB printed for `p EXPR` as "$N = VALUE" on the line after
# the marker `echo @NAME\n`.
value_after() {
  awk -v m="@$1" '$0 == m { getline; sub(/^\$[0-9]+ = /, ""); print; exit }' "$tmp/gdb.out"
}

target=$guests/dbg-target-rv64.elf
harts=$guests/dbg-harts-rv64.elf

case "$case_name" in
  break-args-locals)
    # A breakpoint on a C function, its arguments and locals, an FP
    # register and CSRs in `info registers`.
    start_rvtlm "$target"
    run_gdb "$target" "break add_scaled
continue
info args
next
next
info locals
info registers fs1 mstatus priv
p \$fs1.double
p/x \$misa
continue"
    expect "Breakpoint 1, add_scaled (a=a@entry=5, b=b@entry=14)" "a = 5" "b = 14" \
      "scaled = 42" "sum = 47" "double = 2.5" "prv:3 [Machine]" "= 2.5" \
      "[Inferior 1 (Remote target) exited normally]"
    grep -qE '^mstatus +0x[0-9a-f]+' "$tmp/gdb.out" || fail "no mstatus line"
    grep -qE '^fs1 +\{float = .*double = 2.5\}' "$tmp/gdb.out" || fail "no fs1 line"
    # misa: RV64 (MXL = 2), I, M, A, F, D, C, S, U.
    grep -qF '0x800000000014112d' "$tmp/gdb.out" || fail "misa"
    expect_sim_status 0
    expect_console "target done"
    ;;

  hbreak-stepi-step-finish)
    start_rvtlm "$target"
    run_gdb "$target" "hbreak add_scaled
continue
echo @pc0\n
p/x \$pc
stepi
echo @pc1\n
p/x \$pc
next
finish
step
step
continue"
    expect "Hardware assisted breakpoint 1 at" "Breakpoint 1, add_scaled" "Value returned is" \
      "= 47" "check (value=value@entry=47)" "exited normally"
    pc0=$(value_after pc0)
    pc1=$(value_after pc1)
    [ -n "$pc0" ] && [ "$((pc1 - pc0))" -eq 4 ] || fail "stepi went from $pc0 to $pc1"
    expect_sim_status 0
    ;;

  stepi-into-trap)
    # stepi on an ecall stops at the first instruction of the trap handler,
    # nothing of it executed; the next stepi executes that instruction.
    start_rvtlm "$target"
    run_gdb "$target" "break do_ecall
continue
echo @ecall\n
p/x \$pc
stepi
echo @pc\n
p/x \$pc
echo @handler\n
p/x &trap_entry
echo @mcause\n
p \$mcause
echo @mepc\n
p/x \$mepc
echo @ecalls\n
p ecalls
stepi
echo @pc2\n
p/x \$pc
continue"
    [ "$(value_after pc)" = "$(value_after handler)" ] || fail "stepi stopped at $(value_after pc)"
    [ "$(value_after mcause)" = "11" ] || fail "mcause $(value_after mcause)"
    [ "$(value_after mepc)" = "$(value_after ecall)" ] || fail "mepc $(value_after mepc)"
    [ "$(value_after ecalls)" = "0" ] || fail "the handler ran already"
    [ "$(($(value_after pc2) - $(value_after pc)))" -eq 4 ] || fail "second stepi"
    expect "exited normally"
    expect_sim_status 0
    ;;

  step-over-interrupt)
    # A timer interrupt pending and enabled (GDB sets mie.MTIE) is not taken
    # by a single step; it is taken when the program continues.
    start_rvtlm "$target"
    run_gdb "$target" "break main
continue
set var irq_mode = 1
break irq_point
continue
set var \$mie = 0x80
echo @mip\n
p/x \$mip & 0x80
echo @at\n
p/x \$pc
stepi
echo @after\n
p/x \$pc
echo @hits\n
p irq_hits
delete
continue"
    [ "$(value_after mip)" = "0x80" ] || fail "MTIP not pending: $(value_after mip)"
    # One nop (2 bytes compressed, 4 not), not the handler.
    step=$(($(value_after after) - $(value_after at)))
    [ "$step" -eq 2 ] || [ "$step" -eq 4 ] ||
      fail "stepi went from $(value_after at) to $(value_after after)"
    [ "$(value_after hits)" = "0" ] || fail "the interrupt was taken during the step"
    expect "exited normally"
    expect_sim_status 0
    ;;

  lockstep)
    # With runs of one instruction (--sync lockstep) every instruction
    # starts a run: breakpoints there, and at the entry of an interrupt
    # handler the hart jumps to as a run starts, still stop.
    start_rvtlm --sync lockstep "$target"
    run_gdb "$target" "break main
continue
set var irq_mode = 1
break add_scaled
continue
stepi
break irq_test
continue
break trap_entry
continue
echo @mcause\n
p/x \$mcause
delete
continue"
    expect "Breakpoint 2, add_scaled" "Breakpoint 3, irq_test" "Breakpoint 4, " "exited normally"
    [ "$(value_after mcause)" = "0x8000000000000007" ] || fail "mcause $(value_after mcause)"
    expect_sim_status 0
    ;;

  watchpoints)
    # A write watchpoint stops right after the store with the new value,
    # in the function that stored; a read watchpoint where main reads it.
    start_rvtlm "$target"
    run_gdb "$target" "break main
continue
watch counter
continue
echo @pc\n
p/x \$pc
x/i \$pc
delete
rwatch counter
continue
delete
continue"
    expect "Hardware watchpoint 2: counter" "Old value = 0" "New value = 47" \
      "add_scaled (a=a@entry=5, b=b@entry=14)" "Hardware read watchpoint 3: counter" \
      "Value = 47" "exited normally"
    # The store is the last instruction before `ret`.
    grep -qE '=> 0x[0-9a-f]+ <add_scaled\+[0-9]+>:[[:space:]]+ret' "$tmp/gdb.out" ||
      fail "the write watchpoint did not stop right after the store"
    grep -A2 "Value = 47" "$tmp/gdb.out" | grep -q "main ()" || fail "read watchpoint not in main"
    expect_sim_status 0
    ;;

  set-register)
    # Writing a register changes the program's flow: check() gets 46 and
    # says no, and the program ends with status 3.
    start_rvtlm "$target"
    run_gdb "$target" "break check
continue
set var \$a0 = 46
info registers a0
continue"
    expect "Breakpoint 1, check (value=value@entry=47)" "0x2e" "[Inferior 1 (Remote target) exited with code 03]"
    expect_sim_status 3
    ;;

  memory)
    # Memory reads and writes, including a write to code: a changed
    # instruction is executed as changed (decoded code is dropped).
    start_rvtlm "$target"
    run_gdb "$target" "break check
continue
x/2i check
set var counter = 12345
echo @counter\n
p counter
set var *(unsigned int *)check = 0x00100513
x/i check
continue"
    [ "$(value_after counter)" = "12345" ] || fail "counter $(value_after counter)"
    expect "li	a0,1"
    # check() is now `li a0, 1; seqz a0, a0` and says no (status 3); had the
    # old `addi a0, a0, -47` run, it would say yes and main would find
    # counter changed (status 6).
    expect "exited with code 03"
    expect_sim_status 3
    ;;

  guest-trigger)
    # The guest's own Sdtrig trigger on trig_var keeps working while GDB
    # watches the same variable: the trigger's exception comes first (before
    # the store), GDB's watchpoint after the store.
    start_rvtlm "$target"
    run_gdb "$target" "break main
continue
watch trig_var
continue
echo @hits\n
p trigger_hits
delete
continue"
    expect "Hardware watchpoint 2: trig_var" "New value = 99" "exited normally"
    [ "$(value_after hits)" = "1" ] || fail "trigger_hits $(value_after hits)"
    expect_sim_status 0
    ;;

  rv32)
    # An RV32 hart: 32-bit registers in the description and the g packet.
    elf=$guests/dbg-harts-rv32.elf
    start_rvtlm "$elf"
    run_gdb "$elf" "break hart_work
continue
echo @size\n
p sizeof(\$pc)
echo @misa\n
p/x \$misa
info registers a1
finish
continue"
    expect "Breakpoint 1, hart_work (hart=hart@entry=0, value=value@entry=100)" "= 1000" \
      "exited normally"
    [ "$(value_after size)" = "4" ] || fail "pc is $(value_after size) bytes"
    [ "$(value_after misa)" = "0x4014112d" ] || fail "misa $(value_after misa)"
    grep -qE '^a1 +0x64[[:space:]]+100' "$tmp/gdb.out" || fail "a1"
    expect_sim_status 0
    ;;

  device-read)
    # GDB reads the UART's IIR, whose read by the guest clears the THRE
    # interrupt: the debugger's reads leave it pending (the guest still sees
    # it and exits 0) and take no simulated time.
    start_rvtlm "$target"
    run_gdb "$target" "break uart_ready
continue
monitor time
monitor icount
x/1bx 0x10000002
x/1bx 0x10000002
x/8bx 0x10000000
monitor time
monitor icount
continue"
    [ "$(grep -c '^0x10000002:' "$tmp/gdb.out")" -eq 2 ] || fail "IIR reads"
    grep '^0x10000002:' "$tmp/gdb.out" | grep -qvE '0x[0-9a-f]2$' && fail "IIR does not show THRE"
    [ "$(grep -c '^hart 0: .* (SystemC time' "$tmp/gdb.out")" -eq 2 ] || fail "monitor time"
    [ "$(grep '^hart 0: .* (SystemC time' "$tmp/gdb.out" | sort -u | wc -l)" -eq 1 ] ||
      fail "time moved while stopped"
    [ "$(grep '^hart 0: [0-9]* instructions' "$tmp/gdb.out" | sort -u | wc -l)" -eq 1 ] ||
      fail "instructions retired while stopped"
    expect "exited normally"
    expect_sim_status 0
    ;;

  threads)
    # Four harts are four threads; each stops in hart_work in its own
    # thread, and `thread N` switches the registers.
    start_rvtlm --harts 4 "$harts"
    run_gdb "$harts" "break hart_work
continue
continue
continue
continue
info threads
thread 3
echo @hartid3\n
p \$mhartid
thread 2
echo @hartid2\n
p \$mhartid
delete
continue"
    for h in 0 1 2 3; do
      grep -qE "Breakpoint 1, hart_work \(hart=(hart@entry=)?$h, value=(value@entry=)?$((100 + h))\)" \
        "$tmp/gdb.out" || fail "hart $h did not stop in hart_work"
    done
    for t in 1 2 3 4; do
      # qXfer:threads:read gives each thread its name.
      grep -qE "^[ *] +$t +Thread $t \"hart$((t - 1))\" \(hart $((t - 1)), M-mode" "$tmp/gdb.out" ||
        fail "thread $t not listed"
    done
    expect "[Switching to thread 3 (Thread 3)]"
    [ "$(value_after hartid3)" = "2" ] || fail "thread 3 mhartid $(value_after hartid3)"
    [ "$(value_after hartid2)" = "1" ] || fail "thread 2 mhartid $(value_after hartid2)"
    expect "exited normally"
    expect_sim_status 0
    expect_console "harts done"
    ;;

  ctrl-c)
    # Ctrl-C (SIGINT to GDB) interrupts a spinning guest.
    start_rvtlm "$target"
    run_gdb_background "$target" "break main
continue
set var spin_mode = 1
continue
bt 1
set var spin_until = 1
continue"
    for _ in $(seq 100); do
      grep -q "Breakpoint 1, main" "$tmp/gdb.out" 2>/dev/null && break
      sleep 0.1
    done
    sleep 1
    kill -INT "$gdb_pid"
    wait "$gdb_pid"
    gdb_pid=
    expect "Program received signal SIGINT, Interrupt." "exited normally"
    grep -qE '^#0 .*spin \(\)' "$tmp/gdb.out" || fail "not interrupted in spin()"
    expect_sim_status 0
    ;;

  ctrl-c-waiting)
    # Ctrl-C interrupts harts that all wait for an interrupt that never
    # comes (nothing left to simulate): the kernel waits for the debugger.
    start_rvtlm --harts 2 "$harts"
    run_gdb_background "$harts" "break exit
continue
set var \$pc = secondary_main
continue
info threads
kill"
    for _ in $(seq 100); do
      grep -q "Breakpoint 1, " "$tmp/gdb.out" 2>/dev/null && break
      sleep 0.1
    done
    sleep 1
    kill -INT "$gdb_pid"
    wait "$gdb_pid"
    gdb_pid=
    expect "received signal SIGINT, Interrupt." "waiting for an interrupt"
    expect_sim_status 137
    ;;

  sv39)
    # A breakpoint in S-mode code under Sv39: virtual addresses.
    sv39=$guests/dbg-sv39.elf
    start_rvtlm "$sv39"
    run_gdb "$sv39" "break s_work
continue
echo @pc\n
p/x \$pc
info registers priv
x/i \$pc
finish
continue"
    expect "Breakpoint 1, s_work (x=x@entry=6)" "prv:1 [Supervisor]" "Value returned is" "= 43" \
      "exited normally"
    [ "$(value_after pc)" = "0xffffffc080003000" ] || fail "pc $(value_after pc)"
    expect_sim_status 0
    ;;

  detach)
    # After detach the program runs to its own end and exit status (here
    # changed by a register write before detaching).
    start_rvtlm "$target"
    run_gdb "$target" "break check
continue
set var \$a0 = 46
detach"
    expect "[Inferior 1 (Remote target) detached]"
    expect_sim_status 3
    ;;

  disconnect)
    # A debugger that vanishes while the target is stopped leaves it
    # running to its end.
    start_rvtlm "$target"
    run_gdb_background "$target" "break add_scaled
continue
shell sleep 30"
    for _ in $(seq 100); do
      grep -q "Breakpoint 1, add_scaled" "$tmp/gdb.out" 2>/dev/null && break
      sleep 0.1
    done
    kill -9 "$gdb_pid"
    wait "$gdb_pid" 2>/dev/null
    gdb_pid=
    expect_sim_status 0
    expect_console "target done"
    ;;

  kill)
    start_rvtlm "$target"
    run_gdb "$target" "break add_scaled
continue
kill"
    expect "[Inferior 1 (Remote target) killed]"
    expect_sim_status 137
    ! grep -qF "target done" "$tmp/sim.out" || fail "the guest ran on after kill"
    ;;

  monitor)
    start_rvtlm --quantum 10us "$target"
    run_gdb "$target" "break add_scaled
continue
monitor help
monitor icount
monitor time
monitor quantum
monitor quantum 250ns
monitor sync
monitor frobnicate
monitor reset
maint flush register-cache
echo @pc\n
p/x \$pc
monitor icount
delete
continue"
    expect "rvtlm monitor commands:" "quantum [TIME]" "platform.hart0: quantum 10 us" \
      "platform.hart0: quantum 250 ns" "platform.hart0: quantum, bounded by the next SystemC event" \
      "unknown monitor command 'frobnicate'" "every hart is back at its reset state" \
      "hart 0: 0 instructions" "exited normally"
    grep -qE '^hart 0: [1-9][0-9]* instructions' "$tmp/gdb.out" || fail "monitor icount"
    [ "$(value_after pc)" = "0x80000000" ] || fail "pc after reset $(value_after pc)"
    expect_sim_status 0
    ;;

  determinism)
    # With a debugger that only reads (breakpoints, registers, memory,
    # steps), the harts retire the same instructions in the same simulated
    # time as without one.
    "$rvtlm" run --harts 4 --stats "$harts" >"$tmp/plain.out" 2>"$tmp/plain.err" ||
      fail "plain run failed"
    start_rvtlm --harts 4 --stats "$harts"
    run_gdb "$harts" "break hart_work
continue
info registers
x/16xg \$sp
continue
stepi
stepi
delete
continue"
    expect "exited normally"
    expect_sim_status 0
    for what in "instructions" "simulated time"; do
      a=$(grep -E "^platform\.hart[0-9]: $what " "$tmp/plain.err")
      b=$(grep -E "^platform\.hart[0-9]: $what " "$tmp/sim.err")
      [ -n "$a" ] && [ "$a" = "$b" ] || fail "$what differ: without GDB '$a', with GDB '$b'"
    done
    ;;

  garbage)
    # Damaged, malformed, oversized, out-of-place and cut-short packets get
    # errors (or a nack); the session goes on, and its detach lets the
    # program run to its end.
    start_rvtlm "$target"
    exec 3<>"/dev/tcp/127.0.0.1/$port" || fail "cannot connect"
    {
      printf '$m80000000#00'                                     # damaged: '-'
      frame 'mzz,1'                                              # malformed: E01
      printf '$%s#00' "$(head -c 20000 /dev/zero | tr '\0' 'M')"  # oversized: E07
      printf '\x03'                                              # Ctrl-C while stopped
      frame 'vCont;c:99'                                         # no such thread: E02
      printf '$m8000'                                            # cut short by the next
      frame '?'                                                  # T05
      frame 'D'                                                  # OK
    } >&3
    timeout 2 cat <&3 >"$tmp/replies"
    exec 3>&-
    replies=$(cat "$tmp/replies")
    case "$replies" in
      -+\$E01#??+\$E07#??+\$E02#??+\$T05thread:1\;#??+\$OK#9a) ;;
      *) fail "replies: '$replies'" ;;
    esac
    expect_sim_status 0
    expect_console "target done"
    ;;

  embedder)
    # The same session against an embedder's own top level
    # (examples/gdb): breakpoint, arguments, a watchpoint, the exit status.
    start_sim "$gdb_top" --port 0 --wait "$target"
    run_gdb "$target" "break add_scaled
continue
info args
watch counter
continue
info threads
delete
continue"
    expect "Breakpoint 1, add_scaled (a=a@entry=5, b=b@entry=14)" "a = 5" "New value = 47" \
      'Thread 1 "hart0" (hart 0, M-mode)' "exited normally"
    expect_sim_status 0
    expect_console "target done"
    ;;

  options)
    # Bad options are usage errors; without a debugger the program just runs.
    "$rvtlm" run --gdb 0 --gdb-address nope "$target" >"$tmp/sim.out" 2>"$tmp/sim.err"
    [ $? -eq 2 ] && grep -qF "'nope' is not an IP address" "$tmp/sim.err" || fail "--gdb-address nope"
    "$rvtlm" run --gdb-wait "$target" >"$tmp/sim.out" 2>"$tmp/sim.err"
    [ $? -eq 2 ] && grep -qF -- "--gdb-wait and --gdb-address need --gdb PORT" "$tmp/sim.err" ||
      fail "--gdb-wait alone"
    "$rvtlm" run --gdb 0 "$target" >"$tmp/sim.out" 2>"$tmp/sim.err" || fail "run without a debugger"
    grep -qF "target done" "$tmp/sim.out" || fail "no console output"
    # A port in use.
    start_rvtlm "$target"
    "$rvtlm" run --gdb "$port" "$target" >"$tmp/second.out" 2>"$tmp/second.err"
    [ $? -eq 2 ] && grep -qF "cannot listen on 127.0.0.1:$port" "$tmp/second.err" ||
      fail "second server on port $port: $(cat "$tmp/second.err")"
    run_gdb "$target" "continue"
    expect "exited normally"
    expect_sim_status 0
    ;;

  *)
    echo "unknown case $case_name"
    exit 2
    ;;
esac
echo "PASS ($case_name)"
