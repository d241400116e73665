package com.shopops.plugins.competitors.analysis;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two listing titles are: the Jaccard index of their character bigrams (|A ∩ B| / |A ∪ B|),
 * over the titles' letters and digits only, lower-cased. Chinese titles have no spaces between words,
 * so characters, not words, are compared; a bigram keeps their order ("锅铲" ≠ "铲锅"). 1 for the same
 * title, 0 for titles without a bigram in common. A title of one character is its one character.
 */
public final class TitleSimilarity {

    private TitleSimilarity() {
    }

    /** The similarity of {@code a} and {@code b}, from 0 to 1. */
    public static double of(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        int union = x.size() + y.size() - both.size();
        return (double) both.size() / union;
    }

    /** The distinct bigrams of a title's letters and digits. */
    static Set<String> bigrams(String title) {
        int[] cps = (title == null ? "" : title.toLowerCase(Locale.ROOT)).codePoints().filter(Character::isLetterOrDigit).toArray();
        Set<String> out = new HashSet<>();
        if (cps.length == 1) {
            out.add(new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        return out;
    }
}
