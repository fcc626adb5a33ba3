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

rm -rf "$prefix" "$consumer_build"
"$cmake" --install "$build" --prefix "$prefix" "${config_args[@]}"
"$cmake" -S "$here" -B "$consumer_build" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON \
  ${config:+-DCMAKE_BUILD_TYPE="$config"} "$@"
"$cmake" --build "$consumer_build" "${config_args[@]}"
"$consumer_build/rvtlm-consumer"
SYSTEMC_DISABLE_COPYRIGHT_MESSAGE=1 "$consumer_build/rvtlm-consumer-platform"
