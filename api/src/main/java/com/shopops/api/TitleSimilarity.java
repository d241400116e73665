package com.shopops.api;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How nearly two listing titles are the same, for copycat and rival searches: the Jaccard index of their
 * character bigrams, |A ∩ B| ÷ |A ∪ B|, over the titles {@linkplain #normalize normalized} (NFKC, so
 * full-width ＡＢＣ１２ reads as ABC12; lower case; only letters and digits of any script, so spaces,
 * punctuation and 【】 do not count). Bigrams of characters work for Chinese, which has no spaces between
 * words, as well as for Latin text, and keep the characters' order ("锅铲" is not "铲锅"); a copycat that
 * reorders a title's words keeps most of its bigrams. A title of one character is its one character; an
 * empty one is like nothing (0). For example:
 * <pre>{@code
 * TitleSimilarity.jaccard("硅胶厨具套装", "厨具套装硅胶")   // 4 shared of 6 bigrams: 0.67
 * TitleSimilarity.jaccard("硅胶锅铲", "硅胶汤勺")           // 1 shared of 5: 0.2
 * TitleSimilarity.normalize("Ｐａｎ-Set 12【新】")          // "panset12新"
 * }</pre>
 * Shared in the API so that every plugin that compares titles (listings' copycats, competitors' rivals of
 * the hero item) finds the same titles alike.
 *
 * @since 1.4.0
 */
public final class TitleSimilarity {

    private TitleSimilarity() {
    }

    /** The Jaccard index of {@code a}'s and {@code b}'s character bigrams, 0 to 1; null is like nothing. */
    public static double jaccard(String a, String b) {
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

    /** {@code title} as compared: NFKC, lower case, letters and digits only; "" for null. */
    public static String normalize(String title) {
        if (title == null) {
            return "";
        }
        String n = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The distinct bigrams of {@code title}'s normalized code points (its one character when it has one). */
    public static Set<String> bigrams(String title) {
        int[] cps = normalize(title).codePoints().toArray();
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
