#!/usr/bin/env bash
# The app shell on a cheap phone with a weak signal: Lighthouse (from npm) audits the first
# load of / in its mobile configuration (a mid-range phone on slow 4G, simulated) and this
# prints the performance score and the bytes transferred, against the goals of at least 90
# and at most 200 KB. Lighthouse's throttling is simulated, so the figures do not depend on
# how busy this machine is.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
LIGHTHOUSE=${LIGHTHOUSE:-lighthouse@13.5.0}
RUNS=${RUNS:-3}

require java psql openssl npx node
CHROME_PATH=${CHROME_PATH:-$(command -v chromium || command -v google-chrome || true)}
[ -n "$CHROME_PATH" ] || { echo "Chromium is needed: apt-get install chromium" >&2; exit 1; }
export CHROME_PATH

build_if_needed
fresh_database gatepost_lighthouse
start_app gatepost_lighthouse

for run in $(seq "$RUNS"); do
  echo "== Lighthouse run $run of $RUNS"
  npx --yes "$LIGHTHOUSE" "http://localhost:$PORT/" --quiet --only-categories=performance \
    --form-factor=mobile --screenEmulation.mobile --throttling-method=simulate \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    --output=json --output-path="$OUT/lighthouse-$run.json" >/dev/null
done

node - "$OUT" "$RUNS" <<'JS'
const [out, runs] = process.argv.slice(2);
const reports = Array.from({ length: Number(runs) }, (_, i) => require(`${process.cwd()}/${out}/lighthouse-${i + 1}.json`));
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const score = median(reports.map((r) => Math.round(r.categories.performance.score * 100)));
const bytes = median(reports.map((r) => r.audits['total-byte-weight'].numericValue));
const requests = reports[0].audits['network-requests'].details.items;
const metric = (id) => median(reports.map((r) => r.audits[id].numericValue));
console.log('');
console.log('first load of the app shell (median of %d runs, Lighthouse mobile, simulated slow 4G)', reports.length);
console.log('  performance score      %d   goal >= 90   (%s)', score, score >= 90 ? 'met' : 'NOT met');
console.log('  transferred            %s KB (%d requests)   goal <= 200 KB   ratio to goal %s (%s)',
  (bytes / 1024).toFixed(1), requests.length, (bytes / (200 * 1024)).toFixed(2), bytes <= 200 * 1024 ? 'met' : 'NOT met');
console.log('  first contentful paint %s s, largest contentful paint %s s, total blocking time %s ms',
  (metric('first-contentful-paint') / 1000).toFixed(2), (metric('largest-contentful-paint') / 1000).toFixed(2),
  Math.round(metric('total-blocking-time')));
console.log(`RESULT score=${score} kilobytes=${(bytes / 1024).toFixed(1)}`);
JS
