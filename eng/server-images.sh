#!/usr/bin/env bash
# eng/server-images.sh — build the Debian server images: orchestration/debian-servers:1
# (used by samples/RealServers) and orchestration/debian-packaged:1 (nginx and PostgreSQL
# with their packages' defaults, used by the security-profile tests).
#
#   bash eng/server-images.sh            build the images unless they exist
#   bash eng/server-images.sh --force    rebuild the image (the cached rootfs is reused)
#
# No registry is needed: debootstrap builds a minimal Debian rootfs with
# redis-server, nginx-light and postgresql from the Debian mirror this machine's apt already
# uses (read from /etc/apt/sources.list and /etc/apt/sources.list.d/ at run time;
# set DEBIAN_MIRROR to override). The rootfs is cached as a tarball in
# $SERVER_IMAGES_STATE_DIR (default /var/tmp/orchestration-server-images), imported
# with `docker import` as orchestration/debian-servers-base:2, and
# eng/images/servers/Dockerfile adds the nginx configuration on top of it;
# eng/images/packaged/Dockerfile adds nothing but a check that the cluster exists.
#
# Root only (debootstrap needs it). The first run downloads the packages and
# takes a few minutes; later runs reuse the tarball or skip at once.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_DIR="${SERVER_IMAGES_STATE_DIR:-/var/tmp/orchestration-server-images}"
SUITE="${DEBIAN_SUITE:-bookworm}"
PACKAGES="redis-server,redis-tools,nginx-light,postgresql"
BASE_IMAGE=orchestration/debian-servers-base:2 # 2: with postgresql
IMAGE=orchestration/debian-servers:1
PACKAGED_IMAGE=orchestration/debian-packaged:1
FORCE=0

log() { echo "server-images: $*" >&2; }
die() { log "$*"; exit 1; }
has_image() { docker image inspect "$1" >/dev/null 2>&1; }
seconds_since() { echo $(($(date +%s) - $1)); }

for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$arg' (usage: bash eng/server-images.sh [--force])" ;;
  esac
done

[[ $EUID -eq 0 ]] || die "must run as root (debootstrap needs it); fix: sudo bash eng/server-images.sh"
command -v docker >/dev/null || die "the docker CLI is not on PATH; fix: bash eng/engine.sh up"
timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1 \
  || die "no Docker engine answers at ${DOCKER_HOST:-the default socket}; fix: bash eng/engine.sh up"

if ((FORCE == 0)) && has_image "$IMAGE" && has_image "$PACKAGED_IMAGE"; then
  log "$IMAGE and $PACKAGED_IMAGE already exist, nothing to do (--force rebuilds them)"
  exit 0
fi

# The Debian mirror apt uses here: the first deb source whose suite is exactly $SUITE,
# in deb822 (*.sources) or one-line (*.list) form.
find_mirror() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f "$f" ]] || continue
    awk -v suite="$SUITE" '
      /^[[:space:]]*deb[[:space:]]/ {
        i = 2
        if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
        if ($(i + 1) == suite) { print $i; exit }
      }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] || continue
    awk -v suite="$SUITE" '
      function flush() {
        if (types ~ /(^|[[:space:]])deb([[:space:]]|$)/ && enabled != "no" && (" " suites " ") ~ (" " suite " ")) {
          split(uris, u, /[[:space:]]+/); print u[1]; found = 1
        }
        types = ""; uris = ""; suites = ""; enabled = ""
      }
      /^[[:space:]]*$/ { flush(); if (found) exit; next }
      /^#/ { next }
      tolower($1) == "types:"   { $1 = ""; types = $0 }
      tolower($1) == "uris:"    { $1 = ""; sub(/^[[:space:]]+/, ""); uris = $0 }
      tolower($1) == "suites:"  { $1 = ""; sub(/^[[:space:]]+/, ""); suites = $0 }
      tolower($1) == "enabled:" { enabled = tolower($2) }
      END { if (!found) flush() }' "$f"
  done
}

if ! has_image "$BASE_IMAGE" || ((FORCE == 1)); then
  mkdir -p "$STATE_DIR"
  tarball="$STATE_DIR/$SUITE-$(echo "$PACKAGES" | md5sum | cut -c1-12).tar"
  if [[ ! -s "$tarball" ]]; then
    mirror="${DEBIAN_MIRROR:-$(find_mirror | head -n 1)}"
    [[ -n "$mirror" ]] || die "found no '$SUITE' deb source in /etc/apt/sources.list{,.d/}; fix: set DEBIAN_MIRROR to a Debian mirror URL"
    if ! command -v debootstrap >/dev/null; then
      command -v apt-get >/dev/null || die "debootstrap is missing and apt-get is not available to install it"
      log "installing debootstrap"
      export DEBIAN_FRONTEND=noninteractive
      apt_log="$STATE_DIR/apt.log"
      apt-get update -qq >"$apt_log" 2>&1 || log "apt-get update failed; trying the install anyway"
      if ! apt-get install -y -qq debootstrap >>"$apt_log" 2>&1; then
        tail -n 20 "$apt_log" >&2
        die "apt-get install debootstrap failed (full log: $apt_log)"
      fi
    fi
    rootfs="$(mktemp -d "$STATE_DIR/rootfs.XXXXXX")"
    chmod 0755 "$rootfs" # becomes the image's /, which the unprivileged server users must traverse
    trap 'rm -rf "$rootfs"' EXIT
    started=$(date +%s)
    log "debootstrap $SUITE (minbase + $PACKAGES) from $mirror — takes a few minutes"
    if ! debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$rootfs" "$mirror" >"$STATE_DIR/debootstrap.log" 2>&1; then
      tail -n 30 "$STATE_DIR/debootstrap.log" >&2
      die "debootstrap failed (full log: $STATE_DIR/debootstrap.log)"
    fi
    log "debootstrap done in $(seconds_since "$started") s"
    # Trim what a container never needs: downloaded packages, apt lists, docs.
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
           "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/*
    tar -C "$rootfs" --numeric-owner -cf "$tarball.partial" .
    mv "$tarball.partial" "$tarball"
    rm -rf "$rootfs"
    trap - EXIT
    log "rootfs cached as $tarball ($(du -h "$tarball" | cut -f1))"
  else
    log "reusing cached rootfs $tarball"
  fi
  started=$(date +%s)
  docker import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    "$tarball" "$BASE_IMAGE" >/dev/null || die "docker import of $tarball failed"
  log "imported $BASE_IMAGE in $(seconds_since "$started") s"
fi

build_image() { # build_image <tag> <folder under eng/images>
  local started build_log
  started=$(date +%s)
  build_log="$(mktemp)"
  if ! DOCKER_BUILDKIT=0 docker build --build-arg "BASE=$BASE_IMAGE" -t "$1" "$ROOT/eng/images/$2" >"$build_log" 2>&1; then
    tail -n 30 "$build_log" >&2
    rm -f "$build_log"
    die "docker build of $1 failed"
  fi
  rm -f "$build_log"
  log "$1 ready (built in $(seconds_since "$started") s)"
}

build_image "$IMAGE" servers
build_image "$PACKAGED_IMAGE" packaged
