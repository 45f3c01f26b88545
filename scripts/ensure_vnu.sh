#!/usr/bin/env bash
# The HTML validity test runs the Nu HTML Checker: vnu.jar from the npm package vnu-jar, pinned
# with its integrity hash in tests/vnu/package-lock.json. Installs Java (Debian's
# default-jre-headless) when it is missing and apt-get is usable, then the jar with `npm ci`.
# Where Java cannot be installed the test is skipped, and says why; a missing jar fails it.
set -euo pipefail
scripts=$(cd "$(dirname "$0")" && pwd)
cd "$scripts/../tests/vnu"

if ! command -v java >/dev/null 2>&1; then
  bash "$scripts/apt_install.sh" \
    "Installing Java (Debian's default-jre-headless) for the HTML checker..." \
    --no-install-recommends default-jre-headless
fi
if ! command -v java >/dev/null 2>&1; then
  echo "note: Java is missing and could not be installed, so the HTML validity test will be skipped." >&2
  echo "Install it with: sudo apt-get install default-jre-headless" >&2
  exit 0
fi

stamp=node_modules/.installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "error: the HTML checker is installed with npm, which is missing (apt-get install npm)." >&2
    exit 1
  fi
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
  touch "$stamp"
fi
