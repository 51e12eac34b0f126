#!/usr/bin/python3
"""Side-by-side benchmark of the classification path: ResLens against torchvision.

In alternating rounds on the same machine and thread count:
  * torchvision's resnet50 (Debian's python3-torch, the same LibTorch 1.13): bare forward of
    one prepared 224x224 image, in inference mode;
  * `reslens-cli bench --model M --image photo.jpg --render`: for the same weights (exported
    with tools/export_torchvision.py, imported with `reslens-cli import`), the whole path
    read + decode JPEG, resize + crop + normalise, forward with statistics probes on every
    block, softmax + top-5; and feature-grid rendering of 2048x7x7 and 64x112x112 tensors.
Prints the medians and pipeline / torchvision (target <= 1.25) and the render times
(target < 20 ms each).

Usage: classify_vs_torchvision.py [--cli build/app/cli/reslens-cli] [--threads N]
       [--rounds 5] [--iterations 10] [--json]
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

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import export_torchvision  # noqa: E402
from timing import python_round  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default=os.path.join(HERE, "..", "..", "build", "app", "cli", "reslens-cli"))
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = torchvision.models.resnet50().eval()
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "resnet50.ts")
        reslens_model = os.path.join(tmp, "resnet50.pt")
        photo = os.path.join(tmp, "photo.jpg")
        export_torchvision.export(model, script)
        subprocess.run([args.cli, "import", script, "--out", reslens_model], check=True,
                       capture_output=True)
        rng = np.random.default_rng(0)
        small = (rng.random((30, 40, 3)) * 255).astype(np.uint8)
        Image.fromarray(small).resize((500, 375), Image.BICUBIC).save(photo, quality=90)

        x = torch.randn(1, 3, 224, 224)
        python_round(model, x, 3)  # warm-up
        py, pipeline, decode, prepare, forward, grid_small, grid_large = [], [], [], [], [], [], []
        for _ in range(args.rounds):
            py += python_round(model, x, args.iterations)
            out = subprocess.run(
                [args.cli, "--threads", str(args.threads), "bench", "--model", reslens_model,
                 "--image", photo, "--render", "--iterations", str(args.iterations),
                 "--warmup", "2", "--json"],
                check=True, capture_output=True, text=True).stdout
            doc = json.loads(out)
            pipeline += doc["pipeline_ms"]
            decode.append(doc["decode_median_ms"])
            prepare.append(doc["prepare_median_ms"])
            forward.append(doc["forward_probes_top5_median_ms"])
            grid_large += doc["render_2048x7x7_ms"]
            grid_small += doc["render_64x112x112_ms"]

    med = statistics.median
    result = dict(arch="resnet50", image="500x375 JPEG", threads=args.threads, samples=len(py),
                  torch=torch.__version__,
                  torchvision_forward_ms=med(py), reslens_pipeline_ms=med(pipeline),
                  decode_ms=med(decode), prepare_ms=med(prepare), forward_probes_top5_ms=med(forward),
                  pipeline_over_torchvision=med(pipeline) / med(py),
                  render_2048x7x7_ms=med(grid_large), render_64x112x112_ms=med(grid_small))
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
        return
    print(f"resnet50, one 500x375 JPEG, CPU, {args.threads} threads, {len(py)} samples each (medians)")
    print(f"  torchvision bare forward (prepared tensor)  {result['torchvision_forward_ms']:8.2f} ms")
    print(f"  ResLens file -> top-5 with probes           {result['reslens_pipeline_ms']:8.2f} ms"
          f"   ({result['pipeline_over_torchvision']:.3f}x, target <= 1.25)")
    print(f"    read + decode {result['decode_ms']:.2f} ms, prepare {result['prepare_ms']:.2f} ms,"
          f" forward + probes + top-5 {result['forward_probes_top5_ms']:.2f} ms")
    print(f"  feature grid 2048x7x7                       {result['render_2048x7x7_ms']:8.2f} ms (target < 20)")
    print(f"  feature grid 64x112x112                     {result['render_64x112x112_ms']:8.2f} ms (target < 20)")


if __name__ == "__main__":
    main()
