#!/usr/bin/env bash
# Ingest benchmark (issue 11): the entry endpoints over HTTP (wrk) against pgbench on the same
# PostgreSQL (127.0.0.1:5432), in one run, at 4 and at 64 connections:
#
#   pgbench   plain single   single-row INSERT into entry_plain, a plain table of the entry's columns
#   pgbench   plain 500      500-row multi-VALUES INSERT into entry_plain
#   pgbench   app single     the application's own insert statement (read from its class) with 1 row,
#   pgbench   app 500        ... and with 500 rows, against the real schema (keys, indexes, checks; the counts
#                            are folded in afterwards by the application, so only the API figures include that)
#   wrk       POST /entries, POST /entries/batch with 1 item and with 500 items
#
# so that "what the schema costs" (app vs plain) and "what the application adds" (API vs app
# statement) are separate. Prints rows/s, p50/p99 and the ratios, and the application's resident
# memory after the run; raw output goes to bench/out.
#
#   bench/ingest.sh                          # 15 s per measurement, 4 and 64 connections
#   DURATION=30 CONNECTIONS="4 16 64" bench/ingest.sh
#   JFR=1 bench/ingest.sh                    # also records a flight recording of the app (bench/out/app.jfr)
#   ONLY="api-single app-1" bench/ingest.sh  # only these measurements (names as in bench/out/ingest-results.txt)
#   TIMES=hour bench/ingest.sh               # entries at random moments of the last hour with random ids,
#                                            # as before the app's ids were time-ordered (see bench/entry.lua)
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-gatepost_bench}
CONNECTIONS=${CONNECTIONS:-4 64}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
BATCH=${BATCH:-500}
VILLAGES=8            # x 5 checkpoints = 40 checkpoints, one volunteer per village
ZONE=Asia/Shanghai
source bench/lib.sh

require wrk psql pgbench openssl java python3
build_if_needed
fresh_database "$DB"
if [ -n "${JFR:-}" ]; then
  APP_JAVA_OPTS="-XX:+FlightRecorder -XX:StartFlightRecording=filename=$OUT/app.jfr,settings=profile,dumponexit=true"
fi
start_app "$DB"
rm -f "$OUT"/plain-*.sql "$OUT"/app-*.sql "$OUT"/wrk-*.txt "$OUT"/pgbench-*
export BATCH

# Ids follow a pattern so that pgbench can name a checkpoint, its village and its volunteer
# without reading them: checkpoint n (1..40) ...0001000n, village v ...0002000v, volunteer ...0003000v.
echo "== $VILLAGES villages x 5 checkpoints, one volunteer each; entry_plain beside entry"
psql -q -d "$DB" -v ON_ERROR_STOP=1 -v villages="$VILLAGES" <<'SQL'
CREATE FUNCTION pg_temp.bench_id(kind int, n int) RETURNS uuid LANGUAGE sql
    AS 'SELECT CAST(''00000000-0000-4000-8000-0000000'' || kind || lpad(CAST(n AS text), 4, ''0'') AS uuid)';
INSERT INTO place (id, kind, name, parent_id) VALUES
    ('00000000-0000-4000-8000-00000000b001', 'COUNTY', 'bench county', NULL);
INSERT INTO place (id, kind, name, parent_id) VALUES
    ('00000000-0000-4000-8000-00000000b002', 'TOWNSHIP', 'bench township', '00000000-0000-4000-8000-00000000b001');
INSERT INTO place (id, kind, name, parent_id)
SELECT pg_temp.bench_id(2, v), 'VILLAGE', 'bench village ' || v, '00000000-0000-4000-8000-00000000b002'
FROM generate_series(1, :villages) v;
INSERT INTO place (id, kind, name, parent_id)
SELECT pg_temp.bench_id(1, n), 'CHECKPOINT', 'bench gate ' || n, pg_temp.bench_id(2, (n - 1) / 5 + 1)
FROM generate_series(1, :villages * 5) n;
INSERT INTO account (id, name, phone, password_hash, role, place_id)
SELECT pg_temp.bench_id(3, v), 'bench volunteer ' || v, '+861380000' || lpad(CAST(v AS text), 4, '0'),
       'not-a-password', 'VOLUNTEER', pg_temp.bench_id(2, v)
FROM generate_series(1, :villages) v;
-- The entry's columns, without its keys, indexes, checks or counters: what PostgreSQL itself takes.
CREATE TABLE entry_plain (LIKE entry);
SQL

: > "$OUT/targets.txt"
for n in $(seq 1 $((VILLAGES * 5))); do
  v=$(( (n - 1) / 5 + 1 ))
  printf '%s 00000000-0000-4000-8000-00000001%04d\n' "$(token "$(printf '00000000-0000-4000-8000-00000003%04d' $v)" VOLUNTEER)" "$n" >> "$OUT/targets.txt"
