#!/usr/bin/env node
// Validates the GroundGate knowledge base:
//  1. parses every ontologies/**/*.ttl file (strict Turtle) and prints triple counts,
//  2. validates ontology + data against ontologies/shapes/groundgate-shapes.ttl (SHACL),
//  3. runs sanity checks that SHACL core cannot express (counts, uniqueness, symmetry, declarations, units).
// Exit code 0 only if everything passes. Usage: cd scripts/kg-data && npm ci && node validate.mjs

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'n3';
import rdf from '@zazuko/env';
import SHACLValidator from 'rdf-validate-shacl';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ONT = path.resolve(HERE, '../../ontologies');
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const GG = 'https://w3id.org/groundgate/ontology#';
const DCT = 'http://purl.org/dc/terms/';
const QUDT = 'http://qudt.org/schema/qudt/';

// Documented exceptions (see ontologies/README.md): values deliberately left out because sources disagree.
const NO_CAPITAL = new Set(['NRU']);
const NO_AREA = new Set(['COM', 'PAK', 'PHL', 'SRB']);
// Properties that must carry a unit, with the exact unit string the calculator expects.
const UNIT_OF = {
  density: 'g/cm^3',
  densityMin: 'g/cm^3',
  densityMax: 'g/cm^3',
  meltingPoint: 'K',
  boilingPoint: 'K',
  area: 'km^2',
  landArea: 'km^2',
};

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${!ok && detail ? `\n      ${detail}` : ''}`);
}

function parseFile(file) {
  const text = fs.readFileSync(file, 'utf8');
  const quads = new Parser({ format: 'text/turtle', baseIRI: 'https://w3id.org/groundgate/' }).parse(text);
  return quads;
}

const files = {
  ontology: path.join(ONT, 'groundgate.ttl'),
  elements: path.join(ONT, 'elements.ttl'),
  materials: path.join(ONT, 'materials.ttl'),
  countries: path.join(ONT, 'countries.ttl'),
  shapes: path.join(ONT, 'shapes/groundgate-shapes.ttl'),
};

const parsed = {};
for (const [k, f] of Object.entries(files)) {
  try {
    parsed[k] = parseFile(f);
    check(`parse ${path.relative(path.resolve(HERE, '../..'), f)} (${parsed[k].length} triples)`, parsed[k].length > 0);
  } catch (e) {
    check(`parse ${f}`, false, e.message);
    parsed[k] = [];
  }
}

const dataQuads = [...parsed.ontology, ...parsed.elements, ...parsed.materials, ...parsed.countries];
const data = rdf.dataset(dataQuads);
const shapes = rdf.dataset(parsed.shapes);

// ---------------------------------------------------------------- SHACL
const validator = new SHACLValidator(shapes, { factory: rdf });
const report = await validator.validate(data);
const results = report.results || [];
check(`SHACL conformance (${results.length} violations)`, report.conforms, results
  .slice(0, 20)
  .map((r) => `${r.focusNode?.value} ${r.path?.value || ''}: ${(r.message || []).map((m) => m.value).join('; ')} [${r.sourceConstraintComponent?.value}]`)
  .join('\n      '));

// ---------------------------------------------------------------- helpers over plain quads
const q = dataQuads;
const subjectsOfType = (cls) => [...new Set(q.filter((t) => t.predicate.value === RDF + 'type' && t.object.value === cls).map((t) => t.subject.value))];
const values = (s, p) => q.filter((t) => t.subject.value === s && t.predicate.value === p).map((t) => t.object);
const index = new Map();
for (const t of q) {
  const k = t.subject.value + '|' + t.predicate.value;
  if (!index.has(k)) index.set(k, []);
  index.get(k).push(t.object);
}
const vals = (s, p) => index.get(s + '|' + p) || [];

// ---------------------------------------------------------------- elements
const elements = subjectsOfType(GG + 'ChemicalElement');
check(`118 chemical elements (found ${elements.length})`, elements.length === 118);
const zs = elements.map((e) => Number(vals(e, GG + 'atomicNumber')[0]?.value));
const zSet = new Set(zs);
check('atomic numbers are unique and exactly 1..118', zSet.size === 118 && [...Array(118).keys()].every((i) => zSet.has(i + 1)));
const syms = elements.map((e) => vals(e, GG + 'symbol')[0]?.value);
check('element symbols are unique', new Set(syms).size === 118);
check('element IRIs end with their symbol', elements.every((e, i) => e.endsWith('/element/' + syms[i])));
const saw = elements.filter((e) => vals(e, GG + 'standardAtomicWeight').length);
check(`84 elements have an IUPAC standard atomic weight (found ${saw.length})`, saw.length === 84);
const expect = { H: ['1', '1.0080'], He: ['2', '4.002602'], C: ['6', '12.011'], N: ['7', '14.007'], O: ['8', '15.999'], Fe: ['26', '55.845'], Cu: ['29', '63.546'], Ag: ['47', '107.8682'], Au: ['79', '196.966570'], Hg: ['80', '200.592'], Pb: ['82', '207.2'], U: ['92', '238.02891'], Os: ['76', '190.23'] };
for (const [sym, [z, w]] of Object.entries(expect)) {
  const e = `https://w3id.org/groundgate/resource/element/${sym}`;
  check(`spot check ${sym}: Z=${z}, standard atomic weight ${w}`, vals(e, GG + 'atomicNumber')[0]?.value === z && vals(e, GG + 'standardAtomicWeight')[0]?.value === w, `got Z=${vals(e, GG + 'atomicNumber')[0]?.value} w=${vals(e, GG + 'standardAtomicWeight')[0]?.value}`);
}
const og = 'https://w3id.org/groundgate/resource/element/Og';
check('spot check Og: no standard atomic weight, no predicted bulk values', vals(og, GG + 'standardAtomicWeight').length === 0 && vals(og, GG + 'density').length === 0 && vals(og, GG + 'phase').length === 0);
const hg = 'https://w3id.org/groundgate/resource/element/Hg';
check('spot check Hg: liquid at standard conditions', vals(hg, GG + 'phase')[0]?.value === 'https://w3id.org/groundgate/resource/phase/Liquid');

