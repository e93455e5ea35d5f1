-- wrk script for bench/authpath.sh: GET GET_PATH, with "Authorization: Bearer TOKEN" when TOKEN is set.
local path = os.getenv("GET_PATH") or "/api/v1/ping"
local token = os.getenv("TOKEN")
local headers = {}
if token and token ~= "" then
  headers["Authorization"] = "Bearer " .. token
end

function request()
  return wrk.format("GET", path, headers)
end

dofile("bench/result.lua") -- done(): the RESULT line
