// Plain answers built from a gold answer, for the question-set tests: right(gold) must score right, wrong(gold) wrong.
const first = (item) => (Array.isArray(item) ? item[0] : item);

export function right(gold) {
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
    case 'ambiguous': return 'Which one do you mean?';
    default: throw new Error(gold.type);
  }
}

export function wrong(gold) {
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
    // a silent pick of one reading
    case 'ambiguous': return right(gold.readings[0]);
    default: throw new Error(gold.type);
  }
}

/**
 * The questions whose right answer scores wrong or whose wrong answer scores right, with the reason. A question's
 * optional context is the text the answer may restate (a conversation's questions so far); else its question.
 */
export function misscored(questions, score) {
  const failures = [];
  for (const q of questions) {
    const context = { question: q.context ?? q.question };
    const r = score(right(q.gold), q.gold, context);
    if (!r.correct) failures.push(`${q.id} right answer "${right(q.gold)}" scored wrong: ${r.reason}`);
    const w = score(wrong(q.gold), q.gold, context);
    if (w.correct) failures.push(`${q.id} wrong answer "${wrong(q.gold)}" scored right: ${w.reason}`);
  }
  return failures;
}
