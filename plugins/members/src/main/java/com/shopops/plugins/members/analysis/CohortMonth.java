package com.shopops.plugins.members.analysis;

import java.time.YearMonth;

/**
 * One month of a cohort's life: how many of its customers ordered in it, and what they spent.
 *
 * @param offset    months since the cohort's first month (0 = the cohort's own month)
 * @param month     the calendar month
 * @param customers the cohort's customers with a counting order in the month
 * @param revenue   what they spent in it, minor units
 * @param retention customers ÷ the cohort's customers; null when the cohort has none
 */
public record CohortMonth(int offset, YearMonth month, long customers, long revenue, Double retention) {
}
