#!/usr/bin/env bash
# Builds ResLens's Debian package with CPack: tools/package.sh [BUILD_DIR] (default build/).
# The package installs under /usr what `cmake --install` installs (packaging/CMakeLists.txt);
# its dependencies are read from the binaries by dpkg-shlibdeps (dpkg-dev), so they are
# exactly Debian's packages the build linked. Prints the package's control fields.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" -j2
(cd "$build" && cpack -G DEB)
deb=$(ls -t "$build"/reslens_*.deb | head -n 1)
dpkg-deb --info "$deb"
echo "package: $deb"
