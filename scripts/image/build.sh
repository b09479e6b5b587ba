#!/usr/bin/env bash
# Builds the GroundGate container image without a Docker daemon and without a registry (docs/OPERATIONS.md, "Build
# the image"):
#   1. base: a Debian rootfs from debootstrap --variant=minbase plus Debian's openjdk-17-jre-headless, user 185, then
#      every shell removed (the entrypoint runs java directly) and the set-uid bits dropped;
#   2. app layers with buildah: Quarkus' fast-jar dependencies (+ the embedding model's native libraries, unpacked at
#      build time so nothing is extracted or dlopen()ed from a writable volume at run time), then the application.
# Output: target/image/groundgate.oci.tar (an OCI archive), its manifest digest printed and written to
# target/image/groundgate.digest, and k8s/overlays/prod/kustomization.yaml's `images:` entry set to that digest.
#
# Usage: scripts/image/build.sh [--no-package] [--rebuild-base]
#   --no-package    reuse target/quarkus-app (e.g. after ./mvnw verify) instead of running ./mvnw package
#   --rebuild-base  rebuild the Debian base even if target/image/base/rootfs.tar exists
# Needs root (debootstrap and chroot) and the Debian mirror; installs debootstrap, buildah and skopeo when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/target/image
SUITE=${GROUNDGATE_IMAGE_SUITE:-bookworm}
MIRROR=${GROUNDGATE_IMAGE_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${GROUNDGATE_IMAGE_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
NAME=${GROUNDGATE_IMAGE_NAME:-ghcr.io/groundgate/groundgate}
JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java
APP_UID=185
PACKAGE=1
REBUILD_BASE=0
for arg in "$@"; do
  case $arg in
    --no-package) PACKAGE=0 ;;
    --rebuild-base) REBUILD_BASE=1 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
[ "$(uname -m)" = x86_64 ] || { echo "this script builds the amd64 image only (uname -m: $(uname -m))" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "run as root: debootstrap and chroot need it" >&2; exit 2; }

missing=()
for tool in debootstrap buildah skopeo; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]} (Debian packages)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null
fi

# Commit time of the checkout: the created date of the image and the mtime of every file in the app layers, so the same
# commit gives the same app layers.
EPOCH=$(git log -1 --format=%ct 2>/dev/null || echo 0)
VERSION=$(sed -n '/<artifactId>groundgate<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;q}' pom.xml)
REVISION=$(git rev-parse HEAD 2>/dev/null || echo unknown)
export SOURCE_DATE_EPOCH=$EPOCH   # honoured by dpkg, debconf and other Debian tools run in the base's chroot
start=$(date +%s)
mkdir -p "$OUT"

# ---- 1. the Debian base ------------------------------------------------------------------------------------------
BASE=$OUT/base
if [ "$REBUILD_BASE" = 1 ] || [ ! -f "$BASE/rootfs.tar" ]; then
  echo "== base: debootstrap --variant=minbase $SUITE + openjdk-17-jre-headless"
  rm -rf "$BASE" && mkdir -p "$BASE"
  rootfs=$BASE/rootfs
  debootstrap --variant=minbase "$SUITE" "$rootfs" "$MIRROR" > "$BASE/debootstrap.log" 2>&1 \
    || { tail -20 "$BASE/debootstrap.log"; exit 1; }
  cat > "$rootfs/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
