#!/usr/bin/env bash
# Builds the Linux guest of the virt platform's boot tests into build/linux/:
#   Image                 RV64 kernel from Debian's linux-source-6.1: make tinyconfig,
#                         then guest/linux/rvtlm.config on top
#   vmlinux, config       the same kernel as ELF (symbols for a debugger) and its
#                         whole configuration
#   initramfs.cpio        /init is guest/linux/init.c: prints its checks, powers off
#   initramfs-shell.cpio  /init is guest/linux/shell.c, an interactive shell
# Installs the Debian packages it needs when they are missing (as root, or through
# sudo). Each step is skipped when its results are newer than its inputs, so running
# it again is cheap. See guest/linux/README.md.
#
# Environment: RVTLM_LINUX_OUT  output directory (default: build/linux of the repository)
#              JOBS             parallel jobs of the kernel build (default: nproc)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
guest="$repo/guest/linux"
out="${RVTLM_LINUX_OUT:-$repo/build/linux}"
jobs="${JOBS:-$(nproc)}"
script="$repo/scripts/build-linux.sh"
source_package=linux-source-6.1
tarball=/usr/src/linux-source-6.1.tar.xz
cross=riscv64-linux-gnu-

say() { echo "build-linux: $*"; }
die() {
  echo "build-linux: error: $*" >&2
  exit 1
}

# True when every target exists and is newer than every input (targets, then --, then inputs).
up_to_date() {
  local targets=() t i
  while [ "$1" != -- ]; do
    targets+=("$1")
    shift
  done
  shift
  for t in "${targets[@]}"; do
    [ -e "$t" ] || return 1
    for i in "$@"; do
      [ "$t" -nt "$i" ] || return 1
    done
  done
}

# --- packages ---------------------------------------------------------------------
# The cross compiler and the kernel's UAPI headers for the guest programs, the
# kernel source, and what building a kernel needs on the host (kconfig: bison,
# flex; kernel/time: bc). Neither libssl-dev nor libelf-dev: without modules and
# without objtool (not used on RISC-V in 6.1) nothing links against them.
packages=(
  "$source_package" gcc-riscv64-linux-gnu linux-libc-dev-riscv64-cross
  make gcc libc6-dev bc bison flex xz-utils
)
is_installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}
missing=()
for p in "${packages[@]}"; do
  is_installed "$p" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "not root and no sudo; install as root: ${missing[*]}"
    as_root=(sudo)
  fi
  say "installing ${missing[*]}"
  apt_get() {
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get -q -y -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0 "$@"
  }
  apt_get update || say "warning: apt-get update failed; trying with the current package lists"
  apt_get install --no-install-recommends "${missing[@]}"
else
  say "packages present: ${packages[*]}"
fi
[ -f "$tarball" ] || die "$tarball is missing although $source_package is installed"

mkdir -p "$out"
# Reproducible kernel banner and uname -v: the same source package gives the same
# text on every machine, which the boot tests compare exactly.
source_version=$(dpkg-query -W -f='${Version}' "$source_package")
source_epoch=$(stat -c %Y "$tarball")
export ARCH=riscv CROSS_COMPILE="$cross" LOCALVERSION=
export KBUILD_BUILD_USER=rvtlm KBUILD_BUILD_HOST=rvtlm KBUILD_BUILD_VERSION=1
KBUILD_BUILD_TIMESTAMP=$(LC_ALL=C date -u -d "@$source_epoch")
export KBUILD_BUILD_TIMESTAMP

# --- kernel source -------------------------------------------------------------------
src_parent="$out/src"
src="$src_parent/linux-source-6.1"
src_stamp="$src_parent/extracted-version"
if [ -f "$src_stamp" ] && [ "$(cat "$src_stamp")" = "$source_version" ] && [ -f "$src/Makefile" ]; then
  say "kernel source $source_package $source_version already in $src"
else
  say "extracting $tarball ($source_package $source_version) into $src_parent"
  rm -rf "$src_parent"
  mkdir -p "$src_parent"
  tar -xf "$tarball" -C "$src_parent"
  [ -f "$src/Makefile" ] || die "$tarball did not hold linux-source-6.1/Makefile"
  echo "$source_version" >"$src_stamp"
fi

# --- kernel ---------------------------------------------------------------------------
obj="$out/obj"
kmake=(make -C "$src" O="$obj" -j"$jobs")
fragment="$guest/rvtlm.config"
if up_to_date "$out/Image" "$out/vmlinux" "$out/config" -- "$src_stamp" "$fragment" "$script"; then
  say "kernel up to date: $out/Image"
