#!/usr/bin/python3
"""The lesion study's cost (docs/benchmarks.md): the whole single-block study of a model
with reslens-cli lesion, and its evaluation throughput against a plain PyTorch eval loop
over the same network (fixtures/lesion_reference.py's functional reconstruction), on the
same 10,000 test images, same thread count, alternating rounds.

Usage: lesion_vs_pytorch.py RESLENS_CLI MODEL.pt [--threads 2] [--rounds 3] [--no-study]
(--no-study: the throughput comparison only, not the whole study)
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("model")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--no-study", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    net = lesion_reference.Network(args.model)
    images, labels = lesion_reference.fashion_mnist_test(args.data)
    mean = torch.tensor(net.preprocessing["mean"]).view(1, -1, 1, 1)
    std = torch.tensor(net.preprocessing["std"]).view(1, -1, 1, 1)

    def pytorch_pass():
        start = time.perf_counter()
        with torch.no_grad():
            for i in range(0, len(images), 500):
                x = (images[i:i + 500].float() / 255 - mean) / std
                net.forward(x).argmax(1).eq(labels[i:i + 500]).sum().item()
        return time.perf_counter() - start

    first = net.blocks[0][0]
    ours, theirs = [], []
    for _ in range(args.rounds):
        out = subprocess.run([args.cli, "--threads", str(args.threads), "lesion", "--model",
                              args.model, "--data", "fashion-mnist", "--blocks", first, "--json"],
                             check=True, capture_output=True, text=True).stdout
        doc = json.loads(out)
        ours.append(doc["evaluation_seconds"] / doc["evaluations"])
        theirs.append(pytorch_pass())
    o, t = statistics.median(ours), statistics.median(theirs)
    report = {
        "model": args.model, "threads": args.threads, "images": len(images),
        "reslens_pass_s": o, "pytorch_pass_s": t, "ratio": o / t,
        "reslens_images_per_s": len(images) / o, "pytorch_images_per_s": len(images) / t,
    }
    if not args.no_study:
        start = time.perf_counter()
        out = subprocess.run([args.cli, "--threads", str(args.threads), "lesion", "--model",
                              args.model, "--data", "fashion-mnist", "--json"],
                             check=True, capture_output=True, text=True).stdout
        study = json.loads(out)
        report.update({"study_evaluations": study["evaluations"],
                       "study_evaluation_seconds": study["evaluation_seconds"],
                       "study_wall_seconds": time.perf_counter() - start})
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
