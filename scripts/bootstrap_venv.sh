#!/usr/bin/env bash
# Creates the virtual environment from the hash-pinned lock file.
# Usage: bootstrap_venv.sh PYTHON VENV LOCK
set -euo pipefail
python=$1 venv=$2 lock=$3

if ! command -v "$python" >/dev/null 2>&1; then
  echo "error: $python not found. Install Python 3.11 or newer (Debian: apt-get install python3)." >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))'; then
  echo "error: $python is $("$python" -V 2>&1); this project needs Python 3.11.5 or newer." >&2
  exit 1
fi

# Debian splits venv and ensurepip out of python3; install them when we can.
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  pkg="python3-venv"
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing $pkg (needed to create .venv)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg"
  else
    echo "error: $python cannot create virtual environments. Install it with: sudo apt-get install $pkg" >&2
    exit 1
  fi
fi

rm -rf "$venv"
echo "Creating $venv from $lock..."
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  --require-hashes --no-deps -r "$lock"
# The project's own code (`import scripts...`) is importable from anywhere the venv's Python
# runs (mkdocs-macros and MkDocs hooks load their files by path), through one .pth file
# naming the repository root, instead of each entry point editing sys.path.
root=$(cd "$(dirname "$0")/.." && pwd)
purelib=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
printf '%s\n' "$root" > "$purelib/ketamine_therapy_guide.pth"
echo "$venv is ready."
