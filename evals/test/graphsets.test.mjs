// Every question of the held-out graph sets (evals/graphs/*/test.jsonl) can be scored: a plain right answer built from
// its gold scores right and a wrong one scores wrong. Keeps the matchers and the graph sets in step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { score } from '../lib/matchers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'graphs');
const first = (item) => (Array.isArray(item) ? item[0] : item);

function right(gold) {
  switch (gold.type) {
    case 'number': return `The answer is ${gold.value}${gold.unit ? ` ${gold.unit}` : ''}.`;
    case 'entities': return `${(gold.all ?? gold.any.slice(0, 1)).map(first).join(' and ')}.`;
    case 'text': return `${gold.contains.join(', ')}.`;
    case 'yes_no': return gold.value ? 'Yes.' : 'No.';
    case 'choice': return `${gold.value}.`;
    case 'unanswerable': return 'I could not find that in the knowledge graph.';
    case 'clarify': return `That name is ambiguous: ${gold.candidates.map(first).join(' or ')}. Which one do you mean?`;
    case 'groups': return gold.groups.map(([label, value]) => `${first(label)}: ${value}`).join('; ');
    case 'all': return gold.parts.map(right).join('; ');
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
    // a guess: the first candidate only (with its value when the question asks one)
    case 'clarify': return `${first(gold.candidates[0])}${gold.values?.length > 1 ? `: ${gold.values[0]}` : ''}.`;
    case 'groups': return gold.groups.map(([label, value]) => `${first(label)}: ${Number(value) * 1.5 + 1}`).join('; ');
    case 'all': return wrong(gold.parts[0]);
    default: throw new Error(gold.type);
  }
}

const sets = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'test.jsonl'))).sort();

test('there are at least two graph sets', () => assert.ok(sets.length >= 2, `found ${sets}`));

for (const set of sets) {
  const questions = readFileSync(join(ROOT, set, 'test.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  test(`${set}: a right answer to each of the ${questions.length} questions scores right, a wrong one wrong`, () => {
    const failures = [];
    for (const q of questions) {
      const context = { question: q.question };
      const r = score(right(q.gold), q.gold, context);
      if (!r.correct) failures.push(`${q.id} right answer "${right(q.gold)}" scored wrong: ${r.reason}`);
      const w = score(wrong(q.gold), q.gold, context);
      if (w.correct) failures.push(`${q.id} wrong answer "${wrong(q.gold)}" scored right: ${w.reason}`);
    }
    assert.deepEqual(failures, []);
  });
}
