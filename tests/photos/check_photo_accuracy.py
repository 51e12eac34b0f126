#!/usr/bin/python3
"""CTest's tst_photo_accuracy: the shipped models on a photo-style test set (issue 14).

Usage: check_photo_accuracy.py RESLENS_CLI WORK_DIR

Builds 200 photos from Fashion-MNIST test images with make_photo_set.py (seed 2017: the
set the closing notes report), classifies them as a user's dropped photos are, and asserts
the numbers docs/benchmarks.md and the user guide state, within 3 points (6 of 200 photos):
  - with the crop, default is right on 91.0% and default-plain on 92.0% (chance: 10%);
  - with --whole-image (the "crop to object" toggle off: the frame squeezed to 28x28, as
    before photos were prepared) default is right on 9.0% — the preparation, not the
    photos' ease, makes the difference;
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
TOLERANCE = 0.03 + 1e-9  # 3 points: 6 of the 200 photos


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
    documented = {"default": 0.910, "default-plain": 0.920}
    for model, stated in documented.items():
        value = accuracy(cli, photos, model)
        print(f"{model}: {value:.1%} of 200 photos right")
        if abs(value - stated) > TOLERANCE:
            failures.append(f"{model} is right on {value:.1%} of the photos; the docs say "
                            f"{stated:.1%}")
    gallery = accuracy(cli, GALLERY, "default")
    print(f"default on the gallery's photos: {gallery:.0%}")
    if gallery < 1:
        failures.append("the walkthrough's gallery photos are not all classified right")
    whole = accuracy(cli, photos, "default", "--whole-image")
    print(f"default, --whole-image: {whole:.1%}")
    if abs(whole - 0.090) > TOLERANCE:
        failures.append(f"with --whole-image default is right on {whole:.1%}; the docs say 9.0%")
    shutil.rmtree(photos, ignore_errors=True)
    if failures:
        sys.exit("\n".join(failures))


if __name__ == "__main__":
    main()
