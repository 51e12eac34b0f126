#!/usr/bin/python3
"""Writes the fuzzers' seed corpora into tests/fuzz/corpus/<target>/: small, valid examples
of every kind of file each parser reads, made the way the tests make their fixtures (Pillow
images, IDX and CIFAR records by hand, the shipped model's archive cut down to ResNet-8,
torch.save state dicts, a TorchScript module, and the malicious archive of
tests/fixtures/malicious_model.py). The seeds are committed; rerun this only to change them.

Usage: make_seeds.py [saved_run|checkpoint]   (from anywhere; Debian's python3 with torch, Pillow and
numpy; with a target name, only that target's seeds)
"""
import copy
import gzip
import io
import json
import os
import struct
import subprocess
import sys

import numpy as np
import torch
from PIL import Image

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")
SHIPPED = os.path.join(ROOT, "resources", "models", "default.pt")


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def image_seeds():
    rng = np.random.default_rng(1)
    rgb = Image.fromarray(rng.integers(0, 256, (18, 24, 3), dtype=np.uint8), "RGB")
    gray = rgb.convert("L")
    rgba = rgb.convert("RGBA")
    rgba.putalpha(Image.fromarray(rng.integers(0, 256, (18, 24), dtype=np.uint8), "L"))
    seeds = {}

    def save(name, image, fmt, **options):
        buffer = io.BytesIO()
        image.save(buffer, fmt, **options)
        seeds[name] = buffer.getvalue()

    save("rgb.png", rgb, "PNG")
    save("gray.png", gray, "PNG")
    save("rgba.png", rgba, "PNG")
    save("palette.png", rgb.convert("P"), "PNG")
    save("gray16.png", Image.fromarray((np.asarray(gray, np.uint16) * 257), "I;16"), "PNG")
    save("rgb.jpg", rgb, "JPEG", quality=80)
    save("gray.jpg", gray, "JPEG")
    save("progressive.jpg", rgb, "JPEG", progressive=True)
    for orientation in (3, 6, 8):
        exif = Image.Exif()
        exif[0x0112] = orientation
        save("exif%d.jpg" % orientation, rgb, "JPEG", exif=exif.tobytes())
    save("rgb.bmp", rgb, "BMP")
    save("rgb.gif", rgb.convert("P"), "GIF")
    save("rgb.webp", rgb, "WEBP", quality=80)
    save("rgb.tiff", rgb, "TIFF")
    save("gray.pgm", gray, "PPM")
    save("rgb.ppm", rgb, "PPM")
    # A light photo of a dark object: the crop-to-object path finds and inverts it.
    photo = np.full((40, 30), 230, np.uint8)
    photo[10:30, 8:22] = 40
    save("object-on-light.png", Image.fromarray(photo, "L"), "PNG")
    sample = os.path.join(ROOT, "resources", "samples", "fashion-mnist", "0-t-shirt-top-0019.png")
    with open(sample, "rb") as f:
        seeds["fashion-mnist-sample.png"] = f.read()
    for name, data in seeds.items():
        write("image_header", name, data)
        write("image_decode", name, data)


def idx_seeds():
    images = bytes([0, 0, 8, 3]) + struct.pack(">III", 2, 4, 4) + bytes(range(32))
    labels = bytes([0, 0, 8, 1]) + struct.pack(">I", 2) + bytes([3, 9])
    write("idx", "images-idx3", images)
    write("idx", "labels-idx1", labels)
    write("idx", "images-idx3.gz", gzip.compress(images, mtime=0))
    write("idx", "labels-idx1.gz", gzip.compress(labels, mtime=0))


def cifar_seeds():
    rng = np.random.default_rng(2)
    records = b"".join(bytes([label]) + rng.integers(0, 256, 3072, dtype=np.uint8).tobytes()
                       for label in (0, 9))
    write("cifar", "two-records.bin", records)


def resnet8(shipped):
    """The shipped ResNet-20 cut to one block per stage: a valid ResNet-8 model file."""
    metadata = json.loads(shipped["metadata"])
    architecture = metadata["architecture"]
    architecture.update(arch="resnet8", depth=8, blocks_per_stage=[1, 1, 1])
    metadata["provenance"] = {"source": "tests/fuzz/make_seeds.py"}
    state = {k: v.clone() for k, v in shipped["state_dict"].items()
             if not (k.startswith("layer") and k.split(".")[1] != "0")}
    return metadata, state


