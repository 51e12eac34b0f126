#!/usr/bin/python3
"""The loss landscape's cost (docs/benchmarks.md): points per second of reslens-cli landscape
against a plain PyTorch eval loop doing the same forwards (the same network rebuilt by
fixtures/lesion_reference.py, the first N training images, batch 500, same thread count),
alternating rounds.

Usage: landscape_vs_pytorch.py RESLENS_CLI MODEL.pt [--samples 2000] [--threads 2]
       [--rounds 3] [--map POINTS]   (--map: also time a POINTS x POINTS 2-D slice)
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "fixtures"))
import lesion_reference  # noqa: E402


def fashion_mnist_train(directory, count):
    import gzip
    import numpy as np
    with gzip.open(os.path.join(directory, "train-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)[:count]
    with gzip.open(os.path.join(directory, "train-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)[:count]
    return torch.from_numpy(images.copy()), torch.from_numpy(labels.astype(np.int64))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("model")
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--map", type=int, default=0)
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    net = lesion_reference.Network(args.model)
    images, labels = fashion_mnist_train(args.data, args.samples)
    mean = torch.tensor(net.preprocessing["mean"]).view(1, -1, 1, 1)
    std = torch.tensor(net.preprocessing["std"]).view(1, -1, 1, 1)

    def pytorch_point():
        start = time.perf_counter()
        with torch.no_grad():
            loss, right = 0.0, 0
            for i in range(0, len(images), 500):
                logits = net.forward((images[i:i + 500].float() / 255 - mean) / std)
                loss += torch.nn.functional.cross_entropy(
                    logits, labels[i:i + 500], reduction="sum").item()
                right += logits.argmax(1).eq(labels[i:i + 500]).sum().item()
        return time.perf_counter() - start

    cli = [args.cli, "--threads", str(args.threads), "landscape", "--model", args.model,
           "--samples", str(args.samples), "--json"]
    ours, theirs = [], []
    for _ in range(args.rounds):
        doc = json.loads(subprocess.run(cli + ["--points", "3"], check=True,
                                        capture_output=True, text=True).stdout)
        ours.append(doc["evaluation_seconds"] / doc["evaluations"])
        theirs.append(statistics.median(pytorch_point() for _ in range(3)))
    o, t = statistics.median(ours), statistics.median(theirs)
    report = {"model": args.model, "samples": args.samples, "threads": args.threads,
              "reslens_point_s": o, "pytorch_point_s": t, "ratio": o / t,
              "reslens_points_per_s": 1 / o, "pytorch_points_per_s": 1 / t}
    if args.map:
        start = time.perf_counter()
        doc = json.loads(subprocess.run(cli + ["--points", str(args.map), "--2d"], check=True,
                                        capture_output=True, text=True).stdout)
        report[f"map_{args.map}x{args.map}_s"] = time.perf_counter() - start
        report["map_evaluation_seconds"] = doc["evaluation_seconds"]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
