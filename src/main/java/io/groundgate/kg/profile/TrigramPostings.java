package io.groundgate.kg.profile;

import java.util.HashMap;
import java.util.Map;

/**
 * The same postings as {@link NameText#trigramPostings}, built without a string per trigram: each trigram of a key is
 * packed into a long (three 16-bit chars) and counted in an open-addressing table; only distinct trigrams become
 * strings. A profile indexes every name of the graph, so this runs for a few hundred thousand keys per build.
 */
final class TrigramPostings {

    private long[] grams = new long[1 << 12];
    private NameText.IntList[] lists = new NameText.IntList[1 << 12];
    private boolean[] used = new boolean[1 << 12];
    private int size;

    private TrigramPostings() {
    }

    /** Trigram to the ids (positions in {@code keys}, ascending, once each) of the keys that contain it. */
    static Map<String, int[]> of(String[] keys) {
        TrigramPostings t = new TrigramPostings();
        for (int id = 0; id < keys.length; id++) {
            String key = keys[id];
            int n = key.length() + 3; // padded as "  " + key + " "
            for (int i = 0; i + 3 <= n; i++) {
                long gram = (long) at(key, i) << 32 | (long) at(key, i + 1) << 16 | at(key, i + 2);
                t.list(gram).addOnce(id);
            }
        }
        Map<String, int[]> index = new HashMap<>(t.size * 2);
        for (int i = 0; i < t.grams.length; i++) {
            if (t.used[i]) {
                long g = t.grams[i];
                index.put(new String(new char[] { (char) (g >>> 32), (char) (g >>> 16), (char) g }), t.lists[i].toArray());
            }
        }
        return index;
    }

    private static char at(String key, int padded) {
        int i = padded - 2;
        return i < 0 || i >= key.length() ? ' ' : key.charAt(i);
    }

    private NameText.IntList list(long gram) {
        int mask = grams.length - 1;
        int i = (int) (mix(gram) & mask);
        while (used[i]) {
            if (grams[i] == gram) {
                return lists[i];
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        grams[i] = gram;
        NameText.IntList list = lists[i] = new NameText.IntList();
        if (++size * 2 > grams.length) {
            grow();
        }
        return list;
    }

    private void grow() {
        long[] oldGrams = grams;
        NameText.IntList[] oldLists = lists;
        boolean[] oldUsed = used;
        grams = new long[oldGrams.length * 2];
        lists = new NameText.IntList[grams.length];
        used = new boolean[grams.length];
        int mask = grams.length - 1;
        for (int j = 0; j < oldGrams.length; j++) {
            if (oldUsed[j]) {
                int i = (int) (mix(oldGrams[j]) & mask);
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                grams[i] = oldGrams[j];
                lists[i] = oldLists[j];
            }
        }
    }

    private static long mix(long x) {
        x *= 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }
}
