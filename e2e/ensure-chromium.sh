#!/usr/bin/env bash
# Browser tests use Debian's Chromium (no browser downloads here). Installs it, and fonts so text renders, when missing.
set -euo pipefail
need=()
[ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1 || need+=(chromium)
{ fc-list 2>/dev/null | grep -qi dejavu; } || need+=(fonts-dejavu-core)
{ fc-list 2>/dev/null | grep -qi liberation; } || need+=(fonts-liberation)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing ${need[*]} for the browser tests"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
timeout 900 $SUDO apt-get update -qq
timeout 1200 $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
