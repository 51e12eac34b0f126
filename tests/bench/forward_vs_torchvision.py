#!/usr/bin/python3
"""Side-by-side forward benchmark: ResLens (reslens-cli bench) against torchvision.

Runs, in alternating rounds on the same machine and thread count:
  * torchvision's resnet in Debian's python3-torch (the same LibTorch 1.13), bare forward;
  * `reslens-cli bench`, which itself interleaves the reference forward (the inference fast
    path off: every layer as torchvision computes it), the untraced forward (fast path),
    the forward with empty hooks on every block, and the forward with statistics probes on
    every block.
Prints the medians and the ratios the fast-path issue asks for:
  untraced / torchvision (target <= 0.80) and probed / torchvision (target <= 0.85).

Usage: forward_vs_torchvision.py [--cli build/app/cli/reslens-cli] [--arch resnet50]
       [--batch 1] [--threads 2] [--rounds 5] [--iterations 10] [--json]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

import torch
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import python_round  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--cli", default=os.path.join(here, "..", "..", "build", "app", "cli", "reslens-cli"))
    parser.add_argument("--arch", default="resnet50")
    parser.add_argument("--batch", type=int, default=1)
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = getattr(torchvision.models, args.arch)().eval()
    x = torch.randn(args.batch, 3, args.size, args.size)
    python_round(model, x, 3)  # warm-up

    py, reference, untraced, hooked, probed = [], [], [], [], []
    for _ in range(args.rounds):
        py += python_round(model, x, args.iterations)
        out = subprocess.run(
            [args.cli, "--threads", str(args.threads), "bench", "--arch", args.arch,
             "--batch", str(args.batch), "--input", f"{args.size}x{args.size}",
             "--iterations", str(args.iterations), "--warmup", "2", "--json"],
            check=True, capture_output=True, text=True).stdout
        doc = json.loads(out)
        reference += doc["reference_ms"]
        untraced += doc["untraced_ms"]
        hooked += doc["empty_hooks_ms"]
        probed += doc["probed_ms"]

    med = {k: statistics.median(v) for k, v in
           (("torchvision_ms", py), ("reference_ms", reference), ("untraced_ms", untraced),
            ("empty_hooks_ms", hooked), ("probed_ms", probed))}
    result = dict(arch=args.arch, batch=args.batch, size=args.size, threads=args.threads,
                  samples=len(py), torch=torch.__version__, **med,
                  reference_over_torchvision=med["reference_ms"] / med["torchvision_ms"],
                  untraced_over_torchvision=med["untraced_ms"] / med["torchvision_ms"],
                  probed_over_torchvision=med["probed_ms"] / med["torchvision_ms"],
                  empty_hooks_over_untraced=med["empty_hooks_ms"] / med["untraced_ms"],
                  probed_over_untraced=med["probed_ms"] / med["untraced_ms"])
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
        return
    print(f"{args.arch}, batch {args.batch}, {args.size}x{args.size}, CPU, {args.threads} threads, "
          f"{len(py)} forwards each (medians), torch {torch.__version__}")
    print(f"  torchvision forward (Python)     {med['torchvision_ms']:8.2f} ms")
    print(f"  ResLens reference (no fast path) {med['reference_ms']:8.2f} ms   "
          f"{result['reference_over_torchvision']:.3f}x torchvision")
    print(f"  ResLens untraced forward         {med['untraced_ms']:8.2f} ms   "
          f"{result['untraced_over_torchvision']:.3f}x torchvision   (target <= 0.80)")
    print(f"  ResLens forward + empty hooks    {med['empty_hooks_ms']:8.2f} ms   "
          f"{result['empty_hooks_over_untraced']:.3f}x untraced")
    print(f"  ResLens forward + stats probes   {med['probed_ms']:8.2f} ms   "
          f"{result['probed_over_torchvision']:.3f}x torchvision   (target <= 0.85; "
          f"{result['probed_over_untraced']:.3f}x untraced)")


if __name__ == "__main__":
    main()
