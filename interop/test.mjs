// Interop test: the official TypeScript SDK client (Client + StreamableHTTPClientTransport) against the Switchboard
// gateway fronting the reference server-everything (backend "everything") and the conformance fixture (backend
// "fixture"), with prefix naming. Run by scripts/interop.sh, which starts everything and sets:
//   EVERYTHING_URL, FIXTURE_URL        the endpoint serving each backend's features (both the gateway's)
//   EVERYTHING_PREFIX, FIXTURE_PREFIX  how the gateway names them ("everything_", "fixture_"; "" with --direct)
// Every test opens its own session, so that one failing feature does not hide the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  LoggingMessageNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';

const EVERYTHING_URL = required('EVERYTHING_URL');
const FIXTURE_URL = required('FIXTURE_URL');
const E = process.env.EVERYTHING_PREFIX ?? 'everything_';
const F = process.env.FIXTURE_PREFIX ?? 'fixture_';
const TEST_TIMEOUT_MS = 30_000;
const REQUEST_TIMEOUT_MS = 20_000;
const SAMPLED_TEXT = 'interop sample answer';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set; run scripts/interop.sh`);
  }
  return value;
}

/**
 * A connected client that declares sampling, elicitation and roots (with listChanged), answers those requests from
 * `state`, and records what the server sent. The session is ended when the test finishes.
 */
async function connect(t, url, roots = [{ uri: 'file:///tmp/interop-root-1', name: 'interop root 1' }]) {
  const state = { roots, rootsRequests: 0, sampling: [], elicitations: [], logs: [], updates: [] };
  const client = new Client(
    { name: 'switchboard-interop', version: '1.0.0' },
    { capabilities: { sampling: {}, elicitation: { form: {} }, roots: { listChanged: true } } },
  );
  client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
    state.sampling.push(request.params);
    return { role: 'assistant', content: { type: 'text', text: SAMPLED_TEXT }, model: 'interop-model',
      stopReason: 'endTurn' };
  });
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    state.elicitations.push(request.params);
    return { action: 'accept', content: { name: 'Interop Tester' } };
  });
  client.setRequestHandler(ListRootsRequestSchema, async () => {
    state.rootsRequests++;
    return { roots: state.roots };
  });
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => state.logs.push(n.params));
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => state.updates.push(n.params));
  const transport = new StreamableHTTPClientTransport(new URL(url));
  await client.connect(transport, { timeout: REQUEST_TIMEOUT_MS });
  t.after(async () => {
    await transport.terminateSession().catch(() => {});
    await client.close().catch(() => {});
  });
  return { client, transport, state };
}

async function waitFor(what, condition, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function texts(result) {
  return (result.content ?? []).filter((block) => block.type === 'text').map((block) => block.text).join('\n');
}

async function call(client, name, args = {}, options = {}) {
  return client.callTool({ name, arguments: args }, undefined, { timeout: REQUEST_TIMEOUT_MS, ...options });
}

async function toolNames(client) {
  return (await client.listTools()).tools.map((tool) => tool.name);
}

test('initialize negotiates 2025-11-25 and a session with tools, prompts, resources and logging',
  { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { client, transport } = await connect(t, EVERYTHING_URL);
    assert.equal(transport.protocolVersion, '2025-11-25');
    assert.ok(transport.sessionId, 'a session id');
    const capabilities = client.getServerCapabilities();
    for (const feature of ['tools', 'prompts', 'resources', 'logging']) {
      assert.ok(capabilities[feature], `capability ${feature} in ${JSON.stringify(capabilities)}`);
    }
    assert.ok(client.getServerVersion()?.name, 'serverInfo.name');
  });

test('tools/list shows both backends\' tools under their prefixes', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { client } = await connect(t, EVERYTHING_URL);
  const names = await toolNames(client);
  for (const name of [`${E}echo`, `${E}get-sum`, `${E}trigger-long-running-operation`,
    `${E}toggle-subscriber-updates`]) {
    assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
  }
  const fixtureNames = FIXTURE_URL === EVERYTHING_URL ? names : await toolNames((await connect(t, FIXTURE_URL)).client);
  assert.ok(fixtureNames.includes(`${F}test_simple_text`), `${F}test_simple_text in ${fixtureNames.join(', ')}`);
  if (E !== '' && FIXTURE_URL === EVERYTHING_URL) {
    // (the gateway also fronts "v2only", the stateless-only backend of modern.mjs)
    const unprefixed = names.filter((name) => !name.startsWith(E) && !name.startsWith(F) && !name.startsWith('v2only_'));
    assert.deepEqual(unprefixed, [], 'every name carries its backend prefix');
  }
});

test('tools that server-everything offers only to clients with sampling, elicitation and roots are listed',
  { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { client } = await connect(t, EVERYTHING_URL);
    const names = await toolNames(client);
    for (const name of [`${E}trigger-sampling-request`, `${E}trigger-elicitation-request`, `${E}get-roots-list`]) {
      assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
    }
  });

test('echo and get-sum are called through the gateway', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { client } = await connect(t, EVERYTHING_URL);
  assert.equal(texts(await call(client, `${E}echo`, { message: 'hello through the gateway' })),
    'Echo: hello through the gateway');
  assert.equal(texts(await call(client, `${E}get-sum`, { a: 2, b: 3 })), 'The sum of 2 and 3 is 5.');
});

test('structuredContent and outputSchema reach the client unchanged', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { client } = await connect(t, EVERYTHING_URL);
  const tool = (await client.listTools()).tools.find((candidate) => candidate.name === `${E}get-structured-content`);
  assert.ok(tool?.outputSchema, 'get-structured-content declares an outputSchema');
  const result = await call(client, `${E}get-structured-content`, { location: 'New York' });
  assert.equal(typeof result.structuredContent?.temperature, 'number', JSON.stringify(result));
});

test('progress of a long-running operation reaches onprogress', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { client } = await connect(t, EVERYTHING_URL);
  const progress = [];
  const result = await call(client, `${E}trigger-long-running-operation`, { duration: 1, steps: 4 },
    { onprogress: (p) => progress.push(p), resetTimeoutOnProgress: true });
  assert.match(texts(result), /Long running operation completed/);
  assert.deepEqual(progress.map((p) => p.progress), [1, 2, 3, 4]);
  assert.ok(progress.every((p) => p.total === 4), JSON.stringify(progress));
});

test('sampling: the backend\'s sampling/createMessage is answered by the client', { timeout: TEST_TIMEOUT_MS },
  async (t) => {
    const { client, state } = await connect(t, EVERYTHING_URL);
    const result = await call(client, `${E}trigger-sampling-request`, { prompt: 'Say hello', maxTokens: 20 });
    assert.equal(state.sampling.length, 1);
    assert.match(JSON.stringify(state.sampling[0].messages), /Say hello/);
    assert.match(texts(result), new RegExp(SAMPLED_TEXT));
  });

test('elicitation: the backend\'s elicitation/create is answered by the client', { timeout: TEST_TIMEOUT_MS },
  async (t) => {
    const { client, state } = await connect(t, EVERYTHING_URL);
    const result = await call(client, `${E}trigger-elicitation-request`);
    assert.equal(state.elicitations.length, 1);
    assert.ok(state.elicitations[0].requestedSchema?.properties?.name, JSON.stringify(state.elicitations[0]));
    assert.match(texts(result), /Name: Interop Tester/);
  });

test('roots: the backend lists the client\'s roots, and again after roots/list_changed', { timeout: TEST_TIMEOUT_MS },
  async (t) => {
    const { client, state } = await connect(t, EVERYTHING_URL);
    assert.match(texts(await call(client, `${E}get-roots-list`)), /file:\/\/\/tmp\/interop-root-1/);
    const before = state.rootsRequests;
    state.roots = [{ uri: 'file:///tmp/interop-root-2', name: 'interop root 2' }];
    await client.sendRootsListChanged();
    await waitFor('roots/list after notifications/roots/list_changed', () => state.rootsRequests > before);
    assert.match(texts(await call(client, `${E}get-roots-list`)), /file:\/\/\/tmp\/interop-root-2/);
  });

test('logging: messages sent during a call honour logging/setLevel', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { client, state } = await connect(t, FIXTURE_URL);
  assert.deepEqual(await client.setLoggingLevel('info'), {});
  await call(client, `${F}test_tool_with_logging`);
  await waitFor('three info messages', () => state.logs.length >= 3, 2_000);
  assert.deepEqual(state.logs.map((log) => [log.level, log.data]), [['info', 'Tool execution started'],
    ['info', 'Tool processing data'], ['info', 'Tool execution completed']]);

  await client.setLoggingLevel('warning');
  await call(client, `${F}test_tool_with_logging`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(state.logs.length, 3, 'info messages are filtered out at level warning');
});

test('SSE polling: a call whose stream the server closes mid-call still gets its result', { timeout: TEST_TIMEOUT_MS },
  async (t) => {
    const { client } = await connect(t, FIXTURE_URL);
    // The fixture closes the POST stream after its priming event; the SDK resumes with GET and Last-Event-ID.
    assert.match(texts(await call(client, `${F}test_reconnection`)), /Reconnection test completed successfully/);
  });

test('completion of server-everything\'s completable prompt, with context', { timeout: TEST_TIMEOUT_MS },
  async (t) => {
    const { client } = await connect(t, EVERYTHING_URL);
    const ref = { type: 'ref/prompt', name: `${E}completable-prompt` };
    const department = await client.complete({ ref, argument: { name: 'department', value: 'E' } });
    assert.deepEqual(department.completion.values, ['Engineering']);
    const name = await client.complete({ ref, argument: { name: 'name', value: '' },
      context: { arguments: { department: 'Sales' } } });
    assert.deepEqual(name.completion.values, ['David', 'Eve', 'Frank']);
  });

test('prompts: list and get through the gateway', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { client } = await connect(t, EVERYTHING_URL);
  const names = (await client.listPrompts()).prompts.map((prompt) => prompt.name);
  for (const name of [`${E}simple-prompt`, `${E}args-prompt`, `${E}completable-prompt`]) {
    assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
  }
  const prompt = await client.getPrompt({ name: `${E}args-prompt`, arguments: { city: 'Paris', state: 'Texas' } });
  assert.equal(prompt.messages[0].content.text, 'What\'s weather in Paris, Texas?');
  const fixture = (await connect(t, FIXTURE_URL)).client;
  const withArgs = await fixture.getPrompt({ name: `${F}test_prompt_with_arguments`,
    arguments: { arg1: 'hello', arg2: 'world' } });
  assert.equal(withArgs.messages[0].content.text, 'Prompt with arguments: arg1=\'hello\', arg2=\'world\'');
});

test('resources: list, templates and read through the gateway', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { client } = await connect(t, EVERYTHING_URL);
  const uris = (await client.listResources()).resources.map((resource) => resource.uri);
  assert.ok(uris.some((uri) => uri.startsWith('demo://resource/static/document/')), uris.join(', '));
  const templates = (await client.listResourceTemplates()).resourceTemplates.map((tpl) => tpl.uriTemplate);
  assert.ok(templates.includes('demo://resource/dynamic/text/{resourceId}'), templates.join(', '));
  const dynamic = await client.readResource({ uri: 'demo://resource/dynamic/text/1' });
  assert.equal(dynamic.contents[0].uri, 'demo://resource/dynamic/text/1');
  assert.ok(dynamic.contents[0].text, JSON.stringify(dynamic));
  const fixture = (await connect(t, FIXTURE_URL)).client;
  const text = await fixture.readResource({ uri: 'test://static-text' });
  assert.equal(text.contents[0].text, 'This is the content of the static text resource.');
});

test('resources/updated for a subscribed URI arrives on the GET stream', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { client, state } = await connect(t, EVERYTHING_URL);
  const uri = 'demo://resource/dynamic/text/1';
  assert.deepEqual(await client.subscribeResource({ uri }), {});
  assert.match(texts(await call(client, `${E}toggle-subscriber-updates`)), /Started/);
  try {
    // server-everything sends one at once (on its standalone stream), then one every 5 s.
    await waitFor(`notifications/resources/updated for ${uri}`, () => state.updates.some((u) => u.uri === uri),
      12_000);
  } finally {
    await call(client, `${E}toggle-subscriber-updates`).catch(() => {});
  }
  assert.deepEqual(await client.unsubscribeResource({ uri }), {});
});
