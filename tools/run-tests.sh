#!/usr/bin/env bash
# Runs the whole test suite through CTest. The Qt tests run offscreen: no display needed.
set -euo pipefail
cd "$(dirname "$0")/../build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2 "$@"
