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

function done(summary, latency, requests)
  io.write(string.format("RESULT per_s=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
