#!/usr/bin/env bash
# cli_test.sh CASE RVTLM BINARY_DIR SOURCE_DIR: one test of `rvtlm run
# --plugin` and of plugins in platform descriptions. The C test plugin's
# paths come from the environment (RVTLM_TEST_PLUGIN, ..._BAD_VERSION).
set -u
case_name=$1
rvtlm=$2
bin=$3
src=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

source "$(dirname "${BASH_SOURCE[0]}")/../lib/command_checks.sh"

run() { run_command "$rvtlm" run --uart stdio "$@"; }
basic=$bin/plugins-basic-rv64.elf  # 11 instructions: 3 sb to the UART, sw to the finisher
timer=$bin/plugins-timer-rv64.elf

# A description: virt with a "plugins" list (JSON array text).
description() {
  python3 - "$src/../../platforms/descriptions/virt.json" "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["plugins"] = json.loads(sys.argv[3])
json.dump(d, open(sys.argv[2], "w"))
PY
}

case $case_name in
  unknown-name)
    run --plugin nosuch "$basic"
    expect_error "^rvtlm: --plugin nosuch: no plugin named 'nosuch' \(shipped: cost-model, insn-stats, ips, trace; " ;;
  bad-version)
    run --plugin "$RVTLM_TEST_PLUGIN_BAD_VERSION" "$basic"
    expect_error "built for plugin API version 999, but this rvtlm implements version [0-9]+; rebuild it" ;;
  not-a-plugin)
    run --plugin "$RVTLM_TEST_PLUGIN_NO_INSTALL" "$basic"; expect_error "not an rvtlm plugin"
    run --plugin "$tmp/missing.so" "$basic"; expect_error "missing\.so: cannot load it: " ;;
  bad-argument)
    run --plugin ips,ips=abc "$basic"
    expect_error "^rvtlm: --plugin ips,ips=abc: ips=abc: expected a positive number"
    run --plugin insn-stats,word "$basic"; expect_error "argument 'word' is not key=value"
    run --plugin insn-stats,hot=x "$basic"; expect_error "hot=x: expected a whole number"
    run --plugin trace "$basic"; expect_error "trace: needs file=PATH"
    run --plugin "cost-model,config=$tmp/none.json" "$basic"; expect_error "config: cannot read"
    echo '{"cycles": {"alu": 0}}' >"$tmp/zero.json"
    run --plugin "cost-model,config=$tmp/zero.json" "$basic"
    expect_error "cycles of \"alu\" must be at least 0.001"
    echo '{"dcache": {"size": 100, "ways": 3}}' >"$tmp/bad.json"
    run --plugin "cost-model,config=$tmp/bad.json" "$basic"; expect_error "dcache: \"miss\" \(cycles\) is missing"
    run --plugin "$RVTLM_TEST_PLUGIN,fail=1" "$basic"; expect_error ": asked to fail$" ;;
  insn-stats)
    # Exact although each store to the UART ends a run (the block is
    # decoded again from the next instruction) and the finisher's store
    # ends the simulation before the block's last instruction, j.
    run --plugin insn-stats "$basic"; expect_status 5
    grep -qx "insn-stats: hart 0: 11 instructions, 4 blocks executed (4 distinct)" "$tmp/err" || fail "stderr: $err"
    grep -qx "insn-stats: hart 0: classes: alu=7 store=4" "$tmp/err" || fail "stderr: $err"
    grep -qx "insn-stats:   0x0000000080000000  12 x 1 = 3 (27.3%)  lui t0,0x10000" "$tmp/err" || fail "stderr: $err"
    run --plugin insn-stats,classes=off,hot=1,file="$tmp/stats" "$basic"; expect_status 5
    [ "$(cat "$tmp/stats")" = "insn-stats: hart 0: 11 instructions in 4 distinct blocks
insn-stats: hart 0: hot blocks (pc, size, instructions, share):
insn-stats:   0x000000008000001a   5 4 (36.4%)  lui t0,0x100" ] || fail "stats: $(cat "$tmp/stats")" ;;
  c-plugin)
    run --plugin "$RVTLM_TEST_PLUGIN,out=$tmp/counts" "$basic"; expect_status 5
    [ "$(head -1 "$tmp/counts")" = "instructions=11 loads=0 stores=4 memory=4 device=4 traps=0 cause=0 privilege-changes=0 starts=1 charged=0" ] || fail "counts: $(cat "$tmp/counts")" ;;
  ips-and-trace)
    # 100 M instructions per second: 10 ns each; the trace shows the times.
    run --plugin ips,ips=100M --plugin trace,file="$tmp/trace" "$basic"; expect_status 5
    sed -n 1p "$tmp/trace" | grep -qxE "0 ns hart0 0 0x0000000080000000 \(0x[0-9a-f]+\) lui t0,0x10000" || fail "line 1: $(sed -n 1p "$tmp/trace")"
    sed -n 3p "$tmp/trace" | grep -qx "20 ns hart0 2 0x0000000080000008 (0x00628023) sb t1,0(t0)" || fail "line 3: $(sed -n 3p "$tmp/trace")"
    sed -n 4p "$tmp/trace" | grep -qx "20 ns hart0 2 0x0000000080000008 W 0x0000000010000000 0x0000000010000000 1 device" || fail "line 4: $(sed -n 4p "$tmp/trace")"
    [ "$(grep -c " W " "$tmp/trace")" -eq 4 ] || fail "stores: $(cat "$tmp/trace")"
    run --plugin ips,hz=50M,ipc=2 --plugin trace,file="$tmp/trace2",memory=off "$basic"; expect_status 5
    cmp -s <(grep -v " W " "$tmp/trace") "$tmp/trace2" || fail "hz=50M,ipc=2 differs from ips=100M" ;;
  realtime)
    # 1 M instructions per second, paced every 2 us of simulated time.
    run --plugin ips,ips=1M,realtime=on,period=0.002 "$basic"; expect_status 5
    grep -qE "^ips: realtime: 0\.0000[0-9]+ s simulated in [0-9.]+ s of host time, [0-9.]+ s asleep; drift: at most [0-9.]+ s behind" "$tmp/err" || fail "stderr: $err" ;;
  description)
    mkdir "$tmp/folder" && cp "$RVTLM_TEST_PLUGIN" "$tmp/folder/libmine.so"
    description "$tmp/folder/board.json" "[\"insn-stats,file=$tmp/stats\", \"./libmine.so,out=$tmp/counts\"]"
    run --platform "$tmp/folder/board.json" "$basic"; expect_status 5
    grep -q "hart 0: 11 instructions" "$tmp/stats" || fail "stats: $(cat "$tmp/stats")"
    grep -q "^instructions=11 " "$tmp/counts" || fail "counts: $(cat "$tmp/counts")"
    description "$tmp/bad.json" '["nosuch"]'
    run --platform "$tmp/bad.json" "$basic"; expect_error "bad\.json: /plugins/0 nosuch: no plugin named 'nosuch'"
    description "$tmp/bad2.json" '[3]'
    run --platform "$tmp/bad2.json" "$basic"; expect_error "bad2\.json: /plugins/0: expected \"NAME-or-PATH" ;;
  cost-model-deterministic)
    # The same cycles, console output and transactions at every quantum, and
    # in every run.
    cat >"$tmp/model.json" <<'JSON'
{"frequency": 200e6,
 "cycles": {"alu": 1, "mul": 3, "div": 20, "load": 2, "store": 1, "branch": 1, "taken-branch": 2, "jump": 2, "csr": 4},
 "icache": {"size": "4K", "ways": 2, "line": 32, "miss": 8},
 "dcache": {"size": "4K", "ways": 4, "line": 32, "miss": 8},
 "l2": {"size": "64K", "ways": 8, "line": 64, "miss": 40},
 "itlb": {"entries": 8, "page": 4096, "miss": 10},
 "dtlb": {"entries": 8, "page": 4096, "miss": 10}}
