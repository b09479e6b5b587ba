// Scoring of free-text answers against the gold answers of evals/questions/*.jsonl.
// Pure functions, no dependencies: every decision returns { correct, reason } so a report can say why.

const SUPERSCRIPT = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
const MINUS = /[−–‒—]/g; // unicode minus and dashes used as minus
const SCALE = { thousand: 3, million: 6, billion: 9, trillion: 12 }; // powers of ten

/** Lower case, no accents, punctuation as spaces: for label matching. */
export function normalize(text) {
  return String(text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Markdown emphasis and code marks removed, so "**Yes**" reads as "Yes". */
export function plain(text) {
  return String(text ?? '').replace(/[*_`#>]+/g, '').trim();
}

// sign, integer part (plain or with thousands separators), fraction, exponent, "× 10^n", scale word, then what follows
const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])` +
    String.raw`([-+−–]?)` +
    String.raw`(\d{1,3}(?:[,\u00A0\u202F\u2009']\d{3})+|\d+)` +
    String.raw`(\.\d+)?` +
    String.raw`(?:\s?[eE]([-+−]?\d+))?` +
    String.raw`(?:\s?[×x*·]\s?10\s?(?:\^|\*\*)?\s?([-−]?\d+|[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?` +
    String.raw`(?:\s(thousand|million|billion|trillion)\b)?`,
  'gu',
);

/** Every number in the text with its position and the text that follows it (where a unit would be). */
export function parseNumbers(text) {
  const source = String(text ?? '');
  const out = [];
  for (const m of source.matchAll(NUMBER)) {
    const [whole, sign, int, frac = '', exp, pow10, scaleWord] = m;
    // a dash right after a letter or digit is a hyphen or a range ("10-20", "H-2"), not a minus
    const before = source[m.index - 1] ?? '';
    const negative = /[-−–]/.test(sign) && !/[\p{L}\p{N}]/u.test(before);
    // built as one decimal string so that 6.022 × 10^23 is exactly the double 6.022e23
    let power = 0;
    if (exp !== undefined) power += Number(exp.replace(MINUS, '-'));
    if (pow10 !== undefined) power += Number([...pow10].map((c) => SUPERSCRIPT[c] ?? c).join('').replace(MINUS, '-'));
    if (scaleWord) power += SCALE[scaleWord.toLowerCase()];
    let value = Number(`${int.replace(/[^\d]/g, '')}${frac}e${power}`);
    if (negative) value = -value;
    const end = m.index + whole.length;
    out.push({ value, text: whole.trim(), start: m.index, end, after: source.slice(end, end + 40) });
  }
  return out;
}

// ---- units ----------------------------------------------------------------------------------------------------------

// canonical unit -> { dim, factor to the dimension's base, offset (for temperatures), spellings }
const UNITS = {
  'g/cm^3': { dim: 'density', factor: 1, spell: ['g/cm^3', 'g/cm³', 'g/cm3', 'g cm-3', 'g cm^-3', 'g cm⁻³', 'g·cm⁻³', 'g·cm-3', 'g/cc', 'g/ml', 'grams per cubic centimetre', 'grams per cubic centimeter', 'gram per cubic centimetre', 'gram per cubic centimeter', 'g per cm³', 'g per cm3'] },
  'kg/m^3': { dim: 'density', factor: 0.001, spell: ['kg/m^3', 'kg/m³', 'kg/m3', 'kg m-3', 'kg m⁻³', 'kg·m⁻³', 'kilograms per cubic metre', 'kilograms per cubic meter'] },
  'g/L': { dim: 'density', factor: 0.001, spell: ['g/l', 'grams per litre', 'grams per liter'] },
  K: { dim: 'temperature', factor: 1, offset: 0, spell: ['K', 'kelvin', 'kelvins', '°K'], caseSensitive: ['K'] },
  '°C': { dim: 'temperature', factor: 1, offset: 273.15, spell: ['°C', '℃', '° C', 'degrees celsius', 'degree celsius', 'deg c', 'degrees c', 'celsius', 'ºC'] },
  'km^2': { dim: 'area', factor: 1e6, spell: ['km^2', 'km²', 'km2', 'sq km', 'sq. km', 'square kilometres', 'square kilometers', 'square kilometre', 'square kilometer', 'km 2'] },
  'm^2': { dim: 'area', factor: 1, spell: ['m^2', 'm²', 'square metres', 'square meters'] },
  'mi^2': { dim: 'area', factor: 2589988.110336, spell: ['mi^2', 'mi²', 'sq mi', 'sq. mi', 'square miles', 'square mile'] },
  mg: { dim: 'mass', factor: 0.001, spell: ['mg', 'milligrams', 'milligram'] },
  g: { dim: 'mass', factor: 1, spell: ['g', 'grams', 'gram', 'gm'] },
  kg: { dim: 'mass', factor: 1000, spell: ['kg', 'kilograms', 'kilogram', 'kilos', 'kilo'] },
  t: { dim: 'mass', factor: 1e6, spell: ['t', 'tonnes', 'tonne', 'metric tons'] },
  lb: { dim: 'mass', factor: 453.59237, spell: ['lb', 'lbs', 'pounds', 'pound'] },
  oz: { dim: 'mass', factor: 28.349523125, spell: ['oz', 'ounces', 'ounce'] },
  mL: { dim: 'volume', factor: 0.001, spell: ['ml', 'millilitres', 'milliliters', 'millilitre', 'milliliter'] },
  L: { dim: 'volume', factor: 1, spell: ['L', 'l', 'litres', 'liters', 'litre', 'liter'] },
  'm^3': { dim: 'volume', factor: 1000, spell: ['m^3', 'm³', 'cubic metres', 'cubic meters'] },
  'cm^3': { dim: 'volume', factor: 0.001, spell: ['cm^3', 'cm³', 'cm3', 'cc', 'cubic centimetres', 'cubic centimeters'] },
  mm: { dim: 'length', factor: 0.001, spell: ['mm', 'millimetres', 'millimeters'] },
  cm: { dim: 'length', factor: 0.01, spell: ['cm', 'centimetres', 'centimeters', 'centimetre', 'centimeter'] },
  m: { dim: 'length', factor: 1, spell: ['m', 'metres', 'meters', 'metre', 'meter'] },
  km: { dim: 'length', factor: 1000, spell: ['km', 'kilometres', 'kilometers', 'kilometre', 'kilometer'] },
  mi: { dim: 'length', factor: 1609.344, spell: ['mi', 'miles', 'mile'] },
  ft: { dim: 'length', factor: 0.3048, spell: ['ft', 'feet', 'foot'] },
  in: { dim: 'length', factor: 0.0254, spell: ['inches', 'inch'] }, // not "in": it is a preposition after numbers
  'ft^2': { dim: 'area', factor: 0.09290304, spell: ['ft^2', 'ft²', 'sq ft', 'sq. ft', 'square feet', 'square foot'] },
  W: { dim: 'power', factor: 1, spell: ['W', 'watts', 'watt'], caseSensitive: ['W'] },
  kW: { dim: 'power', factor: 1000, spell: ['kW', 'kilowatts', 'kilowatt'], caseSensitive: ['kW'] },
  'm/s': { dim: 'speed', factor: 1, spell: ['m/s', 'm s-1', 'm s⁻¹', 'm·s⁻¹', 'metres per second', 'meters per second', 'meter per second', 'metre per second', 'mps'] },
  'km/h': { dim: 'speed', factor: 1 / 3.6, spell: ['km/h', 'kph', 'kmh', 'kilometres per hour', 'kilometers per hour'] },
  '%': { dim: 'percent', factor: 1, spell: ['%', 'percent', 'per cent', 'pct'] },
};

/** Spelling variants folded together: "g·cm⁻³" and "g cm^-3" both read "g cm-3", "km²" reads "km2". */
function fold(text, caseSensitive) {
  const t = String(text).replace(/·/g, ' ').replace(/[⁻−]/g, '-').replace(/³/g, '3').replace(/²/g, '2').replace(/\^/g, '').replace(/º/g, '°');
  return caseSensitive ? t : t.toLowerCase();
}

const SPELLINGS = Object.entries(UNITS)
  .flatMap(([unit, def]) => def.spell.map((s) => {
    const cs = (def.caseSensitive ?? []).includes(s);
    return { unit, s: fold(s, cs), cs };
  }))
  .sort((a, b) => b.s.length - a.s.length);

/** The canonical unit a text starts with (after spaces), or null. "g/cm³ at 20 °C" -> "g/cm^3". */
export function unitAt(text) {
  const raw = String(text ?? '').replace(/^[\s\u00A0\u202F]+/, '');
  const exact = fold(raw, true);
  const lower = exact.toLowerCase();
  for (const { unit, s, cs } of SPELLINGS) {
    const t = cs ? exact : lower;
    if (t.startsWith(s)) {
      // the spelling must end there: "g" must not match "gold", "m" not "metal"; "kg." and "km2," are fine
      if (!/[\p{L}\p{N}]/u.test(t[s.length] ?? '')) return unit;
    }
  }
  return null;
}

/** Canonical form of a gold unit written with any accepted spelling. */
export function canonicalUnit(unit) {
  if (unit == null) return null;
  if (UNITS[unit]) return unit;
  return unitAt(unit) ?? unit;
}

/** value in unit `from` expressed in unit `to`, or null when the dimensions differ. */
export function convert(value, from, to) {
  const a = UNITS[from];
  const b = UNITS[to];
  if (!a || !b || a.dim !== b.dim) return null;
  const base = value * a.factor + (a.offset ?? 0);
  return (base - (b.offset ?? 0)) / b.factor;
}

function mentionsUnit(text, unit) {
  const t = String(text ?? '');
  for (let i = 0; i < t.length; i++) {
    if ((i === 0 || /[\s(:,/\d]/.test(t[i - 1])) && unitAt(t.slice(i)) === unit) return true;
  }
  return false;
}

function within(candidate, gold) {
  const expected = Number(gold.value);
  const diff = Math.abs(candidate - expected);
  if (gold.abs_tolerance != null) return diff <= Number(gold.abs_tolerance) + 1e-9 * Math.abs(expected);
  const tol = gold.tolerance != null ? Number(gold.tolerance) : 1e-6;
  return diff <= tol * Math.abs(expected) + 1e-12;
}

/** Number: the number closest to gold counts, in the gold unit (converted when the answer uses a related unit). */
export function matchNumber(answer, gold) {
  const numbers = parseNumbers(answer);
  if (numbers.length === 0) return { correct: false, reason: 'no number in the answer' };
  const expected = Number(gold.value);
  const goldUnit = canonicalUnit(gold.unit);
  const unitElsewhere = goldUnit ? mentionsUnit(answer, goldUnit) : false;
  let best = null;
  for (const n of numbers) {
    let value = n.value;
    let unit = null;
    if (goldUnit) {
      unit = unitAt(n.after);
      if (unit && unit !== goldUnit) {
        if (gold.exact_unit) continue; // the question asks for this unit: the fact in its stored unit is no answer
        const converted = convert(n.value, unit, goldUnit);
        if (converted == null) continue; // a number of another kind (a year, a count, another quantity)
        value = converted;
      } else if (!unit && !unitElsewhere) {
        continue;
      }
    }
    const distance = Math.abs(value - expected);
    if (!best || distance < best.distance) best = { value, text: n.text, unit, distance };
  }
  if (!best) return { correct: false, reason: `no number in ${gold.unit}` };
  const ok = within(best.value, gold);
  const shown = best.unit && best.unit !== goldUnit ? `${best.text} ${best.unit} = ${best.value} ${goldUnit}` : best.text;
  return { correct: ok, reason: ok ? `${shown} matches ${gold.value}` : `closest ${shown}, expected ${gold.value}${gold.unit ? ' ' + gold.unit : ''}` };
}

function hasLabel(normalizedAnswer, label) {
  const n = normalize(label);
  return n.length > 0 && ` ${normalizedAnswer} `.includes(` ${n} `);
}

/** Entities: labels matched case- and accent-insensitively as whole words; an item may be a list of alternatives. */
export function matchEntities(answer, gold) {
  const a = normalize(answer);
  const found = (item) => (Array.isArray(item) ? item : [item]).some((l) => hasLabel(a, l));
  if (gold.all) {
    const missing = gold.all.filter((item) => !found(item));
    return { correct: missing.length === 0, reason: missing.length ? `missing ${JSON.stringify(missing)}` : 'all entities named' };
  }
  const hit = (gold.any ?? []).find(found);
  return { correct: hit !== undefined, reason: hit !== undefined ? `names ${JSON.stringify(hit)}` : `none of ${JSON.stringify(gold.any)}` };
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text: every string appears as a whole word (case-sensitive when asked, e.g. chemical symbols). */
export function matchText(answer, gold) {
  const missing = (gold.contains ?? []).filter((s) => {
    if (gold.case_sensitive) return !new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'u').test(String(answer ?? ''));
    return !hasLabel(normalize(answer), s);
  });
  return { correct: missing.length === 0, reason: missing.length ? `missing ${JSON.stringify(missing)}` : 'contains all' };
}

/** Yes/no from the start of the answer. */
export function readYesNo(answer) {
  const first = normalize(plain(answer).replace(/^["'“‘(\[]+/, '')).split(' ')[0];
  if (['yes', 'yeah', 'yep', 'correct', 'true', 'indeed', 'right'].includes(first)) return true;
  if (['no', 'nope', 'false', 'incorrect', 'not', 'wrong'].includes(first)) return false;
  return null;
}

export function matchYesNo(answer, gold) {
  const said = readYesNo(answer);
  if (said === null) return { correct: false, reason: 'the answer does not start with yes or no' };
  return { correct: said === gold.value, reason: `answered ${said ? 'yes' : 'no'}, expected ${gold.value ? 'yes' : 'no'}` };
}

const SEPARATOR = /^\s*(,|;|\/|&|,?\s*(and|or|vs\.?|versus|nor))?\s*$/i;

/** Lower case without accents, punctuation kept (separators matter when reading a choice). */
function foldText(text) {
  return String(text ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Choice: the option the answer picks. Mentions of the options are found in order; a restatement of the options
 * ("Of iron, lead and gold, ...", "Between X and Y") is skipped; the first remaining mention is the pick.
 */
export function readChoice(answer, options) {
  const text = foldText(plain(answer));
  const mentions = [];
  // an option is a label or a list of its spellings (label first: ["Aluminium", "Aluminum"])
  const spellings = options.map((o) => (Array.isArray(o) ? o : [o]));
  spellings.forEach((names, index) => {
    for (const name of names) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(foldText(name))}(?![\\p{L}\\p{N}])`, 'gu');
      for (const m of text.matchAll(pattern)) mentions.push({ index, start: m.index, end: m.index + m[0].length });
    }
  });
  // text in double quotes echoes the question ('I could not find "A or B"'): a mention there is no pick
  const quoted = [...text.matchAll(/["“][^"“”]*["”]/g)].map((q) => [q.index, q.index + q[0].length]);
  // a longer option containing a shorter one ("Guinea-Bissau" vs "Guinea"): keep the longer mention
  const kept = mentions
    .filter((m) => !quoted.some(([a, b]) => m.start >= a && m.end <= b))
    .filter((m) => !mentions.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start))
    .sort((a, b) => a.start - b.start);
  // runs of mentions joined only by separators; a run ends when an option repeats
  const runs = [];
  for (const m of kept) {
    const last = runs.at(-1);
    if (last && SEPARATOR.test(text.slice(last.at(-1).end, m.start)) && !last.some((o) => o.index === m.index)) last.push(m);
    else runs.push([m]);
  }
  const picks = runs.filter((run) => run.length === 1).flat();
  if (picks.length) return spellings[picks[0].index][0];
  const distinct = [...new Set(kept.map((m) => m.index))];
  return distinct.length === 1 ? spellings[distinct[0]][0] : null;
}

export function matchChoice(answer, gold) {
  const picked = readChoice(answer, gold.options);
  if (picked === null) return { correct: false, reason: 'no single option picked' };
  return { correct: normalize(picked) === normalize(gold.value), reason: `picked ${picked}, expected ${gold.value}` };
}

const ABSTAIN = new RegExp(
  [
    "could ?n[o']?t find", 'cannot find', "can't find", 'unable to (find|answer|determine|locate|provide)', 'not (in|part of) the knowledge (graph|base)',
    "(is|are) ?n[o']?t (in|included in|available in|present in|listed in|recorded in) (the|my|this)", 'i do ?n[o\']?t know', "i don't know", 'no information', 'cannot answer', "can't answer",
    'cannot be answered', "(does|do) ?n[o']?t (contain|have|include|list|record)", 'not available', 'no (data|value|record|entry|such)', 'not found',
    "do ?n[o']?t have (any |the |that |this )?(information|data|value|figure)", "there is no (information|data|value|record|known|such)", 'not known',
    "does ?n[o']?t exist", 'is (a )?fictional', 'not a real', 'no official capital', 'not recorded', 'left out', 'missing from',
  ].join('|'),
  'i',
);

/** Whether the answer declines to answer (a phrase, or the gateway's unresolved list with no number claimed). */
export function abstains(answer, grounding, question = '') {
  if (ABSTAIN.test(String(answer ?? '').replace(/[’‘]/g, "'"))) return true;
  const unresolved = Array.isArray(grounding?.unresolved) && grounding.unresolved.length > 0;
  return unresolved && !claimsNumber(answer, question);
}

/** A number in the answer that the question did not already contain. */
export function claimsNumber(answer, question = '') {
  const asked = new Set(parseNumbers(question).map((n) => n.value));
  return parseNumbers(answer).some((n) => !asked.has(n.value));
}

/** Unanswerable: right only when the answer abstains and states no value. */
export function matchUnanswerable(answer, gold, { grounding, question } = {}) {
  const abstained = abstains(answer, grounding, question);
  if (!abstained) return { correct: false, reason: 'answered instead of abstaining' };
  if (claimsNumber(answer, question)) return { correct: false, reason: 'abstained but still stated a number' };
  return { correct: true, reason: 'abstained' };
}

// a reply that asks which of several things the user means ("Do you mean gold or silver?")
const CLARIFY = new RegExp(
  [
    'which (one|of (them|these|those|the two|both))\\b.*\\?', 'do you mean', 'did you mean', 'are you asking (about|for)', 'ambiguous',
    'could refer to', 'please (specify|clarify|say which)', 'not (sure|clear) which',
  ].join('|'),
  'i',
);

/** Whether the answer asks which reading the user means. */
export function asksWhichOne(answer) {
  return CLARIFY.test(plain(answer));
}

/**
 * Ambiguous follow-up ("What is its melting point?" after two elements): right when the answer asks which one is meant
 * (or declines) without answering only one reading, or when it answers every reading; a silent pick of one is wrong.
 */
export function matchAmbiguous(answer, gold, context = {}) {
  const readings = gold.readings.map((r) => score(answer, r, context));
  const answered = readings.filter((r) => r.correct).length;
  if (answered === readings.length) return { correct: true, reason: 'answered every reading' };
  if (answered > 0) return { correct: false, reason: `answered ${answered} of ${readings.length} readings as if the question were clear` };
  if (asksWhichOne(answer)) return { correct: true, reason: 'asked which one is meant' };
  if (abstains(answer, context.grounding, context.question)) return { correct: true, reason: 'declined to pick a reading' };
  return { correct: false, reason: 'neither asked which one is meant nor answered every reading' };
}

/** Whether the answer states a gold value: a number (1e-6 relative) or a label as a whole word. */
function statesValue(answer, value) {
  const n = Number(value);
  if (String(value).trim() !== '' && Number.isFinite(n)) {
    return parseNumbers(answer).some((x) => Math.abs(x.value - n) <= 1e-6 * Math.abs(n) + 1e-12);
  }
  return hasLabel(normalize(answer), value);
}

/**
 * Clarify (an ambiguous name): right when the answer names every candidate (each by one of its alternatives, e.g. the
 * full name or a distinguishing detail) and does not assert the value of just one of them, which would be a guess.
 */
export function matchClarify(answer, gold) {
  const a = normalize(answer);
  const missing = gold.candidates.filter((c) => !(Array.isArray(c) ? c : [c]).some((l) => hasLabel(a, l)));
  if (missing.length) return { correct: false, reason: `does not name the candidates ${JSON.stringify(missing)}` };
  const values = gold.values ?? [];
  const stated = values.filter((v) => statesValue(answer, v));
  if (values.length > 1 && stated.length === 1) return { correct: false, reason: `names every candidate but asserts only ${stated[0]}` };
  return { correct: true, reason: 'names every candidate' };
}

/**
 * Groups ("how many per X"): every group label must be named with its value: the first number after the label, or a
 * number right before it ("24 Fantasy").
 */
export function matchGroups(answer, gold) {
  const text = foldText(plain(answer));
  const tol = gold.tolerance != null ? Number(gold.tolerance) : 1e-6;
  const equal = (x, v) => Math.abs(x - Number(v)) <= tol * Math.abs(Number(v)) + 1e-9;
  const mentions = [];
  // a label may be a list of spellings (the name and the IRI's local name: ["Blue Heron Foundation", "BlueHeronFoundation"])
  gold.groups.forEach(([label], index) => {
    for (const spelling of Array.isArray(label) ? label : [label]) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(foldText(spelling))}(?![\\p{L}\\p{N}])`, 'gu');
      for (const m of text.matchAll(pattern)) mentions.push({ index, start: m.index, end: m.index + m[0].length });
    }
  });
  mentions.sort((x, y) => x.start - y.start);
  const missing = gold.groups.filter(([, value], index) => !mentions.some((m, i) => {
    if (m.index !== index) return false;
    const after = parseNumbers(text.slice(m.end, mentions[i + 1]?.start ?? text.length))[0];
    if (after && equal(after.value, value)) return true;
    const before = parseNumbers(text.slice(Math.max(0, m.start - 12), m.start)).at(-1);
    return before !== undefined && /^[\s:=(-]*$/.test(text.slice(Math.max(0, m.start - 12), m.start).slice(before.end)) && equal(before.value, value);
  }));
  return { correct: missing.length === 0, reason: missing.length ? `missing or wrong ${JSON.stringify(missing)}` : 'every group with its value' };
}

/** Dispatch on the gold type. context: { grounding, question }. */
export function score(answer, gold, context = {}) {
  switch (gold.type) {
    case 'number':
      return matchNumber(answer, gold);
    case 'entities':
      return matchEntities(answer, gold);
    case 'text':
      return matchText(answer, gold);
    case 'yes_no':
      return matchYesNo(answer, gold);
    case 'choice':
      return matchChoice(answer, gold);
    case 'unanswerable':
      return matchUnanswerable(answer, gold, context);
    case 'ambiguous':
      return matchAmbiguous(answer, gold, context);
    case 'clarify':
      return matchClarify(answer, gold);
    case 'groups':
      return matchGroups(answer, gold);
    case 'all': {
      const parts = gold.parts.map((p) => score(answer, p, context));
      const failed = parts.filter((p) => !p.correct);
      return { correct: failed.length === 0, reason: parts.map((p) => p.reason).join('; ') };
    }
    default:
      return { correct: false, reason: `unknown gold type ${gold.type}` };
  }
}
