# Shared by the command-line test scripts (tests/cli, tests/integration);
# sourced, not run. The caller sets $case_name and $tmp (a scratch folder).

fail() { echo "FAIL ($case_name): $*"; exit 1; }

# run_command PROGRAM ARGS...: runs it with no input; sets $status, $out, $err.
run_command() {
  "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  status=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}

expect_status() {
  [ "$status" -eq "$1" ] || fail "exit status $status, expected $1 (stderr: $err; stdout: $out)"
}

# expect_error PATTERN: exit status 2 and one error line on stderr matching
# PATTERN (a "Try ..." hint line may follow).
expect_error() {
  [ "$status" -eq 2 ] || fail "exit status $status, expected 2 (stderr: $err)"
  grep -qE -- "$1" "$tmp/err" || fail "stderr '$err' does not match '$1'"
  [ "$(grep -vc '^Try ' "$tmp/err")" -eq 1 ] || fail "expected one error line, got: $err"
}

# make_huge_segment_elf SRC DEST: a copy of the RV64 ELF SRC whose first
# program header (a PT_LOAD) claims 39 GiB in the file and in memory, with
# DEST extended (sparsely) so that the file is that long.
make_huge_segment_elf() {
  cp "$1" "$2" || fail "cp"
  local huge='\x00\x00\x00\xc0\x09\x00\x00\x00'  # 39 GiB, little endian
  local phoff
  phoff=$(od -An -t u8 -j 32 -N 8 "$2" | tr -d ' ')
  printf "$huge" | dd of="$2" bs=1 seek=$((phoff + 32)) conv=notrunc status=none || fail "dd"
  printf "$huge" | dd of="$2" bs=1 seek=$((phoff + 40)) conv=notrunc status=none || fail "dd"
  truncate -s 40G "$2" || fail "truncate"
}
