// Interop in the stateless revision (MCP 2026-07-28): the TypeScript SDK v2 client (@modelcontextprotocol/client),
// pinned to 2026-07-28, through the Switchboard gateway to
//   - "v2only": a v2 SDK server that speaks only the stateless revision (createMcpHandler, legacy: 'reject');
//   - "everything": the reference server-everything, a session-era server, whose sampling and elicitation requests
//     reach the stateless client as input_required results (the gateway's bridge);
//   - "fixture": the conformance fixture (session era).
// A session-era client (SDK v1) reaches the v2only server through the same gateway, the gateway speaking the
// stateless revision to it. With SECOND_GATEWAY_URL (another instance sharing the request-state key), the retry of
// an input_required call goes to the other instance. Run by scripts/interop.sh, which sets GATEWAY_URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client as ModernClient, StreamableHTTPClientTransport as ModernTransport } from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const GATEWAY_URL = process.env.GATEWAY_URL;
const SECOND_GATEWAY_URL = process.env.SECOND_GATEWAY_URL;
const TEST_TIMEOUT_MS = 30_000;
const SAMPLED_TEXT = 'modern sample answer';

if (!GATEWAY_URL) {
  throw new Error('GATEWAY_URL is not set; run scripts/interop.sh');
}

/** A v2 client pinned to the stateless revision that answers sampling and elicitation from `state`. */
async function connectModern(t, url = GATEWAY_URL) {
  const state = { sampling: 0, elicitations: 0 };
  const client = new ModernClient({ name: 'switchboard-interop-modern', version: '1.0.0' }, {
    capabilities: { sampling: {}, elicitation: { form: {} } },
    versionNegotiation: { mode: { pin: '2026-07-28' } },
  });
  client.setRequestHandler('sampling/createMessage', async () => {
    state.sampling++;
    return { role: 'assistant', content: { type: 'text', text: SAMPLED_TEXT }, model: 'interop-model',
      stopReason: 'endTurn' };
  });
  client.setRequestHandler('elicitation/create', async (request) => {
    state.elicitations++;
    const asksColor = Boolean(request.params?.requestedSchema?.properties?.color);
    return { action: 'accept', content: asksColor ? { color: 'teal' } : { name: 'Modern Tester' } };
  });
  await client.connect(new ModernTransport(new URL(url)));
  t.after(() => client.close());
  return { client, state };
}

function texts(result) {
  return result.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n');
}

test('a pinned v2 client connects without a session and lists every backend', { timeout: TEST_TIMEOUT_MS },
  async (t) => {
    const { client } = await connectModern(t);
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    for (const expected of ['v2only_echo', 'v2only_greet', 'everything_echo', 'fixture_test_simple_text']) {
      assert.ok(names.includes(expected), `${expected} in ${names.join(', ')}`);
    }
  });

test('a stateless backend answers a stateless client, input_required included', { timeout: TEST_TIMEOUT_MS },
  async (t) => {
    const { client, state } = await connectModern(t);
    assert.equal(texts(await client.callTool({ name: 'v2only_echo', arguments: { text: 'hi' } })), 'echo: hi');
    assert.equal(texts(await client.callTool({ name: 'v2only_greet', arguments: {} })), 'Hello, Modern Tester!');
    assert.equal(state.elicitations, 1);
  });

test('a session-era backend asks a stateless client through input_required', { timeout: TEST_TIMEOUT_MS },
  async (t) => {
    const { client, state } = await connectModern(t);
    assert.match(texts(await client.callTool({ name: 'everything_trigger-sampling-request',
      arguments: { prompt: 'Say hello', maxTokens: 20 } })), new RegExp(SAMPLED_TEXT));
    assert.equal(state.sampling, 1);
    const elicited = texts(await client.callTool({ name: 'everything_trigger-elicitation-request', arguments: {} }));
    assert.match(elicited, /Name: Modern Tester/);
    assert.equal(state.elicitations, 1);
    const twoRounds = await client.callTool({ name: 'fixture_test_input_required_result_multi_round', arguments: {} });
    assert.equal(texts(twoRounds), 'Modern Tester likes teal');
    assert.equal(state.elicitations, 3);
  });

test('a session-era client reaches the stateless-only backend, its questions included', { timeout: TEST_TIMEOUT_MS },
  async (t) => {
    const client = new Client({ name: 'switchboard-interop-v1', version: '1.0.0' },
      { capabilities: { elicitation: { form: {} } } });
    let asked = 0;
    client.setRequestHandler(ElicitRequestSchema, async () => {
      asked++;
      return { action: 'accept', content: { name: 'Session Tester' } };
    });
    const transport = new StreamableHTTPClientTransport(new URL(GATEWAY_URL));
    await client.connect(transport);
    t.after(async () => {
      await transport.terminateSession().catch(() => {});
      await client.close();
    });
    const echoed = await client.callTool({ name: 'v2only_echo', arguments: { text: 'from the session era' } });
    assert.equal(texts(echoed), 'echo: from the session era');
    assert.equal(texts(await client.callTool({ name: 'v2only_greet', arguments: {} })), 'Hello, Session Tester!');
    assert.equal(asked, 1);
  });

test('the retry of an input_required call may land on another instance', { timeout: TEST_TIMEOUT_MS,
  skip: SECOND_GATEWAY_URL ? false : 'SECOND_GATEWAY_URL is not set' }, async () => {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream',
    'MCP-Protocol-Version': '2026-07-28', 'Mcp-Method': 'tools/call' };
  const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientCapabilities': { elicitation: {} } };
  for (const name of ['v2only_greet', 'fixture_test_input_required_result_elicitation']) {
    const post = async (url, id, params) => (await fetch(url, { method: 'POST',
      headers: { ...headers, 'Mcp-Name': name },
      body: JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: {}, ...params,
        _meta: meta } }) })).json();
    const first = await post(GATEWAY_URL, 1, {});
    assert.equal(first.result.resultType, 'input_required', JSON.stringify(first));
    const key = Object.keys(first.result.inputRequests)[0];
    const second = await post(SECOND_GATEWAY_URL, 2, { requestState: first.result.requestState,
      inputResponses: { [key]: { action: 'accept', content: { name: 'Elsewhere' } } } });
    assert.equal(second.result?.resultType, 'complete', JSON.stringify(second));
    assert.equal(texts(second.result), 'Hello, Elsewhere!');
  }
});
