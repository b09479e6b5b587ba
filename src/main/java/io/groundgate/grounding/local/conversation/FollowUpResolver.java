package io.groundgate.grounding.local.conversation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.groundgate.grounding.local.reading.Lexicon;
import io.groundgate.grounding.local.reading.Lexicon.Op;
import io.groundgate.kg.profile.ClassProfile;
import io.groundgate.kg.profile.GraphProfile;
import io.groundgate.kg.profile.NameIndex;
import io.groundgate.kg.profile.NameText;
import io.groundgate.kg.profile.PropertyUse;

/**
 * Turns a follow-up into a standalone question from the earlier turns of a conversation. Three shapes, recognised by
 * function words only (the lexicon's conversation operators, {@link Lexicon}):
 * <ul>
 * <li>pronouns: "it", "its X" (→ "the X of …"), "them", "their X", and a lone "that"/"this" standing for the phrase
 * the previous question asked about ("is that higher than …");</li>
 * <li>a demonstrative or "the same" before a class name the graph supplies ("that country", "those elements");</li>
 * <li>ellipsis: "and of X?", "what about X?" repeat the previous question with X in place of the entity of X's class.</li>
 * </ul>
 * Referents are the entities named in the most recent exchange that has any (question and answer), found through the
 * graph's name index. When a singular phrase could mean more than one of them, the result is {@link FollowUp.Ambiguous}.
 */
public final class FollowUpResolver {

    /** The grammar: pronouns, demonstratives, openers of follow-ups (lexicon.txt, with the question operators). */
    private static final Lexicon WORDS = Lexicon.english();

    /** How many earlier exchanges are looked at, most recent first. */
    static final int MAX_EXCHANGES = 6;
    private static final double MIN_TYPO_SCORE = 0.7;

    private final GraphProfile profile;
    private final EntityMentions mentions;

    public FollowUpResolver(GraphProfile profile) {
        this.profile = profile;
        this.mentions = EntityMentions.of(profile);
    }

    /**
     * Resolves every user message of a conversation in order, so a follow-up of a follow-up reads its predecessor in
     * full.
     *
     * @param turns earlier turns as (user message, assistant reply) pairs, oldest first
     * @param message the message to answer
     */
    public FollowUp resolveConversation(List<Exchange> turns, String message) {
        List<Exchange> resolved = new ArrayList<>();
        List<Exchange> recent = turns.size() > MAX_EXCHANGES ? turns.subList(turns.size() - MAX_EXCHANGES, turns.size())
                : turns;
        for (Exchange e : recent) {
            FollowUp f = resolve(resolved, e.question());
            resolved.add(new Exchange(f instanceof FollowUp.Resolved r ? r.question() : e.question(), e.answer()));
        }
        return resolve(resolved, message);
    }

    /** Resolves one message against earlier exchanges whose questions are already standalone. */
    public FollowUp resolve(List<Exchange> earlier, String message) {
        String text = message == null ? "" : message.strip();
        if (earlier.isEmpty() || text.isEmpty()) {
            return new FollowUp.Standalone(text);
        }
        Optional<FollowUp> elliptic = ellipsis(earlier, text);
        if (elliptic.isPresent()) {
            return elliptic.get();
        }
        return references(earlier, text, Token.of(text), 0);
    }

    // ---- ellipsis: "and of X?", "what about X?"

    private Optional<FollowUp> ellipsis(List<Exchange> earlier, String text) {
        for (String opener : WORDS.phrases(Op.ELLIPSIS)) {
            String rest = after(text, opener);
            if (rest == null) {
                continue;
            }
            List<Token> tokens = Token.of(rest);
            if (!tokens.isEmpty() && WORDS.is(Op.FIRST_PREPOSITION, tokens.get(0).lower())) {
                rest = rest.substring(tokens.get(0).end()).strip();
                tokens = Token.of(rest);
            }
            rest = rest.replaceAll("[?.!\\s]+$", "");
            if (tokens.isEmpty()) {
                return Optional.empty();
            }
            Optional<Referent> named = wholeName(rest);
            if (named.isPresent()) {
                return Optional.of(swap(earlier, text, rest, named.get()));
            }
            if (opener.equals("and") || opener.startsWith("and ") && !opener.endsWith("about")) {
                return Optional.empty(); // "and which …?" is a question of its own
            }
            // "what about its X?" / "what about the X?": ask for X of the entity talked about
            String asked = "What is " + rest + "?";
            FollowUp withPronouns = references(earlier, asked, Token.of(asked), 0);
            if (!(withPronouns instanceof FollowUp.Standalone)) {
                return Optional.of(rewrap(withPronouns, text));
            }
            List<Referent> salient = salientOne(earlier, rest);
            if (salient.size() != 1) {
                return salient.isEmpty() ? Optional.empty()
                        : Optional.of(new FollowUp.Ambiguous(text, rest, salient));
            }
            Referent r = salient.get(0);
            String question = "What is " + rest + " of " + r.written() + "?";
            return Optional.of(new FollowUp.Resolved(question, text,
                    List.of(new FollowUp.Substitution(text, question, List.of(r)))));
        }
        return Optional.empty();
    }

