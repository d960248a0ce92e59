#!/usr/bin/env bash
# PostgreSQL and Redis from Debian's packages, started on loopback without Docker: the production
# components for CI (`.ci/run`) and for trying the production path on one machine.
#
#   scripts/services.sh start   install if missing, start, create the role and database
#   scripts/services.sh stop-pg | start-pg   stop or start PostgreSQL alone (the fault tests)
#   scripts/services.sh stop-redis | start-redis   the same for Redis
#   scripts/services.sh stop
#   scripts/services.sh env     print the DATABASE_URL and REDIS_URL to export
#
# Settings (environment): LINZI_PG_PORT (5432), LINZI_REDIS_PORT (6379), LINZI_DB (linzi_gk),
# LINZI_DB_USER (linzi), LINZI_DB_PASSWORD (linzi-local).
set -euo pipefail
PG_PORT="${LINZI_PG_PORT:-5432}"
REDIS_PORT="${LINZI_REDIS_PORT:-6379}"
DB="${LINZI_DB:-linzi_gk}"
DB_USER="${LINZI_DB_USER:-linzi}"
DB_PASSWORD="${LINZI_DB_PASSWORD:-linzi-local}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUDO=()
[ "$(id -u)" -eq 0 ] || SUDO=(sudo)
log() { echo "services: $*"; }

install() {
  local missing=()
  command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  # The tools that prove deploy/ and docker-compose.yml in the tests (nginx -t, docker-compose
  # config); nginx is not started (gunicorn is reached directly on loopback).
  command -v nginx >/dev/null || missing+=(nginx-light)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    "${SUDO[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

pg_cluster() { pg_lsclusters --no-header | awk 'NR==1 {print $1, $2}'; }

as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sudo -u postgres sh -c "$*"; fi; }

start_pg() {
  read -r version cluster < <(pg_cluster)
  if [ -z "${version:-}" ]; then
    version="$(ls /usr/lib/postgresql | sort -n | tail -1)"; cluster=main
    "${SUDO[@]}" pg_createcluster "$version" "$cluster" -p "$PG_PORT" >/dev/null
  fi
  # loopback only
  "${SUDO[@]}" pg_conftool "$version" "$cluster" set listen_addresses localhost >/dev/null
  "${SUDO[@]}" pg_conftool "$version" "$cluster" set port "$PG_PORT" >/dev/null
  if ! pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
    log "starting PostgreSQL $version/$cluster on 127.0.0.1:$PG_PORT"
    "${SUDO[@]}" pg_ctlcluster "$version" "$cluster" start
  fi
  as_postgres "psql -p $PG_PORT -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'\"" | grep -q 1 ||
    as_postgres "psql -p $PG_PORT -qc \"CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'\""
  as_postgres "psql -p $PG_PORT -tAc \"SELECT 1 FROM pg_database WHERE datname='$DB'\"" | grep -q 1 ||
    as_postgres "createdb -p $PG_PORT -O $DB_USER $DB"
}

start_redis() {
  if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then return; fi
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  mkdir -p "$ROOT/var/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$ROOT/var/redis" \
    --save "" --appendonly no --pidfile "$ROOT/var/redis/redis.pid" --logfile "$ROOT/var/redis/redis.log"
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
  log "Redis did not start"; exit 1
}

case "${1:-start}" in
  start) install; start_pg; start_redis; log "ready" ;;
  stop)
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    read -r version cluster < <(pg_cluster); [ -n "${version:-}" ] && "${SUDO[@]}" pg_ctlcluster "$version" "$cluster" stop || true ;;
  stop-pg) read -r version cluster < <(pg_cluster); "${SUDO[@]}" pg_ctlcluster "$version" "$cluster" stop -m fast ;;
  start-pg) read -r version cluster < <(pg_cluster); "${SUDO[@]}" pg_ctlcluster "$version" "$cluster" start ;;
  stop-redis) redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 || exit 0; sleep 0.1; done
    log "Redis did not stop"; exit 1 ;;
  start-redis) start_redis ;;
  env)
    echo "export DATABASE_URL=postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/$DB"
    echo "export REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0" ;;
  *) echo "usage: $0 start|stop|stop-pg|start-pg|stop-redis|start-redis|env" >&2; exit 2 ;;
esac
