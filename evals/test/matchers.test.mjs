import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { abstains, asksWhichOne, convert, normalize, parseNumbers, readChoice, readYesNo, score, unitAt } from '../lib/matchers.mjs';
import { setName, setRow, setSummary } from '../lib/sets.mjs';

const values = (text) => parseNumbers(text).map((n) => n.value);

test('numbers: thousands separators, decimals, scientific notation, unicode minus, scale words', () => {
  assert.deepEqual(values('126,919,659 people'), [126919659]);
  assert.deepEqual(values('about 127 million'), [127e6]);
  assert.deepEqual(values('1.2e3 and 6.022 × 10^23 and 3 x 10⁻²'), [1200, 6.022e23, 0.03]);
  assert.deepEqual(values('−40 °C, -3.5 and 1\u202F000'), [-40, -3.5, 1000]);
  assert.deepEqual(values('it was 10-20 years'), [10, 20]);
  assert.deepEqual(values('C26000 and H2O have no numbers'), []);
  assert.deepEqual(values('It is 38.6.'), [38.6]);
});

test('units: equivalent spellings and conversions', () => {
  for (const s of ['g/cm^3', 'g/cm³', 'g/cm3', 'g cm-3', 'g cm^-3', 'g·cm⁻³', 'g·cm^-3', 'grams per cubic centimetre', 'g/cc', 'G/CM3']) {
    assert.equal(unitAt(` ${s} at 20 °C`), 'g/cm^3', s);
  }
  assert.equal(unitAt(' km² of land'), 'km^2');
  assert.equal(unitAt(' km2.'), 'km^2');
  assert.equal(unitAt(' k'), null, 'kelvin is a capital K');
  assert.equal(unitAt(' °C'), '°C');
  assert.equal(unitAt(' kelvin'), 'K');
  assert.equal(unitAt(' gold'), null);
  assert.equal(unitAt(' kinds'), null);
  assert.equal(convert(38600, 'g', 'kg'), 38.6);
  assert.equal(convert(19300, 'kg/m^3', 'g/cm^3'), 19.3);
  assert.ok(Math.abs(convert(1538, '°C', 'K') - 1811.15) < 1e-9);
  assert.equal(convert(1, 'kg', 'K'), null);
});

test('number gold: closest number counts, within tolerance, in the gold unit', () => {
  const gold = { type: 'number', value: '38.6', tolerance: 0.01, unit: 'kg' };
  assert.equal(score('Two litres of gold weigh 38.6 kg (density 19.3 g/cm³).', gold).correct, true);
  assert.equal(score('About 38,600 g.', gold).correct, true, 'grams convert to kilograms');
  assert.equal(score('It weighs 38.6 pounds.', gold).correct, false, 'a different unit is not the gold unit');
  assert.equal(score('It weighs 40 kg.', gold).correct, false);
  assert.equal(score('38.6', gold).correct, false, 'a bare number without the unit anywhere');
  assert.equal(score('Mass (kg): 38.6', gold).correct, true, 'the unit stated elsewhere in the answer');
  const population = { type: 'number', value: '126919659', tolerance: 0.01 };
  assert.equal(score('In 2015 Japan had about 126.9 million inhabitants.', population).correct, true);
  assert.equal(score('Japan had 2015 inhabitants.', population).correct, false);
  const exact = { type: 'number', value: '26', abs_tolerance: 0 };
  assert.equal(score('Iron has atomic number 26.', exact).correct, true);
  assert.equal(score('Iron has atomic number 27.', exact).correct, false);
  const melting = { type: 'number', value: '1811', tolerance: 0.01, unit: 'K' };
  assert.equal(score('Iron melts at 1538 °C.', melting).correct, true, 'Celsius converts to kelvin');
});

test('entities: case- and accent-insensitive whole labels', () => {
  assert.equal(score('The capital is NAIROBI.', { type: 'entities', all: ['Nairobi'] }).correct, true);
  assert.equal(score('Bogota', { type: 'entities', all: ['Bogotá'] }).correct, true);
  assert.equal(score('Paris and Berlin', { type: 'entities', all: ['Berlin', 'Paris'] }).correct, true);
  assert.equal(score('Only Paris', { type: 'entities', all: ['Berlin', 'Paris'] }).correct, false);
  assert.equal(score('Spanish', { type: 'entities', any: ['Quechua', 'Spanish'] }).correct, true);
  assert.equal(score('Nigerian', { type: 'entities', all: ['Niger'] }).correct, false, 'whole words only');
  assert.equal(normalize('Türkiye’s'), 'turkiye s');
});

test('text: case-sensitive symbols', () => {
  const gold = { type: 'text', contains: ['Fe'], case_sensitive: true };
  assert.equal(score('The symbol of iron is Fe.', gold).correct, true);
  assert.equal(score('The symbol is FE, or fe.', gold).correct, false);
});

test('yes/no from the start of the answer', () => {
  assert.equal(readYesNo('**Yes** — gold is denser.'), true);
  assert.equal(readYesNo('No, it is not.'), false);
  assert.equal(readYesNo('Gold is denser.'), null);
  assert.equal(score('Yes.', { type: 'yes_no', value: false }).correct, false);
});

