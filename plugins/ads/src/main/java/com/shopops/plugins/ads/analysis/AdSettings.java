package com.shopops.plugins.ads.analysis;

import com.shopops.api.SettingValues;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop's rules for judging keywords and the ad budget. Every number is a default a shop can change
 * in the plugin's settings under the key named beside it; {@link #DEFAULT} holds the defaults.
 *
 * @param targetRoi            {@code target-roi}: the ROI (ad GMV ÷ cost) the shop wants, default 3.0
 * @param monthlyBudget        {@code monthly-budget}: the month's ad budget in minor units, or null for
 *                             none (0 reads as none too); default none
 * @param minClicks            {@code min-clicks}: clicks before a keyword's ROI is judged at all, default 20
 * @param minOrdersToRaise     {@code min-orders-to-raise}: orders before a bid is raised, since the value of
 *                             an order is read from them, default 3 (so 1 order never raises)
 * @param confidence           {@code confidence}: two-sided confidence of every interval, default 0.95
 * @param bidStep              {@code bid-step}: how much a raise or a cut moves the bid, default 0.15 (15%)
 * @param pauseCostMultiple    {@code pause-cost-multiple}: pause a keyword without orders once it has cost
 *                             this many target CPAs (value of an order ÷ target ROI), default 2
 * @param deleteMinDays        {@code delete-min-days}: days a keyword must have run before it is deleted, default 30
 * @param deleteMinImpressions {@code delete-min-impressions}: impressions it must have had, default 1000
 * @param deleteMaxCtr         {@code delete-max-ctr}: delete when even the CTR interval's top is below this
 *                             (and no orders), default 0.005 (0.5%)
 * @param creativeCtrRatio     {@code creative-ctr-ratio}: change the creative when the CTR interval's top is
 *                             below this share of the ad group's CTR, default 0.5
 * @param paceTolerance        {@code pace-tolerance}: the month's projected spend within budget ± this is on
 *                             pace, default 0.10
 * @param addMinOrders         {@code add-min-orders}: orders a search term needs to be proposed as a keyword, default 1
 */
