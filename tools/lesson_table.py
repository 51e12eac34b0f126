#!/usr/bin/env python3
"""The user guide's lesson table, generated from a lesson record.

docs/user-guide.md's *Lessons* table is this script's output for docs/lessons/measured.json
(written by `reslens-cli lessons --measure --out docs/lessons/measured.json`), between the
markers <!-- lesson-table --> and <!-- /lesson-table -->:

    tools/lesson_table.py docs/lessons/measured.json            print the table
    tools/lesson_table.py docs/lessons/measured.json --update docs/user-guide.md
    tools/lesson_table.py docs/lessons/measured.json --check docs/user-guide.md

--check exits 1 when the guide's table is not the record's (tst_lesson_table).
"""
import argparse
import json
import math
import sys

BEGIN = "<!-- lesson-table -->"
END = "<!-- /lesson-table -->"

TITLES = {
    "why-skips": "Why skip connections?",
    "degradation": "Degradation",
    "without-batch-norm": "Without batch norm",
    "bottleneck": "Bottleneck against basic",
    "lesion": "A block is a correction",
    "landscape": "The loss landscape of the deep twins",
    "grad-cam": "Where the evidence forms",
    "shattered-gradients": "Shattered gradients",
    "watch-the-blocks": "Watch the blocks",
}


def number(v):
    """As the lessons write a number: 2 decimals below 10, 1 below 100, else none; whole
    counts (parameters, multiply-adds, steps) with thousands separators."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    if float(v).is_integer() and abs(v) >= 100:
        return f"{int(v):,}"
    a = abs(v)
    text = f"{v:.{0 if a >= 100 else 1 if a >= 10 else 2}f}"
    return text[1:] if text.startswith("-") and set(text[1:]) <= set("0.") else text


def value(v, kind):
    if kind == "share" and v is not None:
        return f"{100 * v:.1f}%"
    return number(v)


def spread(q):
    median = value(q["median"], q["kind"])
    if len(q["values"]) < 2 or q["min"] is None:
        return median
    return f"{median} ({value(q['min'], q['kind'])}–{value(q['max'], q['kind'])})"


def table(record):
    rows = ["| lesson (`--lesson`) | what runs | seeds | measured (median, range over the seeds) | time |",
            "|---|---|---|---|---|"]
    for lesson in record["lessons"]:
        shown = []
        stages = {}  # grad-cam: one range per stage, not 28 numbers
        for q in lesson["quantities"]:
            name = q["name"]
            if name.endswith((".samples", ".steps")) or name.startswith("output."):
                continue
            parts = name.split(".")
            if parts[0] == "cam" and parts[1].startswith("layer"):
                stages.setdefault(parts[1], []).append(q["median"])
                continue
            shown.append(f"{name} {spread(q)}")
        for stage, values in stages.items():
            shown.append(f"cam.{stage}.* {number(min(values))} to {number(max(values))}")
        seeds = ", ".join(str(s) for s in lesson["seeds"]) or "–"
        seconds = lesson["seconds"]
        time = "under 1 s" if seconds < 1 else f"{seconds:.0f} s"
        rows.append(f"| {TITLES.get(lesson['name'], lesson['name'])} (`{lesson['name']}`) | "
                    f"{lesson['settings']} | {seeds} | {'; '.join(shown)} | {time} |")
    return "\n".join(rows) + "\n"


def replace_between(text, body):
    start = text.index(BEGIN) + len(BEGIN)
    end = text.index(END)
    return text[:start] + "\n" + body + text[end:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("record")
    parser.add_argument("--update")
    parser.add_argument("--check")
    args = parser.parse_args()
    with open(args.record, encoding="utf-8") as f:
        body = table(json.load(f))
    if args.update or args.check:
        path = args.update or args.check
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if BEGIN not in text or END not in text:
            print(f"{path}: no {BEGIN} ... {END}", file=sys.stderr)
            return 1
        wanted = replace_between(text, body)
        if args.check:
            if wanted != text:
                print(f"{path}: the lesson table is not {args.record}'s; run "
                      f"tools/lesson_table.py {args.record} --update {path}", file=sys.stderr)
                return 1
            return 0
        with open(path, "w", encoding="utf-8") as f:
            f.write(wanted)
        return 0
    sys.stdout.write(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
