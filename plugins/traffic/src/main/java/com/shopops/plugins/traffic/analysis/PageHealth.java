package com.shopops.plugins.traffic.analysis;

import com.shopops.api.SettingValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The weekly page check (DOMAIN.md, Morning 7, 店铺页面检查): do the shop's pages sell the range, keep
 * visitors, and lead them on? If not, fix the pages before buying more traffic — otherwise every
 * promotion loses money. Three checks:
 * <ul>
 *   <li><b>aovRatio</b>: shop AOV ÷ hero product AOV, at least {@code page-health.aov-ratio} (1.3). The hero
 *       is the product with the most sales in the week. Both AOVs are per order, so they compare like with
 *       like: shop AOV = sales ÷ orders; hero AOV = the hero's line sales ÷ the orders holding it. A ratio
 *       near 1 means orders hold the hero and little else: the page does not sell the rest of the range.</li>
 *   <li><b>bounceRate</b>: below {@code page-health.bounce-rate.pass} (70%) passes, below
 *       {@code page-health.bounce-rate.good} (60%) is good.</li>
 *   <li><b>pagesPerVisit</b>: at least {@code page-health.pages-per-visit.pass} (2.5) passes, above
 *       {@code page-health.pages-per-visit.good} (3.5) is good.</li>
 * </ul>
 * Values are rounded to 6 decimals before they are judged, so a weighted average that comes out as
 * 0.7000000000000001 is judged as 0.7. A check without data (no orders, no traffic) is {@code unknown}.
 *
 * @param checks the three checks, in the order above
 */
public record PageHealth(List<Check> checks) {

    public PageHealth {
        checks = List.copyOf(checks);
    }

    /** A check's outcome. */
    public enum Verdict {
        FAIL, PASS, GOOD, UNKNOWN;

        /** The verdict's name in JSON, e.g. {@code pass}. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which way is better for a check's value. */
    public enum Better {
        HIGHER, LOWER;

        /** The direction's name in JSON: {@code higher} or {@code lower}. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One check.
     *
     * @param name    aovRatio, bounceRate or pagesPerVisit
     * @param value   the week's value, or null without data
     * @param pass    the passing threshold
     * @param good    the good threshold, or null when the check has none
     * @param better  which way is better
     * @param verdict the outcome
     */
    public record Check(String name, Double value, double pass, Double good, Better better, Verdict verdict) {
    }

    /**
     * A week's figures the checks read.
     *
     * @param sales       sales of the week's orders that were not cancelled, minor units
     * @param orders      those orders
     * @param heroSales   the hero product's line sales in those orders, minor units (0 without a hero)
     * @param heroOrders  the orders holding the hero
     * @param uv          visitors summed over the week's days
     * @param pv          page views summed over the week's days
     * @param bounceRate  the week's bounce rate (days weighted by visitors), or null when not reported
     */
    public record WeekFigures(long sales, long orders, long heroSales, long heroOrders, long uv, long pv,
                              Double bounceRate) {

        /** Shop AOV (sales ÷ orders) in minor units, or null without orders. */
        public Double shopAov() {
            return orders == 0 ? null : (double) sales / orders;
        }

        /** Hero AOV (hero sales ÷ hero orders) in minor units, or null without a hero. */
        public Double heroAov() {
            return heroOrders == 0 ? null : (double) heroSales / heroOrders;
        }

        /** Shop AOV ÷ hero AOV, or null when either is missing or the hero sold for nothing. */
        public Double aovRatio() {
            if (orders == 0 || heroOrders == 0 || heroSales <= 0) {
                return null;
            }
            // one division: (sales / orders) / (heroSales / heroOrders)
            return (double) sales * heroOrders / ((double) orders * heroSales);
        }

        /** Page views ÷ visitors, or null without visitors. */
        public Double pagesPerVisit() {
            return uv == 0 ? null : (double) pv / uv;
        }
    }

