// What the workbench knows about the loaded graph: prefixes (for compact names and completion) and the class list.
// Today from the kg_schema tool and SPARQL; when the gateway answers GET /admin/kg/profile (the graph profile) with 200,
// the profile is used instead (feature-detected, so the page works on gateways with and without it).
import { call, invokeTool, keys } from './api.js';
import { h } from './dom.js';

export const STANDARD_PREFIXES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dcterms: 'http://purl.org/dc/terms/',
};

let prefixes = { ...STANDARD_PREFIXES };
let schemaPromise = null;

/** Prefix -> namespace, from the loaded graph's schema (standard ones until it has loaded). */
export function currentPrefixes() {
  return prefixes;
}

/** Loads the schema once (again after `forget`): {prefixes, text, profile}. Never throws; `error` says why it failed. */
export function schema() {
  if (!schemaPromise) {
    schemaPromise = loadSchema().catch((error) => ({ prefixes, terms: [], text: '', profile: null, error }));
  }
  return schemaPromise;
}

/** Drops what was loaded (after a graph edit or a key change). */
export function forget() {
  schemaPromise = null;
}

async function loadSchema() {
  const profile = await loadProfile();
  const summary = await invokeTool('kg_schema', {});
  const text = summary?.result?.text ?? '';
  const found = { ...STANDARD_PREFIXES };
  for (const m of text.matchAll(/PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>\s]+)>/gi)) found[m[1] ?? ''] = m[2];
  if (profile?.prefixes && typeof profile.prefixes === 'object') Object.assign(found, profile.prefixes);
  prefixes = found;
  // The vocabulary the summary names (gg:Element, gg:density, ...), for completion in the editor.
  const terms = [...new Set([...text.matchAll(/(?<![\w<])([A-Za-z][\w-]*):([A-Za-z_][\w-]*)/g)]
    .filter((m) => found[m[1]] !== undefined).map((m) => m[0]))].sort();
  return { prefixes: found, terms, text, profile, graphVersion: summary?.provenance?.graph_version };
}

async function loadProfile() {
  if (!keys.admin()) return null; // the profile is an admin read: without the admin key, use the schema summary
  try {
    const response = await call('/admin/kg/profile', { headers: { Accept: 'application/json' } });
    return response.status === 200 ? await response.json() : null;
  } catch {
    return null; // not on this gateway (404) or not allowed: fall back to the schema summary
  }
}

const LOCAL = /^[A-Za-z_][\w-]*$/;

/**
 * The IRI as prefix:local. When no known prefix fits, its namespace (up to the last / or #) gets one named after its
 * last segment (…/resource/element/Au -> element:Au), added to the prefixes, so the editor completes and declares it
 * like any other. IRIs without such a namespace stay whole.
 */
export function compact(iri) {
  let best = null;
  for (const [prefix, ns] of Object.entries(prefixes)) {
    if (iri.startsWith(ns) && LOCAL.test(iri.slice(ns.length)) && (!best || ns.length > best[1].length)) {
      best = [prefix, ns];
    }
  }
  if (!best) best = derivePrefix(iri);
  return best ? `${best[0]}:${iri.slice(best[1].length)}` : iri;
}

