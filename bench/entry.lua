-- wrk script for bench/ingest.sh: new entries across every bench checkpoint, as the gate app
-- sends them. ENDPOINT=single posts one entry to /api/v1/entries; ENDPOINT=batch posts BATCH
-- entries of one checkpoint to /api/v1/entries/batch. Reads TARGETS, by default bench/out/targets.txt ("token
-- checkpointId" per line).
--
-- When the entries happened (TIMES):
--   live (default)  as the gate app records and sends them: a single entry a few seconds ago; a
--                   batch is one gate's backlog after the signal came back, its entries one
--                   after another up to now. Ids are UUID version 7 made at each entry's
--                   moment, as the app makes them (frontend/js/ids.js).
--   hour            the model before the app made time-ordered ids: every entry at a random
--                   moment of the last hour, with a random (version 4) id.
-- The bench records entries about a thousand times faster than a county's gates do (tens of
-- thousands a second against a few), so a backlog's entries are 2 ms apart: what an index
-- feels is how many other entries lie between a new one and the newest, and the bench's last
-- second holds about as many as a county's last few hours. Under "hour" every new entry lands
-- on a random page of every time-ordered index over the whole table: a county's weeks
-- squeezed into minutes, which measures PostgreSQL's buffer cache, not what gates do.
local endpoint = os.getenv("ENDPOINT") or "single"
local size = tonumber(os.getenv("BATCH") or "500")
local times = os.getenv("TIMES") or "live"

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

function init(args)
  math.randomseed(os.time() * 1000 + number)
end

-- An entry id for the moment ms (milliseconds since 1970): version 7, its first 48 bits the
-- moment (RFC 9562), or version 4 under TIMES=hour. 74 random bits: no accidental duplicates.
-- One string.format per id: the load generator's CPU is taken from the machine it measures.
local random = math.random
local function id(ms)
  local high, low = math.floor(ms / 65536), ms % 65536
  if times == "hour" then high, low = random(0, 4294967295), random(0, 65535) end
  return string.format("%08x-%04x-%x%03x-%04x-%04x%08x", high, low, times == "hour" and 4 or 7, random(0, 4095),
    32768 + random(0, 16383), random(0, 65535), random(0, 4294967295))
end

-- The moment in ISO 8601 with milliseconds; the seconds' part made once per second.
local second, second_text = -1, ""
local function iso(ms)
  local s = math.floor(ms / 1000)
  if s ~= second then second, second_text = s, os.date("!%Y-%m-%dT%H:%M:%S", s) end
  return string.format("%s.%03dZ", second_text, ms % 1000)
end

-- Mostly residents with a green code; one in five a visitor with origin, purpose and phone; a
-- few yellow or red codes or fevers, refused or referred as the rule at the gate requires.
local origins = { "武漢市", "杭州市", "溫州市", "上海市", "鄰村" }
local purposes = { "探親", "送貨", "返鄉", "就醫", "工作" }
local normal, fever = {}, {}
for tenth = 0, 9 do normal[tenth + 1], fever[tenth + 1] = "36." .. tenth, "38." .. tenth end
local function entry(checkpoint, ms)
  local roll = math.random()
  local code, decision, temperature = "GREEN", "ADMITTED", normal[math.random(10)]
  if roll < 0.02 then code, decision = "RED", "REFUSED"
  elseif roll < 0.04 then code, decision = "YELLOW", "REFERRED"
  elseif roll < 0.05 then temperature, decision = fever[math.random(10)], "REFERRED" end
  local visitor = ""
  local resident = "true"
  if math.random() < 0.2 then
    resident = "false"
    visitor = string.format(',"visitor":{"origin":"%s","purpose":"%s","name":"訪客","phone":"+86 138 %04d %04d"}',
      origins[math.random(#origins)], purposes[math.random(#purposes)], math.random(0, 9999), math.random(0, 9999))
  end
  return string.format('{"id":"%s","checkpointId":"%s","occurredAt":"%s","direction":"%s","resident":%s,'
    .. '"partySize":%d,"healthCode":"%s","healthCodeRead":"SCANNED","temperature":%s,"decision":"%s"%s}',
    id(ms), checkpoint, iso(ms),
    math.random() < 0.5 and "IN" or "OUT", resident, math.random(1, 4), code, temperature, decision, visitor)
end

-- When an entry happened, in ms: under "hour" a random moment of the last hour; under "live" a
-- few seconds ago, or for item i of a backlog of n, 2 ms after the one before, up to now.
local function moment(i, n)
  local now = os.time() * 1000 + math.random(0, 999) -- wrk's Lua has a clock of seconds only
  if times == "hour" then return now - math.random(0, 3600 * 1000) end
  if n == 1 then return now - math.random(0, 5000) end
  return now - (n - i) * 2
end

function request()
  local target = targets[math.random(1, #targets)]
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. target.token }
  if endpoint == "single" then
    return wrk.format("POST", "/api/v1/entries", headers, entry(target.checkpoint, moment(1, 1)))
  end
  local items = {}
  for i = 1, size do
    items[i] = entry(target.checkpoint, moment(i, size))
  end
  return wrk.format("POST", "/api/v1/entries/batch", headers, '{"entries":[' .. table.concat(items, ",") .. ']}')
end

dofile("bench/result.lua") -- done(): the RESULT line
