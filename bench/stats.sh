#!/usr/bin/env bash
# Statistics benchmark: fills PostgreSQL (127.0.0.1:5432) with ENTRIES entries over 30 days
# across 300 checkpoints, in SQL, then measures p50/p95 latency over HTTP of a county
# summary, a county daily series split by township and a village hourly series, and in the
# same run the same figures computed by a plain GROUP BY over the raw entries. Prints ratios.
#
#   bench/stats.sh                       # 10 million entries (the load takes some minutes)
#   ENTRIES=1000000 bench/stats.sh       # a quicker look
#   LOAD_ONLY=1 bench/stats.sh           # only load the data set (bench/dashboard.sh measures on it)
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-gatepost_stats}
ENTRIES=${ENTRIES:-10000000}
DURATION=${DURATION:-15}
ZONE=${ZONE:-Asia/Shanghai}
source bench/lib.sh

if [ -n "${LOAD_ONLY:-}" ]; then require psql openssl java; else require wrk psql pgbench openssl java; fi
build_if_needed
fresh_database "$DB"
start_app "$DB"

echo "== a county of 20 townships x 5 villages x 3 checkpoints = 300 checkpoints"
psql -q -d "$DB" -v ON_ERROR_STOP=1 <<'SQL'
INSERT INTO place (id, kind, name, parent_id) VALUES ('00000000-0000-4000-8000-00000000c001', 'COUNTY', '慶元縣', NULL);
INSERT INTO place (id, kind, name, parent_id)
SELECT gen_random_uuid(), 'TOWNSHIP', '鄉鎮' || t, '00000000-0000-4000-8000-00000000c001' FROM generate_series(1, 20) t;
INSERT INTO place (id, kind, name, parent_id)
SELECT gen_random_uuid(), 'VILLAGE', t.name || '村' || v, t.id FROM place t, generate_series(1, 5) v WHERE t.kind = 'TOWNSHIP';
INSERT INTO place (id, kind, name, parent_id)
SELECT gen_random_uuid(), 'CHECKPOINT', v.name || '卡口' || c, v.id FROM place v, generate_series(1, 3) c WHERE v.kind = 'VILLAGE';
INSERT INTO account (id, name, phone, password_hash, role, place_id)
SELECT gen_random_uuid(), '志願者' || row_number() OVER (), '1370000' || lpad((row_number() OVER ())::text, 4, '0'),
       'not-a-password', 'VOLUNTEER', v.id
FROM place v WHERE v.kind = 'VILLAGE';
INSERT INTO account (id, name, phone, password_hash, role, place_id)
VALUES ('00000000-0000-4000-8000-00000000c0ff', '縣幹部', '13799999999', 'not-a-password', 'OFFICIAL',
        '00000000-0000-4000-8000-00000000c001');
CREATE TABLE bench_checkpoint AS
SELECT row_number() OVER (ORDER BY c.id) - 1 AS n, c.id, c.parent_id AS village, a.id AS recorder
FROM place c JOIN account a ON a.place_id = c.parent_id AND a.role = 'VOLUNTEER'
WHERE c.kind = 'CHECKPOINT';
SQL

echo "== $ENTRIES entries over the last 30 days, in SQL"
load_started=$(date +%s)
chunk=1000000
for ((done_ = 0; done_ < ENTRIES; done_ += chunk)); do
  n=$(( ENTRIES - done_ < chunk ? ENTRIES - done_ : chunk ))
  psql -q -d "$DB" -v ON_ERROR_STOP=1 -v n="$n" -v zone="$ZONE" <<'SQL'
-- Benchmark data only: skip the foreign-key triggers while loading generated rows.
SET session_replication_role = replica;
INSERT INTO entry (id, checkpoint_id, village_id, occurred_at, occurred_offset, received_at, direction, resident,
                   party_size, health_code, health_code_read, temperature, fever, decision, recorded_by)
SELECT gen_random_uuid(), c.id, c.village, r.at, 28800, r.at, r.direction, r.resident, r.party, r.code, 'SCANNED',
       r.temperature, r.temperature >= 37.3,
       CASE WHEN r.code IN ('RED', 'YELLOW') OR r.temperature >= 37.3 THEN (CASE WHEN random() < 0.5 THEN 'REFUSED' ELSE 'REFERRED' END)
            WHEN r.code IN ('NO_PHONE', 'UNREADABLE') AND random() < 0.5 THEN 'REFUSED'
            ELSE 'ADMITTED' END,
       c.recorder
