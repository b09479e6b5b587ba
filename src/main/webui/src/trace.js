// The "why" of an answer: the steps of a `grounding` object (or one tool call's provenance), the facts they used,
// the sources they cite, and what was left unresolved.
import { externalLink, h, jsonBlock, ms } from './dom.js';
import { compact, entityLink, graphFile, termNode } from './graph.js';

// A query's prologue (PREFIX and BASE declarations, comments), then its form; DESCRIBE only with IRIs, names or
// variables after it, so a tool's own wording ("describe <iri> (outgoing and incoming facts …)") is not taken for SPARQL.
const PROLOGUE = /^(\s|#[^\n]*\n|PREFIX\s+[\w.-]*:\s*<[^>\s]*>|BASE\s*<[^>\s]*>)*/i;
const FORM = /^(SELECT|ASK|CONSTRUCT)\b|^DESCRIBE(\s+(<[^>\s]*>|[?$]\w+|[\w.-]*:[\w.-]*|\*))+\s*(FROM\b|WHERE\b|\{|LIMIT\b|OFFSET\b|ORDER\b|VALUES\b|$)/i;
// kg_describe's account of its lookup: "describe <iri> (…)"; the same facts are DESCRIBE <iri> in SPARQL
const DESCRIBE_LOOKUP = /^describe <([^>\s]+)>/;

/** Whether a step's query text is SPARQL (and so can run in the editor). */
export function isSparql(text) {
  return FORM.test(text.replace(PROLOGUE, ''));
}

/** The link that opens a query in the SPARQL editor. */
export function openInEditor(query) {
  return h('a', { class: 'button small', href: `#/sparql?query=${encodeURIComponent(query)}` }, 'Open in SPARQL editor');
}

/** The whole trace of a grounded answer. */
export function groundingView(grounding) {
  const steps = grounding.steps ?? [];
  // a fact several steps used is listed once
  const facts = [...new Map(steps.flatMap((s) => s.facts ?? []).map((f) => [`${f.subject} ${f.predicate} ${f.object}`, f])).values()];
  return h('div', { class: 'trace' },
    h('p', { class: 'meta' }, `Route ${grounding.route ?? '?'}`,
      grounding.graph_version ? ` · graph ${grounding.graph_version}` : '',
      grounding.rounds ? ` · ${grounding.rounds} model round(s)` : '',
      ` · ${steps.length} step(s)`),
    steps.length ? h('ol', { class: 'steps' }, steps.map((s, i) => h('li', {}, stepView(s, i + 1)))) : null,
    facts.length ? h('section', {}, h('h4', {}, `Facts used (${facts.length})`), factsList(facts)) : null,
    sourcesView(grounding.sources),
    grounding.unresolved?.length
      ? h('section', { class: 'unresolved' }, h('h4', {}, 'Unresolved'), h('ul', {}, grounding.unresolved.map((u) => h('li', {}, u))))
      : null);
}

/** One step (a tool call): tool, arguments, query, result or error, duration. */
export function stepView(step, n) {
  return h('details', { class: `step ${step.ok === false ? 'failed' : ''}`, open: true },
    h('summary', {}, h('strong', {}, `${n ? `${n}. ` : ''}${step.tool ?? 'step'}`),
      step.ok === false ? h('span', { class: 'badge bad' }, 'failed') : null,
      h('span', { class: 'dur' }, ms(step.duration_ms))),
    step.arguments && !onlyTheQuery(step) ? h('div', {}, h('h5', {}, 'Arguments'), jsonBlock(step.arguments)) : null,
    queryView(step.query),
    step.error ? h('div', {}, h('h5', {}, 'Error'), jsonBlock(step.error, { class: 'code error-text' })) : null,
    step.result !== undefined
      ? h('details', { class: 'result' }, h('summary', {}, 'Result'), jsonBlock(step.result))
      : null);
}

/** Whether the arguments are just the query shown below them (a sparql_query call), so they need not be shown twice. */
function onlyTheQuery(step) {
  const values = Object.values(step.arguments ?? {});
  return values.length === 1 && typeof values[0] === 'string' && values[0].trim() === (step.query ?? '').trim();
}

/**
 * The SPARQL text or expression a step evaluated. SPARQL gets the editor link; a describe lookup gets its SPARQL
 * equivalent in the editor and the entity page; anything else (an expression, a name search) is shown as it is.
 */
export function queryView(query) {
  if (!query) return null;
  const sparql = isSparql(query);
  const described = sparql ? null : query.match(DESCRIBE_LOOKUP)?.[1];
  return h('div', { class: 'query' },
    h('h5', {}, sparql ? 'SPARQL' : 'Evaluated'),
    h('pre', { class: 'code' }, query),
    sparql ? openInEditor(query) : null,
    described ? h('div', { class: 'row' }, openInEditor(`DESCRIBE <${described}>`), ' ', entityLink(described)) : null);
}

/** Facts as subject – predicate – object rows with entity links. */
export function factsList(facts) {
  return h('ul', { class: 'facts' }, facts.map((f) => h('li', {},
    entityLink(f.subject), ' ', h('span', { class: 'pred', title: f.predicate }, compact(f.predicate)), ' ', termNode(f.object))));
}

export function sourcesView(sources) {
  if (!sources?.length) return null;
  return h('section', {}, h('h4', {}, 'Sources'), h('ul', { class: 'sources' }, sources.map((s) => h('li', {},
    /^https?:\/\//.test(s) ? externalLink(s) : graphFile(s)))));
}
