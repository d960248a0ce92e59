#!/usr/bin/env bash
# The production processes, started one way everywhere: by the systemd units of deploy/, by
# docker-compose.yml, by CI's real-worker test and by `make bench-load`.
#
#   scripts/serve.sh prepare   migrate, load the units, install the beat schedule, collect static files
#   scripts/serve.sh web       gunicorn (deploy/gunicorn.conf.py)
#   scripts/serve.sh worker    a Celery worker (CELERY_CONCURRENCY processes, default 2)
#   scripts/serve.sh beat      Celery beat with the schedule the office edits in the admin
#
# Configuration comes from the environment only (see deploy/linzi-gk.env.example).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BIN="${LINZI_VENV:-$ROOT/.venv}/bin"
[ -x "$BIN/python" ] || BIN="$(dirname "$(command -v python3)")"

case "${1:-}" in
  prepare)
    "$BIN/python" manage.py migrate --noinput -v0
    "$BIN/python" manage.py load_units
    "$BIN/python" manage.py install_schedule
    "$BIN/python" manage.py collectstatic --noinput -v0 ;;
  web)
    exec "$BIN/gunicorn" linzi_gk.wsgi -c deploy/gunicorn.conf.py ;;
  worker)
    exec "$BIN/celery" -A linzi_gk worker -l "${CELERY_LOG_LEVEL:-info}" \
      --concurrency "${CELERY_CONCURRENCY:-2}" -n "worker-$$@%h" --without-gossip --without-mingle ;;
  beat)
    exec "$BIN/celery" -A linzi_gk beat -l "${CELERY_LOG_LEVEL:-info}" \
      --scheduler django_celery_beat.schedulers:DatabaseScheduler --pidfile= ;;
  *) echo "usage: $0 prepare|web|worker|beat" >&2; exit 2 ;;
esac