FROM (SELECT g,
             now() - random() * interval '30 days' AS at,
             CASE WHEN random() < 0.5 THEN 'IN' ELSE 'OUT' END AS direction,
             random() < 0.8 AS resident,
             1 + floor(random() * random() * 4)::int AS party,
             (ARRAY['GREEN','GREEN','GREEN','GREEN','GREEN','GREEN','GREEN','GREEN','GREEN','GREEN','GREEN','GREEN',
                    'GREEN','GREEN','GREEN','GREEN','GREEN','YELLOW','RED','NO_PHONE','PAPER_PASS','UNREADABLE'])[1 + floor(random() * 22)::int] AS code,
             round((35.8 + random() * random() * 2.2)::numeric, 1) AS temperature
      FROM generate_series(1, :n) g) r
JOIN bench_checkpoint c ON c.n = r.g % 300;
SQL
  echo "   $(( done_ + n )) entries ($(( $(date +%s) - load_started )) s)"
done
psql -q -d "$DB" -v ON_ERROR_STOP=1 -v zone="$ZONE" <<'SQL'
INSERT INTO entry_hourly (checkpoint_id, hour, entries, persons, entries_in, entries_out, admitted, refused, referred,
                          green, yellow, red, no_phone, unreadable, paper_pass, fevers)
SELECT checkpoint_id, date_trunc('hour', occurred_at, :'zone'), count(*), sum(party_size),
       count(*) FILTER (WHERE direction = 'IN'), count(*) FILTER (WHERE direction = 'OUT'),
       count(*) FILTER (WHERE decision = 'ADMITTED'), count(*) FILTER (WHERE decision = 'REFUSED'),
       count(*) FILTER (WHERE decision = 'REFERRED'), count(*) FILTER (WHERE health_code = 'GREEN'),
       count(*) FILTER (WHERE health_code = 'YELLOW'), count(*) FILTER (WHERE health_code = 'RED'),
       count(*) FILTER (WHERE health_code = 'NO_PHONE'), count(*) FILTER (WHERE health_code = 'UNREADABLE'),
       count(*) FILTER (WHERE health_code = 'PAPER_PASS'), count(*) FILTER (WHERE fever)
FROM entry WHERE voided_at IS NULL GROUP BY 1, 2;
INSERT INTO entry_daily (checkpoint_id, day, entries, persons, entries_in, entries_out, admitted, refused, referred,
                         green, yellow, red, no_phone, unreadable, paper_pass, fevers)
SELECT checkpoint_id, CAST(hour AT TIME ZONE :'zone' AS date), sum(entries), sum(persons), sum(entries_in),
       sum(entries_out), sum(admitted), sum(refused), sum(referred), sum(green), sum(yellow), sum(red), sum(no_phone),
       sum(unreadable), sum(paper_pass), sum(fevers)
FROM entry_hourly GROUP BY 1, 2;
VACUUM ANALYZE;
SQL
echo "   loaded and counted in $(( $(date +%s) - load_started )) s"
[ -n "${LOAD_ONLY:-}" ] && exit 0

COUNTY=00000000-0000-4000-8000-00000000c001
VILLAGE=$(psql -At -d "$DB" -c "SELECT id FROM place WHERE kind = 'VILLAGE' ORDER BY name LIMIT 1")
TOKEN=$(token 00000000-0000-4000-8000-00000000c0ff OFFICIAL)
FROM=$(TZ=$ZONE date -d '30 days ago' +%F)
TO=$(TZ=$ZONE date -d tomorrow +%F)


