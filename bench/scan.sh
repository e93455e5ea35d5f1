#!/usr/bin/env bash
# Scanning benchmark: how long a volunteer waits, after the camera sees a household pass,
# for the verified verdict on screen (goal: under 300 ms), in headless Chromium with a fake
# camera, against the production jar. Timed in the page from the moment the frame holding
# the pass is handed to the decoder to the verdict painted; the baseline, measured on the
# same frames in the same run, is decoding alone.
#
#   bench/scan.sh
#   RUNS=100 bench/scan.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-gatepost_scan}
RUNS=${RUNS:-50}
source bench/lib.sh

require psql openssl java curl node
build_if_needed
echo "== compiling the driver (test classes: the fake camera's scene, Playwright)"
./mvnw -q -B test-compile
CLASSPATH_FILE=$OUT/scan-classpath.txt
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
fresh_database "$DB"
start_app "$DB"

VILLAGE=00000000-0000-4000-8000-0000000050a1
VOLUNTEER=00000000-0000-4000-8000-0000000050a2
CADRE=00000000-0000-4000-8000-0000000050a3
psql -q -d "$DB" -v ON_ERROR_STOP=1 <<SQL
INSERT INTO place (id, kind, name, parent_id) VALUES ('00000000-0000-4000-8000-0000000050c1', 'COUNTY', '慶元縣', NULL);
INSERT INTO place (id, kind, name, parent_id) VALUES ('00000000-0000-4000-8000-0000000050c2', 'TOWNSHIP', '松源街道',
  '00000000-0000-4000-8000-0000000050c1');
INSERT INTO place (id, kind, name, parent_id) VALUES ('$VILLAGE', 'VILLAGE', '西演村', '00000000-0000-4000-8000-0000000050c2');
INSERT INTO place (id, kind, name, parent_id) VALUES (gen_random_uuid(), 'CHECKPOINT', '東口', '$VILLAGE');
INSERT INTO account (id, name, phone, password_hash, role, place_id) VALUES
  ('$VOLUNTEER', '志願者', '+8613700000001', 'not-a-password', 'VOLUNTEER', '$VILLAGE'),
  ('$CADRE', '村幹部', '+8613700000002', 'not-a-password', 'CADRE', '$VILLAGE');
SQL

CADRE_TOKEN=$(token $CADRE CADRE)
VOLUNTEER_TOKEN=$(token $VOLUNTEER VOLUNTEER)
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>process.stdout.write(String(JSON.parse(s)$1)))"; }
api() { curl -sf -H "Authorization: Bearer $1" -H 'Content-Type: application/json' "${@:2}"; }
curl -sf -X PUT -H "Authorization: Bearer $CADRE_TOKEN" -H 'Content-Type: application/json' -d '{"outings":1,"days":2}' \
  "localhost:$PORT/api/v1/villages/$VILLAGE/outing-limit" >/dev/null
HOUSEHOLD=$(api "$CADRE_TOKEN" -d '{"label":"12-3","head":"王芳","members":["李偉"]}' "localhost:$PORT/api/v1/villages/$VILLAGE/households" | json .id)
PASS=$(api "$CADRE_TOKEN" -d '{}' "localhost:$PORT/api/v1/households/$HOUSEHOLD/pass" | json .token)
ACCOUNT=$(api "$VOLUNTEER_TOKEN" "localhost:$PORT/api/v1/me")

echo "== $RUNS scans of household 12-3's pass (${#PASS} characters in its QR code)"
java -cp "target/test-classes:$(cat "$CLASSPATH_FILE")" org.gatepost.web.ScanBenchmark \
  "http://localhost:$PORT/" "$VOLUNTEER_TOKEN" "$ACCOUNT" "$PASS" "$RUNS" 2>&1 | grep -v '^\[browser tests\]'
