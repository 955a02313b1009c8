-- wrk script: one session-era MCP tools/call (protocol revision 2025-11-25) per request, on a session opened
-- beforehand. Each request gets an id of its own (a session refuses an id already in flight).
-- Usage: wrk -t1 -s mcp-session-call.lua URL -- SESSION_ID TOOL TEXT
-- Counts an answer as an error unless it is HTTP 200 with a JSON-RPC result, whether it comes as JSON or as SSE
-- (reported by done(), with how many came as SSE).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  tool = args[2] or "echo"
  text = args[3] or "hello"
  counter = 0
  errors = 0
  sse = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json, text/event-stream"
  wrk.headers["MCP-Protocol-Version"] = "2025-11-25"
  wrk.headers["Mcp-Session-Id"] = args[1]
end

function request()
  counter = counter + 1
  return wrk.format(nil, nil, nil, '{"jsonrpc":"2.0","id":' .. counter .. ',"method":"tools/call","params":{"name":"'
    .. tool .. '","arguments":{"message":"' .. text .. '"}}}')
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"result"', 1, true) then
    errors = errors + 1
  end
  local type = headers["Content-Type"] or headers["content-type"] or ""
  if string.find(type, "text/event-stream", 1, true) then
    sse = sse + 1
  end
end

function done(summary, latency, requests)
  local total, streamed = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("errors")
    streamed = streamed + thread:get("sse")
  end
  io.write(string.format("mcp-errors: %d\n", total))
  io.write(string.format("sse-answers: %d\n", streamed))
end
