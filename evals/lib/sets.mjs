// Per-set scores: one summary per question set (or conversation set) and model, and the row the README table takes.
// Pure functions over the runner's scored rows ({correct, abstained, unanswerable, conversation?, turn?}).

import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const EVALS = join(dirname(fileURLToPath(import.meta.url)), '..');
const pct = (x) => `${(x * 100).toFixed(1)}%`;

/** correct, wrong (answered wrongly) and abstained (declined, and that was not the right answer) among rows. */
function outcomes(rows) {
  const correct = rows.filter((r) => r.correct).length;
  const abstained = rows.filter((r) => !r.correct && r.abstained).length;
  return { correct, wrong: rows.length - correct - abstained, abstained };
}

/**
 * The summary of one set. For questions the unit is a question. For conversations it is a conversation: correct when
 * every turn is, abstained when it failed only by declining, wrong otherwise; turns and follow-up turns (2nd and later)
 * are scored too. wrong_on_unanswerable counts unanswerable questions or turns that were not declined cleanly.
 */
export function setSummary(set, kind, rows) {
  const unanswerable = rows.filter((r) => r.unanswerable);
  const common = { set, kind, unanswerable: unanswerable.length, wrong_on_unanswerable: unanswerable.filter((r) => !r.correct).length };
  if (kind !== 'conversations') {
    const o = outcomes(rows);
    return { ...common, n: rows.length, ...o, accuracy: rows.length ? o.correct / rows.length : 0 };
  }
  const byConversation = new Map();
  rows.forEach((r) => byConversation.set(r.conversation, [...(byConversation.get(r.conversation) ?? []), r]));
  const conversations = [...byConversation.values()].map((turns) => ({
    correct: turns.every((t) => t.correct),
    abstained: !turns.every((t) => t.correct) && turns.every((t) => t.correct || t.abstained),
  }));
  const o = outcomes(conversations);
  const followUps = rows.filter((r) => r.turn > 1);
  const turnsCorrect = rows.filter((r) => r.correct).length;
  const followUpsCorrect = followUps.filter((r) => r.correct).length;
  return {
    ...common,
    n: conversations.length,
    ...o,
    accuracy: conversations.length ? o.correct / conversations.length : 0,
    turns: rows.length,
    turns_correct: turnsCorrect,
    turn_accuracy: rows.length ? turnsCorrect / rows.length : 0,
    follow_up_turns: followUps.length,
    follow_ups_correct: followUpsCorrect,
    follow_up_accuracy: followUps.length ? followUpsCorrect / followUps.length : 0,
  };
}

export const SET_HEADER = ['set', 'model', 'n', 'correct', 'wrong', 'abstained', 'accuracy', 'wrong on unanswerable', 'notes'];

/** The summary as one Markdown table row, ready to paste into the README's table. */
export function setRow(model, s) {
  const n = s.kind === 'conversations' ? `${s.n} conversations` : `${s.n}`;
  const notes = s.kind === 'conversations'
    ? `per conversation; turns ${pct(s.turn_accuracy)} (${s.turns_correct}/${s.turns}), follow-up turns ${pct(s.follow_up_accuracy)} (${s.follow_ups_correct}/${s.follow_up_turns})`
    : '';
  return [s.set, model, n, String(s.correct), String(s.wrong), String(s.abstained), pct(s.accuracy),
    `${s.wrong_on_unanswerable} of ${s.unanswerable}`, notes];
}

/**
 * A set's name: the file name for evals/questions/*.jsonl, the graph's for evals/graphs/<graph>/test.jsonl (the name
 * ci.sh's floors use), else its path under evals/ or its file name.
 */
export function setName(file) {
  const rel = relative(EVALS, file).replace(/\\/g, '/');
  const name = rel.startsWith('..') ? basename(file) : rel;
  return name.replace(/^questions\//, '').replace(/^graphs\/([^/]+)\/test\.jsonl$/, '$1').replace(/\.jsonl$/, '');
}
