#!/usr/bin/python3
"""Side-by-side benchmark of a training step: ResLens against the same loop in PyTorch.

In alternating rounds on the same machine and thread count:
  * Python, in a fresh process of its own for every round and layout, holding one model:
    He et al.'s CIFAR ResNet-20 (tests/bench/cifar_resnet.py, option A shortcuts),
    1x28x28 inputs, batch 128, SGD (momentum 0.9, weight decay 1e-4): zero_grad, forward,
    cross-entropy, backward, step, on Debian's python3-torch (the same LibTorch 1.13);
  * the same Python loop with the model and batch in channels-last (NHWC) layout, which
    ResLens trains in by default (its own fresh process too);
  * `reslens-cli bench --train`: the same step in ResLens (batch sampling timed apart), in
    turn without gradient norms, with per-block gradient norms, and in NCHW layout.
Prints the medians: ResLens / the Python loop as written (target <= 1.0), ResLens / Python
in the same layout (both layouts), and with norms / without (target <= 1.05), also as the
median of per-step ratios (each pair timed back to back).

Why fresh processes: a single Python process that keeps two models (both layouts) and
interleaves them runs each 10-15% slower than a process with one model (allocator and cache
state), which made ResLens look faster than it is. Each side now starts as fresh as
`reslens-cli bench` does.

Usage: train_step_vs_pytorch.py [--cli build/app/cli/reslens-cli] [--threads N] [--rounds 4]
       [--iterations 5] [--json]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cifar_resnet import CifarResNet  # noqa: E402
from timing import train_round  # noqa: E402


def python_worker(layout, args):
    """The Python loop's step times, from a fresh interpreter holding one model."""
    out = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "--worker", layout, "--threads",
         str(args.threads), "--batch", str(args.batch), "--iterations", str(args.iterations)],
        check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def run_worker(layout, args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = CifarResNet(20, in_channels=1, num_classes=10).train()
    x = torch.randn(args.batch, 1, 28, 28)
    y = torch.randint(0, 10, (args.batch,))
    if layout == "channels-last":
        model = model.to(memory_format=torch.channels_last)
        x = x.contiguous(memory_format=torch.channels_last)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    train_round(model, optimizer, x, y, 2)  # untimed warm-up steps
    json.dump(train_round(model, optimizer, x, y, args.iterations), sys.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default=os.path.join(HERE, "..", "..", "build", "app", "cli", "reslens-cli"))
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", choices=["nchw", "channels-last"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        run_worker(args.worker, args)
        return

    py, py_cl, bare, norms, nchw = [], [], [], [], []
    for _ in range(args.rounds):
        py += python_worker("nchw", args)
        py_cl += python_worker("channels-last", args)
        out = subprocess.run(
            [args.cli, "--threads", str(args.threads), "bench", "--arch", "resnet20",
             "--in-channels", "1", "--input", "28x28", "--train", "--batch", str(args.batch),
             "--iterations", str(args.iterations), "--warmup", "1", "--json"],
            check=True, capture_output=True, text=True).stdout
        doc = json.loads(out)
        bare += doc["step_ms"]
        norms += doc["step_with_grad_norms_ms"]
        nchw += doc["step_nchw_ms"]

    med = statistics.median
    result = dict(arch="resnet20", input=[1, 28, 28], batch=args.batch, threads=args.threads,
                  samples=len(py), torch=torch.__version__,
                  pytorch_step_ms=med(py), pytorch_channels_last_step_ms=med(py_cl),
                  reslens_step_ms=med(bare), reslens_nchw_step_ms=med(nchw),
                  reslens_step_with_grad_norms_ms=med(norms),
                  reslens_over_pytorch=med(bare) / med(py),
                  reslens_over_pytorch_channels_last=med(bare) / med(py_cl),
                  reslens_nchw_over_pytorch=med(nchw) / med(py),
                  grad_norms_over_bare=med(norms) / med(bare),
                  # the two were timed back to back on the same batch: their per-step ratio
                  # cancels the machine's drift, which the ratio of medians does not
                  grad_norms_over_bare_paired=med([n / b for n, b in zip(norms, bare)]))
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
        return
    print(f"resnet20, 1x28x28, batch {args.batch}, CPU, {args.threads} threads, "
          f"{len(py)} steps each (medians)")
    print(f"  PyTorch (Python) training step        {result['pytorch_step_ms']:8.1f} ms")
    print(f"  ResLens training step                 {result['reslens_step_ms']:8.1f} ms"
          f"   ({result['reslens_over_pytorch']:.3f}x, target <= 1.0)")
    print("  same layout on both sides:")
    print(f"    PyTorch, NCHW                       {result['pytorch_step_ms']:8.1f} ms")
    print(f"    ResLens, NCHW                       {result['reslens_nchw_step_ms']:8.1f} ms"
          f"   ({result['reslens_nchw_over_pytorch']:.3f}x)")
    print(f"    PyTorch, channels-last              {result['pytorch_channels_last_step_ms']:8.1f} ms")
    print(f"    ResLens, channels-last              {result['reslens_step_ms']:8.1f} ms"
          f"   ({result['reslens_over_pytorch_channels_last']:.3f}x)")
    print(f"  ResLens step + block gradient norms   {result['reslens_step_with_grad_norms_ms']:8.1f} ms"
          f"   ({result['grad_norms_over_bare']:.3f}x, target <= 1.05;"
          f" median of per-step ratios {result['grad_norms_over_bare_paired']:.3f}x)")


if __name__ == "__main__":
    main()
