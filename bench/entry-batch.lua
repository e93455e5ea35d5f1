-- wrk script: POST /api/v1/entries/batch with BATCH new entries of one village per request.
dofile("bench/entry-single.lua")

local size = tonumber(os.getenv("BATCH") or "500")

function request()
  local target = pick()
  local items = {}
  for i = 1, size do
    items[i] = entry(target.checkpoint)
  end
  return wrk.format("POST", "/api/v1/entries/batch", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. target.token
  }, '{"entries":[' .. table.concat(items, ",") .. ']}')
end
