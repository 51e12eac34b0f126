#!/usr/bin/env python3
"""Checks that every translation in resources/translations is complete for today's sources.

For each .ts file, lupdate runs over the sources into a copy (the committed file is not
touched), then every message of the copy is checked:
- none is unfinished or empty (a string lupdate found that nobody translated yet, or one
  whose English changed since);
- each translation keeps the placeholders of its source (%1, %2, ..., %n), so .arg() fills
  in the same values;
- each keeps the source's keyboard accelerator, if any (&File -> 文件(&F)).
Exit status 1 and one line per problem. Run by CTest as tst_translations_complete, and by
hand: tools/check_translations.py --lupdate /usr/lib/qt6/bin/lupdate [REPO_ROOT].
--self-test first proves that it finds a planted untranslated string.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SOURCES = ("widgets", "app/gui", "app/core/lessons")
PLACEHOLDER = re.compile(r"%(\d+|n)")
ACCELERATOR = re.compile(r"&([^&\s])")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text or "")))


def problems_in(ts_path):
    found = []
    root = ET.parse(ts_path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            where = f"{os.path.basename(ts_path)}: {name}: {source!r}"
            kind = translation.get("type") if translation is not None else "missing"
            if kind in ("vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            if kind == "unfinished" or any(not f.strip() for f in forms):
                found.append(f"{where}: not translated")
                continue
            for form in forms:
                if placeholders(form) != placeholders(source):
                    found.append(f"{where}: placeholders {placeholders(source)} became {placeholders(form)}")
                accelerators = ACCELERATOR.findall(source.replace("&&", ""))
                if accelerators and "&" not in form.replace("&&", ""):
                    found.append(f"{where}: the accelerator &{accelerators[0]} is lost")
    return found


def check(lupdate, root, sources=SOURCES):
    problems = []
    ts_files = sorted(glob.glob(os.path.join(root, "resources", "translations", "*.ts")))
    if not ts_files:
        return ["no .ts files in resources/translations"]
    with tempfile.TemporaryDirectory() as tmp:
        for ts in ts_files:
            copy = os.path.join(tmp, os.path.basename(ts))
            shutil.copy(ts, copy)
            run = subprocess.run([lupdate, "-silent", "-I", root, "-locations", "none",
                                  "-no-obsolete",
                                  *[os.path.join(root, s) for s in sources
                                    if os.path.isdir(os.path.join(root, s))],
                                  "-ts", copy], capture_output=True, text=True)
            if run.returncode != 0:
                problems.append(f"lupdate failed on {ts}: {run.stderr.strip()}")
                continue
            problems += problems_in(copy)
    return problems


def self_test(lupdate):
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, "widgets"))
        os.makedirs(os.path.join(root, "app", "gui"))
        os.makedirs(os.path.join(root, "resources", "translations"))
        with open(os.path.join(root, "widgets", "W.cpp"), "w") as f:
            f.write('#include <QObject>\nvoid f() { QObject::tr("Done"); QObject::tr("Step %1 of %2"); }\n')
        ts = os.path.join(root, "resources", "translations", "x_zh_CN.ts")
        with open(ts, "w") as f:
            f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                    '<TS version="2.1" language="zh_CN"><context><name>QObject</name>'
                    '<message><source>Done</source><translation>完成</translation></message>'
                    '<message><source>Step %1 of %2</source><translation>第 %1 步</translation></message>'
                    '</context></TS>\n')
        found = check(lupdate, root)
        if not any("Step %1 of %2" in p and "placeholders" in p for p in found):
            return "self-test: a dropped placeholder was not found"
        with open(os.path.join(root, "widgets", "W.cpp"), "a") as f:
            f.write('void g() { QObject::tr("New string"); }\n')
        found = check(lupdate, root)
        if not any("New string" in p and "not translated" in p for p in found):
            return "self-test: a new untranslated string was not found"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lupdate", default="/usr/lib/qt6/bin/lupdate")
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("root", nargs="?", default=os.path.join(os.path.dirname(__file__), ".."))
    args = parser.parse_args()
    if args.self_test:
        failure = self_test(args.lupdate)
        if failure:
            print(failure)
            return 1
    problems = check(args.lupdate, os.path.abspath(args.root))
    for p in problems:
        print(p)
    if not problems:
        print("translations complete")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
