#!/usr/bin/env bash
# Runs the image built by scripts/image/build.sh the way the Kubernetes manifests run it, with podman (no daemon), and
# checks that it serves: read-only root filesystem, user 185, no capabilities, the Deployment's emptyDir paths as
# tmpfs (podman mounts them noexec: the embedding model's native libraries must come from the image), host networking
# on 127.0.0.1, configuration, ontologies, tools and the API-key file mounted read-only, the ontologies in the layout
# kubelet gives a ConfigMap volume (files behind a swapped `..data` symlink).
# Checks: no shell in the image; the process runs as 185; /q/health/ready is UP; a groundgate-local question is
# answered; /sparql answers; /q/metrics is on the management port only; a new ontology version swapped in through
# `..data` is served without a restart.
#
# Usage: scripts/image/verify.sh [image.oci.tar]      (default target/image/groundgate.oci.tar)
# Needs root; installs podman and runc (Debian packages) when missing. Takes about a minute on 2 idle cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
TARBALL=${1:-$ROOT/target/image/groundgate.oci.tar}
WORK=$ROOT/target/image/verify
[ -f "$TARBALL" ] || { echo "$TARBALL is missing: run scripts/image/build.sh first" >&2; exit 2; }
start=$(date +%s)

missing=()
command -v podman >/dev/null 2>&1 || missing+=(podman)
[ -x /usr/sbin/runc ] || missing+=(runc)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]} (Debian packages)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null
fi

