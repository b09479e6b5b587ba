/**
 * The embedded local planner behind {@code groundgate-local}: deterministic answers from the knowledge graph with no
 * language model.
 *
 * <p>Each sub-question goes first to {@code reading.ReadingPlanner}, built on the graph profile: question → linked
 * mentions ({@code reading.QuestionLinker}: the profile's name index for entities and values, the function words of
 * {@code reading/lexicon.txt} for operators) → candidate readings ({@code reading.Reading}, a sealed type, built by
 * {@code reading.ReadingBuilder} from the profile's class paths and attributes and scored by the words they explain)
 * → {@code reading.ReadingExecutor} (bound SPARQL, the calculator) → {@code reading.Composer}. When no reading
 * explains every content word it declines and the older cascade below answers or abstains (strangler: shapes move to
 * the reading planner as it matches them).
 *
 * <ol>
 * <li>{@code plan.QuestionSplitter} splits a message into sub-questions (sentences; "… and what/the …").</li>
 * <li>{@code linking.Linker} links words to the graph, longest spans first and never overlapping: amounts with units
 * ("2 litres"), the unit the answer is asked in ("in kg"), entities, classes and properties by labels and alternative
 * labels (folded case/accents, plurals), typos in names above a strict score, and one-letter swaps in property labels.
 * {@code linking.PropertyMatcher} links the remaining words to a property by meaning (all-MiniLM-L6-v2 embeddings of
 * every label, alternative label and comment, computed once per graph version by {@code linking.VocabularyCache}),
 * only among properties that apply and only with a clear margin.</li>
 * <li>{@code plan.SubQuestion} chooses a reading from the linked words (arithmetic, amount, aggregate, comparison,
 * count, superlative, list, lookup, one hop) and answers it with bounded SPARQL ({@code plan.GraphFacts}) and the
 * exact calculator ({@code plan.Arithmetic}), each call recorded as a grounding step with facts and sources. Derived
 * quantities come from units, not names: a volume times the one property whose unit turns it into the asked quantity
 * (dimensional analysis through the calculator), "X &lt;ratio property&gt;" as X divided by the entity's measure of
 * the ratio's denominator (a power of length).</li>
 * <li>Answers state values with units, cite sources, and say plainly what could not be found; weak or ambiguous
 * links abstain rather than guess.</li>
 * </ol>
 *
 * Around the planner ({@code LocalEngine}): {@code conversation.FollowUpResolver} first makes a follow-up standalone
 * from earlier turns (pronouns, a demonstrative before a class name of the graph, "and of X?"), or asks back when the
 * referent is ambiguous; when the planner leaves something unresolved, {@code tools.LocalToolUse} may answer with a
 * declarative tool whose own words fit the question and whose every required argument the question gives;
 * {@code LocalAnswerMetrics} counts the steps and abstentions from the grounding.
 *
 * Usage in responses counts whitespace-separated words (question in, answer out): there is no model tokenizer to
 * agree with.
 */
package io.groundgate.grounding.local;
