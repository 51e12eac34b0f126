#!/usr/bin/python3
"""Accuracy of `reslens-cli classify` on a photo set made by make_photo_set.py.

Usage: photo_accuracy.py RESLENS_CLI PHOTO_DIR [--model default] [extra classify flags]

Goes through classify — the path a user's dropped photo takes — rather than evaluate, so
any two builds of the CLI can be compared on the same photos. Prints one JSON line:
{"model", "photos", "correct", "accuracy"}.
"""
import argparse
import glob
import json
import os
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("photos")
    parser.add_argument("--model", default="default")
    args, extra = parser.parse_known_args()
    files = sorted(glob.glob(os.path.join(args.photos, "*", "*.jpg")))
    named_by_class = not files  # the gallery: <label>-<class>-<index>.jpg, no class folders
    if named_by_class:
        files = sorted(glob.glob(os.path.join(args.photos, "*.jpg")))
    if not files:
        sys.exit(f"no photos under {args.photos}")
    correct = 0
    for start in range(0, len(files), 100):
        batch = files[start:start + 100]
        out = subprocess.run([args.cli, "classify", "--model", args.model, "--json", "--top", "1",
                              *extra, *batch], check=True, capture_output=True, text=True)
        for result in json.loads(out.stdout)["results"]:
            name = result["image"] if named_by_class else os.path.dirname(result["image"])
            truth = int(os.path.basename(name).split("-")[0])
            correct += result["top"][0]["index"] == truth
    print(json.dumps({"model": args.model, "photos": len(files), "correct": correct,
                      "accuracy": correct / len(files)}))


if __name__ == "__main__":
    main()
