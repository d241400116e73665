package com.shopops.platform.data;

import java.util.List;

/**
 * When a price change is unusual enough that the owner should hear of it in the morning briefing: many
 * products repriced at once, or one price moved by a large share (the classic slip of 9.90 for 99.00).
 *
 * @param bulkProducts products repriced in one change from which it counts as a bulk change (default 20)
 * @param bigMove      a price move, as a fraction of the old price, from which it counts as large (default 0.5)
 */
public record PriceAlerts(int bulkProducts, double bigMove) {

    /** The defaults a shop starts with; each shop can change them in its settings. */
    public static final PriceAlerts DEFAULTS = new PriceAlerts(20, 0.5);

    /** Setting keys, under the core's settings of a shop. */
    public static final String BULK_KEY = "alerts.bulk-price-products";
    public static final String MOVE_KEY = "alerts.price-move";

    /** A price before and after. */
    public record Move(String sku, Long before, Long after) {

        /** The move as a fraction of the old price; 0 when either price is unknown or the old one was 0. */
        double share() {
            return before == null || after == null || before == 0 ? 0 : Math.abs(after - before) / (double) before;
        }
    }

    /** Why this set of price changes deserves an alert, or null when it does not. */
    public String reason(List<Move> moves) {
        List<Move> changed = moves.stream().filter(m -> !java.util.Objects.equals(m.before(), m.after())).toList();
        if (changed.size() >= bulkProducts) {
            return "bulk price change: " + changed.size() + " products repriced at once (alert from " + bulkProducts + ")";
        }
        Move biggest = changed.stream().max(java.util.Comparator.comparingDouble(Move::share)).orElse(null);
        if (biggest != null && biggest.share() >= bigMove) {
            return String.format(java.util.Locale.ROOT, "price of %s moved %.0f%% (%d → %d; alert from %.0f%%)", biggest.sku(),
                    biggest.share() * 100, biggest.before(), biggest.after(), bigMove * 100);
        }
        return null;
    }
}