    /** The previous question with {@code name} in place of the entity it replaces. */
    private FollowUp swap(List<Exchange> earlier, String text, String written, Referent replacement) {
        String previous = earlier.get(earlier.size() - 1).question();
        List<Referent> before = distinct(mentions.in(previous));
        // an entity of the same class first ("gold" for "silver"), then of a shared superclass, then any
        List<Referent> candidates = before.stream().filter(r -> shares(r.types(), replacement.types())).toList();
        if (candidates.isEmpty()) {
            candidates = before.stream().filter(r -> shares(r.classes(), replacement.classes())).toList();
        }
        if (candidates.isEmpty()) {
            candidates = before;
        }
        if (candidates.isEmpty()) {
            return new FollowUp.Standalone(text);
        }
        if (candidates.size() > 1) {
            return new FollowUp.Ambiguous(text, written, candidates);
        }
        Referent old = candidates.get(0);
        String question = replaceWords(previous, old.surface(), written);
        if (question == null) {
            return new FollowUp.Standalone(text);
        }
        return new FollowUp.Resolved(question, text, List.of(new FollowUp.Substitution(text, question,
                List.of(replacement))));
    }

    /** An entity named by the whole phrase: exactly, or by a clear typo-tolerant match in the name index. */
    private Optional<Referent> wholeName(String phrase) {
        String bare = phrase.replaceFirst("(?i)^the\\s+", "");
        List<Referent> exact = distinct(mentions.in(bare));
        if (exact.size() == 1 && NameText.key(exact.get(0).surface()).equals(NameText.key(bare))) {
            return Optional.of(exact.get(0));
        }
        if (!exact.isEmpty()) {
            return Optional.empty();
        }
        NameIndex.Lookup lookup = profile.names().find(bare, 3);
        if (lookup.ambiguous() || lookup.hits().isEmpty()) {
            return Optional.empty();
        }
        NameIndex.Hit hit = lookup.hits().get(0);
        if (hit.iri() == null || hit.score() < MIN_TYPO_SCORE || profile.classProfile(hit.iri()).isPresent()
                || profile.property(hit.iri()).isPresent()) {
            return Optional.empty();
        }
        List<String> classes = mentions.classesOf(hit.iri());
        return Optional.of(new Referent(hit.iri(), hit.name(), mentions.mostSpecific(classes),
                mentions.withSuperClasses(EntityMentions.ownTypes(classes)), bare));
    }

    // ---- pronouns and demonstratives

