#!/usr/bin/env bash
# Runs the test suite through CTest, two at a time. The Qt tests run offscreen: no display
# needed. Every test is labelled by lane (tests/CMakeLists.txt):
#   tools/run-tests.sh          everything but the record (the README's test command and CI)
#   tools/run-tests.sh --fast   every test not labelled slow: for use while working
#   tools/run-tests.sh --record the lessons' record rerun at its documented settings and
#                               compared with docs/lessons/measured.json (about 30 minutes)
# Other arguments go to ctest, e.g. -L gui, -LE python, -R tst_cli.
set -euo pipefail
cd "$(dirname "$0")/../build"
exclude=record
args=()
for arg in "$@"; do
    if [[ "$arg" == --fast ]]; then
        exclude="slow|record"
    elif [[ "$arg" == --record ]]; then
        exclude=""
        args+=(-L record)
    else
        args+=("$arg")
    fi
done
if [[ -n "$exclude" ]]; then
    args+=(-LE "$exclude")
fi
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2 "${args[@]}"
