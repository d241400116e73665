package com.shopops.plugins.members.analysis;

import java.time.YearMonth;
import java.util.List;

/**
 * One row of the cohort table: the customers who first bought in {@code cohort}, and each month since.
 *
 * @param cohort    the month of the customers' first counting order
 * @param customers how many customers first bought in it
 * @param months    offset 0 up to the latest month of the table, without gaps
 */
public record CohortRow(YearMonth cohort, long customers, List<CohortMonth> months) {

    public CohortRow {
        months = List.copyOf(months);
    }
}
