#!/usr/bin/env bash
# Backs up a one-computer installation (GATEPOST_DATA_DIR):
#   while Gatepost runs:  pg_dump of the embedded PostgreSQL (custom format) plus the secrets
#   while it is stopped:  a copy of the whole folder (database files and secrets)
# Usage: deploy/backup.sh DATA_DIR BACKUP_DIR
# The dump needs pg_dump 17 or newer (the embedded server is PostgreSQL 17; the package carries
# no pg_dump): Debian/Ubuntu `apt install postgresql-client-17` from apt.postgresql.org, or set
# PG_DUMP=/path/to/pg_dump. Restore a dump into a fresh folder's database with pg_restore --clean,
# and put secrets/ back: without it repeat visitors are no longer recognised and everyone signs in again.
set -euo pipefail
data=${1:?usage: $0 DATA_DIR BACKUP_DIR}
out=${2:?usage: $0 DATA_DIR BACKUP_DIR}
pg_dump=${PG_DUMP:-pg_dump}
stamp=$(date +%Y%m%d-%H%M%S)
umask 077
mkdir -p "$out"
pid_file=$data/postgresql/postmaster.pid
if [ -f "$pid_file" ] && kill -0 "$(head -1 "$pid_file")" 2>/dev/null; then
  port=$(sed -n 4p "$pid_file")
  major=$("$pg_dump" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')
  if [ "$major" -lt 17 ]; then
    echo "pg_dump $major cannot dump PostgreSQL 17: install postgresql-client-17 or set PG_DUMP," >&2
    echo "or stop Gatepost and run this again for a copy of the folder" >&2
    exit 1
  fi
  "$pg_dump" -h 127.0.0.1 -p "$port" -U postgres -Fc -f "$out/gatepost-$stamp.dump" postgres
  tar -C "$data" -cf "$out/gatepost-secrets-$stamp.tar" secrets
  echo "wrote $out/gatepost-$stamp.dump and $out/gatepost-secrets-$stamp.tar"
else
  tar -C "$data" -czf "$out/gatepost-folder-$stamp.tar.gz" .
  echo "Gatepost is stopped: wrote a copy of the whole folder, $out/gatepost-folder-$stamp.tar.gz"
fi
