// Matcher rules added for the held-out graph sets (evals/graphs/*/test.jsonl): clarify, groups, exact units, and the
// imperial and power units their conversion questions use.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { convert, score, unitAt } from '../lib/matchers.mjs';

test('units: pounds, ounces, feet, inches, square feet, watts', () => {
  assert.equal(unitAt(' lb.'), 'lb');
  assert.equal(unitAt(' pounds'), 'lb');
  assert.equal(unitAt(' ounces of'), 'oz');
  assert.equal(unitAt(' feet long'), 'ft');
  assert.equal(unitAt(' in total'), null, '"in" after a number is a preposition');
  assert.equal(unitAt(' inches'), 'in');
  assert.equal(unitAt(' sq ft'), 'ft^2');
  assert.equal(unitAt(' kW'), 'kW');
  assert.equal(unitAt(' watts'), 'W');
  assert.ok(Math.abs(convert(1, 'lb', 'g') - 453.59237) < 1e-9);
  assert.ok(Math.abs(convert(3.048, 'm', 'ft') - 10) < 1e-9);
  assert.equal(convert(2.5, 'kW', 'W'), 2500);
});

test('number gold with exact_unit: the value must be given in the unit asked for', () => {
  const gold = { type: 'number', value: '1.80779', tolerance: 0.01, unit: 'lb', exact_unit: true };
  assert.equal(score('It weighs about 1.81 lb.', gold).correct, true);
  assert.equal(score('It weighs 820 g.', gold).correct, false, 'the stored grams are not the pounds asked for');
  assert.equal(score('It weighs 820 g, which is 1.8 pounds.', gold).correct, true);
  const loose = { type: 'number', value: '1.80779', tolerance: 0.01, unit: 'lb' };
  assert.equal(score('It weighs 820 g.', loose).correct, true, 'without exact_unit a related unit converts');
});

test('clarify gold: every candidate named, not just one value asserted', () => {
  const gold = { type: 'clarify', candidates: [['Ilka Ostrova'], ['Dag Ostrova']], values: ['3', '5'] };
  assert.equal(score('Two authors are called Ostrova: Ilka Ostrova and Dag Ostrova. Which one do you mean?', gold).correct, true);
  assert.equal(score('Ilka Ostrova wrote 3 books; Dag Ostrova wrote 5.', gold).correct, true, 'answering for both is fine');
  assert.equal(score('Ilka Ostrova wrote 3 books (there is also a Dag Ostrova).', gold).correct, false, 'a guess');
  assert.equal(score('Ostrova wrote 3 books.', gold).correct, false);
  assert.equal(score('Dag Ostrova.', gold).correct, false, 'one candidate is not a clarification');
  const detail = { type: 'clarify', candidates: [['Chile', 'A011'], ['Canada', 'A042']] };
  assert.equal(score('There are two Elena Marsh: one from Chile, one from Canada. Which one?', detail).correct, true);
  assert.equal(score('Elena Marsh is from Chile.', detail).correct, false);
});

test('groups gold: each label with its own value, before or after it', () => {
  const gold = { type: 'groups', groups: [['Crime', '25'], ['Fantasy', '24'], ['Poetry', '12']] };
  assert.equal(score('Crime: 25, Fantasy: 24, Poetry: 12.', gold).correct, true);
  assert.equal(score('- **Fantasy** — 24 books\n- **Crime** — 25 books\n- **Poetry** — 12 books', gold).correct, true);
  assert.equal(score('There are 25 Crime, 24 Fantasy and 12 Poetry books.', gold).correct, true);
  assert.equal(score('Crime: 24, Fantasy: 25, Poetry: 12.', gold).correct, false, 'values swapped');
  assert.equal(score('Crime: 25, Fantasy: 24.', gold).correct, false, 'a group left out');
  assert.equal(score('25, 24 and 12.', gold).correct, false);
});

test('groups gold: a label may be a list of spellings', () => {
  const gold = { type: 'groups', groups: [[['Blue Heron Foundation', 'BlueHeronFoundation'], '3'], [['Open Skies Fund', 'OpenSkiesFund'], '5']] };
  assert.equal(score('BlueHeronFoundation: 3; OpenSkiesFund: 5', gold).correct, true);
  assert.equal(score('Blue Heron Foundation funds 3 projects, Open Skies Fund 5.', gold).correct, true);
  assert.equal(score('Blue Heron Foundation funds 5 projects, Open Skies Fund 3.', gold).correct, false);
});

test('choice: an option echoed in quotes is no pick', () => {
  const gold = { type: 'choice', options: ['Hollow Atlas', 'The Amber Staircase'], value: 'Hollow Atlas' };
  assert.equal(score('I could not find "pages Hollow Atlas Staircase" in the knowledge graph.', gold).correct, false);
  assert.equal(score('Hollow Atlas has more pages (813 vs 809).', gold).correct, true);
  assert.equal(score('"Hollow Atlas" has more pages.', gold).correct, false, 'quoted only: no pick');
});
