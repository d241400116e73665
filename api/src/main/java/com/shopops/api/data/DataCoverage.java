package com.shopops.api.data;

import java.time.LocalDate;

/**
 * Which shop-local days a shop's imported data spans, so that a figure of a range outside it can be
 * shown as unknown rather than as 0. A null day: none of that data yet.
 *
 * @param firstOrder   day of the first order, of any status (cancelled ones included)
 * @param lastOrder    day of the last order, of any status
 * @param firstTraffic first day with a shop-total traffic row (source {@code all})
 * @param lastTraffic  last day with a shop-total traffic row
 * @param firstEvent   day of the first behaviour event
 * @param lastEvent    day of the last behaviour event
 * @since 1.2.0
 */
public record DataCoverage(LocalDate firstOrder, LocalDate lastOrder, LocalDate firstTraffic, LocalDate lastTraffic,
                           LocalDate firstEvent, LocalDate lastEvent) {
}
