// Runs the official MCP TypeScript SDK client against GroundGate's /mcp and prints one JSON line per step.
// Usage: node mcp.mjs <mcpURL> <steps>   (GG_KEY: the API key sent as Bearer; GG_ORIGIN: an Origin header to send)
//   steps: comma-separated from tools,calls,resources,prompt,listChanged,denied (listChanged prints
//   {"step":"listening"}, then waits up to 20 s for notifications/tools/list_changed caused by whatever the caller does)
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';

const [url, stepList] = process.argv.slice(2);
const headers = {};
if (process.env.GG_KEY) headers.Authorization = `Bearer ${process.env.GG_KEY}`;
if (process.env.GG_ORIGIN) headers.Origin = process.env.GG_ORIGIN;

function check(condition, message) {
  if (!condition) throw new Error(message);
}

let changed = null;
const listChanged = new Promise((resolve) => { changed = resolve; });
const client = new Client({ name: 'groundgate-mcp-conformance', version: '1.0.0' });
client.setNotificationHandler(ToolListChangedNotificationSchema, () => changed(true));

const run = {
  async tools() {
    const { tools } = await client.listTools();
    for (const t of tools) {
      check(t.inputSchema?.type === 'object', `${t.name} has no object input schema`);
      check(t.description?.length > 10, `${t.name} has no description`);
    }
    return { names: tools.map((t) => t.name).sort(), calculator: tools.find((t) => t.name === 'calculator') ?? null };
  },
  async calls() {
    const out = {};
    const calls = {
      calculator: { expression: '6 * 7' },
      kg_search: { query: 'gold' },
      kg_describe: () => ({ iri: out.kg_search.structured.result.hits[0].iri }), // the IRI kg_search found
      kg_schema: {},
      sparql_query: { query: 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' },
      element_property: { element: 'gold', property: 'density' },
      calculator_error: { expression: '1 / ' },
      sparql_query_error: { query: 'SELECT ?s WHERE { ?s ?p' },
      kg_describe_error: { iri: 'http://example.org/no-such-entity' },
    };
    for (const [key, given] of Object.entries(calls)) {
      const name = key.replace(/_error$/, '');
      const args = typeof given === 'function' ? given() : given;
      const r = await client.callTool({ name, arguments: args });
      check(Array.isArray(r.content) && r.content[0]?.type === 'text', `${key}: no text content`);
      check(JSON.stringify(JSON.parse(r.content[0].text)) === JSON.stringify(r.structuredContent),
        `${key}: the text is not the structured content`);
      out[key] = { isError: r.isError ?? false, structured: r.structuredContent };
    }
    return out;
  },
  async resources() {
    const { resources } = await client.listResources();
    const contents = {};
    for (const r of resources) {
      const read = await client.readResource({ uri: r.uri });
      contents[r.uri] = JSON.parse(read.contents[0].text);
    }
    return { uris: resources.map((r) => r.uri).sort(), contents };
  },
  async prompt() {
    const { prompts } = await client.listPrompts();
    const p = await client.getPrompt({ name: 'ground_answer', arguments: { question: 'How dense is gold?' } });
    return { names: prompts.map((x) => x.name), text: p.messages[0].content.text };
  },
  async listChanged() {
    console.log(JSON.stringify({ step: 'listening' }));
    const got = await Promise.race([listChanged, new Promise((r) => setTimeout(() => r(false), 20_000))]);
    check(got, 'no notifications/tools/list_changed within 20 s');
    const { tools } = await client.listTools();
    return { names: tools.map((t) => t.name).sort() };
  },
  async denied() {
    try {
      const r = await client.callTool({ name: 'sparql_query', arguments: { query: 'ASK {}' } });
      return { refused: r.isError === true, how: 'isError', text: r.content?.[0]?.text ?? '' };
    } catch (e) {
      return { refused: true, how: 'error', code: e?.code ?? null, text: String(e?.message ?? e) };
    }
  },
};

let failed = 0;
try {
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  console.log(JSON.stringify({ step: 'connect', ok: true, result: { session: client.transport?.sessionId ?? null,
    protocol: client.transport?.protocolVersion ?? null } }));
} catch (e) {
  console.log(JSON.stringify({ step: 'connect', ok: false, error: String(e?.message ?? e), code: e?.code ?? null }));
  process.exit(1);
}
for (const step of (stepList ?? '').split(',').filter(Boolean)) {
  try {
    const result = await run[step]();
    console.log(JSON.stringify({ step, ok: true, result }));
  } catch (e) {
    failed++;
    console.log(JSON.stringify({ step, ok: false, error: String(e?.stack ?? e) }));
  }
}
await client.close();
process.exit(failed ? 1 : 0);
