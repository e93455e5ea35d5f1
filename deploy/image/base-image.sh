#!/usr/bin/env bash
# Makes the container image's base: Debian bookworm (minbase) with Debian's own Java 17 runtime
# and CA certificates, packed as a `docker save`-format tar that Jib takes as `tar://...`.
# Nothing comes from Docker Hub: only Debian's package archive is needed. Needs root
# (debootstrap) and takes a few minutes; the tar is cached, so later builds reuse it.
#
# Usage: deploy/image/base-image.sh [OUTPUT_TAR]   (default deploy/.cache/base-bookworm-jre17.tar)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-deploy/.cache/base-bookworm-jre17.tar}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
if [ -s "$out" ]; then
  echo "base image: $out (cached)"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "needs debootstrap (apt-get install debootstrap), as root" >&2; exit 1; }
work=$(mktemp -d /tmp/gatepost-base.XXXXXX)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
  bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
# What a runtime image does not need: package caches, documentation, manuals, other locales.
rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* \
  "$root"/usr/share/info/* "$root"/var/log/* "$root"/tmp/* "$root"/dev/*
find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} + 2>/dev/null || true
# The application's user (uid 10001, no shell, no home of use): the image never runs as root.
echo 'gatepost:x:10001:10001:Gatepost:/nonexistent:/usr/sbin/nologin' >>"$root/etc/passwd"
echo 'gatepost:x:10001:' >>"$root/etc/group"
# One layer, reproducible: sorted names, fixed times, numeric owners.
mkdir -p "$work/image"
tar --sort=name --mtime='2024-01-01 00:00:00Z' --numeric-owner -C "$root" -cf "$work/image/layer.tar" .
diff_id=sha256:$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
java_home=$(dirname "$(dirname "$(readlink -f "$root/usr/bin/java" | sed "s#^$root##")")")
cat >"$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"2024-01-01T00:00:00Z","created_by":"deploy/image/base-image.sh: debootstrap bookworm minbase + openjdk-17-jre-headless"}]}
JSON
config_id=$(sha256sum "$work/image/config.json" | cut -d' ' -f1)
mv "$work/image/config.json" "$work/image/$config_id.json"
echo "[{\"Config\":\"$config_id.json\",\"RepoTags\":[\"gatepost-base:bookworm-jre17\"],\"Layers\":[\"layer.tar\"]}]" >"$work/image/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work/image" -cf "$out.partial" manifest.json "$config_id.json" layer.tar
mv "$out.partial" "$out"
echo "base image: $out ($(du -h "$out" | cut -f1))"
