#!/usr/bin/env bash
# eng/engine.sh — make sure local Docker engines are running for the tests.
#
#   bash eng/engine.sh up            default engine (unix:///var/run/docker.sock);
#                                    installs docker.io + busybox-static and
#                                    starts dockerd if nothing answers (root only)
#   bash eng/engine.sh nodes N       default engine plus extra engines node2..nodeN,
#                                    each with its own data/exec root, socket,
#                                    bridge and address pool; prints one endpoint
#                                    per line on stdout (default engine first)
#   bash eng/engine.sh stop-node K   kill -9 the dockerd of node K (failure tests)
#   bash eng/engine.sh start-node K  start node K again
#   bash eng/engine.sh tls           print the client certificate directory
#                                    (cert.pem, key.pem, ca.pem) for the extra
#                                    engines' TLS endpoints
#   bash eng/engine.sh status        show which engines answer
#   bash eng/engine.sh down          stop the extra engines started here (never
#                                    the default one)
#
# Progress goes to stderr; engine logs go to $ENGINE_STATE_DIR (default
# /tmp/orchestration-engines). Every subcommand is safe to re-run.
set -euo pipefail

STATE_DIR="${ENGINE_STATE_DIR:-/tmp/orchestration-engines}"
NODE_LIB=/var/lib/orchestration-engines # data roots of the extra engines
NODE_RUN=/var/run/orchestration-engines # exec roots of the extra engines
DEFAULT_SOCK=/var/run/docker.sock
DEFAULT_PID=/var/run/docker.pid
WAIT_SECONDS=60

log() { echo "engine: $*" >&2; }
die() { log "$*"; exit 1; }

# Per-node names. Node K uses 10.(200+K).0.0/16: the bridge gets .255.1/24 and
# networks created on that engine come from .0.0/17 — disjoint from docker0
# (172.17/16), from the default engine's pools (172.17-31/16, 192.168/16) and
# from every other node.
#
# Extra engines run with --iptables=false: a dockerd that manages iptables
# flushes the shared DOCKER chains at start-up, which would drop the port and
# isolation rules of the default engine (and of the other nodes) every time a
# node starts. Published ports on the nodes still work through docker-proxy;
# the ORCH-NODES chain below lets their bridged traffic past FORWARD's DROP
# policy. Networks on the nodes are therefore not isolated from each other.
#
# Nodes also start with live-restore on and switch it off once up (SIGHUP):
# dockerd 20.10 deletes the host's docker0 when it restarts with custom address
# pools unless live-restore is on. Consequence: containers still running after
# stop-node are adopted, not killed, by start-node; down stops them normally.
NODE_RANGE=10.192.0.0/10 # covers 10.202.x (node2) .. 10.250.x (node50)
node_sock()   { echo "/var/run/orchestration-node$1.sock"; }
node_pid()    { echo "/var/run/orchestration-node$1.pid"; }
node_bridge() { echo "orchnode$1"; }

# Every extra engine also listens on tcp://127.0.0.1:(2380+K) with TLS and
# client-certificate verification (--tlsverify), so the TLS path of the Docker
# runtime is tested against a real engine. One CA signs the server certificate
# (for 127.0.0.1 and localhost) and one client certificate; they are made once
# with openssl and kept under $STATE_DIR/tls.
TLS_DIR="$STATE_DIR/tls"
node_tls_port() { echo $((2380 + $1)); }

