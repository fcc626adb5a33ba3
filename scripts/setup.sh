#!/usr/bin/env bash
# Installs the Debian packages rvtlm needs to build, test and benchmark.
# Installs only what is missing (apt-get update only then); safe to re-run.
set -euo pipefail

required=(
  cmake ninja-build g++ pkg-config
  libsystemc-dev libboost-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libfdt-dev libelf-dev nlohmann-json3-dev device-tree-compiler
  gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf picolibc-riscv64-unknown-elf
  gdb-multiarch
  clang clang-format libfuzzer-14-dev libclang-rt-14-dev
  python3
  opensbi u-boot-qemu
)
# Comparison peer for the benchmarks only: nothing is built against it, and
# the benchmarks that use it are skipped without it.
optional=(
  qemu-system-misc
)

is_installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

missing_required=()
for p in "${required[@]}"; do
  is_installed "$p" || missing_required+=("$p")
done
missing_optional=()
for p in "${optional[@]}"; do
  is_installed "$p" || missing_optional+=("$p")
done

if [ ${#missing_required[@]} -eq 0 ] && [ ${#missing_optional[@]} -eq 0 ]; then
  echo "setup: all packages present"
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "setup: not root and no sudo; install as root: ${missing_required[*]} ${missing_optional[*]}" >&2
    exit 1
  fi
fi

apt_get() {
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get -q -y -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0 "$@"
}

echo "setup: installing ${missing_required[*]} ${missing_optional[*]}"
apt_get update || echo "setup: warning: apt-get update failed; trying with the current package lists" >&2
if [ ${#missing_required[@]} -gt 0 ]; then
  apt_get install --no-install-recommends "${missing_required[@]}"
fi
if [ ${#missing_optional[@]} -gt 0 ]; then
  apt_get install --no-install-recommends "${missing_optional[@]}" ||
    echo "setup: warning: could not install ${missing_optional[*]} (benchmark peer only); continuing" >&2
fi
echo "setup: done"