    private FollowUp references(List<Exchange> earlier, String text, List<Token> tokens, int from) {
        List<Span> spans = new ArrayList<>();
        for (int i = from; i < tokens.size(); i++) {
            String w = tokens.get(i).lower();
            boolean demonstrative = WORDS.is(Op.THIS_ONE, w)
                    || WORDS.is(Op.THESE_ONES, w)
                    || WORDS.is(Op.DEFINITE, w) && i > 0 && tokens.get(i - 1).lower().equals("the");
            if (demonstrative) {
                Optional<ClassSpan> named = className(tokens, i + 1);
                if (named.isPresent()) {
                    int start = WORDS.is(Op.DEFINITE, w) ? i - 1 : i;
                    boolean plural = WORDS.is(Op.THESE_ONES, w) || named.get().plural();
                    List<Referent> of = ofClass(earlier, named.get().iri());
                    String phrase = text.substring(tokens.get(start).start(), tokens.get(named.get().end() - 1).end());
                    if (of.isEmpty()) {
                        i = named.get().end() - 1;
                        continue;
                    }
                    if (!plural && of.size() > 1) {
                        return new FollowUp.Ambiguous(text, phrase, of);
                    }
                    spans.add(new Span(tokens.get(start).start(), tokens.get(named.get().end() - 1).end(), phrase,
                            Names.written(of), of));
                    i = named.get().end() - 1;
                    continue;
                }
                if (WORDS.is(Op.THIS_ONE, w) && standsAlone(tokens, i)) {
                    String asked = askedPhrase(earlier.get(earlier.size() - 1).question());
                    if (!asked.isEmpty()) {
                        Token t = tokens.get(i);
                        spans.add(new Span(t.start(), t.end(), t.text(), asked, List.of()));
                    }
                    continue;
                }
                if (WORDS.is(Op.THESE_ONES, w) && standsAlone(tokens, i)) {
                    w = "them";
                } else {
                    continue;
                }
            }
            if (!WORDS.any(w, Op.SINGULAR, Op.PLURAL)) {
                continue;
            }
            boolean possessive = WORDS.is(Op.POSSESSIVE, w);
            int end = possessive ? nounPhraseEnd(tokens, i + 1) : i + 1;
            String np = possessive && end > i + 1
                    ? text.substring(tokens.get(i + 1).start(), tokens.get(end - 1).end()) : "";
            List<Referent> referents = WORDS.is(Op.SINGULAR, w) ? salientOne(earlier, np)
                    : salientMany(earlier);
            Token t = tokens.get(i);
            String phrase = possessive && !np.isEmpty() ? t.text() + " " + np : t.text();
            if (referents.isEmpty()) {
                continue;
            }
            if (WORDS.is(Op.SINGULAR, w) && referents.size() > 1) {
                return new FollowUp.Ambiguous(text, phrase, referents);
            }
            String names = Names.written(referents);
            if (possessive && !np.isEmpty()) {
                spans.add(new Span(t.start(), tokens.get(end - 1).end(), phrase, "the " + np + " of " + names,
                        referents));
                i = end - 1;
            } else if (possessive) {
                spans.add(new Span(t.start(), t.end(), phrase, names + "'s", referents));
            } else {
                spans.add(new Span(t.start(), t.end(), phrase, names, referents));
            }
        }
        if (spans.isEmpty()) {
            return new FollowUp.Standalone(text);
        }
        StringBuilder out = new StringBuilder(text);
        List<FollowUp.Substitution> subs = new ArrayList<>();
        for (int k = spans.size() - 1; k >= 0; k--) {
            Span s = spans.get(k);
            out.replace(s.start(), s.end(), s.replacement());
            subs.add(0, new FollowUp.Substitution(s.phrase(), s.replacement(), s.referents()));
        }
        return new FollowUp.Resolved(capitalised(out.toString()), text, subs);
    }

    /** A lone "that": at the start or after a verb or preposition, and before a comparison, a preposition or the end. */
    private static boolean standsAlone(List<Token> tokens, int i) {
        boolean before = i == 0 || WORDS.is(Op.BEFORE_PRONOUN, tokens.get(i - 1).lower());
        if (!before) {
            return false;
        }
        if (i + 1 >= tokens.size()) {
            return true;
        }
        String next = tokens.get(i + 1).lower();
        return WORDS.is(Op.AFTER_PRONOUN, next) || next.endsWith("er") && next.length() > 4;
    }

    /** Where the noun phrase after a possessive ends: at the first function word, at most four words on. */
    private static int nounPhraseEnd(List<Token> tokens, int from) {
        int end = from;
        while (end < tokens.size() && end - from < 4 && !WORDS.is(Op.STOP, tokens.get(end).lower())) {
            end++;
        }
        return end;
    }

    /** "What is the density of gold?" → "the density of gold". */
    static String askedPhrase(String question) {
        String q = question.strip().replaceAll("[?.!\\s]+$", "");
        for (String opener : WORDS.phrases(Op.OPENER)) {
            String rest = after(q, opener);
            if (rest != null) {
                return rest;
            }
        }
        return "";
    }

    /** What follows an opener of the lexicon the text starts with (compared folded, word by word), or null. */
    static String after(String text, String opener) {
        String[] words = text.strip().split("\\s+");
        int n = opener.split(" ").length;
        if (words.length <= n || !Lexicon.fold(String.join(" ", Arrays.copyOf(words, n))).equals(opener)) {
            return null;
        }
        return String.join(" ", Arrays.copyOfRange(words, n, words.length)).strip();
    }

    // ---- referents

    /** One entity the conversation is about: the only one of the latest exchange that names any, else all candidates. */
    private List<Referent> salientOne(List<Exchange> earlier, String nounPhrase) {
        for (int k = earlier.size() - 1; k >= 0; k--) {
            Exchange e = earlier.get(k);
            List<Referent> all = distinct(concat(mentions.in(e.question()), mentions.in(e.answer())));
            if (all.isEmpty()) {
                continue;
            }
            if (all.size() > 1 && !nounPhrase.isBlank()) {
                List<Referent> fitting = all.stream().filter(r -> hasPropertyNamed(r, nounPhrase)).toList();
                if (fitting.size() == 1) {
                    return fitting;
                }
            }
            return all;
        }
        return List.of();
    }

