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
