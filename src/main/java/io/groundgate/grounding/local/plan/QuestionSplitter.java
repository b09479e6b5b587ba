package io.groundgate.grounding.local.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    private QuestionSplitter() {
    }

    public static List<String> split(String message) {
        List<String> parts = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(message.strip())) {
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
