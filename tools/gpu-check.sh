#!/usr/bin/env bash
# Proves the engine on a GPU: builds the engine and reslens-cli against the CUDA LibTorch of
# this machine's PyTorch (no Qt, no OpenCV), then
#   1. reslens-cli check-device: logits, per-block statistics, one training step (loss,
#      gradient norms, weight update) on CUDA against the CPU, TF32 off, and a short
#      skip / no-skip paired run on CUDA;
#   2. tests/bench/device_vs_pytorch.py: resnet50 forward with statistics probes at batch 1
#      and 64 and a resnet56 training step at batch 128, on CUDA against Python PyTorch on the
#      same GPU and against reslens-cli on the CPU.
# and prints a summary. Exit status 1 when a check fails (benchmarks report, they do not fail).
#
#   tools/gpu-check.sh [--device cuda:0] [--build-dir build-cuda] [--python python3]
#   tools/gpu-check.sh --cpu [--build-dir build]   # the CPU half (CI): an existing build;
#       check-device float32 against float64, the benchmark plumbing in --quick mode, and
#       a clear refusal of a CUDA device by a CPU-only LibTorch
#   tools/gpu-check.sh --gather-deps                # copy the header-only dependencies into
#       .device-deps/ (git-ignored) for a machine without them (the device tool's `carry`)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

mode=gpu
device=cuda:0
build_dir=""
python="${PYTHON:-python3}"
while [ $# -gt 0 ]; do
    case "$1" in
        --cpu) mode=cpu ;;
        --gather-deps) mode=gather ;;
        --device) device="$2"; shift ;;
        --build-dir) build_dir="$2"; shift ;;
        --python) python="$2"; shift ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "gpu-check.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done

if [ "$mode" = gather ]; then
    rm -rf .device-deps && mkdir -p .device-deps/include
    cp -r /usr/include/nlohmann /usr/include/CLI .device-deps/include/
    echo "header-only dependencies in .device-deps/include (carry .device-deps)"
    exit 0
fi

summary=()
failed=0
step() { printf '\n== %s\n' "$*"; }

if [ "$mode" = cpu ]; then
    build_dir="${build_dir:-build}"
    [ "$python" = python3 ] && [ -x /usr/bin/python3 ] && python=/usr/bin/python3  # Debian's torch
    cli="$build_dir/app/cli/reslens-cli"
    [ -x "$cli" ] || { echo "gpu-check.sh: no $cli (build first: tools/build.sh)" >&2; exit 2; }
    check_device=cpu
    bench_flags=(--device cpu --quick)
else
    build_dir="${build_dir:-build-cuda}"
    torch_prefix="$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')"
    "$python" -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' || {
        echo "gpu-check.sh: $python's torch sees no CUDA device (use --cpu on a CPU machine)" >&2
        exit 2
    }
    step "configure and build against $torch_prefix"
    generator=()
    command -v ninja > /dev/null && generator=(-G Ninja)
    cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_PREFIX_PATH="$torch_prefix" -DCMAKE_INCLUDE_PATH="$root/.device-deps/include" \
        -DRESLENS_BUILD_GUI=OFF -DRESLENS_BUILD_TESTS=OFF -DRESLENS_WITH_IMAGING=OFF
    cmake --build "$build_dir" --target reslens-cli -j "$(nproc)"
    cli="$build_dir/app/cli/reslens-cli"
    summary+=("build: engine + reslens-cli against $("$python" -c 'import torch; print("PyTorch", torch.__version__, "CUDA", torch.version.cuda)')")
    check_device="$device"
    bench_flags=(--device "$device" --cpu-reference)
fi

step "reslens-cli check-device --device $check_device"
if "$cli" check-device --device "$check_device"; then
    summary+=("check-device $check_device: all checks passed")
else
    summary+=("check-device $check_device: FAILED")
    failed=1
fi

if [ "$mode" = cpu ]; then
    step "a CPU-only LibTorch refuses a CUDA device with a reason"
    set +e
    message="$("$cli" bench --arch resnet20 --device cuda:0 2>&1)"
    status=$?
    set -e
    echo "$message (exit $status)"
    if [ $status -eq 2 ] && grep -q "CUDA" <<< "$message"; then
        summary+=("cuda:0 on a CPU-only LibTorch: refused with a reason")
    else
        summary+=("cuda:0 on a CPU-only LibTorch: NOT refused cleanly")
        failed=1
    fi
fi

step "benchmarks: tests/bench/device_vs_pytorch.py ${bench_flags[*]}"
if bench="$("$python" tests/bench/device_vs_pytorch.py --cli "$cli" "${bench_flags[@]}")"; then
    echo "$bench"
    summary+=("benchmarks:" "$bench")
else
    summary+=("benchmarks: FAILED to run")
    failed=1
fi

step "summary"
printf '%s\n' "${summary[@]}"
[ $failed -eq 0 ] && echo "gpu-check ($mode): PASSED" || echo "gpu-check ($mode): FAILED"
exit $failed