function derivePrefix(iri) {
  const cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1;
  const ns = iri.slice(0, cut);
  if (!/^https?:\/\/[^/]+\/./.test(ns) || !LOCAL.test(iri.slice(cut))) return null;
  const base = (ns.slice(0, -1).split(/[/#]/).pop().toLowerCase().replace(/[^a-z0-9]/g, '') || 'ns').replace(/^(\d)/, 'n$1');
  let name = base;
  for (let i = 2; prefixes[name] !== undefined && prefixes[name] !== ns; i++) name = `${base}${i}`;
  prefixes[name] = ns;
  return [name, ns];
}

/** A graph IRI urn:groundgate:graph:<file> as the file name. */
export function graphFile(graph) {
  return graph?.startsWith('urn:groundgate:graph:') ? graph.slice('urn:groundgate:graph:'.length) : graph;
}

export function entityHref(iri) {
  return `#/entity/${encodeURIComponent(iri)}`;
}

/** A link to the entity page of an IRI, shown by its compact name (or a label). */
export function entityLink(iri, label) {
  return h('a', { href: entityHref(iri), class: 'iri', title: iri }, label || compact(iri));
}

/** A Turtle-form term from a provenance fact ("8.96"^^xsd:decimal, "Gold"@en, an IRI) as a link or text. */
export function termNode(text) {
  if (typeof text !== 'string') return String(text);
  if (/^[a-z][\w+.-]*:[^\s"]*$/i.test(text) && !text.startsWith('_:')) return entityLink(text);
  const typed = text.match(/^"(.*)"\^\^<?([^>]+)>?$/s);
  if (typed) return h('span', { class: 'literal' }, typed[1], h('span', { class: 'dt' }, ` ${compact(typed[2])}`));
  return h('span', { class: 'literal' }, text);
}

/**
 * Classes with instance counts and labels, most instances first: from the graph profile when the gateway serves one,
 * else from the schema summary, else SPARQL. A profile class keeps its observed property uses (`uses`).
 */
export async function classes() {
  const { profile } = await schema();
  if (profile?.classes?.length) {
    return profile.classes.map((c) => ({
      iri: c.iri, label: c.label ?? c.name ?? null, count: Number(c.instances ?? c.count ?? 0), uses: c.properties ?? [],
      superclasses: c.superClasses ?? [],
    }));
  }
  const fromSummary = classesOfSummary((await schema()).text);
  if (fromSummary.length) return fromSummary;
  const query = `PREFIX rdfs: <${STANDARD_PREFIXES.rdfs}>
SELECT ?class (COUNT(DISTINCT ?s) AS ?instances) (SAMPLE(?l) AS ?label)
WHERE { ?s a ?class . FILTER(isIRI(?class)) OPTIONAL { ?class rdfs:label ?l } }
GROUP BY ?class ORDER BY DESC(?instances) ?class`;
  const json = await sparqlJson(query);
  return json.results.bindings.map((b) => ({
    iri: b.class.value, label: b.label?.value ?? null, count: Number(b.instances.value),
  }));
}

/** The "# Classes" section of the schema summary: lines like `gg:City "city" [194] subClassOf ...`. */
function classesOfSummary(text) {
  const section = text.split(/^# /m).find((part) => part.startsWith('Classes')) ?? '';
  const found = [];
  for (const m of section.matchAll(/^(\S+)\s+(?:"([^"]*)"\s+)?\[(\d+)\]/gm)) {
    const iri = expand(m[1]);
    if (iri) found.push({ iri, label: m[2] ?? null, count: Number(m[3]) });
  }
  return found;
}

/** prefix:local (or <iri>) as a full IRI, or null. */
export function expand(name) {
  if (name.startsWith('<') && name.endsWith('>')) return name.slice(1, -1);
  const cut = name.indexOf(':');
  const ns = cut >= 0 ? prefixes[name.slice(0, cut)] : undefined;
  return ns === undefined ? null : ns + name.slice(cut + 1);
}

/** Runs a SELECT/ASK and returns the SPARQL JSON results. */
export async function sparqlJson(query) {
  const response = await call('/sparql', {
    method: 'POST',
    body: new URLSearchParams({ query }),
    headers: { Accept: 'application/sparql-results+json' },
  });
  return response.json();
}

/** The graph profile's entry for a property (its name, unit, kind), if a profile is loaded. */
export async function profiledProperty(iri) {
  const { profile } = await schema();
  return profile?.properties?.find((p) => p.iri === iri) ?? null;
}

/** kg_schema for one class: {class, properties, prefixes}. */
export async function classView(iri) {
  const answer = await invokeTool('kg_schema', { class: iri });
  if (!answer.ok) throw new Error(answer.error?.message ?? 'kg_schema failed');
  return answer.result;
}
