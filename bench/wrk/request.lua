-- One request, again and again: METHOD, AUTH (an Authorization header) and BODY_FILE come from the environment.
-- Counts the answers by class; the suite reads the line that done() prints.
wrk.method = os.getenv("METHOD") or "GET"
wrk.headers["Authorization"] = os.getenv("AUTH")
local file = os.getenv("BODY_FILE")
if file and file ~= "" then
  local f = assert(io.open(file, "r"))
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end

local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok, client, server = 0, 0, 0 end
function response(status, headers, body)
  if status < 400 then ok = ok + 1 elseif status < 500 then client = client + 1 else server = server + 1 end
end
function done(summary, latency, requests)
  local t = {ok = 0, client = 0, server = 0}
  for _, thread in ipairs(threads) do
    for k in pairs(t) do t[k] = t[k] + thread:get(k) end
  end
  io.write(string.format("BENCH ok=%d client=%d server=%d p50=%d p90=%d p99=%d max=%d duration=%d\n",
    t.ok, t.client, t.server, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, summary.duration))
end
