package io.groundgate.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses an API key file: one key per line, fields separated by spaces or tabs, {@code #} starts a comment.
 *
 * <pre>
 * # name     sha256 (hex of the key)                                            models                 rpm  burst
 * alice      2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b   *                      600  60
 * reporting  9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08   grounded/*,groundgate-local
 * </pre>
 *
 * {@code models} is a comma-separated allow-list ({@code *}, exact ids, prefixes ending in {@code *}); {@code rpm} is
 * requests per minute ({@code -} or absent: no limit); {@code burst} defaults to {@code rpm}.
 */
public final class ApiKeyFile {

    private ApiKeyFile() {
    }

    /** The keys the text declares; a malformed line fails the whole file, naming the line. */
    public static List<ApiKey> parse(String text) {
        List<ApiKey> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                ApiKey key = parseLine(line.split("\\s+"));
                if (!names.add(key.name())) {
                    throw new IllegalArgumentException("the name '" + key.name() + "' is used twice");
                }
                keys.add(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(keys);
    }

    private static ApiKey parseLine(String[] fields) {
        if (fields.length < 3 || fields.length > 5) {
            throw new IllegalArgumentException("expected 'name sha256 models [rpm [burst]]', found " + fields.length
                    + " field" + (fields.length == 1 ? "" : "s"));
        }
        ModelAllowList models = ModelAllowList.of(Arrays.asList(fields[2].split(",")));
        Optional<RateLimit> limit = Optional.empty();
        if (fields.length >= 4 && !fields[3].equals("-")) {
            int rpm = number(fields[3], "rpm");
            int burst = fields.length == 5 ? number(fields[4], "burst") : rpm;
            limit = Optional.of(new RateLimit(rpm, burst));
        } else if (fields.length == 5) {
            throw new IllegalArgumentException("a burst needs an rpm");
        }
        return new ApiKey(fields[0], fields[1], models, limit);
    }

    private static int number(String field, String what) {
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number (got '" + field + "')");
        }
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
