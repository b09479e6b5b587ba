// Tools: the gateway's tools with their JSON Schemas (GET /v1/tools), the declarative tools' reload status
// (GET /admin/tools), and a form to invoke one (POST /v1/tools/{name}/invoke) showing its result and provenance.
import { ApiError, callJson, invokeTool } from './api.js';
import { fill, h, jsonBlock, ms, note } from './dom.js';
import { errorNote } from './errors.js';
import { factsList, queryView, sourcesView } from './trace.js';
import { problemList } from './graphs.js';

let tools = [];

export function mount(root, route) {
  const list = h('div', { id: 'tool-list' }, h('p', { class: 'hint' }, 'Loading…'));
  const detail = h('div', { id: 'tool-detail' });
  const declarative = h('div', { id: 'declarative-status' });
  root.append(h('section', { class: 'view tools' },
    h('h2', {}, 'Tools'),
    h('div', { class: 'columns narrow-first' }, h('nav', { 'aria-label': 'Tools' }, list), detail),
    h('h3', {}, 'Declarative tools (tools/)'),
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'secondary', id: 'declarative-reload', onclick: () => loadDeclarative(declarative, true) }, 'Reload tools/ now')),
    declarative));
  load(list, detail, route.params.get('tool'));
  loadDeclarative(declarative);
}

export function keysChanged() {
  const list = document.getElementById('tool-list');
  if (list) load(list, document.getElementById('tool-detail'));
  const d = document.getElementById('declarative-status');
  if (d) loadDeclarative(d);
}

async function load(list, detail, wanted) {
  try {
    tools = (await callJson('/v1/tools')).data;
    fill(list, h('ul', { class: 'tool-names' }, tools.map((t) => h('li', {},
      h('button', { type: 'button', class: 'link', 'data-tool': t.name, onclick: () => showTool(t, detail) }, t.name)))));
    const first = tools.find((t) => t.name === wanted);
    if (first) showTool(first, detail);
  } catch (e) {
    fill(list, errorNote(e));
  }
}