cat > "$OUT/stats.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
function done(summary, latency, requests)
  io.write(string.format("RESULT p50_ms=%.2f p95_ms=%.2f requests=%d non2xx=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.requests, summary.errors.status))
end
LUA
http() { wrk -t1 -c1 -d"${DURATION}s" -s "$OUT/stats.lua" "http://localhost:$PORT$1" | grep RESULT; }

# raw NAME SQL: the same figure by GROUP BY over raw entries, timed by pgbench (one connection).
raw() {
  printf '%s\n' "$2" > "$OUT/raw-$1.sql"
  rm -f "$OUT"/pgbench_log.*
  (cd "$OUT" && pgbench -n -c1 -T "$DURATION" -f "raw-$1.sql" --log --log-prefix=pgbench_log "$DB" >/dev/null)
  cut -d' ' -f3 "$OUT"/pgbench_log.* | sort -n | awk '{ v[NR] = $1 } END {
    printf "RESULT p50_ms=%.2f p95_ms=%.2f runs=%d\n", v[int((NR + 1) * 0.5)] / 1000, v[int(NR * 0.95 + 0.999)] / 1000, NR }'
}

RAW_TOP="FROM entry e JOIN place c ON c.id = e.checkpoint_id JOIN place top ON c.path <@ top.path"
RAW_RANGE="e.occurred_at >= '$FROM'::date::timestamp AT TIME ZONE '$ZONE' AND e.occurred_at < '$TO'::date::timestamp AT TIME ZONE '$ZONE' AND e.voided_at IS NULL"

echo "== warming up"
http "/api/v1/stats/summary?placeId=$COUNTY&from=$FROM&to=$TO" >/dev/null
http "/api/v1/stats/series?placeId=$COUNTY&from=$FROM&to=$TO&bucket=day&split=children" >/dev/null

echo "== measuring, $DURATION s each, one request at a time"
s_api=$(http "/api/v1/stats/summary?placeId=$COUNTY&from=$FROM&to=$TO")
s_raw=$(raw summary "SELECT count(*), sum(party_size), count(*) FILTER (WHERE direction = 'IN'), count(*) FILTER (WHERE direction = 'OUT'), count(*) FILTER (WHERE decision = 'ADMITTED'), count(*) FILTER (WHERE decision = 'REFUSED'), count(*) FILTER (WHERE decision = 'REFERRED'), count(*) FILTER (WHERE health_code = 'GREEN'), count(*) FILTER (WHERE health_code = 'YELLOW'), count(*) FILTER (WHERE health_code = 'RED'), count(*) FILTER (WHERE health_code = 'NO_PHONE'), count(*) FILTER (WHERE health_code = 'UNREADABLE'), count(*) FILTER (WHERE health_code = 'PAPER_PASS'), count(*) FILTER (WHERE fever) $RAW_TOP WHERE top.id = '$COUNTY' AND $RAW_RANGE;")
d_api=$(http "/api/v1/stats/series?placeId=$COUNTY&from=$FROM&to=$TO&bucket=day&split=children")
d_raw=$(raw daily "SELECT subpath(c.path, 0, 2), date_trunc('day', e.occurred_at, '$ZONE'), count(*), sum(party_size), count(*) FILTER (WHERE decision = 'ADMITTED'), count(*) FILTER (WHERE decision = 'REFUSED'), count(*) FILTER (WHERE decision = 'REFERRED'), count(*) FILTER (WHERE fever) $RAW_TOP WHERE top.id = '$COUNTY' AND $RAW_RANGE GROUP BY 1, 2;")
h_api=$(http "/api/v1/stats/series?placeId=$VILLAGE&from=$FROM&to=$TO&bucket=hour")
h_raw=$(raw hourly "SELECT date_trunc('hour', e.occurred_at, '$ZONE'), count(*), sum(party_size), count(*) FILTER (WHERE decision = 'ADMITTED'), count(*) FILTER (WHERE decision = 'REFUSED'), count(*) FILTER (WHERE decision = 'REFERRED'), count(*) FILTER (WHERE fever) $RAW_TOP WHERE top.id = '$VILLAGE' AND $RAW_RANGE GROUP BY 1;")

api_entries=$(curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/v1/stats/summary?placeId=$COUNTY&from=$FROM&to=$TO" | sed -n 's/.*"entries":\([0-9]*\).*/\1/p')
raw_entries=$(psql -At -d "$DB" -c "SELECT count(*) $RAW_TOP WHERE top.id = '$COUNTY' AND $RAW_RANGE")

echo
printf '%-44s %9s %9s %9s %9s %8s\n' "figure" "API p50" "API p95" "raw p50" "raw p95" "p95 x"
row() {
  printf '%-44s %9s %9s %9s %9s %8.1f\n' "$1" "$(echo "$2" | value p50_ms)" "$(echo "$2" | value p95_ms)" \
    "$(echo "$3" | value p50_ms)" "$(echo "$3" | value p95_ms)" \
    "$(awk -v r="$(echo "$3" | value p95_ms)" -v a="$(echo "$2" | value p95_ms)" 'BEGIN { print r / a }')"
}
row "county summary, 30 days" "$s_api" "$s_raw"
row "county daily series by township, 30 days" "$d_api" "$d_raw"
row "village hourly series, 30 days" "$h_api" "$h_raw"
echo
echo "(ms; 'p95 x' = raw GROUP BY p95 / API p95; targets: API p95 < 100 ms and >= 10x faster)"
echo "county entries: API $api_entries, raw GROUP BY $raw_entries"
echo "HTTP errors: $(echo "$s_api $d_api $h_api" | grep -o 'non2xx=[0-9]*' | tr '\n' ' ')"
