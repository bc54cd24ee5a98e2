#!/usr/bin/env bash
# The cluster profile's PostgreSQL, as a resource of the AppHost: starts the machine's own server
# through tests/postgres.sh (initialising the data directory the first time), makes our role and
# database if missing, then stays in the foreground showing the server's log until the server
# ends. Stopping the AppHost sends this script SIGTERM (or SIGINT), which stops the server.
#
#   cloud/CarteValoise.AppHost/cluster-postgres.sh <data-dir> <port> <role> <database>
set -euo pipefail
data=$(realpath -m "${1:?the data directory}")
port=${2:?the port}
role=${3:?the role}
database=${4:?the database}
root=$(cd "$(dirname "$0")/../.." && pwd)
postgres_sh="$root/tests/postgres.sh"

# As root the server runs as the postgres user, which must reach the data directory.
mkdir -p "$(dirname "$data")"
if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$(dirname "$data")"; then
  echo "L'utilisateur postgres ne peut pas atteindre $(dirname "$data") : placez le dépôt dans un dossier qu'il peut traverser (chmod o+x sur chaque dossier parent)." >&2
  echo "The postgres user cannot reach $(dirname "$data"): put the checkout where it can (o+x on every parent folder)." >&2
  exit 1
fi

# A server left behind by an AppHost that was killed is ours: stop it, then start afresh.
if [ -f "$data/postmaster.pid" ]; then "$postgres_sh" stop "$data" || true; fi
"$postgres_sh" start "$data" "$port" >/dev/null

psql=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql
admin="host=127.0.0.1 port=$port user=postgres dbname=postgres"
# Loopback connections are trusted (tests/postgres.sh): the role needs no password here.
if [ -z "$("$psql" "$admin" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" ]; then
  "$psql" "$admin" -q -v ON_ERROR_STOP=1 -c "CREATE ROLE \"$role\" LOGIN"
fi
if [ -z "$("$psql" "$admin" -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
  "$psql" "$admin" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$database\" OWNER \"$role\""
fi

server=$(head -1 "$data/postmaster.pid")
stopping=0
stop() {
  stopping=1
  "$postgres_sh" stop "$data"
}
trap 'stop' TERM INT HUP
echo "POSTGRES READY port=$port data=$data database=$database role=$role"
# The log until the server ends; `wait` returns at once when a signal comes, to stop it.
tail --pid="$server" -n 20 -F "$data/server.log" &
follower=$!
wait "$follower" || true
if [ "$stopping" -eq 1 ]; then
  wait "$follower" 2>/dev/null || true
  exit 0
fi
echo "Le serveur PostgreSQL s'est arrêté de lui-même (voir $data/server.log). / PostgreSQL stopped by itself." >&2
exit 1
