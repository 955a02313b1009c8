-- wrk script: one stateless MCP tools/call (protocol revision 2026-07-28) per request, so wrk needs no session.
-- Usage: wrk -s mcp-stateless-call.lua URL -- TOOL TEXT
-- Counts an answer as an error unless it is HTTP 200 with a JSON-RPC result (reported by done()).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local tool = args[1] or "echo"
  local text = args[2] or "hello"
  errors = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json, text/event-stream"
  wrk.headers["MCP-Protocol-Version"] = "2026-07-28"
  wrk.headers["Mcp-Method"] = "tools/call"
  wrk.headers["Mcp-Name"] = tool
  wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"' .. tool .. '","arguments":{"text":"'
    .. text .. '"},"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28",'
    .. '"io.modelcontextprotocol/clientCapabilities":{},'
    .. '"io.modelcontextprotocol/clientInfo":{"name":"switchboard-perf-wrk","version":"1"}}}}'
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"result"', 1, true) then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("errors")
  end
  io.write(string.format("mcp-errors: %d\n", total))
end
