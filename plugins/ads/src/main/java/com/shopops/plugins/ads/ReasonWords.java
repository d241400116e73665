package com.shopops.plugins.ads;

import com.shopops.api.Messages;
import com.shopops.api.Money;
import com.shopops.plugins.ads.analysis.KeywordDecision.Reason;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A decision's reason in the reader's words: the message of its key with its numbers formatted as
 * what they are — money in the shop's currency, rates as per cent, ROI with two decimals, counts whole.
 * The analysis keeps the numbers raw (minor units, fractions) so they stay exact in the evidence.
 */
final class ReasonWords {

    /** How one argument is shown. */
    enum Kind {
        COUNT, MONEY, PERCENT, RATIO
    }

    private static final Kind C = Kind.COUNT;
    private static final Kind M = Kind.MONEY;
    private static final Kind P = Kind.PERCENT;
    private static final Kind R = Kind.RATIO;

    /** The kinds of each reason's arguments, in the order {@link Reason}'s Javadoc gives them. */
    static final Map<Reason, List<Kind>> KINDS = new EnumMap<>(Map.ofEntries(
            Map.entry(Reason.DELETE_DEAD, List.of(C, C, P, P)),
            Map.entry(Reason.PAUSE_NO_ORDERS, List.of(M, M, R, C)),
            Map.entry(Reason.ROI_ABOVE_TARGET, List.of(R, R, R, R, P)),
            Map.entry(Reason.ROI_BELOW_TARGET, List.of(R, R, R, R, P)),
            Map.entry(Reason.RAISE_HELD_BY_BUDGET, List.of(R, R, R, M, M)),
            Map.entry(Reason.FEW_ORDERS_TO_RAISE, List.of(C, C, R, R)),
            Map.entry(Reason.CTR_FAR_BELOW_AD_GROUP, List.of(P, P, P, P)),
            Map.entry(Reason.NO_CLICKS, List.of(C)),
            Map.entry(Reason.FEW_CLICKS, List.of(C, C)),
            Map.entry(Reason.NO_COST, List.of(C, C)),
            Map.entry(Reason.NO_ORDER_VALUE, List.of(C, M)),
            Map.entry(Reason.BELOW_TARGET_UNSURE, List.of(R, R, R, R)),
            Map.entry(Reason.ON_TARGET, List.of(R, R, R, R)),
            Map.entry(Reason.SEARCH_TERM_SOLD, List.of(C, M, R, R)),
            Map.entry(Reason.SEARCH_TERM_SOLD_FREE, List.of(C, M))));

    private final Messages messages;

    ReasonWords(Messages messages) {
        this.messages = messages;
    }

    /** The reason of {@code key} with {@code args}, in {@code locale}, money in {@code currency}. */
    String text(Locale locale, String currency, String key, List<? extends Number> args) {
        Reason reason = reason(key);
        List<Kind> kinds = reason == null ? List.of() : KINDS.get(reason);
        List<Object> shown = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            Number n = args.get(i);
            shown.add(n == null ? "–" : format(i < kinds.size() ? kinds.get(i) : Kind.RATIO, n, currency, locale));
        }
        return messages.text(locale, key, shown.toArray());
    }

    /** The reason with message key {@code key}, or null. */
    static Reason reason(String key) {
        for (Reason r : Reason.values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        return null;
    }

    static String format(Kind kind, Number n, String currency, Locale locale) {
        return switch (kind) {
            case COUNT -> NumberFormat.getIntegerInstance(locale).format(n.longValue());
            case MONEY -> money(n.longValue(), currency, locale);
            case PERCENT -> percent(n.doubleValue(), locale);
            case RATIO -> decimal(n.doubleValue(), 2, locale);
        };
    }

    /** Minor units as the major amount with the currency's symbol, e.g. ¥12.34. */
    static String money(long minor, String currency, Locale locale) {
        return Money.text(minor, currency, locale);
    }

    /** A fraction as per cent with up to two decimals: 0.0123 → 1.23%. */
    static String percent(double fraction, Locale locale) {
        return decimal(fraction * 100, fraction != 0 && Math.abs(fraction) < 0.01 ? 2 : 1, locale) + "%";
    }

    private static String decimal(double value, int digits, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(digits);
        f.setMinimumFractionDigits(0);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }
}
