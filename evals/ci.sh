#!/usr/bin/env bash
# Evaluates the embedded planner (model groundgate-local) on both question splits against a built gateway.
#
#   evals/ci.sh [THRESHOLD] [JAR]
#
# THRESHOLD  minimum accuracy (0..1) on the held-out test split; the script exits 1 below it (default: none, report only)
# JAR        the built gateway (default target/quarkus-app/quarkus-run.jar; build with ./mvnw -B package -DskipTests)
#
# Starts the jar on a free loopback port with its embedded defaults (no upstream model), waits until it is ready, runs
# evals/run.mjs on the dev split (reported, never gating) and the test split (gated by THRESHOLD), stops the gateway and
# exits with the test run's status (or the dev run's, if that one could not run). Reports go to $EVAL_OUT (default
# evals/reports/ci/{dev,test}/report.{json,md}); the gateway's log to $EVAL_OUT/gateway.log.
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

echo "== eval: groundgate-local, dev split (reported only)"
set +e
node evals/run.mjs --base-url "$BASE/v1" --model groundgate-local --split dev --concurrency "$CONCURRENCY" --out "$OUT/dev"
DEV=$?
echo "== eval: groundgate-local, test split${THRESHOLD:+ (threshold $THRESHOLD)}"
node evals/run.mjs --base-url "$BASE/v1" --model groundgate-local --split test --concurrency "$CONCURRENCY" --out "$OUT/test" \
  ${THRESHOLD:+--threshold "$THRESHOLD"}
TEST=$?
set -e

# exit status: the test run's (0 pass, 1 below the threshold, 2 could not run); a dev run that could not run counts too
if [[ $TEST -eq 0 && $DEV -eq 2 ]]; then exit 2; fi
exit "$TEST"
