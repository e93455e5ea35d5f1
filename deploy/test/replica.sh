#!/usr/bin/env bash
# Dashboards from a streaming replica, against a real one: a hot standby of the local
# PostgreSQL 15 (127.0.0.1:5432) made with pg_basebackup into a temporary folder and started as
# a second cluster on port $REPLICA_PORT. The production jar runs with the replica configured;
# replica.py writes entries, pauses and resumes replay, and stops the replica (see there).
# Everything made here is removed on exit, failed or not: the app, the replica cluster and its
# folder, the database, and the pg_hba line if this script had to add it.
# Needs root, the package (./mvnw package -DskipTests) and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "run as root (it starts a PostgreSQL cluster as the postgres user)" >&2; exit 1; }

export REPLICA_PORT=${REPLICA_PORT:-55433}
export REPLICA_DB=${REPLICA_DB:-gatepost_replica_test}
BIN=/usr/lib/postgresql/15/bin
PSQL=(psql -h 127.0.0.1 -p 5432 -U postgres -v ON_ERROR_STOP=1 -At)
HBA=$("${PSQL[@]}" -d postgres -c "SHOW hba_file")
HBA_LINE="host replication all 127.0.0.1/32 trust # gatepost deploy/test/replica.sh"
export REPLICA_DIR
REPLICA_DIR=$(mktemp -d /tmp/gatepost-replica.XXXXXX)
chown postgres: "$REPLICA_DIR"
chmod 700 "$REPLICA_DIR"
as_postgres() { runuser -u postgres -- "$@"; }

cleanup() {
  local status=$?
  set +e
  if [ "$status" != 0 ] && [ -f "$REPLICA_DIR/replica.log" ]; then
    echo "--- the replica's log (last lines)" >&2
    tail -20 "$REPLICA_DIR/replica.log" >&2
  fi
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  if [ -f "$REPLICA_DIR/data/postmaster.pid" ]; then
    as_postgres "$BIN/pg_ctl" -D "$REPLICA_DIR/data" -m immediate stop >/dev/null
  fi
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $REPLICA_DB WITH (FORCE)" >/dev/null
  if grep -qF "$HBA_LINE" "$HBA"; then
    grep -vF "$HBA_LINE" "$HBA" > "$HBA.tmp" && cat "$HBA.tmp" > "$HBA" && rm -f "$HBA.tmp"
    "${PSQL[@]}" -d postgres -c "SELECT pg_reload_conf()" >/dev/null
  fi
  rm -rf "$REPLICA_DIR"
  exit $status
}
trap cleanup EXIT INT TERM

echo "== replication connections from 127.0.0.1"
if ! psql "host=127.0.0.1 port=5432 user=postgres replication=true dbname=postgres" -Atc "IDENTIFY_SYSTEM" >/dev/null 2>&1; then
  echo "   not allowed: adding '$HBA_LINE' to $HBA for this run"
  echo "$HBA_LINE" >> "$HBA"
  "${PSQL[@]}" -d postgres -c "SELECT pg_reload_conf()" >/dev/null
fi

echo "== the application's database on the primary"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $REPLICA_DB WITH (FORCE)" >/dev/null
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $REPLICA_DB" >/dev/null

echo "== pg_basebackup -R of the primary into $REPLICA_DIR/data"
start=$SECONDS
as_postgres "$BIN/pg_basebackup" -h 127.0.0.1 -p 5432 -U postgres -D "$REPLICA_DIR/data" -R --checkpoint=fast -X stream
echo "   copied in $((SECONDS - start)) s ($(du -sh "$REPLICA_DIR/data" | cut -f1))"
# Debian keeps a cluster's configuration in /etc: the copy has none, so it gets its own.
cat > "$REPLICA_DIR/data/postgresql.conf" <<EOF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$REPLICA_DIR'
hot_standby = on
shared_buffers = 32MB
EOF
# A standby needs at least the primary's limits on these to replay its WAL.
for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
  echo "$setting = $("${PSQL[@]}" -d postgres -c "SHOW $setting")" >> "$REPLICA_DIR/data/postgresql.conf"
done
touch "$REPLICA_DIR/data/pg_ident.conf"
printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' > "$REPLICA_DIR/data/pg_hba.conf"
chown postgres: "$REPLICA_DIR/data/postgresql.conf" "$REPLICA_DIR/data/pg_hba.conf" "$REPLICA_DIR/data/pg_ident.conf"
as_postgres "$BIN/pg_ctl" -D "$REPLICA_DIR/data" -l "$REPLICA_DIR/replica.log" -w start >/dev/null
echo "   standby on port $REPLICA_PORT: in recovery = $(psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -Atc 'SELECT pg_is_in_recovery()')"

python3 -u deploy/test/replica.py