# The settings under which podman runs containers on this kind of host (crun fails on hybrid cgroups; rlimits cannot
# be raised), and a storage of our own under target/.
rm -rf "$WORK" && mkdir -p "$WORK"
cat > "$WORK/containers.conf" <<'EOF'
[containers]
default_ulimits = []
[engine]
cgroup_manager = "cgroupfs"
EOF
export CONTAINERS_CONF=$WORK/containers.conf
podman() { command podman --root "$WORK/storage" --runroot "$WORK/run" --runtime /usr/sbin/runc --storage-driver vfs "$@"; }
NAME=groundgate-verify-$$
cleanup() {
  podman logs "$NAME" > "$WORK/container.log" 2>&1 || true
  podman rm -f "$NAME" >/dev/null 2>&1 || true
  podman rmi -af >/dev/null 2>&1 || true
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
fail() {
  echo "FAILED: $*" >&2
  echo "--- container log (health polls left out; all of it in $WORK/container.log)" >&2
  podman logs "$NAME" 2>&1 | grep -v SRHCK01001 | tail -60 >&2 || true
  exit 1
}

echo "== podman load $TARBALL"
IMAGE=$(podman load -q -i "$TARBALL" | sed -n 's/^Loaded image.*: //p' | tail -1)
[ -n "$IMAGE" ] || fail "podman load printed no image name"
echo "   $IMAGE"

# no shell in the image: the entrypoint is exec form, nothing needs one
if podman run --rm --network host --entrypoint /bin/sh "$IMAGE" -c true >/dev/null 2>&1; then
  fail "the image has a working /bin/sh"
fi
echo "   no /bin/sh in the image"

# --- what the Deployment mounts ----------------------------------------------------------------------------------
PORT=$(free_port); MPORT=$(free_port)
KEY=sk-image-verify-$$-$RANDOM
mkdir -p "$WORK/config" "$WORK/secrets" "$WORK/tools" "$WORK/ontologies"
cat > "$WORK/config/application.properties" <<EOF
quarkus.http.host=127.0.0.1
quarkus.http.port=$PORT
quarkus.management.host=127.0.0.1
quarkus.management.port=$MPORT
groundgate.kg.poll-interval=1s
EOF
printf 'verify  %s  *\n' "$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)" > "$WORK/secrets/api-keys"
cp tools/*.yaml "$WORK/tools/"

# A ConfigMap volume as kubelet writes it: the files live in a timestamped folder, `..data` points at it, and every key
# is a symlink through `..data`. An update writes a new folder and swaps `..data` with one rename.
configmap_version() { # folder name, then source files; shapes/ comes along as the projected items do
  mkdir -p "$WORK/ontologies/$1/shapes"
  cp "${@:2}" "$WORK/ontologies/$1/"
  cp ontologies/shapes/*.ttl "$WORK/ontologies/$1/shapes/"
}
link_keys() {
  for f in "$WORK/ontologies/..data"/*; do
    ln -sfn "..data/$(basename "$f")" "$WORK/ontologies/$(basename "$f")"
  done
}
configmap_version ..2026_01_01_00_00_00.1 ontologies/*.ttl
ln -s ..2026_01_01_00_00_00.1 "$WORK/ontologies/..data"
link_keys
chmod -R a+rX "$WORK/config" "$WORK/tools" "$WORK/ontologies" "$WORK/secrets"

echo "== podman run: read-only root, user 185, tmpfs emptyDirs, host network on 127.0.0.1:$PORT (management :$MPORT)"
podman run -d --name "$NAME" --network host \
  --read-only --read-only-tmpfs=false --user 185:185 --cap-drop ALL --security-opt no-new-privileges \
  --tmpfs /tmp:rw,noexec,nosuid,size=256m --tmpfs /var/cache/groundgate/djl:rw,noexec,nosuid,size=512m \
  -v "$WORK/config:/etc/groundgate/config:ro" \
  -v "$WORK/ontologies:/etc/groundgate/ontologies:ro" \
  -v "$WORK/tools:/etc/groundgate/tools:ro" \
  -v "$WORK/secrets:/etc/groundgate/secrets:ro" \
  -e QUARKUS_CONFIG_LOCATIONS=/etc/groundgate/config/application.properties \
  -e GROUNDGATE_KG_PATHS=/etc/groundgate/ontologies \
  -e GROUNDGATE_KG_SHAPES_PATHS=/etc/groundgate/ontologies/shapes \
  -e GROUNDGATE_TOOLS_DECLARATIVE_PATHS=/etc/groundgate/tools \
  -e GROUNDGATE_SECURITY_API_KEYS_FILE=/etc/groundgate/secrets/api-keys \
  -e JDK_JAVA_OPTIONS=-Xmx512m \
  "$IMAGE" >/dev/null

PID=$(podman inspect -f '{{.State.Pid}}' "$NAME")
[ "$(stat -c %u "/proc/$PID")" = 185 ] || fail "the JVM runs as uid $(stat -c %u "/proc/$PID"), not 185"
echo "   the JVM (host pid $PID) runs as uid 185"

BASE=http://127.0.0.1:$PORT
ready=""
for _ in $(seq 1 180); do
  if [ "$(podman inspect -f '{{.State.Running}}' "$NAME")" != true ]; then fail "the container exited"; fi
  if curl -fsS "$BASE/q/health/ready" -o "$WORK/ready.json" 2>/dev/null; then ready=yes; break; fi
  sleep 1
done
[ -n "$ready" ] || fail "/q/health/ready was not UP within 180 s"
grep -q '"status": *"UP"' "$WORK/ready.json" || fail "readiness: $(cat "$WORK/ready.json")"
echo "   /q/health/ready UP after $(( $(date +%s) - start )) s (from the start of this script)"

answer=$(curl -fsS "$BASE/v1/chat/completions" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d '{"model":"groundgate-local","messages":[{"role":"user","content":"What is the density of gold?"}]}') \
  || fail "chat completion request"
echo "$answer" | grep -q '19\.3' || fail "groundgate-local did not answer the density of gold: $answer"
echo "   groundgate-local: the density of gold (19.3 g/cm³) answered"

sparql() { curl -fsS "$BASE/sparql" -H "Authorization: Bearer $KEY" -H 'Accept: application/sparql-results+json' \
  --data-urlencode "query=$1"; }
count=$(sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"]["bindings"][0]["n"]["value"])') \
  || fail "/sparql"
[ "$count" -gt 1000 ] || fail "/sparql counted only $count triples"
echo "   /sparql: $count triples"

[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/metrics")" = 404 ] || fail "/q/metrics answers on the public port"
curl -fsS "http://127.0.0.1:$MPORT/q/metrics" | grep -q '^groundgate_' || fail "no groundgate_ metrics on the management port"
echo "   /q/metrics on the management port only"

# --- hot reload through the ..data swap --------------------------------------------------------------------------
MARK="image-verify-$$-$RANDOM"
cat > "$WORK/verify.ttl" <<EOF
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:groundgate:verify:probe> rdfs:label "$MARK" .
EOF
configmap_version ..2026_01_01_00_01_00.2 ontologies/*.ttl "$WORK/verify.ttl"
chmod -R a+rX "$WORK/ontologies"
ln -s ..2026_01_01_00_01_00.2 "$WORK/ontologies/..data_tmp"
mv -T "$WORK/ontologies/..data_tmp" "$WORK/ontologies/..data"
link_keys
rm -rf "$WORK/ontologies/..2026_01_01_00_00_00.1"
ASK="ASK { <urn:groundgate:verify:probe> <http://www.w3.org/2000/01/rdf-schema#label> \"$MARK\" }"
reloaded=""
for _ in $(seq 1 60); do
  if sparql "$ASK" 2>/dev/null | grep -q '"boolean" *: *true'; then reloaded=yes; break; fi
  sleep 1
done
[ -n "$reloaded" ] || fail "the ontology swapped in through ..data was not served within 60 s"
echo "   ontology update through the ..data symlink served without a restart"

echo "== image verified in $(( $(date +%s) - start )) s"
