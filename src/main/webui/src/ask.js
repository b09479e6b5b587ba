// Ask: a multi-turn chat with any served model, answers streamed (SSE over fetch), each with its trace.
import { ApiError, authHeaders, callJson } from './api.js';
import { copyText, fill, h, note } from './dom.js';
import { errorNote } from './errors.js';
import { groundingView } from './trace.js';
import { schema } from './graph.js';

let state = null; // survives switching views: {model, messages, turns}
let reloadModels = null;

/** New keys may see other models (or any at all, after a 401). */
export function keysChanged() {
  reloadModels?.();
}

export function mount(root) {
  state ??= { model: null, messages: [], turns: [] };
  const modelSelect = h('select', { id: 'ask-model', name: 'model' });
  const input = h('textarea', { id: 'ask-input', name: 'question', rows: 3, required: true,
    placeholder: 'e.g. What is the density of gold?' });
  const send = h('button', { type: 'submit', id: 'ask-send' }, 'Ask');
  const log = h('div', { id: 'ask-log', class: 'log', 'aria-live': 'polite' });
  const modelNote = h('div');
  const form = h('form', { class: 'ask-form', onsubmit: (e) => { e.preventDefault(); submit(); } },
    h('div', { class: 'row' },
      h('label', { for: 'ask-model' }, 'Model'), modelSelect,
      h('button', { type: 'button', class: 'secondary', onclick: () => { state.messages = []; state.turns = []; log.replaceChildren(); input.focus(); } }, 'New conversation')),
    h('label', { for: 'ask-input', class: 'sr' }, 'Question'), input,
    h('div', { class: 'row' }, send, h('span', { class: 'hint' }, 'Ctrl+Enter sends.')),
    modelNote);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); submit(); }
  });
  modelSelect.addEventListener('change', () => { state.model = modelSelect.value; });
  reloadModels = () => loadModels(modelSelect, modelNote);
  root.append(h('section', { class: 'view ask' }, h('h2', {}, 'Ask'), log, form));
  for (const turn of state.turns) log.append(turn);
  loadModels(modelSelect, modelNote);

  async function submit() {
    const question = input.value.trim();
    if (!question || send.disabled) return;
    send.disabled = true;
    input.value = '';
    state.messages.push({ role: 'user', content: question });
    const request = { model: modelSelect.value || 'groundgate-local', messages: [...state.messages] };
    const turn = turnView(question, request);
    state.turns.push(turn.el);
    log.append(turn.el);
    try {
      const answer = await stream(request, turn);
      state.messages.push({ role: 'assistant', content: answer });
    } catch (e) {
      state.messages.pop();
      fill(turn.answer, errorNote(e));
    } finally {
      send.disabled = false;
      input.focus();
    }
  }
}

async function loadModels(select, where) {
  try {
    const list = await callJson('/v1/models');
    const ids = list.data.map((m) => m.id);
    const rank = (id) => (id === 'groundgate-local' ? 0 : id.startsWith('grounded/') ? 1 : 2);
    ids.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    fill(select, ids.map((id) => h('option', { value: id }, id)));
    select.value = state.model && ids.includes(state.model) ? state.model
      : ids.includes('groundgate-local') ? 'groundgate-local' : ids[0];
    fill(where);
  } catch (e) {
    fill(select, h('option', { value: 'groundgate-local' }, 'groundgate-local'));
    fill(where, errorNote(e));
  }
}

function turnView(question, request) {
  const answer = h('div', { class: 'answer-text' }, h('span', { class: 'hint' }, 'Thinking…'));
  const trace = h('div', { class: 'trace-slot' });
  const status = h('span', { class: 'hint', role: 'status' });
  const code = codeView(request, status);
  const el = h('article', { class: 'turn' },
    h('div', { class: 'question' }, h('span', { class: 'who' }, 'You'), question),
    h('div', { class: 'answer-row' },
      h('div', { class: 'answer' }, h('span', { class: 'who' }, request.model), answer, code),
      h('aside', { class: 'trace-col', 'aria-label': 'Trace' }, h('h3', {}, 'Why this answer'), trace)));
  return { el, answer, trace };
}

/**
 * "Copy as curl" and "Copy as OpenAI SDK" (Python and Node.js) for the exact request of a turn; the key comes from the
 * GROUNDGATE_API_KEY environment variable, never from the page.
 */
function codeView(request, status) {
  const body = JSON.stringify(request, null, 2);
  const origin = location.origin;
  const curl = `curl -s ${origin}/v1/chat/completions \\\n  -H 'Content-Type: application/json' \\\n`
    + `  -H "Authorization: Bearer $GROUNDGATE_API_KEY" \\\n  -d '${body.replaceAll("'", "'\\''")}'`;
  const python = `import os\nfrom openai import OpenAI\n\nclient = OpenAI(base_url="${origin}/v1", api_key=os.environ.get("GROUNDGATE_API_KEY", "unused"))\n`
    + `reply = client.chat.completions.create(\n    model=${JSON.stringify(request.model)},\n    messages=${JSON.stringify(request.messages, null, 4).replaceAll('\n', '\n    ')},\n)\n`
    + `print(reply.choices[0].message.content)\nprint((reply.model_extra or {}).get("grounding"))\n`;
  const node = `import OpenAI from 'openai';\n\nconst client = new OpenAI({ baseURL: '${origin}/v1', apiKey: process.env.GROUNDGATE_API_KEY ?? 'unused' });\n`
    + `const reply = await client.chat.completions.create({\n  model: ${JSON.stringify(request.model)},\n  messages: ${JSON.stringify(request.messages, null, 2).replaceAll('\n', '\n  ')},\n});\n`
    + `console.log(reply.choices[0].message.content);\nconsole.log(JSON.stringify(reply.grounding ?? null));\n`;
  const copy = (label, text) => h('button', { type: 'button', class: 'small', onclick: () => copyText(text, status) }, label);
  return h('details', { class: 'code-copy' }, h('summary', {}, 'Copy as curl / OpenAI SDK'),
    h('div', { class: 'row' },
      copy('Copy as curl', curl), copy('Copy as OpenAI SDK (Python)', python), copy('Copy as OpenAI SDK (Node.js)', node),
      status),
    h('pre', { class: 'code curl' }, curl), h('pre', { class: 'code sdk sdk-python' }, python), h('pre', { class: 'code sdk sdk-node' }, node));
}

/** Streams one completion: shows the text as it arrives and the trace from the last chunk. Returns the answer text. */
async function stream(request, turn) {
  const response = await fetch('/v1/chat/completions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', ...authHeaders('/v1') },
    body: JSON.stringify({ ...request, stream: true }),
  });
  if (!response.ok) {
    let body = null;
    try { body = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(response.status, body, `${response.status} ${response.statusText}`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  let buffer = '';
  let grounding = null;
  fill(turn.answer);
  const out = h('p', { class: 'streamed' });
  turn.answer.append(out);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
      if (!data || data === '[DONE]') continue;
      const chunk = JSON.parse(data);
      if (chunk.error) throw new ApiError(200, chunk, 'The stream failed.');
      for (const choice of chunk.choices ?? []) {
        if (choice.delta?.content) {
          text += choice.delta.content;
          out.textContent = text;
        }
      }
      if (chunk.grounding) grounding = chunk.grounding;
    }
  }
  turn.answer.classList.add('done');
  await schema(); // compact names need the graph's prefixes
  fill(turn.trace, grounding ? groundingView(grounding) : note('info', 'This answer came without a trace (a passthrough model).'));
  return text;
}
