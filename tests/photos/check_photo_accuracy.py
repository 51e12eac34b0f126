#!/usr/bin/python3
"""CTest's tst_photo_accuracy: the shipped models on a photo-style test set (issue 14).

Usage: check_photo_accuracy.py RESLENS_CLI WORK_DIR

Builds 200 photos from Fashion-MNIST test images with make_photo_set.py (seed 2017: the
set the closing notes report), classifies them as a user's dropped photos are, and asserts
  - default and default-plain are right on at least 80% (the issue's target; chance: 10%);
  - with --whole-image (the "crop to object" toggle off: the frame squeezed to 28x28, as
    before photos were prepared) default is right on under half of them — the preparation,
    not the photos' ease, makes the difference;
  - default classifies every photo of the gallery (resources/samples/photos) right: the
    walkthrough drops them.
"""
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GALLERY = os.path.join(HERE, "..", "..", "resources", "samples", "photos")


def accuracy(cli, photos, model, *extra):
    out = subprocess.run([sys.executable, os.path.join(HERE, "photo_accuracy.py"), cli, photos,
                          "--model", model, *extra],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["accuracy"]


def main():
    cli, work = sys.argv[1:3]
    photos = os.path.join(work, "photo_set")
    shutil.rmtree(photos, ignore_errors=True)
    subprocess.run([sys.executable, os.path.join(HERE, "make_photo_set.py"), photos,
                    "--count", "200", "--seed", "2017"], check=True)
    failures = []
    for model in ("default", "default-plain"):
        value = accuracy(cli, photos, model)
        print(f"{model}: {value:.1%} of 200 photos right")
        if value < 0.80:
            failures.append(f"{model} is right on {value:.1%} of the photos; the target is 80%")
    gallery = accuracy(cli, GALLERY, "default")
    print(f"default on the gallery's photos: {gallery:.0%}")
    if gallery < 1:
        failures.append("the walkthrough's gallery photos are not all classified right")
    whole = accuracy(cli, photos, "default", "--whole-image")
    print(f"default, --whole-image: {whole:.1%}")
    if whole >= 0.5:
        failures.append(f"with --whole-image default is right on {whole:.1%}: the photos are too easy")
    shutil.rmtree(photos, ignore_errors=True)
    if failures:
        sys.exit("\n".join(failures))


if __name__ == "__main__":
    main()
