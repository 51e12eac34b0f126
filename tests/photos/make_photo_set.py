#!/usr/bin/python3
"""Builds a photo-style test set from Fashion-MNIST *test* images (never training images).

Usage: make_photo_set.py OUT_DIR [--count N] [--seed S] [--data DIR]
       make_photo_set.py OUT_DIR --gallery [--seed S]

Each photo imitates what a user drops into the app: a product photographed on an
off-white, slightly uneven background, with a soft shadow, not filling the frame and
off-centre, slightly out of focus, saved as a JPEG at a usual photo size. Photos land in
OUT_DIR/<class index>-<class name>/NNNN.jpg, the image-folder layout `--data folder:DIR`
reads, so `reslens-cli evaluate --data folder:OUT_DIR` measures a model on them.

--gallery writes one photo per class straight into OUT_DIR as
<class index>-<class name>-<test index>.jpg, from test images other than the first ten of
each class (those are resources/samples/fashion-mnist): resources/samples/photos.

Only Pillow and NumPy from Debian's Python; deterministic for a seed.
"""
import argparse
import gzip
import os

import numpy as np
from PIL import Image, ImageFilter

CLASSES = ["t-shirt-top", "trouser", "pullover", "dress", "coat",
           "sandal", "shirt", "sneaker", "bag", "ankle-boot"]
PHOTO_SIZES = [(640, 480), (800, 600), (1024, 768), (480, 640), (600, 800), (720, 720)]


def load_test_split(directory):
    with gzip.open(os.path.join(directory, "t10k-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28)
    with gzip.open(os.path.join(directory, "t10k-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    return images, labels


def make_photo(item, rng):
    width, height = PHOTO_SIZES[rng.integers(len(PHOTO_SIZES))]
    # The object's longer side covers 30-65% of the frame's shorter side.
    side = int(min(width, height) * rng.uniform(0.30, 0.65))
    ink = Image.fromarray(item).resize((side, side), Image.BICUBIC)
    alpha = np.asarray(ink, np.float32) / 255.0

    # Off-white paper, lit unevenly: a gentle gradient of up to 25 grey levels.
    paper = rng.uniform(200, 245)
    gy, gx = np.mgrid[0:height, 0:width].astype(np.float32)
    slope = rng.uniform(-25, 25, size=2)
    background = paper + slope[0] * (gx / width - 0.5) + slope[1] * (gy / height - 0.5)
    tint = rng.uniform(-6, 6, size=3)
    photo = np.stack([background + t for t in tint], axis=-1)

    # Off-centre: anywhere that keeps the whole object in the frame.
    left = int(rng.integers(0, width - side + 1))
    top = int(rng.integers(0, height - side + 1))

    # A soft shadow, offset down and right, as under a desk lamp.
    shadow = Image.fromarray((alpha * 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(side * 0.04))
    shadow = np.asarray(shadow, np.float32) / 255.0
    offset = max(2, int(side * 0.03))
    sl, st = min(left + offset, width - side), min(top + offset, height - side)
    photo[st:st + side, sl:sl + side] *= (1 - 0.25 * shadow)[..., None]

    # The product: dark fabric, its own colour, drawn with the image as its opacity.
    fabric = rng.uniform(10, 90, size=3)
    region = photo[top:top + side, left:left + side]
    photo[top:top + side, left:left + side] = region * (1 - alpha[..., None]) + fabric * alpha[..., None]

    photo += rng.normal(0, 2.0, size=photo.shape)  # sensor noise
    image = Image.fromarray(np.clip(photo, 0, 255).astype(np.uint8), "RGB")
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.6)))  # slightly out of focus
    return image


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--gallery", action="store_true")
    args = parser.parse_args()
    images, labels = load_test_split(args.data)
    rng = np.random.default_rng(args.seed)
    if args.gallery:
        os.makedirs(args.out, exist_ok=True)
        for label, name in enumerate(CLASSES):
            index = int(rng.choice(np.flatnonzero(labels == label)[10:]))
            make_photo(images[index], rng).save(
                os.path.join(args.out, f"{label}-{name}-{index:04d}.jpg"), quality=85)
        return
    chosen = rng.choice(len(images), size=args.count, replace=False)
    for n, index in enumerate(chosen):
        label = int(labels[index])
        folder = os.path.join(args.out, f"{label}-{CLASSES[label]}")
        os.makedirs(folder, exist_ok=True)
        quality = int(rng.integers(70, 93))
        make_photo(images[index], rng).save(
            os.path.join(folder, f"{n:04d}-test{index:05d}.jpg"), quality=quality)


if __name__ == "__main__":
    main()
