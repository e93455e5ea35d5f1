-- wrk script: POST /api/v1/entries, one new entry per request, across every bench checkpoint.
-- Reads bench/out/targets.txt: one "token checkpointId" line per checkpoint.
local targets = {}
for line in io.lines("bench/out/targets.txt") do
  local token, checkpoint = line:match("(%S+)%s+(%S+)")
  targets[#targets + 1] = { token = token, checkpoint = checkpoint }
end

local threads = {}
function setup(thread)
  thread:set("number", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + number)
end

local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

function entry(checkpoint)
  return string.format('{"id":"%s","checkpointId":"%s","occurredAt":"%s","direction":"%s","resident":true,'
    .. '"partySize":%d,"healthCode":"GREEN","healthCodeRead":"SCANNED","temperature":36.%d,"decision":"ADMITTED"}',
    uuid(), checkpoint, os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - math.random(0, 3600)),
    math.random() < 0.5 and "IN" or "OUT", math.random(1, 4), math.random(0, 9))
end

function pick()
  return targets[math.random(1, #targets)]
end

function request()
  local target = pick()
  return wrk.format("POST", "/api/v1/entries", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. target.token
  }, entry(target.checkpoint))
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests_per_s=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
