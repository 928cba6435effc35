-- An alert storm as Alertmanager sends it: 95 % repeats of 20 firing alerts, 5 % alerts never seen before.
-- AUTH (the monitoring client's bearer token) and RUN (makes this run's fingerprints its own) come from the
-- environment. Counts the answers and the incidents they say were created; the suite reads done()'s line.
wrk.method = "POST"
wrk.headers["Authorization"] = os.getenv("AUTH")
wrk.headers["Content-Type"] = "application/json"
local run = os.getenv("RUN") or "run"

local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end
function init(args)
  ok, client, server, created, new = 0, 0, 0, 0, 0
  math.randomseed(id * 7919 + os.time())
end

local function alert(fingerprint, name, service)
  return '{"version":"4","status":"firing","receiver":"incident-flow","alerts":[{"status":"firing",' ..
    '"fingerprint":"' .. fingerprint .. '","labels":{"alertname":"' .. name .. '","service":"' .. service ..
    '","severity":"critical"},"annotations":{"summary":"' .. name .. ' on ' .. service .. '"},' ..
    '"startsAt":"2026-11-23T10:00:00Z"}]}'
end

function request()
  local body
  if math.random() < 0.05 then
    new = new + 1
    body = alert(run .. "-t" .. id .. "-n" .. new, "DiskFull", "postgres-orders")
  else
    local k = math.random(1, 20)
    body = alert(run .. "-r" .. k, "HighErrorRate", "web-frontend")
  end
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status < 400 then ok = ok + 1 elseif status < 500 then client = client + 1 else server = server + 1 end
  if body and string.find(body, '"outcome":"created"', 1, true) then created = created + 1 end
end

function done(summary, latency, requests)
  local t = {ok = 0, client = 0, server = 0, created = 0, new = 0}
  for _, thread in ipairs(threads) do
    for k in pairs(t) do t[k] = t[k] + thread:get(k) end
  end
  io.write(string.format("BENCH ok=%d client=%d server=%d p50=%d p90=%d p99=%d max=%d duration=%d created=%d new=%d\n",
    t.ok, t.client, t.server, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, summary.duration, t.created, t.new))
end
