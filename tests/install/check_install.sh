#!/usr/bin/env bash
# tst_install: installs the build into a temporary prefix and uses it as a user would.
#   - every file a desktop and a man reader look for is there (icons at their sizes);
#   - desktop-file-validate, appstreamcli validate (and validate-tree) and man accept them;
#   - the installed reslens-cli, run from another directory with no RESLENS_RESOURCES,
#     finds the installed share/reslens (not the source tree it was built from) and
#     classifies an installed sample as its Fashion-MNIST label (the file name's class);
#   - the installed reslens-cli finds the installed reslens-loader (TorchScript loads);
#   - the installed app starts (--version).
# Usage: check_install.sh BUILD_DIR WITH_GUI(ON|OFF)
set -euo pipefail
build=$1
with_gui=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" || {
    cat "$tmp/install.log"; fail "cmake --install failed"; }

share=$prefix/share
expect=(bin/reslens-cli libexec/reslens/reslens-loader share/reslens/models/default.pt share/reslens/models/default-plain.pt
        share/reslens/labels/imagenet1k.txt share/man/man1/reslens-cli.1.gz)
if [[ $with_gui == ON ]]; then
    expect+=(bin/reslens share/man/man1/reslens.1.gz
             share/applications/io.github.reslens.ResLens.desktop
             share/metainfo/io.github.reslens.ResLens.metainfo.xml
             share/icons/hicolor/scalable/apps/io.github.reslens.ResLens.svg)
fi
for f in "${expect[@]}"; do
    [[ -s $prefix/$f ]] || fail "not installed: $f"
done
ls "$share"/reslens/samples/fashion-mnist/*.png >/dev/null || fail "no gallery installed"

if [[ $with_gui == ON ]]; then
    # Each PNG icon is a PNG of its folder's size (width and height from the IHDR chunk).
    for size in 16 24 32 48 64 128 256; do
        png=$share/icons/hicolor/${size}x${size}/apps/io.github.reslens.ResLens.png
        [[ -s $png ]] || fail "no ${size}px icon"
        dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')
        [[ $dims == "${size}x${size}" ]] || fail "${size}px icon is $dims"
    done
    desktop-file-validate "$share/applications/io.github.reslens.ResLens.desktop" ||
        fail "desktop-file-validate"
    appstreamcli validate --no-net "$share/metainfo/io.github.reslens.ResLens.metainfo.xml" ||
        fail "appstreamcli validate"
    appstreamcli validate-tree --no-net "$prefix" || fail "appstreamcli validate-tree"
fi

# man renders each page without a warning.
for page in "$share"/man/man1/*.1.gz; do
    warnings=$(MANWIDTH=80 man --warnings -l -Tutf8 "$page" 2>&1 >/dev/null)
    [[ -z $warnings ]] || fail "man $page: $warnings"
done

# From another directory, with nothing pointing at the resources.
mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere"
cli=$prefix/bin/reslens-cli
version=$(env -u RESLENS_RESOURCES "$cli" --version) || fail "reslens-cli --version"
echo "$version"
resources=$(echo "$version" | sed -n 's/^resources: //p')
[[ $(realpath "$resources") == $(realpath "$share/reslens") ]] ||
    fail "the installed reslens-cli uses '$resources', not $share/reslens"
# TorchScript files load in the installed reslens-loader, not the build tree's.
loader=$(echo "$version" | sed -n 's/^TorchScript loader: //p')
[[ $(realpath "$loader") == $(realpath "$prefix/libexec/reslens/reslens-loader") ]] ||
    fail "the installed reslens-cli runs TorchScript loader '$loader'"

sample=$(ls "$share"/reslens/samples/fashion-mnist/1-trouser-*.png | head -n 1)
env -u RESLENS_RESOURCES "$cli" classify --model default --json "$sample" >classify.json ||
    fail "installed reslens-cli classify --model default"
top=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["top"][0]["index"])' classify.json)
[[ $top == 1 ]] || fail "installed classify put the trouser sample in class $top"
env -u RESLENS_RESOURCES "$cli" classify --model default "$sample" | grep -q Trouser ||
    fail "installed classify's table does not say Trouser"

if [[ $with_gui == ON ]]; then
    QT_QPA_PLATFORM=offscreen "$prefix/bin/reslens" --version | grep -q "ResLens" ||
        fail "the installed app does not start"
fi
echo "PASS: installed into $prefix and used from $(pwd)"
