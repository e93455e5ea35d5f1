#!/usr/bin/env bash
# CPU per request of the signed-in path (issue 11): the application's CPU time (utime + stime
# from /proc/PID/stat) divided by the requests answered, for
#
#   ping     GET /api/v1/ping                   public: what HTTP and JAX-RS cost
#   me       GET /api/v1/me                     bearer token, account check, one read of the account
#   batch-1  POST /api/v1/entries/batch, 1 item bearer token, role check, one insert
#
# against the production jar and a fresh database, after a warm-up long enough for C2. CPU per
# request is far less disturbed by a busy machine than requests/s; both are printed.
#
#   bench/authpath.sh                            # 45 s warm-up, then 20 s each at 2 connections
#   CONNECTIONS=4 DURATION=30 bench/authpath.sh
#   APP_JAR=/tmp/before/quarkus-run.jar BENCH_OUT=bench/out/before BENCH_PORT=18182 BENCH_DB=gatepost_auth_before \
#     bench/authpath.sh & bench/authpath.sh   # two builds side by side, under the same load
#   PROFILE=1 bench/authpath.sh                  # also async-profiler (ctimer), collapsed stacks of
#                                                # each measurement: $BENCH_OUT/profile-NAME.collapsed
#
# PROFILE needs libasyncProfiler.so (ASYNC_PROFILER, by default from the Maven artifact
# tools.profiler:async-profiler:4.2:jar:linux-x64, unpacked to bench/out/async-profiler). The
# profiler runs only during each measurement, so its own cost is inside those figures: compare
# CPU per request from runs without it.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-gatepost_auth}
BENCH_PORT=${BENCH_PORT:-18181}   # not ingest.sh's 18080, so that both can run on one machine
CONNECTIONS=${CONNECTIONS:-2}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-45}
MEASURE=${MEASURE:-ping me batch-1}
source bench/lib.sh

require wrk psql openssl java curl
build_if_needed

if [ -n "${PROFILE:-}" ]; then
  if [ -z "${ASYNC_PROFILER:-}" ]; then
    ASYNC_PROFILER=$OUT/async-profiler/linux-x64/libasyncProfiler.so
    if [ ! -f "$ASYNC_PROFILER" ]; then
      ./mvnw -q -B dependency:get -Dartifact=tools.profiler:async-profiler:4.2:jar:linux-x64
      mkdir -p "$OUT/async-profiler"
      (cd "$OUT/async-profiler" && unzip -o -q ~/.m2/repository/tools/profiler/async-profiler/4.2/async-profiler-4.2-linux-x64.jar)
    fi
  fi
  ASYNC_PROFILER=$(realpath "$ASYNC_PROFILER")
  # jcmd reads key=value as its own arguments: the agent's options go in double quotes.
  # Frames between safepoints too, so that inlined code is attributed where it runs.
  APP_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints ${APP_JAVA_OPTS:-}"
fi

fresh_database "$DB"
start_app "$DB"

# One village of 5 checkpoints with a volunteer, ids as bench/ingest.sh makes them.
psql -q -d "$DB" -v ON_ERROR_STOP=1 <<'SQL'
INSERT INTO place (id, kind, name, parent_id) VALUES
    ('00000000-0000-4000-8000-00000000b001', 'COUNTY', 'bench county', NULL),
    ('00000000-0000-4000-8000-00000000b002', 'TOWNSHIP', 'bench township', '00000000-0000-4000-8000-00000000b001'),
    ('00000000-0000-4000-8000-000000020001', 'VILLAGE', 'bench village 1', '00000000-0000-4000-8000-00000000b002');
INSERT INTO place (id, kind, name, parent_id)
SELECT CAST('00000000-0000-4000-8000-00000001' || lpad(CAST(n AS text), 4, '0') AS uuid), 'CHECKPOINT', 'bench gate ' || n,
       '00000000-0000-4000-8000-000000020001'
