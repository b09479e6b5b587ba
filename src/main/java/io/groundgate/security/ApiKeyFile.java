package io.groundgate.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Parses an API key file: one key per line, fields separated by spaces or tabs, {@code #} starts a comment.
 *
 * <pre>
 * # name     sha256 (hex of the key)                                            models                 rpm  burst tokens/day
 * alice      2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b   *                      600  60    1000000
 * reporting  9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08   grounded/*,groundgate-local
 * batch      3a6eb0790f39ac87c94f3856b2dd2c5d110e6811602261a9a923d3bb23adc8b7   *                      -    -     500000
 * </pre>
 *
 * {@code models} is a comma-separated allow-list ({@code *}, exact ids, prefixes ending in {@code *}); {@code rpm} is
 * requests per minute ({@code -} or absent: no limit); {@code burst} defaults to {@code rpm} ({@code -} or absent);
 * {@code tokens/day} is the daily token quota, UTC ({@code -} or absent: none).
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
        if (fields.length < 3 || fields.length > 6) {
            throw new IllegalArgumentException("expected 'name sha256 models [rpm [burst [tokens/day]]]', found "
                    + fields.length
                    + " field" + (fields.length == 1 ? "" : "s"));
        }
        ModelAllowList models = ModelAllowList.of(Arrays.asList(fields[2].split(",")));
        Optional<RateLimit> limit = Optional.empty();
        if (fields.length >= 4 && !fields[3].equals("-")) {
            int rpm = number(fields[3], "rpm");
            int burst = fields.length >= 5 && !fields[4].equals("-") ? number(fields[4], "burst") : rpm;
            limit = Optional.of(new RateLimit(rpm, burst));
        } else if (fields.length >= 5 && !fields[4].equals("-")) {
            throw new IllegalArgumentException("a burst needs an rpm");
        }
        OptionalLong tokensPerDay = fields.length == 6 && !fields[5].equals("-")
                ? OptionalLong.of(longNumber(fields[5], "tokens/day"))
                : OptionalLong.empty();
        return new ApiKey(fields[0], fields[1], models, limit, tokensPerDay);
    }

    private static int number(String field, String what) {
        long value = longNumber(field, what);
        if (value != (int) value) {
            throw new IllegalArgumentException(what + " is too large (got '" + field + "')");
        }
        return (int) value;
    }

    private static long longNumber(String field, String what) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number (got '" + field + "')");
        }
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
