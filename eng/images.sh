#!/usr/bin/env bash
# eng/images.sh — build the offline test images used by the integration tests.
#
#   bash eng/images.sh [docker-host ...]
#
# Builds orchestration/busybox:1 (index.html "ok") and orchestration/busybox:2
# (index.html "v2") from eng/images/busybox/Dockerfile on the default engine
# (DOCKER_HOST if set, else the local socket) and on every docker host given as
# an argument (e.g. unix:///var/run/orchestration-node2.sock). The image is
# FROM scratch plus the host's static busybox, so nothing is ever pulled.
# Re-running is cheap: unchanged layers come from the build cache.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMAGE=orchestration/busybox
BUSYBOX="${BUSYBOX:-/bin/busybox}"

is_static() { [[ -x "$1" ]] && ! ldd "$1" >/dev/null 2>&1; }

# The image needs a statically linked busybox (Debian: busybox-static).
if ! is_static "$BUSYBOX"; then
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "images: installing busybox-static"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq busybox-static >/dev/null
  fi
  is_static "$BUSYBOX" || {
    echo "images: $BUSYBOX is missing or not statically linked." >&2
    echo "        fix: sudo apt-get install -y busybox-static (or set BUSYBOX=/path/to/static/busybox)" >&2
    exit 1
  }
fi

ctx="$(mktemp -d)"
trap 'rm -rf "$ctx"' EXIT
cp "$BUSYBOX" "$ctx/busybox"
cp "$ROOT/eng/images/busybox/Dockerfile" "$ctx/Dockerfile"

# The legacy builder works on every engine version and needs no buildx plugin.
export DOCKER_BUILDKIT=0

build() { # build <label> <docker args...>
  local label="$1"; shift
  local log="$ctx/build.log"
  for spec in "1:ok" "2:v2"; do
    if ! "$@" build --build-arg "MESSAGE=${spec#*:}" -t "$IMAGE:${spec%%:*}" "$ctx" >"$log" 2>&1; then
      echo "images: build of $IMAGE:${spec%%:*} failed on $label" >&2
      tail -n 30 "$log" >&2
      exit 1
    fi
  done
  echo "images: $IMAGE:1 and $IMAGE:2 ready on $label"
}

build "${DOCKER_HOST:-default engine}" docker
for host in "$@"; do
  build "$host" docker -H "$host"
done
