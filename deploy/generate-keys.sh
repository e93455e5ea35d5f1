#!/usr/bin/env bash
# Makes the RSA key pair that signs and verifies Gatepost's sign-in tokens.
# Usage: deploy/generate-keys.sh /etc/gatepost
# Then set MP_JWT_VERIFY_PUBLICKEY_LOCATION=<dir>/public.pem and
# SMALLRYE_JWT_SIGN_KEY_LOCATION=<dir>/private.pem. Keep private.pem readable by the service only.
set -euo pipefail
dir=${1:?usage: $0 DIRECTORY}
mkdir -p "$dir"
umask 077
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem"
openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
chmod 644 "$dir/public.pem"
echo "Wrote $dir/private.pem and $dir/public.pem"
