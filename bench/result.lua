-- wrk's done() for the benchmarks' scripts (entry.lua, get.lua): one RESULT line, read by
-- bench/lib.sh's `value`. Loaded with dofile from the repository's root, where the scripts run.
function done(summary, latency, requests)
  io.write(string.format("RESULT per_s=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
