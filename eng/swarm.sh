#!/usr/bin/env bash
# eng/swarm.sh — a real multi-node Docker Swarm on this machine, for the swarm tests and benchmark.
#
#   bash eng/swarm.sh up [N]        N engines (default 3), each in its own network namespace
#                                   with its own address; node1 initialises the swarm as its
#                                   manager, the others join as workers; the test images are
#                                   loaded into every node. Prints the manager's endpoint.
#   bash eng/swarm.sh endpoint      the manager's endpoint (unix socket)
#   bash eng/swarm.sh node-endpoint K  node K's engine endpoint
#   bash eng/swarm.sh stop-node K   kill -9 the engine of node K (failure tests)
#   bash eng/swarm.sh start-node K  start node K's engine again (it rejoins by itself)
#   bash eng/swarm.sh status        the swarm's nodes as the manager sees them
#   bash eng/swarm.sh down          stop every swarm engine, remove their namespaces, bridge,
#                                   data and firewall rule (the default engine is untouched)
#
# Every subcommand is safe to re-run; `up` on a healthy swarm only reloads missing images.
#
# Layout: a bridge "orchswarm0" in the host namespace holds 10.199.0.1/24; node K lives in
# namespace "orchswarmK" behind a veth pair, at 10.199.0.(10+K). Each engine is started with
# nsenter --net only, so it shares the host's mount namespace and sees its cgroups. Inside its
# namespace an engine owns its own docker0 and iptables, so it never touches the default
# engine's. Overlay networks take their subnets from 10.198.0.0/16. The kernel here has no IPVS:
# services use DNS round-robin endpoints and host-mode published ports (on the node's address).
# Engines start with DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1 (no registry to ask for digests).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_DIR="${SWARM_STATE_DIR:-/tmp/orchestration-swarm}"
LIB=/var/lib/orchestration-swarm
RUN=/var/run/orchestration-swarm
BRIDGE=orchswarm0
SUBNET_PREFIX=10.199.0
ADDR_POOL=10.198.0.0/16
HEARTBEAT="${SWARM_HEARTBEAT:-2s}"
IMAGES=(orchestration/busybox:1 orchestration/busybox:2)
WAIT_SECONDS=60

log() { echo "swarm: $*" >&2; }
die() { log "$*"; exit 1; }

netns()    { echo "orchswarm$1"; }
node_ip()  { echo "$SUBNET_PREFIX.$((10 + $1))"; }
node_sock() { echo "$RUN/node$1.sock"; }
node_pid() { echo "$RUN/node$1.pid"; }
node_host() { echo "unix://$(node_sock "$1")"; }
d() { local k="$1"; shift; timeout 30 docker -H "$(node_host "$k")" "$@"; }

running() { # running <pid> <name>
  local stat
  [[ "$1" =~ ^[0-9]+$ && "$(cat "/proc/$1/comm" 2>/dev/null)" == "$2" ]] || return 1
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != Z ]]
}
pid_alive() { [[ -s "$1" ]] && running "$(cat "$1")" dockerd; }
answers() { timeout 10 docker -H "$(node_host "$1")" version --format '{{.Server.Version}}' >/dev/null 2>&1; }

node_count() { # how many nodes were ever started here (from their data roots)
  local n=0 dir k
  for dir in "$LIB"/node*; do
    k="${dir##*/node}"; [[ "$k" =~ ^[0-9]+$ ]] && ((k > n)) && n=$k
  done
  echo "$n"
}

ensure_network() {
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add name "$BRIDGE" type bridge
  fi
  ip addr replace "$SUBNET_PREFIX.1/24" dev "$BRIDGE"
  ip link set "$BRIDGE" up
  # Bridged traffic goes through the host's FORWARD chain (br_netfilter), whose policy the
  # default engine sets to DROP: let the swarm's own traffic pass, in a chain of its own.
  iptables -N ORCH-SWARM 2>/dev/null || true
  iptables -F ORCH-SWARM
  iptables -A ORCH-SWARM -i "$BRIDGE" -j ACCEPT
  iptables -A ORCH-SWARM -o "$BRIDGE" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
  iptables -C FORWARD -j ORCH-SWARM 2>/dev/null || iptables -I FORWARD 1 -j ORCH-SWARM
}

ensure_namespace() { # ensure_namespace K
  local k="$1" ns host peer
  ns="$(netns "$k")" host="osw$k" peer="oswp$k"
  [[ -e "/var/run/netns/$ns" ]] || ip netns add "$ns"
  if ! ip link show "$host" >/dev/null 2>&1; then
    ip link add "$host" type veth peer name "$peer"
    ip link set "$peer" netns "$ns"
    ip -n "$ns" link set "$peer" name eth0
  fi
  ip link set "$host" master "$BRIDGE"
  ip link set "$host" up
  ip -n "$ns" link set lo up
  ip -n "$ns" link set eth0 up
  ip -n "$ns" addr replace "$(node_ip "$k")/24" dev eth0
  ip -n "$ns" route replace default via "$SUBNET_PREFIX.1"
}