def save_to_bytes(obj):
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    return buffer.getvalue()


def model_seeds():
    shipped = torch.load(SHIPPED)
    metadata, state = resnet8(shipped)
    model = {"format": "reslens-model", "metadata": json.dumps(metadata), "state_dict": state}
    write("model_file", "resnet8.pt", save_to_bytes(model))
    # Small archives that stop at each check: the weights missing, no metadata, wrong tag.
    write("model_file", "no-weights.pt", save_to_bytes(dict(model, state_dict={})))
    write("model_file", "no-metadata.pt", save_to_bytes({"format": "reslens-model"}))
    write("model_file", "wrong-tag.pt", save_to_bytes({"format": "x", "metadata": "{}"}))
    write("model_file", "one-tensor.pt", save_to_bytes(
        dict(model, state_dict={"fc.bias": state["fc.bias"]})))
    malicious = os.path.join(CORPUS, "model_file", "malicious.pt")
    subprocess.run([sys.executable, os.path.join(ROOT, "tests", "fixtures", "malicious_model.py"),
                    os.path.join(CORPUS, "model_file", "no-weights.pt"), malicious,
                    "/nonexistent/reslens-fuzz-marker"], check=True)

    # Import: torch.save state dicts (the ResNet-8 one detects and loads) and TorchScript.
    write("torchscript_import", "resnet8-state-dict.pt", save_to_bytes(state))
    tiny = {"conv1.weight": torch.zeros(2, 1, 3, 3), "layer1.0.conv1.weight": torch.zeros(2, 2, 3, 3),
            "fc.weight": torch.zeros(3, 2), "bn1.weight": torch.ones(2)}
    write("torchscript_import", "tiny-state-dict.pt", save_to_bytes(tiny))

    class Tiny(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = torch.nn.Conv2d(1, 2, 3, bias=False)
            self.fc = torch.nn.Linear(2, 3)

        def forward(self, x):
            return self.fc(self.conv1(x).mean((2, 3)))

    buffer = io.BytesIO()
    torch.jit.save(torch.jit.script(Tiny()), buffer)
    write("torchscript_import", "tiny-script.pt", buffer.getvalue())

    # The metadata JSON: the shipped models' and a few other architectures'.
    for name in ("default", "default-plain", "deep"):
        m = torch.load(os.path.join(ROOT, "resources", "models", name + ".pt"))["metadata"]
        write("config_json", name + ".json", m.encode())
    for arch in ({"arch": "resnet50", "family": "imagenet", "block": "bottleneck"},
                 {"arch": "plain18", "preact": True, "batch_norm": False, "shortcut": "B"}):
        variant = copy.deepcopy(metadata)
        variant["architecture"].update(arch)
        write("config_json", arch["arch"] + ".json", json.dumps(variant).encode())
    write("config_json", "architecture-only.json", json.dumps(metadata["architecture"]).encode())


def fnv1a64(data):
    h = 14695981039346656037
    for byte in data:
        h = ((h ^ byte) * 1099511628211) % (1 << 64)
    return h


def saved_run_seeds():
    """Saved lab runs (app/core/SavedRunFile): framed files, and bare JSON bodies (the target
    frames those itself, so the checks behind the hash get fuzzed)."""
    with open(os.path.join(CORPUS, "config_json", "default.json")) as f:
        architecture = json.load(f)["architecture"]
    blocks = ["layer1.0", "layer2.0", "layer3.0"]

    def step(k, loss):
        return {"step": k, "epoch": k / 32, "loss": loss, "accuracy": 0.25 * k,
                "learning_rate": 0.1, "block_norms": [0.5, 1.5, 2.5],
                "output_norms": [0.1, 0.2, 0.3]}

    run = {"source": "ResLens training lab", "saved_at": "2026-11-29T12:00:00Z",
           "recipe": {"architecture": architecture, "data": "fashion-mnist", "directory": "",
                      "steps": 3, "batch": 16, "learning_rate": 0.1, "seed": 1,
                      "batch_norm": True, "compare": True, "subset": 64, "device": "cpu"},
           "data_description": "fashion-mnist:train (64 images)", "blocks": blocks,
           "runs": [{"arch": "resnet20", "status": "finished", "message": "",
                     "steps": [step(1, 2.3), step(2, 2.1), step(3, 1.9)],
                     "weights": "UEsDBA=="},
                    {"arch": "plain20", "status": "diverged", "message": "loss is NaN",
                     "steps": [step(1, "inf"), step(2, "nan")]}]}
    body = (json.dumps(run, indent=1) + "\n").encode()
    header = b"RESLENS-RUN 1 length=%d fnv1a64=%016x\n" % (len(body), fnv1a64(body))
    write("saved_run", "paired.reslens-run", header + body)
    write("saved_run", "paired-body.json", body)
    single = dict(run, runs=[dict(run["runs"][0], status=None)])
    write("saved_run", "single-running-body.json", json.dumps(single).encode())


def tiny_cifar_resnet():
    """A two-block CIFAR ResNet in a user's own naming (small seeds: the fuzzer mutates bytes)."""
    class Block(torch.nn.Module):
        def __init__(self, cin, cout, stride):
            super().__init__()
            self.left = torch.nn.Sequential(
                torch.nn.Conv2d(cin, cout, 3, stride, 1, bias=False), torch.nn.BatchNorm2d(cout),
                torch.nn.ReLU(), torch.nn.Conv2d(cout, cout, 3, 1, 1, bias=False),
                torch.nn.BatchNorm2d(cout))
            if stride != 1 or cin != cout:
                self.right = torch.nn.Sequential(torch.nn.Conv2d(cin, cout, 1, stride, bias=False),
                                                 torch.nn.BatchNorm2d(cout))

    net = torch.nn.Module()
    net.conv1 = torch.nn.Conv2d(3, 2, 3, 1, 1, bias=False)
    net.bn1 = torch.nn.BatchNorm2d(2)
    net.layer1 = torch.nn.Sequential(Block(2, 2, 1))
    net.layer2 = torch.nn.Sequential(Block(2, 4, 2))
    net.linear = torch.nn.Linear(4, 3)
    return net


def checkpoint_seeds():
    """torch.save files as users write them, for the data-only checkpoint reader."""
    torch.manual_seed(5)
    net = tiny_cifar_resnet()
    write("checkpoint", "ordered-dict.pth", save_to_bytes(net.state_dict()))
    wrapped = {"state_dict": {"module." + k: v for k, v in net.state_dict().items()},
               "best_prec1": 91.5, "epoch": 3, "arch": "resnet", "tags": [1, -2, 3.5, None, True]}
    write("checkpoint", "wrapped-module-prefix.th", save_to_bytes(wrapped))
    buffer = io.BytesIO()
    torch.save({"net": net.state_dict(), "acc": 12.0}, buffer, pickle_protocol=4)
    write("checkpoint", "protocol4.pth", buffer.getvalue())
    half = {k: (v.half() if v.is_floating_point() else v) for k, v in net.state_dict().items()}
    write("checkpoint", "half.pth", save_to_bytes(half))


def safetensors_seeds():
    torch.manual_seed(6)
    state = tiny_cifar_resnet().state_dict()
    header, blobs, offset = {}, [], 0
    for name in sorted(state):
        t = state[name].contiguous()
        blob = t.numpy().tobytes()
        header[name] = {"dtype": {torch.float32: "F32", torch.int64: "I64"}[t.dtype],
                        "shape": list(t.shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    header["__metadata__"] = {"format": "pt"}
    text = json.dumps(header, sort_keys=True).encode()
    write("safetensors", "tiny.safetensors", struct.pack("<Q", len(text)) + text + b"".join(blobs))


def main():
    if sys.argv[1:] == ["saved_run"]:
        saved_run_seeds()
        return
    if sys.argv[1:] == ["checkpoint"]:
        checkpoint_seeds()
        safetensors_seeds()
        return
    checkpoint_seeds()
    safetensors_seeds()
    saved_run_seeds()
    image_seeds()
    idx_seeds()
    cifar_seeds()
    model_seeds()


if __name__ == "__main__":
    main()
