#!/usr/bin/env node
// Runs the GroundGate question sets through the gateway's OpenAI-compatible API and scores the answers.
// Usage: node evals/run.mjs [--model ID]... [--base-url URL] [--split dev|test|all] [--questions FILE]...
//        [--concurrency N] [--threshold 0.9] [--limit N] [--out DIR] [--api-key KEY] [--timeout SECONDS]
// Exit status: 0 done (and the first model reached --threshold), 1 below the threshold, 2 usage or setup error.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import OpenAI from 'openai';

import { abstains, score } from './lib/matchers.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const CATEGORIES = ['lookup', 'multi_hop', 'comparison', 'superlative', 'count', 'arithmetic', 'arithmetic_over_facts', 'unanswerable'];

const HELP = `node evals/run.mjs [options]
  --model ID          model to evaluate; repeatable (default groundgate-local). The first one is checked against --threshold.
                      Give X and grounded/X to get the grounded-vs-plain comparison.
  --base-url URL      the gateway's OpenAI base URL (default http://127.0.0.1:8080/v1, or GROUNDGATE_BASE_URL)
  --split S           dev | test | all (default dev)
  --questions FILE    a JSONL question file instead of the split; repeatable
  --concurrency N     requests in flight per model (default 4)
  --threshold X       exit 1 if the first model's accuracy is below X (0..1)
  --max-wrong X       exit 1 if more than this share (0..1) of the first model's answers are wrong (not abstentions)
  --limit N           only N questions, taken round-robin over the categories
  --out DIR           where report.json and report.md go (default evals/reports)
  --api-key KEY       bearer key for the gateway (default GROUNDGATE_API_KEY or 'sk-eval')
  --timeout S         per-request timeout in seconds (default 120)
  --temperature T     sampling temperature sent with each request (default 0; 'none' to send none)
  --system TEXT       an optional system message sent before each question
  --help`;

function fail(message) {
  process.stderr.write(`run.mjs: ${message}\n`);
  process.exit(2);
}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        model: { type: 'string', multiple: true },
        'base-url': { type: 'string' },
        split: { type: 'string', default: 'dev' },
        questions: { type: 'string', multiple: true },
        concurrency: { type: 'string', default: '4' },
        threshold: { type: 'string' },
        'max-wrong': { type: 'string' },
        limit: { type: 'string' },
        out: { type: 'string', default: join(HERE, 'reports') },
        'api-key': { type: 'string' },
        timeout: { type: 'string', default: '120' },
        temperature: { type: 'string', default: '0' },
        system: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    fail(`${e.message}\n${HELP}`);
  }
  if (parsed.help) {
    process.stdout.write(`${HELP}\n`);
    process.exit(0);
  }
  const number = (name, value, min) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) fail(`--${name} must be a number >= ${min}, got '${value}'`);
    return n;
  };
  if (!['dev', 'test', 'all'].includes(parsed.split)) fail(`--split must be dev, test or all, got '${parsed.split}'`);
  return {
    models: parsed.model?.length ? parsed.model : ['groundgate-local'],
    baseURL: parsed['base-url'] ?? process.env.GROUNDGATE_BASE_URL ?? 'http://127.0.0.1:8080/v1',
    split: parsed.split,
    questionFiles: parsed.questions?.map((f) => resolve(f)),
    concurrency: Math.floor(number('concurrency', parsed.concurrency, 1)),
    threshold: parsed.threshold === undefined ? undefined : number('threshold', parsed.threshold, 0),
    maxWrong: parsed['max-wrong'] === undefined ? undefined : number('max-wrong', parsed['max-wrong'], 0),
    limit: parsed.limit === undefined ? undefined : Math.floor(number('limit', parsed.limit, 1)),
    out: resolve(parsed.out),
    apiKey: parsed['api-key'] ?? process.env.GROUNDGATE_API_KEY ?? 'sk-eval',
    timeout: number('timeout', parsed.timeout, 1) * 1000,
    temperature: parsed.temperature === 'none' ? undefined : number('temperature', parsed.temperature, 0),
    system: parsed.system,
  };
}

function loadQuestions(opts) {
  const files = opts.questionFiles ?? (opts.split === 'all' ? ['dev', 'test'] : [opts.split]).map((s) => join(HERE, 'questions', `${s}.jsonl`));
  const questions = [];
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      fail(`cannot read ${file}: ${e.message}`);
    }
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const q = JSON.parse(line);
        if (!q.id || !q.question || !q.gold?.type) throw new Error('needs id, question and gold.type');
        questions.push(q);
      } catch (e) {
        fail(`${file}:${i + 1}: ${e.message}`);
      }
    });
  }
  if (questions.length === 0) fail('no questions');
  return { files, questions: opts.limit ? firstOfEach(questions, opts.limit) : questions };
}

/** The first n questions taken round-robin over the categories, so a small --limit still covers every category. */
function firstOfEach(questions, n) {
  const byCategory = new Map();
  questions.forEach((q) => byCategory.set(q.category, [...(byCategory.get(q.category) ?? []), q]));
  const queues = [...byCategory.values()];
  const picked = [];
  for (let i = 0; picked.length < Math.min(n, questions.length); i++) {
    for (const queue of queues) {
      if (i < queue.length && picked.length < n) picked.push(queue[i]);
    }
  }
  return picked;
}

