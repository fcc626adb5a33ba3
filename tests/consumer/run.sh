#!/usr/bin/env bash
# Installs an rvtlm build tree into a scratch prefix, builds the consumer
# project against it with find_package(rvtlm) and runs it.
#
#   run.sh CMAKE BUILD_DIR CONFIG PREFIX CONSUMER_BUILD_DIR [cmake args...]
#
# The extra arguments go to the consumer's configure step (generator,
# compiler, flags of the main build). Registered as the ctest install.consumer.
set -euo pipefail

if [ $# -lt 5 ]; then
  echo "usage: $0 CMAKE BUILD_DIR CONFIG PREFIX CONSUMER_BUILD_DIR [cmake args...]" >&2
  exit 2
fi
cmake=$1 build=$2 config=$3 prefix=$4 consumer_build=$5
shift 5
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
config_args=()
if [ -n "$config" ]; then
  config_args=(--config "$config")
fi

guests=OFF
if command -v riscv64-unknown-elf-gcc >/dev/null; then guests=ON; fi

rm -rf "$prefix" "$consumer_build" "$consumer_build-iss"
"$cmake" --install "$build" --prefix "$prefix" "${config_args[@]}"
"$cmake" -S "$here" -B "$consumer_build" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON \
  -DRVTLM_CONSUMER_GUESTS=$guests \
  ${config:+-DCMAKE_BUILD_TYPE="$config"} "$@"
"$cmake" --build "$consumer_build" "${config_args[@]}"
"$consumer_build/rvtlm-consumer"
SYSTEMC_DISABLE_COPYRIGHT_MESSAGE=1 "$consumer_build/rvtlm-consumer-platform"

if [ "$guests" = ON ]; then
  # The installed rvtlm runs a guest built with the installed
  # rvtlm_add_guest() on a board whose device type comes from this
  # project's device library (named by the description, next to it).
  cp "$here/board.json.in" "$consumer_build/board.json"
  set +e
  "$prefix/bin/rvtlm" run --uart stdio --platform "$consumer_build/board.json" \
    "$consumer_build/consumer-guest.elf" >"$consumer_build/guest.out"
  status=$?
  set -e
  if [ "$status" -ne 42 ] || ! grep -q "^answer 42" "$consumer_build/guest.out"; then
    echo "consumer guest: exit status $status, output: $(cat "$consumer_build/guest.out")" >&2
    exit 1
  fi
  echo "consumer guest and device library: ok"
fi

# find_package(rvtlm COMPONENTS iss) where libelf, SystemC, libfdt and
# nlohmann_json cannot be found: the ISS alone needs none of them.
"$cmake" -S "$here" -B "$consumer_build-iss" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON \
  -DRVTLM_CONSUMER_ISS_ONLY=ON -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON \
  -DCMAKE_DISABLE_FIND_PACKAGE_PkgConfig=ON \
  ${config:+-DCMAKE_BUILD_TYPE="$config"} "$@"
"$cmake" --build "$consumer_build-iss" "${config_args[@]}"
"$consumer_build-iss/rvtlm-consumer"
echo "iss component without the other components' dependencies: ok"
