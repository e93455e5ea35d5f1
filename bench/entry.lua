-- wrk script for bench/ingest.sh: new entries across every bench checkpoint, as the gate app
-- sends them. ENDPOINT=single posts one entry to /api/v1/entries; ENDPOINT=batch posts BATCH
-- entries of one checkpoint to /api/v1/entries/batch. Reads TARGETS, by default bench/out/targets.txt ("token
-- checkpointId" per line). Every entry id is unique: a per-run random prefix, the thread's
-- number and a counter, so that no request is an accidental duplicate.
local endpoint = os.getenv("ENDPOINT") or "single"
local size = tonumber(os.getenv("BATCH") or "500")
local run = os.getenv("RUN_ID") or "00000000"

local targets = {}
for line in io.lines(os.getenv("TARGETS") or "bench/out/targets.txt") do
  local token, checkpoint = line:match("(%S+)%s+(%S+)")
  targets[#targets + 1] = { token = token, checkpoint = checkpoint }
end

local threads = {}
function setup(thread)
  thread:set("number", #threads + 1)
  table.insert(threads, thread)
end

local counter = 0
function init(args)
  math.randomseed(os.time() * 1000 + number)
end

local function id()
  counter = counter + 1
  return string.format("%s-%04x-4%03x-8000-%012x", run, number % 65536, math.random(0, 4095), counter)
end

-- Mostly residents with a green code; one in five a visitor with origin, purpose and phone; a
-- few yellow or red codes or fevers, refused or referred as the rule at the gate requires.
local origins = { "武漢市", "杭州市", "溫州市", "上海市", "鄰村" }
local purposes = { "探親", "送貨", "返鄉", "就醫", "工作" }
local function entry(checkpoint)
  local roll = math.random()
  local code, decision, temperature = "GREEN", "ADMITTED", string.format("36.%d", math.random(0, 9))
  if roll < 0.02 then code, decision = "RED", "REFUSED"
  elseif roll < 0.04 then code, decision = "YELLOW", "REFERRED"
  elseif roll < 0.05 then temperature, decision = string.format("38.%d", math.random(0, 9)), "REFERRED" end
  local visitor = ""
  local resident = "true"
  if math.random() < 0.2 then
    resident = "false"
    visitor = string.format(',"visitor":{"origin":"%s","purpose":"%s","name":"訪客","phone":"+86 138 %04d %04d"}',
      origins[math.random(#origins)], purposes[math.random(#purposes)], math.random(0, 9999), math.random(0, 9999))
  end
  return string.format('{"id":"%s","checkpointId":"%s","occurredAt":"%s","direction":"%s","resident":%s,'
    .. '"partySize":%d,"healthCode":"%s","healthCodeRead":"SCANNED","temperature":%s,"decision":"%s"%s}',
    id(), checkpoint, os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - math.random(0, 3600)),
    math.random() < 0.5 and "IN" or "OUT", resident, math.random(1, 4), code, temperature, decision, visitor)
end

function request()
  local target = targets[math.random(1, #targets)]
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. target.token }
  if endpoint == "single" then
    return wrk.format("POST", "/api/v1/entries", headers, entry(target.checkpoint))
  end
  local items = {}
  for i = 1, size do
    items[i] = entry(target.checkpoint)
  end
  return wrk.format("POST", "/api/v1/entries/batch", headers, '{"entries":[' .. table.concat(items, ",") .. ']}')
end

dofile("bench/result.lua") -- done(): the RESULT line
