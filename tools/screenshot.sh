#!/usr/bin/env bash
# Screenshots of the real window under Xvfb, for the README.
# Usage: tools/screenshot.sh [OUT.png] [reslens options...]
#   tools/screenshot.sh docs/screenshot.png --block 4
#   tools/screenshot.sh docs/training-lab.png --lab resnet56   (the lab's defaults, ~2 min)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshot.png}"
shift || true
mkdir -p "$(dirname "$out")"
# A settings directory of its own: the shot shows the defaults, not this user's layout.
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
XDG_CONFIG_HOME="$config" xvfb-run -a -s "-screen 0 1600x1000x24" \
    build/app/gui/reslens --screenshot "$out" "$@"
echo "wrote $out"
