#!/usr/bin/env python3
"""Side-by-side benchmarks on one device (a GPU, or the CPU): ResLens against PyTorch.

For tools/gpu-check.sh, in alternating rounds on the same device:
  * resnet50 forward, 3x224x224, batch 1 and 64: PyTorch's bare forward (torchvision's
    model, or tests/bench/imagenet_resnet.py's identical copy where torchvision is absent)
    against `reslens-cli bench` (untraced, and with statistics probes on every block);
    target: probed <= 1.10x PyTorch's bare forward at batch 64;
  * resnet56 training step, 3x32x32, batch 128, SGD with momentum and weight decay: the
    Python loop (tests/bench/cifar_resnet.py, NCHW as written) against `reslens-cli bench
    --train`; target <= 1.0.
With --cpu-reference, also times reslens-cli's same benchmarks on the CPU, for the GPU's
speed-up. --quick shrinks everything (batches 1 and 2, batch 8 training, one round) so that
a CPU-only machine can run the plumbing in seconds.

The reslens-cli must be built against the same LibTorch as this Python's torch.
Usage: device_vs_pytorch.py --device cuda:0 [--cli build/app/cli/reslens-cli] [--rounds 3]
       [--iterations 10] [--cpu-reference] [--quick] [--json]
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
from imagenet_resnet import resnet50  # noqa: E402
from timing import python_round, train_round  # noqa: E402


def cli(args, device, *flags):
    command = [args.cli, "--threads", str(args.threads), "bench", "--device", device, "--iterations", str(args.iterations),
               "--warmup", "2", "--json", *flags]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def bench_forward(args, device, batch):
    model, source = resnet50()
    model = model.eval().to(device)
    x = torch.randn(batch, 3, 224, 224, device=device)
    python_round(model, x, 3, device)  # warm-up (cuDNN picks its algorithms)
    python, untraced, probed = [], [], []
    for _ in range(args.rounds):
        python += python_round(model, x, args.iterations, device)
        doc = cli(args, str(device), "--arch", "resnet50", "--batch", str(batch))
        untraced += doc["untraced_ms"]
        probed += doc["probed_ms"]
    med = statistics.median
    result = dict(batch=batch, python_model=source, pytorch_forward_ms=med(python),
                  reslens_untraced_ms=med(untraced), reslens_probed_ms=med(probed),
                  probed_over_pytorch=med(probed) / med(python))
    if args.cpu_reference:
        doc = cli(args, "cpu", "--arch", "resnet50", "--batch", str(batch))
        result["reslens_cpu_probed_ms"] = doc["probed_median_ms"]
    return result


def bench_training(args, device, batch):
    torch.manual_seed(0)
    model = CifarResNet(56, in_channels=3, num_classes=10).train().to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    x = torch.randn(batch, 3, 32, 32, device=device)
    y = torch.randint(0, 10, (batch,), device=device)
    train_round(model, optimizer, x, y, 3, device)
    python, reslens, nchw = [], [], []
    flags = ["--arch", "resnet56", "--train", "--batch", str(batch)]
    for _ in range(args.rounds):
        python += train_round(model, optimizer, x, y, args.iterations, device)
        doc = cli(args, str(device), *flags)
        reslens += doc["step_ms"]
        nchw += doc["step_nchw_ms"]
    med = statistics.median
    result = dict(batch=batch, pytorch_step_ms=med(python), reslens_step_ms=med(reslens),
                  reslens_nchw_step_ms=med(nchw), reslens_over_pytorch=med(reslens) / med(python))
    if args.cpu_reference:
        result["reslens_cpu_step_ms"] = cli(args, "cpu", *flags)["step_median_ms"]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default=os.path.join(HERE, "..", "..", "build", "app", "cli", "reslens-cli"))
    parser.add_argument("--device", default="cuda:0")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--cpu-reference", action="store_true")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    device = torch.device(args.device)
    torch.set_num_threads(args.threads)  # as reslens-cli (Python may default to fewer)
    if args.quick:
        args.rounds, args.iterations = 1, 2
    batches = (1, 2) if args.quick else (1, 64)
    train_batch = 8 if args.quick else 128

    result = dict(device=str(device), torch=torch.__version__,
                  gpu=torch.cuda.get_device_name(device) if device.type == "cuda" else None,
                  threads=torch.get_num_threads(), quick=args.quick,
                  forward=[bench_forward(args, device, b) for b in batches],
                  training=bench_training(args, device, train_batch))
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
        return
    print(f"{result['gpu'] or 'CPU'} ({device}), PyTorch {torch.__version__}, medians")
    for f in result["forward"]:
        line = (f"  resnet50 forward, batch {f['batch']:3d}: PyTorch {f['pytorch_forward_ms']:8.2f} ms,"
                f" ResLens untraced {f['reslens_untraced_ms']:8.2f} ms, with probes"
                f" {f['reslens_probed_ms']:8.2f} ms ({f['probed_over_pytorch']:.3f}x PyTorch"
                f"{', target <= 1.10' if f['batch'] == 64 else ''})")
        if "reslens_cpu_probed_ms" in f:
            line += f"; CPU {f['reslens_cpu_probed_ms']:.1f} ms"
        print(line)
    t = result["training"]
    line = (f"  resnet56 training step, batch {t['batch']}: PyTorch {t['pytorch_step_ms']:8.2f} ms,"
            f" ResLens {t['reslens_step_ms']:8.2f} ms ({t['reslens_over_pytorch']:.3f}x, target <= 1.0),"
            f" ResLens NCHW {t['reslens_nchw_step_ms']:8.2f} ms")
    if "reslens_cpu_step_ms" in t:
        line += f"; CPU {t['reslens_cpu_step_ms']:.1f} ms"
    print(line)


if __name__ == "__main__":
    main()
