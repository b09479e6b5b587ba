// Every question of the held-out graph sets (evals/graphs/*/test.jsonl) can be scored: a plain right answer built from
// its gold scores right and a wrong one scores wrong. Keeps the matchers and the graph sets in step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { score } from '../lib/matchers.mjs';
import { misscored } from './support/answers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'graphs');
const sets = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'test.jsonl'))).sort();

test('there are at least two graph sets', () => assert.ok(sets.length >= 2, `found ${sets}`));

for (const set of sets) {
  const questions = readFileSync(join(ROOT, set, 'test.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  test(`${set}: a right answer to each of the ${questions.length} questions scores right, a wrong one wrong`, () => {
    assert.deepEqual(misscored(questions, score), []);
  });
}

test('each graph is its generator\'s output (edit generate.mjs, not the Turtle)', () => {
  for (const set of sets) {
    const generator = join(ROOT, set, 'generate.mjs');
    if (!existsSync(generator)) continue;
    const out = join(mkdtempSync(join(tmpdir(), 'gg-graph-')), `${set}.ttl`);
    execFileSync(process.execPath, [generator, out]);
    assert.equal(readFileSync(out, 'utf8'), readFileSync(join(ROOT, set, `${set}.ttl`), 'utf8'), set);
  }
});
