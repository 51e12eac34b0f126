#!/usr/bin/env bash
# Configures and builds ResLens in build/ (Release, Ninja, -j2: LibTorch headers are heavy
# and these machines have two cores). Extra arguments go to CMake's configure step.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build build -j2
