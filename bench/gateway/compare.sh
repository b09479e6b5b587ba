#!/usr/bin/env bash
# One command for the whole hot-path comparison (issue 16): GroundGate against Portkey on the same loopback upstream,
# in one run, with wrk (one thread) as the load generator and autocannon as a second column; streaming time to first
# token; grounded-route and groundgate-local gateway time; start-up to ready. Prints a Markdown table and writes it to
# bench/gateway/results-compare.md.
#
# Usage (from anywhere; builds nothing, so build first: ./mvnw -B -ntp -q package -DskipTests -DskipWebui):
#   bench/gateway/compare.sh [--duration 10] [--no-pin] [--no-autocannon] [--no-grounded] [--java-opts "..."]
#                            [--jar path/to/quarkus-run.jar]   (default: target/quarkus-app/quarkus-run.jar; for A/B runs)
# Needs: java, node, npm, wrk, curl, taskset (util-linux). Everything binds to 127.0.0.1.
#
# Pinning (2 cores): the gateway under test gets CPU 1 alone; the upstream and the load generator share CPU 0. Each
# gateway is measured while the other one is idle, so both get the same core. --no-pin lets the scheduler place all.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
DURATION=10
PIN=1
AUTOCANNON=1
GROUNDED=1
JAVA_OPTS=${JAVA_OPTS:-}
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift ;;
    --no-pin) PIN=0 ;;
    --no-autocannon) AUTOCANNON=0 ;;
    --no-grounded) GROUNDED=0 ;;
    --java-opts) JAVA_OPTS=$2; shift ;;
    --jar) JAR=$(realpath "$2"); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

jar=${JAR:-$root/target/quarkus-app/quarkus-run.jar}
[ -f "$jar" ] || { echo "build first: ./mvnw -B -ntp -q package -DskipTests -DskipWebui (missing $jar)" >&2; exit 1; }
[ -d "$here/node_modules/@portkey-ai/gateway" ] || (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
for tool in wrk curl java node; do command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }; done

