#!/usr/bin/env bash
# Start-up to ready, measured on the packaged jar: launch it on free loopback ports (API and management), poll
# /q/health/ready until 200 (every readiness check UP: knowledge graph loaded and validated, embedding model loaded and
# the graph's property texts embedded, upstreams, declarative tools), and print where the time went, from the log.
#
#   bench/gateway/startup.sh [--jar target/quarkus-app/quarkus-run.jar] [--runs 3] [--java-opts "..."]
#
# Needs java, curl, node (for free ports). Everything binds to 127.0.0.1; each run's gateway is stopped by its pid.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/target/quarkus-app/quarkus-run.jar"
runs=3
JAVA_OPTS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift ;;
    --runs) runs=$2; shift ;;
    --java-opts) JAVA_OPTS=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ -f "$jar" ] || { echo "no jar at $jar (./mvnw -B package -DskipTests)" >&2; exit 2; }
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
now_ms() { date +%s%3N; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# ms from launch to the first log line matching a pattern (the log's HH:MM:SS.mmm, same clock and day as the launch)
at() {
  local stamp
  stamp=$(grep -m1 -E "$1" "$log" | grep -oE '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}' || true)
  [ -n "$stamp" ] && echo $(( $(date -d "$(date -d @$((started / 1000)) +%F) $stamp" +%s%3N) - started )) || echo "?"
}
echo "| run | load (1/5/15) | HTTP listening ms | ready ms | graph first load ms | embedding warm-up | first log line / graph served / Quarkus started / model warm, ms after launch |"
echo "|---|---|---|---|---|---|---|"
for run in $(seq "$runs"); do
  port=$(free_port); mport=$(free_port); load=$(cut -d' ' -f1-3 /proc/loadavg)
  started=$(now_ms)
  (cd "$root" && exec env QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
    QUARKUS_MANAGEMENT_PORT="$mport" GROUNDGATE_KG_WATCH=false java $JAVA_OPTS -jar "$jar") >"$log" 2>&1 &
  pid=$!
  listening=""
  code=000
  for _ in $(seq 6000); do # at most ~10 minutes
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready" || true)
    [ -z "$listening" ] && [ "$code" != 000 ] && listening=$(( $(now_ms) - started ))
    [ "$code" = 200 ] && break
    sleep 0.01
  done
  ready=$(( $(now_ms) - started ))
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ "$code" = 200 ] || { echo "run $run: not ready; log:" >&2; tail -20 "$log" >&2; exit 1; }
  graph=$(sed -n 's/.*Serving knowledge graph version .*(startup, \([0-9]*\) ms).*/\1/p' "$log" | head -1)
  model=$(sed -n 's/.*\(Embedding model loaded.*\)$/\1/p' "$log" | head -1)
  stages="$(at '^[0-9]{2}:') / $(at 'Serving knowledge graph version') / $(at 'started in') / $(at 'Embedding model loaded')"
  echo "| $run | $load | $listening | $ready | ${graph:-?} | ${model:-?} | $stages |"
  [ -n "${KEEP_LOG:-}" ] && cp "$log" "$KEEP_LOG.$run"
done
