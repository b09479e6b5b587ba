// An entity page: labels and types (kg_describe), outgoing and incoming facts with units, and the source dataset (named
// graph) of each fact (SPARQL with GRAPH ?g).
import { invokeTool } from './api.js';
import { fill, h, note } from './dom.js';
import { errorNote } from './errors.js';
import { compact, entityLink, graphFile, sparqlJson } from './graph.js';
import { openInEditor, sourcesView } from './trace.js';

const LABEL_PROPS = new Set(['http://www.w3.org/2000/01/rdf-schema#label', 'http://www.w3.org/2004/02/skos/core#prefLabel',
  'http://www.w3.org/2004/02/skos/core#altLabel']);

let root = null;

export function mount(container, route) {
  root = h('section', { class: 'view entity' });
  container.append(root);
  update(route);
}

export function update(route) {
  const iri = decodeURIComponent(route.rest);
  fill(root, h('p', { class: 'hint' }, 'Loading…'));
  show(iri).catch((e) => fill(root, h('h2', {}, compact(iri)), errorNote(e)));
}

function graphsQuery(iri) {
  return `SELECT ?dir ?p ?x ?g WHERE {
  { GRAPH ?g { <${iri}> ?p ?x } BIND("out" AS ?dir) }
  UNION
  { GRAPH ?g { ?x ?p <${iri}> } BIND("in" AS ?dir) }
}
LIMIT 2000`;
}

/** A key for one fact, the same for a kg_describe value and a SPARQL JSON term. */
function key(dir, p, term) {
  const lang = term.lang ?? term['xml:lang'] ?? '';
  // xsd:string and rdf:langString are implicit in SPARQL JSON; kg_describe may spell them out
  const datatype = lang || (term.datatype ?? '').endsWith('#string') ? '' : term.datatype ?? '';
  return [dir, p, term.type === 'typed-literal' ? 'literal' : term.type, term.value, datatype, lang].join('\u0001');
}

async function show(iri) {
  if (!/^[a-z][\w+.-]*:\S+$/i.test(iri)) {
    fill(root, note('error', `Not an IRI: ${iri}`));
    return;
  }
  const [described, graphs] = await Promise.all([
    invokeTool('kg_describe', { iri }),
    sparqlJson(graphsQuery(iri)).catch(() => null),
  ]);
  if (!described.ok) {
    fill(root, h('h2', {}, compact(iri)), note('info', described.error?.message ?? 'Nothing known about this IRI.'));
    return;
  }
  const where = new Map();
  for (const b of graphs?.results?.bindings ?? []) {
    const k = key(b.dir.value, b.p.value, b.x);
    where.set(k, [...(where.get(k) ?? []), graphFile(b.g.value)]);
  }
  const d = described.result;
  const labels = d.outgoing.filter((f) => LABEL_PROPS.has(f.property));
  fill(root,
    h('h2', { id: 'entity-title', tabindex: '-1' }, d.label ?? compact(d.iri)),
    h('p', { class: 'iri-line' }, h('code', {}, d.iri), ' ', openInEditor(`DESCRIBE <${d.iri}>`)),
    d.types?.length ? h('p', {}, 'A ', d.types.map((t, i) => [i ? ', ' : '', entityLink(t.iri, t.label)])) : null,
    labels.length ? h('p', { class: 'labels' }, 'Labels: ', labels.map((l, i) => [i ? ', ' : '', h('span', { class: 'literal' }, l.value.value, l.value.lang ? h('span', { class: 'dt' }, ` @${l.value.lang}`) : null)])) : null,
    h('h3', {}, `Facts (${d.outgoing.length})`),
    factTable('outgoing-facts', d.outgoing, (f) => where.get(key('out', f.property, f.value)), true),
    h('h3', {}, `Referred to by (${d.incoming.length})`),
    d.incoming.length ? factTable('incoming-facts', d.incoming, (f) => where.get(key('in', f.property, f.subject)), false) : h('p', { class: 'hint' }, 'Nothing points here.'),
    d.truncated ? note('info', 'Only the first facts are shown (the describe limit).') : null,
    sourcesView(described.provenance?.sources));
  document.getElementById('entity-title')?.focus();
}

function factTable(id, facts, graphsOf, outgoing) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'grid', id },
    h('thead', {}, h('tr', {}, (outgoing ? ['Property', 'Value', 'Unit', 'Graph'] : ['Subject', 'Property', 'Graph']).map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, facts.map((f) => {
      const graphs = graphsOf(f);
      const origin = f.inferred ? h('span', { class: 'badge' }, 'inferred') : graphs?.length ? graphs.join(', ') : '';
      const property = entityLink(f.property, f.property_label ?? compact(f.property));
      return outgoing
        ? h('tr', {}, h('td', {}, property), h('td', {}, value(f.value, f.value_label)), h('td', {}, f.unit ?? ''), h('td', { class: 'graph' }, origin))
        : h('tr', {}, h('td', {}, value(f.subject, f.subject_label)), h('td', {}, property), h('td', { class: 'graph' }, origin));
    }))));
}

function value(term, label) {
  if (term.type === 'uri') return entityLink(term.value, label);
  if (term.type === 'bnode') return `_:${term.value}`;
  const extra = term.lang ? `@${term.lang}` : term.datatype && !term.datatype.endsWith('#string') ? compact(term.datatype) : '';
  return h('span', { class: 'literal' }, term.value, extra ? h('span', { class: 'dt' }, ` ${extra}`) : null);
}
