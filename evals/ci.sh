#!/usr/bin/env bash
# Evaluates the embedded planner (model groundgate-local) on both question splits against a built gateway, then on each
# held-out graph set evals/graphs/<name>/test.jsonl with a gateway that loads only that graph.
#
#   evals/ci.sh [THRESHOLD] [JAR]
#
# THRESHOLD  minimum accuracy (0..1) on the held-out test split; the script exits 1 below it (default: none, report only)
# JAR        the built gateway (default target/quarkus-app/quarkus-run.jar; build with ./mvnw -B package -DskipTests)
#
# Graph sets: EVAL_THRESHOLD_<NAME> (e.g. EVAL_THRESHOLD_BOOKSHOP=0.6) is the minimum accuracy of set <name> (default 0,
# report only) and EVAL_MAX_WRONG_<NAME> the largest share of wrong answers (default: not checked); EVAL_GRAPHS lists
# the sets to run (default: every folder under evals/graphs with a test.jsonl; "none" runs none).
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

GATEWAY=""
# start_gateway LOG [-Dkey=value...]: the jar on a free loopback port (sets BASE and GATEWAY), ready or exit 2
start_gateway() {
  local log=$1; shift
  PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  BASE="http://127.0.0.1:$PORT"
  echo "== starting $JAR on $BASE $* (log: $log)"
  java -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" "$@" -jar "$JAR" >"$log" 2>&1 &
  GATEWAY=$!
  wait_ready || { tail -n 40 "$log" >&2; exit 2; }
}
stop() {
  if [[ -n "$GATEWAY" ]] && kill -0 "$GATEWAY" 2>/dev/null; then
    kill "$GATEWAY" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$GATEWAY" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$GATEWAY" 2>/dev/null || true
  fi
}
trap stop EXIT

# ready when /q/health/ready says UP, or (a build without readiness checks) when /v1/models answers 200
wait_ready() {
node - "$BASE" "$READY_TIMEOUT" "$GATEWAY" <<'JS'
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
}

start_gateway "$OUT/gateway.log"

echo "== eval: groundgate-local, dev split (reported only)"
set +e
node evals/run.mjs --base-url "$BASE/v1" --model groundgate-local --split dev --concurrency "$CONCURRENCY" --out "$OUT/dev"
DEV=$?
echo "== eval: groundgate-local, test split${THRESHOLD:+ (threshold $THRESHOLD)}"
node evals/run.mjs --base-url "$BASE/v1" --model groundgate-local --split test --concurrency "$CONCURRENCY" --out "$OUT/test" \
  ${THRESHOLD:+--threshold "$THRESHOLD"}
TEST=$?
set -e
stop

# held-out graph sets: one gateway per graph, loading only evals/graphs/<name>/ (no shapes)
GRAPHS=0
for dir in evals/graphs/*/; do
  name=$(basename "$dir")
  [[ -f "$dir/test.jsonl" ]] || continue
  if [[ -n "${EVAL_GRAPHS:-}" && " $EVAL_GRAPHS " != *" $name "* ]]; then continue; fi
  key=$(echo "$name" | tr '[:lower:]' '[:upper:]' | tr -c 'A-Z0-9\n' '_')
  threshold_var="EVAL_THRESHOLD_$key"; max_wrong_var="EVAL_MAX_WRONG_$key"
  threshold=${!threshold_var:-0}; max_wrong=${!max_wrong_var:-}
  mkdir -p "$OUT/graphs/$name"
  start_gateway "$OUT/graphs/$name/gateway.log" -Dgroundgate.kg.paths="${dir%/}" -Dgroundgate.kg.shapes-paths="${dir%/}/shapes" -Dgroundgate.kg.watch=false
  echo "== eval: groundgate-local, graph set $name (threshold $threshold${max_wrong:+, max wrong $max_wrong})"
  set +e
  node evals/run.mjs --base-url "$BASE/v1" --model groundgate-local --questions "$dir/test.jsonl" --concurrency "$CONCURRENCY" \
    --out "$OUT/graphs/$name" --threshold "$threshold" ${max_wrong:+--max-wrong "$max_wrong"}
  status=$?
  set -e
  stop
  if (( status > GRAPHS )); then GRAPHS=$status; fi
done

# exit status: the test run's (0 pass, 1 below the threshold, 2 could not run); a dev run or a graph set that could not
# run, or a graph set below its threshold, counts too
if [[ $TEST -eq 0 && $DEV -eq 2 ]]; then exit 2; fi
if (( GRAPHS > TEST )); then exit "$GRAPHS"; fi
exit "$TEST"
