#!/usr/bin/env bash
# Builds ResLens and its tests with a sanitizer (Debian's clang 14) and runs them under it.
# Any report fails the test that made it. LibTorch, Qt and OpenCV are Debian's builds and
# not instrumented; findings inside them are suppressed in tools/sanitizers/, each with why.
#
#   tools/sanitize.sh            ASan + UBSan, every test (build-sanitize/; over an hour)
#   tools/sanitize.sh --fast     ASan + UBSan, the fast lane (before every change)
#   tools/sanitize.sh --thread   ThreadSanitizer (build-tsan/): the app-layer, CLI and window
#                                tests of the fast lane, plus tst_lessons' two that end a
#                                lesson mid-run
# Other arguments go to ctest (e.g. -R tst_cli).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

mode=address
lane=all
args=()
for arg in "$@"; do
    case "$arg" in
        --thread) mode=thread ;;
        --fast) lane=fast ;;
        *) args+=("$arg") ;;
    esac
done

tools/install-deps.sh >/dev/null
start=$(date +%s)
if [[ $mode == thread ]]; then
    build=build-tsan
    option=-DRESLENS_SANITIZE_THREAD=ON
else
    build=build-sanitize
    option=-DRESLENS_SANITIZE=ON
fi
# QtTest's per-function limit four times the usual: sanitized code runs 2-15x slower.
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo "$option" \
    -DRESLENS_TEST_FUNCTION_TIMEOUT_MS=4800000 >/dev/null

# Which tests run, as ctest arguments.
if [[ $mode == thread ]]; then
    # The layers with threads of their own; engine tests run single-threaded code (and
    # LibTorch's OpenMP pool, uninstrumented). Slow tests that cancel, pause or close
    # mid-run are added by name.
    selection=(-L "app|cli|gui" -LE "slow|record|python" -E "tst_install")
    extra=(tst_lessons aCancelledStudyEndsTheLesson aLessonWaitsForARunInProgress)
else
    selection=(-LE "record")
    [[ $lane == fast ]] && selection=(-LE "slow|record")
    extra=()
fi
# Build only what the selected tests need (plus the three programs they run).
targets=(reslens reslens-cli reslens-loader)  # tests run by scripts (tst_install) have no target
while read -r name; do
    [[ -d "$build/tests/CMakeFiles/$name.dir" ]] && targets+=("$name")
done < <(cd "$build" && ctest -N "${selection[@]}" |
         sed -n 's/^ *Test *#[0-9]*: \(tst_[a-z0-9_]*\)$/\1/p')
[[ ${#extra[@]} -gt 0 ]] && targets+=("${extra[0]}")
nice cmake --build "$build" -j2 --target "${targets[@]}"
built=$(date +%s)

export ASAN_OPTIONS="detect_leaks=1:detect_odr_violation=0:abort_on_error=0:allocator_may_return_null=1"
export LSAN_OPTIONS="suppressions=$ROOT/tools/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="suppressions=$ROOT/tools/sanitizers/ubsan.supp:print_stacktrace=1:halt_on_error=1"
# exitcode 66: a report fails the test even when the program would have exited 0.
export TSAN_OPTIONS="suppressions=$ROOT/tools/sanitizers/tsan.supp:halt_on_error=0:exitcode=66:second_deadlock_stack=1:history_size=4:external_symbolizer_path=$ROOT/tools/sanitizers/quiet/llvm-symbolizer"
# Sanitized code runs 2-15x slower: the long tests get the time they need.
export RESLENS_TEST_TIME_SCALE=4
cd "$build"
status=0
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2 --timeout 5400 "${selection[@]}" \
    "${args[@]}" || status=$?
if [[ ${#extra[@]} -gt 0 ]]; then
    QT_QPA_PLATFORM=offscreen QTEST_FUNCTION_TIMEOUT=4800000 "tests/${extra[0]}" \
        "${extra[@]:1}" || status=$?
fi
end=$(date +%s)
echo "sanitize.sh ($mode, $lane): build $((built - start)) s, tests $((end - built)) s"
if [[ $status != 0 ]]; then
    echo "sanitize.sh: a test failed or a sanitizer reported (see above)"
    exit $status
fi
echo "sanitize.sh: every selected test passed under the $mode sanitizer"
