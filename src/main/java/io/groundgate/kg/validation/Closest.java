package io.groundgate.kg.validation;

import java.util.Collection;
import java.util.Locale;

/** The declared name nearest to a misspelt one (edit distance on the local name, ignoring case). */
final class Closest {

    private Closest() {
    }

    /** The candidate in the same namespace nearest to {@code iri}, or null when none is close enough to be a typo. */
    static String to(String iri, Collection<String> candidates) {
        String ns = namespace(iri);
        String local = iri.substring(ns.length()).toLowerCase(Locale.ROOT);
        int limit = Math.max(2, local.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (!c.startsWith(ns) || c.equals(iri)) {
                continue;
            }
            int d = distance(local, c.substring(ns.length()).toLowerCase(Locale.ROOT));
            if (d <= limit && (d < bestDistance || d == bestDistance && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The IRI up to and including its last {@code #} or {@code /}. */
    static String namespace(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut < 0 ? iri : iri.substring(0, cut + 1);
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("platfroms" → "platforms" is 1). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
