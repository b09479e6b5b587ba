// Runs the official OpenAI Node SDK against a running GroundGate and prints one JSON line per step.
// Usage: node conformance.mjs <baseURL> <model> [steps]   (GG_QUESTION: the question of the complete/stream steps)
//   steps: comma-separated from models,tools,complete,stream,error (default: all, in that order)
//          and the Responses API's responses,responses-stream,responses-tools,responses-error
// Exit code 0 when every step passed.
import OpenAI, { APIError } from 'openai';

const [baseURL, model, stepList] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey: process.env.GROUNDGATE_API_KEY ?? 'sk-node-conformance', maxRetries: 0, timeout: 30_000 });
const steps = (stepList ?? 'models,tools,complete,stream,error').split(',');

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

const run = {
  async models() {
    const ids = [];
    for await (const m of client.models.list()) ids.push(m.id);
    check(ids.includes(model), `models list lacks ${model}: ${ids}`);
    const one = await client.models.retrieve(model);
    check(one.id === model, `retrieve returned ${one.id}`);
    return { ids };
  },
  async tools() {
    const messages = [{ role: 'user', content: 'Weather in Oslo?' }];
    const first = await client.chat.completions.create({ model, messages, tools: [weatherTool] });
    const choice = first.choices[0];
    check(choice.finish_reason === 'tool_calls', `finish_reason ${choice.finish_reason}`);
    const call = choice.message.tool_calls[0];
    check(call.function.name === 'get_weather', `tool name ${call.function.name}`);
    const args = JSON.parse(call.function.arguments);
    messages.push(choice.message, { role: 'tool', tool_call_id: call.id, content: `sunny in ${args.city}` });
    const second = await client.chat.completions.create({ model, messages, tools: [weatherTool] });
    return { arguments: args, answer: second.choices[0].message.content };
  },
  async complete() {
    const r = await client.chat.completions.create({ model, messages: [{ role: 'user', content: process.env.GG_QUESTION ?? 'ping' }] });
    check(typeof r.choices[0].message.content === 'string', 'no content');
    return { content: r.choices[0].message.content, usage: r.usage, grounding: r.grounding ?? null };
  },
  async stream() {
    const stream = await client.chat.completions.create({
      model, messages: [{ role: 'user', content: process.env.GG_QUESTION ?? 'pong' }], stream: true, stream_options: { include_usage: true },
    });
    let text = '';
    let chunks = 0;
    let usage = null;
    let grounding = null;
    for await (const chunk of stream) {
      chunks++;
      for (const c of chunk.choices) text += c.delta?.content ?? '';
      if (chunk.usage) usage = chunk.usage;
      if (chunk.grounding) grounding = chunk.grounding;
    }
    check(chunks > 0, 'no chunks');
    return { content: text, chunks, usage, grounding };
  },
  async error() {
    try {
      await client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] });
    } catch (e) {
      check(e instanceof APIError, `not an APIError: ${e}`);
      check(e.status === 404, `status ${e.status}`);
      check(e.code === 'model_not_found', `code ${e.code}`);
      return { status: e.status, message: e.message };
    }
    throw new Error('no error raised');
  },
  async responses() {
    const r = await client.responses.create({ model, input: process.env.GG_QUESTION ?? 'ping' });
    check(r.object === 'response' && r.status === 'completed', `status ${r.status}`);
    return { id: r.id, text: r.output_text, usage: r.usage, grounding: r.grounding ?? null };
  },
  async 'responses-stream'() {
    const stream = client.responses.stream({ model, input: process.env.GG_QUESTION ?? 'pong' });
    let text = '';
    const types = [];
    let last = -1;
    for await (const event of stream) {
      types.push(event.type);
      check(event.sequence_number === last + 1, `sequence_number ${event.sequence_number} after ${last}`);
      last = event.sequence_number;
      if (event.type === 'response.output_text.delta') text += event.delta;
    }
    const final = await stream.finalResponse();
    check(final.output_text === text, `final text '${final.output_text}' differs from the deltas '${text}'`);
    return { text, types, usage: final.usage, grounding: final.grounding ?? null };
  },
  async 'responses-tools'() {
    const tools = [{ type: 'function', name: 'get_weather', description: 'Weather for a city', strict: false,
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }];
    const stream = client.responses.stream({ model, input: 'Weather in Oslo?', tools });
    let args = '';
    stream.on('response.function_call_arguments.delta', (e) => { args += e.delta; });
    const first = await stream.finalResponse();
    const call = first.output.find((item) => item.type === 'function_call');
    check(call && call.name === 'get_weather', `no get_weather call in ${JSON.stringify(first.output)}`);
    check(args === call.arguments, `streamed arguments '${args}' differ from '${call.arguments}'`);
    const parsed = JSON.parse(call.arguments);
    const second = client.responses.stream({ model, previous_response_id: first.id, tools,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: `sunny in ${parsed.city}` }] });
    const answer = await second.finalResponse();
    return { arguments: parsed, callId: call.call_id, answer: answer.output_text };
  },
  async 'responses-error'() {
    try {
      await client.responses.create({ model: 'no-such-model', input: 'hi' });
    } catch (e) {
      check(e instanceof APIError, `not an APIError: ${e}`);
      check(e.status === 404, `status ${e.status}`);
      check(e.code === 'model_not_found', `code ${e.code}`);
      return { status: e.status, message: e.message };
    }
    throw new Error('no error raised');
  },
};

let failed = 0;
for (const step of steps) {
  try {
    const result = await run[step]();
    console.log(JSON.stringify({ step, ok: true, result }));
  } catch (e) {
    failed++;
    console.log(JSON.stringify({ step, ok: false, error: String(e?.stack ?? e) }));
  }
}
process.exit(failed ? 1 : 0);
