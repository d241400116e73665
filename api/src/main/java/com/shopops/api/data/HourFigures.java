package com.shopops.api.data;

import java.time.LocalDate;

/**
 * One clock hour of one shop-local day, in the shop's time zone: what was ordered and who came. On the
 * autumn DST change the repeated hour's two clock hours are added up in one; the skipped spring hour has none.
 *
 * @param day      shop-local day
 * @param hour     0–23, in the shop's time zone
 * @param orders   orders placed in that hour that count (not cancelled)
 * @param sales    their amounts summed, minor units
 * @param visitors distinct shoppers with a behaviour event in that hour (summed over the two clock hours of a
 *                 repeated DST hour)
 * @since 1.2.0
 */
public record HourFigures(LocalDate day, int hour, long orders, long sales, long visitors) {
}
