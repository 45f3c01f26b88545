#!/usr/bin/env bash
# Installs Debian packages with apt-get, as root or through password-less sudo, never asking
# anything (CI=true and no stdin work). Usage:
#   bash scripts/apt_install.sh "what is being installed, and why" [apt-get options] package...
# Says nothing and exits 0 where apt-get is missing or would need a password: the caller then
# checks for what it needed and tells the editor how to install it by hand. A failing apt-get
# ends it with apt-get's own exit status.
set -euo pipefail
message=$1
shift
command -v apt-get >/dev/null 2>&1 || exit 0

# sudo drops most of the environment, so DEBIAN_FRONTEND goes through env, after sudo.
if [ "$(id -u)" = 0 ]; then
  run=(env DEBIAN_FRONTEND=noninteractive)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo -n env DEBIAN_FRONTEND=noninteractive)
else
  exit 0
fi
echo "$message"
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq "$@"
