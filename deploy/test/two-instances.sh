#!/usr/bin/env bash
# Two production instances on one fresh database of the local PostgreSQL, started at the same
# moment, under concurrent batch syncs with overlapping ids; one is stopped in the middle and
# restarted. Checks exactly-once entries, exact counts, nothing acknowledged lost, an account
# deactivated at one instance refused at the other as soon as PostgreSQL's notice reaches it
# (and how long that took), and sign-in throttling counted across instances. Needs the package
# (./mvnw package -DskipTests) and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
exec python3 -u deploy/test/two_instances.py "$@"
