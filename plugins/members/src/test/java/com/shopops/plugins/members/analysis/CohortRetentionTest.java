package com.shopops.plugins.members.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.data.CohortCell;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortRetentionTest {

    private static final YearMonth SEP = YearMonth.of(2025, 9), OCT = YearMonth.of(2025, 10),
            NOV = YearMonth.of(2025, 11), DEC = YearMonth.of(2025, 12);

    @Test
    void aTriangleUpToTheLatestMonth() {
        // Out of order on purpose; no September cohort cell for November, no October cell for November,
        // and the November cohort's own cell is missing.
        List<CohortRow> rows = CohortRetention.of(List.of(
                new CohortCell(OCT, DEC, 1, 5_000),
                new CohortCell(SEP, OCT, 4, 30_000),
                new CohortCell(DEC, DEC, 7, 70_000),
                new CohortCell(SEP, SEP, 10, 100_000),
                new CohortCell(NOV, DEC, 3, 9_000),
                new CohortCell(OCT, OCT, 5, 40_000),
                new CohortCell(SEP, DEC, 2, 15_000)));

        assertEquals(List.of(
                new CohortRow(SEP, 10, List.of(
                        new CohortMonth(0, SEP, 10, 100_000, 1.0),
                        new CohortMonth(1, OCT, 4, 30_000, 0.4),
                        new CohortMonth(2, NOV, 0, 0, 0.0),
                        new CohortMonth(3, DEC, 2, 15_000, 0.2))),
                new CohortRow(OCT, 5, List.of(
                        new CohortMonth(0, OCT, 5, 40_000, 1.0),
                        new CohortMonth(1, NOV, 0, 0, 0.0),
                        new CohortMonth(2, DEC, 1, 5_000, 0.2))),
                // no own cell: 0 customers, so no retention at all
                new CohortRow(NOV, 0, List.of(
                        new CohortMonth(0, NOV, 0, 0, null),
                        new CohortMonth(1, DEC, 3, 9_000, null))),
                new CohortRow(DEC, 7, List.of(new CohortMonth(0, DEC, 7, 70_000, 1.0)))), rows);
    }

    @Test
    void theLatestMonthComesFromAnyCohort() {
        // Only September's cohort has December, yet October's row still runs to December.
        List<CohortRow> rows = CohortRetention.of(List.of(
                new CohortCell(SEP, SEP, 2, 2_000), new CohortCell(SEP, DEC, 1, 500),
                new CohortCell(OCT, OCT, 4, 4_000)));
        assertEquals(3, rows.get(1).months().size(), "October, November, December");
        assertEquals(new CohortMonth(2, DEC, 0, 0, 0.0), rows.get(1).months().get(2));
    }

    @Test
    void noCellsNoRows() {
        assertTrue(CohortRetention.of(List.of()).isEmpty());
    }
}
