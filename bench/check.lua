-- wrk script: POST full-header checks (bodies prepared by load.sh) and report latency percentiles and errors.
-- UAPIGUARD_BENCH_BODIES: the bodies' files, separated by ':', each a JSON object whose last value is the header.
-- A connection sends them in turn, each time with a comment of its own appended to the header, so that every
-- check is a new candidate to the service (parsed, judged and stored as a new check), as a bot's patches are:
-- no answer is found ready because the same text came before.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

local heads, tails = {}, {}
for file in string.gmatch(os.getenv("UAPIGUARD_BENCH_BODIES"), "[^:]+") do
  local f = assert(io.open(file, "rb"))
  local body = f:read("*a"):gsub("%s+$", "")
  f:close()
  -- The header's closing quote: the comment goes just before it.
  local quote = assert(body:find('"}$'), file .. ": the header must be the body's last value")
  heads[#heads + 1] = body:sub(1, quote - 1)
  tails[#tails + 1] = body:sub(quote)
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local run = tostring(os.time())
local counter = 0
function request()
  counter = counter + 1
  local i = (counter + thread_id) % #heads + 1
  return wrk.format(nil, nil, nil, heads[i] .. "\\n/* uapiguard-bench " .. run .. "-" .. thread_id .. "-" .. counter
    .. " */\\n" .. tails[i])
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