FROM generate_series(1, 5) n;
INSERT INTO account (id, name, phone, password_hash, role, place_id) VALUES
    ('00000000-0000-4000-8000-000000030001', 'bench volunteer 1', '+8613800000001', 'not-a-password', 'VOLUNTEER',
     '00000000-0000-4000-8000-000000020001');
SQL
TOKEN=$(token 00000000-0000-4000-8000-000000030001 VOLUNTEER)
: > "$OUT/targets.txt"   # read by entry.lua
for n in 1 2 3 4 5; do printf '%s 00000000-0000-4000-8000-00000001%04d\n' "$TOKEN" "$n" >> "$OUT/targets.txt"; done
curl -sf -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/v1/me" >/dev/null || { echo "GET /me failed" >&2; exit 1; }

ticks() { local f; read -r -a f < "/proc/$1/stat"; echo $(( f[13] + f[14] )); }
# jit_ticks: CPU time of the JIT compiler threads (the JVM's own threads named "C1/C2 CompilerThread"),
# which is in the application's CPU time too: while C2 still compiles, it is not the requests' cost.
jit_ticks() {
  local total=0 task f
  for task in /proc/"$APP"/task/*; do
    [[ "$(cat "$task/comm" 2>/dev/null)" == C[12]\ CompilerThre* ]] || continue
    read -r -a f < "$task/stat" 2>/dev/null || continue
    total=$(( total + f[13] + f[14] ))
  done
  echo "$total"
}
HZ=$(getconf CLK_TCK)

# run NAME SECONDS: wrk against the endpoint NAME stands for; prints its RESULT line
run() {
  local out=$OUT/authpath-wrk-$1.txt
  case $1 in
    ping) GET_PATH=/api/v1/ping wrk -t2 -c"$CONNECTIONS" -d"$2s" -s bench/get.lua "http://localhost:$PORT" > "$out" ;;
    me) GET_PATH=/api/v1/me TOKEN=$TOKEN wrk -t2 -c"$CONNECTIONS" -d"$2s" -s bench/get.lua "http://localhost:$PORT" > "$out" ;;
    batch-1) ENDPOINT=batch BATCH=1 TARGETS=$OUT/targets.txt \
      wrk -t2 -c"$CONNECTIONS" -d"$2s" -s bench/entry.lua "http://localhost:$PORT" > "$out" ;;
    single) ENDPOINT=single TARGETS=$OUT/targets.txt \
      wrk -t2 -c"$CONNECTIONS" -d"$2s" -s bench/entry.lua "http://localhost:$PORT" > "$out" ;;
  esac
  grep RESULT "$out"
}

echo "== warming up: $WARMUP s over $MEASURE"
for name in $MEASURE; do run "$name" $(( WARMUP / $(echo $MEASURE | wc -w) )) >/dev/null; done

echo "== $CONNECTIONS connections, $DURATION s each"
printf '%-8s %10s %12s %12s %10s %8s\n' what req/s app_µs/req jit_µs/req requests non2xx
for name in $MEASURE; do
  [ -z "${PROFILE:-}" ] || jcmd "$APP" JVMTI.agent_load "$ASYNC_PROFILER" '"start,event=ctimer,interval=100us"' >/dev/null
  before=$(ticks "$APP"); jit_before=$(jit_ticks)
  line=$(run "$name" "$DURATION")
  after=$(ticks "$APP"); jit_after=$(jit_ticks)
  [ -z "${PROFILE:-}" ] || jcmd "$APP" JVMTI.agent_load "$ASYNC_PROFILER" "\"stop,collapsed,file=$PWD/$OUT/profile-$name.collapsed\"" >/dev/null
  requests=$(echo "$line" | value requests)
  printf '%-8s %10s %12d %12d %10s %8s\n' "$name" "$(echo "$line" | value per_s)" \
    $(( (after - before) * 1000000 / HZ / requests )) $(( (jit_after - jit_before) * 1000000 / HZ / requests )) \
    "$requests" "$(echo "$line" | value non2xx)"
done
echo "raw output: $OUT/authpath-wrk-*.txt, app.log${PROFILE:+, profile-*.collapsed}"
kill "$APP"; wait "$APP" 2>/dev/null || true
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
