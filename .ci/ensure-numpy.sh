#!/usr/bin/env bash
# Some tests run the lecture's NumPy program as an independent check: install Debian's NumPy when no Python has it.
set -euo pipefail
for py in python3 /usr/bin/python3; do
  if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import numpy' >/dev/null 2>&1; then exit 0; fi
done
echo "installing python3-numpy for the NumPy cross-checks"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
timeout 900 $SUDO apt-get update -qq
timeout 1200 $SUDO apt-get install -y -qq --no-install-recommends python3 python3-numpy
