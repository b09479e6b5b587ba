package io.groundgate.grounding.local.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a message into sub-questions: one per sentence, and a sentence again at "and" (or "; ") when what follows
 * starts a question of its own ("… and what is …", "… and the capital of …"). "Gold and lead" stays together.
 */
public final class QuestionSplitter {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[?!])\\s*|(?<=\\.)\\s+(?=[A-Z])|;\\s+|\\n+");
    private static final Pattern AND = Pattern.compile(",?\\s+(?:and|also|plus)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Set<String> STARTERS = Set.of("what", "what's", "whats", "which", "who", "how", "is", "are",
            "does", "do", "where", "when", "the", "list", "name", "tell", "give", "can", "compare", "calculate");

    // "The capital of a country is X." / "X is the capital of a country."
    private static final Pattern DESCRIBED = Pattern.compile(
            "(?i)(?:the\\s+)?([a-z][\\w -]*?)\\s+of\\s+(?:a|an|one|some|a certain)\\s+([a-z][a-z -]*?)\\s+is\\s+(\\S.*?)\\.?");
    private static final Pattern DESCRIBED_FIRST = Pattern.compile(
            "(?i)(\\S.*?)\\s+is\\s+the\\s+([a-z][\\w -]*?)\\s+of\\s+(?:a|an|one|some|a certain)\\s+([a-z][a-z -]*?)\\.?");

    // "X has exactly one neighbouring country."
    private static final Pattern HAS_ONE = Pattern.compile(
            "(?i)(\\S.*?)\\s+(?:has|have|had)\\s+(?:exactly|only|just)\\s+(?:one|a single)\\s+([a-z][a-z -]*?)\\.?");

    private QuestionSplitter() {
    }

    /**
     * A statement describing an unnamed entity ("The capital of a country is X.") followed by a sentence referring back
     * to it ("that country's population", "its population", "that country") becomes one question about "the country
     * whose capital is X". Sentences without such a pair are left as they are.
     */
    static List<String> resolveReferences(String[] sentences) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sentences.length; i++) {
            String s = sentences[i].strip();
            if (i + 1 < sentences.length && !s.endsWith("?")) {
                String description = null;
                String cls = null;
                Matcher m = DESCRIBED.matcher(s);
                if (m.matches()) {
                    cls = m.group(2).strip();
                    description = "the " + cls + " whose " + m.group(1).strip() + " is " + m.group(3).strip();
                } else if ((m = DESCRIBED_FIRST.matcher(s)).matches()) {
                    cls = m.group(3).strip();
                    description = "the " + cls + " whose " + m.group(2).strip() + " is " + m.group(1).strip();
                } else if ((m = HAS_ONE.matcher(s)).matches()) {
                    String[] words = m.group(2).strip().split("\\s+");
                    cls = words[words.length - 1];
                    description = "the " + m.group(2).strip() + " of " + m.group(1).strip();
                }
                if (description != null) {
                    String resolved = refer(sentences[i + 1].strip(), cls, description);
                    if (resolved != null) {
                        out.add(resolved);
                        i++;
                        continue;
                    }
                }
            }
            out.add(sentences[i]);
        }
        return out;
    }

    private static String refer(String next, String cls, String description) {
        String c = Pattern.quote(cls);
        // "that country's population" / "its population" -> "the population of <description>"
        Pattern possessive = Pattern.compile("(?i)\\b(?:(?:that|this|the said|the same)\\s+" + c + "['’]s|its)\\s+"
                + "((?:\\d{4}\\s+)?[a-z][a-z-]*(?:\\s+[a-z][a-z-]*)?)(?=\\s+in\\s+\\d{4}\\b|\\s*[?.!,]|\\s*$)");
        Matcher m = possessive.matcher(next);
        if (m.find()) {
            return next.substring(0, m.start()) + "the " + m.group(1) + " of " + description + next.substring(m.end());
        }
        // "that country" / "this country" / "it" after a verb is left alone unless the class is named
        Pattern demonstrative = Pattern.compile("(?i)\\b(?:that|this|the said|the same)\\s+" + c + "\\b(?!['’])");
        m = demonstrative.matcher(next);
        if (m.find()) {
            return next.substring(0, m.start()) + description + next.substring(m.end());
        }
        return null;
    }

    public static List<String> split(String message) {
        List<String> parts = new ArrayList<>();
        for (String sentence : resolveReferences(SENTENCE_END.split(message.strip()))) {
            String s = sentence.strip();
            if (s.isEmpty()) {
                continue;
            }
            String[] pieces = AND.split(s);
            StringBuilder current = new StringBuilder(pieces[0]);
            for (int i = 1; i < pieces.length; i++) {
                String first = pieces[i].strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
                // "the density and the melting point of X" is one question; "the capital of X and the area of Y" two
                boolean startsQuestion = STARTERS.contains(first)
                        && (!first.equals("the") || current.toString().toLowerCase(Locale.ROOT).contains(" of "));
                if (startsQuestion) {
                    parts.add(current.toString().strip());
                    current = new StringBuilder(pieces[i]);
                } else {
                    current.append(" and ").append(pieces[i]);
                }
            }
            parts.add(current.toString().strip());
        }
        // "It goes from 40 to 50. What is the percentage change?" is one question spread over two sentences
        if (parts.size() > 1 && ArithmeticPhrases.percentChange(message)
                && parts.stream().noneMatch(ArithmeticPhrases::percentChange)) {
            return List.of(message.strip().replaceAll("\\s+", " "));
        }
        return parts.stream().filter(p -> p.chars().anyMatch(Character::isLetterOrDigit)).toList();
    }
}
