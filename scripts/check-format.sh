#!/usr/bin/env bash
# Checks that C and C++ sources follow .clang-format.
#   scripts/check-format.sh               every tracked .c/.cpp/.h file
#   scripts/check-format.sh --since REF   the files changed since REF (git)
#   scripts/check-format.sh FILE...       these files
# Prints each file that differs and the command that fixes it; exit status 1
# if any does. Folders with their own .clang-format (tests/isa: assembly
# macro headers) say there what applies to them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v clang-format >/dev/null 2>&1; then
  echo "check-format: clang-format not found (scripts/setup.sh installs it)" >&2
  exit 2
fi

files=()
if [ "${1:-}" = "--since" ]; then
  [ $# -eq 2 ] || { echo "usage: check-format.sh --since REF" >&2; exit 2; }
  while IFS= read -r f; do
    [ -f "$f" ] && files+=("$f")
  done < <(git diff --name-only --diff-filter=d "$2" -- '*.c' '*.cpp' '*.h')
elif [ $# -gt 0 ]; then
  files=("$@")
else
  while IFS= read -r f; do files+=("$f"); done < <(git ls-files '*.c' '*.cpp' '*.h')
fi

bad=()
for f in "${files[@]}"; do
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
    bad+=("$f")
  fi
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "check-format: ${#bad[@]} file(s) differ from .clang-format:" >&2
  printf '  %s\n' "${bad[@]}" >&2
  echo "fix: clang-format -i ${bad[*]}" >&2
  exit 1
fi
echo "check-format: ${#files[@]} file(s) follow .clang-format"
