#!/usr/bin/env bash
# Maillage: the two set-up commands of the README, for a fresh Debian 12 machine.
#   ./maillage.sh start   install what is missing, build, start the application on the demo dataset
#   ./maillage.sh test    install what is missing, build, run every test
# Both are idempotent: packages already installed are not touched, the build is incremental.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${MAILLAGE_BUILD_DIR:-$here/build}"
jobs="$(nproc 2>/dev/null || echo 2)"

packages=(
  build-essential cmake ninja-build pkg-config
  libgdal-dev gdal-data libproj-dev proj-data
  libqgis-dev qgis-providers qgis-common qttranslations5-l10n
  qtbase5-dev qttools5-dev qttools5-dev-tools libqt5svg5-dev
  libbenchmark-dev libcli11-dev
  fonts-dejavu-core xvfb xauth poppler-utils
  clang-format
  libpq-dev postgresql postgresql-15-postgis-3
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "maillage: installing ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "maillage: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# ccache when installed (rebuilds of another checkout or build folder are then mostly cache hits).
launcher() {
  if command -v ccache >/dev/null; then echo "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"; fi
}

build_all() {
  if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(launcher)
  fi
  cmake --build "$build" -j "$jobs"
}

cmd="${1:-start}"
shift || true
case "$cmd" in
  start)
    install_missing
    build_all
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
      echo "maillage: no display found; starting under xvfb-run (screenshots only). Use a desktop session to see the window." >&2
      exec xvfb-run -a -s "-screen 0 1600x1000x24" "$build/maillage" "$@"
    fi
    exec "$build/maillage" "$@"
    ;;
  test)
    install_missing
    build_all
    cd "$build"
    exec ctest --output-on-failure -j "$jobs" --timeout 900 "$@"
    ;;
  *)
    echo "usage: $0 start|test" >&2
    exit 2
    ;;
esac
