#!/usr/bin/python3
"""The window's drop-to-screen latency against torchvision's bare forward, side by side.

In alternating rounds on the same machine and thread count:
  * torchvision's resnet (Debian's python3-torch, the same LibTorch 1.13), bare forward of
    one 224x224 image in inference mode;
  * bench_gui_latency: the real ResLens window (offscreen) with the same architecture, an
    image file dropped on it, timed until its predictions and the first feature grid are
    on screen (decode, resize, crop, forward with statistics probes and feature capture,
    grid rendering, painting), and the longest event-loop stall meanwhile.
Prints the medians, the ratio (target <= 1.2) and the worst stall (target <= 50 ms).

Usage: gui_vs_torchvision.py [--bench build/tests/bench_gui_latency] [--arch resnet50]
       [--threads 2] [--rounds 3] [--drops 10] [--json]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

import numpy as np
import torch
import torchvision
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import python_round  # noqa: E402


def photo_like(path):
    """A 500x375 RGB JPEG with smooth structure, the size of a typical ImageNet photo."""
    y, x = np.mgrid[0:375, 0:500].astype(np.float32)
    rgb = np.stack([128 + 100 * np.sin(x / 37.0), 128 + 100 * np.cos(y / 23.0),
                    128 + 100 * np.sin((x + y) / 51.0)], axis=-1)
    Image.fromarray(rgb.clip(0, 255).astype(np.uint8)).save(path, quality=90)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", default=os.path.join(here, "..", "..", "build", "tests",
                                                        "bench_gui_latency"))
    parser.add_argument("--arch", default="resnet50")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--drops", type=int, default=6)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    model = getattr(torchvision.models, args.arch)().eval()
    x = torch.randn(1, 3, 224, 224)
    python_round(model, x, 3)

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    py, gui, predictions, stalls = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        image = os.path.join(tmp, "photo.jpg")
        photo_like(image)
        for _ in range(args.rounds):
            py += python_round(model, x, args.drops)
            out = subprocess.run([args.bench, "--arch", args.arch, "--image", image,
                                  "--threads", str(args.threads), "--drops", str(args.drops),
                                  "--json"], check=True, capture_output=True, text=True,
                                 env=env).stdout
            doc = json.loads(out.strip().splitlines()[-1])
            gui += doc["drop_to_grid_ms"]
            predictions.append(doc["drop_to_predictions_median_ms"])
            stalls += doc["event_loop_stall_ms"]

    result = {
        "arch": args.arch,
        "threads": args.threads,
        "torchvision_forward_median_ms": statistics.median(py),
        "drop_to_grid_median_ms": statistics.median(gui),
        "ratio": statistics.median(gui) / statistics.median(py),
        "drop_to_predictions_median_ms": statistics.median(predictions),
        "worst_event_loop_stall_ms": max(stalls),
        "median_event_loop_stall_ms": statistics.median(stalls),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{args.arch}, batch 1, 224x224, {args.threads} threads")
        print(f"  torchvision bare forward          {result['torchvision_forward_median_ms']:8.1f} ms")
        print(f"  ResLens drop -> predictions+grid  {result['drop_to_grid_median_ms']:8.1f} ms"
              f"   ({result['ratio']:.3f}x, target <= 1.2)")
        print(f"  of which drop -> predictions      {result['drop_to_predictions_median_ms']:8.1f} ms")
        print(f"  longest event-loop stall          {result['worst_event_loop_stall_ms']:8.1f} ms"
              f"   (median per drop {result['median_event_loop_stall_ms']:.1f} ms, target <= 50)")


if __name__ == "__main__":
    main()
