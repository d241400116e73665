package com.shopops.plugins.members.analysis;

import com.shopops.api.data.CohortCell;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cohort table (同期群留存): for each month's new customers, how many ordered again in each month after,
 * as a triangle — every cohort runs up to the latest month in the cells, so a month where nobody came back
 * shows as 0 rather than disappearing.
 */
public final class CohortRetention {

    private CohortRetention() {
    }

    /**
     * The table's rows, sorted by cohort. A cohort's customers are its own month's cell (0 when that cell is
     * missing, and then every retention is null); cells for one cohort and month add up; a cell dated before
     * its cohort cannot be placed and is left out.
     */
    public static List<CohortRow> of(List<CohortCell> cells) {
        TreeMap<YearMonth, Map<YearMonth, long[]>> byCohort = new TreeMap<>();
        YearMonth latest = null;
        for (CohortCell c : cells) {
            if (c.month().isBefore(c.cohort())) {
                continue;
            }
            long[] sums = byCohort.computeIfAbsent(c.cohort(), k -> new HashMap<>())
                    .computeIfAbsent(c.month(), k -> new long[2]);
            sums[0] = Math.addExact(sums[0], c.customers());
            sums[1] = Math.addExact(sums[1], c.revenue());
            if (latest == null || c.month().isAfter(latest)) {
                latest = c.month();
            }
        }
        List<CohortRow> rows = new ArrayList<>();
        for (Map.Entry<YearMonth, Map<YearMonth, long[]>> e : byCohort.entrySet()) {
            YearMonth cohort = e.getKey();
            Map<YearMonth, long[]> months = e.getValue();
            long[] own = months.get(cohort);
            long size = own == null ? 0 : own[0];
            int last = (int) ChronoUnit.MONTHS.between(cohort, latest);
            List<CohortMonth> line = new ArrayList<>(last + 1);
            for (int offset = 0; offset <= last; offset++) {
                YearMonth month = cohort.plusMonths(offset);
                long[] sums = months.getOrDefault(month, new long[2]);
                line.add(new CohortMonth(offset, month, sums[0], sums[1], Rounding.ratio(sums[0], size)));
            }
            rows.add(new CohortRow(cohort, size, line));
        }
        return rows;
    }
}
