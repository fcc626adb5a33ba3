#!/bin/sh
# Builds the probes, runs them on rvtlm-iss and on QEMU (rv64 and rv32; the
# every-mode probe and the M/U-only one), compares the outputs and lists the
# differences not explained in known-qemu-7.2.txt. See README.md.
#   scripts/difftest-priv/run.sh [path/to/rvtlm-iss] [output directory]
# Exit status: 0 when every difference is a known one, 1 otherwise, 2 when
# something could not be built or run. RVTLM_ISS_OPTIONS adds options to
# every rvtlm-iss run (e.g. "--misaligned emulate", as QEMU behaves).
here=$(cd "$(dirname "$0")" && pwd)
iss=${1:-build/iss/rvtlm-iss}
out=${2:-build/difftest-priv}
mkdir -p "$out"
"$here/build.sh" "$out" || exit 2
status=0
run_pair() { # name elf iss-options qemu-cpu
  # shellcheck disable=SC2086 # the options are words
  timeout 60 "$iss" $3 ${RVTLM_ISS_OPTIONS:-} "$2" > "$out/rvtlm-$1.txt" 2>&1 || { echo "$1: rvtlm-iss failed"; status=2; }
  timeout 60 "qemu-system-riscv${1##*rv}" -M virt -cpu "$4" -bios none -nographic \
    -monitor none -kernel "$2" < /dev/null > "$out/qemu-$1.txt" 2>&1 ||
    { echo "$1: qemu failed"; status=2; }
  diff "$out/qemu-$1.txt" "$out/rvtlm-$1.txt" > "$out/diff-$1.txt"
  sed -n 's/^[<>] \([^=]*\)=.*/\1/p' "$out/diff-$1.txt" | sort -u |
    awk -v known="$here/known-qemu-7.2.txt" '
      BEGIN { while ((getline l < known) > 0) if (l !~ /^#/ && l != "") { split(l, f, " "); p[f[1]] = 1 } }
      { for (k in p) if (index($0, k) == 1) next; print }' > "$out/new-$1.txt"
  n=$(grep -c . "$out/new-$1.txt")
  echo "$1: $(grep -c '^<' "$out/diff-$1.txt") lines differ, $n not explained ($out/diff-$1.txt)"
  [ "$n" -eq 0 ] || { sed 's/^/  /' "$out/new-$1.txt"; [ $status -ne 0 ] || status=1; }
}
for xlen in 64 32; do
  run_pair "rv$xlen" "$out/probe-rv$xlen.elf" "" "rv$xlen"
  run_pair "mu-rv$xlen" "$out/probe-mu-rv$xlen.elf" "--isa rv${xlen}imacu_zicsr_zifencei" \
    "rv$xlen,s=off,h=off"
done
exit $status
