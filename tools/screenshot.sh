#!/usr/bin/env bash
# Screenshot of the real window under Xvfb, for the README.
# Usage: tools/screenshot.sh [OUT.png] [--arch NAME]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshot.png}"
shift || true
mkdir -p "$(dirname "$out")"
xvfb-run -a -s "-screen 0 1280x800x24" build/app/gui/reslens --screenshot "$out" "$@"
echo "wrote $out"
