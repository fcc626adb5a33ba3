#!/usr/bin/env bash
# Times the benchmark workloads on rvtlm-iss, on `rvtlm run` (the virt
# platform in SystemC, default 10us quantum) and on Debian's QEMU, plain and
# with -icount shift=0, running the same ELF on all four, and prints one
# table row per workload.
#
#   bench/run.sh [--build DIR] [--quick] [--rv32] [workload...]
#
#   --build DIR  build tree holding iss/rvtlm-iss and bench/*.elf (default:
#                build/ at the repository root)
#   --quick      run intmix only
#   --rv32       run the rv32 builds as well as the rv64 ones (the -user
#                workloads have none: Sv39 is RV64 only)
#   workload     any of: intmix memwalk branchy compressed mmio intmix-user
#                memwalk-user fpmatmul fft (default: all)
#
# intmix-user and memwalk-user are intmix and memwalk run in U-mode under
# Sv39 page tables (bench/umode); when both builds of one workload ran, a
# line after the table gives the user-mode MIPS of each simulator against its
# machine-mode MIPS. fpmatmul and fft are double- and single-precision
# floating point.
#
# The instruction count of a row comes from `rvtlm-iss --stats`; every
# simulator executes the same instructions, so the QEMU MIPS use it too.
# Without rvtlm-iss the rvtlm columns are skipped and the count is the guest's
# own minstret delta under -icount shift=0 (the measured part of the program,
# without start-up). Times are the wall time of the whole process, start-up
# included. Extra rvtlm-iss options can be passed in RVTLM_ISS_ARGS, extra
# `rvtlm run` options in RVTLM_RUN_ARGS. mmio also prints MMIO writes per
# second (its UART scratch-register stores divided by the run time).
#
# Exit status: 0 only if every run exited with status 0 and printed the same
# checksum line on every simulator.
set -uo pipefail
export LC_ALL=C

all_workloads=(intmix memwalk branchy compressed mmio intmix-user memwalk-user fpmatmul fft)
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$repo/build
quick=0
rv32=0
workloads=()

usage() {
  sed -n '2,/^set -uo/{/^set -uo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

while [ $# -gt 0 ]; do
  case $1 in
    --build)
      [ $# -ge 2 ] || { echo "run.sh: --build needs a directory" >&2; exit 2; }
      build=$2
      shift 2
      ;;
    --build=*) build=${1#--build=}; shift ;;
    --quick) quick=1; shift ;;
    --rv32) rv32=1; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *)
      if [[ " ${all_workloads[*]} " != *" $1 "* ]]; then
        echo "run.sh: unknown workload '$1' (one of: ${all_workloads[*]})" >&2
        exit 2
      fi
      workloads+=("$1")
      shift
      ;;
  esac
done
if [ $quick -eq 1 ]; then
  workloads=(intmix)
