// SPARQL: the editor, results as a table (IRIs as compact names linking to entity pages), CSV/JSON downloads, errors
// at their line and column, and the server's limits (timeout, row cap, truncation) next to every answer.
import { call } from './api.js';
import { download, fill, h, ms } from './dom.js';
import { createEditor } from './editor.js';
import { errorNote } from './errors.js';
import { compact, currentPrefixes, entityLink, schema } from './graph.js';

const EXAMPLE = `PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?class (COUNT(?s) AS ?instances)
WHERE { ?s a ?class }
GROUP BY ?class
ORDER BY DESC(?instances)
LIMIT 20`;

let editor = null;
let lastText = null;
let vocabulary = { prefixes: currentPrefixes(), terms: [] };

export function mount(root, route) {
  const results = h('div', { id: 'sparql-results', class: 'results' });
  const status = h('div', { id: 'sparql-status', class: 'status-line', role: 'status' });
  const editorBox = h('div', { class: 'editor' });
  const run = h('button', { type: 'button', id: 'sparql-run' }, 'Run');
  root.append(h('section', { class: 'view sparql' },
    h('h2', {}, 'SPARQL'),
    h('p', { class: 'hint' }, 'Read-only SPARQL 1.1 over the served graph. Ctrl+Enter runs; Ctrl+Space completes prefixes and names from the graph; Tab leaves the editor.'),
    editorBox,
    h('div', { class: 'row' }, run, h('span', { class: 'hint', id: 'sparql-limits' })),
    status, results));
  editor = createEditor(editorBox, { doc: route.params.get('query') ?? lastText ?? EXAMPLE, vocabulary: () => vocabulary, onRun: () => execute() });
  run.addEventListener('click', () => execute());
  schema().then((s) => { vocabulary = { prefixes: s.prefixes, terms: s.terms ?? [] }; });
  if (route.params.get('query')) execute();

  async function execute() {
    const text = editor.text();
    lastText = text;
    editor.clearErrors();
    run.disabled = true;
    fill(status, 'Running…');
    fill(results);
    const started = performance.now();
    try {
      const response = await call('/sparql', {
        method: 'POST',
        body: new URLSearchParams({ query: text }),
        headers: { Accept: 'application/sparql-results+json, text/turtle;q=0.9' },
      });
      const elapsed = performance.now() - started;
      const type = response.headers.get('Content-Type') ?? '';
      const body = await response.text();
      const limits = {
        truncated: response.headers.get('X-GroundGate-Truncated') === 'true',
        rowLimit: response.headers.get('X-GroundGate-Row-Limit'),
        timeoutMs: response.headers.get('X-GroundGate-Timeout-Ms'),
        version: response.headers.get('X-GroundGate-Graph-Version'),
      };
      showLimits(limits);
      if (type.includes('json')) showResults(JSON.parse(body), body, limits, elapsed);
      else showGraph(body, limits, elapsed);
    } catch (e) {
      fill(status);
      const where = e.message?.match(/line (\d+), column (\d+)/i);
      if (where) editor.showError(e.message, Number(where[1]), Number(where[2]));
      fill(results, h('div', { id: 'sparql-error' }, errorNote(e),
        where ? h('p', { class: 'hint' }, `Marked in the editor at line ${where[1]}, column ${where[2]}.`) : null));
    } finally {
      run.disabled = false;
    }
  }

  function showLimits({ rowLimit, timeoutMs }) {
    const el = document.getElementById('sparql-limits');
    if (el && rowLimit) el.textContent = `Server limits: ${Number(rowLimit).toLocaleString('en')} rows, ${Number(timeoutMs) / 1000} s per query.`;
  }

  function summary(count, noun, limits, elapsed) {
    return [
      `${count} ${noun}`,
      ` · ${ms(elapsed)}`,
      limits.version ? ` · graph ${limits.version}` : '',
      limits.truncated ? h('strong', { class: 'warn', id: 'sparql-truncated' }, ` · truncated at the server's row limit (${limits.rowLimit})`) : '',
    ];
  }

  function showResults(json, raw, limits, elapsed) {
    if (typeof json.boolean === 'boolean') {
      fill(status, ...summary(1, 'answer', limits, elapsed));
      fill(results, h('p', { class: 'ask-answer' }, `ASK → ${json.boolean}`));
      return;
    }
    const vars = json.head.vars;
    const rows = json.results.bindings;
    fill(status, ...summary(rows.length, rows.length === 1 ? 'row' : 'rows', limits, elapsed),
      ' ', h('button', { type: 'button', class: 'small', onclick: () => download('results.csv', toCsv(vars, rows), 'text/csv') }, 'Download CSV'),
      ' ', h('button', { type: 'button', class: 'small', onclick: () => download('results.json', raw, 'application/sparql-results+json') }, 'Download JSON'));
    fill(results, h('div', { class: 'table-wrap' }, h('table', { class: 'grid', id: 'sparql-table' },
      h('thead', {}, h('tr', {}, vars.map((v) => h('th', { scope: 'col' }, `?${v}`)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, vars.map((v) => h('td', {}, cell(row[v])))))))));
  }

  function showGraph(text, limits, elapsed) {
    const triples = text.split('\n').filter((l) => l.trim().endsWith('.')).length;
    fill(status, ...summary(triples, 'statements', limits, elapsed),
      ' ', h('button', { type: 'button', class: 'small', onclick: () => download('results.ttl', text, 'text/turtle') }, 'Download Turtle'));
    fill(results, h('pre', { class: 'code' }, text));
  }
}

export function update(route) {
  const query = route.params.get('query');
  if (query && editor && query !== editor.text()) {
    editor.setText(query);
    document.getElementById('sparql-run')?.click();
  }
}

export function unmount() {
  if (editor) lastText = editor.text();
  editor?.view.destroy();
  editor = null;
}

/** One SPARQL JSON term as a cell: IRIs as compact links, literals with their datatype or language. */
function cell(term) {
  if (!term) return '';
  if (term.type === 'uri') return entityLink(term.value);
  if (term.type === 'bnode') return `_:${term.value}`;
  const extra = term['xml:lang'] ? `@${term['xml:lang']}` : term.datatype && !term.datatype.endsWith('#string') ? compact(term.datatype) : '';
  return h('span', { class: 'literal' }, term.value, extra ? h('span', { class: 'dt' }, ` ${extra}`) : null);
}

/** SPARQL 1.1 CSV results: plain values, RFC 4180 quoting. */
function toCsv(vars, rows) {
  const quote = (s) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = [vars.join(',')];
  for (const row of rows) lines.push(vars.map((v) => quote(row[v] ? (row[v].type === 'bnode' ? `_:${row[v].value}` : row[v].value) : '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
