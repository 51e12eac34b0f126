#!/usr/bin/env bash
# Builds ResLens and its whole test suite with AddressSanitizer and UndefinedBehaviorSanitizer
# (Debian's clang 14, in build-sanitize/) and runs every test under them. Any report fails
# the test that made it. LibTorch, Qt and OpenCV are Debian's builds and not instrumented;
# findings inside them are suppressed in tools/sanitizers/, each entry with why. Not part of
# CI (it takes about an hour on two cores); extra arguments go to ctest (e.g. -R tst_cli).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

tools/install-deps.sh >/dev/null
# QtTest's per-function limit four times the usual: sanitized code runs 2-4x slower.
CC=clang-14 CXX=clang++-14 cmake -S . -B build-sanitize -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRESLENS_SANITIZE=ON \
    -DRESLENS_TEST_FUNCTION_TIMEOUT_MS=4800000 >/dev/null
cmake --build build-sanitize -j2

export ASAN_OPTIONS="detect_leaks=1:detect_odr_violation=0:abort_on_error=0:allocator_may_return_null=1"
export LSAN_OPTIONS="suppressions=$ROOT/tools/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="suppressions=$ROOT/tools/sanitizers/ubsan.supp:print_stacktrace=1:halt_on_error=1"
# Sanitized code runs 2-4x slower: the long tests get the time they need.
export RESLENS_TEST_TIME_SCALE=4
cd build-sanitize
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2 --timeout 5400 "$@"
echo "sanitize.sh: every test passed under ASan and UBSan"