    /** Several entities: those of the latest answer that lists more than one, else of its question. */
    private List<Referent> salientMany(List<Exchange> earlier) {
        for (int k = earlier.size() - 1; k >= 0; k--) {
            Exchange e = earlier.get(k);
            List<Referent> answered = distinct(mentions.in(e.answer()));
            List<Referent> asked = distinct(mentions.in(e.question()));
            List<Referent> answeredNew = answered.stream()
                    .filter(r -> asked.stream().noneMatch(a -> a.iri().equals(r.iri()))).toList();
            if (answeredNew.size() > 1) {
                return answeredNew;
            }
            if (asked.size() > 1) {
                return asked;
            }
            if (answered.size() > 1) {
                return answered;
            }
        }
        return List.of();
    }

    /** The entities of a class in the latest exchange that names any; the answer's new ones first. */
    private List<Referent> ofClass(List<Exchange> earlier, String classIri) {
        for (int k = earlier.size() - 1; k >= 0; k--) {
            Exchange e = earlier.get(k);
            List<Referent> all = distinct(concat(mentions.in(e.answer()), mentions.in(e.question()))).stream()
                    .filter(r -> r.classes().contains(classIri)).toList();
            if (!all.isEmpty()) {
                return all;
            }
        }
        return List.of();
    }

    /** Whether one of the entity's classes uses a property whose name shares a word with the phrase. */
    private boolean hasPropertyNamed(Referent r, String phrase) {
        List<String> words = Token.of(phrase).stream().map(Token::lower)
                .filter(w -> !WORDS.is(Op.STOP, w) && w.length() > 2).toList();
        for (String c : r.classes()) {
            Optional<ClassProfile> cp = profile.classProfile(c);
            if (cp.isEmpty()) {
                continue;
            }
            for (PropertyUse use : cp.get().properties()) {
                for (String name : NameText.key(profile.nameOf(use.property())).split(" ")) {
                    if (words.stream().anyMatch(w -> sameWord(w, name))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean sameWord(String a, String b) {
        return a.equals(b) || singular(a).equals(singular(b));
    }

    // ---- class names

    private record ClassSpan(String iri, int end, boolean plural) {
    }

    /** A class named by one to three words from {@code from}: its name or local-name words, singular or plural. */
    private Optional<ClassSpan> className(List<Token> tokens, int from) {
        for (int n = Math.min(3, tokens.size() - from); n >= 1; n--) {
            StringBuilder key = new StringBuilder();
            for (int k = from; k < from + n; k++) {
                key.append(key.isEmpty() ? "" : " ").append(tokens.get(k).lower());
            }
            String written = NameText.key(key.toString());
            for (ClassProfile c : profile.classes()) {
                if (c.instances() == 0) {
                    continue;
                }
                for (String name : classNames(c)) {
                    if (written.equals(name)) {
                        return Optional.of(new ClassSpan(c.iri(), from + n, false));
                    }
                    if (plurals(name).contains(written)) {
                        return Optional.of(new ClassSpan(c.iri(), from + n, true));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private List<String> classNames(ClassProfile c) {
        List<String> names = new ArrayList<>();
        names.add(NameText.key(c.name() == null ? "" : c.name()));
        names.add(String.join(" ", NameText.words(NameText.localName(c.iri()))));
        return names.stream().filter(n -> !n.isEmpty()).distinct().toList();
    }

    /** English plural forms of a name's last word. */
    private static Set<String> plurals(String name) {
        if (name.endsWith("y") && name.length() > 2) {
            return Set.of(name + "s", name.substring(0, name.length() - 1) + "ies");
        }
        if (name.endsWith("s") || name.endsWith("x") || name.endsWith("ch") || name.endsWith("sh")) {
            return Set.of(name + "es");
        }
        return Set.of(name + "s");
    }

    private static String singular(String w) {
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    // ---- helpers

    private record Span(int start, int end, String phrase, String replacement, List<Referent> referents) {
    }

    private static FollowUp rewrap(FollowUp f, String original) {
        if (f instanceof FollowUp.Resolved r) {
            return new FollowUp.Resolved(r.question(), original, r.substitutions());
        }
        if (f instanceof FollowUp.Ambiguous a) {
            return new FollowUp.Ambiguous(original, a.phrase(), a.candidates());
        }
        return new FollowUp.Standalone(original);
    }

    private static boolean shares(List<String> a, List<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    private static List<Referent> distinct(List<Referent> referents) {
        Map<String, Referent> byIri = new LinkedHashMap<>();
        referents.forEach(r -> byIri.putIfAbsent(r.iri(), r));
        return List.copyOf(byIri.values());
    }

    private static List<Referent> concat(List<Referent> a, List<Referent> b) {
        List<Referent> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String replaceWords(String text, String surface, String replacement) {
        int at = text.indexOf(surface);
        if (at < 0) {
            return null;
        }
        return text.substring(0, at) + replacement + text.substring(at + surface.length());
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
