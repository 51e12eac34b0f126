#!/usr/bin/env python3
"""tst_lessons_record (label `record`, `tools/run-tests.sh --record`): runs every lesson's
experiment at its documented settings over the record's seeds and compares with the record
the docs were written from (docs/lessons/measured.json).

Same seeds, same lessons, same sentences once their numbers are masked (the same outcome of
every rule), and every quantity's values within a tolerance: training on another CPU need
not repeat the last bit, but a lesson's numbers must not move beyond their own noise.

    check_lesson_record.py --cli build/app/cli/reslens-cli --record docs/lessons/measured.json
"""
import argparse
import json
import math
import re
import subprocess
import sys
import tempfile

NUMBER = re.compile(r"[-+]?\d[\d,]*(\.\d+)?%?")


def masked(sentence):
    return NUMBER.sub("#", sentence)


def close(a, b, name):
    if a is None or b is None:
        return a is None and b is None
    # Shares and losses: 0.05 absolute or 10% relative; counts and ratios relative.
    return abs(a - b) <= max(0.05, 0.10 * max(abs(a), abs(b)))


def compare(reference, measured):
    problems = []
    ref = {l["name"]: l for l in reference["lessons"]}
    got = {l["name"]: l for l in measured["lessons"]}
    if sorted(ref) != sorted(got):
        return [f"lessons {sorted(got)} against the record's {sorted(ref)}"]
    for name, r in ref.items():
        g = got[name]
        if r["seeds"] != g["seeds"]:
            problems.append(f"{name}: seeds {g['seeds']} against {r['seeds']}")
            continue
        rq = {q["name"]: q for q in r["quantities"]}
        gq = {q["name"]: q for q in g["quantities"]}
        if sorted(rq) != sorted(gq):
            problems.append(f"{name}: numbers {sorted(gq)} against {sorted(rq)}")
            continue
        for qname, q in rq.items():
            for a, b in zip(q["values"], gq[qname]["values"]):
                if not close(a, b, qname):
                    problems.append(f"{name}: {qname} {gq[qname]['values']} against "
                                    f"{q['values']}")
                    break
        rs = [masked(s) for s in r["sentences"]]
        gs = [masked(s) for s in g["sentences"]]
        if rs != gs:
            problems.append(f"{name}: says {gs} against the record's {rs}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--record", required=True)
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    with open(args.record, encoding="utf-8") as f:
        reference = json.load(f)
    if args.self_test:
        # The comparison itself: a moved number and a changed sentence are both caught.
        moved = json.loads(json.dumps(reference))
        for lesson in moved["lessons"]:
            for q in lesson["quantities"]:
                q["values"] = [None if v is None else v * 2 + 1 for v in q["values"]]
        assert compare(reference, reference) == []
        assert compare(reference, moved), "a doubled number passed"
        return 0
    seeds = max(len(l["seeds"]) for l in reference["lessons"])
    first = min(s for l in reference["lessons"] for s in l["seeds"])
    with tempfile.TemporaryDirectory() as tmp:
        out = f"{tmp}/measured.json"
        run = subprocess.run([args.cli, "lessons", "--measure", "--seeds", str(seeds),
                              "--first-seed", str(first), "--out", out],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stderr, file=sys.stderr)
            return 1
        with open(out, encoding="utf-8") as f:
            measured = json.load(f)
    problems = compare(reference, measured)
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