if [ "$PIN" = 1 ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  ON_LOAD=(taskset -c 0); ON_GATEWAY=(taskset -c 1); PINNING="gateway under test on CPU 1; upstream and load generator on CPU 0 (taskset)"
else
  ON_LOAD=(); ON_GATEWAY=(); PINNING="not pinned: scheduler places gateway, upstream and load generator"
fi

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
now_ms() { date +%s%3N; }

# --- upstream ---
"${ON_LOAD[@]}" node "$here/upstream.mjs" >"$work/upstream.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q 'upstream on' "$work/upstream.log" 2>/dev/null && break; sleep 0.05; done
UP_PORT=$(sed -n 's/upstream on \([0-9]*\)/\1/p' "$work/upstream.log")
UP="http://127.0.0.1:$UP_PORT"

# --- GroundGate, timed from launch to ready (every readiness check UP, embedding warm-up included) ---
GG_PORT=$(free_port)
GG_MANAGEMENT_PORT=$(free_port) # the management interface's default 9000 may be taken by another gateway
started=$(now_ms)
(cd "$root" && exec env QUARKUS_HTTP_PORT="$GG_PORT" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_LOG_LEVEL=WARN GROUNDGATE_KG_WATCH=false \
  QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$GG_MANAGEMENT_PORT" \
  GROUNDGATE_UPSTREAMS_BENCH_BASE_URL="$UP/v1" GROUNDGATE_UPSTREAMS_BENCH_MODELS=bench-model \
  "${ON_GATEWAY[@]}" java $JAVA_OPTS -jar "$jar") >"$work/gg.log" 2>&1 &
GG_PID=$!
pids+=($GG_PID)
http_up=""
for _ in $(seq 3000); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$GG_PORT/q/health/ready" || true)
  [ -z "$http_up" ] && [ "$code" != 000 ] && http_up=$(( $(now_ms) - started ))
  [ "$code" = 200 ] && break
  sleep 0.02
done
ready=$(( $(now_ms) - started ))
[ "$code" = 200 ] || { echo "GroundGate did not become ready; log:" >&2; tail -30 "$work/gg.log" >&2; exit 1; }
startup_load=$(load)

# --- Portkey (same core as GroundGate; idle while GroundGate is measured) ---
PK_PORT=$(free_port)
"${ON_GATEWAY[@]}" env NODE_ENV=production node "$here/node_modules/@portkey-ai/gateway/build/start-server.js" \
  --port="$PK_PORT" --headless >"$work/pk.log" 2>&1 &
pids+=($!)
PK_HEADERS="x-portkey-provider: openai|x-portkey-custom-host: $UP/v1|authorization: Bearer sk-bench"
for _ in $(seq 300); do
  curl -s -o /dev/null -f -X POST -H 'content-type: application/json' -H 'x-portkey-provider: openai' \
    -H "x-portkey-custom-host: $UP/v1" -H 'authorization: Bearer sk-bench' \
    -d '{"model":"bench-model","messages":[{"role":"user","content":"hi"}]}' "http://127.0.0.1:$PK_PORT/v1/chat/completions" && break
  sleep 0.1
done
PK_VERSION=$(node -p "require('$here/node_modules/@portkey-ai/gateway/package.json').version")

wrk_run() { # url connections seconds headers -> "p50 p99 rps errors"
  WRK_HEADERS="$4" "${ON_LOAD[@]}" wrk -t1 -c"$2" -d"$3"s -s "$here/post.lua" "$1" \
    | sed -n 's/^WRK p50=\([^ ]*\) p90=[^ ]* p99=\([^ ]*\) rps=\([^ ]*\) requests=[^ ]* errors=\([^ ]*\)/\1 \2 \3 \4/p'
}
ac_run() { # url connections seconds headers -> "p50 rps" (autocannon: ms)
  local args=()
  IFS='|' read -ra hs <<<"$4"
  for h in "${hs[@]}"; do [ -n "$h" ] && args+=(-H "$h"); done
  "${ON_LOAD[@]}" node "$here/node_modules/autocannon/autocannon.js" -j -m POST -H 'content-type: application/json' "${args[@]}" \
    -b '{"model":"bench-model","messages":[{"role":"user","content":"Say something."}]}' -c "$2" -d "$3" "$1" 2>/dev/null \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);console.log(`${(r.latency.p50*1000).toFixed(0)} ${r.requests.average.toFixed(0)}`)})'
}
ttft_run() { # url headers -> "p50 p99 gap50 gap99 failed"
  local args=()
  IFS='|' read -ra hs <<<"$2"
  for h in "${hs[@]}"; do [ -n "$h" ] && args+=("$h"); done
  "${ON_LOAD[@]}" node "$here/ttft.mjs" "$1" 200 300 "${args[@]}" \
    | sed -n 's/^TTFT p50=\([^ ]*\) p99=\([^ ]*\) gap50=\([^ ]*\) gap99=\([^ ]*\) failed=\([^ ]*\)/\1 \2 \3 \4 \5/p'
}

declare -A URL HDR NAME
URL[direct]="$UP/v1/chat/completions"; HDR[direct]=""; NAME[direct]="upstream (direct)"
URL[gg]="http://127.0.0.1:$GG_PORT/v1/chat/completions"; HDR[gg]=""; NAME[gg]="GroundGate"
URL[pk]="http://127.0.0.1:$PK_PORT/v1/chat/completions"; HDR[pk]="$PK_HEADERS"; NAME[pk]="Portkey $PK_VERSION"
declare -A P50 P99 RPS ERR LOAD TT50 TT99 GAP50 GAP99 TTFAIL AC50 ACRPS
for t in direct gg pk; do
  echo "measuring ${NAME[$t]}…" >&2
  wrk_run "${URL[$t]}" 1 5 "${HDR[$t]}" >/dev/null # warm-up: JIT, connection pools
  wrk_run "${URL[$t]}" 16 3 "${HDR[$t]}" >/dev/null
  LOAD[$t]=$(load)
  read -r P50[$t] P99[$t] _ e1 < <(wrk_run "${URL[$t]}" 1 "$DURATION" "${HDR[$t]}")
  read -r _ _ RPS[$t] e2 < <(wrk_run "${URL[$t]}" 16 "$DURATION" "${HDR[$t]}")
  ERR[$t]=$((e1 + e2))
  read -r TT50[$t] TT99[$t] GAP50[$t] GAP99[$t] TTFAIL[$t] < <(ttft_run "${URL[$t]}" "${HDR[$t]}")
  if [ "$AUTOCANNON" = 1 ]; then
    read -r AC50[$t] _ < <(ac_run "${URL[$t]}" 1 "$DURATION" "${HDR[$t]}")
    read -r _ ACRPS[$t] < <(ac_run "${URL[$t]}" 16 "$DURATION" "${HDR[$t]}")
  else AC50[$t]="—"; ACRPS[$t]="—"; fi
