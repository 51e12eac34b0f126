#!/usr/bin/env bash
# Installs every build, test and run dependency of ResLens from Debian 12's packages.
# Idempotent: packages already present are left alone, and apt-get runs only when
# something is missing. Nothing is fetched from outside Debian's archive.
set -euo pipefail

PACKAGES=(
    build-essential cmake ninja-build pkg-config
    libtorch-dev                       # LibTorch 1.13 (CPU)
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev
    libopencv-dev                      # imaging: core, imgproc, imgcodecs, videoio
    libavutil-dev                      # imaging: VideoReader catches FFmpeg's log
    qt6-multimedia-dev                 # the app's camera (QCamera, QMediaDevices, QVideoSink)
    gstreamer1.0-plugins-base gstreamer1.0-plugins-good   # Qt Multimedia's camera pipeline
    ffmpeg                             # tests: videos written the way users write them
    libpng-dev libjpeg-dev             # imaging: the decoders' message handlers (LibraryMessages)
    nlohmann-json3-dev libcli11-dev zlib1g-dev
    dataset-fashion-mnist              # /usr/share/datasets/fashion-mnist
    python3 python3-torch python3-torchvision   # test fixtures and Python-side comparisons
    python3-numpy python3-pil          # fixtures: images and Pillow references
    python3-sklearn                    # tst_instruments: the linear probes against scikit-learn
    xvfb xauth                         # screenshots of the real window
    fonts-wqy-microhei                 # Chinese glyphs for the screenshots of the Chinese window
    qt6-l10n-tools qt6-tools-dev       # lrelease/lupdate and their CMake package (translations)
    qt6-translations-l10n              # Qt's own strings in Chinese (standard buttons, dialogs)
    librsvg2-bin                       # rsvg-convert: the icon's PNG sizes from its SVG
    desktop-file-utils appstream man-db   # tst_install: validators for the menu entry,
                                          # the metainfo and the man pages
    dpkg-dev                           # tools/package.sh: dpkg-shlibdeps names the .deb's dependencies
    clang-14 llvm-14 libfuzzer-14-dev libclang-rt-14-dev   # tools/fuzz.sh and tools/sanitize.sh
)

missing=()
for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#PACKAGES[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
