package com.shopops.plugins.activities.analysis;

import java.time.LocalDate;

/**
 * When a product's campaign allocation runs out at the pace so far (issue #8, point 4: "stock running out
 * before the end at the current pace").
 *
 * @param remaining   units of the allocation left (0 once sold out)
 * @param unitsPerDay units sold per live day so far
 * @param runsOutOn   the day the last unit is sold: the real day when sold out, else the forecast
 *                    (the as-of day plus the days the rest lasts at this pace, a started day counted whole)
 * @param soldOut     whether it has sold out already
 * @param beforeEnd   whether that day is before the campaign's last day (selling the last unit on the
 *                    last day is not early)
 * @param daysShort   live days left without stock: the last day − {@code runsOutOn}, 0 when not before the end
 */
public record StockOut(long remaining, double unitsPerDay, LocalDate runsOutOn, boolean soldOut, boolean beforeEnd,
                       long daysShort) {
}