clean_stale() { # clean_stale K — pid files of a killed engine and its lingering containerd
  local k="$1" pid
  if [[ -e "$(node_pid "$k")" ]] && ! pid_alive "$(node_pid "$k")"; then rm -f "$(node_pid "$k")"; fi
  pid="$(cat "$RUN/node$k/exec/containerd/containerd.pid" 2>/dev/null)" || return 0
  if running "$pid" containerd; then
    local ppid; ppid="$(cut -d' ' -f4 "/proc/$pid/stat")"
    running "$ppid" dockerd && return 0
    kill -TERM "$pid" 2>/dev/null || true
    local i; for ((i = 0; i < 20; i++)); do running "$pid" containerd || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN/node$k/exec/containerd/containerd.pid"
}

start_engine() { # start_engine K (does not wait)
  local k="$1" ns
  ns="$(netns "$k")"
  answers "$k" && return 0
  pid_alive "$(node_pid "$k")" && return 0
  ensure_namespace "$k"
  clean_stale "$k"
  mkdir -p "$LIB/node$k" "$RUN/node$k/exec" "$STATE_DIR"
  echo '{}' >"$LIB/node$k.json"
  log "starting node$k at $(node_ip "$k") (log: $STATE_DIR/node$k.log)"
  echo "--- $(date -u +%FT%TZ) node$k" >>"$STATE_DIR/node$k.log"
  DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1 setsid nohup nsenter --net="/var/run/netns/$ns" dockerd \
    --config-file "$LIB/node$k.json" \
    --data-root "$LIB/node$k" \
    --exec-root "$RUN/node$k/exec" \
    --pidfile "$(node_pid "$k")" \
    -H "$(node_host "$k")" \
    --bip "10.197.$((k)).1/24" \
    --cgroup-parent "/orchswarm$k" \
    --containerd-namespace "orchswarm$k" \
    --containerd-plugins-namespace "orchswarm$k-plugins" \
    </dev/null >>"$STATE_DIR/node$k.log" 2>&1 &
}

wait_engine() { # wait_engine K
  local k="$1" i
  for ((i = 0; i < WAIT_SECONDS * 2; i++)); do
    answers "$k" && return 0
    sleep 0.5
  done
  log "node$k did not answer within ${WAIT_SECONDS}s; last lines of its log:"
  tail -n 25 "$STATE_DIR/node$k.log" >&2 || true
  exit 1
}

swarm_state() { d "$1" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null || echo unknown; }

ensure_swarm() { # ensure_swarm N — node1 manages, 2..N are workers
  local n="$1" k token state
  state="$(swarm_state 1)"
  if [[ "$state" != active ]] || [[ "$(d 1 info --format '{{.Swarm.ControlAvailable}}')" != true ]]; then
    [[ "$state" == inactive ]] || d 1 swarm leave --force >/dev/null 2>&1 || true
    log "initialising the swarm on node1"
    d 1 swarm init --advertise-addr "$(node_ip 1)" --listen-addr "$(node_ip 1):2377" \
      --default-addr-pool "$ADDR_POOL" --default-addr-pool-mask-length 24 \
      --dispatcher-heartbeat "$HEARTBEAT" >/dev/null
  fi
  token="$(d 1 swarm join-token -q worker)"
  for ((k = 2; k <= n; k++)); do
    state="$(swarm_state "$k")"
    # still a member of this swarm (a restarted worker keeps its node id and rejoins by itself)
    if [[ "$state" == active || "$state" == pending ]] && \
       d 1 node inspect "$(d "$k" info --format '{{.Swarm.NodeID}}')" >/dev/null 2>&1; then continue; fi
    [[ "$state" == inactive ]] || d "$k" swarm leave --force >/dev/null 2>&1 || true
    log "node$k joins as a worker"
    d "$k" swarm join --token "$token" --advertise-addr "$(node_ip "$k")" --listen-addr "$(node_ip "$k"):2377" \
      "$(node_ip 1):2377" >/dev/null
  done
}

label_nodes() { # label_nodes N — name nodes by label (their host names are all the same here) and
  # remove nodes that left earlier (down, and not at the address of a live node)
  local n="$1" k id addr state
  for id in $(d 1 node ls -q); do
    addr="$(d 1 node inspect "$id" --format '{{.Status.Addr}}')"
    state="$(d 1 node inspect "$id" --format '{{.Status.State}}')"
    for ((k = 1; k <= n; k++)); do
      if [[ "$addr" == "$(node_ip "$k")" && "$state" == ready ]]; then
        d 1 node update --label-add "io.orchestration.node=node$k" "$id" >/dev/null
      fi
    done
    if [[ "$state" == down ]]; then d 1 node rm --force "$id" >/dev/null 2>&1 || true; fi
  done
}

wait_ready() { # wait_ready N — every node Ready as the manager sees it
  local n="$1" i ready
  for ((i = 0; i < WAIT_SECONDS * 2; i++)); do
    ready="$(d 1 node ls --format '{{.Status}}' 2>/dev/null | grep -c '^Ready$' || true)"
    ((ready >= n)) && return 0
    sleep 0.5
  done
  die "only $ready of $n swarm nodes are Ready after ${WAIT_SECONDS}s"
}

