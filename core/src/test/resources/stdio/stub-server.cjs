// A tiny MCP server on stdio for the multiplexer tests (node, no dependencies). It reports what it saw on the pipe
// (request ids, progress tokens, cancellations, subscriptions, log levels) so that tests can check the gateway's
// mapping, and it can send server-to-client requests and bad lines on demand.
'use strict';
const readline = require('node:readline');

const seen = { ids: [], tokens: [], cancelled: [], subscribe: [], unsubscribe: [], levels: [], answers: [] };
const waiting = new Map();
let next = 1;

function send(message) {
  process.stdout.write(JSON.stringify(message) + '\n');
}

function text(id, value) {
  send({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) }] } });
}

const tools = ['echo', 'progress', 'sample', 'seen', 'garbage', 'notify', 'exit', 'hold'].map(name => ({
  name, description: 'stub ' + name, inputSchema: { type: 'object' }
}));

function call(id, params) {
  const args = params.arguments || {};
  switch (params.name) {
    case 'echo':
      return text(id, { echo: args.text, id });
    case 'progress': {
      const token = params._meta && params._meta.progressToken;
      seen.tokens.push(token);
      const steps = args.steps || 3;
      let i = 0;
      const tick = () => {
        i++;
        send({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: token, progress: i, total: steps } });
        if (i < steps) setTimeout(tick, args.delay || 20); else text(id, { done: steps, token });
      };
      return setTimeout(tick, args.delay || 20);
    }
    case 'sample': {
      const sid = 'srv-' + next++;
      waiting.set(sid, answer => text(id, { answer }));
      return send({ jsonrpc: '2.0', id: sid, method: args.method || 'sampling/createMessage', params: args.params || { messages: [], maxTokens: 5 } });
    }
    case 'hold':
      return setTimeout(() => text(id, 'held'), args.ms || 500);
    case 'seen':
      return text(id, seen);
    case 'garbage':
      process.stdout.write('this is not json\n');
      process.stdout.write('{"jsonrpc":"2.0","x":"' + 'a'.repeat(args.bytes || 2000) + '"}\n');
      return text(id, 'after garbage');
    case 'notify':
      send({ jsonrpc: '2.0', method: args.method, params: args.params || {} });
      return text(id, 'notified');
    case 'exit':
      process.exit(3);
  }
  send({ jsonrpc: '2.0', id, error: { code: -32602, message: 'Unknown tool ' + params.name } });
}

readline.createInterface({ input: process.stdin }).on('line', line => {
  const message = JSON.parse(line);
  if (message.method === undefined) {
    const pendingAnswer = waiting.get(message.id);
    seen.answers.push(message);
    if (pendingAnswer) { waiting.delete(message.id); pendingAnswer(message.result || message.error); }
    return;
  }
  if (message.id === undefined) {
    if (message.method === 'notifications/cancelled') seen.cancelled.push(message.params.requestId);
    return;
  }
  seen.ids.push(message.id);
  const params = message.params || {};
  switch (message.method) {
    case 'initialize':
      return send({ jsonrpc: '2.0', id: message.id, result: {
        protocolVersion: params.protocolVersion,
        capabilities: { tools: { listChanged: true }, resources: { subscribe: true }, logging: {} },
        serverInfo: { name: 'stub', version: '1', declared: params.capabilities } } });
    case 'tools/list':
      return send({ jsonrpc: '2.0', id: message.id, result: { tools } });
    case 'resources/list':
      return send({ jsonrpc: '2.0', id: message.id, result: { resources: [{ uri: 'stub://r', name: 'r' }] } });
    case 'tools/call':
      return call(message.id, params);
    case 'resources/subscribe':
      seen.subscribe.push(params.uri);
      return send({ jsonrpc: '2.0', id: message.id, result: {} });
    case 'resources/unsubscribe':
      seen.unsubscribe.push(params.uri);
      return send({ jsonrpc: '2.0', id: message.id, result: {} });
    case 'logging/setLevel':
      seen.levels.push(params.level);
      return send({ jsonrpc: '2.0', id: message.id, result: {} });
    default:
      return send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } });
  }
});
if (process.argv.includes('--ignore-sigterm')) {
  process.on('SIGTERM', () => process.stderr.write('ignoring SIGTERM\n'));
  setInterval(() => {}, 1000);
}
process.stderr.write('stub server ready\n');