// ---- progress ---------------------------------------------------------------------------------------------------------

function progress(total) {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let done = 0;
  let lastLine = 0;
  return {
    tick(label) {
      done++;
      const pct = Math.floor((done / total) * 100);
      if (tty) {
        const width = 30;
        const filled = Math.round((done / total) * width);
        process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${pct}% ${((Date.now() - started) / 1000).toFixed(0)}s `);
        if (done === total) process.stderr.write('\n');
      } else if (done === total || done - lastLine >= Math.max(10, Math.ceil(total / 10))) {
        lastLine = done;
        process.stderr.write(`${label}: ${done}/${total} (${pct}%) after ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
      }
    },
  };
}

// ---- running --------------------------------------------------------------------------------------------------------

async function pool(items, concurrency, work) {
  const results = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  });
  await Promise.all(workers);
  return results;
}

async function ask(client, model, q, opts) {
  const messages = [];
  if (opts.system) messages.push({ role: 'system', content: opts.system });
  messages.push({ role: 'user', content: q.question });
  const body = { model, messages };
  if (opts.temperature !== undefined) body.temperature = opts.temperature;
  const started = performance.now();
  try {
    const completion = await client.chat.completions.create(body);
    const latency = performance.now() - started;
    const answer = completion.choices?.[0]?.message?.content ?? '';
    const grounding = completion.grounding ?? null;
    const verdict = score(answer, q.gold, { grounding, question: q.question });
    return {
      id: q.id,
      category: q.category,
      model,
      correct: verdict.correct,
      abstained: abstains(answer, grounding, q.question),
      reason: verdict.reason,
      answer,
      tool_calls: Array.isArray(grounding?.steps) ? grounding.steps.length : 0,
      unresolved: grounding?.unresolved ?? [],
      latency_ms: Math.round(latency),
    };
  } catch (e) {
    const latency = performance.now() - started;
    const status = e?.status ? `HTTP ${e.status}: ` : '';
    return {
      id: q.id, category: q.category, model, correct: false, abstained: false,
      reason: 'request failed', error: `${status}${e?.message ?? e}`, answer: null, tool_calls: 0, unresolved: [],
      latency_ms: Math.round(latency),
    };
  }
}

// ---- statistics -----------------------------------------------------------------------------------------------------

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarise(rows) {
  const latencies = rows.map((r) => r.latency_ms).sort((a, b) => a - b);
  const n = rows.length;
  const correct = rows.filter((r) => r.correct).length;
  return {
    questions: n,
    correct,
    accuracy: n ? correct / n : 0,
    abstentions: rows.filter((r) => r.abstained).length,
    // the score line: every answer is correct, wrong (a claim that is not right) or abstained (declined, not right)
    wrong: rows.filter((r) => !r.correct && !r.abstained).length,
    abstained: rows.filter((r) => !r.correct && r.abstained).length,
    wrong_on_unanswerable: rows.filter((r) => r.category === 'unanswerable' && !r.correct).length,
    errors: rows.filter((r) => r.error).length,
    tool_calls_per_question: n ? rows.reduce((s, r) => s + r.tool_calls, 0) / n : 0,
    latency_p50_ms: percentile(latencies, 50),
    latency_p95_ms: percentile(latencies, 95),
  };
}

function summaryOf(rows) {
  const categories = [...CATEGORIES, ...new Set(rows.map((r) => r.category).filter((c) => !CATEGORIES.includes(c)))];
  const perCategory = {};
  for (const c of categories) {
    const inCategory = rows.filter((r) => r.category === c);
    if (inCategory.length) perCategory[c] = summarise(inCategory);
  }
  return { overall: summarise(rows), per_category: perCategory };
}

function comparisons(models, summaries) {
  const out = [];
  for (const grounded of models) {
    if (!grounded.startsWith('grounded/')) continue;
    const plain = grounded.slice('grounded/'.length);
    if (!models.includes(plain)) continue;
    const a = summaries[plain];
    const b = summaries[grounded];
    const perCategory = {};
    for (const c of Object.keys(b.per_category)) {
      const pa = a.per_category[c]?.accuracy ?? 0;
      const pb = b.per_category[c].accuracy;
      perCategory[c] = { plain: pa, grounded: pb, delta: pb - pa };
    }
    out.push({
      plain, grounded,
      overall: { plain: a.overall.accuracy, grounded: b.overall.accuracy, delta: b.overall.accuracy - a.overall.accuracy },
      per_category: perCategory,
    });
  }
  return out;
}