JSON
    for q in 1us 100us 1us; do
      run --quantum $q --plugin cost-model,config="$tmp/model.json",file="$tmp/cost-$q" --trace tlm "$tmp/tlm-$q" "$timer"
      expect_status 0
      [ "$out" = "$(printf '3 timer interrupts, 10000 ticks apart\r\nUART interrupt through the PLIC: source 10\r')" ] || fail "stdout: $out"
      if [ -f "$tmp/first-cost" ]; then
        cmp -s "$tmp/first-cost" "$tmp/cost-$q" || fail "cost report at $q differs: $(diff "$tmp/first-cost" "$tmp/cost-$q")"
        cmp -s "$tmp/first-tlm" "$tmp/tlm-$q" || fail "transactions at $q differ"
      else
        cp "$tmp/cost-$q" "$tmp/first-cost"; cp "$tmp/tlm-$q" "$tmp/first-tlm"
      fi
    done
    grep -qE "^cost-model: hart 0: [0-9]+ instructions, [0-9.]+ cycles at 2e\+08 Hz" "$tmp/first-cost" || fail "report: $(cat "$tmp/first-cost")"
    grep -qE "^cost-model: hart 0: dcache: [0-9]+ accesses, [1-9][0-9]* misses" "$tmp/first-cost" || fail "report: $(cat "$tmp/first-cost")"
    grep -qE "^cost-model: hart 0: l2: [0-9]+ accesses, [1-9][0-9]* misses" "$tmp/first-cost" || fail "report: $(cat "$tmp/first-cost")" ;;
  *) fail "unknown case" ;;
esac
echo "PASS ($case_name)"
