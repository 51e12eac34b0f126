#!/usr/bin/python3
"""Writes the sample gallery: the first N test images of each Fashion-MNIST class as PNGs.

Usage: tools/export_samples.py [--data /usr/share/datasets/fashion-mnist] [--per-class 10]
       [--out resources/samples/fashion-mnist]
Files are named <class index>-<class name>-<test index>.png, 28x28 8-bit gray, as stored
(light garment on black). Reads the IDX files of Debian's dataset-fashion-mnist.
"""
import argparse
import gzip
import os
import re
import sys

import numpy as np
from PIL import Image

CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
           "Bag", "Ankle boot"]


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    if data[:2] != b"\0\0" or data[2] != 8:
        raise SystemExit(f"export_samples: {path} is not an IDX file of bytes")
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(data[3])]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * len(dims)).reshape(dims)


def find(directory, name):
    for candidate in (name + ".gz", name):
        path = os.path.join(directory, candidate)
        if os.path.exists(path):
            return path
    raise SystemExit(f"export_samples: no {name}[.gz] in {directory}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--per-class", type=int, default=10)
    parser.add_argument("--out", default="resources/samples/fashion-mnist")
    args = parser.parse_args()
    images = read_idx(find(args.data, "t10k-images-idx3-ubyte"))
    labels = read_idx(find(args.data, "t10k-labels-idx1-ubyte"))
    os.makedirs(args.out, exist_ok=True)
    written = 0
    for label, name in enumerate(CLASSES):
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        for index in np.flatnonzero(labels == label)[:args.per_class]:
            path = os.path.join(args.out, f"{label}-{slug}-{index:04d}.png")
            Image.fromarray(images[index], "L").save(path)
            written += 1
    print(f"wrote {written} images to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