EOF
  mount -t proc proc "$rootfs/proc"
  trap 'umount "$rootfs/proc" 2>/dev/null || true' EXIT
  { chroot "$rootfs" apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive chroot "$rootfs" apt-get install -y -qq --no-install-recommends \
         openjdk-17-jre-headless \
      && DEBIAN_FRONTEND=noninteractive chroot "$rootfs" apt-get upgrade -y -qq; } > "$BASE/apt.log" 2>&1 \
    || { tail -20 "$BASE/apt.log"; exit 1; }
  chroot "$rootfs" dpkg-query -W -f '${Package} ${Version}\n' > "$BASE/packages.txt"
  umount "$rootfs/proc"; trap - EXIT
  [ -s "$rootfs/etc/ssl/certs/java/cacerts" ] || { echo "the JRE's CA store was not generated" >&2; exit 1; }
  # ca-certificates-java dates each of the store's entries with the time of the build: the base's only difference
  # between two builds of the same packages. Dated SOURCE_DATE_EPOCH instead, integrity hash recomputed.
  python3 scripts/image/jks-normalize.py "$rootfs/etc/ssl/certs/java/cacerts" >/dev/null
  [ -x "$rootfs$JAVA" ] || { echo "missing $JAVA in the base" >&2; exit 1; }

  # the non-root user (no login shell: there is none), and the mount points of the Deployment's emptyDir volumes
  echo "groundgate:x:$APP_UID:$APP_UID:GroundGate:/nonexistent:/usr/sbin/nologin" >> "$rootfs/etc/passwd"
  echo "groundgate:x:$APP_UID:" >> "$rootfs/etc/group"
  echo "groundgate:!:0:0:99999:7:::" >> "$rootfs/etc/shadow"
  mkdir -p "$rootfs/var/cache/groundgate/djl" "$rootfs/etc/groundgate"
  chmod 1777 "$rootfs/tmp"

  # Trim what a JVM never uses at run time: package caches and lists, docs, man pages, translations, logs. The dpkg
  # database stays, so image scanners still see the package versions.
  rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* \
         "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* "$rootfs"/var/log/* "$rootfs"/var/cache/debconf/*-old \
         "$rootfs"/var/lib/dpkg/*-old "$rootfs"/var/cache/ldconfig/aux-cache
  # No shell at run time, and nothing that could raise privileges.
  rm -f "$rootfs"/usr/bin/{sh,dash,bash,rbash} "$rootfs"/bin/{sh,dash,bash,rbash} 2>/dev/null || true
  find "$rootfs" -xdev -perm /6000 -type f -exec chmod ug-s {} +
  ! [ -e "$rootfs/bin/sh" ] || { echo "a shell is left in the base" >&2; exit 1; }

  tar -C "$rootfs" --sort=name --numeric-owner --mtime="@$EPOCH" --clamp-mtime \
      --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -cf "$BASE/rootfs.tar" .
  rm -rf "$rootfs"
  echo "   base rootfs: $(du -h "$BASE/rootfs.tar" | cut -f1) ($(wc -l < "$BASE/packages.txt") Debian packages, list in $BASE/packages.txt)"
else
  echo "== base: reusing $BASE/rootfs.tar (--rebuild-base to rebuild)"
fi

# ---- 2. the application ------------------------------------------------------------------------------------------
if [ "$PACKAGE" = 1 ]; then
  # Jar entries are dated project.build.outputTimestamp (pom.xml). Not yet byte-reproducible: Quarkus 3.34's
  # quarkus/generated-bytecode.jar differs between builds (docs/OPERATIONS.md, "Reproducible image").
  echo "== ./mvnw -B -ntp package -DskipTests -DskipNodeSdk"
  ./mvnw -B -ntp -q package -DskipTests -DskipNodeSdk
fi
APP=$ROOT/target/quarkus-app
[ -f "$APP/quarkus-run.jar" ] || { echo "$APP/quarkus-run.jar is missing: build the application first" >&2; exit 1; }

# The embedding model's native libraries, unpacked now, so at run time nothing is extracted to, or dlopen()ed from, a
# writable volume (emptyDirs may be noexec):
# - ONNX Runtime loads them from -Donnxruntime.native.path;
# - DJL's tokenizer finds its library already in its engine cache (ENGINE_CACHE_DIR, read-only in the image, in the
#   folder DJL names <version>-cpu-linux-x86_64). DJL 0.36's RUST_LIBRARY_PATH override fails on CPU-only machines
#   (NullPointerException on the CUDA architecture), so the cache is the way. DJL_CACHE_DIR stays a writable volume.
NATIVE=$OUT/native
rm -rf "$NATIVE" "$OUT/unpack" && mkdir -p "$NATIVE/onnxruntime" "$OUT/unpack"
tokenizers_jar=$(ls "$APP"/lib/main/ai.djl.huggingface.tokenizers-*.jar)
onnx_jar=$(ls "$APP"/lib/main/com.microsoft.onnxruntime.onnxruntime-*.jar)
(cd "$OUT/unpack" && jar xf "$tokenizers_jar" native/lib/tokenizers.properties native/lib/linux-x86_64/cpu/libtokenizers.so \
   && jar xf "$onnx_jar" ai/onnxruntime/native/linux-x64/libonnxruntime.so ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so)
tokenizers_version=$(sed -n 's/^version=//p' "$OUT/unpack/native/lib/tokenizers.properties")
[ -n "$tokenizers_version" ] || { echo "no version in the tokenizer jar's tokenizers.properties" >&2; exit 1; }
mkdir -p "$NATIVE/djl-engines/tokenizers/$tokenizers_version-cpu-linux-x86_64"
mv "$OUT/unpack/native/lib/linux-x86_64/cpu/libtokenizers.so" "$NATIVE/djl-engines/tokenizers/$tokenizers_version-cpu-linux-x86_64/"
mv "$OUT/unpack/ai/onnxruntime/native/linux-x64/"*.so "$NATIVE/onnxruntime/"
rm -rf "$OUT/unpack"
find "$NATIVE" -type d -exec chmod 0755 {} + && find "$NATIVE" -type f -exec chmod 0644 {} +

