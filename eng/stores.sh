#!/usr/bin/env bash
# eng/stores.sh — install and start the lease stores the leader-election tests use: Redis and PostgreSQL, from
# Debian's packages.
#
#   bash eng/stores.sh      installs redis-server and postgresql when missing (root only), starts a Redis on port
#                           6391 and a PostgreSQL cluster "orchestration" on port 5441 (user and database
#                           "orchestration", password "orchestration", local only), and waits until both answer
#
# Safe to re-run: what is installed or running is left as it is.
set -euo pipefail

REDIS_PORT="${ORCHESTRATION_REDIS_PORT:-6391}"
PG_PORT="${ORCHESTRATION_POSTGRES_PORT:-5441}"
PG_VERSION=""

log() { echo "stores: $*" >&2; }

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
if ((${#missing[@]} > 0)); then
  if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null; then
    log "missing ${missing[*]}; fix: sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Redis: a private instance, no persistence.
if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  log "starting redis on port $REDIS_PORT"
  mkdir -p /var/lib/orchestration-redis
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir /var/lib/orchestration-redis --logfile /var/lib/orchestration-redis/redis.log
fi

# PostgreSQL: a cluster of its own, so the machine's default cluster is left alone.
PG_VERSION="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h 2>/dev/null | awk '{print $2}' | grep -qx orchestration; then
  log "creating postgresql cluster 'orchestration' ($PG_VERSION) on port $PG_PORT"
  pg_createcluster "$PG_VERSION" orchestration --port "$PG_PORT" >/dev/null
fi
if ! pg_lsclusters -h | awk '$2 == "orchestration" {print $4}' | grep -qx online; then
  log "starting postgresql cluster 'orchestration'"
  pg_ctlcluster "$PG_VERSION" orchestration start
fi

for _ in $(seq 1 60); do
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
  sleep 0.5
done
redis-cli -p "$REDIS_PORT" ping >/dev/null || { log "redis on port $REDIS_PORT does not answer"; exit 1; }
pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || { log "postgresql on port $PG_PORT does not answer"; exit 1; }

su postgres -c "psql -q -p $PG_PORT -tc \"SELECT 1 FROM pg_roles WHERE rolname = 'orchestration'\"" | grep -q 1 \
  || su postgres -c "psql -q -p $PG_PORT -c \"CREATE ROLE orchestration LOGIN PASSWORD 'orchestration'\""
su postgres -c "psql -q -p $PG_PORT -tc \"SELECT 1 FROM pg_database WHERE datname = 'orchestration'\"" | grep -q 1 \
  || su postgres -c "psql -q -p $PG_PORT -c \"CREATE DATABASE orchestration OWNER orchestration\""
log "redis 127.0.0.1:$REDIS_PORT, postgresql 127.0.0.1:$PG_PORT ready"