test('choice: the option the answer picks, skipping a restatement of the options', () => {
  const options = ['Iron', 'Lead', 'Gold'];
  assert.equal(readChoice('Of iron, lead and gold, gold is the densest.', options), 'Gold');
  assert.equal(readChoice('Gold is the densest, followed by lead and iron.', options), 'Gold');
  assert.equal(readChoice('Between iron and copper, copper melts higher.', ['Iron', 'Copper']), 'Copper');
  assert.equal(readChoice('Copper is denser than iron.', ['Iron', 'Copper']), 'Copper');
  assert.equal(readChoice('Guinea-Bissau is smaller than Guinea.', ['Guinea', 'Guinea-Bissau']), 'Guinea-Bissau');
  assert.equal(readChoice('I am not sure.', options), null);
  assert.equal(readChoice('Aluminum is lighter than iron.', [['Aluminium', 'Aluminum'], 'Iron']), 'Aluminium', 'an altLabel picks its option');
  assert.equal(score('Aluminum', { type: 'entities', all: [['Aluminium', 'Aluminum']] }).correct, true);
});

test('unanswerable: abstaining is right, stating a value is wrong', () => {
  const gold = { type: 'unanswerable' };
  const question = 'What was the population of Gabon in 2015?';
  assert.equal(score("I couldn't find Gabon's 2015 population in the knowledge graph.", gold, { question }).correct, true);
  assert.equal(score('The knowledge base does not contain the GDP of Japan.', gold, { question }).correct, true);
  assert.equal(score('Gabon had about 1.7 million people in 2015.', gold, { question }).correct, false);
  assert.equal(score('I could not find it, but it is roughly 1.7 million.', gold, { question }).correct, false);
  assert.equal(score('Here is what I know.', gold, { grounding: { unresolved: ['population of Gabon'] }, question }).correct, true);
  assert.equal(abstains('The capital is Yaren.', { unresolved: [] }), false);
});

test('all: every part must match', () => {
  const gold = { type: 'all', parts: [{ type: 'number', value: '26', abs_tolerance: 0 }, { type: 'number', value: '29', abs_tolerance: 0 }] };
  assert.equal(score('Iron is 26 and copper is 29.', gold).correct, true);
  assert.equal(score('Iron is 26.', gold).correct, false);
});

test('ambiguous: asking which one, or answering every reading, is right; a silent pick of one reading is wrong', () => {
  const gold = { type: 'ambiguous', readings: [{ type: 'number', value: '1337.33', tolerance: 0.01, unit: 'K' }, { type: 'number', value: '1234.93', tolerance: 0.01, unit: 'K' }] };
  const context = { question: 'What are the densities of gold and silver?\nWhat is its melting point?' };
  assert.equal(score('Do you mean gold or silver?', gold, context).correct, true);
  assert.equal(score('Which one of them: gold or silver?', gold, context).correct, true);
  assert.equal(score('Gold melts at 1337 K and silver at 1235 K.', gold, context).correct, true, 'both readings answered');
  assert.equal(score('Gold melts at 1337.33 K.', gold, context).correct, false, 'one reading picked silently');
  assert.equal(score('Do you mean gold? It melts at 1337 K.', gold, context).correct, false, 'asks, but answers one reading anyway');
  assert.equal(score('It melts at 500 K.', gold, context).correct, false);
  assert.equal(score('I could not find "its" in the knowledge graph.', gold, context).correct, true, 'declining beats guessing');
  assert.equal(asksWhichOne('Which of these is denser?'), true);
  assert.equal(asksWhichOne('Gold is the densest of them.'), false);
});

test('set summaries: questions, and conversations scored per turn, per follow-up and per conversation', () => {
  const q = (correct, abstained, unanswerable = false) => ({ correct, abstained, unanswerable });
  const s = setSummary('phrasing', 'questions', [q(true, false), q(false, true), q(false, false), q(true, true, true), q(false, false, true)]);
  assert.deepEqual([s.n, s.correct, s.wrong, s.abstained, s.unanswerable, s.wrong_on_unanswerable], [5, 2, 2, 1, 2, 1]);
  assert.equal(s.accuracy, 0.4);
  const t = (conversation, turn, correct, abstained = false) => ({ conversation, turn, correct, abstained, unanswerable: false });
  const c = setSummary('multiturn', 'conversations', [t('a', 1, true), t('a', 2, true), t('b', 1, true), t('b', 2, false, true),
    t('c', 1, true), t('c', 2, false), t('c', 3, true)]);
  assert.deepEqual([c.n, c.correct, c.abstained, c.wrong], [3, 1, 1, 1], 'b failed only by declining, c answered wrongly');
  assert.equal(c.accuracy, 1 / 3);
  assert.deepEqual([c.turns, c.turns_correct, c.follow_up_turns, c.follow_ups_correct], [7, 5, 4, 2]);
  assert.equal(c.follow_up_accuracy, 0.5);
  const row = setRow('groundgate-local', c);
  assert.deepEqual(row.slice(0, 8), ['multiturn', 'groundgate-local', '3 conversations', '1', '1', '1', '33.3%', '0 of 0']);
  assert.match(row[8], /follow-up turns 50\.0% \(2\/4\)/);
});

test('set names: a demo split by its file, a graph set by its graph (the name of its floor in ci.sh)', () => {
  const evals = join(dirname(fileURLToPath(import.meta.url)), '..');
  assert.equal(setName(join(evals, 'questions', 'phrasing.jsonl')), 'phrasing');
  assert.equal(setName(join(evals, 'graphs', 'bookshop', 'test.jsonl')), 'bookshop');
  assert.equal(setName(join(evals, 'graphs', 'bookshop', 'extra.jsonl')), 'graphs/bookshop/extra');
  assert.equal(setName('/elsewhere/mine.jsonl'), 'mine');
});