// ---- reporting ------------------------------------------------------------------------------------------------------

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const signed = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pp`;

function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  rows.forEach((r) => lines.push(`| ${r.join(' | ')} |`));
  return lines.join('\n');
}

function markdown(report) {
  const out = [`# GroundGate eval report`, '', `- generated: ${report.generated_at}`, `- gateway: ${report.base_url}`,
    `- questions: ${report.questions} (${report.question_files.map((f) => f.replace(/^.*\/evals\//, 'evals/')).join(', ')})`];
  if (report.threshold !== undefined) {
    out.push(`- threshold: ${pct(report.threshold)} on ${report.models[0].model} — ${report.passed ? 'passed' : 'FAILED'}`);
  }
  for (const m of report.models) {
    out.push('', `## ${m.model}`, '');
    const row = (name, s) => [name, String(s.questions), `${pct(s.accuracy)} (${s.correct})`, String(s.abstentions), String(s.errors),
      s.tool_calls_per_question.toFixed(2), String(s.latency_p50_ms), String(s.latency_p95_ms)];
    const rows = Object.entries(m.summary.per_category).map(([c, s]) => row(c, s));
    rows.push(row('**overall**', m.summary.overall));
    out.push(table(['category', 'n', 'accuracy', 'abstentions', 'errors', 'tool calls/q', 'p50 ms', 'p95 ms'], rows));
  }
  if (report.comparisons.length) {
    out.push('', '## Grounded vs plain', '');
    for (const c of report.comparisons) {
      out.push(`### ${c.grounded} vs ${c.plain}`, '');
      const rows = Object.entries(c.per_category).map(([k, v]) => [k, pct(v.plain), pct(v.grounded), signed(v.delta)]);
      rows.push(['**overall**', pct(c.overall.plain), pct(c.overall.grounded), signed(c.overall.delta)]);
      out.push(table(['category', c.plain, c.grounded, 'delta'], rows), '');
    }
  }
  const wrong = report.results.filter((r) => !r.correct);
  if (wrong.length) {
    out.push('', '## Wrong answers', '', table(['model', 'id', 'why', 'answer'], wrong.slice(0, 200).map((r) => [r.model, r.id,
      (r.error ?? r.reason).replace(/\|/g, '\\|'), String(r.answer ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 160)])));
    if (wrong.length > 200) out.push('', `… and ${wrong.length - 200} more in report.json`);
  }
  return `${out.join('\n')}\n`;
}

/** One line per model for CI logs: correct / wrong / abstained, and wrong answers to unanswerable questions. */
function scoreLine(model, s) {
  return `score ${model}: ${s.correct} correct, ${s.wrong} wrong, ${s.abstained} abstained of ${s.questions} `
    + `(${pct(s.accuracy)} correct, ${pct(s.questions ? s.wrong / s.questions : 0)} wrong); wrong on unanswerable: ${s.wrong_on_unanswerable}\n`;
}

async function main() {
  const opts = options();
  const { files, questions } = loadQuestions(opts);
  const client = new OpenAI({ baseURL: opts.baseURL, apiKey: opts.apiKey, maxRetries: 0, timeout: opts.timeout });
  const results = [];
  const summaries = {};
  for (const model of opts.models) {
    const bar = progress(questions.length);
    const rows = await pool(questions, opts.concurrency, async (q) => {
      const r = await ask(client, model, q, opts);
      bar.tick(model);
      return r;
    });
    results.push(...rows);
    summaries[model] = summaryOf(rows);
  }
  for (const model of opts.models) {
    const failed = results.filter((r) => r.model === model && r.error);
    if (failed.length === questions.length) {
      process.stderr.write(`WARNING: every request to ${model} failed, e.g. ${failed[0].error}\n`);
    }
  }
  const first = summaries[opts.models[0]].overall;
  const wrongShare = first.questions ? first.wrong / first.questions : 0;
  const passed = (opts.threshold === undefined || first.accuracy >= opts.threshold)
    && (opts.maxWrong === undefined || wrongShare <= opts.maxWrong);
  const report = {
    generated_at: new Date().toISOString(),
    base_url: opts.baseURL,
    split: opts.questionFiles ? null : opts.split,
    question_files: files,
    questions: questions.length,
    threshold: opts.threshold,
    max_wrong: opts.maxWrong,
    passed,
    models: opts.models.map((model) => ({ model, summary: summaries[model] })),
    comparisons: comparisons(opts.models, summaries),
    results,
  };
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const md = markdown(report);
  writeFileSync(join(opts.out, 'report.md'), md);
  process.stdout.write(md.split('\n## Wrong answers')[0]);
  for (const model of opts.models) process.stdout.write(`\n${scoreLine(model, summaries[model].overall)}`);
  process.stdout.write(`\nreports: ${join(opts.out, 'report.json')}, ${join(opts.out, 'report.md')}\n`);
  if (!passed) {
    const why = opts.threshold !== undefined && first.accuracy < opts.threshold ? `below the threshold ${pct(opts.threshold)}`
      : `${pct(wrongShare)} wrong, above --max-wrong ${pct(opts.maxWrong)}`;
    process.stderr.write(`FAIL: ${opts.models[0]} answered ${first.correct} of ${first.questions} correctly (${pct(first.accuracy)}), `
      + why + (first.errors ? `; ${first.errors} requests failed` : '') + '\n');
    process.exit(1);
  }
}

main().catch((e) => {
  process.stderr.write(`run.mjs: ${e?.stack ?? e}\n`);
  process.exit(2);
});
