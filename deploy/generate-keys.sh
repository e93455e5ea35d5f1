#!/usr/bin/env bash
# Makes the keys Gatepost signs with: the RSA key pair of sign-in tokens and the EC P-256 key
# of visitor passes (PKCS#8). Existing keys are kept.
# Usage: deploy/generate-keys.sh /etc/gatepost
# Then set MP_JWT_VERIFY_PUBLICKEY_LOCATION=<dir>/public.pem, SMALLRYE_JWT_SIGN_KEY_LOCATION=<dir>/private.pem
# and GATEPOST_PASSES_SIGNING_KEY=<dir>/pass-signing-key.pem. Keep the private keys readable by the service only.
# (One computer with GATEPOST_DATA_DIR makes all of these itself.)
set -euo pipefail
dir=${1:?usage: $0 DIRECTORY}
mkdir -p "$dir"
umask 077
if [ ! -f "$dir/private.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem"
  openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
  chmod 644 "$dir/public.pem"
fi
if [ ! -f "$dir/pass-signing-key.pem" ]; then
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/pass-signing-key.pem"
fi
echo "Keys in $dir: private.pem, public.pem, pass-signing-key.pem"