ensure_tls() {
  [[ -s "$TLS_DIR/client/key.pem" ]] && return 0
  command -v openssl >/dev/null || apt_install openssl
  log "making TLS certificates in $TLS_DIR"
  local d="$TLS_DIR"
  rm -rf "$d" && mkdir -p "$d/client"
  openssl req -x509 -new -nodes -newkey rsa:2048 -days 3650 -subj "/CN=orchestration test CA" \
    -keyout "$d/ca-key.pem" -out "$d/ca.pem" 2>/dev/null
  openssl req -new -nodes -newkey rsa:2048 -subj "/CN=localhost" -keyout "$d/server-key.pem" -out "$d/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >"$d/server.ext"
  openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca-key.pem" -CAcreateserial -days 3650 \
    -extfile "$d/server.ext" -out "$d/server-cert.pem" 2>/dev/null
  openssl req -new -nodes -newkey rsa:2048 -subj "/CN=orchestration client" -keyout "$d/client/key.pem" -out "$d/client.csr" 2>/dev/null
  printf 'extendedKeyUsage=clientAuth\n' >"$d/client.ext"
  openssl x509 -req -in "$d/client.csr" -CA "$d/ca.pem" -CAkey "$d/ca-key.pem" -CAcreateserial -days 3650 \
    -extfile "$d/client.ext" -out "$d/client/cert.pem" 2>/dev/null
  cp "$d/ca.pem" "$d/client/ca.pem"
  chmod 600 "$d"/*-key.pem "$d/client/key.pem"
}

answers() { # answers [docker-host] — does an engine answer there?
  if [[ -n "${1:-}" ]]; then
    timeout 10 docker -H "$1" version --format '{{.Server.Version}}' >/dev/null 2>&1
  else
    timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
  fi
}

is_root() { [[ $EUID -eq 0 ]]; }

running() { # running <pid> <name> — is process <pid> alive and called <name>?
  local stat
  [[ "$1" =~ ^[0-9]+$ && "$(cat "/proc/$1/comm" 2>/dev/null)" == "$2" ]] || return 1
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != Z ]] # a killed but unreaped process is gone too
}

pid_alive() { # pid_alive <pidfile> — is the dockerd named in the pidfile running?
  [[ -s "$1" ]] && running "$(cat "$1")" dockerd
}

clean_stale_pidfile() { # clean_stale_pidfile <pidfile> <exec-root>
  # dockerd refuses to start while an old pid file exists
  if [[ -e "$1" ]] && ! pid_alive "$1"; then
    log "removing stale pid file $1"
    rm -f "$1"
  fi
  # The containerd of a killed dockerd lingers (or lingers as a zombie), and
  # the next dockerd would try to reuse it and time out: stop it, or drop its
  # pid file. Containers keep running in their shims either way.
  local pid ppid i
  pid="$(cat "$2/containerd/containerd.pid" 2>/dev/null)" || return 0
  running "$pid" containerd || { rm -f "$2/containerd/containerd.pid"; return 0; }
  ppid="$(cut -d' ' -f4 "/proc/$pid/stat")"
  running "$ppid" dockerd && return 0
  log "stopping containerd (pid $pid) left behind by a killed dockerd"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 20; i++)); do running "$pid" containerd || break; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$2/containerd/containerd.pid"
}

apt_updated=""
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [[ -z "$apt_updated" ]]; then apt-get update -qq; apt_updated=1; fi
  log "installing $*"
  apt-get install -y -qq "$@" >/dev/null
}

ensure_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  { [[ -x /bin/busybox ]] && ! ldd /bin/busybox >/dev/null 2>&1; } || missing+=(busybox-static)
  command -v ip >/dev/null || missing+=(iproute2)
  if ((${#missing[@]})); then
    command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get to install them"
    apt_install "${missing[@]}"
  fi
}

wait_for() { # wait_for <name> <docker-host> <pidfile> <log>
  local i
  for ((i = 0; i < WAIT_SECONDS; i++)); do
    answers "$2" && return 0
    # give a starting dockerd a few seconds to write its pid file
    if ((i > 5)) && ! pid_alive "$3"; then break; fi
    sleep 1
  done
  log "$1 did not answer on $2 within ${WAIT_SECONDS}s; last lines of $4:"
  tail -n 25 "$4" >&2 || true
  exit 1
}

launch() { # launch <log> <dockerd args...> — start dockerd detached from this shell
  local logfile="$1"; shift
  mkdir -p "$STATE_DIR"
  echo "--- $(date -u +%FT%TZ) dockerd $*" >>"$logfile"
  setsid nohup dockerd "$@" </dev/null >>"$logfile" 2>&1 &
}

cmd_up() {
  answers && return 0
  if [[ -n "${DOCKER_HOST:-}" ]]; then
    die "DOCKER_HOST=$DOCKER_HOST does not answer; start that engine or unset DOCKER_HOST"
  fi
  if ! is_root; then
    log "no Docker engine answers on unix://$DEFAULT_SOCK."
    command -v dockerd >/dev/null || log "  missing: dockerd  -> sudo apt-get install -y docker.io"
    { [[ -x /bin/busybox ]] && ! ldd /bin/busybox >/dev/null 2>&1; } ||
      log "  missing: static busybox  -> sudo apt-get install -y busybox-static"
    if [[ -S "$DEFAULT_SOCK" ]]; then
      log "  $DEFAULT_SOCK exists but is not usable by $(id -un): sudo usermod -aG docker $(id -un) (then log in again), or start the engine as root"
    fi
    die "starting the engine needs root: sudo bash $0 up"
  fi
  ensure_packages
  command -v dockerd >/dev/null || die "dockerd is still not on PATH after installing docker.io"
  clean_stale_pidfile "$DEFAULT_PID" /var/run/docker
  if [[ -d /run/systemd/system ]] && systemctl cat docker.service >/dev/null 2>&1; then
    log "starting docker.service"
    systemctl start docker.service || true
  elif ! pid_alive "$DEFAULT_PID"; then
    log "starting dockerd (log: $STATE_DIR/default.log)"
    launch "$STATE_DIR/default.log" --pidfile "$DEFAULT_PID" -H "unix://$DEFAULT_SOCK"
  fi
  wait_for "default engine" "unix://$DEFAULT_SOCK" "$DEFAULT_PID" "$STATE_DIR/default.log"
  log "default engine is up"
}

check_node() { # check_node K
  if ! [[ "$1" =~ ^[0-9]+$ ]] || (($1 < 2 || $1 > 50)); then die "node number must be 2..50 (got '$1')"; fi
}

start_node() { # start_node K — start node K unless it already answers (does not wait)
  local k="$1" bridge sock pidfile cfg
  bridge="$(node_bridge "$k")" sock="$(node_sock "$k")" pidfile="$(node_pid "$k")"
  answers "unix://$sock" && return 0
  is_root || die "starting node$k needs root: sudo bash $0 start-node $k"
  if pid_alive "$pidfile"; then return 0; fi # still starting up
  clean_stale_pidfile "$pidfile" "$NODE_RUN/node$k"
  if ! ip link show "$bridge" >/dev/null 2>&1; then
    ip link add name "$bridge" type bridge
  fi
  ip addr replace "10.$((200 + k)).255.1/24" dev "$bridge"
  ip link set "$bridge" up
  allow_node_traffic
  ensure_tls
  # a config file of its own, so /etc/docker/daemon.json cannot clash
  mkdir -p "$NODE_LIB/node$k" "$NODE_RUN/node$k"
  cfg="$NODE_LIB/node$k.json"
  echo '{"live-restore": true}' >"$cfg"
  log "starting node$k on unix://$sock (log: $STATE_DIR/node$k.log)"
  launch "$STATE_DIR/node$k.log" \
    --config-file "$cfg" \
    --data-root "$NODE_LIB/node$k" \
    --exec-root "$NODE_RUN/node$k" \
    --pidfile "$pidfile" \
    -H "unix://$sock" \
    -H "tcp://127.0.0.1:$(node_tls_port "$k")" \
    --tlsverify --tlscacert "$TLS_DIR/ca.pem" --tlscert "$TLS_DIR/server-cert.pem" --tlskey "$TLS_DIR/server-key.pem" \
    --bridge "$bridge" \
    --default-address-pool "base=10.$((200 + k)).0.0/17,size=24" \
    --containerd-namespace "orchnode$k" \
    --containerd-plugins-namespace "orchnode$k-plugins" \
    --iptables=false
}

allow_node_traffic() { # FORWARD rules for node networks (see NODE_RANGE above)
  iptables -N ORCH-NODES 2>/dev/null || true
  iptables -F ORCH-NODES
  iptables -A ORCH-NODES -s "$NODE_RANGE" -j ACCEPT
  iptables -A ORCH-NODES -d "$NODE_RANGE" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
  iptables -C FORWARD -j ORCH-NODES 2>/dev/null || iptables -A FORWARD -j ORCH-NODES
}

wait_node() { # wait_node K — wait until node K answers, then turn live-restore off
  wait_for "node$1" "unix://$(node_sock "$1")" "$(node_pid "$1")" "$STATE_DIR/node$1.log"
  if grep -q true "$NODE_LIB/node$1.json" 2>/dev/null; then
    echo '{"live-restore": false}' >"$NODE_LIB/node$1.json"
    kill -HUP "$(cat "$(node_pid "$1")")"
    local i
    for ((i = 0; i < 20; i++)); do
      [[ "$(docker -H "unix://$(node_sock "$1")" info --format '{{.LiveRestoreEnabled}}' 2>/dev/null)" == false ]] && break
      sleep 0.5
    done
  fi
}

cmd_nodes() {
  local n="${1:-}" k
  if ! [[ "$n" =~ ^[0-9]+$ ]] || ((n < 1 || n > 50)); then die "usage: $0 nodes N   (N = 1..50)"; fi
  cmd_up
  for ((k = 2; k <= n; k++)); do start_node "$k"; done
  for ((k = 2; k <= n; k++)); do wait_node "$k"; done
  echo "${DOCKER_HOST:-unix://$DEFAULT_SOCK}"
  for ((k = 2; k <= n; k++)); do echo "unix://$(node_sock "$k")"; done
}

cmd_stop_node() {
  local k="$1" pidfile
  check_node "$k"
  pidfile="$(node_pid "$k")"
  if pid_alive "$pidfile"; then
    log "killing node$k (dockerd pid $(cat "$pidfile"))"
    kill -9 "$(cat "$pidfile")"
  else
    log "node$k is not running"
  fi
}

cmd_start_node() {
  check_node "$1"
  start_node "$1"
  wait_node "$1"
  echo "unix://$(node_sock "$1")"
}

stop_gracefully() { # stop_gracefully K — SIGTERM, then SIGKILL after 30 s
  local k="$1" pidfile pid i
  pidfile="$(node_pid "$k")"
  pid="$(cat "$pidfile")"
  log "stopping node$k (dockerd pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 30; i++)); do pid_alive "$pidfile" || break; sleep 1; done
  if pid_alive "$pidfile"; then kill -9 "$pid" 2>/dev/null || true; sleep 1; fi
}

cmd_down() {
  local dir pidfile k link
  for dir in "$NODE_RUN"/node*; do # every node ever started here has an exec root
    k="${dir##*/node}"
    [[ "$k" =~ ^[0-9]+$ ]] || continue
    pidfile="$(node_pid "$k")"
    # ("[/]" keeps grep from matching its own command line)
    if ! pid_alive "$pidfile" && grep -qsa -- "[/]${NODE_RUN#/}/node$k/" /proc/[0-9]*/cmdline; then
      # killed by stop-node, but its containers still run: start the node
      # once so that a normal shutdown stops them.
      start_node "$k"
      wait_node "$k"
    fi
    pid_alive "$pidfile" && stop_gracefully "$k"
    rm -f "$pidfile" "$(node_sock "$k")"
    # bridges of the node's networks (docker re-creates them on the next start)
    for link in $(ip -o -4 addr show | awk -v net="10.$((200 + k))." 'index($4, net) == 1 { print $2 }'); do
      ip link del "$link" 2>/dev/null || true
    done
  done
  if iptables -C FORWARD -j ORCH-NODES 2>/dev/null; then
    iptables -D FORWARD -j ORCH-NODES
    iptables -F ORCH-NODES && iptables -X ORCH-NODES
  fi
  log "extra engines stopped (the default engine is left running)"
}

cmd_status() {
  local sock k
  if answers; then echo "default ${DOCKER_HOST:-unix://$DEFAULT_SOCK} up"; else echo "default ${DOCKER_HOST:-unix://$DEFAULT_SOCK} down"; fi
  for sock in /var/run/orchestration-node*.sock; do
    [[ -e "$sock" ]] || continue
    k="${sock#/var/run/orchestration-node}" k="${k%.sock}"
    if answers "unix://$sock"; then echo "node$k unix://$sock up"; else echo "node$k unix://$sock down"; fi
  done
}

case "${1:-}" in
  up) cmd_up ;;
  nodes) cmd_nodes "${2:-}" ;;
  stop-node) cmd_stop_node "${2:-}" ;;
  start-node) cmd_start_node "${2:-}" ;;
  down) cmd_down ;;
  tls) ensure_tls; echo "$TLS_DIR/client" ;;
  status) cmd_status ;;
  *) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
