package io.groundgate.grounding.local.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One word of a text with where it stands, so a referent can replace exactly the words it stands for.
 *
 * @param text the word as written
 * @param start its first character
 * @param end one past its last character
 */
record Token(String text, int start, int end) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’.\\-][\\p{L}\\p{N}]+)*");

    String lower() {
        return text.toLowerCase(Locale.ROOT);
    }

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            tokens.add(new Token(m.group(), m.start(), m.end()));
        }
        return tokens;
    }
}