done

# ---- pgbench scripts ----
# Shared \set lines: a random checkpoint of the 40, its village and volunteer.
PICK='\set n random(1, '$((VILLAGES * 5))')
\set v (:n - 1) / 5 + 1'
CHECKPOINT="CAST('00000000-0000-4000-8000-00000001' || lpad(CAST(:n AS text), 4, '0') AS uuid)"
VILLAGE="CAST('00000000-0000-4000-8000-00000002' || lpad(CAST(:v AS text), 4, '0') AS uuid)"
RECORDER="CAST('00000000-0000-4000-8000-00000003' || lpad(CAST(:v AS text), 4, '0') AS uuid)"
# One realistic row, as the application writes it (id, times, code, temperature and a content
# digest vary), at checkpoint $1 of village $2 by volunteer $3.
plain_row() {
  echo "(gen_random_uuid(), '$1', '$2', now() - random() * interval '1 hour', 28800, now(),
  CASE WHEN random() < 0.5 THEN 'IN' ELSE 'OUT' END, true, 1 + floor(random() * 4)::int, 'GREEN', 'SCANNED',
  round(CAST(36 + random() AS numeric), 1), false, 'ADMITTED', '$3', sha256(CAST(random()::text AS bytea)), 3$COUNTY_VALUE)"
}
PLAIN_COLUMNS="(id, checkpoint_id, village_id, occurred_at, occurred_offset, received_at, direction, resident, party_size,
  health_code, health_code_read, temperature, fever, decision, recorded_by, content_hash, content_digest_version"
# Entries keep their county since V9 (when the schema has it, the plain table gets it too).
if [ "$(psql -At -d "$DB" -c "SELECT count(*) FROM information_schema.columns WHERE table_name = 'entry' AND column_name = 'county_id'")" = 1 ]; then
  PLAIN_COLUMNS="$PLAIN_COLUMNS, county_id)"; COUNTY_VALUE=", '00000000-0000-4000-8000-00000000b001'"
else
  PLAIN_COLUMNS="$PLAIN_COLUMNS)"; COUNTY_VALUE=""
fi
# One script per checkpoint, with its ids as literals (pgbench picks one at random per
# transaction): a 500-row INSERT would need 1,500 variables, beyond pgbench's 255 parameters.
for n in $(seq 1 $((VILLAGES * 5))); do
  v=$(( (n - 1) / 5 + 1 ))
  row=$(plain_row "$(printf '00000000-0000-4000-8000-00000001%04d' $n)" "$(printf '00000000-0000-4000-8000-00000002%04d' $v)" \
                  "$(printf '00000000-0000-4000-8000-00000003%04d' $v)")
  echo "INSERT INTO entry_plain $PLAIN_COLUMNS VALUES $row;" > "$OUT/plain-1-$n.sql"
  { echo "INSERT INTO entry_plain $PLAIN_COLUMNS VALUES"
    for i in $(seq "$BATCH"); do [ "$i" -gt 1 ] && echo ","; echo "$row"; done; echo ';'; } > "$OUT/plain-$BATCH-$n.sql"
done

