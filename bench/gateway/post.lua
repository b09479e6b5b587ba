-- wrk script: POST a chat completion (body from BODY env or a fixed passthrough request) and print the
-- latency percentiles in microseconds on one machine-readable line (compare.sh reads it).
wrk.method = "POST"
wrk.body = os.getenv("BODY") or '{"model":"bench-model","messages":[{"role":"user","content":"Say something."}]}'
wrk.headers["Content-Type"] = "application/json"
local extra = os.getenv("WRK_HEADERS") -- "name: value|name: value"
if extra then
  for pair in string.gmatch(extra, "[^|]+") do
    local k, v = string.match(pair, "^%s*([^:]+):%s*(.-)%s*$")
    if k then wrk.headers[k] = v end
  end
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    + summary.errors.status
  io.write(string.format("WRK p50=%.1f p90=%.1f p99=%.1f rps=%.1f requests=%d errors=%d\n",
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    summary.requests / (summary.duration / 1e6), summary.requests, errors))
end
