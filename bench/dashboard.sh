#!/usr/bin/env bash
# Dashboard benchmark: how long a county official waits for the first figures when opening
# the dashboard of a county with 300 checkpoints and 10 million entries (the data set that
# bench/stats.sh loads), in headless Chromium against the production jar. Measured in the
# page: from the start of navigation to the moment the summary table shows its numbers.
#
#   bench/dashboard.sh                   # loads the data set first if the database lacks it
#   RUNS=20 bench/dashboard.sh
#   ENTRIES=1000000 bench/dashboard.sh   # a quicker look on a smaller data set
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-gatepost_stats}
ENTRIES=${ENTRIES:-10000000}
RUNS=${RUNS:-10}
CHROMIUM=${GATEPOST_CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
source bench/lib.sh

require psql openssl java node curl
[ -n "$CHROMIUM" ] || { echo "Chromium is needed (set GATEPOST_CHROMIUM)" >&2; exit 1; }
have=$(psql -At -d "$DB" -c "SELECT count(*) FROM entry" 2>/dev/null || echo 0)
if [ "${have:-0}" -lt "$ENTRIES" ]; then
  echo "== $DB holds ${have:-0} entries: loading $ENTRIES with bench/stats.sh"
  LOAD_ONLY=1 BENCH_DB=$DB ENTRIES=$ENTRIES bench/stats.sh
fi
build_if_needed
start_app "$DB"

COUNTY=00000000-0000-4000-8000-00000000c001
OFFICIAL=00000000-0000-4000-8000-00000000c0ff
TOKEN=$(token $OFFICIAL OFFICIAL)
ACCOUNT=$(curl -sf -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/v1/me")
echo "== $(psql -At -d "$DB" -c "SELECT count(*) FROM entry") entries, $(psql -At -d "$DB" -c "SELECT count(*) FROM place WHERE kind = 'CHECKPOINT'") checkpoints; $RUNS openings of the county dashboard"
node --experimental-websocket bench/dashboard.mjs "$CHROMIUM" "http://localhost:$PORT" "$TOKEN" "$ACCOUNT" "$COUNTY" "$RUNS" 2>&1 \
  | grep -v ExperimentalWarning | grep -v 'node --trace-warnings'
