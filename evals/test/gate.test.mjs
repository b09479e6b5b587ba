// The runner's gate (--threshold, --max-wrong) and its score line, run for real: run.mjs with the official SDK against a
// loopback OpenAI-compatible fake that answers one question rightly, one wrongly and declines the third.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNNER = join(dirname(fileURLToPath(import.meta.url)), '..', 'run.mjs');
const DIR = mkdtempSync(join(tmpdir(), 'gg-gate-'));
const QUESTIONS = join(DIR, 'set.jsonl');
const REPLIES = {
  'How many moons does Alpha have?': 'Alpha has 10 moons.',
  'How many moons does Beta have?': 'Beta has 99 moons.',
  'How many moons does Gamma have?': 'I could not find that in the knowledge graph.',
};
let server;
let base;

before(async () => {
  writeFileSync(QUESTIONS, Object.keys(REPLIES).map((question, i) => JSON.stringify({
    id: `q${i}`, category: 'lookup', question, gold: { type: 'number', value: '10', tolerance: 0.01 },
  })).join('\n'));
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const question = JSON.parse(body).messages.at(-1).content;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'c', object: 'chat.completion', created: 0, model: 'm',
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: REPLIES[question] } }] }));
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}/v1`;
});

after(() => server.close());

function run(...args) {
  const out = join(DIR, `out-${args.join('_').replace(/[^\w]/g, '')}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RUNNER, '--base-url', base, '--questions', QUESTIONS, '--out', out, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => { stdout += c; });
    child.stderr.on('data', (c) => { stderr += c; });
    child.on('close', (code) => resolve({ code, stdout, stderr, report: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) }));
  });
}

test('the score line counts correct, wrong and abstained per set', async () => {
  const { code, stdout, report } = await run();
  assert.equal(code, 0);
  assert.match(stdout, /score groundgate-local set: 1 correct, 1 wrong, 1 abstained of 3 \(33\.3% correct, 33\.3% wrong\)/);
  const [set] = report.models[0].sets;
  assert.deepEqual([set.correct, set.wrong, set.abstained], [1, 1, 1]);
});

test('--max-wrong N fails a set with more than N wrong answers; abstentions do not count', async () => {
  const over = await run('--max-wrong', '0');
  assert.equal(over.code, 1);
  assert.match(over.stderr, /FAIL: .* on set, 1 wrong, above --max-wrong 0/);
  assert.match(over.stdout, /- max wrong 0 on every set for groundgate-local — FAILED/);
  assert.equal(over.report.passed, false);
  assert.equal((await run('--max-wrong', '1')).code, 0);
});

test('--max-wrong N% is a share of the set', async () => {
  assert.equal((await run('--max-wrong', '50%')).code, 0, '1 wrong of 3 is within 50 %');
  assert.equal((await run('--max-wrong', '30%')).code, 1, 'but not within 30 %');
});

test('--threshold and --max-wrong are both checked', async () => {
  const below = await run('--threshold', '0.5', '--max-wrong', '1');
  assert.equal(below.code, 1);
  assert.match(below.stderr, /below the threshold 50\.0%/);
  assert.match(below.stdout, /- threshold 50\.0%, max wrong 1 on every set for groundgate-local — FAILED/);
  assert.equal((await run('--threshold', '0.3', '--max-wrong', '1')).code, 0);
});
