// Every committed question can be scored: a plain right answer built from its gold passes, a wrong one fails.
// This keeps the matchers and the question sets in step (units, option spellings, number formats).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { score } from '../lib/matchers.mjs';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'questions');
const first = (item) => (Array.isArray(item) ? item[0] : item);

function right(gold) {
  switch (gold.type) {
    case 'number': return `The answer is ${gold.value}${gold.unit ? ` ${gold.unit}` : ''}.`;
    case 'entities': return `${(gold.all ?? gold.any.slice(0, 1)).map(first).join(' and ')}.`;
    case 'text': return `${gold.contains.join(', ')}.`;
    case 'yes_no': return gold.value ? 'Yes.' : 'No.';
    case 'choice': return `${gold.value}.`;
    case 'unanswerable': return 'I could not find that in the knowledge graph.';
    case 'all': return gold.parts.map(right).join('; ');
    case 'ambiguous': return 'Which one do you mean?';
    default: throw new Error(gold.type);
  }
}

function wrong(gold) {
  switch (gold.type) {
    case 'number': return `The answer is ${Number(gold.value) * 1.5 + 7}${gold.unit ? ` ${gold.unit}` : ''}.`;
    case 'entities': return 'Atlantis.';
    case 'text': return 'Xq.';
    case 'yes_no': return gold.value ? 'No.' : 'Yes.';
    case 'choice': return `${first(gold.options.find((o) => first(o) !== gold.value))}.`;
    case 'unanswerable': return 'It is 12345.';
    case 'all': return wrong(gold.parts[0]);
    case 'ambiguous': return right(gold.readings[0]);
    default: throw new Error(gold.type);
  }
}

function check(label, items) {
  const failures = [];
  for (const { id, question, gold, context } of items) {
    const r = score(right(gold), gold, { question: context ?? question });
    if (!r.correct) failures.push(`${id} right answer "${right(gold)}" scored wrong: ${r.reason}`);
    const w = score(wrong(gold), gold, { question: context ?? question });
    if (w.correct) failures.push(`${id} wrong answer "${wrong(gold)}" scored right: ${w.reason}`);
  }
  assert.deepEqual(failures, [], label);
}

const read = (name) => readFileSync(join(DIR, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

for (const split of ['dev', 'test', 'phrasing']) {
  const questions = read(split);
  test(`${split}: a right answer to each of the ${questions.length} questions scores right, a wrong one wrong`, () => check(split, questions));
}

const conversations = read('multiturn');
test(`multiturn: a right answer to each turn of the ${conversations.length} conversations scores right, a wrong one wrong`, () => {
  check('multiturn', conversations.flatMap((c) => c.turns.map((t, i) => ({
    id: `${c.id}#${i + 1}`, gold: t.gold, context: c.turns.slice(0, i + 1).map((x) => x.question).join('\n'),
  }))));
});
