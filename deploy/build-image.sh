#!/usr/bin/env bash
# Builds Gatepost's container image without a Docker engine, into target/gatepost-image.tar
# (docker-save format: `docker load -i` or `podman load -i` it, or push it with skopeo/crane).
#   1. the base: Debian bookworm + openjdk-17-jre-headless, made from Debian's packages
#      (deploy/image/base-image.sh; needs root and debootstrap; cached in deploy/.cache/)
#   2. the application: Quarkus' fast-jar, put in layers on that base by Jib (./mvnw jib:buildTar)
# Usage: deploy/build-image.sh   (as root: apt-get install debootstrap is done if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v debootstrap >/dev/null && [ ! -s deploy/.cache/base-bookworm-jre17.tar ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi
deploy/image/base-image.sh
if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests
fi
./mvnw -B -q jib:buildTar
echo "image: target/gatepost-image.tar (gatepost:$(./mvnw -q help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null || echo latest))"
