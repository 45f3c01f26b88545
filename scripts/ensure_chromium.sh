#!/usr/bin/env bash
# The browser tests drive Debian's Chromium; Playwright's own browser
# download is not used. Installs it when missing and apt-get is usable.
set -euo pipefail
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] && exit 0

bash "$(dirname "$0")/apt_install.sh" \
  "Installing Debian's chromium package for the browser tests..." chromium fonts-dejavu-core
[ -x "$chromium" ] && exit 0
echo "error: the browser tests need Chromium at $chromium." >&2
echo "Install it with: sudo apt-get install chromium   (or set CHROMIUM=/path/to/chromium)" >&2
exit 1
