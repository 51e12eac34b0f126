#!/usr/bin/python3
"""The "Watch the blocks" lesson's clip: Fashion-MNIST products turning, as a video.

Usage: tools/make_turning_clip.py [FASHION_MNIST_DIR] [OUT_DIR]
(defaults: /usr/share/datasets/fashion-mnist, resources/videos)

The first test image of each of the ten classes turns twice, 24 frames a turn at 24 frames
a second (20 s in all): once about its vertical axis (its width follows |cos θ|, mirrored
while its back is to us, as a product turned on a stand), then once in the picture's plane
(rotated by φ, as a product tumbling). Frames are 28x28 on black, the dataset's own style,
so that ResLens takes them whole. Written losslessly (FFV1 in Matroska), so the frames are
exactly the pixels made here, with a manifest that names each frame's product and pose:

  face-on      the vertical turn within 25° of front or back (|cos θ| >= 0.9), or the
               plane turn within 15° of upright
  edge-on      the vertical turn within 30° of side-on (|cos θ| <= 0.5)
  sideways     the plane turn within 15° of 90° or 270°
  upside-down  the plane turn within 15° of 180°
  turning      anything between

Writes turning-products.mkv and turning-products.json into OUT_DIR.
"""
import gzip
import json
import math
import os
import subprocess
import sys
import tempfile

from PIL import Image

LABELS = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
          "Bag", "Ankle boot"]
FRAMES_PER_TURN = 24
FPS = 24


def first_of_each_class(source):
    with gzip.open(os.path.join(source, "t10k-images-idx3-ubyte.gz")) as f:
        pixels = f.read()[16:]
    with gzip.open(os.path.join(source, "t10k-labels-idx1-ubyte.gz")) as f:
        labels = f.read()[8:]
    chosen = {}
    for index, label in enumerate(labels):
        chosen.setdefault(label, index)
    return [(label, chosen[label],
             Image.frombytes("L", (28, 28), pixels[chosen[label] * 784:(chosen[label] + 1) * 784]))
            for label in range(10)]


def vertical_turn(image, theta):
    c = math.cos(theta)
    width = max(2, round(28 * abs(c)))
    squeezed = image.resize((width, 28), Image.BILINEAR)
    if c < 0:
        squeezed = squeezed.transpose(Image.FLIP_LEFT_RIGHT)
    frame = Image.new("L", (28, 28), 0)
    frame.paste(squeezed, ((28 - width) // 2, 0))
    pose = "face-on" if abs(c) >= 0.9 else "edge-on" if abs(c) <= 0.5 else "turning"
    return frame, pose


def plane_turn(image, phi):
    frame = image.rotate(math.degrees(phi), resample=Image.BILINEAR, fillcolor=0)
    degrees = math.degrees(phi) % 360

    def near(target):
        return abs((degrees - target + 180) % 360 - 180) <= 15

    pose = ("face-on" if near(0) else "sideways" if near(90) or near(270)
            else "upside-down" if near(180) else "turning")
    return frame, pose


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "resources", "videos")
    os.makedirs(out, exist_ok=True)
    frames, manifest = [], []
    products = first_of_each_class(source)
    for number, (label, test_index, image) in enumerate(products):
        for turn, make in (("vertical", vertical_turn), ("plane", plane_turn)):
            for j in range(FRAMES_PER_TURN):
                frame, pose = make(image, 2 * math.pi * j / FRAMES_PER_TURN)
                frames.append(frame)
                manifest.append({"product": number, "label": label, "turn": turn,
                                 "degrees": 360 * j // FRAMES_PER_TURN, "pose": pose})
    with tempfile.TemporaryDirectory() as scratch:
        for i, frame in enumerate(frames):
            frame.save(os.path.join(scratch, "%04d.png" % i))
        subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-framerate",
                        str(FPS), "-i", os.path.join(scratch, "%04d.png"), "-c:v", "ffv1",
                        "-pix_fmt", "gray", os.path.join(out, "turning-products.mkv")],
                       check=True)
    with open(os.path.join(out, "turning-products.json"), "w") as f:
        json.dump({"frames_per_second": FPS, "labels": LABELS,
                   "products": [{"label": label, "test_index": index}
                                for label, index, _ in products],
                   "frames": manifest}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