load_images() { # load_images N — copy the test images from the default engine to every node
  local n="$1" k image id
  for image in "${IMAGES[@]}"; do
    id="$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null)" || { log "no $image on the default engine (bash eng/images.sh)"; continue; }
    for ((k = 1; k <= n; k++)); do
      [[ "$(d "$k" image inspect --format '{{.Id}}' "$image" 2>/dev/null)" == "$id" ]] && continue
      docker save "$image" | docker -H "$(node_host "$k")" load -q >/dev/null
    done
  done
}

cmd_up() {
  local n="${1:-3}" k
  [[ "$n" =~ ^[0-9]+$ ]] && ((n >= 1 && n <= 9)) || die "usage: $0 up [N]   (N = 1..9)"
  [[ $EUID -eq 0 ]] || die "the swarm needs root (network namespaces): sudo bash $0 up"
  bash "$ROOT/eng/engine.sh" up
  command -v nsenter >/dev/null || die "nsenter (util-linux) is missing"
  modprobe vxlan 2>/dev/null || true
  ensure_network
  for ((k = 1; k <= n; k++)); do start_engine "$k"; done
  for ((k = 1; k <= n; k++)); do wait_engine "$k"; done
  ensure_swarm "$n"
  wait_ready "$n"
  label_nodes "$n"
  load_images "$n"
  log "$n-node swarm is up; manager at $(node_host 1)"
  node_host 1
}

cmd_stop_node() {
  local k="$1"
  [[ "$k" =~ ^[0-9]+$ ]] || die "usage: $0 stop-node K"
  if pid_alive "$(node_pid "$k")"; then
    log "killing node$k (dockerd pid $(cat "$(node_pid "$k")"))"
    kill -9 "$(cat "$(node_pid "$k")")"
  else
    log "node$k is not running"
  fi
}

cmd_start_node() {
  local k="$1"
  [[ "$k" =~ ^[0-9]+$ ]] || die "usage: $0 start-node K"
  start_engine "$k"
  wait_engine "$k"
  node_host "$k"
}

stop_engine() { # stop_engine K — SIGTERM, then SIGKILL
  local k="$1" pid i
  pid_alive "$(node_pid "$k")" || return 0
  pid="$(cat "$(node_pid "$k")" 2>/dev/null)" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do pid_alive "$(node_pid "$k")" || return 0; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
}

unmount_under() { # unmount_under DIR — what a stopped engine left mounted below DIR (deepest first)
  local mount
  awk -v dir="$1" '$2 == dir || index($2, dir "/") == 1 { print $2 }' /proc/mounts | sort -r | while read -r mount; do
    umount -l "$mount" 2>/dev/null || true
  done
}

cmd_down() {
  local n k ns
  n="$(node_count)"
  for ((k = n; k >= 1; k--)); do
    answers "$k" || { pid_alive "$(node_pid "$k")" || { start_engine "$k"; wait_engine "$k"; }; }
    # leaving the swarm removes its tasks' containers; then stopping stops what is left
    d "$k" swarm leave --force >/dev/null 2>&1 || true
    for id in $(d "$k" ps -aq 2>/dev/null); do d "$k" rm -f "$id" >/dev/null 2>&1 || true; done
  done
  for ((k = n; k >= 1; k--)); do stop_engine "$k"; clean_stale "$k"; done
  for ((k = 1; k <= n; k++)); do
    unmount_under "$LIB/node$k"
    unmount_under "$RUN/node$k"
    ns="$(netns "$k")"
    ip link del "osw$k" 2>/dev/null || true
    [[ -e "/var/run/netns/$ns" ]] && ip netns del "$ns"
    rm -rf "$LIB/node$k" "$LIB/node$k.json" "$RUN/node$k" "$RUN/node$k.sock" "$RUN/node$k.pid" || log "could not remove all of node$k's files"
  done
  ip link del "$BRIDGE" 2>/dev/null || true
  if iptables -C FORWARD -j ORCH-SWARM 2>/dev/null; then
    iptables -D FORWARD -j ORCH-SWARM
    iptables -F ORCH-SWARM && iptables -X ORCH-SWARM
  fi
  log "swarm stopped (the default engine is left running)"
}

cmd_status() {
  local n k
  n="$(node_count)"
  for ((k = 1; k <= n; k++)); do
    if answers "$k"; then echo "node$k $(node_host "$k") up $(swarm_state "$k")"; else echo "node$k $(node_host "$k") down"; fi
  done
  answers 1 && d 1 node ls >&2 || true
}

case "${1:-}" in
  up) cmd_up "${2:-3}" ;;
  endpoint) node_host 1 ;;
  node-endpoint) node_host "${2:?usage: $0 node-endpoint K}" ;;
  stop-node) cmd_stop_node "${2:-}" ;;
  start-node) cmd_start_node "${2:-}" ;;
  status) cmd_status ;;
  down) cmd_down ;;
  *) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
