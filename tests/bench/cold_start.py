#!/usr/bin/python3
"""Cold start: from launching the app to its window showing the first sample classified.

Runs `reslens --startup-time` (offscreen, the shipped default model, the gallery's first
sample) several times with a fresh settings folder: the first launch warms the disk cache
and marks the start page as seen (so the explorer is what opens), the others are timed. Two
numbers per launch: the wall time from spawning the process to reading the app's line (the
user's wait, dynamic loading of Qt and LibTorch included) and the app's own count from
main() on. Target: the wall time at most 1.0 s on two cores with a warm disk cache.

Usage: cold_start.py [--app build/app/gui/reslens] [--launches 5] [--threads 2] [--json]
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def launch(app, env, threads):
    start = time.perf_counter()
    process = subprocess.Popen([app, "--threads", str(threads), "--startup-time"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL, text=True)
    inside = None
    wall = None
    for line in process.stdout:
        match = re.search(r"startup: .* (\d+) ms after main", line)
        if match:
            wall = (time.perf_counter() - start) * 1000.0
            inside = float(match.group(1))
            break
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if wall is None:
        sys.exit("the app printed no startup line (exit %s)" % process.returncode)
    return wall, inside


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", default=os.path.join(ROOT, "build/app/gui/reslens"))
    parser.add_argument("--launches", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=home,
                   XDG_CACHE_HOME=home, XDG_DATA_HOME=home)
        launch(args.app, env, args.threads)  # warms the disk cache, sees the start page
        runs = [launch(args.app, env, args.threads) for _ in range(args.launches)]
    walls = [w for w, _ in runs]
    insides = [i for _, i in runs]
    result = {"launches": args.launches, "threads": args.threads,
              "wall_ms": walls, "after_main_ms": insides,
              "median_wall_ms": statistics.median(walls),
              "worst_wall_ms": max(walls),
              "median_before_main_ms": statistics.median(w - i for w, i in runs)}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print("launch -> first sample classified and drawn, %d launches, %d threads"
              % (args.launches, args.threads))
        print("  wall time      " + ", ".join("%.0f" % w for w in walls) + " ms"
              + "  (median %.0f, worst %.0f; target <= 1000)" % (result["median_wall_ms"],
                                                                 result["worst_wall_ms"]))
        print("  after main()   " + ", ".join("%.0f" % i for i in insides) + " ms")
        print("  before main()  %.0f ms (median: loading the program and its libraries)"
              % result["median_before_main_ms"])


if __name__ == "__main__":
    main()
