#!/usr/bin/env bash
# Makes the keys Gatepost signs with: the RSA key pair of sign-in tokens, and the EC P-256 key
# that signs household passes and check-in codes (PKCS#8, followed by its public key, which the
# JDK cannot derive). Existing keys are kept.
# Usage: deploy/generate-keys.sh /etc/gatepost
# Then set MP_JWT_VERIFY_PUBLICKEY_LOCATION=<dir>/public.pem,
# SMALLRYE_JWT_SIGN_KEY_LOCATION=<dir>/private.pem and
# GATEPOST_PASSES_SIGNING_KEY=<dir>/pass-signing-key.pem. Keep the private keys readable by the service only.
# Rotating the pass key: rename the old pass-signing-key.pub.pem, list it in
# GATEPOST_PASSES_PREVIOUS_KEYS, remove pass-signing-key.pem and run this again.
# (One computer with GATEPOST_DATA_DIR makes all of these itself.)
set -euo pipefail
dir=${1:?usage: $0 DIRECTORY}
mkdir -p "$dir"
umask 077
if [ ! -f "$dir/private.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem"
  openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
  chmod 644 "$dir/public.pem"
  echo "Wrote $dir/private.pem and $dir/public.pem"
fi
if [ ! -f "$dir/pass-signing-key.pem" ]; then
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/pass-signing-key.pem"
  openssl pkey -in "$dir/pass-signing-key.pem" -pubout -out "$dir/pass-signing-key.pub.pem"
  cat "$dir/pass-signing-key.pub.pem" >> "$dir/pass-signing-key.pem"
  chmod 644 "$dir/pass-signing-key.pub.pem"
  echo "Wrote $dir/pass-signing-key.pem and $dir/pass-signing-key.pub.pem"
fi
