#!/usr/bin/env bash
# The browser tests drive Debian's Chromium; Playwright's own browser
# download is not used. Installs it when missing and apt-get is usable.
set -euo pipefail
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    sudo="unusable"
  fi
  if [ "$sudo" != unusable ]; then
    echo "Installing Debian's chromium package for the browser tests..."
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-dejavu-core
    [ -x "$chromium" ] && exit 0
  fi
fi
echo "error: the browser tests need Chromium at $chromium." >&2
echo "Install it with: sudo apt-get install chromium   (or set CHROMIUM=/path/to/chromium)" >&2
exit 1