else
  mkdir -p "$obj"
  log="$out/kernel-build.log"
  say "configuring the kernel in $obj: tinyconfig + $fragment"
  {
    "${kmake[@]}" tinyconfig &&
      "$src/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" "$fragment" &&
      "${kmake[@]}" olddefconfig
  } >"$log" 2>&1 || {
    tail -n 40 "$log" >&2
    die "kernel configuration failed; whole log: $log"
  }
  # merge_config.sh only warns when Kconfig drops or changes a value; a fragment
  # line that does not hold is an error here.
  dropped=()
  while IFS= read -r line; do
    grep -qxF -- "$line" "$obj/.config" || dropped+=("$line")
  done < <(grep -E '^(CONFIG_|# CONFIG_)' "$fragment")
  if [ ${#dropped[@]} -gt 0 ]; then
    printf 'build-linux:   not in the final .config: %s\n' "${dropped[@]}" >&2
    die "the configuration does not hold what $fragment asks for (dependencies missing?)"
  fi
  say "configuration: $(grep -c '^CONFIG_' "$obj/.config") options set"
  say "building Image and vmlinux with ${cross}gcc, $jobs job(s); log: $log"
  start=$SECONDS
  "${kmake[@]}" Image vmlinux >>"$log" 2>&1 || {
    tail -n 40 "$log" >&2
    die "kernel build failed; whole log: $log"
  }
  say "kernel built in $((SECONDS - start)) s"
  cp "$obj/arch/riscv/boot/Image" "$out/Image.tmp" && mv "$out/Image.tmp" "$out/Image"
  cp "$obj/vmlinux" "$out/vmlinux.tmp" && mv "$out/vmlinux.tmp" "$out/vmlinux"
  cp "$obj/.config" "$out/config.tmp" && mv "$out/config.tmp" "$out/config"
fi

# --- guest programs ---------------------------------------------------------------------
# No C library (see guest/linux/rt.h): static, non-PIE, entered at _start.
bin="$out/guest"
mkdir -p "$bin"
cflags=(
  -std=c11 -Os -Wall -Wextra -Werror
  -ffreestanding -fno-builtin -fno-tree-loop-distribute-patterns
  -fno-stack-protector -fno-pie -fno-asynchronous-unwind-tables -fno-unwind-tables
  -ffunction-sections -fdata-sections
)
ldflags=(-static -nostdlib -no-pie -Wl,--gc-sections -Wl,--build-id=none)
for program in init shell; do
  inputs=("$guest/start.S" "$guest/rt.c" "$guest/rt.h" "$guest/$program.c" "$script")
  if up_to_date "$bin/$program" -- "${inputs[@]}"; then
    say "guest program up to date: $bin/$program"
  else
    say "compiling $bin/$program with ${cross}gcc"
    "${cross}gcc" "${cflags[@]}" "${ldflags[@]}" -o "$bin/$program.tmp" \
      "$guest/start.S" "$guest/rt.c" "$guest/$program.c"
    mv "$bin/$program.tmp" "$bin/$program"
  fi
done

# --- initramfs images ---------------------------------------------------------------------
gen="$out/gen_init_cpio"
if up_to_date "$gen" -- "$src/usr/gen_init_cpio.c"; then
  say "gen_init_cpio up to date"
else
  say "compiling $gen from the kernel source"
  gcc -O2 -o "$gen" "$src/usr/gen_init_cpio.c"
fi
export GUEST_BIN="$bin" GUEST_SRC="$guest"
for image in initramfs initramfs-shell; do
  list="$guest/$image.list"
  inputs=("$list" "$gen" "$bin/init" "$guest/message.txt" "$script")
  [ "$image" = initramfs ] || inputs+=("$bin/shell")
  if up_to_date "$out/$image.cpio" -- "${inputs[@]}"; then
    say "initramfs up to date: $out/$image.cpio"
  else
    say "writing $out/$image.cpio (newc) from $list"
    # -t: directories and nodes get the source package's time, not today's.
    "$gen" -t "$source_epoch" "$list" >"$out/$image.cpio.tmp"
    mv "$out/$image.cpio.tmp" "$out/$image.cpio"
  fi
done

say "done, in $out:"
for f in Image vmlinux initramfs.cpio initramfs-shell.cpio; do
  printf 'build-linux:   %-22s %9d bytes\n' "$f" "$(stat -c %s "$out/$f")"
done
