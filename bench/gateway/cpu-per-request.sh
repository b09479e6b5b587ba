#!/usr/bin/env bash
# CPU time the gateway process spends per passthrough request (user + system, from /proc/<pid>/stat), which, unlike
# latency, hardly depends on what else the machine runs: for A/B comparisons of two builds on a busy machine.
# Usage: bench/gateway/cpu-per-request.sh [quarkus-run.jar ...]   (default: target/quarkus-app/quarkus-run.jar)
# Each jar: start on loopback, 10 s of warm-up at 4 connections, then 10 s measured at 4 connections (wrk -t1).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
[ $# -gt 0 ] || set -- "$root/target/quarkus-app/quarkus-run.jar"
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
node "$here/upstream.mjs" >"$work/up.log" 2>&1 & pids+=($!)
for _ in $(seq 100); do grep -q 'upstream on' "$work/up.log" 2>/dev/null && break; sleep 0.05; done
UP_PORT=$(sed -n 's/upstream on \([0-9]*\)/\1/p' "$work/up.log")
hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for jar in "$@"; do
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  (cd "$root" && exec env QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_LOG_LEVEL=WARN \
    GROUNDGATE_KG_WATCH=false GROUNDGATE_PLANNER_WARM_UP=false GROUNDGATE_UPSTREAMS_BENCH_BASE_URL="http://127.0.0.1:$UP_PORT/v1" \
    GROUNDGATE_UPSTREAMS_BENCH_MODELS=bench-model java -jar "$jar") >"$work/gg.log" 2>&1 &
  gg=$!; pids+=($gg)
  for _ in $(seq 3000); do curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 0.05; done
  url="http://127.0.0.1:$port/v1/chat/completions"
  wrk -t1 -c4 -d10s -s "$here/post.lua" "$url" >/dev/null
  before=$(cpu_ticks "$gg")
  line=$(wrk -t1 -c4 -d10s -s "$here/post.lua" "$url" | grep '^WRK')
  after=$(cpu_ticks "$gg")
  requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$line")
  echo "$jar: $requests requests, $(( after - before )) CPU ticks at ${hz} Hz: $(node -p "((${after} - ${before}) / ${hz} * 1e6 / ${requests}).toFixed(1)") µs CPU per request (load $(cut -d' ' -f1 /proc/loadavg)); $line"
  kill "$gg"; wait "$gg" 2>/dev/null || true
done
