#!/usr/bin/env bash
# One computer, no database server: the packaged application started twice on the same data
# folder keeps its data and secrets, makes the secrets owner-only, prints the first
# administrator's password exactly once; without the folder and without a database URL it
# refuses to start. Needs the package: ./mvnw package -DskipTests (run by .ci/run).
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
work=$(mktemp -d /tmp/gatepost-one-computer.XXXXXX)
data=$work/data
port=${ONE_COMPUTER_PORT:-18181}
app=
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; for log in "$work"/*.log; do echo "--- $log" >&2; tail -30 "$log" >&2; done; exit 1; }

start() { # start LOG [ENV...]: the jar on the data folder, until ready
  local log=$1; shift
  env "$@" GATEPOST_DATA_DIR="$data" QUARKUS_HTTP_PORT="$port" \
    java -Xmx512m -jar "$jar" >"$work/$log" 2>&1 </dev/null &
  app=$!
  for _ in $(seq 120); do
    curl -sf "localhost:$port/q/health/ready" >/dev/null && return 0
    kill -0 "$app" 2>/dev/null || fail "the application ended on start ($log)"
    sleep 1
  done
  fail "not ready after 120 s ($log)"
}
stop() { kill "$app"; wait "$app" 2>/dev/null || true; app=; }
login() { # login PASSWORD: prints the token
  curl -sf -H 'Content-Type: application/json' -d "{\"phone\":\"13900000000\",\"password\":\"$1\"}" \
    "localhost:$port/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

echo "== without GATEPOST_DATA_DIR and without a database URL the package refuses to start"
if env -u QUARKUS_DATASOURCE_JDBC_URL java -jar "$jar" >"$work/refused.log" 2>&1 </dev/null; then fail "it started"; fi
grep -q "no database: set quarkus.datasource.jdbc.url" "$work/refused.log" || fail "no clear refusal"

echo "== first start on an empty folder"
start first.log GATEPOST_ADMIN_PHONE=13900000000
password=$(sed -n 's/^ *password: *//p' "$work/first.log")
[ -n "$password" ] || fail "the first administrator's password was not printed"
token=$(login "$password") || fail "the printed password does not sign in"
county=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"kind":"COUNTY","name":"慶元縣"}' "localhost:$port/api/v1/places" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "== backup while running: pg_dump (needs pg_dump 17+)"
if deploy/backup.sh "$data" "$work/backup" >"$work/backup.log" 2>&1; then
  ls "$work/backup"/gatepost-*.dump >/dev/null || fail "no dump"
else
  grep -q "cannot dump PostgreSQL 17" "$work/backup.log" || fail "backup failed: $(cat "$work/backup.log")"
  echo "   (this machine's pg_dump is older than 17: the script said so; the stopped copy is checked below)"
fi
stop

echo "== backup while stopped: a copy of the folder, restorable"
deploy/backup.sh "$data" "$work/backup" >/dev/null
mkdir "$work/restored" && tar -C "$work/restored" -xzf "$work/backup"/gatepost-folder-*.tar.gz
[ -f "$work/restored/postgresql/PG_VERSION" ] && [ -f "$work/restored/secrets/token-private.pem" ] || fail "incomplete copy"

echo "== the folder and its secrets are owner-only"
[ "$(stat -c %a "$data")" = 700 ] || fail "data folder is $(stat -c %a "$data")"
[ "$(stat -c %a "$data/secrets")" = 700 ] || fail "secrets folder is $(stat -c %a "$data/secrets")"
for file in token-private.pem token-public.pem pass-signing-key.pem phone-hash-secret; do
  [ "$(stat -c %a "$data/secrets/$file")" = 600 ] || fail "$file is $(stat -c %a "$data/secrets/$file")"
done
[ ! -e "$data/secrets/first-admin-password" ] || fail "the first password is still on disk"
before=$(sha256sum "$data/secrets/"*)

echo "== second start on the same folder"
start second.log
if grep -q "password:" "$work/second.log"; then fail "the password was printed again"; fi
token=$(login "$password") || fail "the administrator's password no longer signs in"
curl -sf -H "Authorization: Bearer $token" "localhost:$port/api/v1/places/$county" | grep -q '慶元縣' \
  || fail "the county made before the restart is gone"
stop
[ "$before" = "$(sha256sum "$data/secrets/"*)" ] || fail "the secrets changed on restart"
echo "OK: data and secrets survive a restart; secrets 0600 in a 0700 folder; the password was shown once"
