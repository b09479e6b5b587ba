// Browse: a search box (kg_search), the classes with their instance counts, and a class's properties (kg_schema).
import { invokeTool } from './api.js';
import { fill, h, note } from './dom.js';
import { errorNote } from './errors.js';
import { classView, classes, compact, entityLink, profiledProperty } from './graph.js';

export function mount(root, route) {
  const results = h('div', { id: 'search-results' });
  const input = h('input', { id: 'search-input', type: 'search', name: 'q', placeholder: 'gold, Zurich, brass…', value: route.params.get('q') ?? '' });
  const classList = h('div', { id: 'class-list' }, h('p', { class: 'hint' }, 'Loading classes…'));
  const classDetail = h('div', { id: 'class-detail' });
  root.append(h('section', { class: 'view browse' },
    h('h2', {}, 'Browse'),
    h('form', { class: 'row search', role: 'search', onsubmit: (e) => { e.preventDefault(); search(input.value); } },
      h('label', { for: 'search-input' }, 'Find an entity'), input, h('button', { type: 'submit' }, 'Search')),
    results,
    h('div', { class: 'columns' },
      h('div', {}, h('h3', {}, 'Classes'), classList),
      h('div', {}, classDetail))));
  loadClasses(classList, classDetail);
  if (input.value) search(input.value);

  async function search(text) {
    if (!text.trim()) return;
    fill(results, h('p', { class: 'hint' }, 'Searching…'));
    try {
      const answer = await invokeTool('kg_search', { query: text.trim(), limit: 20 });
      if (!answer.ok) return fill(results, note('error', answer.error?.message ?? 'kg_search failed'));
      const hits = answer.result.hits ?? [];
      fill(results, hits.length
        ? h('ul', { class: 'hits' }, hits.map((hit) => h('li', {},
          entityLink(hit.iri, hit.label), ' ',
          h('span', { class: 'hint' }, (hit.types ?? []).map((t) => t.label ?? compact(t.iri)).join(', '),
            hit.match ? ` · ${hit.match}` : ''))))
        : note('info', answer.result.hint ?? 'Nothing matched.'));
    } catch (e) {
      fill(results, errorNote(e));
    }
  }
}

async function loadClasses(list, detail) {
  try {
    const all = await classes();
    fill(list, h('table', { class: 'grid', id: 'class-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Class'), h('th', { scope: 'col', class: 'num' }, 'Instances'))),
      h('tbody', {}, all.map((c) => h('tr', {},
        h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => showClass(c, detail) }, c.label ?? compact(c.iri)),
          ' ', h('span', { class: 'hint' }, compact(c.iri))),
        h('td', { class: 'num' }, c.count.toLocaleString('en')))))));
  } catch (e) {
    fill(list, errorNote(e));
  }
}

async function showClass(c, detail) {
  fill(detail, h('p', { class: 'hint' }, 'Loading…'));
  try {
    const listAll = h('p', {}, h('a', { href: `#/sparql?query=${encodeURIComponent(`SELECT ?item ?label WHERE {\n  ?item a <${c.iri}> .\n  OPTIONAL { ?item <http://www.w3.org/2000/01/rdf-schema#label> ?label }\n}\nLIMIT 100`)}` }, 'List instances in the SPARQL editor'));
    if (c.uses) {
      fill(detail, ...await profiledClass(c), listAll);
    } else {
      fill(detail, ...summaryClass(c, await classView(c.iri)), listAll);
    }
    document.getElementById('class-title')?.focus();
  } catch (e) {
    fill(detail, errorNote(e));
  }
}

/** A class as the graph profile observed it: each property its instances use, how many have it, kind, unit, examples. */
async function profiledClass(c) {
  const rows = await Promise.all(c.uses.map(async (u) => ({ use: u, property: await profiledProperty(u.property) })));
  return [
    h('h3', { id: 'class-title', tabindex: '-1' }, c.label ?? compact(c.iri), ' ', h('span', { class: 'hint' }, `${c.count.toLocaleString('en')} instances`)),
    h('p', { class: 'hint', id: 'class-origin' }, 'Properties as the graph profile observed them on the instances.'),
    c.superclasses.length ? h('p', {}, 'Subclass of ', c.superclasses.map((s) => [entityLink(s), ' '])) : null,
    h('div', { class: 'table-wrap' }, h('table', { class: 'grid', id: 'class-properties' },
      h('thead', {}, h('tr', {}, ['Property', 'Kind', 'Values', 'Unit', 'Instances with it', 'Examples'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map(({ use, property }) => h('tr', {},
        h('td', {}, entityLink(use.property, property?.name ?? compact(use.property))),
        h('td', {}, (use.kind ?? '').toLowerCase().replaceAll('_', ' ')),
        h('td', {}, [...(use.objectClasses ?? []), ...(use.datatypes ?? [])].map((x) => (x.value?.startsWith('@') ? x.value : compact(x.value ?? ''))).join(', ')),
        h('td', {}, use.unit ?? property?.unit ?? ''),
        h('td', { class: 'num' }, `${Number(use.subjects).toLocaleString('en')} (${Math.round(use.share * 100)} %)`),
        h('td', { class: 'examples' }, (use.examples ?? []).slice(0, 3).join(', '))))))),
  ];
}

/** A class as the schema summary (kg_schema) declares it, until the gateway serves a graph profile. */
function summaryClass(c, view) {
  const props = view.properties ?? [];
  return [
    h('h3', { id: 'class-title', tabindex: '-1' }, view.class.label ?? compact(c.iri), ' ', h('span', { class: 'hint' }, `${view.class.instances} instances`)),
    h('p', { class: 'hint', id: 'class-origin' }, 'Properties as the schema declares them (no graph profile served).'),
    view.class.comment ? h('p', {}, view.class.comment) : null,
    view.class.superclasses?.length ? h('p', {}, 'Subclass of ', view.class.superclasses.map((s) => [entityLink(s), ' '])) : null,
    h('div', { class: 'table-wrap' }, h('table', { class: 'grid', id: 'class-properties' },
      h('thead', {}, h('tr', {}, ['Property', 'Kind', 'Domain → range', 'Unit', 'Uses'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, props.map((p) => h('tr', {},
        h('td', {}, entityLink(p.iri, p.label ?? compact(p.iri))),
        h('td', {}, p.kind),
        h('td', {}, (p.domains ?? []).map(compact).join(', '), ' → ', (p.ranges ?? []).map(compact).join(', ')),
        h('td', {}, p.unit ?? ''),
        h('td', { class: 'num' }, p.uses ?? '')))))),
  ];
}
