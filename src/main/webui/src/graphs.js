// Graph status and edits: every graph file (triples, version, loaded-at, last error), the last reload and its located
// problems (GET /admin/kg), and upload / replace / merge / delete through the validated /admin/graphs with the admin key.
import { call, callJson } from './api.js';
import { download, externalLink, fill, h, ms, note } from './dom.js';
import { errorNote } from './errors.js';
import { forget } from './graph.js';

const TYPES = { ttl: 'text/turtle', nt: 'application/n-triples', rdf: 'application/rdf+xml', owl: 'application/rdf+xml',
  xml: 'application/rdf+xml', jsonld: 'application/ld+json', nq: 'application/n-quads', trig: 'application/trig' };

// GET /admin/kg's last_reload.outcome (and a dry run's) in words
const OUTCOMES = { served: 'served', unchanged: 'unchanged', rejected: 'refused: the last good version keeps serving',
  valid: 'valid: not served yet',
  held: 'held: it would remove too much (confirm with POST /admin/kg/reload?accept-removal=true)' };

let status = null;
let editResult = null;

export function mount(root) {
  status = h('div', { id: 'kg-status' }, h('p', { class: 'hint' }, 'Loading…'));
  editResult = h('div', { id: 'edit-result' });
  root.append(h('section', { class: 'view graphs' },
    h('h2', {}, 'Graphs'),
    h('div', { class: 'row' },
      h('button', { type: 'button', onclick: refresh }, 'Refresh'),
      h('button', { type: 'button', class: 'secondary', onclick: reload }, 'Reload from disk')),
    status,
    editForm(),
    editResult));
  refresh();
}

export function keysChanged() {
  refresh();
}

async function refresh() {
  try {
    show(await callJson('/admin/kg'));
  } catch (e) {
    fill(status, errorNote(e, 'admin'));
  }
}

async function reload() {
  try {
    const r = await callJson('/admin/kg/reload', { method: 'POST' });
    fill(editResult, reloadView(r, 'Reload'));
    forget();
    refresh();
  } catch (e) {
    fill(editResult, errorNote(e, 'admin'));
  }
}

function show(kg) {
  fill(status,
    h('p', { class: 'meta' }, `Version ${kg.version} · ${kg.triples.toLocaleString('en')} triples · store ${kg.store} · `,
      kg.ready ? h('span', { class: 'badge good' }, 'ready') : h('span', { class: 'badge bad' }, 'not ready'),
      ` · loaded ${when(kg.loaded_at)}`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'grid', id: 'graph-table' },
      h('thead', {}, h('tr', {}, ['File', 'Triples', 'Version', 'Loaded at', 'Sources', 'Last error', ''].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, (kg.graphs ?? []).map((g) => h('tr', { 'data-file': g.file },
        h('td', {}, h('strong', {}, g.file), h('br'), h('span', { class: 'hint' }, g.graph)),
        h('td', { class: 'num' }, g.triples.toLocaleString('en')),
        h('td', {}, h('code', {}, g.version_hash ?? '')),
        h('td', {}, when(g.loaded_at)),
        h('td', {}, (g.sources ?? []).length ? h('details', {}, h('summary', {}, `${g.sources.length} source(s)`),
          h('ul', {}, g.sources.map((s) => h('li', {}, externalLink(s))))) : ''),
        h('td', { class: g.last_error ? 'error-text' : '' }, g.last_error ?? ''),
        h('td', { class: 'actions' },
          h('button', { type: 'button', class: 'small', onclick: () => fetchGraph(g.file, 'edit') }, 'Edit'),
          h('button', { type: 'button', class: 'small', onclick: () => fetchGraph(g.file, 'download') }, 'Download'),
          deleteButton(g.file))))))),
    kg.last_reload ? reloadView(kg.last_reload, 'Last reload') : null,
    kg.warnings?.length
      ? h('section', { class: 'reload', id: 'kg-warnings' }, h('h3', {}, `Warnings on the served version (${kg.warnings.length})`),
        problemList(kg.warnings.map((w) => ({ severity: 'warning', ...w }))))
      : null);
}

