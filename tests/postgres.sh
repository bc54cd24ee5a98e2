#!/usr/bin/env bash
# A PostgreSQL server of our own for the tests, the cluster profile and the benchmark: Debian's
# PostgreSQL (installed if missing), a data directory of ours, listening on 127.0.0.1 only, on a
# port of ours, trusting loopback connections. PostgreSQL refuses to run as root, so as root the
# server runs as the "postgres" user that Debian's package creates.
#
#   tests/postgres.sh start <data-dir> <port>   initialises the directory if empty, starts the
#                                              server, waits until it accepts connections, and
#                                              prints its admin connection string (user postgres)
#   tests/postgres.sh stop <data-dir>          stops it (fast shutdown)
#   tests/postgres.sh restart <data-dir>       stops and starts it again on the same port
set -euo pipefail

command=${1:?usage: tests/postgres.sh start <data-dir> <port> | stop <data-dir> | restart <data-dir>}
data=${2:?the data directory}
data=$(realpath -m "$data")

bin_dir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$found" ]; then
    echo "== installing postgresql (Debian)" >&2
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    found=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$found"
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bin=$(bin_dir)
case "$command" in
  start)
    port=${3:?the port}
    if [ ! -s "$data/PG_VERSION" ]; then
      mkdir -p "$data"
      [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"
      as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
      {
        echo "listen_addresses = '127.0.0.1'"
        echo "unix_socket_directories = ''"
        echo "max_connections = 400"
        echo "fsync = on"
      } >> "$data/postgresql.conf"
    fi
    echo "port = $port" > "$data/port.conf"
    grep -q "include_if_exists = 'port.conf'" "$data/postgresql.conf" || echo "include_if_exists = 'port.conf'" >> "$data/postgresql.conf"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data/port.conf"
    as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null || true
    ;;
  restart)
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 60 restart -l "$data/server.log" >/dev/null
    ;;
  *) echo "unknown command $command" >&2; exit 2 ;;
esac