// ---------------------------------------------------------------- countries
const countries = subjectsOfType(GG + 'Country');
check(`exactly 193 UN member states (found ${countries.length})`, countries.length === 193);
const a3 = (c) => vals(c, GG + 'isoAlpha3')[0]?.value;
check('ISO alpha-3 codes are unique', new Set(countries.map(a3)).size === 193);
const has = (code) => countries.some((c) => a3(c) === code);
check('Vatican City (VAT) and Palestine (PSE) are not included; South Sudan (SSD) is', !has('VAT') && !has('PSE') && has('SSD'));
for (const code of ['DEU', 'JPN', 'FRA', 'BRA', 'IND', 'USA']) check(`spot check ${code} present with capital, continent and area`, has(code) && ['capital', 'continent', 'area'].every((p) => vals(`https://w3id.org/groundgate/resource/country/${code}`, GG + p).length > 0));
const missingCapital = countries.filter((c) => !vals(c, GG + 'capital').length && !NO_CAPITAL.has(a3(c)));
check(`every country has a capital (documented exceptions: ${[...NO_CAPITAL].join(', ')})`, missingCapital.length === 0, missingCapital.map(a3).join(', '));
const missingContinent = countries.filter((c) => vals(c, GG + 'continent').length !== 1);
check('every country has exactly one continent', missingContinent.length === 0, missingContinent.map(a3).join(', '));
const missingArea = countries.filter((c) => !vals(c, GG + 'area').length && !NO_AREA.has(a3(c)));
check(`every country has an area (documented exceptions: ${[...NO_AREA].join(', ')})`, missingArea.length === 0, missingArea.map(a3).join(', '));
const unexpectedArea = countries.filter((c) => vals(c, GG + 'area').length && NO_AREA.has(a3(c)));
check('documented area exceptions really have no area', unexpectedArea.length === 0, unexpectedArea.map(a3).join(', '));
let asym = [];
for (const t of q.filter((t) => t.predicate.value === GG + 'landBorder')) {
  if (!q.some((u) => u.predicate.value === GG + 'landBorder' && u.subject.value === t.object.value && u.object.value === t.subject.value)) asym.push(`${t.subject.value} -> ${t.object.value}`);
}
check(`land borders are symmetric (${q.filter((t) => t.predicate.value === GG + 'landBorder').length} directed edges)`, asym.length === 0, asym.slice(0, 10).join(', '));
check('no country borders itself', !q.some((t) => t.predicate.value === GG + 'landBorder' && t.subject.value === t.object.value));
const popNoYear = countries.filter((c) => vals(c, GG + 'population').length !== vals(c, GG + 'populationYear').length);
check('every population figure has a reference year', popNoYear.length === 0, popNoYear.map(a3).join(', '));

