-- wrk script: POST one full-header check (body prepared by load.sh) and report latency percentiles and errors.
-- UAPIGUARD_BENCH_DISTINCT=1: each request carries a policy of one unique comment, so that every check is a new
-- request to the service (a new stored check, written), not a repetition of the last.
local f = assert(io.open(os.getenv("UAPIGUARD_BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

if os.getenv("UAPIGUARD_BENCH_DISTINCT") == "1" then
  local threads = 0
  function setup(thread)
    threads = threads + 1
    thread:set("thread_id", threads)
  end
  local rest = string.sub(wrk.body, 2)   -- the body without its opening brace
  local run = tostring(os.time())
  local counter = 0
  function request()
    counter = counter + 1
    return wrk.format(nil, nil, nil, '{"policy": "# ' .. run .. "-" .. tostring(thread_id) .. "-" .. counter
      .. '", ' .. rest)
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("requests=%d duration_s=%.1f rate_per_s=%.1f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency_ms p50=%.2f p90=%.2f p99=%.2f max=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors connect=%d read=%d write=%d timeout=%d status=%d\n",
    errors.connect, errors.read, errors.write, errors.timeout, errors.status))
end
