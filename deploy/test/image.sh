#!/usr/bin/env bash
# Checks the container image (target/gatepost-image.tar, from deploy/build-image.sh):
#   - its configuration: entrypoint, non-root user, exposed port 8080, no secrets in its environment;
#   - its file tree: the fast-jar in /deployments, no key or secret files anywhere;
#   - that it starts and answers /q/health/ready against the local PostgreSQL, as user 10001 with a
#     read-only root file system: with podman (Debian's, vfs storage, runc) where it runs; otherwise
#     the unpacked file tree is run with chroot as the image's user (the script says which).
set -euo pipefail
cd "$(dirname "$0")/../.."
image=target/gatepost-image.tar
[ -f "$image" ] || { echo "build it first: deploy/build-image.sh" >&2; exit 1; }
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
port=${IMAGE_PORT:-18290}
work=$(mktemp -d /tmp/gatepost-image.XXXXXX)
container=
cleanup() {
  [ -n "$container" ] && podman_ rm -f -t 5 "$container" >/dev/null 2>&1
  [ -n "${loaded:-}" ] && podman_ rmi -f "$loaded" >/dev/null 2>&1
  [ -n "${chrooted:-}" ] && kill "$chrooted" 2>/dev/null
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
podman_() { podman --storage-driver vfs --runtime runc "$@"; }

echo "== configuration"
tar -C "$work" -xf "$image"
python3 - "$work" <<'PY'
import json, sys, re
work = sys.argv[1]
manifest = json.load(open(f"{work}/manifest.json"))[0]
config = json.load(open(f"{work}/{manifest['Config']}"))["config"]
def check(ok, what):
    if not ok:
        sys.exit(f"FAIL: {what}: {json.dumps(config)}")
check(config["Entrypoint"][0] == "java" and config["Entrypoint"][-2:] == ["-jar", "/deployments/quarkus-run.jar"], "entrypoint")
check(config["User"] == "10001:10001", "user")
check(list(config["ExposedPorts"]) == ["8080/tcp"], "exposed port")
check(not any(re.search(r"PASSWORD|SECRET|KEY|TOKEN|JDBC_URL", e.split("=")[0]) for e in config.get("Env", [])), "a secret in Env")
print(f"   entrypoint {' '.join(config['Entrypoint'])}; user {config['User']}; port 8080; {len(manifest['Layers'])} layers")
PY
mkdir "$work/root"
for layer in $(python3 -c "import json,sys; print(' '.join(json.load(open(sys.argv[1]))[0]['Layers']))" "$work/manifest.json"); do
  tar -C "$work/root" -xzf "$work/$layer" 2>/dev/null
done
[ -f "$work/root/deployments/quarkus-run.jar" ] && [ -d "$work/root/deployments/lib/main" ] || fail "no fast-jar in /deployments"
[ -x "$work/root/usr/lib/jvm/java-17-openjdk-amd64/bin/java" ] || fail "no Java 17"
grep -q '^gatepost:x:10001:' "$work/root/etc/passwd" || fail "no user 10001"
secrets=$(find "$work/root" -xdev \( -name '*.pem' -o -name '*.key' -o -name '*.env' -o -name 'application.properties' \) \
  ! -path '*/etc/ssl/*' ! -path '*/usr/lib/ssl/*' ! -path '*/usr/share/ca-certificates/*' ! -path '*/etc/ca-certificates/*' -print)
[ -z "$secrets" ] || fail "files that look like secrets: $secrets"
echo "   /deployments holds the fast-jar; Java 17; user gatepost (10001); no key or secret files"

echo "== start against the local PostgreSQL"
database=gatepost_image
psql -h "$PGHOST" -p "$PGPORT" -U postgres -qc "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database" 2>&1 | grep -v NOTICE || true
mkdir "$work/keys"
deploy/generate-keys.sh "$work/keys" >/dev/null 2>&1
chmod 755 "$work/keys"; chmod 644 "$work/keys"/*.pem
settings=(QUARKUS_HTTP_PORT=$port
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PGHOST:$PGPORT/$database QUARKUS_DATASOURCE_USERNAME=postgres
  MP_JWT_VERIFY_PUBLICKEY_LOCATION=/keys/public.pem SMALLRYE_JWT_SIGN_KEY_LOCATION=/keys/private.pem
  GATEPOST_PASSES_SIGNING_KEY=/keys/pass-signing-key.pem
  GATEPOST_PHONE_HASH_SECRET=image-check-secret-0123456789)
runtime=
if [ "${IMAGE_RUNTIME:-podman}" = podman ] && command -v podman >/dev/null && podman_ load -q -i "$image" >/dev/null 2>&1; then
  envs=(); for s in "${settings[@]}"; do envs+=(-e "$s"); done
  if container=$(podman_ run -d --network host --read-only --tmpfs /tmp --ulimit nofile=4096:4096 \
      --ulimit nproc=4096:4096 -v "$work/keys:/keys:ro" "${envs[@]}" "gatepost:$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[0]['RepoTags'][0].split(':')[1])" "$work/manifest.json")" 2>"$work/podman.err"); then
    runtime="podman (vfs storage, runc), read-only root file system"
    loaded="gatepost:$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[0]['RepoTags'][0].split(':')[1])" "$work/manifest.json")"
  else
    container=; echo "   podman cannot run containers here: $(tail -1 "$work/podman.err")"
  fi
fi
if [ -z "$runtime" ]; then
  # Device nodes of its own (never a bind mount of the host's /dev, which a clean-up could reach).
  mkdir -p "$work/root/keys" "$work/root/proc" "$work/root/tmp" "$work/root/dev"
  for node in null:1:3 zero:1:5 random:1:8 urandom:1:9; do
    IFS=: read -r name major minor <<<"$node"; mknod -m 666 "$work/root/dev/$name" c "$major" "$minor"
  done
  cp "$work/keys"/*.pem "$work/root/keys/"; chmod 1777 "$work/root/tmp"
  mount -t proc proc "$work/root/proc"
  trap 'kill ${chrooted:-} 2>/dev/null; sleep 2; umount -l "$work/root/proc"; rm -rf --one-file-system "$work"' EXIT
  env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "${settings[@]}" \
    /usr/sbin/chroot --userspec=10001:10001 "$work/root" /bin/sh -c 'cd /deployments && exec java -jar /deployments/quarkus-run.jar' \
    >"$work/chroot.log" 2>&1 &
  chrooted=$!
  runtime="chroot of the unpacked image as user 10001 (no container runtime works here)"
fi
for _ in $(seq 90); do
  if curl -sf "localhost:$port/q/health/ready" | grep -q '"status": "UP"'; then
    curl -sf "localhost:$port/q/health/live" >/dev/null || fail "not live"
    if [ -n "$container" ]; then # compose.yaml's health check, inside the image (it has no curl)
      podman_ exec "$container" bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && printf 'GET /q/health/ready HTTP/1.0\r\n\r\n' >&3 && grep -q '\"UP\"' <&3" \
        || fail "compose.yaml's health check command does not work in the image"
    fi
    echo "OK: the image answers /q/health/ready and /q/health/live; ran with $runtime"
    exit 0
  fi
  sleep 1
done
if [ -n "$container" ]; then podman_ logs "$container" 2>&1 | tail -20 || true; fi
if [ -f "$work/chroot.log" ]; then tail -20 "$work/chroot.log"; fi
fail "not ready after 90 s ($runtime)"
