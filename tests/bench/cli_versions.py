#!/usr/bin/python3
"""Two builds of reslens-cli side by side: is a change a regression?

Runs the same `reslens-cli bench` workloads with both binaries in alternating rounds (A, B,
B, A, ...) so that drift in the machine's speed falls on both alike, and prints each
workload's median of the per-round medians and the ratio new / old.

Usage: cli_versions.py --old OLD_CLI --new NEW_CLI [--rounds 6] [--threads 2] [--image F]
                      [--quick] [--json FILE]
Workloads: resnet50 forward with statistics probes (batch 1, 224x224), resnet20 training
step (1x28x28, batch 128, with gradient norms) and, when --image is given, the whole
classification path of the shipped default model.
"""
import argparse
import json
import statistics
import subprocess
import sys


def workloads(args):
    iterations = "3" if args.quick else "10"
    steps = "2" if args.quick else "8"
    # (arguments, {row name: JSON field}): one run of the arguments gives every row's number.
    result = [
        (["bench", "--arch", "resnet50", "--iterations", iterations, "--warmup", "2"],
         {"resnet50 untraced forward": "untraced_median_ms",
          "resnet50 forward with statistics probes": "probed_median_ms"}),
        (["bench", "--arch", "resnet20", "--in-channels", "1", "--input", "28x28", "--train",
          "--batch", "128", "--iterations", steps, "--warmup", "2"],
         {"resnet20 training step": "step_median_ms",
          "resnet20 training step, gradient norms": "step_with_grad_norms_median_ms"}),
    ]
    if args.image:
        result.append(
            (["bench", "--model", "default", "--image", args.image, "--iterations", iterations],
             {"default model: image file to top-5": "pipeline_median_ms"}))
    return result


def run(cli, threads, arguments):
    out = subprocess.run([cli, "--threads", str(threads)] + arguments + ["--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", required=True)
    parser.add_argument("--new", required=True)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--image", help="an image for the classification path")
    parser.add_argument("--quick", action="store_true", help="few iterations (plumbing only)")
    parser.add_argument("--json", help="also write every round's numbers to this file")
    args = parser.parse_args()

    table = {}
    for arguments, rows in workloads(args):
        samples = {name: {"old": [], "new": []} for name in rows}
        for r in range(args.rounds):
            order = ["old", "new"] if r % 2 == 0 else ["new", "old"]
            for which in order:
                doc = run(args.old if which == "old" else args.new, args.threads, arguments)
                for name, key in rows.items():
                    samples[name][which].append(doc[key])
        for name in rows:
            old = statistics.median(samples[name]["old"])
            new = statistics.median(samples[name]["new"])
            table[name] = {"old_ms": old, "new_ms": new, "ratio": new / old,
                           "old_rounds": samples[name]["old"], "new_rounds": samples[name]["new"]}
            print(f"{name:45s} old {old:8.2f} ms  new {new:8.2f} ms  new/old {new / old:.3f}",
                  flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(table, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
