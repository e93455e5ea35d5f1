#!/usr/bin/env bash
# Makes the RSA key pair that signs and verifies Gatepost's sign-in tokens, and the EC P-256
# key that signs household passes and check-in codes.
# Usage: deploy/generate-keys.sh /etc/gatepost
# Then set MP_JWT_VERIFY_PUBLICKEY_LOCATION=<dir>/public.pem,
# SMALLRYE_JWT_SIGN_KEY_LOCATION=<dir>/private.pem and
# GATEPOST_PASSES_SIGNING_KEY=<dir>/pass-signing.pem. Keep the private keys readable by the service only.
# Rotating the pass key: keep the old pass-signing.pub.pem (renamed), list it in
# GATEPOST_PASSES_PREVIOUS_KEYS, and run this with PASS_KEY_ONLY=1 to make a new pass key only.
set -euo pipefail
dir=${1:?usage: $0 DIRECTORY}
mkdir -p "$dir"
umask 077
if [ -z "${PASS_KEY_ONLY:-}" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem"
  openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
  chmod 644 "$dir/public.pem"
  echo "Wrote $dir/private.pem and $dir/public.pem"
fi
# The pass key: PKCS#8 private key, followed by its public key (which the JDK cannot derive).
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/pass-signing.pem"
openssl pkey -in "$dir/pass-signing.pem" -pubout -out "$dir/pass-signing.pub.pem"
cat "$dir/pass-signing.pub.pem" >> "$dir/pass-signing.pem"
chmod 644 "$dir/pass-signing.pub.pem"
echo "Wrote $dir/pass-signing.pem and $dir/pass-signing.pub.pem"