/** A reload outcome with every problem at its file:line:column. */
function reloadView(r, title) {
  return h('section', { class: 'reload', id: title === 'Last reload' ? 'last-reload' : null },
    h('h3', {}, title, ' ', h('span', { class: `badge outcome ${r.success ? 'good' : 'bad'}` }, OUTCOMES[r.outcome] ?? (r.success ? 'succeeded' : 'refused'))),
    h('p', { class: 'meta' }, `${when(r.at)} · trigger ${r.trigger} · version ${r.version}`, r.changed ? ' (changed)' : ' (unchanged)',
      r.duration_ms !== undefined ? ` · ${ms(r.duration_ms)}` : ''),
    r.changes?.length ? h('p', { class: 'meta' }, 'Changes: ', r.changes.map((c, i) => [i ? '; ' : '',
      `${c.file} ${c.status} (${c.before.toLocaleString('en')} → ${c.after.toLocaleString('en')} triples)`])) : null,
    r.errors?.length ? problemList(r.errors) : null,
    r.warnings?.length ? problemList(r.warnings.map((w) => ({ severity: 'warning', ...w }))) : null);
}

/** Problems as "file:line:column message", with every other field the gateway gives (focus node, path, severity…). */
export function problemList(problems) {
  return h('ul', { class: 'problems' }, problems.map((p) => {
    const where = [p.file, p.line, p.column].filter((x) => x !== undefined && x !== null).join(':');
    const extra = Object.entries(p).filter(([k]) => !['file', 'line', 'column', 'message'].includes(k));
    return h('li', { class: `problem ${p.severity === 'warning' ? 'warning' : 'error'}` },
      where ? h('code', { class: 'where' }, where) : null, ' ', h('span', { class: 'message' }, p.message ?? ''),
      extra.length ? h('span', { class: 'hint' }, ` (${extra.map(([k, v]) => `${k.replace('_', ' ')}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('; ')})`) : null);
  }));
}

/** Pulls "file:line:column: message" parts out of an error message (the edit endpoint's 400). */
export function problemsOf(message) {
  const found = [];
  const re = /([^\s:;][^:;]*?):(\d+)(?::(\d+))?: ([^;]+)/g;
  for (const m of message.matchAll(re)) {
    found.push({ file: m[1].replace(/^The body does not parse: /, '').trim(), line: Number(m[2]), column: m[3] ? Number(m[3]) : undefined, message: m[4].trim() });
  }
  return found;
}

function deleteButton(file) {
  let armed = null;
  const button = h('button', { type: 'button', class: 'small danger' }, 'Delete');
  button.addEventListener('click', async () => {
    if (!armed) {
      button.textContent = `Confirm delete ${file}`;
      armed = setTimeout(() => { armed = null; button.textContent = 'Delete'; }, 6000);
      return;
    }
    clearTimeout(armed);
    armed = null;
    await edit('DELETE', file);
  });
  return button;
}

async function fetchGraph(file, purpose) {
  try {
    const response = await call(`/admin/graphs?graph=${encodeURIComponent(file)}`, { headers: { Accept: 'text/turtle' } });
    const text = await response.text();
    if (purpose === 'download') return download(file.replace(/\.[^.]+$/, '') + '.ttl', text, 'text/turtle');
    document.getElementById('edit-graph').value = file;
    document.getElementById('edit-type').value = 'text/turtle';
    document.getElementById('edit-body').value = text;
    document.getElementById('edit-body').focus();
  } catch (e) {
    fill(editResult, errorNote(e, 'admin'));
  }
}

function editForm() {
  const name = h('input', { id: 'edit-graph', name: 'graph', required: true, placeholder: 'my-data.ttl', spellcheck: 'false' });
  const type = h('select', { id: 'edit-type', name: 'type' }, Object.entries({
    'text/turtle': 'Turtle', 'application/n-triples': 'N-Triples', 'application/rdf+xml': 'RDF/XML', 'application/ld+json': 'JSON-LD',
  }).map(([v, label]) => h('option', { value: v }, label)));
  const fileInput = h('input', { id: 'edit-file', type: 'file', accept: '.ttl,.nt,.rdf,.owl,.xml,.jsonld' });
  const body = h('textarea', { id: 'edit-body', name: 'body', rows: 10, spellcheck: 'false', placeholder: '@prefix ex: <https://example.org/> .\nex:thing a ex:Thing .' });
  const mode = h('select', { id: 'edit-mode', name: 'mode' },
    h('option', { value: 'PUT' }, 'Replace (or create) the graph'), h('option', { value: 'POST' }, 'Merge into the graph'));
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files[0];
    if (!file) return;
    body.value = await file.text();
    if (!name.value) name.value = file.name;
    const ext = file.name.split('.').pop().toLowerCase();
    if (TYPES[ext] && [...type.options].some((o) => o.value === TYPES[ext])) type.value = TYPES[ext];
  });
  return h('form', { class: 'edit', id: 'edit-form', onsubmit: (e) => { e.preventDefault(); validate(mode.value, name.value.trim(), body.value, type.value); } },
    h('h3', {}, 'Upload or replace a graph'),
    h('p', { class: 'hint' }, 'The gateway first validates the new graph (syntax, SHACL, warnings, what changes) without serving it; "Serve it" then makes the edit. A refused edit changes nothing. Needs the admin key.'),
    h('div', { class: 'form-grid' },
      h('label', { for: 'edit-graph' }, 'File name'), name,
      h('label', { for: 'edit-type' }, 'Format'), type,
      h('label', { for: 'edit-mode' }, 'Action'), mode,
      h('label', { for: 'edit-file' }, 'From a file'), fileInput,
      h('label', { for: 'edit-body' }, 'Content'), body),
    h('div', { class: 'row' }, h('button', { type: 'submit', id: 'edit-submit' }, 'Validate')));
}

/**
 * The edit's dry run (?dry-run=true): its validation result, and a "Serve it" button that makes the real call with the
 * same content only when it would be served.
 */
async function validate(method, graph, text, type) {
  if (!graph) return;
  fill(editResult, h('p', { class: 'hint' }, 'Validating…'));
  try {
    const response = await call(`/admin/graphs?graph=${encodeURIComponent(graph)}&dry-run=true`,
      { method, body: text, headers: { Accept: 'application/json', 'Content-Type': type } });
    const r = await response.json();
    const valid = r.reload?.success === true;
    const serve = h('button', { type: 'button', id: 'edit-serve', onclick: () => edit(method, graph, text, type) }, 'Serve it');
    fill(editResult, h('div', { id: valid ? 'edit-dry-run' : 'edit-error' },
      valid
        ? note('ok', `${r.file} is valid: ${r.created ? 'a new graph' : 'it replaces or merges into the served graph'}. Nothing is served yet; version ${r.version} still serves.`)
        : note('error', `${r.file} would be refused.`),
      reloadView(r.reload, 'Validation (dry run)'),
      valid ? h('div', { class: 'row' }, serve) : h('h4', {}, 'Refused — nothing was changed. Fix the problems above and validate again.')));
    if (valid) serve.focus();
  } catch (e) {
    showRefusal(e);
  }
}

async function edit(method, graph, text, type) {
  if (!graph) return;
  fill(editResult, h('p', { class: 'hint' }, method === 'DELETE' ? 'Deleting…' : 'Validating and serving…'));
  try {
    const init = { method, headers: { Accept: 'application/json' } };
    if (method !== 'DELETE') {
      init.body = text;
      init.headers['Content-Type'] = type;
    }
    const response = await call(`/admin/graphs?graph=${encodeURIComponent(graph)}`, init);
    const r = await response.json();
    fill(editResult, note('ok', method === 'DELETE' ? `Deleted ${graph}.` : `${r.created ? 'Created' : 'Saved'} ${r.file}: now serving version ${r.version}.`),
      r.reload ? reloadView(r.reload, 'Validation') : null);
    forget();
    refresh();
  } catch (e) {
    showRefusal(e);
  }
}

/** A refused call: structured problems when the gateway sends them, else the file:line:column parts of its message. */
function showRefusal(e) {
  const listed = e.body?.error?.problems;
  const problems = Array.isArray(listed) ? listed : e.message ? problemsOf(e.message) : [];
  fill(editResult, h('div', { id: 'edit-error' },
    errorNote(e, 'admin'),
    problems.length ? h('div', {}, h('h4', {}, 'Refused — nothing was changed. Problems:'), problemList(problems)) : null));
}

function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}
