#!/usr/bin/env node
// Runs the GroundGate question sets through the gateway's OpenAI-compatible API and scores the answers.
// Usage: node evals/run.mjs [--model ID]... [--base-url URL] [--split dev|test|phrasing|multiturn|all|demo[,...]] [--questions FILE]...
//        [--concurrency N] [--threshold 0.9] [--max-wrong N|N%] [--limit N] [--out DIR] [--api-key KEY] [--timeout SECONDS]
// Each question file is a set; a file of conversations ({"id","turns":[…]}) is played turn by turn, every turn sent with
// the earlier questions and the gateway's own earlier answers. One summary row per set and model.
// Exit status: 0 done (and every set met --threshold and --max-wrong for the first model), 1 a set did not, 2 usage or
// setup error.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import OpenAI from 'openai';

import { abstains, score } from './lib/matchers.mjs';
import { SET_HEADER, setName, setRow, setSummary } from './lib/sets.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SPLITS = ['dev', 'test', 'phrasing', 'multiturn'];
const SPLIT_GROUPS = { all: ['dev', 'test'], demo: SPLITS };
const CATEGORIES = ['lookup', 'multi_hop', 'comparison', 'superlative', 'count', 'arithmetic', 'arithmetic_over_facts', 'unanswerable'];

const HELP = `node evals/run.mjs [options]
  --model ID          model to evaluate; repeatable (default groundgate-local). The first one is checked against --threshold.
                      Give X and grounded/X to get the grounded-vs-plain comparison.
  --base-url URL      the gateway's OpenAI base URL (default http://127.0.0.1:8080/v1, or GROUNDGATE_BASE_URL)
  --split S           dev | test | phrasing | multiturn, or several joined by commas; all = dev,test;
                      demo = dev,test,phrasing,multiturn (default dev)
  --questions FILE    a JSONL question or conversation file instead of the split; repeatable
  --concurrency N     requests in flight per model (default 4)
  --threshold X       exit 1 if the first model's accuracy on any set is below X (0..1)
  --max-wrong N       exit 1 if the first model answers more than N questions (or conversations) of any set wrongly
                      (neither right nor an abstention); N% is a share of the set instead of a count
  --limit N           only N questions (or conversations) per set, taken round-robin over the categories
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
  // --max-wrong: a count of wrong answers per set, or with % a share of the set
  const maxWrong = (value) => {
    const share = String(value).trim().endsWith('%');
    const n = number('max-wrong', share ? String(value).trim().slice(0, -1) : value, 0);
    return share ? { share: n / 100 } : { count: Math.floor(n) };
  };
  const splits = parsed.split.split(',').flatMap((s) => SPLIT_GROUPS[s.trim()] ?? [s.trim()]);
  const unknown = splits.filter((s) => !SPLITS.includes(s));
  if (unknown.length) fail(`--split takes ${[...SPLITS, ...Object.keys(SPLIT_GROUPS)].join(', ')} (comma-separated), got '${unknown.join(',')}'`);
  return {
    models: parsed.model?.length ? parsed.model : ['groundgate-local'],
    baseURL: parsed['base-url'] ?? process.env.GROUNDGATE_BASE_URL ?? 'http://127.0.0.1:8080/v1',
    split: parsed.split,
    splits: [...new Set(splits)],
    questionFiles: parsed.questions?.map((f) => resolve(f)),
    concurrency: Math.floor(number('concurrency', parsed.concurrency, 1)),
    threshold: parsed.threshold === undefined ? undefined : number('threshold', parsed.threshold, 0),
    maxWrong: parsed['max-wrong'] === undefined ? undefined : maxWrong(parsed['max-wrong']),
    limit: parsed.limit === undefined ? undefined : Math.floor(number('limit', parsed.limit, 1)),
    out: resolve(parsed.out),
    apiKey: parsed['api-key'] ?? process.env.GROUNDGATE_API_KEY ?? 'sk-eval',
    timeout: number('timeout', parsed.timeout, 1) * 1000,
    temperature: parsed.temperature === 'none' ? undefined : number('temperature', parsed.temperature, 0),
    system: parsed.system,
  };
}

/** One item of a set: a question {id, question, gold}, or a conversation {id, turns: [{question, gold}, …]}. */
function checkItem(q) {
  if (!q.id) throw new Error('needs an id');
  if (Array.isArray(q.turns)) {
    if (q.turns.length === 0) throw new Error('a conversation needs turns');
    q.turns.forEach((t, i) => {
      if (!t.question || !t.gold?.type) throw new Error(`turn ${i + 1} needs question and gold.type`);
    });
    return 'conversations';
  }
  if (!q.question || !q.gold?.type) throw new Error('needs id, question and gold.type');
  return 'questions';
}

function loadSets(opts) {
  const files = opts.questionFiles ?? opts.splits.map((s) => join(HERE, 'questions', `${s}.jsonl`));
  const sets = [];
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      fail(`cannot read ${file}: ${e.message}`);
    }
    const items = [];
    const kinds = new Set();
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const q = JSON.parse(line);
        kinds.add(checkItem(q));
        items.push(q);
      } catch (e) {
        fail(`${file}:${i + 1}: ${e.message}`);
      }
    });
    if (items.length === 0) fail(`${file}: no questions`);
    if (kinds.size > 1) fail(`${file}: mixes questions and conversations`);
    sets.push({ name: setName(file), file, kind: [...kinds][0], items: opts.limit ? firstOfEach(items, opts.limit) : items });
  }
  return sets;
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

/** One chat completion: the earlier turns (user and assistant messages) and then the question. */
async function complete(client, model, history, question, opts) {
  const messages = [];
  if (opts.system) messages.push({ role: 'system', content: opts.system });
  messages.push(...history, { role: 'user', content: question });
  const body = { model, messages };
  if (opts.temperature !== undefined) body.temperature = opts.temperature;
  const started = performance.now();
  try {
    const completion = await client.chat.completions.create(body);
    return {
      answer: completion.choices?.[0]?.message?.content ?? '',
      grounding: completion.grounding ?? null,
      latency_ms: Math.round(performance.now() - started),
    };
  } catch (e) {
    const status = e?.status ? `HTTP ${e.status}: ` : '';
    return { error: `${status}${e?.message ?? e}`, answer: null, grounding: null, latency_ms: Math.round(performance.now() - started) };
  }
}

/** The scored row of one answer. context: the text the answer may restate numbers from (questions, earlier answers). */
function row(base, gold, reply, context) {
  if (reply.error) {
    return { ...base, correct: false, abstained: false, reason: 'request failed', error: reply.error, answer: null, tool_calls: 0,
      unresolved: [], latency_ms: reply.latency_ms };
  }
  const verdict = score(reply.answer, gold, { grounding: reply.grounding, question: context });
  return {
    ...base,
    correct: verdict.correct,
    abstained: abstains(reply.answer, reply.grounding, context),
    reason: verdict.reason,
    answer: reply.answer,
    tool_calls: Array.isArray(reply.grounding?.steps) ? reply.grounding.steps.length : 0,
    unresolved: reply.grounding?.unresolved ?? [],
    latency_ms: reply.latency_ms,
  };
}

async function ask(client, model, q, opts, set) {
  const reply = await complete(client, model, [], q.question, opts);
  return row({ id: q.id, set, category: q.category, model, unanswerable: q.gold.type === 'unanswerable' }, q.gold, reply, q.question);
}

/**
 * Plays a conversation for real: turn n is sent after the earlier questions and the gateway's own answers to them (as
 * assistant messages). A failed request ends the conversation; its remaining turns count as wrong.
 */
async function converse(client, model, conversation, opts, set, tick) {
  const history = [];
  const rows = [];
  let failed = null;
  for (const [i, turn] of conversation.turns.entries()) {
    const base = { id: `${conversation.id}#${i + 1}`, conversation: conversation.id, turn: i + 1, set, category: conversation.category,
      model, unanswerable: turn.gold.type === 'unanswerable' };
    if (failed) {
      rows.push({ ...base, correct: false, abstained: false, reason: 'not asked: an earlier turn failed', error: failed, answer: null,
        tool_calls: 0, unresolved: [], latency_ms: 0 });
    } else {
      const reply = await complete(client, model, history, turn.question, opts);
      const context = [...history.map((m) => m.content), turn.question].join('\n');
      rows.push(row(base, turn.gold, reply, context));
      if (reply.error) failed = `turn ${i + 1} failed: ${reply.error}`;
      else history.push({ role: 'user', content: turn.question }, { role: 'assistant', content: reply.answer });
    }
    tick();
  }
  return rows;
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
  if (report.threshold !== undefined || report.max_wrong) {
    const gate = [report.threshold !== undefined ? `threshold ${pct(report.threshold)}` : null,
      report.max_wrong ? `max wrong ${report.max_wrong.count ?? `${report.max_wrong.share * 100}%`}` : null].filter(Boolean).join(', ');
    out.push(`- ${gate} on every set for ${report.models[0].model} — ${report.passed ? 'passed' : 'FAILED'}`);
  }
  out.push('', '## Sets', '', table(SET_HEADER, report.models.flatMap((m) => m.sets.map((s) => setRow(m.model, s)))));
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