# The application's own statement, exactly as the class in the built jar holds it; only its
# parameters are given as SQL, by bench/app_statement.py.
APP_STATEMENT=$(java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" bench/AppStatement.java \
  org.gatepost.entry.EntryRepository INSERT)
export APP_STATEMENT
for rows in 1 "$BATCH"; do
  { echo "$PICK"; python3 bench/app_statement.py "$rows" "$CHECKPOINT" "$VILLAGE" "$RECORDER" \
      00000000-0000-4000-8000-00000000b001 "$ZONE"; } > "$OUT/app-$rows.sql"
done

# ---- measuring ----
RESULTS=$OUT/ingest-results.txt
: > "$RESULTS"
stored() { psql -At -d "$DB" -c "SELECT count(*) FROM $1"; }
percentiles() { # pgbench per-transaction logs (latency in µs, third field) -> "p50_ms p99_ms"
  cat "$@" | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 } END { printf "%.2f %.2f", v[int(NR * 0.5) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000 }'
}
measured() { [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $1 "* ]]; }

# CPU time per row, which a busy machine disturbs far less than rows/s: of the application, of
# PostgreSQL (the postmaster and all its processes, when its data directory can be read here,
# e.g. as root on the same machine) and of the load generator (pgbench or wrk).
HZ=$(getconf CLK_TCK)
POSTMASTER=$(head -1 "$(psql -At -d "$DB" -c "SHOW data_directory")/postmaster.pid" 2>/dev/null || true)
ticks() { # PID [with reaped children]: utime + stime (+ cutime + cstime), in clock ticks
  local f; read -r -a f < "/proc/$1/stat" 2>/dev/null || { echo 0; return; }
  if [ -n "${2:-}" ]; then echo $(( f[13] + f[14] + f[15] + f[16] )); else echo $(( f[13] + f[14] )); fi
}
pg_ticks() {
  [ -n "$POSTMASTER" ] || { echo 0; return; }
  local total; total=$(ticks "$POSTMASTER" children)
  for child in $(pgrep -P "$POSTMASTER"); do total=$(( total + $(ticks "$child") )); done
  echo "$total"
}
# timed FILE COMMAND...: runs it, writing its user + system CPU time in clock ticks to FILE
timed() {
  local file=$1 TIMEFORMAT='%3U %3S'; shift
  { time "$@" ; } 2> "$file.cpu"
  local status=$?
  awk -v hz="$HZ" '{ printf "%d", ($1 + $2) * hz }' "$file.cpu" > "$file"
  return $status
}
pgbench_logged() { local log=$1; shift; pgbench "$@" > "$log" 2>&1; }
wrk_logged() { local log=$1; shift; wrk "$@" > "$log" 2>&1; }
# per_row TICKS ROWS: microseconds per row, or - when unknown
per_row() { if [ "$1" -gt 0 ] && [ "$2" -gt 0 ]; then echo $(( $1 * 1000000 / HZ / $2 )); else echo -; fi; }
# pg NAME SCRIPTS ROWS CONNECTIONS TABLE: SCRIPTS a glob; prepared statements
pg() {
  measured "$1" || return 0
  local scripts=(); for f in $2; do scripts+=(-f "$f"); done
  local log=$OUT/pgbench-$1-$4 before; rm -f "$log".*
  before=$(stored "$5")
  local pg0; pg0=$(pg_ticks)
  timed "$log.client" pgbench_logged "$log.txt" -n -M prepared -c "$4" -j 2 -T "$DURATION" "${scripts[@]}" -l --log-prefix="$log" "$DB" \
    || { grep -v "^ *(gen\\|^ \\|^," "$log.txt" | cut -c1-300; exit 1; }
  sleep 0.5 # the postmaster reaps pgbench's backends, adding their CPU time to its own
  local rows pg1 tps; rows=$(( $(stored "$5") - before )); pg1=$(pg_ticks)
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$log.txt")
  echo "$1 $4 $(awk -v t="$tps" -v r="$3" 'BEGIN { printf "%.0f %.1f", t * r, t }') $(percentiles "$log".[0-9]*) $rows - -" \
       "- $(per_row $(( pg1 - pg0 )) "$rows") $(per_row "$(cat "$log.client")" "$rows")" >> "$RESULTS"
  rm -f "$log".[0-9]*
}
# http NAME ENDPOINT ROWS CONNECTIONS [SECONDS]
http() {
  [ -n "${5:-}" ] || measured "$1" || return 0
  local out=$OUT/wrk-$1-$4.txt before; before=$(stored entry)
  local app0 pg0; app0=$(ticks "$APP"); pg0=$(pg_ticks)
  ENDPOINT=$2 BATCH=$3 TARGETS=$OUT/targets.txt timed "$out.client" wrk_logged "$out" -t2 -c"$4" -d"${5:-$DURATION}s" --timeout 10s -s bench/entry.lua "http://localhost:$PORT"
  local line; line=$(grep RESULT "$out")
  local rps; rps=$(echo "$line" | value per_s)
  if [ -z "${5:-}" ]; then
    local rows app1 pg1; rows=$(( $(stored entry) - before )); app1=$(ticks "$APP"); pg1=$(pg_ticks)
    echo "$1 $4 $(awk -v t="$rps" -v r="$3" 'BEGIN { printf "%.0f %.1f", t * r, t }') $(echo "$line" | value p50_ms) $(echo "$line" | value p99_ms) $rows $(echo "$line" | value non2xx) $(echo "$line" | value errors)" \
         "$(per_row $(( app1 - app0 )) "$rows") $(per_row $(( pg1 - pg0 )) "$rows") $(per_row "$(cat "$out.client")" "$rows")" >> "$RESULTS"
  fi
}

# pgbench's clients, the application's pool (30) and whoever else uses the server must fit.
need=$(( $(echo "$CONNECTIONS" | tr ' ' '\n' | sort -n | tail -1) + 30 ))
free=$(psql -At -d "$DB" -c "SELECT current_setting('max_connections')::int - count(*) FROM pg_stat_activity")
[ "$free" -ge "$need" ] || echo "WARNING: $free free connections on the server, $need needed: raise max_connections or lower CONNECTIONS" >&2

echo "== warming up the application ($WARMUP s per endpoint)"
http warmup single 1 4 "$WARMUP"; http warmup batch "$BATCH" 4 "$WARMUP"; http warmup batch 1 4 "$WARMUP"
psql -q -d "$DB" -c "SELECT pg_stat_statements_reset()" >/dev/null 2>&1 || true

for c in $CONNECTIONS; do
  echo "== $c connections, $DURATION s each"
  pg plain-1 "$OUT/plain-1-*.sql" 1 "$c" entry_plain
  pg app-1 "$OUT/app-1.sql" 1 "$c" entry
  http api-single single 1 "$c"
  http api-batch-1 batch 1 "$c"
  pg "plain-$BATCH" "$OUT/plain-$BATCH-*.sql" "$BATCH" "$c" entry_plain
  pg "app-$BATCH" "$OUT/app-$BATCH.sql" "$BATCH" "$c" entry
  http "api-batch-$BATCH" batch "$BATCH" "$c"
done
RSS_MB=$(( $(ps -o rss= -p "$APP") / 1024 ))

python3 - "$RESULTS" "$BATCH" "$RSS_MB" <<'PY' | tee "$OUT/ingest-report.txt"
import sys
results, batch, rss = sys.argv[1], sys.argv[2], sys.argv[3]
rows = {}
for line in open(results):
    f = line.split()
    rows[(f[0], f[1])] = dict(rows_s=float(f[2]), req_s=float(f[3]), p50=f[4], p99=f[5], stored=int(f[6]),
                              non2xx=f[7] if f[7] != "-" else "", errors=f[8] if f[8] != "-" else "",
                              cpu=f"{f[9]}/{f[10]}/{f[11]}")
names = {"plain-1": "pgbench single-row INSERT, plain table", "app-1": "pgbench app statement, 1 row",
         "api-single": "POST /entries", "api-batch-1": "POST /entries/batch, 1 item",
         f"plain-{batch}": f"pgbench {batch}-row INSERT, plain table", f"app-{batch}": f"pgbench app statement, {batch} rows",
         f"api-batch-{batch}": f"POST /entries/batch, {batch} items"}
baseline = {"app-1": "plain-1", "api-single": "plain-1", "api-batch-1": "plain-1",
            f"app-{batch}": f"plain-{batch}", f"api-batch-{batch}": f"plain-{batch}"}
app_baseline = {"api-single": "app-1", "api-batch-1": "app-1", f"api-batch-{batch}": f"app-{batch}"}
conns = sorted({c for _, c in rows}, key=int)
print()
print(f"{'what':42} {'conn':>4} {'rows/s':>9} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs plain':>8} {'vs app':>7} {'stored':>8} {'CPU µs/row app/pg/client':>25}  errors")
for c in conns:
    for key, label in names.items():
        r = rows.get((key, c))
        if not r:
            continue
        vs_plain = f"{r['rows_s'] / rows[(baseline[key], c)]['rows_s']:.2f}x" if (baseline.get(key), c) in rows else ""
        vs_app = f"{r['rows_s'] / rows[(app_baseline[key], c)]['rows_s']:.2f}x" if (app_baseline.get(key), c) in rows else ""
        errors = f"{r['non2xx']} non-2xx, {r['errors']} socket" if r['non2xx'] != "" else ""
        print(f"{label:42} {c:>4} {r['rows_s']:9.0f} {r['req_s']:9.1f} {r['p50']:>8} {r['p99']:>8} {vs_plain:>8} {vs_app:>7} {r['stored']:8} {r['cpu']:>25}  {errors}")
    print()
for c in conns:
    if ("api-single", c) not in rows or (f"api-batch-{batch}", c) not in rows:
        continue
    s = rows[("api-single", c)]; b = rows[(f"api-batch-{batch}", c)]
    single = s["rows_s"] / rows[("plain-1", c)]["rows_s"]
    many = b["rows_s"] / rows[(f"plain-{batch}", c)]["rows_s"]
    print(f"{c:>3} connections: POST /entries {single:.2f}x pgbench single (goal >= 0.30: {'met' if single >= 0.30 else 'NOT met'}), "
          f"p99 {s['p99']} ms (goal < 20: {'met' if float(s['p99']) < 20 else 'NOT met'}); "
          f"batch of {batch} {many:.2f}x pgbench {batch}-row (goal >= 0.50: {'met' if many >= 0.50 else 'NOT met'})")
print(f"application resident memory after the run: {rss} MB")
PY
echo "raw output: $OUT/ (wrk-*.txt, pgbench-*.txt, ingest-results.txt, app.log${JFR:+, app.jfr})"