# ---- 3. the image, with buildah (its own vfs storage under target/, no daemon) ----------------------------------
STORAGE=$OUT/storage
buildah() { command buildah --root "$STORAGE/root" --runroot "$STORAGE/run" --storage-driver vfs "$@"; }
cleanup() { for c in ${containers:-}; do buildah rm "$c" >/dev/null 2>&1 || true; done; }
containers=""
trap cleanup EXIT
echo "== image layers (buildah)"
c=$(buildah from scratch); containers="$containers $c"
buildah add --quiet "$c" "$BASE/rootfs.tar" / >/dev/null
buildah commit --quiet --timestamp "$EPOCH" --omit-history "$c" groundgate-base >/dev/null

# dependencies change less often than the application: their own layer, reused by registries between releases
c=$(buildah from groundgate-base); containers="$containers $c"
buildah add --quiet --chown 0:0 "$c" "$APP/lib" /deployments/lib >/dev/null
buildah add --quiet --chown 0:0 "$c" "$NATIVE" /opt/groundgate/native >/dev/null
buildah commit --quiet --timestamp "$EPOCH" --omit-history "$c" groundgate-libs >/dev/null

c=$(buildah from groundgate-libs); containers="$containers $c"
buildah add --quiet --chown 0:0 "$c" "$APP/quarkus-run.jar" /deployments/quarkus-run.jar >/dev/null
buildah add --quiet --chown 0:0 "$c" "$APP/app" /deployments/app >/dev/null
buildah add --quiet --chown 0:0 "$c" "$APP/quarkus" /deployments/quarkus >/dev/null
# Exec form: no shell runs the JVM. Heap: 60 % of the container's memory limit (the ONNX model needs native memory);
# JDK_JAVA_OPTIONS adds or overrides JVM flags without a shell.
buildah config \
  --user "$APP_UID:$APP_UID" \
  --workingdir /deployments \
  --env LANG=C.UTF-8 \
  --env JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
  --env DJL_CACHE_DIR=/var/cache/groundgate/djl \
  --env ENGINE_CACHE_DIR=/opt/groundgate/native/djl-engines \
  --entrypoint "[\"$JAVA\",\"-XX:MaxRAMPercentage=60\",\"-Djava.util.logging.manager=org.jboss.logmanager.LogManager\",\"-Donnxruntime.native.path=/opt/groundgate/native/onnxruntime\",\"-Dai.djl.offline=true\",\"-jar\",\"/deployments/quarkus-run.jar\"]" \
  --cmd '[]' \
  --port 8080 --port 9000 \
  --stop-signal SIGTERM \
  --label org.opencontainers.image.title=groundgate \
  --label org.opencontainers.image.version="$VERSION" \
  --label org.opencontainers.image.revision="$REVISION" \
  --label org.opencontainers.image.licenses=Apache-2.0 \
  --label org.opencontainers.image.base.name="debian:$SUITE minbase (debootstrap) + openjdk-17-jre-headless" \
  "$c"
TARBALL=$OUT/groundgate.oci.tar
rm -f "$TARBALL"
buildah commit --quiet --timestamp "$EPOCH" --omit-history --format oci --disable-compression=false "$c" "oci-archive:$TARBALL:$NAME:$VERSION" >/dev/null
cleanup; containers=""
buildah rmi groundgate-base groundgate-libs >/dev/null 2>&1 || true

DIGEST=sha256:$(skopeo inspect --raw "oci-archive:$TARBALL" | sha256sum | cut -d' ' -f1)
echo "$DIGEST" > "$OUT/groundgate.digest"

# the prod overlay (and every overlay built on it) runs exactly this image
sed -i -E "/^  - name: groundgate$/,/^  - name:|^[a-z]/ s/^(    digest: ).*/\1$DIGEST/" k8s/overlays/prod/kustomization.yaml
grep -q "digest: $DIGEST" k8s/overlays/prod/kustomization.yaml \
  || { echo "could not write the digest into k8s/overlays/prod/kustomization.yaml" >&2; exit 1; }

layers=$(skopeo inspect --raw "oci-archive:$TARBALL" | python3 -c 'import json,sys; m=json.load(sys.stdin); print(" + ".join("%d MB" % round(l["size"]/1e6) for l in m["layers"]))')
echo "== built $TARBALL in $(( $(date +%s) - start )) s"
echo "   size: $(du -h "$TARBALL" | cut -f1) (compressed layers: $layers)"
echo "   digest: $DIGEST"
echo "   k8s/overlays/prod/kustomization.yaml now references $NAME@$DIGEST"
