#!/usr/bin/env python3
"""Checks the layer boundaries of docs/design.md by following #include lines.

- Nothing under widgets/ or app/gui/ reaches a LibTorch header (torch/, ATen/, c10/,
  caffe2/), directly or through a project header it includes.
- Nothing under model/, imaging/, app/core/ or app/cli/ reaches a Qt header.
- model/ reaches no OpenCV header and no header of imaging/ or app/.

Exit status 1 and one line per violation, naming the include chain. Run by CTest as
tst_layer_boundaries, and by hand: tools/check_layers.py [REPO_ROOT].
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.MULTILINE)
TORCH = ("torch/", "ATen/", "c10/", "caffe2/")
OPENCV = ("opencv2/",)


def is_qt(header):
    top = header.split("/")[0]
    return (top.startswith("Qt") and top != "Qt") or re.match(r"^Q[A-Z]\w*$", top) is not None


RULES = [
    # (folders checked, predicate on a system header, what is forbidden, forbidden project prefixes)
    (("widgets/", "app/gui/"), lambda h: h.startswith(TORCH), "LibTorch", ()),
    (("model/", "imaging/", "app/core/", "app/cli/"), is_qt, "Qt", ()),
    (("model/",), lambda h: h.startswith(OPENCV), "OpenCV", ("imaging/", "app/", "widgets/")),
]


def includes_of(root, path, cache):
    if path not in cache:
        try:
            with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError:
            text = ""
        found = []
        for kind, header in INCLUDE.findall(text):
            local = kind == '"' and os.path.isfile(os.path.join(root, header))
            found.append((header, local))
        cache[path] = found
    return cache[path]


def first_violation(root, start, forbidden, banned_prefixes, cache):
    """Depth-first over project headers; returns the chain to a forbidden include, or None."""
    stack = [(start, [start])]
    seen = {start}
    while stack:
        path, chain = stack.pop()
        for header, local in includes_of(root, path, cache):
            if local:
                if header.startswith(banned_prefixes):
                    return chain + [header]
                if header not in seen:
                    seen.add(header)
                    stack.append((header, chain + [header]))
            elif forbidden(header):
                return chain + ["<" + header + ">"]
    return None


def violations(root):
    cache = {}
    problems = []
    checked = 0
    for folders, forbidden, what, banned in RULES:
        for folder in folders:
            for directory, _, files in os.walk(os.path.join(root, folder)):
                for name in sorted(files):
                    if not name.endswith((".h", ".cpp", ".hpp")):
                        continue
                    path = os.path.relpath(os.path.join(directory, name), root)
                    checked += 1
                    chain = first_violation(root, path, forbidden, banned, cache)
                    if chain:
                        problems.append(f"{path} reaches {what}: {' -> '.join(chain)}")
    return checked, problems


def self_test():
    """A planted tree with one violation of each rule, each behind an innocent header."""
    import tempfile
    planted = {
        "widgets/Panel.cpp": '#include "widgets/Panel.h"\n',
        "widgets/Panel.h": '#include "model/network/Plain.h"\n',
        "model/network/Plain.h": "#include <torch/types.h>\n",
        "model/data/Reader.h": "#include <QString>\n",
        "model/data/Image.h": '#include "imaging/Grid.h"\n',
        "imaging/Grid.h": "#include <opencv2/core.hpp>\n",
        "app/core/Clean.h": "#include <string>\n",
    }
    with tempfile.TemporaryDirectory() as root:
        for path, text in planted.items():
            os.makedirs(os.path.join(root, os.path.dirname(path)), exist_ok=True)
            with open(os.path.join(root, path), "w") as f:
                f.write(text)
        _, problems = violations(root)
    expected = {"widgets/Panel.cpp", "widgets/Panel.h",
                "model/data/Reader.h", "model/data/Image.h"}
    found = {line.split(" ")[0] for line in problems}
    if found != expected:
        print(f"check_layers: self-test failed: found {sorted(found)}, expected {sorted(expected)}")
        return False
    return True


def main():
    args = sys.argv[1:]
    if args and args[0] == "--self-test":
        if not self_test():
            return 1
        args = args[1:]
    root = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(__file__), ".."))
    checked, problems = violations(root)
    for line in problems:
        print(line)
    print(f"check_layers: {checked} files checked, {len(problems)} violations")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
