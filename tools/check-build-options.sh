#!/usr/bin/env bash
# Configures every combination of RESLENS_BUILD_GUI, RESLENS_BUILD_TESTS and
# RESLENS_WITH_IMAGING in throw-away build folders and checks that each either configures,
# or -- GUI without imaging, which cannot be built -- stops at configure time with a
# message naming the combination. Run by CTest as tst_build_options; compiling every
# combination is left to tools/gpu-check.sh (GUI, tests and imaging off) and the full build.
# Usage: tools/check-build-options.sh [SOURCE_DIR]
set -uo pipefail
source_dir="$(cd "${1:-$(dirname "$0")/..}" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

failures=0
for gui in ON OFF; do
    for tests in ON OFF; do
        for imaging in ON OFF; do
            name="GUI=$gui TESTS=$tests IMAGING=$imaging"
            dir="$scratch/$gui-$tests-$imaging"
            output="$(cmake -S "$source_dir" -B "$dir" -G Ninja -DRESLENS_BUILD_GUI=$gui \
                -DRESLENS_BUILD_TESTS=$tests -DRESLENS_WITH_IMAGING=$imaging 2>&1)"
            status=$?
            if [[ $gui == ON && $imaging == OFF ]]; then
                if ((status == 0)); then
                    echo "FAIL $name: configured, but the GUI cannot be built without imaging"
                    failures=$((failures + 1))
                elif ! grep -q "RESLENS_BUILD_GUI=ON with RESLENS_WITH_IMAGING=OFF" <<<"$output"; then
                    echo "FAIL $name: stopped without naming the combination:"
                    echo "$output" | tail -5
                    failures=$((failures + 1))
                else
                    echo "ok   $name: refused at configure time, with the combination named"
                fi
            elif ((status != 0)); then
                echo "FAIL $name: does not configure:"
                echo "$output" | grep -A3 "Error" | head -8
                failures=$((failures + 1))
            else
                echo "ok   $name: configures"
            fi
            rm -rf "$dir"
        done
    done
done
echo "check-build-options: $((8 - failures)) passed, $failures failed"
((failures == 0))
