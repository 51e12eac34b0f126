#!/usr/bin/env bash
# Fuzzes ResLens's parsers with libFuzzer (tests/fuzz/). Builds every target with Debian's
# clang 14, ASan and UBSan in build-fuzz/ (its own folder: nothing there is shared with
# build/), then runs each named target -- all of them when none is named -- for N seconds,
# one after another, starting from the committed seeds (tests/fuzz/corpus/<target>/) and the
# saved crashes (tests/fuzz/regressions/<target>/). Prints, per target, the executions, the
# coverage reached and the crashes found; exits 1 when any target crashed.
#
#   tools/fuzz.sh [--seconds N] [TARGET...]      (N defaults to 60)
#
# Targets: image_header image_decode idx cifar model_file torchscript_import config_json
# saved_run checkpoint safetensors.
# A crash is written to build-fuzz/findings/<target>/; once fixed, copy it into
# tests/fuzz/regressions/<target>/, where tst_fuzz_regressions replays it in every test run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ALL=(image_header image_decode idx cifar model_file torchscript_import config_json saved_run checkpoint
     safetensors)

seconds=60
targets=()
while (($#)); do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --seconds=*) seconds="${1#*=}"; shift ;;
        -h|--help) sed -n 2,15p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
((${#targets[@]})) || targets=("${ALL[@]}")
for target in "${targets[@]}"; do
    [[ " ${ALL[*]} " == *" $target "* ]] || { echo "fuzz.sh: no target '$target' (${ALL[*]})" >&2; exit 2; }
done
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz.sh: --seconds takes a whole number above 0" >&2; exit 2; }

tools/install-deps.sh >/dev/null
if [[ ! -f build-fuzz/build.ninja ]]; then
    CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DRESLENS_FUZZ=ON -DRESLENS_BUILD_GUI=OFF -DRESLENS_BUILD_TESTS=OFF >/dev/null
fi
cmake --build build-fuzz -j2 --target "${targets[@]/#/fuzz_}"

# Leaks and UB inside LibTorch, OpenCV and the image libraries are theirs, not ours: see the
# suppression files for each entry and why.
export LSAN_OPTIONS="suppressions=$ROOT/tools/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="suppressions=$ROOT/tools/sanitizers/ubsan.supp:print_stacktrace=1:halt_on_error=1"
export ASAN_OPTIONS="detect_odr_violation=0:allocator_may_return_null=1"
export OMP_NUM_THREADS=1

crashed=0
summary=()
for target in "${targets[@]}"; do
    work="build-fuzz/corpus/$target"
    findings="build-fuzz/findings/$target"
    log="build-fuzz/logs/$target.log"
    mkdir -p "$work" "$findings" "$(dirname "$log")" "tests/fuzz/regressions/$target"
    before=$(find "$findings" -type f | wc -l)
    echo "== $target: $seconds s"
    # libFuzzer stops at its first crash: start it again (up to 5 times) with the time that is
    # left, so that every target is fuzzed for the full time and more than one bug can show.
    # -rss_limit_mb: a parser that lets a file claim gigabytes is a finding, not a slow run.
    start=$SECONDS execs=0 status=0 runs=0
    : >"$log"
    while ((SECONDS - start < seconds && runs < 6)); do
        runs=$((runs + 1))
        set +e
        "build-fuzz/tests/fuzz/fuzz_$target" -max_total_time=$((seconds - (SECONDS - start))) \
            -timeout=25 -rss_limit_mb=3072 -print_final_stats=1 -artifact_prefix="$findings/" \
            "$work" "tests/fuzz/corpus/$target" "tests/fuzz/regressions/$target" >>"$log" 2>&1
        run_status=$?
        set -e
        ((run_status == 0)) || status=$run_status
        ran=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
        execs=$((execs + ${ran:-0}))
        sed -i 's/^stat::number_of_executed_units:/stat::counted_units:/' "$log"
    done
    elapsed=$((SECONDS - start))
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
    found=$(($(find "$findings" -type f | wc -l) - before))
    if ((status != 0 || found > 0)); then
        crashed=1
        grep -E '^==[0-9]+==ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -12 || true
    fi
    summary+=("$(printf '%-20s %6s s  %10s execs  %-20s  %s finding(s)%s' "$target" "$elapsed" \
        "$execs" "${cov:-cov: ?}" "$found" "$( ((status)) && echo " (see $log)")")")
done

echo
echo "target               seconds       executions  coverage              findings"
printf '%s\n' "${summary[@]}"
exit "$crashed"