done
GG_RSS=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$(pgrep -P "$GG_PID" java 2>/dev/null || echo "$GG_PID")/status 2>/dev/null || echo "?")

calc() { node -p "$1"; }
added() { calc "(${1} - ${2}).toFixed(0)"; }
out="$here/results-compare.md"
{
  echo "Run: $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(java -version 2>&1 | head -1)"
  echo "Pinning: $PINNING. wrk -t1, ${DURATION} s per phase after 5 s + 3 s warm-up; streams: 200 after 300 warm-up."
  echo "Jar: $jar ($(date -u -r "$jar" +%Y-%m-%dT%H:%MZ)); JAVA_OPTS: ${JAVA_OPTS:-none}"
  echo
  echo "| target | load (1/5/15 min) | 1-conn p50 µs | 1-conn p99 µs | added p50 µs | added p99 µs | max req/s (16 conn) | TTFT p50 µs | added TTFT µs | chunk gap p50/p99 µs | errors | autocannon 1-conn p50 µs | autocannon req/s (16) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for t in direct gg pk; do
    if [ "$t" = direct ]; then a50="—"; a99="—"; att="—"; else
      a50=$(added "${P50[$t]}" "${P50[direct]}"); a99=$(added "${P99[$t]}" "${P99[direct]}")
      att=$( [ "${TTFAIL[$t]}" = 200 ] && echo "—" || added "${TT50[$t]}" "${TT50[direct]}"); fi
    echo "| ${NAME[$t]} | ${LOAD[$t]} | ${P50[$t]} | ${P99[$t]} | $a50 | $a99 | ${RPS[$t]} | ${TT50[$t]} | $att | ${GAP50[$t]} / ${GAP99[$t]} | ${ERR[$t]} (streams failed: ${TTFAIL[$t]}/200) | ${AC50[$t]} | ${ACRPS[$t]} |"
  done
  echo
  ratio_lat=$(calc "((${P50[pk]} - ${P50[direct]}) / (${P50[gg]} - ${P50[direct]})).toFixed(1)")
  ratio_rps=$(calc "(${RPS[gg]} / ${RPS[pk]}).toFixed(1)")
  echo "Added p50: Portkey / GroundGate = ${ratio_lat}× (goal ≥ 5×). Max req/s: GroundGate / Portkey = ${ratio_rps}× (goal ≥ 5×)."
  echo "Start-up (launch to /q/health/ready 200, embedding warm-up included): ${ready} ms; HTTP listening after ${http_up} ms (load ${startup_load}). GroundGate RSS after the run: ${GG_RSS} MB."
} | tee "$out"

if [ "$GROUNDED" = 1 ]; then
  echo >&2 "measuring grounded route and groundgate-local…"
  echo "load before grounded/local: $(load)" | tee -a "$out"
  (cd "$here" && GG_CPU_PIN="${ON_GATEWAY[*]}" LOAD_CPU_PIN="${ON_LOAD[*]}" JAVA_OPTS="$JAVA_OPTS" GG_JAR="$jar" "${ON_LOAD[@]}" node grounded.mjs --requests 2000) | tee -a "$out"
fi
echo
echo "Command: bench/gateway/compare.sh --duration $DURATION${JAR:+ --jar $JAR}$([ "$PIN" = 1 ] || echo ' --no-pin')$([ "$AUTOCANNON" = 1 ] || echo ' --no-autocannon')"