/** One line per set and model for CI logs: correct / wrong / abstained, and wrong answers to unanswerable questions. */
function scoreLine(model, s) {
  const unit = s.kind === 'conversations' ? ' conversations' : '';
  return `score ${model} ${s.set}: ${s.correct} correct, ${s.wrong} wrong, ${s.abstained} abstained of ${s.n}${unit} `
    + `(${pct(s.accuracy)} correct, ${pct(s.n ? s.wrong / s.n : 0)} wrong); wrong on unanswerable: ${s.wrong_on_unanswerable} of ${s.unanswerable}\n`;
}

/** Why a set of the first model fails the gate (--threshold, --max-wrong), or null when it passes. */
function failure(s, opts) {
  if (opts.threshold !== undefined && s.accuracy < opts.threshold) return `below the threshold ${pct(opts.threshold)}`;
  const limit = opts.maxWrong === undefined ? undefined : opts.maxWrong.count ?? Math.floor(opts.maxWrong.share * s.n);
  if (limit !== undefined && s.wrong > limit) return `${s.wrong} wrong, above --max-wrong ${limit}`;
  return null;
}

async function main() {
  const opts = options();
  const sets = loadSets(opts);
  const client = new OpenAI({ baseURL: opts.baseURL, apiKey: opts.apiKey, maxRetries: 0, timeout: opts.timeout });
  const asked = sets.reduce((n, set) => n + set.items.reduce((k, q) => k + (q.turns?.length ?? 1), 0), 0);
  const results = [];
  const summaries = {};
  const setSummaries = {};
  for (const model of opts.models) {
    const bar = progress(asked);
    const rows = [];
    setSummaries[model] = [];
    for (const set of sets) {
      const perItem = await pool(set.items, opts.concurrency, async (q) => {
        if (set.kind === 'conversations') return converse(client, model, q, opts, set.name, () => bar.tick(model));
        const r = await ask(client, model, q, opts, set.name);
        bar.tick(model);
        return [r];
      });
      const setRows = perItem.flat();
      rows.push(...setRows);
      setSummaries[model].push(setSummary(set.name, set.kind, setRows));
    }
    results.push(...rows);
    summaries[model] = summaryOf(rows);
  }
  for (const model of opts.models) {
    const failed = results.filter((r) => r.model === model && r.error);
    if (failed.length === asked) {
      process.stderr.write(`WARNING: every request to ${model} failed, e.g. ${failed[0].error}\n`);
    }
  }
  const failed = setSummaries[opts.models[0]].map((s) => ({ s, why: failure(s, opts) })).filter((f) => f.why);
  const passed = failed.length === 0;
  const report = {
    generated_at: new Date().toISOString(),
    base_url: opts.baseURL,
    split: opts.questionFiles ? null : opts.split,
    question_files: sets.map((s) => s.file),
    questions: asked,
    threshold: opts.threshold,
    max_wrong: opts.maxWrong ?? null,
    passed,
    models: opts.models.map((model) => ({ model, summary: summaries[model], sets: setSummaries[model] })),
    comparisons: comparisons(opts.models, summaries),
    results,
  };
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const md = markdown(report);
  writeFileSync(join(opts.out, 'report.md'), md);
  const rows = report.models.flatMap((m) => m.sets.map((s) => setRow(m.model, s)));
  writeFileSync(join(opts.out, 'sets.md'), `${table(SET_HEADER, rows)}\n`);
  process.stdout.write(md.split('\n## Wrong answers')[0]);
  process.stdout.write('\n');
  for (const m of report.models) m.sets.forEach((s) => process.stdout.write(scoreLine(m.model, s)));
  process.stdout.write(`\nreports: ${join(opts.out, 'report.json')}, ${join(opts.out, 'report.md')}, ${join(opts.out, 'sets.md')}\n`);
  for (const { s, why } of failed) {
    const unit = s.kind === 'conversations' ? 'conversations ' : '';
    const errors = results.filter((r) => r.model === opts.models[0] && r.set === s.set && r.error).length;
    process.stderr.write(`FAIL: ${opts.models[0]} answered ${s.correct} of ${s.n} ${unit}correctly (${pct(s.accuracy)}) on ${s.set}, `
      + why + (errors ? `; ${errors} requests failed` : '') + '\n');
  }
  if (!passed) process.exit(1);
}

main().catch((e) => {
  process.stderr.write(`run.mjs: ${e?.stack ?? e}\n`);
  process.exit(2);
});
