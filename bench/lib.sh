# Shared by the benchmarks: a fresh database, the production jar started against it with
# keys of its own, and tokens signed with that key. Source it from a benchmark script.

PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
PORT=${BENCH_PORT:-18080}
OUT=${BENCH_OUT:-bench/out}   # two runs side by side need one each (and BENCH_PORT, BENCH_DB)
export PGHOST PGPORT PGUSER

require() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool is needed (see bench/README.md)" >&2; exit 1; }
  done
}

build_if_needed() {
  mkdir -p "$OUT"
  if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
    echo "== building the application"
    ./mvnw -q -B package -DskipTests
  fi
}

# fresh_database NAME: drops and creates it.
fresh_database() {
  echo "== fresh database $1"
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" 2>&1 | grep -v NOTICE || true
}

# start_app DATABASE: the production jar on $PORT, migrating the database; stopped on exit.
# APP_JAR runs another build (e.g. a copy of an earlier commit's target/quarkus-app) to compare.
start_app() {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/private.pem" 2>/dev/null
  openssl pkey -in "$OUT/private.pem" -pubout -out "$OUT/public.pem"
  # The household passes' signing key (EC P-256, PKCS#8 as OpenSSL writes it: the public point inside).
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$OUT/pass-signing-key.pem"
  echo "== starting Gatepost on port $PORT"
  QUARKUS_HTTP_PORT=$PORT \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$1" QUARKUS_DATASOURCE_USERNAME=$PGUSER \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$OUT/public.pem" SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/$OUT/private.pem" \
  GATEPOST_PASSES_SIGNING_KEY="$PWD/$OUT/pass-signing-key.pem" \
  GATEPOST_PHONE_HASH_SECRET=bench-secret-0123456789 QUARKUS_LOG_LEVEL=WARN \
    java -Xmx1g ${APP_JAVA_OPTS:-} -jar "${APP_JAR:-target/quarkus-app/quarkus-run.jar}" > "$OUT/app.log" 2>&1 &
  APP=$!
  # "|| true" on both: errexit holds inside the trap, and a script that stopped the app itself
  # (bench/authpath.sh, to drop its database) would otherwise end with kill's failure, status 1.
  trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
  for _ in $(seq 60); do
    curl -sf "localhost:$PORT/q/health/ready" >/dev/null && return 0
    sleep 1
  done
  echo "Gatepost did not start; see $OUT/app.log" >&2
  exit 1
}

b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# token ACCOUNT_ID ROLE: an 8-hour token signed with the benchmark's key, as sign-in would issue.
token() {
  local now header payload signature
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64)
  payload=$(printf '{"iss":"https://gatepost.local","sub":"%s","upn":"%s","groups":["%s"],"iat":%d,"exp":%d}' \
    "$1" "$1" "$2" "$now" $((now + 8 * 3600)) | b64)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$OUT/private.pem" -binary | b64)
  echo "$header.$payload.$signature"
}

# value NAME: reads NAME=number from a RESULT line on stdin.
value() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" | head -1; }