async function loadDeclarative(where, reload = false) {
  try {
    const s = await callJson(reload ? '/admin/tools/reload' : '/admin/tools', { method: reload ? 'POST' : 'GET' });
    const files = s.files ?? [];
    // each file's problem is located (file:line:column); other errors of the reload are listed as they are
    const located = files.filter((f) => f.problem).map((f) => f.problem);
    const others = (s.errors ?? []).filter((e) => !located.some((p) => String(e).endsWith(p.message)));
    fill(where,
      h('p', { class: 'meta' }, `Last reload ${s.at ? new Date(s.at).toLocaleString('en-GB') : '?'} · trigger ${s.trigger ?? '?'} · `,
        (s.errors ?? []).length ? h('span', { class: 'badge bad' }, `${s.errors.length} problem(s)`) : h('span', { class: 'badge good' }, 'no problems')),
      h('div', { class: 'table-wrap' }, h('table', { class: 'grid', id: 'declarative-table' },
        h('thead', {}, h('tr', {}, ['File', 'Status', 'Tool', 'Problem'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, files.map((f) => h('tr', { 'data-file': f.file },
          h('td', {}, f.file), h('td', {}, f.status), h('td', {}, f.tool ?? ''),
          h('td', {}, f.problem ? problemList([f.problem]) : '')))))),
      others.length ? problemList(others.map((e) => (typeof e === 'string' ? { message: e } : e))) : null);
  } catch (e) {
    fill(where, errorNote(e, 'admin'));
  }
}

function showTool(tool, detail) {
  for (const b of document.querySelectorAll('[data-tool]')) b.toggleAttribute('aria-current', b.dataset.tool === tool.name);
  const schema = tool.parameters ?? { type: 'object', properties: {} };
  const fields = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const result = h('div', { id: 'tool-result' });
  const raw = h('textarea', { id: 'tool-raw', rows: 4, spellcheck: 'false', 'aria-label': 'Arguments as JSON' });
  const inputs = fields.map(([name, spec]) => field(name, spec, required.has(name)));
  const form = h('form', { id: 'tool-form', class: 'form-grid', onsubmit: (e) => { e.preventDefault(); run(); } },
    inputs.map((f) => [f.label, f.input]),
    h('label', { for: 'tool-raw' }, 'Or JSON'), raw,
    h('div', { class: 'row full' }, h('button', { type: 'submit', id: 'tool-invoke' }, `Invoke ${tool.name}`)));
  fill(detail,
    h('h3', { id: 'tool-title', tabindex: '-1' }, tool.name),
    h('p', { class: 'description' }, tool.description ?? ''),
    h('details', {}, h('summary', {}, 'JSON Schema of the arguments'), jsonBlock(schema)),
    form, result);
  document.getElementById('tool-title').focus();

  async function run() {
    let args;
    try {
      args = raw.value.trim() ? JSON.parse(raw.value) : collect(inputs);
    } catch (e) {
      fill(result, note('error', `Not valid: ${e.message}`));
      return;
    }
    fill(result, h('p', { class: 'hint' }, 'Running…'));
    try {
      const answer = await invokeTool(tool.name, args);
      const p = answer.provenance ?? {};
      fill(result,
        answer.ok ? note('ok', `${tool.name} answered`, p.duration_ms !== undefined ? ` in ${ms(p.duration_ms)}` : '', '.')
          : note('error', `${tool.name} failed: ${answer.error?.message ?? ''}`),
        answer.ok ? h('div', {}, h('h4', {}, 'Result'), jsonBlock(answer.result, { id: 'tool-result-json' })) : jsonBlock(answer.error),
        h('h4', {}, 'Provenance'),
        p.graph_version ? h('p', { class: 'meta' }, `Graph ${p.graph_version}`) : null,
        queryView(p.query),
        p.facts?.length ? h('div', {}, h('h5', {}, `Facts (${p.facts.length})`), factsList(p.facts)) : null,
        sourcesView(p.sources));
    } catch (e) {
      fill(result, e instanceof ApiError && e.param ? note('error', `${e.message} (at ${e.param})`) : errorNote(e));
    }
  }
}

/** One input for a schema property: text, number, checkbox, a select for enums; objects and arrays as JSON. */
function field(name, spec, required) {
  const id = `arg-${name}`;
  const label = h('label', { for: id, title: spec.description ?? '' }, name, required ? ' *' : '',
    spec.description ? h('span', { class: 'hint block' }, spec.description) : null);
  let input;
  if (Array.isArray(spec.enum)) {
    input = h('select', { id }, required ? null : h('option', { value: '' }, ''), spec.enum.map((v) => h('option', { value: JSON.stringify(v) }, String(v))));
    return { name, label, input, read: () => (input.value === '' ? undefined : JSON.parse(input.value)) };
  }
  if (spec.type === 'boolean') {
    input = h('select', { id }, h('option', { value: '' }, ''), h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'));
    return { name, label, input, read: () => (input.value === '' ? undefined : input.value === 'true') };
  }
  if (spec.type === 'integer' || spec.type === 'number') {
    input = h('input', { id, type: 'number', step: spec.type === 'integer' ? '1' : 'any', required, placeholder: spec.default !== undefined ? String(spec.default) : '' });
    return { name, label, input, read: () => (input.value === '' ? undefined : Number(input.value)) };
  }
  if (spec.type === 'object' || spec.type === 'array') {
    input = h('textarea', { id, rows: 2, spellcheck: 'false', placeholder: spec.type === 'array' ? '[ … ]' : '{ … }' });
    return { name, label, input, read: () => (input.value.trim() ? JSON.parse(input.value) : undefined) };
  }
  input = h('input', { id, type: 'text', required, spellcheck: 'false', placeholder: spec.default !== undefined ? String(spec.default) : '' });
  return { name, label, input, read: () => (input.value === '' ? undefined : input.value) };
}

function collect(inputs) {
  const args = {};
  for (const f of inputs) {
    const v = f.read();
    if (v !== undefined) args[f.name] = v;
  }
  return args;
}
