#!/usr/bin/env bash
# Runs the test suite through CTest, two at a time. The Qt tests run offscreen: no display
# needed. Every test is labelled by lane (tests/CMakeLists.txt):
#   tools/run-tests.sh          everything (the README's test command and CI)
#   tools/run-tests.sh --fast   every test not labelled slow: for use while working
# Other arguments go to ctest, e.g. -L gui, -LE python, -R tst_cli.
set -euo pipefail
cd "$(dirname "$0")/../build"
args=()
for arg in "$@"; do
    if [[ "$arg" == --fast ]]; then
        args+=(-LE slow)
    else
        args+=("$arg")
    fi
done
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2 "${args[@]}"
