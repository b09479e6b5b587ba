// Every committed question can be scored: a plain right answer built from its gold passes, a wrong one fails.
// This keeps the matchers and the question sets in step (units, option spellings, number formats).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { score } from '../lib/matchers.mjs';
import { misscored } from './support/answers.mjs';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'questions');
const read = (name) => readFileSync(join(DIR, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

for (const split of ['dev', 'test', 'phrasing']) {
  const questions = read(split);
  test(`${split}: a right answer to each of the ${questions.length} questions scores right, a wrong one wrong`, () => {
    assert.deepEqual(misscored(questions, score), []);
  });
}

const conversations = read('multiturn');
test(`multiturn: a right answer to each turn of the ${conversations.length} conversations scores right, a wrong one wrong`, () => {
  assert.deepEqual(misscored(conversations.flatMap((c) => c.turns.map((t, i) => ({
    id: `${c.id}#${i + 1}`, gold: t.gold, context: c.turns.slice(0, i + 1).map((x) => x.question).join('\n'),
  }))), score), []);
});
