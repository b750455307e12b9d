#!/usr/bin/env bash
# A throw-away PostgreSQL + PostGIS server for the tests labelled `postgis`.
#   pg_server.sh start STATE_DIR   initdb in a temporary folder, start on a free port of 127.0.0.1, create the
#                                  roles maillage_admin (superuser) and maillage_reader (read-only, granted per
#                                  schema by the tests), write STATE_DIR/server.env for the tests
#   pg_server.sh stop STATE_DIR    stop the server and remove its folder
# Without PostgreSQL's binaries, `start` writes no server.env and exits 0: the tests then skip.
# As root, initdb refuses to run: the server runs as `nobody`.
set -euo pipefail

action="${1:-}"
state="${2:-}"
[ -n "$action" ] && [ -n "$state" ] || { echo "usage: $0 start|stop STATE_DIR" >&2; exit 2; }
mkdir -p "$state"

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

pg_bin() {
  local d
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null ||
    echo $((20000 + RANDOM % 20000))
}

stop() {
  [ -f "$state/server.dir" ] || return 0
  local dir bin
  dir="$(cat "$state/server.dir")"
  bin="$(pg_bin)" || true
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  rm -f "$state/server.dir" "$state/server.env" "$state/pgpass"
}

start() {
  stop
  local bin
  local version=""
  bin="$(pg_bin)" && version="$(basename "$(dirname "$bin")")"
  if [ -z "$version" ] || [ ! -f "/usr/share/postgresql/$version/extension/postgis.control" ]; then
    echo "pg_server: PostgreSQL or PostGIS not installed (packages postgresql, postgresql-15-postgis-3): postgis tests skip"
    return 0
  fi
  local dir port
  dir="$(mktemp -d /tmp/maillage-pg.XXXXXX)"
  echo "$dir" >"$state/server.dir"
  port="$(free_port)"
  local admin_pw reader_pw
  admin_pw="admin-$RANDOM$RANDOM"
  reader_pw="reader-$RANDOM$RANDOM"
  printf '%s\n' "$admin_pw" >"$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown -R nobody "$dir"
  as_server_user "$bin/initdb" -D "$dir/data" -U maillage_admin --pwfile="$dir/pwfile" -A scram-sha-256 \
    -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  # Sockets in the temporary folder (not /var/run/postgresql, which may not exist); TCP on 127.0.0.1 only.
  as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40" start >/dev/null ||
    { cat "$dir/server.log" >&2; return 1; }
  # The password file the tests (and libpq) use: one line per role.
  local pass="$state/pgpass"
  {
    echo "127.0.0.1:$port:*:maillage_admin:$admin_pw"
    echo "127.0.0.1:$port:*:maillage_reader:$reader_pw"
  } >"$pass"
  chmod 600 "$pass"
  PGPASSFILE="$pass" "$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U maillage_admin -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE maillage" \
    -c "CREATE ROLE maillage_reader LOGIN PASSWORD '$reader_pw'" >/dev/null
  PGPASSFILE="$pass" "$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U maillage_admin -d maillage -v ON_ERROR_STOP=1 \
    -c "CREATE EXTENSION postgis" >/dev/null
  {
    echo "PGHOST=127.0.0.1"
    echo "PGPORT=$port"
    echo "PGDATABASE=maillage"
    echo "PGPASSFILE=$pass"
    echo "MAILLAGE_PG_ADMIN=maillage_admin"
    echo "MAILLAGE_PG_READER=maillage_reader"
    echo "MAILLAGE_PG_BIN=$bin"
  } >"$state/server.env"
  echo "pg_server: PostgreSQL with PostGIS on 127.0.0.1:$port ($dir)"
}

case "$action" in
start) start ;;
stop) stop ;;
*) echo "usage: $0 start|stop STATE_DIR" >&2; exit 2 ;;
esac
