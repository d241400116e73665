package com.shopops.plugins.listings.analysis;

import com.shopops.api.TitleSimilarity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The listing checks of DOMAIN.md ("Listings") for one product, pure over {@link ListingFacts}:
 * <ul>
 * <li>{@link Kind#BANNED_WORD}: the title uses a banned word (极限用语 such as 最, 第一, 国家级, or a medical
 *     claim); a Latin word matches as a whole word ignoring case ("cure" is not in "secure"), any other
 *     anywhere;</li>
 * <li>{@link Kind#TITLE_LENGTH}: the title is longer than the platform allows, counted as Taobao counts: a
 *     Chinese (CJK, full-width) character 2, any other 1;</li>
 * <li>{@link Kind#KEYWORD_ORDER}: the sheet gives a core keyword and the title does not start with it
 *     (ignoring case, spaces and punctuation before it);</li>
 * <li>{@link Kind#ATTRIBUTES}: attributes filled ÷ attributes total below the minimum (80%);</li>
 * <li>{@link Kind#PRICE_LADDER}: the dearest variant costs more than the ratio (3×) times the cheapest —
 *     a ladder a shopper reads as a bait price or a typo; a product with fewer than two priced variants
 *     passes;</li>
 * <li>{@link Kind#LOW_STOCK}: fewer units in stock than the warning threshold (50).</li>
 * </ul>
 * A check whose data is missing (no sheet row, unknown stock) passes: it cannot fail what it cannot see.
 */
public final class ListingCheck {

    /** What a check looks at. */
    public enum Kind {
        BANNED_WORD, TITLE_LENGTH, KEYWORD_ORDER, ATTRIBUTES, PRICE_LADDER, LOW_STOCK;

        /** Its name in routes and messages, e.g. {@code banned-word}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One failed check.
     *
     * @param kind   the check
     * @param found  what the product has: the banned words (separated by 、), the title's length, the title's
     *               start, the attributes filled of total with their share, the dearest ÷ cheapest variant, the stock
     * @param limit  what the rule asks: the length limit, the keyword, the minimum share, the ratio, the threshold
     * @param value  the figure seen, for sorting and charts (count of words, length, share, ratio, units)
     */
    public record Failure(Kind kind, String found, String limit, double value) {
    }

    private ListingCheck() {
    }

    /** Every failed check of {@code p} under {@code rules}, in {@link Kind} order. */
    public static List<Failure> check(ListingFacts p, ListingRules rules) {
        List<Failure> out = new ArrayList<>();
        List<String> banned = bannedWords(p.title(), rules.bannedWords());
        if (!banned.isEmpty()) {
            out.add(new Failure(Kind.BANNED_WORD, String.join("、", banned), null, banned.size()));
        }
        int length = titleLength(p.title());
        if (length > rules.titleMax()) {
            out.add(new Failure(Kind.TITLE_LENGTH, Integer.toString(length), Integer.toString(rules.titleMax()), length));
        }
        if (p.coreKeyword() != null && !p.coreKeyword().isBlank() && !startsWith(p.title(), p.coreKeyword())) {
            String norm = TitleSimilarity.normalize(p.title());
            String start = norm.substring(0, Math.min(norm.length(), TitleSimilarity.normalize(p.coreKeyword()).length()));
            out.add(new Failure(Kind.KEYWORD_ORDER, start, p.coreKeyword(), 0));
        }
        if (p.attributesFilled() != null && p.attributesTotal() != null && p.attributesTotal() > 0) {
            double share = (double) p.attributesFilled() / p.attributesTotal();
            if (share < rules.attributesMin()) {
                out.add(new Failure(Kind.ATTRIBUTES, p.attributesFilled() + "/" + p.attributesTotal() + " (" + percent(share) + ")",
                        percent(rules.attributesMin()), share));
            }
        }
        List<Map.Entry<String, Long>> priced = p.variantPrices().entrySet().stream().filter(e -> e.getValue() != null
                && e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey())).toList();
        if (priced.size() >= 2) {
            Map.Entry<String, Long> cheapest = priced.get(0);
            Map.Entry<String, Long> dearest = priced.get(priced.size() - 1);
            double ratio = (double) dearest.getValue() / cheapest.getValue();
            if (ratio > rules.priceLadderRatio()) {
                out.add(new Failure(Kind.PRICE_LADDER, dearest.getKey() + " ÷ " + cheapest.getKey(),
                        plain(rules.priceLadderRatio()), ratio));
            }
        }
        if (p.stock() != null && p.stock() < rules.stockWarning()) {
            out.add(new Failure(Kind.LOW_STOCK, Integer.toString(p.stock()), Integer.toString(rules.stockWarning()), p.stock()));
        }
        return out;
    }

    /** A share as a whole percentage, rounded down so that a failing share never reads as the minimum: 0.799 → "79%". */
    static String percent(double share) {
        return (long) Math.floor(share * 100 + 1e-9) + "%";
    }

    /** A number without a trailing ".0": 3.0 → "3", 2.5 → "2.5". */
    static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** The banned words {@code title} uses, in the list's order. */
    public static List<String> bannedWords(String title, List<String> banned) {
        String text = title == null ? "" : title.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (String word : banned) {
            String w = word.strip().toLowerCase(Locale.ROOT);
            if (w.isEmpty() || found.contains(word)) {
                continue;
            }
            boolean hit = w.chars().allMatch(c -> c < 128 && Character.isLetter(c) || c == ' ' || c == '.')
                    ? Pattern.compile("(?<![\\p{IsLatin}\\d])" + Pattern.quote(w) + "(?![\\p{IsLatin}\\d])").matcher(text).find()
                    : text.contains(w);
            if (hit) {
                found.add(word);
            }
        }
        return found;
    }

    /** A title's length as Taobao counts it: a CJK or full-width character 2, any other 1. */
    public static int titleLength(String title) {
        if (title == null) {
            return 0;
        }
        return title.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    private static boolean wide(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.HANGUL || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF60);
    }

    /** Whether {@code title} starts with {@code keyword}, both normalized (case, spaces and punctuation ignored). */
    static boolean startsWith(String title, String keyword) {
        return TitleSimilarity.normalize(title).startsWith(TitleSimilarity.normalize(keyword));
    }

    /** Failures counted by kind, every kind present (0 when none failed), in {@link Kind} order. */
    public static Map<Kind, Long> countByKind(List<List<Failure>> failures) {
        Map<Kind, Long> counts = new java.util.EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            counts.put(k, 0L);
        }
        failures.forEach(fs -> fs.stream().map(Failure::kind).distinct().forEach(k -> counts.merge(k, 1L, Long::sum)));
        return counts;
    }
}