// ---------------------------------------------------------------- materials
const materials = [...new Set([...subjectsOfType(GG + 'Material'), ...subjectsOfType(GG + 'Alloy')])];
// Every curated material is published and every deliberately left-out one (data/materials.json "leftOut": no reputable
// stored source) is absent; a floor guards against losing most of the set.
const curated = JSON.parse(fs.readFileSync(path.join(HERE, 'data/materials.json'), 'utf8'));
const materialIds = new Set(materials.map((m) => m.slice(m.lastIndexOf('/') + 1)));
check(`every curated material is published (${curated.materials.length} curated, ${materials.length} found)`,
  curated.materials.every((m) => materialIds.has(m.id)) && materials.length === curated.materials.length);
const leftOutPublished = (curated.leftOut || []).filter((o) => materialIds.has(o.id)).map((o) => o.id);
check('no left-out material is published', leftOutPublished.length === 0, leftOutPublished.join(', '));
check(`at least 15 materials (found ${materials.length})`, materials.length >= 15);
// Each published density is the cited page's number in its printed unit: equal for g/cm^3 and specific gravity, /1000
// for kg/m^3, and within half a unit in the last printed digit for lb/in^3 (1 lb/in^3 = 27.6799 g/cm^3).
const LB_PER_IN3 = 27.6799047;
const densityOff = [];
for (const m of curated.materials) {
  const published = Number(vals(materials.find((x) => x.endsWith('/' + m.id)) || '', GG + 'density')[0]?.value);
  const printed = Number(m.density.value);
  const decimals = (m.density.value.split('.')[1] || '').length;
  const ok = {
    'g/cm^3': () => published === printed,
    'specific gravity': () => published === printed,
    'kg/m^3': () => Math.abs(published - printed / 1000) < 1e-9,
    'lb/in^3': () => Math.abs(published / LB_PER_IN3 - printed) <= 0.5 * 10 ** -decimals,
  }[m.density.unit];
  if (!ok || !ok()) densityOff.push(`${m.id}: ${published} g/cm^3 vs ${m.density.value} ${m.density.unit}`);
}
check('every published density is the cited value in its printed unit', densityOff.length === 0, densityOff.join('; '));
const noSource = materials.filter((m) => !vals(m, DCT + 'source').length);
check('every material cites a source', noSource.length === 0, noSource.join(', '));
const overfull = [];
for (const m of materials) {
  let minSum = 0;
  let nominal = 0;
  for (const c of vals(m, GG + 'hasComponent')) {
    const mf = vals(c.value, GG + 'massFraction')[0];
    const mn = vals(c.value, GG + 'massFractionMin')[0];
    minSum += Number((mn || mf)?.value || 0);
    nominal += Number(mf?.value || 0);
  }
  if (minSum > 1.0000001 || nominal > 1.0000001) overfull.push(`${m} (sum of minima ${minSum}, nominal ${nominal})`);
}
check('component mass fractions never exceed 1 in total', overfull.length === 0, overfull.join('; '));

