package com.shopops.api.data;

import java.time.YearMonth;

/**
 * One cell of a cohort table: of the customers whose first counting order (neither cancelled nor
 * refunded) fell in {@code cohort}, how many ordered again in {@code month}, and what they spent then.
 * The cell where {@code month} equals {@code cohort} holds the whole cohort.
 *
 * @param cohort    the month of the customers' first counting order
 * @param month     the month they ordered in, never before {@code cohort}
 * @param customers distinct customers of the cohort with a counting order in {@code month}
 * @param revenue   those orders' amounts summed, minor units
 * @since 1.3.0
 */
public record CohortCell(YearMonth cohort, YearMonth month, long customers, long revenue) {
}
