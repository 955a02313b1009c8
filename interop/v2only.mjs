// A stateless-only MCP server (protocol revision 2026-07-28) built with the TypeScript SDK v2: createMcpHandler with
// legacy: 'reject', so a session-era initialize gets 400 / -32022. Used by scripts/interop.sh as the backend "v2only".
// It prints "Loopback MCP endpoint: <url>" once it listens on 127.0.0.1 (PORT=0 picks a free port).
import http from 'node:http';
import { createMcpHandler, McpServer, inputRequired } from '@modelcontextprotocol/server';
import { z } from 'zod';

function server() {
  const mcp = new McpServer({ name: 'v2only', version: '1.0.0' },
    { capabilities: { tools: { listChanged: true } } });
  mcp.registerTool('echo', { description: 'Echoes its text', inputSchema: { text: z.string() } },
    async ({ text }) => ({ content: [{ type: 'text', text: `echo: ${text}` }] }));
  mcp.registerTool('progress', { description: 'Reports progress 1 and 2 of 2, then answers' }, async (ctx) => {
    const token = ctx.mcpReq._meta?.progressToken;
    for (const progress of [1, 2]) {
      if (token !== undefined) {
        await ctx.mcpReq.notify({ method: 'notifications/progress', params: { progressToken: token, progress, total: 2 } });
      }
    }
    return { content: [{ type: 'text', text: 'progressed' }] };
  });
  mcp.registerTool('greet', { description: 'Asks the user for a name (input_required), then greets them' },
    async (ctx) => {
      const answer = ctx.mcpReq.inputResponses?.user_name;
      if (answer?.action === 'accept') {
        return { content: [{ type: 'text', text: `Hello, ${answer.content?.name}!` }] };
      }
      return inputRequired({ inputRequests: { user_name: inputRequired.elicit({ message: 'What is your name?',
        requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } }) } });
    });
  return mcp;
}

const handler = createMcpHandler(server, { legacy: 'reject' });
const httpServer = http.createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) {
    chunks.push(chunk);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  const body = ['GET', 'HEAD'].includes(req.method) ? undefined : Buffer.concat(chunks);
  const response = await handler.fetch(new Request(`http://${req.headers.host}${req.url}`,
    { method: req.method, headers, body, signal: abort.signal, duplex: 'half' }));
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) {
    for await (const chunk of response.body) {
      res.write(chunk);
    }
  }
  res.end();
});
httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`Loopback MCP endpoint: http://127.0.0.1:${httpServer.address().port}/mcp`);
});
