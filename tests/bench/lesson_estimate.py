#!/usr/bin/python3
"""A lesson's time in the app against the estimate the start page shows before it starts.

Runs `reslens --lesson NAME --screenshot FILE` (offscreen, fresh settings: three seeds, the
first in the window's view, the others beside it) for each lesson asked, and reads the two
lines the app prints: "lesson NAME: estimated E s for 3 seeds" when it starts and
"lesson NAME: T s" when every seed is measured. Target: |T - E| within 25% of T, and T under
3 minutes (5 for degradation) on two cores.

Usage: lesson_estimate.py [--app build/app/gui/reslens] [--threads 2]
       [--lesson why-skips ...] [--json]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LESSONS = ["why-skips", "degradation", "without-batch-norm", "lesion", "landscape"]


def run_lesson(app, lesson, threads):
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=home,
                   XDG_CACHE_HOME=home, XDG_DATA_HOME=home)
        shot = os.path.join(home, "shot.png")
        out = subprocess.run([app, "--threads", str(threads), "--lesson", lesson,
                              "--screenshot", shot], env=env, capture_output=True, text=True,
                             timeout=3600).stdout
    estimate = re.search(r"lesson %s: estimated (\d+) s" % re.escape(lesson), out)
    took = re.search(r"lesson %s: ([\d.]+) s\n" % re.escape(lesson), out)
    if not estimate or not took:
        sys.exit("%s: the app did not print its estimate and time:\n%s" % (lesson, out))
    return float(estimate.group(1)), float(took.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", default=os.path.join(ROOT, "build/app/gui/reslens"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--lesson", action="append", choices=LESSONS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = []
    for lesson in args.lesson or LESSONS:
        estimate, took = run_lesson(args.app, lesson, args.threads)
        rows.append({"lesson": lesson, "estimate_s": estimate, "seconds": took,
                     "error": (estimate - took) / took})
        if not args.json:
            print("%-20s estimated %5.0f s, took %6.1f s, estimate off by %+.0f%%"
                  % (lesson, estimate, took, 100.0 * rows[-1]["error"]), flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
