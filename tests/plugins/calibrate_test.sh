#!/usr/bin/env bash
# calibrate_test.sh RVTLM CALIBRATE BINARY_DIR SOURCE_DIR: the calibration
# example. A reference cost model with known weights
# (calibration_reference.json) gives each workload's cycles; with up to 2 %
# of noise they are the "measured" cycles of a chip. rvtlm-calibrate fits the
# weights on 18 synthetic workloads (calibration-k*.elf) from the cost
# model's event counts, starting from a base with every weight 1; the fit
# must recover the weights and predict the workloads held back (six more
# kernels and, when they are built, the ten bench programs) within 10 %.
set -u
case_name=calibrate
rvtlm=$1
calibrate=$2
bin=$3
src=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/../lib/command_checks.sh"

mkdir "$tmp/reports"
held_out=""
held_out_count=0
shopt -s nullglob  # the bench programs are not built in every configuration
for elf in "$bin"/calibration-k*.elf "$bin"/../../bench/*-small-rv*.elf; do
  name=$(basename "$elf" .elf)
  "$rvtlm" run --uart null --plugin "cost-model,config=$src/calibration_reference.json,report=$tmp/reports/$name.json,file=/dev/null" "$elf" \
    >/dev/null 2>"$tmp/err" || fail "$name: $(cat "$tmp/err")"
  case $name in
    calibration-k1[5-8]|calibration-k2[34]|*-small-*) held_out+="$name,"; held_out_count=$((held_out_count + 1)) ;;
  esac
done
python3 - "$tmp/reports" "$tmp/measured.csv" <<'PY' || fail "measured cycles"
import json, os, random, sys
noise = random.Random(2026)
with open(sys.argv[2], "w") as f:
    f.write("workload,cycles\n")
    for name in sorted(os.listdir(sys.argv[1])):
        cycles = json.load(open(os.path.join(sys.argv[1], name)))["hart0"]["cycles"]
        f.write("%s,%.0f\n" % (name[:-5], cycles * (1 + noise.uniform(-0.02, 0.02))))
PY
cat >"$tmp/base.json" <<'JSON'
{"frequency": 100e6,
 "icache": {"size": "4K", "ways": 2, "line": 32, "miss": 1},
 "dcache": {"size": "4K", "ways": 2, "line": 32, "miss": 1},
 "l2": {"size": "32K", "ways": 4, "line": 64, "miss": 1}}
JSON
python3 "$calibrate" --measured "$tmp/measured.csv" --events "$tmp/reports" --base "$tmp/base.json" \
  --holdout "$held_out" --out "$tmp/fitted.json" >"$tmp/out" 2>"$tmp/err"
status=$?
cat "$tmp/out"
[ $status -eq 0 ] || fail "exit status $status: $(cat "$tmp/err")"
[ "$held_out_count" -ge 6 ] || fail "the calibration kernels are missing"
[ "$(grep -c '%  held out$' "$tmp/out")" -eq "$held_out_count" ] || fail "expected $held_out_count held-out workloads"
python3 - "$tmp/out" "$tmp/fitted.json" "$src/calibration_reference.json" <<'PY' || fail "see above"
import json, sys
out, fitted, reference = open(sys.argv[1]).read().splitlines(), json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
ok = True
for line in out:
    if line.endswith("%  held out"):
        error = float(line.split()[3].rstrip("%"))
        if abs(error) >= 10:
            print("held out beyond 10 %:", line); ok = False
weights = dict(fitted["cycles"])
weights["dcache-miss"] = fitted["dcache"]["miss"]
weights["l2-miss"] = fitted["l2"]["miss"]
want = dict(reference["cycles"])
want["dcache-miss"] = reference["dcache"]["miss"]
want["l2-miss"] = reference["l2"]["miss"]
# Recovered within 15 %: the weights of the events the kernels vary on
# their own. (branch and taken-branch move together in them.)
for event in ["alu", "mul", "div", "load", "store", "jump", "dcache-miss", "l2-miss"]:
    if abs(weights[event] - want[event]) > 0.15 * want[event]:
        print("%s: fitted %g, reference %g" % (event, weights[event], want[event])); ok = False
sys.exit(0 if ok else 1)
PY
# The fitted configuration is one the cost model takes.
"$rvtlm" run --uart null --plugin "cost-model,config=$tmp/fitted.json" "$bin/calibration-k01.elf" 2>"$tmp/err" \
  || fail "the fitted configuration: $(cat "$tmp/err")"
grep -q "^cost-model: hart 0: " "$tmp/err" || fail "no report: $(cat "$tmp/err")"
echo "PASS (calibrate)"
