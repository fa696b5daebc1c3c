#!/usr/bin/env bash
# eng/browser.sh — make sure headless Chromium and its WebDriver are installed, for the dashboard's browser tests.
#
#   bash eng/browser.sh      installs Debian's chromium and chromium-driver when either is missing (root only);
#                            prints the paths of both on stdout
#
# Safe to re-run: does nothing when /usr/bin/chromium and /usr/bin/chromedriver are there.
set -euo pipefail

log() { echo "browser: $*" >&2; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
if ((${#missing[@]} > 0)); then
  if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null; then
    log "missing ${missing[*]}; fix: sudo apt-get install -y chromium chromium-driver"
    exit 1
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
fi

command -v chromium
command -v chromedriver
