#!/usr/bin/python3
"""Export a torchvision ResNet as TorchScript, ready for `reslens-cli import`.

Examples:
  # your pretrained weights (a state_dict saved with torch.save, e.g. torchvision's
  # resnet50-0676ba61.pth copied from a machine with network access)
  tools/export_torchvision.py --arch resnet50 --weights resnet50-0676ba61.pth --out resnet50.ts
  # random weights, to look at shapes and parameter counts
  tools/export_torchvision.py --arch resnet18 --out resnet18.ts
  # then
  build/app/cli/reslens-cli import resnet50.ts --out resnet50.pt

Any constructor in torchvision.models whose name starts with resnet works (resnet18 ...
resnet152). The module is saved with torch.jit.script (or torch.jit.trace with --trace);
ResLens reads its parameters and buffers by name and checks every key and shape.
Runs on Debian's /usr/bin/python3 with python3-torch and python3-torchvision; needs no
network.
"""
import argparse
import os
import sys
import tempfile

import torch
import torchvision


def build(arch, weights=None, num_classes=None):
    if not arch.startswith("resnet") or not hasattr(torchvision.models, arch):
        raise SystemExit(f"export_torchvision: unknown torchvision ResNet '{arch}'")
    kwargs = {} if num_classes is None else {"num_classes": num_classes}
    model = getattr(torchvision.models, arch)(**kwargs)
    if weights:
        state = torch.load(weights, map_location="cpu")
        if isinstance(state, dict) and "state_dict" in state and isinstance(state["state_dict"], dict):
            state = state["state_dict"]
        model.load_state_dict(state)
    return model.eval()


def export(model, path, trace=False, input_size=224):
    """Saves `model` as TorchScript at `path`, atomically (temporary file, then rename)."""
    model = model.eval()
    if trace:
        example = torch.zeros(1, model.conv1.in_channels, input_size, input_size)
        scripted = torch.jit.trace(model, example)
    else:
        scripted = torch.jit.script(model)
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".export-", suffix=".tmp")
    os.close(fd)
    try:
        scripted.save(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp's 0600 would surprise whoever shares the file
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arch", required=True, help="resnet18 resnet34 resnet50 resnet101 resnet152")
    parser.add_argument("--weights", help="a state_dict file (torch.save) with your weights")
    parser.add_argument("--classes", type=int, help="number of classes (default 1000)")
    parser.add_argument("--trace", action="store_true", help="torch.jit.trace instead of script")
    parser.add_argument("--seed", type=int, default=0, help="seed for random weights")
    parser.add_argument("--out", required=True, help="the TorchScript file to write")
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    try:
        model = build(args.arch, args.weights, args.classes)
        export(model, args.out, args.trace)
    except (RuntimeError, OSError, KeyError) as e:
        print(f"export_torchvision: error: {e}".splitlines()[0], file=sys.stderr)
        return 2
    print(f"wrote {args.out}: torchvision {args.arch}"
          f"{' with ' + args.weights if args.weights else ' with random weights'}"
          f" ({'traced' if args.trace else 'scripted'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
