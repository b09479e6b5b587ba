package io.groundgate.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The model ids one API key may use: exact ids, {@code *} for every model, or prefixes written {@code grounded/*}.
 */
public final class ModelAllowList {

    private static final ModelAllowList ALL = new ModelAllowList(true, Set.of(), List.of(), List.of("*"));

    private final boolean all;
    private final Set<String> exact;
    private final List<String> prefixes;
    private final List<String> patterns;

    private ModelAllowList(boolean all, Set<String> exact, List<String> prefixes, List<String> patterns) {
        this.all = all;
        this.exact = exact;
        this.prefixes = prefixes;
        this.patterns = patterns;
    }

    public static ModelAllowList all() {
        return ALL;
    }

    /** Parses patterns; blank ones are ignored and an empty list allows nothing. */
    public static ModelAllowList of(List<String> patterns) {
        Set<String> exact = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String raw : patterns) {
            String pattern = raw.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            if (pattern.equals("*")) {
                return ALL;
            }
            kept.add(pattern);
            if (pattern.endsWith("*")) {
                String prefix = pattern.substring(0, pattern.length() - 1);
                if (prefix.contains("*")) {
                    throw new IllegalArgumentException("'" + pattern + "': '*' may only end a model pattern");
                }
                prefixes.add(prefix);
            } else if (pattern.contains("*")) {
                throw new IllegalArgumentException("'" + pattern + "': '*' may only end a model pattern");
            } else {
                exact.add(pattern);
            }
        }
        return new ModelAllowList(false, Set.copyOf(exact), List.copyOf(prefixes), List.copyOf(kept));
    }

    public boolean allows(String model) {
        if (all) {
            return true;
        }
        if (model == null) {
            return false;
        }
        if (exact.contains(model)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (model.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public boolean allowsAll() {
        return all;
    }

    @Override
    public String toString() {
        return String.join(",", patterns);
    }
}
