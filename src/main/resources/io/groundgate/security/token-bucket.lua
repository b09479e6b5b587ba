-- One token bucket as the generic cell rate algorithm (the same as io.groundgate.security.TokenBucket), evaluated
-- atomically by Redis. KEYS[1]: the bucket; ARGV[1]: microseconds between two requests at the sustained rate;
-- ARGV[2]: the burst's tolerance in microseconds, interval * (burst - 1).
-- The key holds the theoretical arrival time of the next request. Returns 0 when a token was taken, else the
-- microseconds until one is free. Redis' own clock is used, so replicas' clocks need not agree.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]))
if tat == nil or tat < now then
  tat = now
end
local ahead = tat - now
if ahead > tolerance then
  return ahead - tolerance
end
local next_tat = tat + interval
-- expire once the bucket would be full again: an idle key costs no memory
redis.call('SET', KEYS[1], string.format('%d', next_tat), 'PX', math.floor((next_tat - now) / 1000) + 1000)
return 0
