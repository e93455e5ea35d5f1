#!/usr/bin/env bash
# Makes the files deploy/compose.yaml hands to its containers as secrets, in deploy/secrets/
# (a 0700 folder; gitignored). Existing files are kept: the phone-hash secret and the keys must
# stay the same for the life of the installation.
#   token-private.pem, token-public.pem, pass-signing-key.pem   keys (deploy/generate-keys.sh)
#   db-password                                                 the database password
#   gatepost.properties                                         the application's secret settings
# The files are 0644 inside the 0700 folder: a bind-mounted secret keeps the host's mode and owner,
# and the containers' users (10001, postgres) are not the host's; the folder keeps others out on the host.
set -euo pipefail
cd "$(dirname "$0")"
umask 077
mkdir -p secrets && chmod 700 secrets
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
./generate-keys.sh "$tmp" >/dev/null
[ -f secrets/token-private.pem ] || cp "$tmp/private.pem" secrets/token-private.pem
[ -f secrets/token-public.pem ] || cp "$tmp/public.pem" secrets/token-public.pem
[ -f secrets/pass-signing-key.pem ] || cp "$tmp/pass-signing-key.pem" secrets/pass-signing-key.pem
[ -f secrets/db-password ] || openssl rand -hex 24 | tr -d '\n' > secrets/db-password
if [ ! -f secrets/gatepost.properties ]; then
  {
    echo "quarkus.datasource.password=$(cat secrets/db-password)"
    echo "gatepost.phone-hash-secret=$(openssl rand -hex 32)"
  } > secrets/gatepost.properties
fi
chmod 644 secrets/*
echo "deploy/secrets/ is ready; start with: docker compose -f deploy/compose.yaml up -d"