public record AdSettings(double targetRoi, Long monthlyBudget, int minClicks, int minOrdersToRaise, double confidence,
                         double bidStep, double pauseCostMultiple, int deleteMinDays, long deleteMinImpressions,
                         double deleteMaxCtr, double creativeCtrRatio, double paceTolerance, int addMinOrders) {

    public static final String TARGET_ROI = "target-roi";
    public static final String MONTHLY_BUDGET = "monthly-budget";
    public static final String MIN_CLICKS = "min-clicks";
    public static final String MIN_ORDERS_TO_RAISE = "min-orders-to-raise";
    public static final String CONFIDENCE = "confidence";
    public static final String BID_STEP = "bid-step";
    public static final String PAUSE_COST_MULTIPLE = "pause-cost-multiple";
    public static final String DELETE_MIN_DAYS = "delete-min-days";
    public static final String DELETE_MIN_IMPRESSIONS = "delete-min-impressions";
    public static final String DELETE_MAX_CTR = "delete-max-ctr";
    public static final String CREATIVE_CTR_RATIO = "creative-ctr-ratio";
    public static final String PACE_TOLERANCE = "pace-tolerance";
    public static final String ADD_MIN_ORDERS = "add-min-orders";
    /** The settings keys, in the order of the record's components. */
    public static final List<String> KEYS = List.of(TARGET_ROI, MONTHLY_BUDGET, MIN_CLICKS, MIN_ORDERS_TO_RAISE,
            CONFIDENCE, BID_STEP, PAUSE_COST_MULTIPLE, DELETE_MIN_DAYS, DELETE_MIN_IMPRESSIONS, DELETE_MAX_CTR,
            CREATIVE_CTR_RATIO, PACE_TOLERANCE, ADD_MIN_ORDERS);

    /** The defaults described above. */
    public static final AdSettings DEFAULT = new AdSettings(3.0, null, 20, 3, Intervals.DEFAULT_CONFIDENCE, 0.15, 2.0,
            30, 1000, 0.005, 0.5, 0.10, 1);

    /** Checks each value; the message names the key at fault. */
    public AdSettings {
        require(targetRoi > 0 && targetRoi <= 1000, TARGET_ROI + ": a ROI above 0 (3 = 3 of GMV for 1 of cost)");
        require(monthlyBudget == null || monthlyBudget >= 0, MONTHLY_BUDGET + ": minor units, 0 or more");
        require(minClicks >= 1, MIN_CLICKS + ": at least 1");
        require(minOrdersToRaise >= 1, MIN_ORDERS_TO_RAISE + ": at least 1");
        require(confidence >= 0.5 && confidence < 1, CONFIDENCE + ": from 0.5 to below 1 (0.95 = 95%)");
        require(bidStep > 0 && bidStep < 1, BID_STEP + ": a fraction above 0 and below 1 (0.15 = 15%)");
        require(pauseCostMultiple > 0 && pauseCostMultiple <= 100, PAUSE_COST_MULTIPLE + ": above 0 and at most 100");
        require(deleteMinDays >= 1, DELETE_MIN_DAYS + ": at least 1");
        require(deleteMinImpressions >= 0, DELETE_MIN_IMPRESSIONS + ": 0 or more");
        require(deleteMaxCtr >= 0 && deleteMaxCtr <= 1, DELETE_MAX_CTR + ": a fraction from 0 to 1 (0.005 = 0.5%)");
        require(creativeCtrRatio > 0 && creativeCtrRatio <= 1, CREATIVE_CTR_RATIO + ": a fraction above 0 and at most 1");
        require(paceTolerance >= 0 && paceTolerance < 1, PACE_TOLERANCE + ": a fraction from 0 to below 1 (0.1 = 10%)");
        require(addMinOrders >= 1, ADD_MIN_ORDERS + ": at least 1");
    }

    /** The budget, or null when none is set (a stored 0 is the empty field of a settings form). */
    public Long budget() {
        return monthlyBudget == null || monthlyBudget == 0 ? null : monthlyBudget;
    }

    /**
     * The settings from a shop's stored values (other keys ignored). A value that is not a number or
     * breaks its rule falls back to its default, so one bad value never stops the decisions; an empty
     * {@code monthly-budget} means none.
     */
    public static AdSettings fromSettings(Map<String, String> stored) {
        Map<String, String> values = DEFAULT.asMap();
        for (String key : KEYS) {
            String text = stored.get(key);
            if (text != null) {
                Map<String, String> tried = new LinkedHashMap<>(values);
                tried.put(key, text.strip());
                try {
                    values = of(tried).asMap();
                } catch (IllegalArgumentException e) {
                    // keep the default of this key
                }
            }
        }
        return of(values);
    }

    /**
     * The settings from text values, strictly: every key of {@link #KEYS} must be there (empty
     * {@code monthly-budget} for none) and valid, else an {@link IllegalArgumentException} names the key.
     */
    public static AdSettings of(Map<String, String> values) {
        String budget = values.get(MONTHLY_BUDGET);
        return new AdSettings(decimal(values, TARGET_ROI),
                budget == null || budget.isBlank() ? null : whole(values, MONTHLY_BUDGET),
                integer(values, MIN_CLICKS), integer(values, MIN_ORDERS_TO_RAISE),
                decimal(values, CONFIDENCE), decimal(values, BID_STEP), decimal(values, PAUSE_COST_MULTIPLE),
                integer(values, DELETE_MIN_DAYS), whole(values, DELETE_MIN_IMPRESSIONS),
                decimal(values, DELETE_MAX_CTR), decimal(values, CREATIVE_CTR_RATIO), decimal(values, PACE_TOLERANCE),
                integer(values, ADD_MIN_ORDERS));
    }

    /** The settings as the text a shop's settings store, by key in {@link #KEYS} order ("" for no budget). */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TARGET_ROI, text(targetRoi));
        m.put(MONTHLY_BUDGET, monthlyBudget == null ? "" : Long.toString(monthlyBudget));
        m.put(MIN_CLICKS, Integer.toString(minClicks));
        m.put(MIN_ORDERS_TO_RAISE, Integer.toString(minOrdersToRaise));
        m.put(CONFIDENCE, text(confidence));
        m.put(BID_STEP, text(bidStep));
        m.put(PAUSE_COST_MULTIPLE, text(pauseCostMultiple));
        m.put(DELETE_MIN_DAYS, Integer.toString(deleteMinDays));
        m.put(DELETE_MIN_IMPRESSIONS, Long.toString(deleteMinImpressions));
        m.put(DELETE_MAX_CTR, text(deleteMaxCtr));
        m.put(CREATIVE_CTR_RATIO, text(creativeCtrRatio));
        m.put(PACE_TOLERANCE, text(paceTolerance));
        m.put(ADD_MIN_ORDERS, Integer.toString(addMinOrders));
        return m;
    }

    private static String text(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String value(Map<String, String> values, String key) {
        String text = values.get(key);
        if (text == null) {
            throw new IllegalArgumentException(key + ": missing");
        }
        return text.strip();
    }

    private static double decimal(Map<String, String> values, String key) {
        return SettingValues.decimal(key, value(values, key));
    }

    private static long whole(Map<String, String> values, String key) {
        String text = value(values, key);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": a whole number, not '" + text + "'");
        }
    }

    private static int integer(Map<String, String> values, String key) {
        long n = whole(values, key);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + ": too large: " + n);
        }
        return (int) n;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
