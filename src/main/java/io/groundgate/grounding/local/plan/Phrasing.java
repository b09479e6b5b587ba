package io.groundgate.grounding.local.plan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.groundgate.grounding.local.linking.Vocabulary;
import io.groundgate.grounding.local.linking.Words;

/** Rewrites typography the linker and the calculator read differently: superscripts, degree signs, "per". */
public final class Phrasing {

    private Phrasing() {
    }

    public static String normalise(String question) {
        String q = question.replace("²", "^2").replace("³", "^3").replace('’', '\'').replace('“', '"').replace('”', '"');
        return ArithmeticPhrases.units(q);
    }

    private static final Pattern PARTICIPLE = Pattern.compile("(?i)\\b(the|a|an|any)\\s+([a-z]+)\\s+([a-z]+?)ing\\b");

    /**
     * "the country bordering X" is "the country that borders X" when the graph names a property "borders" and a class
     * "country": a participle clause read as the relative clause the linker follows.
     */
    public static String participles(String question, Vocabulary vocabulary) {
        Matcher m = PARTICIPLE.matcher(question);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String noun = m.group(2);
            boolean isClass = !vocabulary.classesNamed(Vocabulary.key(noun)).isEmpty()
                    || !vocabulary.classesNamed(Vocabulary.key(Words.singular(noun))).isEmpty();
            String stem = m.group(3);
            String verb = null;
            for (String candidate : List.of(stem + "s", stem + "es", stem + "e" + "s")) {
                if (isClass && verb == null && !vocabulary.propertiesNamed(Vocabulary.key(candidate)).isEmpty()) {
                    verb = candidate;
                }
            }
            String replacement = verb == null ? m.group() : m.group(1) + " " + noun + " that " + verb;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
