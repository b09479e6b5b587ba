#!/usr/bin/env bash
# Checks that the image is reproducible from a clean checkout: clones the current commit twice (nothing from target/,
# node_modules or the build cache is shared except Maven's and npm's download caches), runs scripts/image/build.sh in
# each clone, one after the other (each builds its own Debian base), and compares the two digests. On a difference it
# prints what differs, layer by layer and file by file (scripts/image/diff-oci.py), keeps both clones and fails.
# Opt-in: two full image builds take 20-60 min on 2 loaded cores; not part of CI. Today it fails on Quarkus 3.34's
# quarkus/generated-bytecode.jar only (docs/OPERATIONS.md, "Reproducible image").
#
# Usage: scripts/image/reproducible.sh        (root, like build.sh; commit first: only committed files are built)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
COMMIT=$(git rev-parse HEAD)
WORK=${GROUNDGATE_REPRO_DIR:-$ROOT/target/reproducible}
[ -z "$(git status --porcelain --untracked-files=no)" ] \
  || echo "warning: uncommitted changes are not part of the check (it builds $COMMIT)" >&2
start=$(date +%s)
rm -rf "$WORK" && mkdir -p "$WORK"
digests=()
for side in a b; do
  echo "== build $side: clean clone of $COMMIT"
  git clone -q --no-hardlinks "$ROOT" "$WORK/$side"
  git -C "$WORK/$side" checkout -q --detach "$COMMIT"
  t=$(date +%s)
  "$WORK/$side/scripts/image/build.sh" > "$WORK/build-$side.log" 2>&1 \
    || { tail -30 "$WORK/build-$side.log"; echo "build $side failed (log: $WORK/build-$side.log)" >&2; exit 1; }
  digests+=("$(cat "$WORK/$side/target/image/groundgate.digest")")
  echo "   ${digests[-1]} ($(( $(date +%s) - t )) s)"
done
echo "== $(( $(date +%s) - start )) s in all"
if [ "${digests[0]}" = "${digests[1]}" ]; then
  echo "reproducible: both clean builds of $COMMIT give ${digests[0]}"
  rm -rf "$WORK"
  exit 0
fi
echo "NOT reproducible: ${digests[0]} != ${digests[1]}" >&2
python3 scripts/image/diff-oci.py "$WORK/a/target/image/groundgate.oci.tar" "$WORK/b/target/image/groundgate.oci.tar" >&2 || true
echo "both clones kept in $WORK" >&2
exit 1
