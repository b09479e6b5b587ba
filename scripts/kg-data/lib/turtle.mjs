// Minimal deterministic Turtle writer used by generate.mjs.
// Terms: { iri }  or  { lit, dt?, lang? }.  Output is sorted and stable.

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dcterms: 'http://purl.org/dc/terms/',
  dcat: 'http://www.w3.org/ns/dcat#',
  void: 'http://rdfs.org/ns/void#',
  prov: 'http://www.w3.org/ns/prov#',
  qudt: 'http://qudt.org/schema/qudt/',
  unit: 'http://qudt.org/vocab/unit/',
  gg: 'https://w3id.org/groundgate/ontology#',
  ggds: 'https://w3id.org/groundgate/dataset/',
  element: 'https://w3id.org/groundgate/resource/element/',
  category: 'https://w3id.org/groundgate/resource/category/',
  phase: 'https://w3id.org/groundgate/resource/phase/',
  material: 'https://w3id.org/groundgate/resource/material/',
  country: 'https://w3id.org/groundgate/resource/country/',
  city: 'https://w3id.org/groundgate/resource/city/',
  continent: 'https://w3id.org/groundgate/resource/continent/',
  currency: 'https://w3id.org/groundgate/resource/currency/',
  language: 'https://w3id.org/groundgate/resource/language/',
};

export const iri = (s) => ({ iri: s });
export const gg = (local) => iri(NS.gg + local);
export const str = (s) => ({ lit: String(s) });
export const en = (s) => ({ lit: String(s), lang: 'en' });
export const bool = (b) => ({ lit: b ? 'true' : 'false', dt: NS.xsd + 'boolean' });
export const int = (n) => {
  const s = String(n);
  if (!/^-?\d+$/.test(s)) throw new Error(`not an integer: ${s}`);
  return { lit: s, dt: NS.xsd + 'integer' };
};
export const dec = (v) => {
  const s = String(v);
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new Error(`not a plain decimal: ${s}`);
  return { lit: s, dt: NS.xsd + 'decimal' };
};
export const date = (s) => ({ lit: s, dt: NS.xsd + 'date' });

const SAFE_LOCAL = /^[A-Za-z][A-Za-z0-9_-]*$/;

function compactIri(u, prefixes) {
  let best = null;
  for (const [p, ns] of Object.entries(prefixes)) {
    if (u.startsWith(ns)) {
      const local = u.slice(ns.length);
      if ((local === '' || SAFE_LOCAL.test(local)) && (!best || ns.length > best.ns.length)) best = { p, ns, local };
    }
  }
  return best ? `${best.p}:${best.local}` : `<${u}>`;
}

function escapeString(s) {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
}

function termToTurtle(t, prefixes) {
  if (t.iri) return compactIri(t.iri, prefixes);
  const q = `"${escapeString(t.lit)}"`;
  if (t.lang) return `${q}@${t.lang}`;
  if (!t.dt || t.dt === NS.xsd + 'string') return q;
  if (t.dt === NS.xsd + 'integer') return t.lit;
  if (t.dt === NS.xsd + 'boolean') return t.lit;
  if (t.dt === NS.xsd + 'decimal') return t.lit.includes('.') ? t.lit : `${t.lit}.0`;
  return `${q}^^${compactIri(t.dt, prefixes)}`;
}

function termKey(t) {
  if (t.iri) return '0' + t.iri;
  if (t.dt === NS.xsd + 'integer' || t.dt === NS.xsd + 'decimal') {
    // numeric sort for readability, stable tie-break on lexical form
    const n = Number(t.lit);
    return '1' + (n < 0 ? '-' : '+') + String(Math.abs(n).toFixed(12)).padStart(40, '0') + t.lit;
  }
  return '2' + (t.lang || '') + '|' + (t.dt || '') + '|' + t.lit;
}

export class Graph {
  constructor() {
    this.subjects = new Map(); // subjIri -> Map(predIri -> Map(key -> term))
  }
  add(s, p, o) {
    if (o === undefined || o === null) return;
    const sk = s.iri;
    const pk = p.iri;
    if (!this.subjects.has(sk)) this.subjects.set(sk, new Map());
    const preds = this.subjects.get(sk);
    if (!preds.has(pk)) preds.set(pk, new Map());
    preds.get(pk).set(termKey(o), o);
  }
  get size() {
    let n = 0;
    for (const preds of this.subjects.values()) for (const objs of preds.values()) n += objs.size;
    return n;
  }
  objects(s, p) {
    const preds = this.subjects.get(s.iri);
    if (!preds || !preds.has(p.iri)) return [];
    return [...preds.get(p.iri).values()];
  }
  toTurtle({ prefixes, header = '', subjectOrder = null }) {
    const lines = [];
    if (header) lines.push(header.trimEnd(), '');
    for (const [p, ns] of Object.entries(prefixes)) lines.push(`@prefix ${p}: <${ns}> .`);
    lines.push('');
    const predOrder = [NS.rdf + 'type', NS.rdfs + 'label', NS.skos + 'prefLabel', NS.skos + 'altLabel'];
    const subjects = [...this.subjects.keys()].sort(subjectOrder || undefined);
    for (const s of subjects) {
      const preds = this.subjects.get(s);
      const pkeys = [...preds.keys()].sort((a, b) => {
        const ia = predOrder.indexOf(a);
        const ib = predOrder.indexOf(b);
        if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
        return a < b ? -1 : a > b ? 1 : 0;
      });
      const parts = [];
      for (const p of pkeys) {
        const objs = [...preds.get(p).entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]);
        const pt = p === NS.rdf + 'type' ? 'a' : compactIri(p, prefixes);
        parts.push(`    ${pt} ${objs.map((o) => termToTurtle(o, prefixes)).join(',\n        ')}`);
      }
      lines.push(`${compactIri(s, prefixes)}\n${parts.join(' ;\n')} .`);
      lines.push('');
    }
    return lines.join('\n');
  }
}

// Exact decimal scaling by a power of ten (no floating point): shiftDecimal('0.08988', -3) === '0.00008988'
export function shiftDecimal(value, exp) {
  let s = String(value).trim();
  if (!/^\d+(\.\d+)?$/.test(s)) throw new Error(`cannot scale non-decimal ${s}`);
  let [intPart, frac = ''] = s.split('.');
  let digits = intPart + frac;
  let point = intPart.length + exp;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  let out = digits.slice(0, point) + (point < digits.length ? '.' + digits.slice(point) : '');
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return out;
}

// Plain decimal string for a JS number that came from JSON (no exponent notation).
export function numToDecimalString(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const s = String(n);
  if (/e/i.test(s)) throw new Error(`number in exponent notation, refusing: ${s}`);
  return s;
}