elif [ ${#workloads[@]} -eq 0 ]; then
  workloads=("${all_workloads[@]}")
fi
archs=(rv64)
[ $rv32 -eq 1 ] && archs+=(rv32)

# A guest that never exits must not hang the run.
time_limit=900
timeout_cmd=()
command -v timeout >/dev/null 2>&1 && timeout_cmd=(timeout "$time_limit")

iss=$build/iss/rvtlm-iss
read -ra iss_args <<<"${RVTLM_ISS_ARGS:-}"
vp=$build/rvtlm
read -ra vp_args <<<"${RVTLM_RUN_ARGS:-}"
have_vp=0
[ -x "$vp" ] && have_vp=1
have_iss=0
if [ -x "$iss" ]; then
  have_iss=1
else
  echo "note: $iss not found: the rvtlm columns are skipped (build it first)"
fi
have_qemu=1
for arch in "${archs[@]}"; do
  if ! command -v "qemu-system-riscv${arch#rv}" >/dev/null 2>&1; then
    echo "note: qemu-system-riscv${arch#rv} not found (Debian package qemu-system-misc):" \
      "the QEMU columns are skipped"
    have_qemu=0
  fi
done
if [ $have_iss -eq 0 ] && [ $have_qemu -eq 0 ]; then
  echo "run.sh: neither rvtlm-iss nor QEMU is available: nothing to run" >&2
  exit 1
fi

cpu=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "host CPU:  ${cpu:-unknown} ($(nproc) CPUs)"
if [ $have_qemu -eq 1 ]; then
  echo "QEMU:      $(qemu-system-riscv64 --version | head -n 1)"
fi
if [ $have_iss -eq 1 ]; then
  echo "rvtlm-iss: $iss ${iss_args[*]}"
fi
echo

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    echo "$EPOCHREALTIME"
  else
    date +%s.%N
  fi
}

# run <tag> <command...>: runs the command with its output in $tmp/<tag>.out
# and .err; sets run_rc and run_secs (wall time of the process).
run_rc=0
run_secs=0
run() {
  local tag=$1
  shift
  local t0 t1
  t0=$(now)
  "${timeout_cmd[@]}" "$@" </dev/null >"$tmp/$tag.out" 2>"$tmp/$tag.err"
  run_rc=$?
  t1=$(now)
  run_secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
}

checksum_of() { grep -a -m 1 'checksum=' "$tmp/$1.out" | tr -d '\r'; }

# Prints what a failed run left behind.
show_failure() {
  local tag=$1 what=$2
  echo "FAIL: $what" >&2
  sed 's/^/  | /' "$tmp/$tag.out" "$tmp/$tag.err" | tr -d '\r' | tail -n 20 >&2
}

mips() { awk -v n="$1" -v s="$2" 'BEGIN { if (n == "" || s == "" || s <= 0) print "-"; else printf "%.0f", n / s / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b <= 0) print "-"; else printf "%.2f", a / b }'; }

failed=0
rows=()
mmio_rows=()
row_format='%-18s %12s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s %s'
declare -A mips_of
for arch in "${archs[@]}"; do
  qemu=qemu-system-riscv${arch#rv}
  for w in "${workloads[@]}"; do
    name=$w-$arch
    if [ "$arch" = rv32 ] && [[ $w == *-user ]]; then
      echo "note: $name skipped: the user-mode build is RV64 only (Sv39)"
      continue
    fi
    elf=$build/bench/$name.elf
    if [ ! -f "$elf" ]; then
      echo "FAIL: $elf not found (build the bench targets first)" >&2
      failed=1
      continue
    fi
    echo "running $name ..."
    insns=
    t_iss=- t_qemu=- t_icount=- t_vp=-
    sums=()
    ok=1

    if [ $have_qemu -eq 1 ]; then
      run "$name.qemu" "$qemu" -M virt -bios none -nographic -kernel "$elf"
      t_qemu=$run_secs
      if [ $run_rc -ne 0 ]; then
        show_failure "$name.qemu" "$name on QEMU exited with status $run_rc"
        ok=0
      fi
      sums+=("QEMU|$(checksum_of "$name.qemu")")

      run "$name.icount" "$qemu" -M virt -bios none -nographic -icount shift=0 -kernel "$elf"
      t_icount=$run_secs
      if [ $run_rc -ne 0 ]; then
        show_failure "$name.icount" "$name on QEMU -icount shift=0 exited with status $run_rc"
        ok=0
      fi
      sums+=("QEMU -icount|$(checksum_of "$name.icount")")
      if [ $have_iss -eq 0 ]; then
        insns=$(tr -d '\r' <"$tmp/$name.icount.out" | sed -n 's/.*: instret=\([0-9][0-9]*\).*/\1/p' | head -n 1)
      fi
    fi

    if [ $have_iss -eq 1 ]; then
      run "$name.iss" "$iss" "${iss_args[@]}" --stats "$elf"
      t_iss=$run_secs
      if [ $run_rc -ne 0 ]; then
        show_failure "$name.iss" "$name on rvtlm-iss exited with status $run_rc"
        ok=0
      fi
      sums+=("rvtlm-iss|$(checksum_of "$name.iss")")
      insns=$(sed -n 's/^rvtlm-iss: instructions=\([0-9][0-9]*\).*/\1/p' "$tmp/$name.iss.err" | tail -n 1)
      if [ -z "$insns" ]; then
        echo "FAIL: $name: rvtlm-iss --stats printed no 'rvtlm-iss: instructions=<N>' line" >&2
        ok=0
      fi
    fi

    if [ $have_vp -eq 1 ]; then
      run "$name.vp" "$vp" run --uart stdio "${vp_args[@]}" "$elf"
      t_vp=$run_secs
      if [ $run_rc -ne 0 ]; then
        show_failure "$name.vp" "$name on rvtlm run (virt) exited with status $run_rc"
        ok=0
      fi
      sums+=("rvtlm run|$(checksum_of "$name.vp")")
    fi
    writes=$(cat "$tmp/$name".*.out 2>/dev/null | tr -d '\r' | sed -n 's/^mmio: writes=\([0-9]*\)$/\1/p' | head -n 1)
    if [ -n "$writes" ]; then
      mmio_rows+=("$(printf '%-16s %10s writes: rvtlm-iss %s M/s, rvtlm run %s M/s, QEMU %s M/s, QEMU -icount %s M/s' \
        "$name" "$writes" "$(mips "$writes" "$t_iss")" "$(mips "$writes" "$t_vp")" \
        "$(mips "$writes" "$t_qemu")" "$(mips "$writes" "$t_icount")")")
    fi

    # The checksum line must be there and be the same everywhere.
    reference=
    for s in "${sums[@]}"; do
      sim=${s%%|*}
      line=${s#*|}
      if [ -z "$line" ]; then
        echo "FAIL: $name on $sim printed no checksum line" >&2
        ok=0
      elif [ -z "$reference" ]; then
        reference=$line
      elif [ "$line" != "$reference" ]; then
        echo "FAIL: $name: checksum differs: '$line' on $sim, '$reference' on ${sums[0]%%|*}" >&2
        ok=0
      fi
    done
    if [ -z "$insns" ]; then
      echo "FAIL: $name: no instruction count" >&2
      ok=0
    fi
    [ $ok -eq 1 ] || failed=1

    m_iss=$(mips "$insns" "$t_iss")
    m_vp=$(mips "$insns" "$t_vp")
    m_qemu=$(mips "$insns" "$t_qemu")
    m_icount=$(mips "$insns" "$t_icount")
    mips_of[$name]="$m_iss $m_vp $m_qemu $m_icount"
    rows+=("$(printf "$row_format" \
      "$name" "${insns:--}" "$t_iss" "$t_vp" "$t_qemu" "$t_icount" \
      "$m_iss" "$m_vp" "$m_qemu" "$m_icount" "$(ratio "$m_iss" "$m_icount")" "$(ratio "$m_vp" "$m_icount")" \
      "$([ $ok -eq 1 ] && echo ok || echo FAIL)")")
  done
done

echo
if [ $have_iss -eq 1 ]; then
  echo "instructions: rvtlm-iss --stats (whole program)"
else
  echo "instructions: guest minstret under QEMU -icount shift=0 (measured part, no start-up)"
fi
echo "seconds: wall time of the process; iss: rvtlm-iss; virt: rvtlm run (SystemC, virt platform)"
echo "ratio: rvtlm MIPS / QEMU -icount MIPS (> 1: rvtlm faster)"
echo
printf '%31s %35s %35s %17s\n' "" "----------- seconds ---------------" "------------- MIPS ----------------" "ratio to qemu-ic"
printf "$row_format\n" workload instructions iss virt qemu qemu-ic iss virt qemu qemu-ic iss virt status
for r in "${rows[@]}"; do
  echo "$r"
done
user_rows=()
for arch in "${archs[@]}"; do
  for w in "${workloads[@]}"; do
    [[ $w == *-user ]] || continue
    user=${mips_of[$w-$arch]:-}
    machine=${mips_of[${w%-user}-$arch]:-}
    [ -n "$user" ] && [ -n "$machine" ] || continue
    read -r u_iss u_vp u_qemu u_icount <<<"$user"
    read -r k_iss k_vp k_qemu k_icount <<<"$machine"
    user_rows+=("$(printf '%-18s rvtlm-iss %s, rvtlm run %s, QEMU %s, QEMU -icount %s' "$w-$arch" \
      "$(ratio "$u_iss" "$k_iss")" "$(ratio "$u_vp" "$k_vp")" \
      "$(ratio "$u_qemu" "$k_qemu")" "$(ratio "$u_icount" "$k_icount")")")
  done
done
if [ ${#user_rows[@]} -gt 0 ]; then
  echo
  echo "user-mode MIPS / machine-mode MIPS of the same workload (1.00: paging costs nothing):"
  for r in "${user_rows[@]}"; do
    echo "$r"
  done
fi
if [ ${#mmio_rows[@]} -gt 0 ]; then
  echo
  for r in "${mmio_rows[@]}"; do
    echo "$r"
  done
fi

if [ $failed -ne 0 ]; then
  echo
  echo "run.sh: FAILED (see the messages above)" >&2
  exit 1
fi
