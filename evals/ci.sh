#!/usr/bin/env bash
# Evaluates the embedded planner (model groundgate-local) on the demo sets against one built gateway.
#
#   evals/ci.sh [THRESHOLD] [JAR]
#
# THRESHOLD  minimum accuracy (0..1) on the held-out test split; the script exits 1 below it (default: none, report only)
# JAR        the built gateway (default target/quarkus-app/quarkus-run.jar; build with ./mvnw -B package -DskipTests)
#
# The other sets have their own thresholds, from the environment:
#   EVAL_THRESHOLD_DEV        dev split (default: none, reported only)
#   EVAL_THRESHOLD_PHRASING   phrasing-held-out split (default 0)
#   EVAL_THRESHOLD_MULTITURN  multi-turn set, per conversation (default 0)
#
# Starts the jar on a free loopback port with its embedded defaults (no upstream model), waits until it is ready, runs
# evals/run.mjs on dev, test, phrasing and multiturn, each held to its threshold, stops the gateway, prints one table row
# per set and exits 0 when every set passed, 1 when one is below its threshold, 2 when one could not run. Reports go to
# $EVAL_OUT/<set>/ (default evals/reports/ci/<set>/report.{json,md}, sets.md); the gateway's log to $EVAL_OUT/gateway.log.
set -euo pipefail
cd "$(dirname "$0")/.."

THRESHOLD=${1:-}
JAR=${2:-target/quarkus-app/quarkus-run.jar}
OUT=${EVAL_OUT:-evals/reports/ci}
CONCURRENCY=${EVAL_CONCURRENCY:-2}
READY_TIMEOUT=${EVAL_READY_TIMEOUT:-90}

[[ -f "$JAR" ]] || { echo "ci.sh: no gateway jar at $JAR (build it: ./mvnw -B package -DskipTests)" >&2; exit 2; }
if [[ ! -f evals/node_modules/openai/package.json ]]; then
  echo "== npm ci (evals)"
  (cd evals && npm ci --no-audit --no-fund --loglevel=error)
fi
mkdir -p "$OUT"

PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
# the management interface (/q/metrics) too: its default 9000 may be taken (port 0 breaks its metrics registration)
MANAGEMENT_PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
BASE="http://127.0.0.1:$PORT"
echo "== starting $JAR on $BASE (log: $OUT/gateway.log)"
java -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$MANAGEMENT_PORT" -jar "$JAR" >"$OUT/gateway.log" 2>&1 &
GATEWAY=$!
stop() {
  if kill -0 "$GATEWAY" 2>/dev/null; then
    kill "$GATEWAY" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$GATEWAY" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$GATEWAY" 2>/dev/null || true
  fi
}
trap stop EXIT

# ready when /q/health/ready says UP, or (a build without readiness checks) when /v1/models answers 200
if ! node - "$BASE" "$READY_TIMEOUT" "$GATEWAY" <<'JS'
const [base, timeout, pid] = process.argv.slice(2);
const deadline = Date.now() + Number(timeout) * 1000;
const ok = async (path) => { try { const r = await fetch(base + path); return r.status === 200 ? 'up' : r.status; } catch { return 'down'; } };
for (;;) {
  try { process.kill(Number(pid), 0); } catch { console.error('ci.sh: the gateway exited during start-up'); process.exit(2); }
  const health = await ok('/q/health/ready');
  if (health === 'up' || (health === 404 && (await ok('/v1/models')) === 'up')) { console.log('== gateway ready'); process.exit(0); }
  if (Date.now() > deadline) { console.error(`ci.sh: the gateway was not ready after ${timeout} s`); process.exit(2); }
  await new Promise((r) => setTimeout(r, 500));
}
JS
then
  tail -n 40 "$OUT/gateway.log" >&2
  exit 2
fi

# run_set SET [THRESHOLD]: one set through run.mjs; the worst status so far is kept (2 could not run > 1 below > 0)
STATUS=0
SETS=()
run_set() {
  local name=$1 threshold=${2:-}
  echo "== eval: groundgate-local, $name${threshold:+ (threshold $threshold)}"
  set +e
  node evals/run.mjs --base-url "$BASE/v1" --model groundgate-local --split "$name" --concurrency "$CONCURRENCY" --out "$OUT/$name" \
    ${threshold:+--threshold "$threshold"}
  local rc=$?
  set -e
  if (( rc == 2 || (rc == 1 && STATUS == 0) )); then STATUS=$rc; fi
  SETS+=("$OUT/$name/sets.md")
}

run_set dev "${EVAL_THRESHOLD_DEV:-}"
run_set test "$THRESHOLD"
run_set phrasing "${EVAL_THRESHOLD_PHRASING:-0}"
run_set multiturn "${EVAL_THRESHOLD_MULTITURN:-0}"

echo "== summary (one row per set)"
first=1
for f in "${SETS[@]}"; do
  [[ -f "$f" ]] || continue
  if (( first )); then cat "$f"; first=0; else tail -n +3 "$f"; fi
done
exit "$STATUS"
