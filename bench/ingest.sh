#!/usr/bin/env bash
# Ingest benchmark: the single and the batch entry endpoints over HTTP (wrk, several
# connections, across many checkpoints) against plain JDBC inserts of the same rows into the
# same table, in one run, on the PostgreSQL at 127.0.0.1:5432. Prints entries/s, p50/p99
# latency and the ratios.
#
#   bench/ingest.sh                      # defaults below; override with environment variables
#   CONNECTIONS=16 DURATION=30 bench/ingest.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-gatepost_bench}
CONNECTIONS=${CONNECTIONS:-8}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-8}
BATCH=${BATCH:-500}
VILLAGES=${VILLAGES:-20}
CHECKPOINTS_PER_VILLAGE=${CHECKPOINTS_PER_VILLAGE:-5}
export BATCH
source bench/lib.sh

require wrk psql openssl java
build_if_needed
DRIVER=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeArtifactIds=postgresql -Dmdep.outputFile=/dev/stdout)
fresh_database "$DB"
start_app "$DB"

echo "== $VILLAGES villages x $CHECKPOINTS_PER_VILLAGE checkpoints, one volunteer each"
psql -q -d "$DB" -v ON_ERROR_STOP=1 -v villages="$VILLAGES" -v per="$CHECKPOINTS_PER_VILLAGE" <<'SQL'
INSERT INTO place (id, kind, name, parent_id) VALUES
    ('00000000-0000-4000-8000-00000000b001', 'COUNTY', 'bench county', NULL);
INSERT INTO place (id, kind, name, parent_id) VALUES
    ('00000000-0000-4000-8000-00000000b002', 'TOWNSHIP', 'bench township', '00000000-0000-4000-8000-00000000b001');
INSERT INTO place (id, kind, name, parent_id)
SELECT gen_random_uuid(), 'VILLAGE', 'bench village ' || v, '00000000-0000-4000-8000-00000000b002'
FROM generate_series(1, :villages) v;
INSERT INTO place (id, kind, name, parent_id)
SELECT gen_random_uuid(), 'CHECKPOINT', 'bench-' || v.name || ' gate ' || g, v.id
FROM place v, generate_series(1, :per) g WHERE v.kind = 'VILLAGE';
INSERT INTO account (id, name, phone, password_hash, role, place_id)
SELECT gen_random_uuid(), 'bench volunteer ' || row_number() OVER (), '1380000' || lpad((row_number() OVER ())::text, 4, '0'),
       'not-a-password', 'VOLUNTEER', v.id
FROM place v WHERE v.kind = 'VILLAGE';
SQL

: > "$OUT/targets.txt"
psql -At -F ' ' -d "$DB" -c "SELECT a.id, p.id FROM account a JOIN place p ON p.parent_id = a.place_id WHERE a.role = 'VOLUNTEER'" |
while read -r account checkpoint; do
  echo "$(token "$account" VOLUNTEER) $checkpoint" >> "$OUT/targets.txt"
done

stored() { psql -At -d "$DB" -c "SELECT count(*) FROM entry"; }
raw() { java -cp "$DRIVER" bench/RawInserts.java "jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" "$@" | grep RESULT; }
http() { wrk -t2 -c"$CONNECTIONS" -d"${1}s" -s "$2" "http://localhost:$PORT" | grep RESULT; }

echo "== warming up ($WARMUP s each)"
http "$WARMUP" bench/entry-single.lua >/dev/null
http "$WARMUP" bench/entry-batch.lua >/dev/null
raw single "$CONNECTIONS" "$WARMUP" 1 >/dev/null

echo "== measuring, $CONNECTIONS connections, $DURATION s each"
before=$(stored); raw_single=$(raw single "$CONNECTIONS" "$DURATION" 1)
before=$(stored); http_single=$(http "$DURATION" bench/entry-single.lua); single_stored=$(( $(stored) - before ))
before=$(stored); raw_multi=$(raw multi "$CONNECTIONS" "$DURATION" "$BATCH")
before=$(stored); http_batch=$(http "$DURATION" bench/entry-batch.lua); batch_stored=$(( $(stored) - before ))

rs=$(echo "$raw_single" | value rows_per_s); hs=$(echo "$http_single" | value requests_per_s)
rm=$(echo "$raw_multi" | value rows_per_s); hb=$(echo "$http_batch" | value requests_per_s)
hb_entries=$(awk -v r="$hb" -v b="$BATCH" 'BEGIN { printf "%.0f", r * b }')

echo
printf '%-34s %12s %9s %9s\n' "what" "entries/s" "p50 ms" "p99 ms"
printf '%-34s %12.0f %9s %9s\n' "raw JDBC, single-row transactions" "$rs" "$(echo "$raw_single" | value p50_ms)" "$(echo "$raw_single" | value p99_ms)"
printf '%-34s %12.0f %9s %9s\n' "POST /entries" "$hs" "$(echo "$http_single" | value p50_ms)" "$(echo "$http_single" | value p99_ms)"
printf '%-34s %12.0f %9s %9s\n' "raw JDBC, $BATCH-row INSERTs" "$rm" "$(echo "$raw_multi" | value p50_ms)" "$(echo "$raw_multi" | value p99_ms)"
printf '%-34s %12.0f %9s %9s\n' "POST /entries/batch ($BATCH each)" "$hb_entries" "$(echo "$http_batch" | value p50_ms)" "$(echo "$http_batch" | value p99_ms)"
echo
awk -v hs="$hs" -v rs="$rs" -v hb="$hb_entries" -v rm="$rm" 'BEGIN {
  printf "single endpoint / raw single-row: %.2f  (target >= 0.30)\n", hs / rs
  printf "batch endpoint / raw multi-row:   %.2f  (target >= 0.50)\n", hb / rm
}'
echo "stored by the single run: $single_stored rows; by the batch run: $batch_stored rows"
echo "HTTP errors: single $(echo "$http_single" | value non2xx) non-2xx, batch $(echo "$http_batch" | value non2xx) non-2xx"