    /**
     * The shop's thresholds; defaults from DOMAIN.md, each changeable per shop in the plugin's settings
     * under {@link #KEYS}.
     *
     * @param aovRatio          shop AOV ÷ hero AOV passes at or above this
     * @param bounceRatePass    bounce rate passes below this
     * @param bounceRateGood    bounce rate is good below this
     * @param pagesPerVisitPass pages per visit passes at or above this
     * @param pagesPerVisitGood pages per visit is good above this
     */
    public record Thresholds(double aovRatio, double bounceRatePass, double bounceRateGood,
                             double pagesPerVisitPass, double pagesPerVisitGood) {

        public static final String AOV_RATIO = "page-health.aov-ratio";
        public static final String BOUNCE_RATE_PASS = "page-health.bounce-rate.pass";
        public static final String BOUNCE_RATE_GOOD = "page-health.bounce-rate.good";
        public static final String PAGES_PER_VISIT_PASS = "page-health.pages-per-visit.pass";
        public static final String PAGES_PER_VISIT_GOOD = "page-health.pages-per-visit.good";
        /** The settings keys, in the order of the record's components. */
        public static final List<String> KEYS = List.of(AOV_RATIO, BOUNCE_RATE_PASS, BOUNCE_RATE_GOOD,
                PAGES_PER_VISIT_PASS, PAGES_PER_VISIT_GOOD);

        /** DOMAIN.md's numbers: 1.3×, bounce < 70% / < 60%, pages ≥ 2.5 / > 3.5. */
        public static final Thresholds DEFAULT = new Thresholds(1.3, 0.70, 0.60, 2.5, 3.5);

        /** Checks that the thresholds make sense together; the message names the key at fault. */
        public Thresholds {
            require(aovRatio > 0 && aovRatio <= 10, AOV_RATIO + ": a ratio above 0 and at most 10");
            require(bounceRatePass > 0 && bounceRatePass <= 1, BOUNCE_RATE_PASS + ": a fraction above 0 and at most 1 (0.7 = 70%)");
            require(bounceRateGood > 0 && bounceRateGood <= 1, BOUNCE_RATE_GOOD + ": a fraction above 0 and at most 1 (0.6 = 60%)");
            require(bounceRateGood <= bounceRatePass, BOUNCE_RATE_GOOD + " (" + bounceRateGood + ") cannot be above "
                    + BOUNCE_RATE_PASS + " (" + bounceRatePass + "): a lower bounce rate is better");
            require(pagesPerVisitPass > 0 && pagesPerVisitPass <= 100, PAGES_PER_VISIT_PASS + ": pages above 0 and at most 100");
            require(pagesPerVisitGood > 0 && pagesPerVisitGood <= 100, PAGES_PER_VISIT_GOOD + ": pages above 0 and at most 100");
            require(pagesPerVisitGood >= pagesPerVisitPass, PAGES_PER_VISIT_GOOD + " (" + pagesPerVisitGood
                    + ") cannot be below " + PAGES_PER_VISIT_PASS + " (" + pagesPerVisitPass + "): more pages is better");
        }

        /**
         * The thresholds from a shop's stored settings (other keys ignored). A stored value that is not a
         * number, or that breaks the rules (settings can be written around this plugin's validation),
         * falls back to the default of its key, so a bad value never breaks the check.
         */
        public static Thresholds fromSettings(Map<String, String> stored) {
            Map<String, Double> values = DEFAULT.asMap();
            for (String key : KEYS) {
                String text = stored.get(key);
                if (text != null) {
                    try {
                        Map<String, Double> tried = new LinkedHashMap<>(values);
                        tried.put(key, SettingValues.decimal(key, text));
                        of(tried);
                        values = tried;
                    } catch (IllegalArgumentException e) {
                        // keep the default of this key
                    }
                }
            }
            return of(values);
        }

        /**
         * These thresholds with {@code changes} applied: a key with a number (or numeric text) sets it, a
         * key with null goes back to the default. Unknown keys, non-numbers and thresholds that contradict
         * each other are refused with an {@link IllegalArgumentException} naming the key.
         */
        public Thresholds with(Map<String, ?> changes) {
            Map<String, Double> values = asMap();
            for (Map.Entry<String, ?> e : changes.entrySet()) {
                String key = e.getKey();
                if (!KEYS.contains(key)) {
                    throw new IllegalArgumentException("unknown threshold '" + key + "'; the thresholds are " + String.join(", ", KEYS));
                }
                Object v = e.getValue();
                double value;
                if (v == null) {
                    value = DEFAULT.asMap().get(key);
                } else if (v instanceof Number n && !(v instanceof Double d && (d.isNaN() || d.isInfinite()))) {
                    value = n.doubleValue();
                } else if (v instanceof String text) {
                    value = SettingValues.decimal(key, text);
                } else {
                    throw new IllegalArgumentException(key + ": a number, not " + v);
                }
                values.put(key, value);
            }
            return of(values);
        }

        /** The thresholds by settings key, in {@link #KEYS} order. */
        public Map<String, Double> asMap() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(AOV_RATIO, aovRatio);
            m.put(BOUNCE_RATE_PASS, bounceRatePass);
            m.put(BOUNCE_RATE_GOOD, bounceRateGood);
            m.put(PAGES_PER_VISIT_PASS, pagesPerVisitPass);
            m.put(PAGES_PER_VISIT_GOOD, pagesPerVisitGood);
            return m;
        }

        /** A threshold as settings text, e.g. {@code 0.7} (no {@code 0.7000000000000001}). */
        public static String text(double value) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        private static Thresholds of(Map<String, Double> m) {
            return new Thresholds(m.get(AOV_RATIO), m.get(BOUNCE_RATE_PASS), m.get(BOUNCE_RATE_GOOD),
                    m.get(PAGES_PER_VISIT_PASS), m.get(PAGES_PER_VISIT_GOOD));
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /** The week's three checks against {@code thresholds}. */
    public static PageHealth judge(WeekFigures week, Thresholds t) {
        Double ratio = rounded(week.aovRatio());
        Double bounce = rounded(week.bounceRate());
        Double pages = rounded(week.pagesPerVisit());
        return new PageHealth(List.of(
                new Check("aovRatio", ratio, t.aovRatio(), null, Better.HIGHER,
                        ratio == null ? Verdict.UNKNOWN : ratio >= t.aovRatio() ? Verdict.PASS : Verdict.FAIL),
                new Check("bounceRate", bounce, t.bounceRatePass(), t.bounceRateGood(), Better.LOWER,
                        bounce == null ? Verdict.UNKNOWN
                                : bounce < t.bounceRateGood() ? Verdict.GOOD
                                : bounce < t.bounceRatePass() ? Verdict.PASS : Verdict.FAIL),
                new Check("pagesPerVisit", pages, t.pagesPerVisitPass(), t.pagesPerVisitGood(), Better.HIGHER,
                        pages == null ? Verdict.UNKNOWN
                                : pages > t.pagesPerVisitGood() ? Verdict.GOOD
                                : pages >= t.pagesPerVisitPass() ? Verdict.PASS : Verdict.FAIL)));
    }

    /** Whether any check failed: then the pages need work before more traffic is bought. */
    public boolean failing() {
        return checks.stream().anyMatch(c -> c.verdict() == Verdict.FAIL);
    }

    /** The check called {@code name}. */
    public Check check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check " + name));
    }

    private static Double rounded(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).doubleValue();
    }
}