// ---------------------------------------------------------------- datasets
for (const ds of ['elements', 'countries', 'materials']) {
  const s = `https://w3id.org/groundgate/dataset/${ds}`;
  check(`dataset ${ds} has title, source(s), licence, created, modified, creator`, ['title', 'source', 'license', 'created', 'modified', 'creator'].every((p) => vals(s, DCT + p).length > 0));
}

// ---------------------------------------------------------------- declarations and units
const declared = new Set(
  parsed.ontology
    .filter((t) => t.predicate.value === RDF + 'type' && [OWL + 'Class', OWL + 'ObjectProperty', OWL + 'DatatypeProperty', OWL + 'AnnotationProperty'].includes(t.object.value))
    .map((t) => t.subject.value),
);
const builtin = new Set([RDF + 'type', RDFS + 'label', RDFS + 'comment', RDFS + 'subClassOf', RDFS + 'subPropertyOf', RDFS + 'domain', RDFS + 'range', RDFS + 'seeAlso', OWL + 'versionInfo', OWL + 'NamedIndividual', OWL + 'imports', OWL + 'Ontology', OWL + 'unionOf', RDF + 'first', RDF + 'rest']);
const usedPreds = new Set([...parsed.elements, ...parsed.materials, ...parsed.countries].map((t) => t.predicate.value));
const undeclaredPreds = [...usedPreds].filter((p) => !declared.has(p) && !builtin.has(p));
check('every predicate used in the data is declared in groundgate.ttl', undeclaredPreds.length === 0, undeclaredPreds.join(', '));
const usedClasses = new Set([...parsed.elements, ...parsed.materials, ...parsed.countries].filter((t) => t.predicate.value === RDF + 'type').map((t) => t.object.value));
const undeclaredClasses = [...usedClasses].filter((c) => !declared.has(c) && !builtin.has(c));
check('every class used in the data is declared in groundgate.ttl', undeclaredClasses.length === 0, undeclaredClasses.join(', '));
for (const [local, u] of Object.entries(UNIT_OF)) {
  const p = GG + local;
  const got = parsed.ontology.filter((t) => t.subject.value === p && t.predicate.value === GG + 'unit').map((t) => t.object.value);
  const qu = parsed.ontology.filter((t) => t.subject.value === p && t.predicate.value === QUDT + 'hasUnit');
  const ul = parsed.ontology.filter((t) => t.subject.value === p && t.predicate.value === GG + 'unitLabel');
  check(`gg:${local} has exactly one gg:unit "${u}", a qudt:hasUnit and a gg:unitLabel`, got.length === 1 && got[0] === u && qu.length === 1 && ul.length >= 1, `got ${JSON.stringify(got)}`);
}
const unitProps = parsed.ontology.filter((t) => t.predicate.value === GG + 'unit').map((t) => t.subject.value.replace(GG, ''));
check('no other property declares a unit', unitProps.every((p) => p in UNIT_OF), unitProps.join(', '));
const ontologyHeader = parsed.ontology.filter((t) => t.subject.value === 'https://w3id.org/groundgate/ontology');
check('owl:Ontology header with title, description, licence, versionInfo and no owl:imports', ['title', 'description', 'license'].every((p) => ontologyHeader.some((t) => t.predicate.value === DCT + p)) && ontologyHeader.some((t) => t.predicate.value === OWL + 'versionInfo') && !parsed.ontology.some((t) => t.predicate.value === OWL + 'imports'));
// each data file imports the vocabulary (resolved offline by ontologies/catalog-v001.xml), so Protégé opens it alone
for (const name of ['elements', 'materials', 'countries']) {
  check(`${name}.ttl is an owl:Ontology importing the GroundGate ontology`, parsed[name].some((t) => t.subject.value === `https://w3id.org/groundgate/data/${name}` && t.predicate.value === OWL + 'imports' && t.object.value === 'https://w3id.org/groundgate/ontology'));
}

console.log('');
console.log(`triples: ${Object.entries(parsed).map(([k, v]) => `${k}=${v.length}`).join(' ')} total=${Object.values(parsed).reduce((a, v) => a + v.length, 0)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
