#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests that need a real one.
#
#   .ci/postgres.sh start   starts it in a fresh folder and prints the
#                           connection string (postgresql://...)
#   .ci/postgres.sh stop    stops it and deletes the folder
#
# Uses Debian's postgresql 15 (installed when missing). PostgreSQL refuses to
# run as root, so as root the server runs as the `postgres` user.
# POSTGRES_TEST_PORT picks the port (default 5439); the folder is
# ${POSTGRES_TEST_DIR:-/tmp/architecture-docs-postgres}.
set -euo pipefail

PORT="${POSTGRES_TEST_PORT:-5439}"
DIR="${POSTGRES_TEST_DIR:-/tmp/architecture-docs-postgres}"
BIN=/usr/lib/postgresql/15/bin

if [ "$(id -u)" = 0 ]; then
  as_owner() { runuser -u postgres -- "$@"; }
  SUDO=
else
  as_owner() { "$@"; }
  SUDO=sudo
fi

case "${1:-}" in
  start)
    if [ ! -x "$BIN/initdb" ]; then
      $SUDO apt-get update >&2
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends postgresql-15 >&2
    fi
    if [ -f "$DIR/data/postmaster.pid" ]; then
      as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 >"$DIR/initdb.log" 2>&1 || {
      cat "$DIR/initdb.log" >&2
      exit 1
    }
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
    echo "postgresql://postgres@127.0.0.1:$PORT"
    ;;
  stop)
    if [ -f "$DIR/data/postmaster.pid" ]; then
      as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
