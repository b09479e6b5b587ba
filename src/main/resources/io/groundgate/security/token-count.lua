-- Adds to one API key's token count for one UTC day, atomically. KEYS[1]: the day's count; ARGV[1]: tokens to add;
-- ARGV[2]: the end of that day as Unix seconds, when the count expires (the key names the day, so a late writer after
-- the expiry only recreates a count nobody reads). Returns the new count.
local count = redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('EXPIREAT', KEYS[1], ARGV[2])
return count
